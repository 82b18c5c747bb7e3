r"""Small Lennard-Jones clusters with velocity Verlet, site energies and energy dipoles; a polarizable ion model.

Overview
    * :class:`LJCluster`: N atoms (reduced units m = epsilon = sigma = 1) with pair potential
      :math:`\phi(r)=4(r^{-12}-r^{-6})`, forces :math:`F_{IJ}=-\nabla_I\phi(|R_I-R_J|)`, site energies
      :math:`e_I=\frac12mv_I^2+\sum_Jw_{IJ}\phi_{IJ}` (:math:`w_{IJ}+w_{JI}=1`; symmetric split w = 1/2) and the
      energy dipole :math:`\sum_IR_Ie_I`, whose time derivative is the energy flux (Baroni B-02).
    * :class:`PolarizableIons`: point charges with isotropic polarizabilities; the induced dipoles solve
      :math:`p_i=\alpha_i(E_i^{q}+\sum_{j\ne i}T_{ij}p_j)` and the total dipole :math:`\mu(u)=\sum_iq_iu_i+\sum_ip_i`
      is a smooth nonlinear function of the positions (Baroni B-10: Born charges :math:`\partial\mu/\partial u`).
References
    [1] S. Baroni, slides (see derivations/energy_flux.py, derivations/born_charges.py).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

__all__ = ["LJCluster", "lj_pairs", "site_energies", "energy_dipole", "verlet_step", "lj_clusters",
           "PolarizableIons", "polarizable_ion_sets"]


@dataclass(frozen=True)
class LJCluster:
    """Positions R (N, 3), velocities V (N, 3), pair weights w (N, N) with w + w.T = 1, time step dt."""

    R: np.ndarray
    V: np.ndarray
    w: np.ndarray
    dt: float = 1e-4

    def __repr__(self):
        return (f"LJCluster(N={len(self.R)}, dt={self.dt}, R={np.round(self.R, 4).tolist()}, "
                f"V={np.round(self.V, 4).tolist()})")


def lj_pairs(R: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    r"""Pair energies :math:`\phi_{IJ}` (N, N) and pair forces :math:`F_{IJ}` (N, N, 3), force on I due to J."""
    d = R[:, None, :] - R[None, :, :]                      # (N, N, 3), R_I - R_J
    r2 = np.sum(d**2, axis=-1)
    np.fill_diagonal(r2, 1.0)
    inv6 = r2**-3
    phi = 4 * (inv6**2 - inv6)
    dphi_dr_over_r = 4 * (-12 * inv6**2 + 6 * inv6) / r2   # phi'(r)/r
    F = -dphi_dr_over_r[..., None] * d                     # -grad_I phi
    np.fill_diagonal(phi, 0.0)
    F[np.arange(len(R)), np.arange(len(R))] = 0.0
    return phi, F


def site_energies(R: np.ndarray, V: np.ndarray, w: np.ndarray, m: float = 1.0) -> np.ndarray:
    r""":math:`e_I=\frac12m|v_I|^2+\sum_{J\ne I}w_{IJ}\phi_{IJ}`."""
    phi, _ = lj_pairs(R)
    return 0.5 * m * np.sum(V**2, axis=1) + np.sum(w * phi, axis=1)


def energy_dipole(R: np.ndarray, V: np.ndarray, w: np.ndarray) -> np.ndarray:
    r""":math:`\sum_IR_Ie_I` (3,)."""
    return np.sum(R * site_energies(R, V, w)[:, None], axis=0)


def verlet_step(R: np.ndarray, V: np.ndarray, dt: float, m: float = 1.0) -> tuple[np.ndarray, np.ndarray]:
    """One velocity-Verlet step (dt may be negative: the scheme is time reversible)."""
    a = lj_pairs(R)[1].sum(axis=1) / m
    Rn = R + V * dt + 0.5 * a * dt**2
    an = lj_pairs(Rn)[1].sum(axis=1) / m
    return Rn, V + 0.5 * (a + an) * dt


@st.composite
def lj_clusters(draw, *, n_atoms: int = 6, symmetric: bool = True) -> LJCluster:
    """LJ clusters on a jittered simple-cubic grid of spacing 1.12 (jitter <= 0.1, so r_min >= 0.92); velocities
    in [-2, 2]; pair weights 1/2 (symmetric) or random in [-1, 2] with w_IJ + w_JI = 1. Shrinks towards the perfect
    grid at rest."""
    sites = np.array([(i, j, k) for i in range(2) for j in range(2) for k in range(2)], float)[:n_atoms] * 1.12
    jit = draw(arrays(np.float64, (n_atoms, 3), elements=st.floats(-0.1, 0.1)))
    V = draw(arrays(np.float64, (n_atoms, 3), elements=st.floats(-2.0, 2.0)))
    if symmetric:
        w = np.full((n_atoms, n_atoms), 0.5)
    else:
        u = draw(arrays(np.float64, (n_atoms, n_atoms), elements=st.floats(-1.0, 2.0)))
        w = np.triu(u, 1) + np.tril(1 - u.T, -1)
        np.fill_diagonal(w, 0.5)
    return LJCluster(R=sites + jit, V=V, w=w)


# --- polarizable ions (Born charges) -----------------------------------------------------------------------------
@dataclass(frozen=True)
class PolarizableIons:
    """Charges q (N,), polarizabilities alpha (N,), reference positions u0 (N, 3), and a smooth trajectory
    u(t) = u0 + amp * sin(freq t + phase) (each (N, 3))."""

    q: np.ndarray
    alpha: np.ndarray
    u0: np.ndarray
    amp: np.ndarray
    freq: np.ndarray
    phase: np.ndarray

    def positions(self, t: float) -> np.ndarray:
        return self.u0 + self.amp * np.sin(self.freq * t + self.phase)

    def velocities(self, t: float) -> np.ndarray:
        return self.amp * self.freq * np.cos(self.freq * t + self.phase)

    def dipole(self, u: np.ndarray) -> np.ndarray:
        r"""Total dipole :math:`\sum_iq_iu_i+\sum_ip_i` with self-consistent induced dipoles (linear solve)."""
        n = len(self.q)
        d = u[:, None, :] - u[None, :, :]                   # r_i - r_j
        r = np.linalg.norm(d, axis=-1)
        np.fill_diagonal(r, 1.0)
        Eq = np.sum(self.q[None, :, None] * d / r[..., None] ** 3 * (1 - np.eye(n))[..., None], axis=1)  # (N, 3)
        T = (3 * d[..., :, None] * d[..., None, :] / r[..., None, None] ** 5
             - np.eye(3) / r[..., None, None] ** 3)         # dipole field tensor (N, N, 3, 3)
        T[np.arange(n), np.arange(n)] = 0.0
        M = np.eye(3 * n) - (self.alpha[:, None, None, None] * T).transpose(0, 2, 1, 3).reshape(3 * n, 3 * n)
        p = np.linalg.solve(M, (self.alpha[:, None] * Eq).ravel()).reshape(n, 3)
        return np.sum(self.q[:, None] * u, axis=0) + p.sum(axis=0)


@st.composite
def polarizable_ion_sets(draw, *, n_ions: int = 3) -> PolarizableIons:
    """Ions 1.5-2.5 apart (on a jittered line-triangle), charges in [-2, 2], polarizabilities in [0, 0.3]
    (far from the polarization catastrophe alpha ~ r^3/2), trajectory amplitudes <= 0.2."""
    base = np.array([[0.0, 0.0, 0.0], [2.0, 0.0, 0.0], [1.0, 1.8, 0.0], [1.0, 0.6, 1.7]])[:n_ions]
    jit = draw(arrays(np.float64, (n_ions, 3), elements=st.floats(-0.2, 0.2)))
    q = draw(arrays(np.float64, n_ions, elements=st.floats(-2.0, 2.0)))
    alpha = draw(arrays(np.float64, n_ions, elements=st.floats(0.0, 0.3)))
    amp = draw(arrays(np.float64, (n_ions, 3), elements=st.floats(-0.2, 0.2)))
    freq = draw(arrays(np.float64, (n_ions, 3), elements=st.floats(0.2, 3.0)))
    phase = draw(arrays(np.float64, (n_ions, 3), elements=st.floats(0.0, 6.28)))
    return PolarizableIons(q=q, alpha=alpha, u0=base + jit, amp=amp, freq=freq, phase=phase)
