"""Tests for derivations/polarization_transport.py."""

import numpy as np
import pytest
from hypothesis import given, settings

from derivcheck import Status
from conftest import verdicts_of
from derivations.polarization_transport import _measure_cell, _cells_with_currents

P, C, R = Status.PROVED, Status.CONFIRMED, Status.REFUTED
EXPECTED = {
    "S-15": P, "S-15/44": P, "S-16": C,
    "S-17/50": P, "S-17/51": P, "S-17/rho": P,
    "S-17/faces": R,                 # the current a'(t) crosses the face x_1 = 0
    "S-18/53": P, "S-18/54": P, "S-18/55": P, "S-18/56": P,
    "S-18/bdry": R,                  # the boundary term of (44) is +j(R, t), printed -j(R, t)
    "S-18/bdry-fix": P,
    "S-19": P, "S-21": P,
    "S-21/modulated": R,             # div p_dot = -beta while J = 0 for a modulated current
}


@pytest.fixture(scope="module")
def verdicts():
    return verdicts_of(EXPECTED, samples=10, timeout=60)


@pytest.mark.parametrize("claim_id", sorted(EXPECTED))
def test_verdict(verdicts, claim_id):
    v = verdicts[claim_id]
    assert v.status is EXPECTED[claim_id], f"{claim_id}: {v.status} ({v.reason})"


@settings(max_examples=10, deadline=None)
@given(inst=_cells_with_currents())
def test_boundary_term_from_dual_basis_form(inst):
    # (47)-(48) last form: sum_k (e_k (x) e^k) int_{A_k} j dnu, e^k = rows of E^{-1}; face average of j in nu
    from numerics.periodic_densities import face_rule
    cur, r = inst
    E = cur.E
    dual = np.linalg.inv(E)
    m = _measure_cell(inst)
    rhs = np.zeros(3)
    for k in range(3):
        xf, wf, _ = face_rule(E, np.array(r), k, False, n=16)
        jbar = (wf[:, None] * cur.j(xf)).sum(0) / wf.sum()          # int over the face in nu (unit measure)
        rhs += E[:, k] * (dual[k] @ jbar)
    assert np.allclose(m["B"], rhs, atol=1e-9)


@settings(max_examples=10, deadline=None)
@given(inst=_cells_with_currents())
def test_boundary_term_depends_on_corner_but_J_does_not(inst):
    cur, r = inst
    m1 = _measure_cell((cur, r))
    m2 = _measure_cell((cur, [v + 0.31 for v in r]))
    assert np.allclose(m1["J"], m2["J"], atol=1e-9)
    assert np.allclose(m1["pdot"] + m1["B"], m2["pdot"] + m2["B"], atol=1e-9)
