"""The engine: verdict rules, comparators, timeouts, registry isolation and determinism."""

import json
import textwrap
import time

import numpy as np
import pytest
import sympy as sp
from hypothesis import strategies as st
from sympy.physics.units import length, time as time_dim

from derivcheck import (Claim, InvalidClaim, Layer, LayerResult, NumericCheck, Observation, Relation, Status,
                        Tolerance, check, check_many, load)
from derivcheck.check import combine
from derivcheck.claims import Relation as R
from derivcheck.numeric import compare
from derivcheck.results import document

x = sp.Symbol("x", real=True)
y = sp.Symbol("y", real=True)
L = sp.Symbol("L", positive=True)
T = sp.Symbol("T", positive=True)


def _claim(lhs, rhs, **kw):
    return Claim(**{"id": "E-1", "name": "engine_test", "paper": "cho", "location": "test", "statement": "s",
                    "lhs": lhs, "rhs": rhs} | kw)


def _numeric(observe, **kw):
    return NumericCheck(**{"instances": lambda: st.floats(-10, 10), "observe": observe,
                           "tolerance": Tolerance(reason="round-off", rel=1e-12, abs=1e-12), "method": "test",
                           "samples": 20} | kw)


H, F, U, A = Layer.HOLDS, Layer.FAILS, Layer.UNKNOWN, Layer.ABSENT


@pytest.mark.parametrize("sym, samp, num, expected", [
    (H, H, H, Status.PROVED),
    (H, H, A, Status.PROVED),
    (H, H, F, Status.INCONCLUSIVE),     # the layers disagree: a bug in one of them
    (H, F, H, Status.INCONCLUSIVE),
    (U, H, H, Status.CONFIRMED),
    (U, A, H, Status.CONFIRMED),
    (U, H, A, Status.CONFIRMED),
    (U, F, A, Status.REFUTED),
    (U, A, F, Status.REFUTED),
    (F, A, A, Status.REFUTED),
    (F, A, H, Status.INCONCLUSIVE),
    (U, A, A, Status.INCONCLUSIVE),
    (Layer.TIMEOUT, A, Layer.ERROR, Status.INCONCLUSIVE),
    (U, H, Layer.GREY, Status.INCONCLUSIVE),
])
def test_verdict_rules(sym, samp, num, expected):
    v = combine("E-1", LayerResult(sym), LayerResult(samp), LayerResult(num), LayerResult(A))
    assert v.status is expected, v.reason


def test_dimension_mismatch_refutes_even_a_symbolically_true_identity():
    v = combine("E-1", LayerResult(H), LayerResult(H), LayerResult(H), LayerResult(F, detail="m vs s"))
    assert v.status is Status.REFUTED


def test_dimension_check_finds_a_missing_factor():
    good = _claim(L / T, L / T, dimensions={L: length, T: time_dim})
    bad = _claim(L / T, L / T**2, dimensions={L: length, T: time_dim})
    assert check(good).status is Status.PROVED
    v = check(bad)
    assert v.status is Status.REFUTED and "dimension" in v.reason


def test_a_literal_zero_side_takes_the_dimension_of_the_other():
    from derivcheck.symbolic import check_dimensions
    assert check_dimensions(_claim(L / T, sp.Integer(0), dimensions={L: length, T: time_dim})).outcome \
        is Layer.HOLDS
    assert check_dimensions(_claim(L - T, sp.Integer(0), dimensions={L: length, T: time_dim})).outcome is Layer.FAILS


def test_numeric_layer_refutes_with_a_shrunk_counterexample():
    # claim: |x| = x, numeric evaluator computes |x| as sqrt(x*x); fails for any x < 0, shrinks towards -1, -0.5...
    claim = _claim(sp.Symbol("absx", real=True), x, sample_residual=False,
                   numeric=_numeric(lambda v: Observation({"absx": np.sqrt(v * v), "x": v})))
    verdict = check(claim)
    assert verdict.status is Status.REFUTED
    cx = verdict.numeric.counterexample
    assert float(cx["instance"]) < 0 and abs(float(cx["instance"])) <= 1.0


def test_numeric_layer_must_compute_every_symbol():
    claim = _claim(x, y, sample_residual=False, numeric=_numeric(lambda v: Observation({"x": v})))
    verdict = check(claim)
    assert verdict.status is Status.INCONCLUSIVE
    assert "computed no value for ['y']" in verdict.numeric.detail


def test_a_numeric_hang_is_a_timeout_not_a_stuck_run():
    def slow(v):
        time.sleep(30)
        return Observation({"x": v, "y": v})
    claim = _claim(x, y, sample_residual=False, numeric=_numeric(slow))
    t0 = time.monotonic()
    verdict = check(claim, timeout=0.5)
    assert time.monotonic() - t0 < 20
    assert verdict.status is Status.INCONCLUSIVE and verdict.numeric.outcome is Layer.TIMEOUT


class _SlowModel(sp.Function):
    """A symbolic model whose evaluation never finishes in time (like a hanging integral)."""

    def doit(self, **hints):
        time.sleep(60)
        return self.args[0]


