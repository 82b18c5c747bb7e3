"""Tests for derivations/packets.py and numerics/packets.py (moving Gaussian-packet crystals)."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from derivcheck import Status, check
from derivations import packets as pk
from numerics.packets import MovingCrystal, moving_crystals

FAST = dict(samples=4, timeout=120)


@given(moving_crystals(), st.floats(0.0, 1.0))
@settings(max_examples=6)
def test_sigma_rate_is_independent_of_the_difference_step(mc, f):
    # sigma is linear in t up to smearing tails: halving h changes the central difference only by round-off
    assert mc.rate(mc.sigma, 2e-4) == pytest.approx(mc.rate(mc.sigma, 1e-4), abs=1e-8)


@given(moving_crystals(adsorbates=False), st.floats(0.0, 1.0))
@settings(max_examples=6)
def test_surface_charge_rate_is_minus_cell_averaged_x_current(mc, f):
    # the sign relation asked for by the spec (T-B-13): sigma_L' = -<j>_cell for a closed bulk
    xb = mc.bulk_cut(f)
    assert mc.rate(mc.sigma) == pytest.approx(-mc.cell_average_current(xb), abs=1e-8)


@pytest.mark.parametrize("factory,expected", [
    (pk.packet_current_eq9, Status.PROVED),
    (pk.packet_current_chain_rule, Status.PROVED),
    (pk.finite_crystal_current, Status.CONFIRMED),
    (pk.finite_crystal_algebra, Status.PROVED),
    (pk.sigma_dot_is_sum_of_packet_currents, Status.PROVED),
    (pk.sigma_is_linear_in_rho, Status.PROVED),
    (pk.current_eq59, Status.PROVED),
    (pk.current_eq60, Status.PROVED),
    (pk.current_eq61_centres, Status.PROVED),
    (pk.current_eq61_dipole, Status.PROVED),
    (pk.current_eq63_64, Status.PROVED),
])
def test_claim_verdicts(factory, expected):
    assert check(factory(), **FAST).status is expected


def test_any_fixed_charge_partition_gives_same_current_is_refuted():
    assert check(pk.any_fixed_charge_partition_gives_same_current(), **FAST).status is Status.REFUTED


def test_seeded_sign_flip_of_eq60_is_refuted():
    c = pk.current_eq60()
    bad = c.with_formula(c.lhs, pk.Qdot_left + pk.C / pk.a)
    assert check(bad, **FAST).status is Status.REFUTED
