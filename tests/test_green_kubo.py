"""Tests for derivations/green_kubo.py and numerics/time_series.py."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from derivcheck import Status, check
from derivations import green_kubo as gk
from numerics.time_series import (CurrentSeries, ar2_polarization, bounded_polarizations, eh_slope,
                                  einstein_helfand, gauge_shift, green_kubo, ou_currents, stationary_current_series)

EXPECTED = {
    "gk_integral_equals_variance_times_correlation_time": Status.PROVED,
    "einstein_helfand_equals_green_kubo": Status.PROVED,
    "transported_dipole_shifts_by_polarization_change": Status.PROVED,
    "variance_of_shifted_dipole_decomposes": Status.PROVED,
    "einstein_helfand_coefficient_is_gauge_invariant": Status.PROVED,
    "green_kubo_coefficient_is_gauge_invariant": Status.PROVED,
    "conductivity_from_current_fluctuations_si": Status.PROVED,
    "molecular_fluid_conductivity_vanishes": Status.PROVED,
}


@pytest.mark.parametrize("name", EXPECTED)
def test_claim_verdict(name):
    verdict = check(getattr(gk, name)(), samples=4, timeout=120)
    assert verdict.status is EXPECTED[name], verdict.reason


def test_einstein_helfand_with_unbounded_polarization_is_refuted():
    # a seeded mistake: P a random walk (unbounded) adds its diffusion to the EH slope
    cs = CurrentSeries("ou", n=2**16, dt=1.0, seed=3, s=1.0, gamma=0.2)
    J = cs.sample()
    P = np.cumsum(np.random.default_rng(5).standard_normal(J.size))
    Jp = gauge_shift(J, P, cs.dt)
    a, b = eh_slope(J[:-1], 1.0, (100, 200)), eh_slope(Jp, 1.0, (100, 200))
    assert b - a > 0.3          # random-walk P adds 1/2 per unit time to the EH coefficient


@settings(max_examples=10)
@given(cs=stationary_current_series(n=2**15))
def test_green_kubo_estimator_is_within_error_bars(cs):
    est = green_kubo(cs.sample(), cs.dt)
    assert abs(est.value - cs.exact_gk) < 6 * est.stderr      # statistical: 6 block standard errors


@settings(max_examples=10)
@given(cs=stationary_current_series(n=2**15))
def test_exact_variance_matches_sample_variance(cs):
    x = cs.sample()
    # statistical: sample variance of a correlated series, relative error ~ sqrt(2 tau/N) < 5%
    assert np.mean(x**2) == pytest.approx(cs.exact_variance, rel=0.15)


@settings(max_examples=10)
@given(cs=ou_currents(n=2**15))
def test_einstein_helfand_agrees_with_green_kubo_estimate(cs):
    x = cs.sample()
    a, b = green_kubo(x, cs.dt), einstein_helfand(x, cs.dt, (40, 80))
    assert abs(a.value - b.value) < 6 * np.hypot(a.stderr, b.stderr)


@settings(max_examples=10)
@given(cs=ou_currents(n=2**12), sh=bounded_polarizations())
def test_gauge_shift_telescopes_exactly(cs, sh):
    J = cs.sample()
    P = ar2_polarization(J, sh, cs.dt)
    Jp = gauge_shift(J, P, cs.dt)
    D, Dp = cs.dt * np.cumsum(J[:-1]), cs.dt * np.cumsum(Jp)
    assert np.allclose(Dp - D, P[1:] - P[0], rtol=1e-9, atol=1e-9 * np.max(np.abs(Dp)))   # round-off


def test_windowed_and_ar_estimators_agree_on_ou():
    cs = CurrentSeries("ou", n=2**18, dt=0.1, seed=11, s=2.0, gamma=1.0)
    x = cs.sample()
    a, b = green_kubo(x, cs.dt), green_kubo(x, cs.dt, method="window")
    assert abs(a.value - b.value) < 5 * b.stderr
    assert abs(a.value - cs.continuous_gk) < 5 * a.stderr + cs.continuous_gk * (0.1**2) / 12 * 2


def test_einstein_helfand_ratio_refuses_a_lag_longer_than_its_blocks():
    import numpy as np
    import pytest

    from derivcheck.errors import InvalidArgument
    from numerics.time_series import einstein_helfand_ratio
    x = np.random.default_rng(0).standard_normal(1024)
    assert einstein_helfand_ratio(x, 1.0, 8).value > 0
    with pytest.raises(InvalidArgument, match="blocks of >= 80"):
        einstein_helfand_ratio(x, 1.0, 20)          # blocks of 64 samples cannot hold 4 lags of 20
