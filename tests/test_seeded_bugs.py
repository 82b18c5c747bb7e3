"""Seeded bugs: the mistakes people actually make must be REFUTED (Hypothesis's tests/quality/ idea).

Each paper's test module seeds its own (TRK with prefactor 2, velocity gauge without the diamagnetic term, ...);
this table collects the ones that cut across the catalogue.
"""

import pytest
import sympy as sp

from derivcheck import Status, check
from derivations import finnis

_a, _M, _ss, _sig = finnis.a, finnis.M, finnis.sigma_s, finnis.sigma

SEEDED_BUGS = {
    "finnis_dipole_sign_flipped": lambda: finnis.sigma_with_dipole_sign(+1),
    "finnis_moment_over_a_squared": lambda: finnis.sigma_eq51().with_formula(_sig, _ss - _M / _a**2),
    "finnis_moment_term_dropped": lambda: finnis.sigma_eq51().with_formula(_sig, _ss),
    "finnis_moment_times_a": lambda: finnis.sigma_eq51().with_formula(_sig, _ss - _M * _a),
    "finnis_half_moment": lambda: finnis.sigma_eq51().with_formula(_sig, _ss - _M / (2 * _a)),
    "finnis_extra_4pi": lambda: finnis.sigma_eq51().with_formula(_sig, 4 * sp.pi * (_ss - _M / _a)),
}


@pytest.mark.parametrize("bug", SEEDED_BUGS)
def test_seeded_bug_is_refuted(bug):
    verdict = check(SEEDED_BUGS[bug](), samples=10)
    assert verdict.status is Status.REFUTED, f"{bug} slipped through: {verdict.reason}"
