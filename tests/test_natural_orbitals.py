"""Tests for derivations/natural_orbitals.py and numerics/many_body.py."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from derivcheck import Status, check
from derivations import natural_orbitals as no
from numerics import many_body as mb

CONFIRMED = ["eq68_energy", "density_from_natural_orbitals", "occupations_sum_to_N", "natural_orbitals_orthonormal",
             "natural_orbitals_are_1rdm_eigenstates", "occupations_at_most_one", "kinetic_energy_from_natural_orbitals",
             "noninteracting_limit_corrected", "natural_states_share_eigenvalue_p", "natural_states_share_eigenvalue_q",
             "p_and_q_spectra_equal", "double_sum_expansion_d1", "natural_states_antisymmetric",
             "schmidt_truncation_is_optimal", "one_body_energy_d5",
             "two_body_energy_d6", "two_body_energy_d7", "energy_d8_corrected", "delta_eps_forms_corrected",
             "two_body_energy_d9_corrected", "energy_d10", "occupation_one_for_product_form", "anticommutator_cosets",
             "mean_field_density_integral_corrected", "natural_p_states_antisymmetric"]
REFUTED = ["noninteracting_limit_as_printed", "energy_d8_as_printed", "two_body_energy_d9_as_printed",
           "delta_eps_forms_as_printed", "anticommutator_projector", "anticommutator_full_sum",
           "mean_field_density_integral_as_printed"]


def test_every_factory_is_tested():
    assert set(CONFIRMED) | set(REFUTED) | {"natural_state_orthogonal_to_dual_d3"} == \
        set(no.__all__) - {"natural_quantities"}


@pytest.mark.parametrize("name", CONFIRMED)
def test_confirmed(name):
    verdict = check(getattr(no, name)(), samples=4, timeout=120)
    assert verdict.status is Status.CONFIRMED, verdict.reason


def test_d3_is_proved():
    verdict = check(no.natural_state_orthogonal_to_dual_d3(), samples=4, timeout=120)
    assert verdict.status is Status.PROVED, verdict.reason


@pytest.mark.parametrize("name", REFUTED)
def test_refuted(name):
    verdict = check(getattr(no, name)(), samples=8, timeout=120)
    assert verdict.status is Status.REFUTED, verdict.reason


_SIZES = st.sampled_from([(5, 2), (6, 3), (5, 3), (6, 4)])


@settings(max_examples=10, deadline=None)
@given(size=_SIZES, seed=st.integers(0, 2**32 - 1))
def test_first_and_second_quantization_agree(size, seed):
    """1-RDM and energies from the determinant coefficients equal those from the antisymmetric tensor."""
    L, N = size
    rng = np.random.default_rng(seed)
    t, v, w = mb.random_model(rng, L)
    c = mb.random_state(rng, L, N)
    psi = mb.to_tensor(c, L, N)
    assert np.sum(np.abs(psi) ** 2) == pytest.approx(1.0, abs=1e-12)
    assert mb.is_antisymmetric(psi) < 1e-14
    g = mb.one_rdm_second(c, L, N)
    assert np.allclose(g, N * mb.reduced_matrix(psi, 1), atol=1e-12)        # round-off
    h = t + np.diag(v)
    assert mb.one_body_energy_second(c, h, N) == pytest.approx(np.real(np.trace(h @ g)), abs=1e-12)
    assert mb.two_body_energy_second(c, w, N) == pytest.approx(mb.pair_energy(psi, w), abs=1e-12)


@settings(max_examples=10, deadline=None)
@given(M=st.integers(1, 3), seed=st.integers(0, 2**32 - 1))
def test_creation_with_coset_convention_is_adjoint_of_annihilation(M, seed):
    """<a chi_M, eta_{M-1}> = <chi_M, a+ eta_{M-1}> with A = (1/(M-1)!) sum_P sgn P P."""
    L = 5
    rng = np.random.default_rng(seed)
    chi = mb.to_tensor(mb.random_state(rng, L, M), L, M)
    eta = mb.to_tensor(mb.random_state(rng, L, M - 1), L, M - 1) if M > 1 else np.array(1.0 + 0.5j)
    z = rng.normal(size=L) + 1j * rng.normal(size=L)
    phi = z / np.linalg.norm(z)
    lhs = np.vdot(mb.annihilate(chi, phi), eta)
    rhs = np.vdot(chi, mb.create(eta, phi, "cosets"))
    assert lhs == pytest.approx(rhs, abs=1e-12)
    P = mb.antisymmetrize(chi, "projector")
    assert np.allclose(P, chi, atol=1e-12)                                    # the projector fixes antisymmetric chi
    assert math.isclose(mb.perm_sign((1, 0, 2)), -1)


@settings(max_examples=8, deadline=None)
@given(size=_SIZES, seed=st.integers(0, 2**32 - 1))
def test_natural_quantities_reassemble_psi_and_d3(size, seed):
    L, N = size
    rng = np.random.default_rng(seed)
    t, v, w = mb.random_model(rng, L)
    c = mb.random_state(rng, L, N)
    q = no.natural_quantities(L, N, t, v, w, c, rng.uniform(0, 6.3, size=L), cmin=0.0)
    rebuilt = np.einsum("a,ax,a...->x...", q["c"], q["phi"], q["Theta"])
    assert np.allclose(rebuilt, q["psi"], atol=1e-12)
    assert np.allclose(np.einsum("a,ax,ax->a", np.ones(q["K"]), q["phi"].conj(), q["phi"]), 1.0)
    if N >= 3:   # D3 for p = 1: <phi_a|Theta_a> = 0
        ov = np.einsum("ax,ax...->a...", q["phi"].conj(), q["Theta"])
        assert np.max(np.abs(ov)) < 1e-12
    assert np.allclose(q["U"], q["V"], atol=1e-12)
