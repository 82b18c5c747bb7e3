r"""Electrostatic potentials of finite bodies, computed from the charges themselves.

Overview
    Closed-form potentials of Gaussian charges in 1D (planar sheets) and 3D (spheres), summed directly over every
    charge of a body; integrals over balls by radial quadrature weighted with the exact spherical-cap area; cell
    averages by product Gauss-Legendre or midpoint rules; surface integrals over cubes by Gauss-Legendre. Nothing
    here uses a formula of the paper under test: these are Coulomb's law, Gauss's divergence theorem and quadrature.
Conventions
    SI-like with :math:`\epsilon_0 = 1` and unit charge e = 1, so :math:`\kappa = 1/4\pi`. A width ``w = 0`` is a
    point charge.
References
    [1] P. Tangney, "Electricity at the macroscale and its microscopic origins" (2024), Secs. XIII-XIV.
"""

from __future__ import annotations

import numpy as np
from scipy.special import erf, erfc, ndtr

__all__ = ["EPS0", "KAPPA", "gauss_legendre_nodes", "quad", "potential_1d", "S0_1d", "S1_1d", "rho_1d",
           "drho_1d", "potential_3d", "field_3d", "cap_area", "ball_integral_radial", "atom_potential_3d",
           "cell_average_3d", "cube_field_average"]

EPS0 = 1.0
KAPPA = 1.0 / (4.0 * np.pi * EPS0)
_SQ2 = np.sqrt(2.0)


def gauss_legendre_nodes(lo: float, hi: float, panels: int, order: int = 20) -> tuple[np.ndarray, np.ndarray]:
    """Nodes and weights of composite Gauss-Legendre quadrature on [lo, hi] with ``panels`` equal panels."""
    if panels < 1:
        raise ValueError(f"panels={panels}: composite quadrature needs at least one panel")
    t, w = np.polynomial.legendre.leggauss(order)
    edges = np.linspace(lo, hi, panels + 1)
    mid, half = (edges[1:] + edges[:-1]) / 2, (edges[1:] - edges[:-1]) / 2
    x = (mid[:, None] + half[:, None] * t[None, :]).ravel()               # (panels * order,)
    wt = (half[:, None] * w[None, :]).ravel()
    return x, wt


def quad(f, lo: float, hi: float, panel: float, order: int = 20) -> float:
    """Composite Gauss-Legendre quadrature of ``f`` (vectorized) on [lo, hi], panels no wider than ``panel``."""
    n = max(1, int(np.ceil((hi - lo) / panel)))
    x, w = gauss_legendre_nodes(lo, hi, n, order)
    return float(np.sum(f(x) * w))


# --- 1D: planar sheets of Gaussian charge (generator GB1) -----------------------------------------------------------
def _z(x, m, s):
    return (np.asarray(x, float)[..., None] - m) / s


def _pdf(z):
    return np.exp(-0.5 * z * z) / np.sqrt(2 * np.pi)


def rho_1d(x, m, c, s) -> np.ndarray:
    """Charge density of Gaussian packets c_k N(x; m_k, s_k)."""
    z = _z(x, m, s)
    return np.sum(c * _pdf(z) / s, axis=-1)


def drho_1d(x, m, c, s) -> np.ndarray:
    """d rho / dx of Gaussian packets, analytically."""
    z = _z(x, m, s)
    return np.sum(-c * z * _pdf(z) / s**2, axis=-1)


def S0_1d(x, m, c, s) -> np.ndarray:
    r""":math:`S_0(x)=\int_{-\infty}^x\rho`: each packet gives :math:`c\,\Phi_N(z)`."""
    return np.sum(c * ndtr(_z(x, m, s)), axis=-1)


def S1_1d(x, m, c, s) -> np.ndarray:
    r""":math:`S_1(x)=\int_{-\infty}^x y\rho(y)\,dy`: each packet gives :math:`c\,[m\Phi_N(z)-s\varphi_N(z)]`."""
    z = _z(x, m, s)
    return np.sum(c * (m * ndtr(z) - s * _pdf(z)), axis=-1)


def potential_1d(x, m, c, s) -> np.ndarray:
    r"""Exact planar potential with :math:`\phi=0` in the vacuum on the left:
    :math:`\phi(x)=-\epsilon_0^{-1}\int_{-\infty}^x(x-y)\rho(y)\,dy` (Poisson's equation integrated twice)."""
    z = _z(x, m, s)
    xx = np.asarray(x, float)[..., None]
    # int_{-inf}^x (x - y) N(y; m, s) dy = (x - m) Phi(z) + s phi(z)
    return -np.sum(c * ((xx - m) * ndtr(z) + s * _pdf(z)), axis=-1) / EPS0


# --- 3D: spherical Gaussian charges and point charges -----------------------------------------------------------------
def potential_3d(points, pos, q, w, chunk: int = 256) -> np.ndarray:
    r"""Potential at ``points`` (n, 3) of charges ``q`` at ``pos`` (k, 3) with Gaussian widths ``w`` (k,):
    :math:`\kappa q\,\mathrm{erf}(r/\sqrt2w)/r` (Coulomb's law for a spherical Gaussian; w = 0 is a point charge)."""
    points = np.atleast_2d(points)
    q, w = np.asarray(q, float), np.broadcast_to(np.asarray(w, float), np.shape(q))
    out = np.empty(len(points))
    for i in range(0, len(points), chunk):
        p = points[i:i + chunk]
        r = np.linalg.norm(p[:, None, :] - pos[None, :, :], axis=-1)   # (n, k)
        with np.errstate(divide="ignore", invalid="ignore"):
            ws = np.where(w > 0, w, 1.0)
            f = np.where(w > 0, erf(r / (_SQ2 * ws)) / r, 1.0 / r)
            f = np.where((r == 0) & (w > 0), np.sqrt(2 / np.pi) / ws, f)
        out[i:i + chunk] = KAPPA * f @ q
    return out


