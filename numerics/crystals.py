"""One-dimensional crystal slabs of Gaussian-smeared point charges (spec generator G1, Tangney 2024).

A :class:`CrystalSlab` is a semi-infinite-like slab: ``n_cells`` cells of a neutral basis, the first cell cut at
offset ``b`` so that any termination occurs, optional adsorbed charges just outside the left surface ``x_L``.
Every quantity is computed from the charges themselves: the charge integral ``S0`` in closed form (each Gaussian
integrates to an error function), moments by composite Gauss-Legendre quadrature, and the mesoscale average of
Tangney's Eq. 49 by quadrature of a Gaussian kernel against ``S0``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from scipy.special import ndtr

__all__ = ["CrystalSlab", "crystal_slabs", "gauss_legendre", "mesoscale_sigma"]


@dataclass(frozen=True)
class CrystalSlab:
    r"""Charges ``q`` at ``tau`` (in [0, a)) repeated with period ``a`` for x >= x_L, smeared by ``width``.

    The cell n occupies [x_L + n a, x_L + (n+1) a); the basis is shifted by the termination ``b`` so that the slab
    starts with the part of a cell that lies to the right of ``b``. ``ads_q``/``ads_x`` are adsorbed charges.
    """

    a: float
    tau: tuple[float, ...]
    q: tuple[float, ...]
    width: float
    n_cells: int
    b: float = 0.0
    x_L: float = 0.0
    ads_x: tuple[float, ...] = ()
    ads_q: tuple[float, ...] = ()

    def charges(self) -> tuple[np.ndarray, np.ndarray]:
        """(positions, charges) of every charge of the slab, shape (n,)."""
        tau = (np.asarray(self.tau) - self.b) % self.a                     # (K,) basis after the cut at b
        n = np.arange(self.n_cells)[:, None]                               # (n_cells, 1)
        x = (self.x_L + n * self.a + tau[None, :]).ravel()
        q = np.broadcast_to(np.asarray(self.q), (self.n_cells, len(self.q))).ravel()
        return np.concatenate([x, self.ads_x]), np.concatenate([q, self.ads_q])

    def rho(self, x: np.ndarray) -> np.ndarray:
        """Charge density at ``x`` (any shape), summing only charges within 12 widths (the rest is < 1e-31)."""
        xs, qs = self.charges()
        x = np.asarray(x, dtype=float)
        flat = x.ravel()
        out = np.zeros_like(flat)
        order = np.argsort(xs)
        xs, qs = xs[order], qs[order]
        reach = 12 * self.width
        lo, hi = np.searchsorted(xs, flat.min() - reach), np.searchsorted(xs, flat.max() + reach)
        for xi, qi in zip(xs[lo:hi], qs[lo:hi]):
            out += qi * np.exp(-0.5 * ((flat - xi) / self.width) ** 2)
        return (out / (np.sqrt(2 * np.pi) * self.width)).reshape(x.shape)

    def S0(self, x: np.ndarray) -> np.ndarray:
        r"""Charge to the left of x, :math:`S_0(x)=\int_{-\infty}^x\rho`: each Gaussian gives q Phi((x - x_i)/w)."""
        xs, qs = self.charges()
        x = np.asarray(x, dtype=float)
        flat = x.ravel()
        order = np.argsort(xs)
        xs, qs = xs[order], qs[order]
        reach = 12 * self.width
        full = np.concatenate([[0.0], np.cumsum(qs)])                      # charge of the first k charges
        lo = np.searchsorted(xs, flat - reach)                             # these are fully to the left
        out = full[lo]
        hi = np.searchsorted(xs, flat + reach)
        for j in range(int((hi - lo).max(initial=0))):
            idx = lo + j
            ok = idx < hi
            ii = np.minimum(idx, len(xs) - 1)
            out = out + np.where(ok, qs[ii] * ndtr((flat - xs[ii]) / self.width), 0.0)
        return out.reshape(x.shape)

    def bulk_range(self, margin_cells: int) -> tuple[float, float]:
        return self.x_L + margin_cells * self.a, self.x_L + (self.n_cells - margin_cells) * self.a


def gauss_legendre(f, lo: float, hi: float, panel: float, order: int = 20) -> float:
    """Composite Gauss-Legendre quadrature of ``f`` on [lo, hi], panels no wider than ``panel``.

    For the smooth Gaussian densities here, with panels no wider than one smearing width and 20 nodes per panel,
    the error is at round-off level (the tests verify this by halving the panel).
    """
    n = max(1, int(np.ceil((hi - lo) / panel)))
    edges = np.linspace(lo, hi, n + 1)
    t, w = np.polynomial.legendre.leggauss(order)
    mid, half = (edges[1:] + edges[:-1]) / 2, (edges[1:] - edges[:-1]) / 2
    x = mid[:, None] + half[:, None] * t[None, :]                           # (panel, node)
    return float(np.sum(f(x) * w[None, :] * half[:, None]))


def mesoscale_sigma(slab: CrystalSlab, X: float, kernel_width: float) -> float:
    r"""Tangney Eq. 49: :math:`\sigma=\int_{x_L}^{X}\varrho\,dx` with :math:`\varrho=\mu*\rho`, Gaussian kernel.

    By Fubini the integral of the averaged density is the kernel average of :math:`S_0` about X (the paper's remark
    after Eq. 49). The kernel is cut at 9 widths (tail weight < 1e-18); a kernel width of two periods or more damps
    the periodic part of :math:`S_0` by :math:`e^{-2\pi^2 w^2/a^2} < 10^{-30}`.
    """
    norm = 1 / (np.sqrt(2 * np.pi) * kernel_width)
    return gauss_legendre(lambda u: norm * np.exp(-0.5 * (u / kernel_width) ** 2) * slab.S0(X - u),
                          -9 * kernel_width, 9 * kernel_width, panel=slab.width)


@st.composite
def crystal_slabs(draw, *, min_charges: int = 2, max_charges: int = 5, adsorbates: bool = True) -> CrystalSlab:
    """Neutral-cell crystal slabs (generator G1): random basis, smearing, termination and adsorbates.

    Charges are drawn in [-2, 2] and the last one makes the cell neutral. Shrinks towards two charges, a = 1, no
    adsorbates and termination b = 0.
    """
    k = draw(st.integers(min_charges, max_charges))
    a = draw(st.one_of(st.just(1.0), st.floats(0.5, 3.0)))
    tau = draw(arrays(np.float64, k, elements=st.floats(0.0, 0.999), unique=True))
    q = draw(arrays(np.float64, k - 1, elements=st.floats(-2.0, 2.0)))
    q = np.append(q, -q.sum())
    width = draw(st.floats(0.01, 0.05)) * a
    b = draw(st.one_of(st.just(0.0), st.floats(0.0, 0.999))) * a
    n_ads = draw(st.integers(0, 2)) if adsorbates else 0
    ads_x = tuple(-draw(st.floats(0.1, 0.5)) * a for _ in range(n_ads))
    ads_q = tuple(draw(st.floats(-1.0, 1.0)) for _ in range(n_ads))
    return CrystalSlab(a=a, tau=tuple(map(float, tau * a)), q=tuple(map(float, q)), width=width, n_cells=60, b=b,
                       ads_x=ads_x, ads_q=ads_q)
