"""Tests for derivations/energy_flux.py and numerics/molecular_dynamics.py."""

import numpy as np
import pytest
from hypothesis import given, settings

from derivcheck import Status, check
from derivations import energy_flux as ef
from numerics.molecular_dynamics import energy_dipole, lj_clusters, lj_pairs, site_energies, verlet_step

EXPECTED = {"energy_flux_of_pair_potentials": Status.PROVED, "energy_changes_by_boundary_term": Status.PROVED,
            "gauge_shifted_flux": Status.PROVED, "asymmetric_partition_shifts_energy_dipole": Status.PROVED,
            "gauge_shifted_density_is_conserved": Status.PROVED}


@pytest.mark.parametrize("name", EXPECTED)
def test_claim_verdict(name):
    verdict = check(getattr(ef, name)(), samples=4, timeout=180)
    assert verdict.status is EXPECTED[name], verdict.reason


def test_energy_flux_without_half_is_refuted():
    c = ef.energy_flux_of_pair_potentials()
    pair = c.rhs - sum(ef.e[i] * ef.v[i][0] for i in range(ef.N_ATOMS))
    seeded = c.with_formula(c.lhs, c.rhs + pair)        # factor 1 instead of 1/2 on the virial term
    assert check(seeded, samples=4, timeout=180).status is Status.REFUTED


def _flux_error(cl, dt):
    cl = type(cl)(R=cl.R, V=cl.V, w=cl.w, dt=dt)
    phi, F = lj_pairs(cl.R)
    e = site_energies(cl.R, cl.V, cl.w)
    formula = np.sum(e * cl.V[:, 0]) + 0.5 * np.sum(np.einsum("ia,ija->ij", cl.V, F) * (cl.R[:, None, 0] - cl.R[None, :, 0]))
    Rp, Vp = verlet_step(cl.R, cl.V, dt)
    Rm, Vm = verlet_step(cl.R, cl.V, -dt)
    fd = (energy_dipole(Rp, Vp, cl.w)[0] - energy_dipole(Rm, Vm, cl.w)[0]) / (2 * dt)
    return abs(fd - formula)


@settings(max_examples=15)
@given(cl=lj_clusters(n_atoms=5))
def test_central_difference_error_is_second_order(cl):
    e1, e2 = _flux_error(cl, 2e-3), _flux_error(cl, 1e-3)
    assert e2 < e1 / 3 or e1 < 1e-9                       # O(dt^2): halving dt divides the error by ~4


@settings(max_examples=15)
@given(cl=lj_clusters(n_atoms=5))
def test_verlet_conserves_energy(cl):
    R, V = cl.R, cl.V
    E0 = site_energies(R, V, cl.w).sum()
    for _ in range(20):
        R, V = verlet_step(R, V, 1e-4)
    assert site_energies(R, V, cl.w).sum() == pytest.approx(E0, rel=1e-6, abs=1e-6)   # O(dt^2) energy drift


@settings(max_examples=15)
@given(cl=lj_clusters(n_atoms=5))
def test_pair_forces_are_antisymmetric_and_sum_to_zero(cl):
    _, F = lj_pairs(cl.R)
    assert np.allclose(F, -F.transpose(1, 0, 2), atol=1e-9)
    assert np.allclose(F.sum(axis=(0, 1)), 0, atol=1e-8)    # Newton's third law: round-off
