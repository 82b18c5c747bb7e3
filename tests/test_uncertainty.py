"""Tests for derivations/uncertainty.py and the kernels and fields of numerics/packets.py."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from derivcheck import Status, check
from derivations import uncertainty as un
from numerics.packets import kernel_at_zero, kernel_hat

FAST = dict(samples=5, timeout=120)


@given(st.sampled_from(["gauss", "tophat"]), st.floats(0.5, 50.0), st.floats(0.0, 3.0))
@settings(max_examples=20)
def test_kernel_transform_matches_quadrature(kind, eps, k):
    W = np.sqrt(3) * eps
    us = np.linspace(-W / 2, W / 2, 20001) if kind == "tophat" else np.linspace(-6 * eps, 6 * eps, 20001)
    mu = (np.full_like(us, 1 / W) if kind == "tophat"
          else np.exp(-0.5 * (us / (eps / 2)) ** 2) / (np.sqrt(2 * np.pi) * eps / 2))
    num = np.trapezoid(mu * np.cos(k * us), us)
    assert num == pytest.approx(float(kernel_hat(kind, eps, k)), abs=1e-6)   # trapezoid O(h^2) on 2e4 points
    assert np.trapezoid(mu, us) == pytest.approx(1.0, abs=1e-6)
    assert mu[len(us) // 2] == pytest.approx(kernel_at_zero(kind, eps), rel=1e-12)


@pytest.mark.parametrize("factory,expected", [
    (un.averaged_slope_fluctuation_identity, Status.PROVED),
    (un.kernel_constants, Status.PROVED),
    (un.uncertainty_sigma_form_gauss, Status.PROVED),
    (un.uncertainty_sigma_form_tophat, Status.PROVED),
    (un.eq26_tophat, Status.CONFIRMED),
])
def test_claim_verdicts(factory, expected):
    assert check(factory(), **FAST).status is expected


@pytest.mark.parametrize("factory", [un.eq26_both_kernels, un.fluctuations_decay_as_inverse_width])
def test_printed_forms_are_refuted(factory):
    assert check(factory(), **FAST).status is Status.REFUTED
