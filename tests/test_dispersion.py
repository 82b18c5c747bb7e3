"""Tests for derivations/dispersion.py."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from derivcheck import Status, check
from derivations import dispersion as dp

EXPECTED = {
    "dispersion_29_vanishes_at_wave_equation_roots": Status.PROVED, "eps_mu_dispersion_as_printed": Status.REFUTED,
    "eps_mu_dispersion_corrected": Status.PROVED, "dbf_dispersion": Status.PROVED,
    "dbf_cannot_reproduce_chi_em_as_printed": Status.REFUTED, "lhm_dispersion_A": Status.PROVED,
    "lhm_dispersion_B": Status.PROVED, "lhm_window_ends": Status.PROVED,
    "lhm_reflectance_curves_shifted": Status.CONFIRMED, "lhm_reflectance_dip_reaches_zero": Status.CONFIRMED,
    "lhm_branch_is_backward": Status.CONFIRMED, "lhm_reflectance_as_printed": Status.REFUTED,
    "lhm_reflectance_corrected": Status.PROVED,
}


@pytest.mark.parametrize("name", EXPECTED)
def test_claim_verdict(name):
    verdict = check(getattr(dp, name)(), samples=5, timeout=60)
    assert verdict.status is EXPECTED[name], verdict.reason


@settings(max_examples=20)
@given(e=st.complex_numbers(min_magnitude=0.1, max_magnitude=3), m=st.complex_numbers(min_magnitude=0.1, max_magnitude=3))
def test_scalar_maxwell_roots_are_plus_minus_sqrt_eps_mu(e, m):
    n = dp._maxwell_n(e * np.eye(2), m * np.eye(2))
    assert np.allclose(n**2, e * m, rtol=1e-9)               # round-off


@settings(max_examples=20)
@given(n=st.floats(-5, -0.05), eb=st.floats(-5, -0.1))
def test_thick_slab_reflectance_matches_fresnel(n, eb):
    assert dp._slab_R(n, eb) == pytest.approx(abs((n - eb) / (n + eb)) ** 2, rel=1e-5, abs=1e-7)


@settings(max_examples=20)
@given(e=st.complex_numbers(min_magnitude=0.1, max_magnitude=3), m=st.complex_numbers(min_magnitude=0.1, max_magnitude=3),
       w=st.floats(0.2, 3))
def test_dbf_without_chirality_reduces_to_eps_mu(e, m, w):
    ks = dp._dbf_k(e, m, 0.0, w, 1.0)
    assert np.allclose(np.sort_complex(ks**2 / w**2), np.full(ks.size, e * m), rtol=1e-8)
