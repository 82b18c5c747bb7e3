"""Tests for derivations/conductors.py (Sec. VI: eps from sigma, overlay, f-sum, sheet vs film, skin depth)."""

import numpy as np
import pytest
import scipy.constants as sc
from hypothesis import given, settings
from hypothesis import strategies as st

from derivcheck import Status, check_many
from derivations import conductors as cd
from numerics.hamiltonians import TABLE1, optical_oscillators

EXPECTED = {
    "NV-02": (cd.dielectric_from_conductivity_as_printed, Status.REFUTED),
    "NV-02/fix": (cd.dielectric_from_conductivity_eminus, Status.PROVED),
    "NV-02/eplus": (cd.dielectric_from_conductivity_eplus, Status.PROVED),
    "NV-03": (cd.length_velocity_overlay, Status.CONFIRMED),
    "NV-03/kubo": (cd.length_velocity_overlay_kubo_damping, Status.REFUTED),
    "NV-04/limit": (cd.f_sum_limit, Status.CONFIRMED),
    "NV-04/grid": (cd.f_sum_on_printed_grid, Status.REFUTED),
    "NV-05": (cd.sheet_film_order_as_printed, Status.REFUTED),
    "NV-05/fix": (cd.sheet_film_order_first, Status.CONFIRMED),
    "NV-05/sub": (cd.sheet_film_subpercent, Status.CONFIRMED),
    "NV-06": (cd.skin_depth, Status.CONFIRMED),
    "seeded: velocity route without the diamagnetic term": (cd.velocity_route_without_diamagnetic_term,
                                                             Status.REFUTED),
}


@pytest.fixture(scope="module")
def verdicts():
    # a refutation needs enough draws to reach the failing corner (complex off-diagonal, ...); a confirmation is
    # checked with few draws here (the catalogue run uses each claim's default samples)
    out = {}
    for status, samples in ((Status.REFUTED, 20), (None, 3)):
        keys = [k for k in EXPECTED if (EXPECTED[k][1] is Status.REFUTED) == (status is Status.REFUTED)]
        out |= dict(zip(keys, check_many([EXPECTED[k][0]() for k in keys], samples=samples, jobs=1, timeout=60)))
    return out


@pytest.mark.parametrize("key", list(EXPECTED))
def test_verdict(verdicts, key):
    assert verdicts[key].status is EXPECTED[key][1], f"{key}: {verdicts[key].reason}"


@settings(max_examples=10)
@given(osc=optical_oscillators().filter(lambda o: o.eta / o.Omega >= 0.01), e=st.floats(9.0, 16.0))
def test_time_quadrature_matches_two_level_closed_form(osc, e):
    om = 10.0 ** e
    a, s = cd.two_level_transforms(osc, om, +1)
    z = om + 1j * osc.eta
    ref = osc.mu ** 2 / sc.hbar * (1 / (osc.Omega - z) + 1 / (osc.Omega + z))
    assert abs(a - ref) < 1e-8 * abs(ref)                         # quadrature at round-off
    natural = osc.N * osc.mu ** 2 / sc.hbar                      # sigma at omega ~ Omega: round-off is relative to it
    assert abs(s - (-1j * om * osc.N * a)) < 1e-8 * abs(s) + 1e-12 * natural   # sigma = -i w N alpha (Eq. 3)


def test_table1_effective_density_matches_printed_value():
    assert cd._n_eff(TABLE1) == pytest.approx(3.07169884e26, rel=1e-8)   # printed to 9 digits


@given(d=st.floats(1e-11, 1e-9), e=st.floats(13.0, 16.0))
def test_film_tends_to_sheet_as_thickness_vanishes(d, e):
    om = 10.0 ** e
    Rs, As = cd.sheet_response(om, 5e-3, 1e-13, 1.0, 1.5)
    dR = [cd.film_response(om, 5e-3, 1e-13, 1.0, 1.5, dd, 1.0)[0] - Rs for dd in (d, d / 2)]
    assert dR[1] / dR[0] == pytest.approx(0.5, abs=0.02)            # first order in omega d/c: halves with d
