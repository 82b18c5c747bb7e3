"""The numeric layer: the printed relation against quantities computed from random physical instances.

The claim's :class:`~derivcheck.claims.NumericCheck` draws an instance (a crystal, a Hamiltonian, a current time
series) and computes from it, by quadrature, diagonalization, direct sums or FFTs, a value for every symbol of the
relation. The engine evaluates ``lhs`` and ``rhs`` exactly as encoded (lambdified with numpy) and compares them
with the claim's tolerance. Arrays compare elementwise; the worst element counts.
"""

from __future__ import annotations

import numpy as np
import sympy as sp

from .claims import Claim, Relation
from .hunt import Point, hunt
from .verdicts import Layer, LayerResult

__all__ = ["run_numeric", "compare"]


def _lambdify(expr: sp.Expr, syms):
    return sp.lambdify(syms, expr, modules=["numpy", "scipy"])


def compare(claim: Claim, left, right, quantum=None, stderr=None, scale=None) -> Point:
    """Compare evaluated sides with the claim's relation and numeric tolerance."""
    tol = claim.numeric.tolerance
    left, right = np.asarray(left), np.asarray(right)
    if not (np.all(np.isfinite(left)) and np.all(np.isfinite(right))):
        return Point(float("inf"), 0.0, detail={"lhs": _fmt(left), "rhs": _fmt(right), "note": "not finite"})
    diff = left - right
    if claim.relation is Relation.MOD:
        q = np.asarray(quantum)
        k = np.real(diff / q)
        dist = np.abs(k - np.round(k)) * np.abs(q)
        residual = np.max(dist)
    elif claim.relation is Relation.LE:
        residual = np.max(np.maximum(np.real(diff), 0.0))
    elif claim.relation is Relation.GE:
        residual = np.max(np.maximum(-np.real(diff), 0.0))
    else:
        residual = np.max(np.abs(diff))
    if scale is None:
        scale = float(max(np.max(np.abs(left)), np.max(np.abs(right))))
    detail = {"lhs": _fmt(left), "rhs": _fmt(right)}
    if tol.z is not None:
        if stderr is None:
            raise ValueError(f"claim {claim.id} has a statistical tolerance but its observation gave no stderr")
        se = float(np.max(np.asarray(stderr)))
        detail["stderr"] = _fmt(se)
        return Point(float(residual), tol.z * se, (tol.z_refute or tol.z) * se, detail)
    return Point(float(residual), tol.abs + tol.rel * scale, None, detail)


def _fmt(x):
    x = np.asarray(x)
    if x.size == 1:
        v = x.reshape(()).item()
        return f"{v.real:.6g}{v.imag:+.6g}j" if isinstance(v, complex) else float(f"{v:.10g}")
    return f"array{x.shape}, max |.| {float(np.max(np.abs(x))):.6g}"


def run_numeric(claim: Claim, *, seed_value: int, samples: int | None = None, shrink: bool = True) -> LayerResult:
    """Draw instances, compute the relation's symbols from each, compare; shrink the first failure."""
    check = claim.numeric
    if check is None:
        return LayerResult(Layer.ABSENT, detail="no numeric evaluator")
    n = min(samples or check.samples, check.max_samples)
    exprs = [claim.lhs, claim.rhs] + ([claim.quantum] if claim.relation is Relation.MOD else [])
    syms = sorted(set().union(*(sp.sympify(e).free_symbols for e in exprs)), key=str)
    names = [str(s) for s in syms]
    f_l, f_r = _lambdify(claim.lhs, syms), _lambdify(claim.rhs, syms)
    f_q = _lambdify(claim.quantum, syms) if claim.relation is Relation.MOD else None

    def evaluate(instance) -> Point:
        obs = check.observe(instance)
        missing = [k for k in names if k not in obs.values]
        if missing:
            raise KeyError(f"the numeric evaluator of {claim.id} computed no value for {missing}: "
                           "it must compute every symbol of the relation from the instance")
        args = [obs.values[k] for k in names]
        with np.errstate(all="ignore"):
            left, right = f_l(*args), f_r(*args)
            q = f_q(*args) if f_q else None
        return compare(claim, left, right, q, obs.stderr, obs.scale)

    # a z-score tolerance is calibrated for instances drawn independently of their outcome: no steering (hunt)
    res = hunt(check.instances(), evaluate, seed_value=seed_value, examples=n, shrink=shrink,
               steer=check.tolerance.z is None)
    extra = {"histogram": res.histogram()} | ({"rejected": res.rejected, "grey": res.grey}
                                               if res.rejected or res.grey else {})
    common = dict(method=check.method, instances=res.evaluated, tolerance=check.tolerance.describe(),
                  seed=seed_value, extra=extra)
    if res.error:
        return LayerResult(Layer.ERROR, detail=res.error, **common)
    worst = res.counter_point or res.worst
    wr = dict(worst_residual=float(f"{worst.residual:.4g}"), worst_ratio=float(f"{worst.ratio:.4g}")) if worst else {}
    if res.counterexample is not None:
        cx = {"instance": repr(res.counterexample)} | (res.counter_point.detail or {})
        return LayerResult(Layer.FAILS, detail="an instance violates the relation beyond tolerance",
                           counterexample=cx, **wr, **common)
    if res.evaluated == 0:
        return LayerResult(Layer.ERROR, detail="every drawn instance was rejected", **common)
    if res.grey:
        return LayerResult(Layer.GREY, detail=f"{res.grey} of {res.evaluated} instances in the statistical grey zone",
                           **wr, **common)
    return LayerResult(Layer.HOLDS, detail=f"all {res.evaluated} instances within tolerance", **wr, **common)
