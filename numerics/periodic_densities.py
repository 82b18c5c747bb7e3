r"""Periodic charge and current densities (Sen, Wang, Breitzman & Dayal 2024), with the quadrature that measures them.

Overview
    1-D: zero-mean Fourier densities of period ``l`` (physical density :math:`\rho=\tilde\rho/l`, spec generator
    "1-D densities"); their partial-cell charges and cell dipoles are measured by composite Gauss-Legendre
    quadrature, cell by cell, never from a closed form. 3-D: random (also left-handed, non-orthogonal) lattices,
    neutral point-charge bases, and periodic current fields :math:`\mathbf j(\mathbf x)` given as Fourier series in
    the cell coordinates :math:`\boldsymbol\nu=E^{-1}\mathbf x`, with tensor Gauss-Legendre rules on cells and faces.
Conventions
    :math:`\epsilon_0=1`; lattice vectors are the columns of ``E``; a cell with corner ``R`` (fractional ``r``) is
    :math:`E(\mathbf r+[0,1)^3)`.
References
    [1] S. Sen, Y. Wang, T. Breitzman, K. Dayal, J. Mech. Phys. Solids (2024), doi 10.1016/j.jmps.2024.105743.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

__all__ = ["FourierDensity1D", "FourierCurrent3D", "periodic_fourier_densities", "lattices",
           "neutral_point_charge_bases", "fourier_currents", "gauss_legendre", "cell_rule", "face_rule"]

_GL = {n: np.polynomial.legendre.leggauss(n) for n in (8, 12, 16, 20, 24, 30)}


def gauss_legendre(f, lo: float, hi: float, panel: float, order: int = 20) -> float:
    """Composite Gauss-Legendre quadrature of ``f`` on [lo, hi] with panels no wider than ``panel``.

    For trigonometric polynomials with at most one period per panel and 20 nodes, the error is at round-off
    (Gauss-Legendre with n nodes is exact to degree 2n - 1; sin on one period is matched by a degree-39 Taylor
    polynomial to < 1e-17). The tests check this by halving the panel.
    """
    if lo > hi and lo - hi <= 1e-12 * max(1.0, abs(lo)):
        return 0.0                                   # an empty interval up to round-off (e.g. a partial cell of width 0)
    if not hi >= lo:
        raise ValueError(f"gauss_legendre needs lo <= hi, got lo={lo!r}, hi={hi!r}; swap the limits")
    if hi == lo:
        return 0.0
    n = max(1, int(np.ceil((hi - lo) / panel)))
    edges = np.linspace(lo, hi, n + 1)
    t, w = _GL[order]
    mid, half = (edges[1:] + edges[:-1]) / 2, (edges[1:] - edges[:-1]) / 2
    x = mid[:, None] + half[:, None] * t[None, :]                       # (panel, node)
    return float(np.sum(f(x) * w[None, :] * half[:, None]))


@dataclass(frozen=True)
class FourierDensity1D:
    r"""Zero-mean l-periodic density :math:`\tilde\rho(x)=\sum_k A_k\cos(2\pi kx/l)+B_k\sin(2\pi kx/l)`.

    ``rho`` is the physical density :math:`\tilde\rho/l` of the paper's scaling (Examples 2.1-2.3 use
    :math:`\frac1l\sin(2\pi x/l)`, i.e. A = 0, B = (1,)).
    """

    l: float
    A: tuple[float, ...]
    B: tuple[float, ...]

    def rho_tilde(self, x):
        x = np.asarray(x, dtype=float)
        out = np.zeros_like(x)
        for k, (a, b) in enumerate(zip(self.A, self.B), start=1):
            ph = 2 * np.pi * k * x / self.l
            out = out + a * np.cos(ph) + b * np.sin(ph)
        return out

    def rho(self, x):
        return self.rho_tilde(x) / self.l

    @property
    def panel(self) -> float:
        return self.l / (2 * max(1, len(self.A)))

    def charge(self, lo: float, hi: float) -> float:
        r""":math:`\int_{lo}^{hi}\rho\,dx` by quadrature (sign-aware for hi < lo)."""
        if hi < lo:
            return -self.charge(hi, lo)
        return gauss_legendre(self.rho, lo, hi, self.panel)

    def cell_dipole(self, corner: float) -> float:
        r"""Eq. (13) of [1]: :math:`p(c)=\frac1l\int_c^{c+l}(x-c)\rho(x)\,dx`, by quadrature."""
        return gauss_legendre(lambda x: (x - corner) * self.rho(x), corner, corner + self.l, self.panel) / self.l


@st.composite
def periodic_fourier_densities(draw, *, max_modes: int = 4, l=None) -> FourierDensity1D:
    """Zero-mean periodic 1-D densities with up to ``max_modes`` modes; period ``l`` drawn in [0.05, 2] unless given.

    Shrinks towards one mode, period 1 and small coefficients.
    """
    if max_modes < 1:
        raise InvalidArgument(f"max_modes={max_modes!r}, but a periodic density needs at least one mode")
    period = draw(st.one_of(st.just(1.0), st.floats(0.05, 2.0))) if l is None else l
    k = draw(st.integers(1, max_modes))
    coef = st.floats(-1.0, 1.0, allow_nan=False)
    A = tuple(draw(coef) for _ in range(k))
    B = tuple(draw(coef) for _ in range(k))
    if max(map(abs, A + B)) < 1e-3:          # keep the density non-trivial
        B = (1.0,) + B[1:]
    return FourierDensity1D(l=period, A=A, B=B)


@st.composite
def lattices(draw, *, min_abs_det: float = 0.2, left_handed: bool | None = None) -> np.ndarray:
    """Lattice bases E = I + perturbation (columns are e_1, e_2, e_3), |det E| >= ``min_abs_det``.

    With ``left_handed`` None both orientations occur (a left-handed basis swaps e_1 and e_2). Shrinks towards the
    unit cube.
    """
    pert = np.array([[draw(st.floats(-0.4, 0.4)) for _ in range(3)] for _ in range(3)])
    E = np.eye(3) + pert
    lh = draw(st.booleans()) if left_handed is None else left_handed
    if lh:
        E = E[:, [1, 0, 2]]
    d = np.linalg.det(E)
    if abs(d) < min_abs_det:
        E = E * (min_abs_det / abs(d)) ** (1 / 3) * 1.01
    return E


@st.composite
def neutral_point_charge_bases(draw, *, min_charges: int = 2, max_charges: int = 6):
    """(fractional positions (K, 3) in [0, 1), charges (K,)) with zero total charge; shrinks to 2 charges."""
    k = draw(st.integers(min_charges, max_charges))
    tau = np.array([[draw(st.floats(0.0, 0.999)) for _ in range(3)] for _ in range(k)])
    q = np.array([draw(st.floats(-2.0, 2.0)) for _ in range(k)])
    q = q - q.mean()
    if np.max(np.abs(q)) < 1e-3:
        q = np.zeros(k)
        q[0], q[1] = 1.0, -1.0
    return tau, q


def cell_rule(E: np.ndarray, corner_frac: np.ndarray, n: int = 12):
    """Tensor Gauss-Legendre nodes (n^3, 3) and weights (n^3,) on the cell E(corner_frac + [0,1)^3).

    Weights include |det E|, so ``w @ f(x)`` is the volume integral.
    """
    t, w = _GL[n]
    t, w = (t + 1) / 2, w / 2
    nu = np.stack(np.meshgrid(t, t, t, indexing="ij"), -1).reshape(-1, 3) + corner_frac[None, :]
    ww = (w[:, None, None] * w[None, :, None] * w[None, None, :]).ravel() * abs(np.linalg.det(E))
    return nu @ E.T, ww


def face_rule(E: np.ndarray, corner_frac: np.ndarray, k: int, upper: bool, n: int = 12):
    """Nodes (n^2, 3), weights (n^2,) and the outward unit normal of face k of the cell E(corner + [0,1)^3).

    The outward normal is found geometrically (it points away from the cell centre), and the area element is
    |e_i x e_j| dnu_i dnu_j; nothing is taken from the dual basis.
    """
    t, w = _GL[n]
    t, w = (t + 1) / 2, w / 2
    i, j = [m for m in range(3) if m != k]
    A, B = np.meshgrid(t, t, indexing="ij")
    nu = np.tile(corner_frac, (A.size, 1)).astype(float)
    nu[:, i] += A.ravel()
    nu[:, j] += B.ravel()
    nu[:, k] += 1.0 if upper else 0.0
    cr = np.cross(E[:, i], E[:, j])
    area = np.linalg.norm(cr)
    normal = cr / area
    centre = E @ (corner_frac + 0.5)
    x = nu @ E.T
    if np.dot(x[0] - centre, normal) < 0:
        normal = -normal
    return x, (w[:, None] * w[None, :]).ravel() * area, normal


@dataclass(frozen=True)
class FourierCurrent3D:
    r"""Periodic current :math:`\mathbf j(\mathbf x)=\mathbf j_0+\sum_m\mathbf c_m\cos(2\pi\mathbf G_m\cdot\boldsymbol\nu+\varphi_m)`.

    :math:`\boldsymbol\nu=E^{-1}\mathbf x`; ``G`` (M, 3) integer; ``c`` (M, 3); ``phase`` (M,).
    The charge rate is :math:`\dot\rho=-\operatorname{div}\mathbf j` (continuity), differentiated analytically.
    """

    E: np.ndarray
    j0: np.ndarray
    G: np.ndarray
    c: np.ndarray
    phase: np.ndarray

    def _arg(self, x):
        nu = np.linalg.solve(self.E, np.asarray(x, float).T).T            # (n, 3)
        return 2 * np.pi * nu @ self.G.T + self.phase[None, :]           # (n, M)

    def j(self, x):
        return self.j0[None, :] + np.cos(self._arg(x)) @ self.c           # (n, 3)

    def rho_dot(self, x):
        kvec = 2 * np.pi * np.linalg.solve(self.E.T, self.G.T).T          # (M, 3) wavevectors E^{-T} G
        div = -np.sin(self._arg(x)) @ np.einsum("mi,mi->m", self.c, kvec)  # div j
        return -div


@st.composite
def fourier_currents(draw, *, modes: int = 6):
    """Random periodic currents on a random lattice: constant part plus ``modes`` Fourier modes (|G_i| <= 2)."""
    E = draw(lattices())
    G = np.array([[draw(st.integers(-2, 2)) for _ in range(3)] for _ in range(modes)])
    c = np.array([[draw(st.floats(-1.0, 1.0)) for _ in range(3)] for _ in range(modes)])
    phase = np.array([draw(st.floats(0.0, 2 * np.pi)) for _ in range(modes)])
    j0 = np.array([draw(st.floats(-1.0, 1.0)) for _ in range(3)])
    return FourierCurrent3D(E=E, j0=j0, G=G, c=c, phase=phase)
