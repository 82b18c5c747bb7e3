"""Random finite Hamiltonians for linear-response checks (Tantardini et al. 2025, spec generators a, b, e).

Overview
    * :class:`FiniteModel`: a Hermitian matrix Hamiltonian with three Hermitian dipole matrices and an inverse
      temperature (generator a). Time-reversal symmetric models are real symmetric; the others are complex.
    * :class:`GridChain`: one particle on a finite-difference grid, :math:`H=-\\tfrac12\\Delta_h+V(x)` with a smooth
      local potential (generator b), optionally with a separable nonlocal projector
      :math:`\\lambda|\\phi\\rangle\\langle\\phi|`. On the grid :math:`[x,[H,x]]` is the kinetic bond operator, which
      tends to :math:`\\hbar^2/m=1` as :math:`h^2`; with the projector it does not tend to 1 at all.
    * :class:`CasidaModel`: orbital energies, real two-electron integrals with 8-fold symmetry and real dipoles of a
      closed-shell reference (generator e).
    * :class:`Oscillator`: the Table 1 two-level optical oscillator in SI units, with randomised parameters.
Conventions
    Atomic units (:math:`\\hbar=m=e=1`) except :class:`Oscillator` (SI). Dipole operator :math:`\\mu=-x` (electron
    charge -1).
References
    [1] C. Tantardini, Q. Pitteloud, B. Yakobson, M. P. Andersson, "Gauge-invariant long-wavelength TDDFT without
        empty states" (2025), Secs. II, III, VI.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

__all__ = ["FiniteModel", "GridChain", "Separable3D", "CasidaModel", "Oscillator",
           "hermitian_models", "grid_chains", "nonlocal_chains", "separable_particles", "casida_models",
           "optical_oscillators", "fock_models", "FockModel"]


# --------------------------------------------------------------------------------------------------------------------
# generator (a): Hermitian matrix models
# --------------------------------------------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class FiniteModel:
    """A finite Hamiltonian ``H`` (d, d), dipoles ``mu`` (3, d, d), idx (cartesian, state, state), and ``beta``."""

    H: np.ndarray
    mu: np.ndarray
    beta: float

    @property
    def dim(self) -> int:
        return self.H.shape[0]

    @property
    def time_reversal(self) -> bool:
        return not (np.iscomplexobj(self.H) or np.iscomplexobj(self.mu))

    @cached_property
    def eig(self) -> tuple[np.ndarray, np.ndarray]:
        """(E, U): ascending energies (d,) and eigenvectors (d, d) as columns."""
        return np.linalg.eigh(self.H)

    @cached_property
    def mu_eig(self) -> np.ndarray:
        """Dipoles in the eigenbasis, (3, d, d): mu_eig[i, m, n] = <m|mu_i|n>."""
        U = self.eig[1]
        return np.einsum("am,iab,bn->imn", U.conj(), self.mu, U)

    def weights(self, beta: float | None = None) -> np.ndarray:
        """Boltzmann weights p_m = exp(-beta E_m)/Z (d,), shifted by the ground energy (no overflow)."""
        b = self.beta if beta is None else beta
        E = self.eig[0]
        w = np.exp(-b * (E - E[0]))
        return w / w.sum()

    def _repr_pretty_(self, p, cycle):  # Hypothesis/IPython pretty printer: the short repr, not every array
        p.text(repr(self))

    def __repr__(self) -> str:
        E = self.eig[0]
        return (f"FiniteModel(dim={self.dim}, beta={self.beta:.4g}, time_reversal={self.time_reversal}, "
                f"E={np.array2string(E, precision=4)}, min_gap={np.min(np.diff(E)):.3g})")


def _hermitian(draw, d: int, real: bool, scale: float) -> np.ndarray:
    re = np.array(draw(st.lists(st.floats(-1.0, 1.0), min_size=d * d, max_size=d * d))).reshape(d, d)
    if real:
        return scale * (re + re.T) / 2
    im = np.array(draw(st.lists(st.floats(-1.0, 1.0), min_size=d * d, max_size=d * d))).reshape(d, d)
    a = re + 1j * im
    return scale * (a + a.conj().T) / 2


@st.composite
def hermitian_models(draw, *, min_dim: int = 2, max_dim: int = 7, time_reversal: bool | None = None,
                     near_degenerate: bool = True, beta_range: tuple[float, float] = (0.2, 5.0),
                     ground_gap: float = 0.0) -> FiniteModel:
    """Hermitian Hamiltonians with Hermitian dipoles x, y, z (generator a of the spec).

    ``time_reversal=None`` draws both real-symmetric (time-reversal symmetric) and complex-Hermitian models.
    ``near_degenerate`` may pull two levels within 10^-k of each other (k in 1..8, or exactly degenerate);
    ``ground_gap`` > 0 keeps the ground state at least that far below the first excited level (for T = 0
    formulas). Shrinks towards a real 2-level model with beta = 1.
    """
    if min_dim < 2 or max_dim < min_dim:
        raise InvalidArgument(f"min_dim={min_dim}, max_dim={max_dim}: need 2 <= min_dim <= max_dim")
    d = draw(st.integers(min_dim, max_dim))
    real = draw(st.booleans()) if time_reversal is None else time_reversal
    real = bool(real)
    H = _hermitian(draw, d, real, draw(st.sampled_from([1.0, 2.0, 0.5, 4.0])))
    mu = np.stack([_hermitian(draw, d, real, 1.0) for _ in range(3)])
    E, U = np.linalg.eigh(H)
    if near_degenerate and d >= 3 and draw(st.booleans()):
        k = draw(st.integers(1, d - 2))                       # pull level k+1 down onto level k
        split = draw(st.sampled_from([0.0, 1e-8, 1e-5, 1e-3, 1e-1]))
        E = E.copy()
        E[k + 1] = E[k] + split
    if ground_gap > 0 and E[1] - E[0] < ground_gap:
        E = E.copy()
        E[0] = E[1] - ground_gap
    E = np.sort(E)
    H = (U * E) @ U.conj().T
    H = (H + H.conj().T) / 2
    if real:
        H = H.real
    beta = draw(st.one_of(st.just(1.0), st.floats(*beta_range)))
    return FiniteModel(H=H, mu=mu, beta=float(beta))


# --------------------------------------------------------------------------------------------------------------------
# generator (b): particles on a grid
# --------------------------------------------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class GridChain:
    r"""One particle on n grid points of spacing h: :math:`H=-\frac{1}{2h^2}(\psi_{i+1}-2\psi_i+\psi_{i-1})+V_i`.

    ``lam`` and ``phi`` add a separable nonlocal potential :math:`\lambda|\phi\rangle\langle\phi|` (phi normalised on
    the grid). ``x`` is the grid (n,), centred on 0; hard walls beyond both ends.
    """

    x: np.ndarray
    V: np.ndarray
    lam: float = 0.0
    phi: np.ndarray | None = None

    @property
    def n(self) -> int:
        return self.x.size

    @property
    def h(self) -> float:
        return float(self.x[1] - self.x[0])

    @property
    def local(self) -> bool:
        return self.lam == 0.0 or self.phi is None

    def tridiagonal(self) -> tuple[np.ndarray, np.ndarray]:
        """(diagonal (n,), off-diagonal (n-1,)) of the local part."""
        h2 = self.h ** 2
        return self.V + 1.0 / h2, np.full(self.n - 1, -0.5 / h2)

    def dense(self) -> np.ndarray:
        d, e = self.tridiagonal()
        H = np.diag(d) + np.diag(e, 1) + np.diag(e, -1)
        if not self.local:
            H = H + self.lam * np.outer(self.phi, self.phi)
        return H

    def kinetic_dense(self) -> np.ndarray:
        h2 = self.h ** 2
        e = np.full(self.n - 1, -0.5 / h2)
        return np.diag(np.full(self.n, 1.0 / h2)) + np.diag(e, 1) + np.diag(e, -1)

    def refined(self, factor: int) -> "GridChain":
        """The same continuum problem on a grid ``factor`` times finer (for convergence studies)."""
        L0, L1 = self.x[0], self.x[-1]
        n = (self.n - 1) * factor + 1
        x = np.linspace(L0, L1, n)
        V = np.interp(x, self.x, self.V) if self._coeffs is None else _potential(x, *self._coeffs)
        phi = None
        if not self.local:
            phi = _gaussian(x, *self._phi_params)
        return GridChain(x=x, V=V, lam=self.lam, phi=phi, _coeffs=self._coeffs, _phi_params=self._phi_params)

    _coeffs: tuple | None = None
    _phi_params: tuple | None = None

    def _repr_pretty_(self, p, cycle):  # Hypothesis/IPython pretty printer: the short repr, not every array
        p.text(repr(self))

    def __repr__(self) -> str:
        return (f"GridChain(n={self.n}, h={self.h:.4g}, L={self.x[-1] - self.x[0]:.4g}, lam={self.lam:.4g}, "
                f"potential={self._coeffs})")


def _potential(x: np.ndarray, k2: float, a: tuple, b: tuple, L: float) -> np.ndarray:
    """Confining k2 x^2/2 plus smooth Fourier bumps on the box [-L/2, L/2]."""
    V = 0.5 * k2 * x ** 2
    for j, (aj, bj) in enumerate(zip(a, b), start=1):
        V = V + aj * np.cos(2 * np.pi * j * x / L) + bj * np.sin(2 * np.pi * j * x / L)
    return V


def _gaussian(x: np.ndarray, x0: float, s: float) -> np.ndarray:
    g = np.exp(-0.5 * ((x - x0) / s) ** 2)
    return g / np.sqrt(np.sum(g ** 2))


@st.composite
def grid_chains(draw, *, n: int = 400, L: float = 12.0, max_modes: int = 3, n_choices: tuple[int, ...] = ()) -> GridChain:
    """A particle in a smooth local potential on a finite-difference grid of ``n`` points over [-L/2, L/2].

    The potential is k2 x^2/2 (k2 in [0.5, 4], strong enough that the low states vanish at the walls) plus up to
    ``max_modes`` Fourier bumps of amplitude <= 1. Shrinks towards the harmonic well k2 = 1.
    """
    if n < 10:
        raise InvalidArgument(f"n={n}: a grid chain needs at least 10 points")
    if n_choices:
        n = draw(st.sampled_from(n_choices))
    k2 = draw(st.one_of(st.just(1.0), st.floats(0.5, 4.0)))
    m = draw(st.integers(0, max_modes))
    a = tuple(draw(st.floats(-1.0, 1.0)) for _ in range(m))
    b = tuple(draw(st.floats(-1.0, 1.0)) for _ in range(m))
    x = np.linspace(-L / 2, L / 2, n)
    coeffs = (k2, a, b, L)
    return GridChain(x=x, V=_potential(x, *coeffs), _coeffs=coeffs)


@st.composite
def nonlocal_chains(draw, *, n: int = 300, L: float = 12.0) -> GridChain:
    """A grid chain plus a separable nonlocal potential lam |phi><phi| (Gaussian phi), |lam| in [0.5, 5].

    Here :math:`[x,[H,x]]\\ne\\hbar^2/m` even in the continuum, so the TRK sum need not equal N_e.
    """
    base = draw(grid_chains(n=n, L=L))
    lam = draw(st.one_of(st.just(2.0), st.floats(0.5, 5.0), st.floats(-5.0, -0.5)))
    params = (draw(st.floats(-1.0, 1.0)), draw(st.floats(0.3, 1.0)))
    return GridChain(x=base.x, V=base.V, lam=float(lam), phi=_gaussian(base.x, *params), _coeffs=base._coeffs,
                     _phi_params=params)


@dataclass(frozen=True, eq=False)
class Separable3D:
    """One particle in a separable 3D local potential V_x(x) + V_y(y) + V_z(z): three independent grid chains."""

    chains: tuple[GridChain, GridChain, GridChain]
    beta: float = np.inf

    def _repr_pretty_(self, p, cycle):  # Hypothesis/IPython pretty printer: the short repr, not every array
        p.text(repr(self))

    def __repr__(self) -> str:
        return f"Separable3D(beta={self.beta}, chains={self.chains})"


@st.composite
def separable_particles(draw, *, n: int = 400, thermal: bool = False) -> Separable3D:
    """A particle in a separable 3D local potential (N_e = 1), at T = 0 or at beta in {50, 2, 0.5, random}."""
    chains = tuple(draw(grid_chains(n=n)) for _ in range(3))
    beta = float(draw(st.one_of(st.sampled_from([50.0, 2.0, 0.5]), st.floats(0.5, 50.0)))) if thermal else np.inf
    return Separable3D(chains=chains, beta=beta)


# --------------------------------------------------------------------------------------------------------------------
# generator (e): Casida models
# --------------------------------------------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class CasidaModel:
    """Closed-shell reference: ``eps`` (n,) ascending, ``n_occ`` doubly occupied, real ``eri`` (n,n,n,n) in
    chemists' notation (pq|rs) with 8-fold symmetry, real symmetric dipoles ``mu`` (3, n, n) (of -r)."""

    eps: np.ndarray
    n_occ: int
    eri: np.ndarray
    mu: np.ndarray

    @property
    def n(self) -> int:
        return self.eps.size

    def _repr_pretty_(self, p, cycle):  # Hypothesis/IPython pretty printer: the short repr, not every array
        p.text(repr(self))

    def __repr__(self) -> str:
        return (f"CasidaModel(n_occ={self.n_occ}, n_virt={self.n - self.n_occ}, eps={np.array2string(self.eps, precision=3)}, "
                f"|eri|max={np.abs(self.eri).max():.3g})")


