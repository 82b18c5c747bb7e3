"""The symbolic layer: does the residual vanish identically, and does it vanish where it is sampled?

:func:`simplify_residual` substitutes the claim's symbolic model (``Claim.definitions``), evaluates integrals and
derivatives, and tries a few SymPy simplifications; the claim holds symbolically only if one of them gives exactly
zero. It never uses random numerical zero tests (``Expr.equals``), which accept false identities.

:func:`sample_residual` evaluates the same residual at 50 significant digits (mpmath) at adversarial points of the
declared domains of its symbols, so that a residual SymPy cannot simplify is still refuted by a counterexample.
"""

from __future__ import annotations

import contextlib
import signal
import threading

import mpmath
import sympy as sp

from .claims import Claim, Relation
from .dimensions import DimensionMismatch, dimension_of, format_dimension
from .domains import domain_of, symbol_values
from .hunt import Point, Reject, hunt
from .verdicts import Layer, LayerResult

__all__ = ["model_residual", "simplify_residual", "sample_residual", "check_dimensions", "time_limit",
           "TimeLimitExceeded"]

_DPS = 50  # working precision of residual sampling (decimal digits)


_EVALUATED: dict[int, tuple[dict, dict]] = {}   # id(definitions) -> (definitions, each definition's doit())


def _evaluated_definitions(definitions: dict) -> dict:
    """The claim's definitions with their integrals, sums and limits evaluated, once per definitions mapping: the
    mutants of a claim share it (the reference kept beside the id keeps the id from being reused)."""
    hit = _EVALUATED.get(id(definitions))
    if hit is None or hit[0] is not definitions:
        hit = (definitions, {k: sp.sympify(v).doit() for k, v in definitions.items()})
        _EVALUATED[id(definitions)] = hit
    return hit[1]


def _model(claim: Claim, expr: sp.Expr) -> sp.Expr:
    if claim.definitions:
        expr = expr.subs(_evaluated_definitions(claim.definitions))
    return expr.doit()


def _integrands_cancel(expr: sp.Expr) -> bool:
    """Linearity of the integral: the terms c * Integral(f, limits) of ``expr`` (c free of the integration
    variables), grouped by limits, have integrands sum(c * f) that expand to 0. Exact, and no integral is evaluated.
    False also when there is nothing to combine or a term is not of that form (undecided here)."""
    if not expr.has(sp.Integral):
        return False
    groups: dict[tuple, list[sp.Expr]] = {}
    for term in sp.Add.make_args(sp.expand(expr)):
        ints = [f for f in sp.Mul.make_args(term) if isinstance(f, sp.Integral)]
        if len(ints) != 1:
            return False
        coeff = term / ints[0]
        if coeff.free_symbols & set(ints[0].variables):
            return False
        groups.setdefault(ints[0].limits, []).append(coeff * ints[0].function)
    return (any(len(g) > 1 for g in groups.values())
            and all(sp.expand(sp.Add(*g)) == 0 for g in groups.values()))


def model_residual(claim: Claim) -> sp.Expr:
    """The residual with the symbolic model substituted: lhs - rhs (EQ, MOD: divided by the quantum)."""
    if claim.relation is Relation.MOD:
        return _model(claim, claim.residual / claim.quantum)
    if claim.relation is Relation.LE:
        return _model(claim, claim.rhs - claim.lhs)
    return _model(claim, claim.residual)


def _candidates(expr: sp.Expr):
    yield expr
    yield sp.expand(expr)
    yield sp.simplify(expr)
    yield sp.simplify(sp.expand(expr, trig=True))
    yield sp.simplify(sp.expand_complex(expr)) if expr.has(sp.I) else sp.simplify(sp.powsimp(expr, force=False))


def _unevaluated_residual(claim: Claim) -> sp.Expr:
    expr = claim.residual
    return expr.subs(dict(claim.definitions)) if claim.definitions else expr


