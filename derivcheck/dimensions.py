"""SI dimensions of a SymPy expression whose symbols carry ``sympy.physics.units`` dimensions.

SymPy's unit systems give the dimensional dependencies of a :class:`~sympy.physics.units.Dimension`, but not of an
expression in plain symbols; this walks the expression and asks them. A sum of unlike dimensions, or a
transcendental function of a dimensional argument, is a mismatch.
"""

from __future__ import annotations

from collections import Counter
from typing import Mapping

import sympy as sp
from sympy.physics.units.systems.si import dimsys_SI

__all__ = ["DimensionMismatch", "dimension_of", "format_dimension"]


class DimensionMismatch(Exception):
    """Raised by :func:`dimension_of` with a sentence saying which terms disagree."""


def _deps(dim) -> Counter:
    return Counter({str(getattr(k, "name", k)): v for k, v in dimsys_SI.get_dimensional_dependencies(dim).items()})


def format_dimension(dims: Counter) -> str:
    parts = [f"{k}^{sp.nsimplify(v)}" if v != 1 else k for k, v in sorted(dims.items()) if v != 0]
    return " ".join(parts) if parts else "1"


def dimension_of(expr: sp.Expr, dims: Mapping[sp.Symbol, object]) -> Counter:
    """Dimensional dependencies of ``expr`` (e.g. Counter({'length': 1, 'time': -1})); raises DimensionMismatch."""
    expr = sp.sympify(expr)
    if expr.is_Symbol:
        if expr not in dims:
            raise KeyError(f"symbol {expr} has no dimension: add it to the claim's dimensions mapping "
                           "(use sympy.physics.units.Dimension(1) for a pure number)")
        return _deps(dims[expr])
    if expr.is_Number or expr.is_NumberSymbol or expr is sp.I:
        return Counter()
    if expr.is_Mul:
        out = Counter()
        for f in expr.args:
            out.update(dimension_of(f, dims))
        return Counter({k: v for k, v in out.items() if v != 0})
    if expr.is_Pow:
        base, ex = expr.args
        if dimension_of(ex, dims):
            raise DimensionMismatch(f"exponent {ex} is not dimensionless")
        d = dimension_of(base, dims)
        if d and not ex.is_number:
            raise DimensionMismatch(f"{base} has dimension {format_dimension(d)} but is raised to a symbolic power")
        return Counter({k: v * ex for k, v in d.items() if v * ex != 0})
    if expr.is_Add:
        terms = expr.args
        first = dimension_of(terms[0], dims)
        for t in terms[1:]:
            dt = dimension_of(t, dims)
            if dt != first:
                raise DimensionMismatch(f"{terms[0]} [{format_dimension(first)}] is added to "
                                        f"{t} [{format_dimension(dt)}]")
        return first
    if isinstance(expr, sp.Integral):
        out = dimension_of(expr.function, dims)
        for lim in expr.limits:
            out.update(dimension_of(lim[0], dims))
        return Counter({k: v for k, v in out.items() if v != 0})
    if isinstance(expr, sp.Derivative):
        out = dimension_of(expr.expr, dims)
        for var, n in expr.variable_count:
            out.subtract({k: v * n for k, v in dimension_of(var, dims).items()})
        return Counter({k: v for k, v in out.items() if v != 0})
    if isinstance(expr, (sp.Abs, sp.re, sp.im, sp.conjugate, sp.sign)) or expr.func in (sp.Max, sp.Min):
        ds = [dimension_of(a, dims) for a in expr.args]
        if any(d != ds[0] for d in ds):
            raise DimensionMismatch(f"arguments of {expr.func.__name__} have unlike dimensions")
        return Counter() if isinstance(expr, sp.sign) else ds[0]
    if isinstance(expr, sp.Function) or expr.is_Function:
        for arg in expr.args:
            d = dimension_of(arg, dims)
            if d:
                raise DimensionMismatch(f"{expr.func.__name__} of {arg}, which has dimension {format_dimension(d)}")
        return Counter()
    raise DimensionMismatch(f"cannot find the dimension of {expr} ({type(expr).__name__})")
