"""The claim model: a relation printed in a paper, with what is needed to check it in two layers.

A :class:`Claim` holds the relation ``lhs (relation) rhs`` between SymPy expressions in the paper's letters, the
statement as printed (LaTeX), the paper key, location and spec ID. It may carry

* ``definitions``: a symbolic model of the physics (e.g. a symbolic Fourier crystal) that each formula symbol
  stands for; the symbolic layer substitutes them and asks whether the residual vanishes identically;
* ``numeric``: a :class:`NumericCheck` that draws random physical instances, computes from each instance the
  value of every symbol of the relation (quadrature, diagonalization, direct sums, FFTs) and lets the engine
  evaluate the printed relation on those values.

Because the engine, not the evaluator, evaluates ``lhs`` and ``rhs``, the formula under test is exactly the one
printed, and a mutated formula goes through both layers (``benchmarks/mutation.py``).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Mapping

import sympy as sp

from .errors import InvalidClaim

__all__ = ["Claim", "NumericCheck", "Observation", "Relation", "Tolerance", "PAPERS"]

PAPERS = {
    "tangney2024": 'P. Tangney, "Electricity at the macroscale and its microscopic origins" (2024)',
    "sen2024": 'S. Sen, Y. Wang, T. Breitzman, K. Dayal, "Nonuniqueness in defining the polarization" (2024)',
    "cho": 'K. Cho, "Model-independent derivation of macroscopic Maxwell equations from microscopic basis"',
    "baroni": 'S. Baroni, "Gauge invariance of heat and charge transport coefficients in electronic insulators"',
    "tantardini2025": 'C. Tantardini, Q. Pitteloud, B. Yakobson, M. P. Andersson, '
                      '"Gauge-invariant long-wavelength TDDFT without empty states" (2025)',
}


class Relation(enum.Enum):
    """How ``lhs`` and ``rhs`` are related."""

    EQ = "=="     # lhs = rhs
    LE = "<="     # lhs <= rhs
    GE = ">="     # lhs >= rhs
    MOD = "mod"   # lhs = rhs modulo an integer multiple of ``Claim.quantum`` (2 pi, e R / Omega, ...)


@dataclass(frozen=True)
class Tolerance:
    """How close two numbers must be, and why that close.

    ``rel`` multiplies the scale max(|lhs|, |rhs|); ``abs`` is added. With ``z`` set, the comparison is
    statistical: |lhs - rhs| must be within ``z`` standard errors (the :class:`Observation` supplies them);
    between ``z`` and ``z_refute`` the verdict is INCONCLUSIVE (a statistical grey zone).
    """

    reason: str
    rel: float = 0.0
    abs: float = 0.0
    z: float | None = None
    z_refute: float | None = None

    def __post_init__(self):
        if not self.reason or not self.reason.strip():
            raise InvalidClaim("a tolerance needs its reason (round-off, quadrature order, standard error)")
        if min(self.rel, self.abs) < 0:
            raise InvalidClaim(f"tolerance rel={self.rel}, abs={self.abs}: both must be >= 0")
        if self.z is not None and (self.z <= 0 or (self.z_refute is not None and self.z_refute < self.z)):
            raise InvalidClaim(f"z={self.z}, z_refute={self.z_refute}: need 0 < z <= z_refute")

    def describe(self) -> str:
        if self.z is not None:
            return f"|residual| <= {self.z:g} standard errors ({self.reason})"
        return f"|residual| <= {self.abs:.3g} + {self.rel:.3g}*scale ({self.reason})"


@dataclass(frozen=True)
class Observation:
    """What a numeric evaluator computed from one instance.

    ``values`` maps symbol names of the claim's relation to values computed from the instance (floats, complex
    numbers or arrays of one shape). ``stderr`` is the standard error of lhs - rhs for statistical claims.
    ``scale`` overrides the magnitude that a relative tolerance multiplies.
    """

    values: Mapping[str, Any]
    stderr: Any = None
    scale: float | None = None


@dataclass(frozen=True)
class NumericCheck:
    """An independent numeric evaluation of a claim on random instances.

    ``instances`` returns a Hypothesis strategy drawing physical instances (a crystal, a Hamiltonian, a time
    series); ``observe`` computes from one instance the values of the relation's symbols. ``samples`` is the
    default number of instances (the CLI's ``--samples`` overrides it, capped at ``max_samples``).
    """

    instances: Callable[[], Any]
    observe: Callable[[Any], Observation]
    tolerance: Tolerance
    method: str
    samples: int = 50
    max_samples: int = 1000


@dataclass(frozen=True)
class Claim:
    """One checkable statement of a paper; see the module docstring."""

    id: str                                   # spec ID from shared/spec/, e.g. "T-A-47"; never reused
    name: str                                 # what it states: "finnis_sigma_is_independent_of_cut"
    paper: str                                # paper key, one of PAPERS
    location: str                             # section and equation, e.g. "Sec. X.B, Eq. 51"
    statement: str                            # the statement as printed, LaTeX
    lhs: sp.Expr | None = None                # relation lhs; None = registered, not yet encoded
    rhs: sp.Expr | None = None
    relation: Relation = Relation.EQ
    quantum: sp.Expr | None = None            # for Relation.MOD
    title: str = ""
    assumptions: tuple[str, ...] = ()         # the paper's conditions, in words
    definitions: Mapping[sp.Symbol, sp.Expr] = field(default_factory=dict)  # symbolic model of each symbol
    dimensions: Mapping[sp.Symbol, Any] = field(default_factory=dict)       # sympy.physics.units dimensions
    numeric: NumericCheck | None = None
    sampling_tolerance: float = 1e-25         # relative, for residual sampling at 50 digits (round-off)
    sample_residual: bool = True              # evaluate the residual at adversarial points of its domain
    symbolic_timeout: float | None = None     # seconds; None = the run's --timeout
    corrects: str | None = None               # id of the printed claim this one repairs
    depends_on: tuple[str, ...] = ()
    headline: bool = False
    notes: str = ""

    def __post_init__(self):
        if self.paper not in PAPERS:
            raise InvalidClaim(f"paper {self.paper!r} is not one of {sorted(PAPERS)}", self.id)
        if (self.lhs is None) != (self.rhs is None):
            raise InvalidClaim("give both lhs and rhs, or neither (registered, not yet encoded)", self.id)
        if self.relation is Relation.MOD and self.quantum is None:
            raise InvalidClaim("relation MOD needs a quantum (e.g. 2*pi or e*R/Omega)", self.id)
        if self.lhs is not None:
            object.__setattr__(self, "lhs", sp.sympify(self.lhs))
            object.__setattr__(self, "rhs", sp.sympify(self.rhs))
            from .domains import symbol_values  # an undeclared domain is an error, never a silent default
            exprs = [self.lhs, self.rhs, self.quantum, *self.definitions.values()]
            for s in sorted(set().union(*(sp.sympify(e).free_symbols for e in exprs if e is not None)), key=str):
                symbol_values(s, self.id)

    @property
    def encoded(self) -> bool:
        return self.lhs is not None

    @property
    def residual(self) -> sp.Expr:
        """lhs - rhs: zero iff the relation holds (EQ; for MOD, an integer multiple of the quantum)."""
        return self.lhs - self.rhs

    def with_formula(self, lhs: sp.Expr, rhs: sp.Expr) -> "Claim":
        """The same claim with another relation: used for mutants and for seeded mistakes in tests."""
        return replace(self, lhs=lhs, rhs=rhs)

    def latex(self) -> str:
        """The encoded relation, typeset from the SymPy objects (not retyped by hand)."""
        rel = {Relation.EQ: "=", Relation.LE: r"\le", Relation.GE: r"\ge", Relation.MOD: r"\equiv"}[self.relation]
        s = f"{sp.latex(self.lhs)} {rel} {sp.latex(self.rhs)}"
        if self.relation is Relation.MOD:
            s += rf" \pmod{{{sp.latex(self.quantum)}}}"
        return s
