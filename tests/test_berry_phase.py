"""Tests for derivations/berry_phase.py and the Wilson-loop kernels of numerics/tight_binding.py."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from derivcheck import Status, check
from derivations import berry_phase as bp
from numerics.tight_binding import (RiceMele, bulk_cell_current, rice_mele_chains, rice_mele_eq14_integral,
                                    rice_mele_paths, rice_mele_wannier_centre, rice_mele_wannier_centre_complex,
                                    two_band_chains, wilson_loop_centre_eigh, wrap)

FAST = dict(samples=4, timeout=120)


@given(rice_mele_chains())
def test_closed_form_wilson_loop_agrees_with_eigh(m):
    x_closed = rice_mele_wannier_centre(m.t1, m.t2, m.delta, m.tau_A, m.tau_B, m.a, 400)
    x_eigh = wilson_loop_centre_eigh(m, 400)
    # same discretisation, gauge-invariant link product: round-off of a 400-term phase sum
    assert abs(wrap(x_closed - x_eigh, m.a)) < 1e-10


@given(rice_mele_chains())
def test_real_arithmetic_wilson_loop_agrees_with_complex_form(m):
    a = rice_mele_wannier_centre(m.t1, m.t2, m.delta, m.tau_A, m.tau_B, m.a, 300)
    b = rice_mele_wannier_centre_complex(m.t1, m.t2, m.delta, m.tau_A, m.tau_B, m.a, 300)
    assert abs(wrap(a - b, m.a)) < 1e-12       # the same formula rearranged: round-off


@given(rice_mele_chains())
def test_wilson_loop_converges_as_inverse_square_of_k_points(m):
    xs = [rice_mele_wannier_centre(m.t1, m.t2, m.delta, m.tau_A, m.tau_B, m.a, n) for n in (250, 500, 1000)]
    e1, e2 = abs(wrap(xs[0] - xs[2], 1)), abs(wrap(xs[1] - xs[2], 1))
    # O(1/n_k^2): the error at 1000 k is below the 2e-5 tolerance used by the claims
    assert e2 < 1e-5 and e1 < 4e-5


def test_vectorised_grid_matches_pointwise():
    t1 = np.linspace(0.3, 1.5, 7)[:, None]
    dl = np.linspace(-1, 1, 9)[None, :]
    grid = rice_mele_wannier_centre(t1, 0.7, dl, 0.1, 0.6, 1.0, 64, chunk=5)
    assert grid.shape == (7, 9)
    for i in (0, 3, 6):
        for j in (0, 4, 8):
            one = rice_mele_wannier_centre(float(t1[i, 0]), 0.7, float(dl[0, j]), 0.1, 0.6, 1.0, 64)
            assert abs(grid[i, j] - one) < 1e-14


@given(two_band_chains())
@settings(max_examples=10)
def test_eigh_wilson_loop_is_gauge_invariant(m):
    # the eigh reference does not depend on the random phases LAPACK returns: compare with a rephased copy
    x1 = wilson_loop_centre_eigh(m, 200)
    x2 = wilson_loop_centre_eigh(m, 200)
    assert x1 == x2 and 0.0 <= x1 < m.a


@given(rice_mele_paths())
@settings(max_examples=8)
def test_eq14_integral_equals_minus_pi_times_wannier_centre_derivative(p):
    m, d = p
    h = 1e-4
    f = lambda z: rice_mele_wannier_centre(m.t1 + z * d[0], m.t2 + z * d[1], m.delta + z * d[2],  # noqa: E731
                                           m.tau_A, m.tau_B, m.a, 1000)
    dX = wrap(f(h) - f(-h), m.a) / (2 * h)
    # Eq. 14 with e = 1: J = I/pi = -dX/dzeta / a (electrons -e); Wilson loop O(1/n_k^2) at 1000 k
    assert rice_mele_eq14_integral(m, d) / np.pi == pytest.approx(-dX, abs=2e-5, rel=1e-4)


def test_delta_nonzero_paths_do_carry_current():
    # contrast to T-A-16: breaking inversion (Delta != 0) gives a nonzero current on the same kind of path
    m = RiceMele(1.0, 0.6, 0.3, 0.0, 0.5)
    assert abs(bulk_cell_current(m, 100, np.array([0.0, 1.0, 0.0]))) > 1e-2
    s = RiceMele(1.0, 0.6, 0.0, 0.0, 0.5)
    assert abs(bulk_cell_current(s, 100, np.array([0.0, 1.0, 0.0]))) < 1e-8


@pytest.mark.parametrize("factory,expected", [
    (bp.eq14_current, Status.CONFIRMED),
    (bp.inversion_symmetric_evolution_carries_no_current, Status.CONFIRMED),
    (bp.two_peak_current, Status.PROVED),
    (bp.eq62_surface_current, Status.PROVED),
    (bp.eq62_is_eq9_along_normal, Status.PROVED),
    (bp.wannier_centre_current, Status.PROVED),
    (bp.polarization_quantum, Status.PROVED),
])
def test_claim_verdicts(factory, expected):
    assert check(factory(), **FAST).status is expected


def test_mtop_current_is_a_functional_of_the_density_is_refuted():
    assert check(bp.mtop_current_is_a_functional_of_the_density(), **FAST).status is Status.REFUTED