def simplify_residual(claim: Claim) -> LayerResult:
    """HOLDS if the residual simplifies to zero (EQ), to an integer (MOD) or to a sign (LE/GE); else UNKNOWN/FAILS.

    For an equality whose model keeps integrals, the integrands are first combined by linearity (cheap and exact),
    before any integral is evaluated."""
    if claim.relation is Relation.EQ and _integrands_cancel(_unevaluated_residual(claim)):
        return LayerResult(Layer.HOLDS, "sympy", "integrands combine to 0 (linearity of the integral)",
                           residual="0")
    expr = model_residual(claim)
    last = expr
    for cand in _candidates(expr):
        last = cand
        if claim.relation is Relation.MOD:
            if cand.is_integer:
                return LayerResult(Layer.HOLDS, "sympy", "residual / quantum is an integer", residual=str(cand))
            continue
        if claim.relation in (Relation.LE, Relation.GE):
            if cand.is_nonnegative:
                return LayerResult(Layer.HOLDS, "sympy", "the difference is provably nonnegative",
                                   residual=str(cand))
            if cand.is_negative:
                return LayerResult(Layer.FAILS, "sympy", "the difference is provably negative", residual=str(cand))
            continue
        if cand == 0:
            return LayerResult(Layer.HOLDS, "sympy", "residual simplifies to 0", residual="0")
    if claim.relation is Relation.EQ and last.is_number and last.is_zero is False:
        return LayerResult(Layer.FAILS, "sympy", "residual simplifies to a nonzero constant", residual=str(last))
    return LayerResult(Layer.UNKNOWN, "sympy", "residual did not simplify to 0", residual=str(last))


def _scale(values) -> mpmath.mpf:
    return max((abs(v) for v in values), default=mpmath.mpf(0))


_MODEL_SECONDS = 15   # budget for evaluating the model (integrals) before sampling; the sampling layer is evidence
                      # beside the symbolic proof, so a model that does not evaluate quickly is left to the other layers


class TimeLimitExceeded(Exception):
    """Raised inside the block of :func:`time_limit` when its seconds are up."""


@contextlib.contextmanager
def time_limit(seconds: float):
    """SIGALRM-based limit in a worker's main thread; elsewhere (threads, no SIGALRM) no limit."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def _raise(signum, frame):
        # an exception raised inside a callback (a gc hook, a __del__) is printed and dropped by Python: re-arm, so
        # the limit fires again a second later until it reaches the code it bounds; the finally below disarms it
        signal.setitimer(signal.ITIMER_REAL, 1.0)
        raise TimeLimitExceeded()
    old = signal.signal(signal.SIGALRM, _raise)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def sample_residual(claim: Claim, *, seed_value: int, examples: int, shrink: bool = True) -> LayerResult:
    """Evaluate the model residual at adversarial points of its symbols' declared domains (50 digits)."""
    try:
        with time_limit(_MODEL_SECONDS):
            lhs, rhs = _model(claim, claim.lhs), _model(claim, claim.rhs)
            quantum = _model(claim, claim.quantum) if claim.relation is Relation.MOD else None
    except TimeLimitExceeded:
        return LayerResult(Layer.ABSENT, "mpmath sampling", f"the model's integrals were not evaluated within "
                           f"{_MODEL_SECONDS} s: nothing closed-form to sample")
    exprs = [lhs, rhs] + ([quantum] if quantum is not None else [])
    if any(e.has(sp.Integral, sp.Derivative, sp.Sum, sp.Product, sp.Limit) or e.atoms(sp.core.function.AppliedUndef)
           for e in exprs):
        return LayerResult(Layer.ABSENT, "mpmath sampling",
                           "the residual keeps unevaluated integrals, sums or undefined functions")
    syms = sorted(set().union(*(e.free_symbols for e in exprs)), key=str)
    if not syms:
        return LayerResult(Layer.ABSENT, "mpmath sampling", "no free symbols: nothing to sample")
    strategies = {str(s): symbol_values(s, claim.id) for s in syms}  # raises on an undeclared domain
    try:   # terms of each side set the round-off scale; a side whose expansion is slow is sampled whole
        with time_limit(_MODEL_SECONDS):
            terms = [list(sp.Add.make_args(sp.expand(e))) if len(sp.Add.make_args(e)) < 40 else [e]
                     for e in (lhs, rhs)]
    except TimeLimitExceeded:
        terms = [[lhs], [rhs]]
    f_terms = [sp.lambdify(syms, t, modules="mpmath") for t in terms[0] + terms[1]]
    n_lhs = len(terms[0])
    f_q = sp.lambdify(syms, quantum, modules="mpmath") if quantum is not None else None
    rel = claim.sampling_tolerance

    def evaluate(point: dict) -> Point:
        first = _evaluate(point, _DPS)
        if first.residual <= first.allowed:
            return first
        # Beyond tolerance: redo at twice the precision. Cancellation inside a term (round-off) shrinks by ~50
        # orders of magnitude; a residual that is really there stays put.
        return _evaluate(point, 2 * _DPS)

    def _evaluate(point: dict, dps: int) -> Point:
        with mpmath.workdps(dps):
            args = [mpmath.mpmathify(point[str(s)]) for s in syms]
            try:
                vals = [mpmath.mpmathify(f(*args)) for f in f_terms]
                q = mpmath.mpmathify(f_q(*args)) if f_q else None
            except (ZeroDivisionError, ValueError, OverflowError, TypeError) as exc:
                raise Reject(str(exc)) from exc
            if any(not mpmath.isfinite(v) for v in vals) or (q is not None and (q == 0 or not mpmath.isfinite(q))):
                raise Reject("not finite")
            left, right = mpmath.fsum(vals[:n_lhs]), mpmath.fsum(vals[n_lhs:])
            scale = _scale(vals)
            allowed = float(rel * scale) if scale else 1e-300
            diff = left - right
            if claim.relation is Relation.MOD:
                k = diff / q
                residual = abs(k - mpmath.nint(mpmath.re(k))) * abs(q)
            elif claim.relation in (Relation.LE, Relation.GE):
                if mpmath.im(left) or mpmath.im(right):
                    raise Reject("an inequality between complex numbers")
                residual = max(diff if claim.relation is Relation.LE else -diff, 0)  # the violation
            else:
                residual = abs(diff)
        return Point(float(residual), allowed, detail={"lhs": mpmath.nstr(left, 12), "rhs": mpmath.nstr(right, 12)})

    from hypothesis import strategies as st
    res = hunt(st.fixed_dictionaries(strategies), evaluate, seed_value=seed_value, examples=examples, shrink=shrink)
    domains = {str(s): domain_of(s) for s in syms}
    common = dict(method="mpmath sampling, 50 digits, adversarial domain points", instances=res.evaluated,
                  tolerance=f"relative {rel:g} of the largest term (round-off at {_DPS} digits)", seed=seed_value,
                  extra={"domains": domains, "rejected": res.rejected})
    if res.error:
        return LayerResult(Layer.ERROR, detail=res.error, **common)
    worst = res.counter_point or res.worst
    wr = dict(worst_residual=worst.residual, worst_ratio=worst.ratio) if worst else {}
    if res.counterexample is not None:
        cx = {k: _short(v) for k, v in res.counterexample.items()} | (res.counter_point.detail or {})
        return LayerResult(Layer.FAILS, detail="residual is nonzero at a point of the declared domain",
                           counterexample=cx, **wr, **common)
    if res.evaluated == 0:
        return LayerResult(Layer.ABSENT, detail="every sampled point was outside the domain", **common)
    return LayerResult(Layer.HOLDS, detail=f"residual vanished at {res.evaluated} points", **wr, **common)


