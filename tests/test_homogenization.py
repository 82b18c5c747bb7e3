"""Tests for derivations/homogenization.py and numerics/poisson.py."""

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from derivcheck import Status
from conftest import verdicts_of
from numerics.periodic_densities import periodic_fourier_densities
from numerics.poisson import (coulomb_potential, dirichlet_solution, finite_difference_solution,
                              mixed_solution)

P, C, R = Status.PROVED, Status.CONFIRMED, Status.REFUTED
EXPECTED = {
    "S-03/right": P, "S-03/left": P, "S-04": C,
    "S-05": P, "S-05/alpha": P,
    "S-05/limit": R,                 # the weak limit depends on theta = frac(L/l)
    "S-08/12": P, "S-08/13": P, "S-08/17": P, "S-08/16": C,
    "S-08/continuity": R,            # (12) is printed as 0 outside [0, L] but phi_l(0+) = varphi^0
    "S-09": P,
    "S-10/23": P, "S-10/24": P, "S-10/26": P, "S-10/27": P, "S-10/29jump": P, "S-10/29cont": P,
    "S-10/29neumann": P, "S-10/approx": C,
    "S-11/30": P, "S-11/32": P, "S-11/33": P, "S-11/34": P, "S-11/37jumpL": P, "S-11/37jumpR": P,
    "S-11/37cont": P, "S-11/37neumann": P, "S-11/approx": C,
    "S-12/sigma": R, "S-12/phi": R,  # sigma_p(L) and phi_l(L) oscillate with theta: no limit
    "S-12/fix": C, "S-13": P, "S-36": C,
}


@pytest.fixture(scope="module")
def verdicts():
    return verdicts_of(EXPECTED, samples=6, timeout=90)


@pytest.mark.parametrize("claim_id", sorted(EXPECTED))
def test_verdict(verdicts, claim_id):
    v = verdicts[claim_id]
    assert v.status is EXPECTED[claim_id], f"{claim_id}: {v.status} ({v.reason})"


@settings(max_examples=10, deadline=None)
@given(dens=periodic_fourier_densities(l=0.25), L=st.floats(0.6, 1.4), f=st.floats(-2, 2), g=st.floats(-2, 2))
def test_mixed_green_solution_matches_finite_differences(dens, L, f, g):
    # FD (second order + one Richardson step: O(h^4)) against the Green's-function quadrature (round-off)
    x, phi = finite_difference_solution(dens.rho, L, ("D", f), ("N", g), 400)
    ref = np.array([mixed_solution(dens.rho, L, f, g, xi, dens.panel) for xi in x[::40]])
    scale = 1 + np.max(np.abs(ref))
    assert np.max(np.abs(phi[::40] - ref)) < 1e-5 * scale   # h = L/400, |rho''''| ~ (8 pi/l)^4: O(h^4) ~ 1e-6


@settings(max_examples=10, deadline=None)
@given(dens=periodic_fourier_densities(l=0.25), L=st.floats(0.6, 1.4), a=st.floats(-2, 2), b=st.floats(-2, 2))
def test_dirichlet_green_solution_matches_finite_differences(dens, L, a, b):
    x, phi = finite_difference_solution(dens.rho, L, ("D", a), ("D", b), 400)
    ref = np.array([dirichlet_solution(dens.rho, L, a, b, xi, dens.panel) for xi in x[::40]])
    assert np.max(np.abs(phi[::40] - ref)) < 1e-5 * (1 + np.max(np.abs(ref)))


def test_finite_differences_converge_at_fourth_order():
    rho = lambda x: np.sin(2 * np.pi * x / 0.25) / 0.25
    exact = lambda xx: mixed_solution(rho, 1.0, 0.3, -0.2, xx, 0.125)
    errs = []
    for n in (100, 200):
        x, phi = finite_difference_solution(rho, 1.0, ("D", 0.3), ("N", -0.2), n)
        errs.append(max(abs(phi[i] - exact(x[i])) for i in range(0, n + 1, n // 10)))
    assert errs[0] / errs[1] > 10          # Richardson-extrapolated second order: ratio ~ 16


def test_coulomb_potential_of_a_point_charge():
    v = coulomb_potential(np.zeros((1, 3)), np.array([2.0]), np.array([[0.0, 0.0, 0.5]]))
    assert v[0] == pytest.approx(2.0 / (4 * np.pi * 0.5), rel=1e-15)


def test_coulomb_potential_rejects_target_on_charge():
    with pytest.raises(ValueError, match="coincides with a charge"):
        coulomb_potential(np.zeros((1, 3)), np.array([1.0]), np.zeros((1, 3)))
