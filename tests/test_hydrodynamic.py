"""Tests for derivations/hydrodynamic.py."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from derivcheck import Status, check
from derivations import hydrodynamic as hd

EXPECTED = {
    "hydrodynamic_eps_as_printed": Status.PROVED, "plasma_frequency_gaussian": Status.PROVED,
    "static_limit": Status.PROVED, "beta_sq_high_frequency": Status.PROVED,
    "thomas_fermi_as_printed": Status.REFUTED, "thomas_fermi_corrected": Status.PROVED,
    "head_as_printed": Status.REFUTED, "head_corrected": Status.PROVED, "head_drude_limit": Status.PROVED,
    "head_vs_mermin_as_printed": Status.REFUTED, "head_vs_mermin_corrected": Status.CONFIRMED,
}


@pytest.mark.parametrize("name", EXPECTED)
def test_claim_verdict(name):
    verdict = check(getattr(hd, name)(), samples=4, timeout=120)
    assert verdict.status is EXPECTED[name], verdict.reason


@settings(max_examples=15, deadline=None)
@given(g=hd.hydro_gases())
def test_kick_response_is_passive_and_causal(g):
    # a lossy passive medium: Im eps_L(omega) >= 0 for omega >= 0 (e^{-i omega t}); at omega = 0 it is real
    eps = hd.hydro_epsilon(g)
    assert eps.imag >= -1e-9 * abs(eps)
    if g.omega == 0:
        assert abs(eps.imag) <= 1e-9 * abs(eps)


@settings(max_examples=10, deadline=None)
@given(g=hd.hydro_gases())
def test_kick_response_converges_with_quadrature_order(g):
    assert hd.hydro_epsilon(g, order=12) == pytest.approx(hd.hydro_epsilon(g, order=16), rel=1e-9, abs=1e-12)


@settings(max_examples=10, deadline=None)
@given(kF=st.floats(0.2, 3.0), w=st.floats(3.0, 30.0))
def test_lindhard_f_sum_at_high_frequency(kF, w):
    # omega^2 chi0 -> n q^2/m as omega -> oo (f-sum rule), m = hbar = 1
    n = kF**3 / (3 * np.pi**2)
    q = 1e-3 * kF
    chi = hd.lindhard_chi0(kF, 1.0, 1.0, q, w * kF**2)
    assert chi * (w * kF**2) ** 2 / (n * q**2) == pytest.approx(1.0, rel=1e-5)   # O((q v_F/omega)^2) correction


@settings(max_examples=10, deadline=None)
@given(e=st.floats(0.3, 3.0), m=st.floats(0.3, 3.0), n=st.floats(1e-3, 1.0))
def test_thomas_fermi_equals_density_of_states(e, m, n):
    # dn/dmu of the free-electron gas = m k_F/(pi^2 hbar^2) (hbar = 1)
    kF = (3 * np.pi**2 * n) ** (1 / 3)
    assert hd.thomas_fermi_k_sq(e, m, 1.0, n) == pytest.approx(4 * np.pi * e**2 * m * kF / np.pi**2, rel=1e-7)


@settings(max_examples=5, deadline=None)
@given(w=st.floats(2.0, 20.0))
def test_mermin_without_relaxation_is_lindhard(w):
    # gamma -> 0: the Mermin q^2 coefficient tends to the collisionless Lindhard one, (3/5) v_F^2
    assert hd.mermin_beta_sq(1.0, 1.0, 1.0, w, 1e-9 * w) == pytest.approx(
        hd.high_frequency_beta_sq(1.0, 1.0, 1.0, w), rel=1e-6)
