"""Tests for derivations/finnis.py (Tangney 2024, Sec. X.B, Eqs. 49-51, Fig. 11) and numerics/crystals.py."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from derivcheck import Status, check
from derivations import finnis
from numerics.crystals import crystal_slabs, gauss_legendre, mesoscale_sigma

FAST = dict(samples=6, timeout=120)


@pytest.mark.parametrize("factory,expected", [
    (finnis.sigma_eq51, Status.PROVED),
    (finnis.sigma_is_independent_of_cut, Status.PROVED),
    (finnis.period_average_of_S0_equals_eq51, Status.PROVED),
    (finnis.sigma_fig11_caption_as_printed, Status.REFUTED),     # the caption's +d/a (Eq. 51 implies -)
    (finnis.sigma_fig11_caption_corrected, Status.PROVED),
])
def test_finnis_verdicts(factory, expected):
    v = check(factory(), **FAST)
    assert v.status is expected, v.reason


def _bulk(slab, frac):
    lo, hi = slab.bulk_range(margin_cells=20)
    return lo + frac * (hi - lo)


@settings(max_examples=15)
@given(slab=crystal_slabs(), f1=st.floats(0.0, 1.0), f2=st.floats(0.0, 1.0))
def test_eq49_sigma_is_the_same_at_every_bulk_point(slab, f1, f2):
    # the mesoscale-averaged charge (Eq. 49) with a kernel two periods wide: periodic part damped by e^{-8 pi^2}
    s1 = mesoscale_sigma(slab, _bulk(slab, f1), 2 * slab.a)
    s2 = mesoscale_sigma(slab, _bulk(slab, f2), 2 * slab.a)
    scale = max(1.0, float(np.sum(np.abs(slab.q))))
    assert abs(s1 - s2) <= 1e-9 * scale          # quadrature at round-off (20-node panels one width wide)


@settings(max_examples=15)
@given(slab=crystal_slabs(), f=st.floats(0.0, 1.0))
def test_eq51_from_the_microstructure_matches_eq49(slab, f):
    # independent evaluation: charge up to the cut minus the first moment of the next cell, over the period
    xb = _bulk(slab, f)
    moment = gauss_legendre(lambda u: slab.rho(xb + u) * u, 0.0, slab.a, panel=slab.width)
    sigma51 = float(slab.S0(xb)) - moment / slab.a
    sigma49 = mesoscale_sigma(slab, _bulk(slab, 0.5), 2 * slab.a)
    scale = max(1.0, float(np.sum(np.abs(slab.q))))
    assert abs(sigma51 - sigma49) <= 1e-9 * scale


@settings(max_examples=10)
@given(slab=crystal_slabs())
def test_quadrature_converges_by_halving_the_panel(slab):
    xb = _bulk(slab, 0.3)
    coarse = gauss_legendre(lambda u: slab.rho(xb + u) * u, 0.0, slab.a, panel=slab.width)
    fine = gauss_legendre(lambda u: slab.rho(xb + u) * u, 0.0, slab.a, panel=slab.width / 2)
    assert abs(coarse - fine) <= 1e-12 * max(1.0, float(np.sum(np.abs(slab.q))))