def _eri_8fold(draw, n: int, scale: float, rank: int = 2) -> np.ndarray:
    """Real ERIs (pq|rs) = scale sum_k L^k_pq L^k_rs with symmetric L^k: 8-fold symmetric and positive
    semidefinite, like a density-fitted Coulomb kernel. Few drawn numbers, so counterexamples shrink fast."""
    g = np.zeros((n, n, n, n))
    iu = np.triu_indices(n)
    for _ in range(rank):
        vals = np.array(draw(st.lists(st.floats(-1.0, 1.0), min_size=iu[0].size, max_size=iu[0].size)))
        L = np.zeros((n, n))
        L[iu] = vals
        L = L + np.triu(L, 1).T
        g += np.einsum("pq,rs->pqrs", L, L)
    return scale * g


@st.composite
def casida_models(draw, *, max_occ: int = 3, max_virt: int = 3, max_kernel: float = 0.08) -> CasidaModel:
    """Random closed-shell Casida models (generator e). Gaps >= 0.5 and |(pq|rs)| <= ``max_kernel`` keep the
    printed and the spin-adapted A +- B positive definite. Shrinks towards 1 occupied, 1 virtual orbital."""
    no = draw(st.integers(1, max_occ))
    nv = draw(st.integers(1, max_virt))
    occ = -np.array(draw(st.lists(st.floats(0.3, 2.0), min_size=no, max_size=no)))       # occupied: <= -0.3
    virt = np.array(draw(st.lists(st.floats(0.2, 2.0), min_size=nv, max_size=nv)))       # virtual: >= 0.2
    eps = np.concatenate([np.sort(occ), np.sort(virt)])
    n = no + nv
    eri = _eri_8fold(draw, n, draw(st.floats(0.0, max_kernel)))
    mu = np.stack([_hermitian(draw, n, True, 1.0) for _ in range(3)])
    return CasidaModel(eps=eps, n_occ=no, eri=eri, mu=mu)


