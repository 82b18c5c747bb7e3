"""Tests for derivations/wannier.py and the wave packets of numerics/packets.py."""

import numpy as np
import pytest
from hypothesis import given, settings

from derivcheck import Status, check
from derivations import wannier as wn
from numerics.packets import torus_packets, wave_packets

FAST = dict(samples=4, timeout=120)


@given(wave_packets())
@settings(max_examples=10)
def test_closed_form_transform_matches_quadrature(p):
    xs = p.grid()
    for g in (-1.0, 0.0, 0.7):
        num = np.trapezoid(p.raw(xs) * np.exp(-1j * g * xs), xs) / np.sqrt(2 * np.pi)
        assert abs(num - p.raw_ft(g)) < 1e-9 * max(1.0, float(np.sum(np.abs(p.c))))   # spectral quadrature


@given(wave_packets())
@settings(max_examples=10)
def test_transform_derivative_matches_central_difference(p):
    g, h = 0.3, 1e-6
    fd = (p.raw_ft(g + h) - p.raw_ft(g - h)) / (2 * h)
    scale = float(np.sum(np.abs(p.c) * np.array(p.s) * (np.array(p.s) ** 2 + np.abs(p.m) + 1) ** 3))
    assert abs(fd - p.raw_ft_deriv(g)) < 1e-6 * scale      # O(h^2) truncation + round-off/h


@given(torus_packets())
@settings(max_examples=6)
def test_printed_torus_centre_is_centre_over_S(inst):
    S, p = inst
    obs = wn._observe_24(inst, "continuum").values
    # the printed continuum form gives x/S; the corrected one x
    assert (1j * S / (2 * np.pi) * obs["K"]).real == pytest.approx(obs["x_i"] / S, rel=1e-6)


@pytest.mark.parametrize("factory,expected", [
    (wn.packet_centre_in_k_space, Status.PROVED),
    (wn.torus_fourier_normalisation, Status.PROVED),
    (wn.torus_centre_continuum_corrected, Status.PROVED),
    (wn.wannier_density, Status.PROVED),
    (wn.wannier_orthonormal, Status.CONFIRMED),
    (wn.wannier_translation, Status.CONFIRMED),
    (wn.parallel_transport_theta_is_minimal, Status.PROVED),
])
def test_claim_verdicts(factory, expected):
    assert check(factory(), **FAST).status is expected


@pytest.mark.parametrize("factory", [wn.torus_centre_finite_h, wn.torus_centre_continuum,
                                     wn.constant_theta_is_maximally_localised])
def test_printed_forms_are_refuted(factory):
    assert check(factory(), **FAST).status is Status.REFUTED
