"""Adversarial values for a SymPy symbol, drawn from the domain its assumptions declare.

A symbol must declare its domain (``integer``, ``positive``, ``real``, ``complex``, ...): an undeclared domain is an
error, never a silent default, because the domain decides which counterexamples exist (``sqrt(x**2) = x`` holds for
positive x and fails for real x). Values range from tiny to large, take both signs where allowed, and sit on both
sides of the negative real axis (the principal branch cut of ``sqrt`` and ``log``) for complex symbols. Each
strategy shrinks towards 1, then small integers, so a counterexample is reported in its simplest form.
"""

from __future__ import annotations

import sympy as sp
from hypothesis import strategies as st

from .errors import InvalidClaim

__all__ = ["symbol_values", "domain_of", "DOMAIN_KEYS"]

DOMAIN_KEYS = ("integer", "rational", "positive", "negative", "nonnegative", "nonpositive", "real",
               "extended_real", "complex", "imaginary", "zero")

# Simple values first, so that shrinking reports the simplest counterexample.
_SIMPLE = (1.0, 2.0, 0.5, 3.0, 1.5, 0.1, 10.0, 0.01, 100.0, 1e-6, 1e6, 1e-12, 1e9)


def domain_of(sym: sp.Symbol) -> str:
    """A short description of the symbol's declared domain, for reports and errors."""
    a = sym.assumptions0
    for key in ("zero", "integer", "positive", "negative", "nonnegative", "nonpositive", "real", "imaginary",
                "complex"):
        if a.get(key):
            extra = " positive" if key == "integer" and a.get("positive") else ""
            extra = " nonnegative" if key == "integer" and a.get("nonnegative") and not extra else extra
            return key + extra
    return "undeclared"


def _magnitudes() -> st.SearchStrategy[float]:
    log_uniform = st.floats(-9.0, 9.0, allow_nan=False).map(lambda e: float(10.0**e))
    mantissas = st.floats(0.05, 20.0, allow_nan=False)
    return st.one_of(st.sampled_from(_SIMPLE), mantissas, log_uniform)


def symbol_values(sym: sp.Symbol, claim_id: str | None = None) -> st.SearchStrategy:
    """A strategy of values in the declared domain of ``sym``; raises InvalidClaim if none is declared."""
    a = sym.assumptions0
    if not any(a.get(k) for k in DOMAIN_KEYS):
        raise InvalidClaim(
            f"symbol {sym!s} has no declared domain, so there is no telling where to look for counterexamples: "
            f"declare it, e.g. sp.Symbol({str(sym)!r}, real=True) (or positive=True, integer=True, complex=True)",
            claim_id)
    if a.get("zero"):
        return st.just(0)
    nonzero = bool(a.get("nonzero"))
    if a.get("integer"):
        if a.get("positive"):
            return st.one_of(st.integers(1, 6), st.integers(1, 10**6))
        if a.get("nonnegative"):
            return st.one_of(st.integers(0, 6), st.integers(0, 10**6))
        if a.get("negative"):
            return st.one_of(st.integers(-6, -1), st.integers(-(10**6), -1))
        if a.get("nonpositive"):
            return st.one_of(st.integers(-6, 0), st.integers(-(10**6), 0))
        ints = st.one_of(st.integers(-6, 6), st.integers(-(10**6), 10**6))
        return ints.filter(bool) if nonzero else ints
    mags = _magnitudes()
    if a.get("positive"):
        return mags
    if a.get("negative"):
        return mags.map(lambda v: -v)
    if a.get("nonnegative"):
        return st.one_of(mags, st.just(0.0))
    if a.get("nonpositive"):
        return st.one_of(mags.map(lambda v: -v), st.just(0.0))
    signed = st.one_of(mags, mags.map(lambda v: -v))
    if not nonzero:
        signed = st.one_of(signed, st.just(0.0))
    if a.get("real"):
        return signed
    if a.get("imaginary"):
        return signed.map(lambda v: complex(0.0, v))
    # complex: general points, plus both sides of the negative real axis (the principal branch cut)
    general = st.builds(complex, signed, signed)
    near_cut = st.builds(lambda re, im: complex(-re, im), mags, st.sampled_from([1e-12, -1e-12, 1e-3, -1e-3]))
    return st.one_of(general, near_cut)
