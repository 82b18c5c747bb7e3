"""Tests for derivations/cell_dipole.py and the kernels of numerics/periodic_densities.py, numerics/finite_crystals.py."""

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from derivcheck import Status
from derivcheck.registry import build
from conftest import verdicts_of
from numerics.finite_crystals import parallelepiped_bodies
from numerics.periodic_densities import (cell_rule, face_rule, fourier_currents, gauss_legendre,
                                         periodic_fourier_densities)

EXPECTED = {
    "S-02": Status.REFUTED,          # first member of (3) is -cos/(2 pi l): the printed chain drops 1/l
    "S-02/fix": Status.PROVED, "S-02/middle": Status.PROVED, "S-02/flip": Status.PROVED,
    "S-06": Status.PROVED,
    "S-07": Status.REFUTED,          # sigma~/K_l is O(l^2), not the charge per area
    "S-07/fix": Status.PROVED, "S-07/p": Status.PROVED,
    "S-14": Status.PROVED, "S-33": Status.PROVED,
    "S-35/a": Status.PROVED, "S-35/avg": Status.PROVED, "S-37": Status.PROVED,
}


@pytest.fixture(scope="module")
def verdicts():
    return verdicts_of(EXPECTED, samples=10, timeout=60)


@pytest.mark.parametrize("claim_id", sorted(EXPECTED))
def test_verdict(verdicts, claim_id):
    v = verdicts[claim_id]
    assert v.status is EXPECTED[claim_id], f"{claim_id}: {v.status} ({v.reason})"


def test_example21_first_member_is_refuted():
    printed, fix = build(["S-02", "S-02/fix"])
    assert printed.corrects is None and fix.corrects == "S-02"


@settings(max_examples=25, deadline=None)
@given(dens=periodic_fourier_densities(), corner=st.floats(-3.0, 3.0))
def test_cell_dipole_quadrature_is_converged(dens, corner):
    # halving the panel must not change the dipole beyond round-off (20-node Gauss-Legendre, <= 1 period per panel)
    coarse = dens.cell_dipole(corner)
    fine = gauss_legendre(lambda x: (x - corner) * dens.rho(x), corner, corner + dens.l, dens.panel / 2) / dens.l
    assert coarse == pytest.approx(fine, rel=1e-10, abs=1e-12)


@settings(max_examples=25, deadline=None)
@given(dens=periodic_fourier_densities(), corner=st.floats(-3.0, 3.0))
def test_cell_dipole_matches_closed_form(dens, corner):
    # p(a) = (1/l) int_0^l u rho(a + u) du; per mode: int_0^l u cos(2 pi k (a+u)/l) du etc. (independent closed form)
    ll = dens.l
    p = 0.0
    for k, (A, B) in enumerate(zip(dens.A, dens.B), start=1):
        ph = 2 * np.pi * k * corner / ll
        # by parts: int_0^1 y cos(2 pi k y + ph) dy = sin(ph)/(2 pi k);  int_0^1 y sin(2 pi k y + ph) dy = -cos(ph)/(2 pi k)
        p += (A * np.sin(ph) - B * np.cos(ph)) / (2 * np.pi * k)
    assert dens.cell_dipole(corner) == pytest.approx(p, rel=1e-10, abs=1e-12)


@settings(max_examples=15, deadline=None)
@given(cur=fourier_currents(), r=st.lists(st.floats(-1, 1), min_size=3, max_size=3))
def test_cell_rule_integrates_divergence_to_flux(cur, r):
    # Gauss theorem on the cell: int rho_dot dV = -sum_faces int j.n dS (independent check of cell and face rules)
    r = np.array(r)
    xs, w = cell_rule(cur.E, r, n=16)
    vol = float(w @ cur.rho_dot(xs))
    flux = 0.0
    for k in range(3):
        for up in (False, True):
            xf, wf, n = face_rule(cur.E, r, k, up, n=16)
            flux += float(wf @ (cur.j(xf) @ n))
    assert vol == pytest.approx(-flux, abs=1e-9)


@settings(max_examples=15, deadline=None)
@given(body=parallelepiped_bodies(), a=st.lists(st.floats(0, 0.999), min_size=3, max_size=3), k=st.integers(0, 2))
def test_face_total_is_independent_of_corner_component(body, a, k):
    a = np.array(a)
    b = a.copy()
    b[(k + 1) % 3] = (b[(k + 1) % 3] + 0.37) % 1.0          # shifting a transverse corner component
    assert body.face_total(a, k) == pytest.approx(body.face_total(b, k), abs=1e-9)


@settings(max_examples=10, deadline=None)
@given(body=parallelepiped_bodies())
def test_body_is_neutral(body):
    _, q = body.charges()
    assert abs(q.sum()) < 1e-9 * max(1.0, np.abs(q).sum())
