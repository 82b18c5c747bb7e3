"""Trap identities: false statements that pass naive random evaluation. None may be PROVED or CONFIRMED.

SymPy's ``verify_numerically`` samples a small box and accepts sqrt(x**2) = x; a single-point zero test accepts
x - |x| = 0; a periodic function sampled at its period looks constant; an estimator agrees with a wrong value on
one short series. The engine samples every region the declared assumptions allow, so each is REFUTED.
"""

import numpy as np
import pytest
import sympy as sp
from hypothesis import strategies as st

from derivcheck import Claim, NumericCheck, Observation, Relation, Status, Tolerance, check

x = sp.Symbol("x", real=True)
p = sp.Symbol("p", positive=True)
n = sp.Symbol("n", integer=True)
z = sp.Symbol("z", complex=True)


def _claim(lhs, rhs, **kw):
    return Claim(id="TRAP", name="trap", paper="cho", location="test", statement="trap", lhs=lhs, rhs=rhs, **kw)


TRAPS = {
    "sqrt_of_square_is_identity_over_reals": (sp.sqrt(x**2), x),
    "x_equals_abs_x": (x, sp.Abs(x)),
    "sqrt_of_square_is_identity_over_complex": (sp.sqrt(z**2), z),
    "log_of_square_is_twice_log": (sp.log(z**2), 2 * sp.log(z)),
    "sqrt_of_product_splits": (sp.sqrt(z * p * (-1)), sp.I * sp.sqrt(z) * sp.sqrt(p)),
    "periodic_function_at_integer_points_only": (sp.sin(2 * sp.pi * x), 0),
    "holds_on_a_measure_zero_set": (x**2, x),
    "holds_only_for_small_arguments": (sp.sin(x), x - x**3 / 6),
    "power_of_power_over_reals": ((x**2) ** sp.Rational(1, 2) * (x**2) ** sp.Rational(1, 2), x**2 * sp.sign(x)),
    "atan_addition_without_branch": (sp.atan(x) + sp.atan(1 / x), sp.pi / 2),
    "exp_log_inverse_over_complex": (sp.log(sp.exp(z)), z),
    "integer_parity_trap": (sp.cos(sp.pi * n), 1),
}


@pytest.mark.parametrize("trap", TRAPS)
def test_trap_identity_is_refuted(trap):
    lhs, rhs = TRAPS[trap]
    verdict = check(_claim(lhs, rhs), timeout=30)
    assert verdict.status is Status.REFUTED, f"{trap} slipped through: {verdict}"
    assert verdict.sampling.counterexample or verdict.symbolic.outcome.value == "fails"


def test_true_identity_with_a_removable_singularity_is_proved():
    assert check(_claim((x**2 - 1) / (x - 1), x + 1)).status is Status.PROVED


def test_log_of_square_holds_modulo_2_pi_i():
    claim = _claim(sp.log(z**2), 2 * sp.log(z), relation=Relation.MOD, quantum=2 * sp.pi * sp.I)
    assert check(claim).status in (Status.PROVED, Status.CONFIRMED)


def test_log_of_square_modulo_pi_i_is_refuted():
    # a wrong quantum: log(z**2) - 2 log z is 0 or +-2 pi i, which is a multiple of pi i as well, so use 4 pi i
    claim = _claim(sp.log(z**2), 2 * sp.log(z), relation=Relation.MOD, quantum=4 * sp.pi * sp.I)
    assert check(claim).status is Status.REFUTED


# --- statistical trap: an estimator that agrees with a wrong value on one short series --------------------------

def _exponential_means(n_samples):
    """A series of exponential(1) draws (seeded by Hypothesis) and its mean with the standard error."""
    def observe(seed):
        draws = np.random.default_rng(seed).exponential(1.0, n_samples)
        return Observation({"m": draws.mean()}, stderr=draws.std(ddof=1) / np.sqrt(n_samples))
    return observe


def test_statistical_estimator_against_a_wrong_value_is_refuted():
    m = sp.Symbol("m", real=True)
    numeric = NumericCheck(instances=lambda: st.integers(0, 2**32 - 1), observe=_exponential_means(20_000),
                           tolerance=Tolerance(reason="sample mean: standard error s/sqrt(N)", z=4, z_refute=6),
                           method="exponential(1) series of 20000 draws", samples=30)
    wrong = _claim(m, sp.Rational(21, 20), numeric=numeric, sample_residual=False)  # true mean is 1, not 1.05
    right = _claim(m, 1, numeric=numeric, sample_residual=False)
    assert check(wrong).status is Status.REFUTED
    assert check(right).status is Status.CONFIRMED


def test_short_series_cannot_confirm_a_wrong_value():
    # On 30 draws the error bar (~0.18) hides the 5% error: the claim must not come out REFUTED by luck, and the
    # engine must not call it CONFIRMED with confidence either unless every instance agrees within 4 sigma.
    m = sp.Symbol("m", real=True)
    numeric = NumericCheck(instances=lambda: st.integers(0, 2**32 - 1), observe=_exponential_means(30),
                           tolerance=Tolerance(reason="sample mean: standard error s/sqrt(N)", z=4, z_refute=6),
                           method="exponential(1) series of 30 draws", samples=30)
    verdict = check(_claim(m, sp.Rational(21, 20), numeric=numeric, sample_residual=False))
    # what the engine may say: CONFIRMED "within error bars" is honest only with the stderr in the evidence
    assert verdict.numeric.tolerance.startswith("|residual| <= 4 standard errors")