def test_symbolic_timeout_leaves_the_numeric_verdict():
    claim = _claim(y, x, definitions={y: _SlowModel(x)},
                   numeric=_numeric(lambda v: Observation({"x": v, "y": v})))
    t0 = time.monotonic()
    verdict = check(claim, timeout=1)
    assert time.monotonic() - t0 < 30
    assert verdict.symbolic.outcome is Layer.TIMEOUT
    assert verdict.status is Status.CONFIRMED, verdict.reason


def test_modular_comparison_unwraps_across_the_branch_cut():
    claim = _claim(x, y, relation=R.MOD, quantum=2 * sp.pi, numeric=_numeric(lambda v: None))
    eps = 1e-13  # far inside the round-off tolerance of _numeric (4e-12 at scale pi)
    near = compare(claim, np.pi - eps, -np.pi + eps, quantum=2 * np.pi)
    assert not near.fails and near.residual == pytest.approx(2 * eps, abs=1e-14)
    half = compare(claim, np.pi / 2, -np.pi / 2, quantum=2 * np.pi)
    assert half.fails


def test_modular_claim_on_phases_is_confirmed_and_half_quantum_refuted():
    phi = sp.Symbol("phi", real=True)
    psi = sp.Symbol("psi", real=True)
    obs = lambda v: Observation({"phi": float(np.angle(np.exp(1j * v))), "psi": v})  # noqa: E731
    good = _claim(phi, psi, relation=Relation.MOD, quantum=2 * sp.pi, sample_residual=False, numeric=_numeric(obs))
    bad = _claim(phi, psi + sp.pi, relation=Relation.MOD, quantum=2 * sp.pi, sample_residual=False,
                 numeric=_numeric(obs))
    assert check(good).status is Status.CONFIRMED
    assert check(bad).status is Status.REFUTED


def test_inequality_relation():
    assert check(_claim(x**2 + 1, 2 * x, relation=Relation.GE)).status in (Status.PROVED, Status.CONFIRMED)
    assert check(_claim(x**2, 2 * x, relation=Relation.GE)).status is Status.REFUTED


def test_undeclared_symbol_domain_is_an_error():
    with pytest.raises(InvalidClaim, match=r"symbol w has no declared domain.*sp.Symbol\('w', real=True\)"):
        _claim(sp.Symbol("w"), x)


def test_tolerance_needs_a_reason():
    with pytest.raises(InvalidClaim, match="needs its reason"):
        Tolerance(reason="", rel=1e-9)


def test_same_seed_gives_identical_json():
    from derivations import finnis
    claims = [finnis.sigma_eq51(), finnis.sigma_fig11_caption_as_printed()]
    cat = load()
    entries = [cat.entries[c.id] for c in claims]
    docs = []
    for jobs in (1, 2):
        verdicts = {v.claim_id: v for v in check_many(claims, seed=7, samples=8, jobs=jobs)}
        docs.append(json.dumps(document(cat, entries, verdicts, seed=7, samples=8)))
    assert docs[0] == docs[1]


def test_a_broken_module_does_not_hide_the_others(tmp_path, monkeypatch):
    pkg = tmp_path / "broken_derivations"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "a_broken.py").write_text("raise ImportError('deliberately broken')\n")
    (pkg / "b_good.py").write_text(textwrap.dedent("""
        import sympy as sp
        from derivcheck import Claim, register
        x = sp.Symbol("x", real=True)

        @register("ZZ-01")
        def good():
            return Claim(id="ZZ-01", name="good", paper="cho", location="-", statement="-", lhs=x, rhs=x)

        @register("ZZ-02")
        def bad():
            raise RuntimeError("deliberately failing factory")
    """))
    monkeypatch.syspath_prepend(str(tmp_path))
    cat = load("broken_derivations")
    assert "a_broken" in cat.module_errors
    assert cat.entries["ZZ-01"].encoded
    assert "deliberately failing factory" in cat.entries["ZZ-02"].error


def test_linearity_of_integrals_decides_only_cancelling_integrands():
    from derivcheck.symbolic import _integrands_cancel
    x, a = sp.Symbol("x", real=True), sp.Symbol("a", real=True)
    assert _integrands_cancel(2 * sp.Integral(a * x, (x, 0, 1)) - a * sp.Integral(2 * x, (x, 0, 1)))
    assert not _integrands_cancel(sp.Integral(x, (x, 0, 1)) - sp.Integral(x**2, (x, 0, 1)))   # 1/2 != 1/3
    assert not _integrands_cancel(sp.Integral(x, (x, 0, 1)) - sp.Integral(x, (x, 0, 2)))      # other limits
    assert not _integrands_cancel(x * sp.Integral(x, (x, 0, 1)) - sp.Integral(x**2, (x, 0, 1)))  # x is bound


def test_model_time_limit_fires_again_when_its_exception_is_swallowed():
    # Python prints and drops an exception raised inside a gc callback or __del__; the limit must not be lost
    from derivcheck.symbolic import TimeLimitExceeded, time_limit
    swallowed, t0 = 0, time.monotonic()
    with pytest.raises(TimeLimitExceeded):
        with time_limit(0.05):
            while time.monotonic() - t0 < 10:
                try:
                    while time.monotonic() - t0 < 10:
                        pass
                except TimeLimitExceeded:
                    if swallowed:
                        raise
                    swallowed += 1      # the first alarm is swallowed, as inside a callback
    assert swallowed == 1 and time.monotonic() - t0 < 5
