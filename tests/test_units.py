"""Tests for derivations/units.py and the sheet / plasma kernels of numerics/units.py."""

import numpy as np
import pytest
import scipy.constants as sc
from hypothesis import given, settings
from hypothesis import strategies as st

from derivcheck import Status, check
from derivations import units as un
from numerics.units import plasma_oscillation_omega, sheet_conductances, sheet_fresnel

EXPECTED = {
    "fine_structure_definition": Status.PROVED, "e2_over_hbar": Status.PROVED, "e2_over_h": Status.PROVED,
    "kubo_prefactor_sheet": Status.PROVED, "kubo_prefactor_bulk": Status.REFUTED,
    "sigma_from_chi_sec5": Status.PROVED, "eps_from_sigma_sec5": Status.PROVED,
    "cross_section_au_sec5": Status.PROVED, "isotropic_average": Status.PROVED,
    "polarizability_si_sec5": Status.PROVED, "cross_section_si_sec5": Status.PROVED,
    "chi_from_cell_polarizability": Status.PROVED, "sigma_from_alpha_sec5": Status.PROVED,
    "plasma_frequency_alpha_fs": Status.PROVED, "plasma_frequency_si": Status.PROVED,
    "vacuum_impedance": Status.PROVED, "sheet_absorbance_thin_limit": Status.CONFIRMED,
    "sheet_absorbance_exact": Status.PROVED, "sheet_absorbance_outside_limit": Status.REFUTED,
    "graphene_pi_alpha": Status.PROVED, "graphene_pi_alpha_value": Status.CONFIRMED,
    "graphene_exact_absorbance": Status.REFUTED, "graphene_opacity": Status.CONFIRMED,
}


@pytest.mark.parametrize("name", EXPECTED)
def test_claim_verdict(name):
    verdict = check(getattr(un, name)(), samples=4, timeout=120)
    assert verdict.status is EXPECTED[name], verdict.reason


@settings(max_examples=30)
@given(y=st.complex_numbers(max_magnitude=20.0, allow_nan=False, allow_infinity=False).filter(lambda z: z.real >= 0),
       n1=st.floats(0.5, 4.0), n2=st.floats(0.5, 4.0))
def test_sheet_energy_balance(y, n1, n2):
    f = sheet_fresnel(y, n1, n2)
    # R + T + A = 1 by construction; A >= 0 (passive) and equal to the Joule heating of the sheet current
    assert f["A"] >= -1e-12
    assert f["A"] == pytest.approx(f["A_joule"], rel=1e-9, abs=1e-12)


@settings(max_examples=20)
@given(inst=sheet_conductances(lo=1e-9, hi=1e-6))
def test_thin_sheet_strategy_stays_in_the_limit(inst):
    _, s = inst
    assert abs(np.sqrt(sc.mu_0 / sc.epsilon_0) * s) <= 1e-6 * (1 + 1e-12) and s.real >= 0


@settings(max_examples=5, deadline=None)
@given(n=st.floats(20.0, 30.0).map(lambda x: 10.0**x), m=st.floats(0.01, 10.0))
def test_plasma_oscillation_period_does_not_depend_on_window(n, m):
    assert plasma_oscillation_omega(n, m * sc.m_e, periods=4) == pytest.approx(
        plasma_oscillation_omega(n, m * sc.m_e, periods=8), rel=1e-11)