# --------------------------------------------------------------------------------------------------------------------
# Fock space of a few spin orbitals (for the Wick / independent-particle limits)
# --------------------------------------------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class FockModel:
    """Non-interacting fermions: orbital energies ``eps`` (n,), one-body dipoles ``mu`` (3, n, n), ``beta``, ``mu_c``."""

    eps: np.ndarray
    mu: np.ndarray
    beta: float
    mu_c: float

    def _repr_pretty_(self, p, cycle):  # Hypothesis/IPython pretty printer: the short repr, not every array
        p.text(repr(self))

    def __repr__(self) -> str:
        return f"FockModel(eps={np.array2string(self.eps, precision=3)}, beta={self.beta:.3g}, mu_c={self.mu_c:.3g})"


@st.composite
def fock_models(draw, *, max_orbitals: int = 3) -> FockModel:
    """1-3 spatial orbitals (2-6 spin orbitals), random real dipoles, beta in [0.3, 4], chemical potential."""
    n = draw(st.integers(1, max_orbitals))
    eps = np.sort(np.array(draw(st.lists(st.floats(-2.0, 2.0), min_size=n, max_size=n))))
    if n > 1 and np.min(np.diff(eps)) < 1e-3:
        eps = eps + 1e-3 * np.arange(n)
    mu = np.stack([_hermitian(draw, n, True, 1.0) for _ in range(3)])
    return FockModel(eps=eps, mu=mu, beta=float(draw(st.floats(0.3, 4.0))), mu_c=float(draw(st.floats(-1.0, 1.0))))


