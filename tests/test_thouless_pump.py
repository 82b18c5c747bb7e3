"""Tests for derivations/thouless_pump.py and the pumping kernels of numerics/tight_binding.py."""

import numpy as np
import pytest
from hypothesis import given, settings

from derivcheck import Status, check
from derivations import thouless_pump as tp
from numerics.tight_binding import RingIonicFluid, fourier_loops, pumped_charge, winding_number

FAST = dict(samples=3, timeout=120)


@given(fourier_loops(n_points=200, min_gap=0.3))
@settings(max_examples=5)
def test_loop_integral_of_current_equals_wannier_centre_unwrap(loop):
    # two independent routes to the pumped charge: the integrated local Eq. 14 current and the unwrapped Wilson loop
    t1, t2, dl = loop
    tau_B = 0.5
    assert tp.loop_charge(t1, t2, dl) == pytest.approx(pumped_charge(t1, t2, dl, 0.0, tau_B), abs=1e-4)


@given(fourier_loops(n_points=200, min_gap=0.3))
@settings(max_examples=5)
def test_pumped_charge_is_minus_winding_of_t1_minus_t2_and_delta(loop):
    t1, t2, dl = loop
    assert round(tp.loop_charge(t1, t2, dl)) == -winding_number(t1 - t2, dl)


def test_ring_oxidation_states_of_deep_and_shallow_ions():
    fluid = RingIonicFluid(48, (6.0, 1.0), 1.2, 2)
    X0 = np.array([5.0, 29.0])
    qa, gap_a = tp._drag(fluid, X0, np.array([1, 0]))
    qb, gap_b = tp._drag(fluid, X0, np.array([0, 1]))
    assert min(gap_a, gap_b) > 0.5
    # deep ion (+1 core) carries its two electrons: -1; shallow ion: +1; exact up to round-off
    assert qa == pytest.approx(-1.0, abs=1e-9) and qb == pytest.approx(1.0, abs=1e-9)


@pytest.mark.parametrize("factory,expected", [
    (tp.pumped_charge_is_integer, Status.CONFIRMED),
    (tp.pumped_charge_depends_only_on_winding, Status.CONFIRMED),
    (tp.pumped_charge_is_additive, Status.PROVED),
    (tp.pumped_charge_is_linear_in_windings, Status.CONFIRMED),
    (tp.like_ions_carry_the_same_charge, Status.CONFIRMED),
    (tp.born_and_oxidation_currents_give_same_conductivity, Status.CONFIRMED),
])
def test_claim_verdicts(factory, expected):
    assert check(factory(), **FAST).status is expected