def _short(v):
    if isinstance(v, float):
        return float(f"{v:.6g}")
    if isinstance(v, complex):
        return f"{v.real:.6g}{v.imag:+.6g}j"
    return v


def check_dimensions(claim: Claim) -> LayerResult:
    """Both sides must have one SI dimension; a mismatch refutes the claim."""
    if not claim.dimensions:
        return LayerResult(Layer.ABSENT, "sympy.physics.units", "no dimensions declared")
    try:
        dl = dimension_of(claim.lhs, claim.dimensions)
        dr = dimension_of(claim.rhs, claim.dimensions)
    except DimensionMismatch as exc:
        return LayerResult(Layer.FAILS, "sympy.physics.units", f"inconsistent dimensions: {exc}")
    except KeyError as exc:
        return LayerResult(Layer.ERROR, "sympy.physics.units", str(exc.args[0]))
    zero = [side for side, e in (("lhs", claim.lhs), ("rhs", claim.rhs)) if e == 0]
    if zero:   # a literal 0 carries whatever dimension the other side has
        d = dr if zero[0] == "lhs" else dl
        return LayerResult(Layer.HOLDS, "sympy.physics.units",
                           f"{zero[0]} is 0 (any dimension); the other side: {format_dimension(d)}",
                           extra={"lhs": format_dimension(dl), "rhs": format_dimension(dr)})
    if dl != dr:
        return LayerResult(Layer.FAILS, "sympy.physics.units",
                           f"lhs has dimension {format_dimension(dl)}, rhs {format_dimension(dr)}",
                           extra={"lhs": format_dimension(dl), "rhs": format_dimension(dr)})
    return LayerResult(Layer.HOLDS, "sympy.physics.units", f"both sides: {format_dimension(dl)}",
                       extra={"lhs": format_dimension(dl), "rhs": format_dimension(dr)})
