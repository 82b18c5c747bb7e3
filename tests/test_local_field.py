"""Tests for derivations/local_field.py."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from derivcheck import Status, check
from derivations import local_field as lf

CONFIRMED = ["evacuated_dipole_averages_to_zero", "evacuated_dipole_changes_sign", "cavity_field_is_macroscopic_field",
             "macroscopic_field_from_surface_charge", "lorentz_local_field_relation"]


def test_every_factory_is_tested():
    assert set(CONFIRMED) == {n for n in lf.__all__ if n not in
                              ("smooth_step", "lattice_sites", "molecule_charges", "ball_average_weights")}


@pytest.mark.parametrize("name", CONFIRMED)
def test_confirmed(name):
    verdict = check(getattr(lf, name)(), samples=4, timeout=120)
    assert verdict.status is Status.CONFIRMED, verdict.reason


def test_lorentz_value_is_not_what_the_sums_give():
    """The R-averaged evacuated dipole is far from Lorentz's (4 pi/3) R^3 P (a refutable alternative)."""
    tau, q = np.array([[0, 0, 0.1], [0, 0, -0.1]]), np.array([1.0, -1.0])
    o = lf._observe_dipole((tau, q, 8.0, 1.0, "pair_z"))
    lorentz = (q @ tau) * 4 * np.pi * 8.0**3 / 3
    assert np.linalg.norm(o.values["D_avg"] - lorentz) > 0.99 * np.linalg.norm(lorentz)


@settings(max_examples=15, deadline=None)
@given(R=st.floats(2.0, 6.0))
def test_lattice_sites_count_and_symmetry(R):
    s = lf.lattice_sites(R)
    assert np.all(np.linalg.norm(s, axis=1) <= R + 1e-12)
    assert np.allclose(s.sum(0), 0.0)                                          # inversion symmetric
    assert abs(len(s) - 4 * np.pi * R**3 / 3) < 4 * np.pi * R**2 * 1.5         # Gauss circle problem: O(R^2) error


@settings(max_examples=15, deadline=None)
@given(s0=st.floats(8.0, 12.0), ws=st.floats(0.5, 1.2), r=st.floats(0.0, 20.0))
def test_ball_average_weights(s0, ws, r):
    """B(r) = <theta(s - r)/s^3>, Pout(r) = P(s < r) against direct quadrature; Pout + step = 1."""
    B, Pout = lf.ball_average_weights(np.array([r]), s0, ws)
    lo, hi = max(s0 - 10 * ws, s0 / 4), s0 + 10 * ws
    sg = np.linspace(min(max(r, lo), hi), hi, 200001)                      # integrate from the step at r
    g = np.exp(-((sg - s0) ** 2) / (2 * ws**2)) / np.sqrt(2 * np.pi) / ws
    # B is tabulated on a 1e-3 grid and interpolated linearly: error <= h^2/8 max|B''| with B'' = -g'/s^3 + 3g/s^4,
    # max|g'| = exp(-1/2) / (sqrt(2 pi) ws^2), max g = 1 / (sqrt(2 pi) ws), s >= lo; relative 1e-6 for the
    # reference's own trapezoid error
    c = 1 / (np.sqrt(2 * np.pi) * ws)
    interp = 1e-6 / 8 * (np.exp(-0.5) * c / ws / lo**3 + 3 * c / lo**4)
    assert B[0] == pytest.approx(np.trapezoid(g / sg**3, sg), rel=1e-6, abs=interp)
    assert Pout[0] + lf.smooth_step(r, s0, ws) == pytest.approx(1.0, abs=1e-6)


@settings(max_examples=10, deadline=None)
@given(d=st.floats(0.05, 0.4), R=st.floats(3.0, 6.0))
def test_sharp_dipole_of_whole_molecules_is_count_times_p(d, R):
    """Weighting whole molecules (not charges) gives N(R) p: the Lorentz picture of the evacuated sphere."""
    tau, q = np.array([[0, 0, d / 2], [0, 0, -d / 2]]), np.array([1.0, -1.0])
    sites, pos, Q, mol = lf.molecule_charges(R, tau, q)
    assert np.allclose((Q[:, None] * pos).sum(0), len(sites) * (q @ tau))