# --------------------------------------------------------------------------------------------------------------------
# Sec. VI: the Table 1 optical oscillator (SI)
# --------------------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Oscillator:
    """Two-level optical oscillator: dipole ``mu`` (C m), ``Omega`` (rad/s), dephasing ``eta`` (1/s), density ``N``."""

    mu: float
    Omega: float
    eta: float
    N: float


TABLE1 = Oscillator(mu=3.00 * 3.33564095e-30, Omega=3.00 * 1.602176634e-19 / 1.054571817e-34,
                    eta=0.05 * 3.00 * 1.602176634e-19 / 1.054571817e-34, N=1.0e27)


@st.composite
def optical_oscillators(draw) -> Oscillator:
    """Oscillators around Table 1 (A): hbar Omega in [0.5, 10] eV, eta/Omega in [1e-3, 0.3], mu in [0.3, 10] D,
    N in [1e24, 1e28] m^-3. Shrinks towards the Table 1 oscillator itself."""
    if draw(st.booleans()):
        return TABLE1
    ev = 1.602176634e-19 / 1.054571817e-34
    Omega = draw(st.floats(0.5, 10.0)) * ev
    return Oscillator(mu=draw(st.floats(0.3, 10.0)) * 3.33564095e-30, Omega=Omega,
                      eta=draw(st.floats(1e-3, 0.3)) * Omega, N=10 ** draw(st.floats(24.0, 28.0)))