def field_3d(points, pos, q, w) -> np.ndarray:
    r"""Field (n, 3) of spherical Gaussian charges:
    :math:`\kappa q[\mathrm{erf}(r/\sqrt2w)/r^2-\sqrt{2/\pi}e^{-r^2/2w^2}/(wr)]\hat r`."""
    points = np.atleast_2d(points)
    d = points[:, None, :] - pos[None, :, :]                              # (n, k, 3)
    r = np.linalg.norm(d, axis=-1)
    w = np.broadcast_to(np.asarray(w, float), np.shape(q))
    radial = erf(r / (_SQ2 * w)) / r**2 - np.sqrt(2 / np.pi) * np.exp(-r**2 / (2 * w**2)) / (w * r)
    return KAPPA * np.einsum("nk,nkc->nc", radial * q / r, d)


def atom_potential_3d(r, Z: float, s: float) -> np.ndarray:
    r"""Potential of a neutral atom: point nucleus +Z and Gaussian cloud -Z of width s,
    :math:`\kappa Z[1-\mathrm{erf}(r/\sqrt2s)]/r=\kappa Z\,\mathrm{erfc}(r/\sqrt2s)/r`."""
    r = np.asarray(r, float)
    return KAPPA * Z * erfc(r / (_SQ2 * s)) / r


def cap_area(rad, d: float, R: float) -> np.ndarray:
    r"""Area of the part of the sphere of radius ``rad`` about a point at distance ``d`` from the centre of a ball
    of radius R that lies inside the ball (elementary geometry of a spherical cap)."""
    rad = np.asarray(rad, float)
    full = 4 * np.pi * rad**2
    if d == 0:
        return np.where(rad < R, full, 0.0)
    # cos of the cap's half-angle: points at angle theta from the outward direction are inside iff cos > c0
    c0 = (R**2 - d**2 - rad**2) / (2 * d * rad)
    frac = np.clip((1 + c0) / 2, 0.0, 1.0)                                # fraction of the sphere inside
    return full * frac


def ball_integral_radial(f_radial, centres, R: float, r_max: float, panels: int = 64,
                         order: int = 20) -> float:
    r""":math:`\sum_i\int_{|\mathbf u|<R}f(|\mathbf u-\mathbf c_i|)\,d^3u` by radial quadrature about each centre:
    :math:`\int_0^{r_{\max}}f(\varrho)\,A(\varrho;|\mathbf c_i|,R)\,d\varrho` with the exact cap area A.

    ``f_radial`` must decay (or be cut) beyond ``r_max``; the integrand :math:`\varrho^2 f` is smooth for the
    short-ranged atomic potentials used here, except where the cap area has a kink (at R - d and R + d).
    """
    x, w = gauss_legendre_nodes(0.0, r_max, panels, order)
    fx = f_radial(x)
    total = 0.0
    for c in np.atleast_2d(centres):
        total += float(np.sum(fx * cap_area(x, float(np.linalg.norm(c)), R) * w))
    return total


def cell_average_3d(f, corner, a: float, n: int) -> float:
    """Midpoint-rule average of ``f`` (points (m, 3) -> (m,)) over the cube [corner, corner + a]^3, n^3 points.

    For a function periodic in the cell the midpoint rule converges spectrally (aliasing of Fourier modes beyond
    n/a only); for a smooth non-periodic function it is second order.
    """
    g = (np.arange(n) + 0.5) / n * a
    X, Y, Z = np.meshgrid(g, g, g, indexing="ij")
    pts = np.stack([X.ravel(), Y.ravel(), Z.ravel()], axis=1) + np.asarray(corner, float)
    return float(np.mean(f(pts)))


def cube_field_average(phi, centre, a: float, order: int = 16) -> np.ndarray:
    r"""Average of :math:`\mathbf E=-\nabla\phi` over the cube of side a about ``centre``, by Gauss's theorem:
    :math:`\frac1{a^3}\int\mathbf E\,dV=-\frac1{a^3}\oint\phi\,\hat n\,dS`, each face by order x order Gauss-Legendre.
    ``phi`` maps points (m, 3) to potentials (m,); it must be smooth on the cube's faces."""
    t, w = np.polynomial.legendre.leggauss(order)
    t, w = t * a / 2, w * a / 2
    U, V = np.meshgrid(t, t, indexing="ij")
    W2 = np.outer(w, w).ravel()
    out = np.zeros(3)
    centre = np.asarray(centre, float)
    for axis in range(3):
        others = [k for k in range(3) if k != axis]
        for sign in (+1.0, -1.0):
            pts = np.zeros((U.size, 3))
            pts[:, axis] = sign * a / 2
            pts[:, others[0]], pts[:, others[1]] = U.ravel(), V.ravel()
            out[axis] -= sign * float(np.sum(phi(pts + centre) * W2))
    return out / a**3
