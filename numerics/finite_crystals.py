r"""Finite bodies cut from point-charge crystals (Sen et al. 2024, spec generator "3-D finite bodies").

Overview
    A :class:`ParallelepipedBody` is the lattice-plane parallelepiped :math:`lE[0,M)^3` filled with the crystal
    whose basis (fractional positions ``tau``, charges ``q``) is shifted by the termination ``T``. For any cell
    corner ``a`` (fractional) the module measures, from the explicit charges: the cell dipole
    :math:`\mathbf p_{\mathbf a}`, the charge of the partial cells along each face, the face areas and outward
    normals (geometrically), and the face totals :math:`\mathbf p_{\mathbf a}\cdot\mathbf n+\sigma_p`.
    Also: cell counting on aligned cubes (partial, bulk, surface cells) and balls cut by atom-centre truncation.
Conventions
    Positions are physical, :math:`\mathbf x=lE\boldsymbol\nu`; charges are physical point charges; the cell
    volume is :math:`l^3|\det E|`.
References
    [1] S. Sen, Y. Wang, T. Breitzman, K. Dayal, J. Mech. Phys. Solids (2024), Sec. 2 and App. A.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from hypothesis import strategies as st

from numerics.periodic_densities import lattices, neutral_point_charge_bases

__all__ = ["ParallelepipedBody", "parallelepiped_bodies", "aligned_cube_cell_counts", "ball_charges"]


@dataclass(frozen=True)
class ParallelepipedBody:
    """M^3 cells of lattice l E (l = 1/M), basis (tau, q) shifted by the termination T (fractional)."""

    E: np.ndarray
    tau: np.ndarray
    q: np.ndarray
    T: np.ndarray
    M: int

    @property
    def l(self) -> float:
        return 1.0 / self.M

    def charges(self):
        """Fractional positions nu (n, 3) in [0, M)^3 and charges (n,) of every crystal charge in the body."""
        frac = (self.tau + self.T[None, :]) % 1.0                       # (K, 3) basis inside one crystal cell
        n = np.stack(np.meshgrid(*[np.arange(self.M)] * 3, indexing="ij"), -1).reshape(-1, 3)
        nu = (n[:, None, :] + frac[None, :, :]).reshape(-1, 3)
        q = np.tile(self.q, len(n))
        return nu, q

    def positions(self, nu):
        return self.l * nu @ self.E.T

    def cell_dipole(self, a: np.ndarray) -> np.ndarray:
        r""":math:`\mathbf p_{\mathbf a}=\frac1{|l\Box|}\sum_{\text{basis}}q\,(\mathbf x-\hat{\mathbf x})` of the cell
        with fractional corner ``a`` (each basis charge taken at its copy inside that cell)."""
        frac = (self.tau + self.T[None, :]) % 1.0
        w = (frac - a[None, :]) % 1.0                                   # position inside the cell, fractional
        d = (self.q[:, None] * (self.l * w @ self.E.T)).sum(0)
        return d / (self.l ** 3 * abs(np.linalg.det(self.E)))

    def face_geometry(self, k: int):
        """Outward unit normal and area of the upper face nu_k = M (geometric: away from the body centre)."""
        i, j = [m for m in range(3) if m != k]
        cr = np.cross(self.E[:, i], self.E[:, j])
        n = cr / np.linalg.norm(cr)
        if np.dot(self.E[:, k], n) < 0:
            n = -n
        return n, np.linalg.norm(cr) * (self.M * self.l) ** 2

    def partial_layer_charge(self, a: np.ndarray, k: int, upper: bool = True) -> float:
        """Charge of the partial cells along face k for the cell grid with fractional corner a.

        Cells are indexed by floor(nu_k - a_k); a cell is partial along k if its nu_k-range leaves [0, M].
        """
        nu, q = self.charges()
        idx = np.floor(nu[:, k] - a[k])
        lo_full = np.ceil(-a[k] - 1e-12)                     # first index whose cell starts inside the body
        hi_full = np.floor(self.M - a[k] + 1e-12) - 1        # last index whose cell ends inside the body
        sel = idx > hi_full if upper else idx < lo_full
        return float(q[sel].sum())

    def face_total(self, a: np.ndarray, k: int) -> float:
        r"""Upper face k: :math:`\mathbf p_{\mathbf a}\cdot\mathbf n+\sigma_p`, with :math:`\sigma_p` the partial-cell
        charge divided by the face area."""
        n, area = self.face_geometry(k)
        return float(self.cell_dipole(a) @ n + self.partial_layer_charge(a, k) / area)


@st.composite
def parallelepiped_bodies(draw, *, sizes=(4, 6, 8)):
    """Lattice-plane parallelepipeds: random lattice (both handednesses), neutral basis, termination, M in sizes."""
    E = draw(lattices())
    tau, q = draw(neutral_point_charge_bases(max_charges=4))
    T = np.array([draw(st.floats(0.0, 0.999)) for _ in range(3)])
    M = draw(st.sampled_from(sizes))
    return ParallelepipedBody(E=E, tau=tau, q=q, T=T, M=M)


def aligned_cube_cell_counts(M: int, theta: float) -> dict:
    """Cells of the lattice lZ^3 (l = 1/(M + theta), corners at l*n) meeting the closed unit cube [0, 1]^3.

    Counted by enumeration: a cell [l n, l(n+1)]^3 is inside if it lies in [0, 1]^3, partial if it meets the open
    cube but is not inside, bulk if inside and not touching a face plane. Returns counts and l.
    """
    l = 1.0 / (M + theta)
    n = np.arange(-1, M + 2)
    lo, hi = l * n, l * (n + 1)
    meets = (hi > 0.0) & (lo < 1.0)                # per direction: the cell meets the open interval (0, 1)
    inside = (lo >= 0.0) & (hi <= 1.0 + 1e-15)     # per direction: inside [0, 1]
    touches = meets & ((lo <= 0.0) | (hi >= 1.0))  # per direction: reaches a face plane
    m3 = meets[:, None, None] & meets[None, :, None] & meets[None, None, :]
    i3 = inside[:, None, None] & inside[None, :, None] & inside[None, None, :]
    n_partial = int(np.sum(m3 & ~i3))
    n_bulk = int(np.sum(i3 & ~(touches[:, None, None] | touches[None, :, None] | touches[None, None, :])))
    return {"partial": n_partial, "inside": int(i3.sum()), "bulk": n_bulk, "l": l}


def ball_charges(E: np.ndarray, tau: np.ndarray, q: np.ndarray, M: int, radius: float = 1.0):
    """Charges of the crystal l E (Z^3 + tau) (l = 1/M) whose centres lie in the ball |x| <= radius."""
    l = 1.0 / M
    reach = int(np.ceil(radius / (l * np.min(np.linalg.svd(E, compute_uv=False))))) + 2
    n = np.stack(np.meshgrid(*[np.arange(-reach, reach + 1)] * 3, indexing="ij"), -1).reshape(-1, 3)
    nu = (n[:, None, :] + tau[None, :, :]).reshape(-1, 3)
    x = l * nu @ E.T
    qq = np.tile(q, len(n))
    keep = np.linalg.norm(x, axis=1) <= radius
    return x[keep], qq[keep]
