r"""One-dimensional chains of Gaussian charge packets: analytic densities, charge integrals, moments, potentials.

Overview
    A :class:`PacketChain` is any planar-averaged charge density made of Gaussian packets
    :math:`\rho(x)=\sum_k q_k\,\mathcal N(x;m_k,s_k)` (width 0 = point charge). Everything Tangney's Secs. VII, X and
    App. A need is computed from the packets themselves, analytically (spec generator GB1):

    * :math:`S_0(x)=\int_{-\infty}^x\rho`, :math:`S_1(x)=\int_{-\infty}^x x'\rho` by the normal CDF;
    * the potential :math:`\phi(x)=\epsilon_0^{-1}\int_{-\infty}^x(x'-x)\rho\,dx'` (zero in the vacuum on the left);
    * moments of any interval, :math:`\int_A^B(x-c)^n\rho\,dx`, n = 0, 1, 2;
    * the Gaussian-kernel mesoscale average :math:`\varrho=\mu_w*\rho` (exact: :math:`s\to\sqrt{s^2+w^2}`), and its
      integrals :math:`\int^X\varrho`, :math:`\int^X x\varrho` (Eq. 49 and its first moment);
    * mesoscale moment densities :math:`\bar{\mathcal M}^{(n)}(x_b)` of Sec. VII.G over a neutral partition.

    Strategies: :func:`molecular_chains` (generator G3: disordered neutral molecules, exact neutral partition at the
    points between molecules).
References
    [1] P. Tangney, "Electricity at the macroscale and its microscopic origins" (2024), Secs. VII.G-H, X, App. A, E.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np
from hypothesis import strategies as st
from scipy.special import ndtr

from derivcheck import InvalidArgument

__all__ = ["PacketChain", "molecular_chains", "mbar", "crystal_boundaries", "top_hat_charge",
           "potential_by_double_integration"]

_SQRT2PI = np.sqrt(2 * np.pi)


def _pdf(z):
    return np.exp(-0.5 * z * z) / _SQRT2PI


@dataclass(frozen=True, repr=False)
class PacketChain:
    """Gaussian packets with charges ``q`` at centres ``m`` (sorted) and widths ``s`` (0: point charge).

    ``boundaries`` are the points of a neutral partition of the bulk (between molecules), ``period`` is set for
    crystals, ``bulk`` is the (lo, hi) range deep inside the material.
    """

    m: np.ndarray
    q: np.ndarray
    s: np.ndarray
    boundaries: np.ndarray = field(default_factory=lambda: np.empty(0))
    period: float | None = None
    bulk: tuple[float, float] = (0.0, 0.0)
    eps0: float = 1.0
    label: str = ""

    def __repr__(self):
        return (f"PacketChain({self.label or 'chain'}: {self.m.size} packets, q in [{self.q.min():.3g}, "
                f"{self.q.max():.3g}], widths in [{self.s.min():.3g}, {self.s.max():.3g}], period={self.period}, "
                f"bulk=({float(self.bulk[0]):.4g}, {float(self.bulk[1]):.4g}))")

    # --- pointwise quantities (dense in chunks: a few thousand packets at most) -------------------------------
    def _sum(self, x, fn):
        x = np.asarray(x, dtype=float)
        flat = x.ravel()
        out = np.empty_like(flat)
        m, q, s = self.m[None, :], self.q[None, :], self.s[None, :]
        step = max(1, 2_000_000 // max(1, self.m.size))
        for i in range(0, flat.size, step):
            out[i:i + step] = fn(flat[i:i + step, None], m, q, s).sum(axis=1)
        return out.reshape(x.shape)

    def rho(self, x):
        """Charge density; point charges contribute nothing off their site."""
        def f(x, m, q, s):
            ss = np.where(s > 0, s, 1.0)
            return np.where(s > 0, q * _pdf((x - m) / ss) / ss, 0.0)
        return self._sum(x, f)

    def drho(self, x):
        r""":math:`\rho'(x)`, analytically."""
        def f(x, m, q, s):
            ss = np.where(s > 0, s, 1.0)
            z = (x - m) / ss
            return np.where(s > 0, -q * z * _pdf(z) / ss**2, 0.0)
        return self._sum(x, f)

    def S0(self, x):
        r""":math:`S_0(x)=\int_{-\infty}^x\rho`: q Phi((x-m)/s) per packet; a point charge on x counts one half."""
        def f(x, m, q, s):
            ss = np.where(s > 0, s, 1.0)
            return q * np.where(s > 0, ndtr((x - m) / ss), np.where(x > m, 1.0, np.where(x < m, 0.0, 0.5)))
        return self._sum(x, f)

    def S1(self, x):
        r""":math:`S_1(x)=\int_{-\infty}^x x'\rho\,dx'`: q [m Phi(z) - s phi(z)] per packet."""
        def f(x, m, q, s):
            ss = np.where(s > 0, s, 1.0)
            z = (x - m) / ss
            step = np.where(x > m, 1.0, np.where(x < m, 0.0, 0.5))
            return q * np.where(s > 0, m * ndtr(z) - s * _pdf(z), m * step)
        return self._sum(x, f)

    def phi(self, x):
        r"""Potential :math:`\phi(x)=-\epsilon_0^{-1}[xS_0(x)-S_1(x)]`, zero in the vacuum on the left (closed form)."""
        x = np.asarray(x, dtype=float)
        return -(x * self.S0(x) - self.S1(x)) / self.eps0

    def smoothed(self, w: float) -> "PacketChain":
        r"""The Gaussian-kernel mesoscale average :math:`\mu_w*\rho` (kernel standard deviation w), exactly."""
        return replace(self, s=np.sqrt(self.s**2 + w**2), label=f"{self.label} * N(0,{w:.3g})")

    # --- integrals over intervals -------------------------------------------------------------------------------
    def interval_moment(self, A, B, n: int, c):
        r""":math:`\int_A^B(x-c)^n\rho(x)\,dx` for n = 0, 1, 2 (A, B, c broadcast together)."""
        A, B, c = np.broadcast_arrays(*(np.asarray(v, dtype=float) for v in (A, B, c)))
        out = np.zeros(A.shape)
        for k in range(0, self.m.size, 4000):
            m, q, s = self.m[k:k + 4000], self.q[k:k + 4000], self.s[k:k + 4000]
            ss = np.where(s > 0, s, 1.0)
            zA, zB = (A[..., None] - m) / ss, (B[..., None] - m) / ss
            inside = ((m > A[..., None]) & (m < B[..., None])).astype(float)
            I0 = np.where(s > 0, ndtr(zB) - ndtr(zA), inside)
            J1 = np.where(s > 0, -ss * (_pdf(zB) - _pdf(zA)), 0.0)
            J2 = np.where(s > 0, ss**2 * (I0 - (zB * _pdf(zB) - zA * _pdf(zA))), 0.0)
            d = m - c[..., None]
            mom = (I0, J1 + d * I0, J2 + 2 * d * J1 + d * d * I0)[n]
            out = out + (q * mom).sum(axis=-1)
        return out


def crystal_boundaries(x_b: float, a: float, cells: int) -> np.ndarray:
    """Whole-cell partition of a crystal around x_b: the points x_b + j a, j = -cells..cells."""
    return x_b + a * np.arange(-cells, cells + 1)


def mbar(chain: PacketChain, x_b: float, n: int, boundaries: np.ndarray, intervals: int | None = None) -> float:
    r"""Mesoscale moment density of Sec. VII.G, [1] Eq. E1:
    :math:`\bar{\mathcal M}^{(n)}(x_b)=\frac1\ell\sum_m\Delta_m\mathcal M^{(n)}(\bar x_m,\Delta_m)`.

    ``boundaries`` is a neutral partition containing x_b; ``intervals`` microintervals on each side of x_b are used
    (all of them if None). :math:`\Delta_m\mathcal M^{(n)}=\int_{J_m}(x-\bar x_m)^n\rho`.
    """
    P = np.asarray(boundaries, dtype=float)
    i = int(np.argmin(np.abs(P - x_b)))
    if abs(P[i] - x_b) > 1e-9 * max(1.0, abs(x_b)):
        raise InvalidArgument(f"x_b={x_b!r} is not a boundary of the partition (nearest {P[i]!r}); Eq. E1 needs "
                              "x_b at a boundary between two microintervals: pick x_b from the partition")
    k = intervals if intervals is not None else min(i, P.size - 1 - i)
    if i - k < 0 or i + k >= P.size:
        raise InvalidArgument(f"intervals={k} exceeds the partition around x_b ({i} left, {P.size - 1 - i} right)")
    edges = P[i - k:i + k + 1]
    A, B = edges[:-1], edges[1:]
    return float(chain.interval_moment(A, B, n, (A + B) / 2).sum() / (edges[-1] - edges[0]))


def top_hat_charge(chain: PacketChain, A: float, B: float) -> float:
    r"""Eq. 49 with a top-hat kernel on [A, B]: :math:`\frac1{B-A}\int_A^B S_0(x)\,dx` (= :math:`\int^X\varrho`,
    X = (A+B)/2, by Fubini), in closed form: each packet gives q/(B-A) times the integral of its CDF."""
    def cdf_int(y, m, s):  # int_{-inf}^{y} Phi((t-m)/s) dt = (y-m) Phi(z) + s phi(z)
        ss = np.where(s > 0, s, 1.0)
        z = (y - m) / ss
        return np.where(s > 0, (y - m) * ndtr(z) + s * _pdf(z), np.maximum(y - m, 0.0))
    m, q, s = chain.m, chain.q, chain.s
    return float(np.sum(q * (cdf_int(B, m, s) - cdf_int(A, m, s))) / (B - A))


def potential_by_double_integration(rho, lo: float, x: np.ndarray, eps0: float = 1.0, panel: float = 0.01):
    r"""Potential from Poisson's equation by integrating twice from the vacuum at ``lo``:
    :math:`E=\epsilon_0^{-1}\int_{lo}^x\rho`, :math:`\phi=-\int_{lo}^xE`, i.e.
    :math:`\phi(x)=\epsilon_0^{-1}\int_{lo}^{x}(x'-x)\rho(x')\,dx'`.

    ``rho`` is any callable; composite 20-node Gauss-Legendre on panels no wider than ``panel`` (smooth densities:
    error at round-off, checked by halving the panel in the tests). Returns (phi, E) at the sorted points ``x``.
    """
    x = np.asarray(x, dtype=float)
    grid = np.unique(np.concatenate([[lo], x]))
    t, wts = np.polynomial.legendre.leggauss(20)
    phi_out, E_out = np.zeros(grid.size), np.zeros(grid.size)
    q_cum, m_cum = 0.0, 0.0          # int rho, int x' rho from lo
    for j in range(1, grid.size):
        a0, b0 = grid[j - 1], grid[j]
        n = max(1, int(np.ceil((b0 - a0) / panel)))
        edges = np.linspace(a0, b0, n + 1)
        mid, half = (edges[1:] + edges[:-1]) / 2, (edges[1:] - edges[:-1]) / 2
        nodes = (mid[:, None] + half[:, None] * t[None, :]).ravel()
        wq = (half[:, None] * wts[None, :]).ravel()
        r = rho(nodes)
        q_cum += np.sum(r * wq)
        m_cum += np.sum(nodes * r * wq)
        E_out[j] = q_cum / eps0
        phi_out[j] = (m_cum - b0 * q_cum) / eps0
    idx = np.searchsorted(grid, x)
    return phi_out[idx], E_out[idx]


def _uniforms(seed: int, stream: int, n: int, lo: float, hi: float) -> np.ndarray:
    """n uniforms in [lo, hi) from a counter-based hash (splitmix64) of (seed, stream, index): a pure function of
    drawn integers, so that no hidden random state enters a strategy."""
    with np.errstate(over="ignore"):
        z = (np.uint64(seed) * np.uint64(0x9E3779B97F4A7C15) + np.uint64(stream) * np.uint64(0xD1B54A32D192ED03)
             + np.arange(1, n + 1, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15))
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z = z ^ (z >> np.uint64(31))
    return lo + (hi - lo) * (z >> np.uint64(11)).astype(float) / 2.0**53


@st.composite
def molecular_chains(draw, *, kinds=("dipolar", "quadrupolar"), min_molecules: int = 200, max_molecules: int = 320,
                     adsorbate: bool = True) -> PacketChain:
    """Disordered neutral molecular chains (spec generator G3).

    Neutral molecules, edge-to-edge gaps uniform in [0.9, 1.3], smearing 0.02: "dipolar" +1 and -1 at a separation
    delta in [-0.35, 0.35]; "quadrupolar" -q/2, +q, -q/2 with half-spacing b in [0.1, 0.4] and q in [0.5, 1.5]. An
    optional adsorbate (e.g. +0.4 at x = -0.5) sits outside each surface (x = 0 and the right end). The midpoints between molecules
    form an exact neutral partition (the nearest packet is >= 0.45 = 22 widths away; tails < 1e-100).
    Shrinks towards the dipolar kind, the fewest molecules, and no adsorbate.
    """
    if min_molecules < 200 or max_molecules < min_molecules:
        raise InvalidArgument(f"min_molecules={min_molecules}, max_molecules={max_molecules}: need "
                              "200 <= min_molecules <= max_molecules (the mesoscale needs many molecules)")
    kind = draw(st.sampled_from(kinds))
    n = draw(st.integers(min_molecules, max_molecules))
    seed = draw(st.integers(0, 2**32 - 1))  # the disorder is a function of this drawn integer (replayable)
    gaps = _uniforms(seed, 0, n, 0.9, 1.3)
    if kind == "dipolar":
        delta = _uniforms(seed, 1, n, -0.35, 0.35)
        offs = [np.zeros(n), delta]
        charges = [np.ones(n), -np.ones(n)]
        left, right = np.minimum(0, delta), np.maximum(0, delta)
    else:
        b = _uniforms(seed, 2, n, 0.1, 0.4)
        qq = _uniforms(seed, 3, n, 0.5, 1.5)
        offs = [-b, np.zeros(n), b]
        charges = [-qq / 2, qq, -qq / 2]
        left, right = -b, b
    ext = right - left
    starts = np.concatenate([[0.0], np.cumsum(ext[:-1] + gaps[:-1])]) + gaps[0] / 2   # left edge of molecule
    anchor = starts - left
    m = np.concatenate([anchor + o for o in offs])
    q = np.concatenate(charges)
    ends = starts + ext
    bounds = (ends[:-1] + starts[1:]) / 2
    L = ends[-1] + gaps[-1] / 2
    if adsorbate and draw(st.booleans()):                          # left surface adsorbate
        m, q = np.append(m, -0.5), np.append(q, draw(st.floats(-0.6, 0.6)))
    if adsorbate and draw(st.booleans()):                          # right surface adsorbate
        m, q = np.append(m, L + 0.5), np.append(q, draw(st.floats(-0.6, 0.6)))
    order = np.argsort(m, kind="stable")
    return PacketChain(m=m[order], q=q[order], s=np.full(m.size, 0.02), boundaries=bounds,
                       bulk=(float(0.25 * L), float(0.75 * L)), label=f"G3 {kind}, {n} molecules, seed {seed}")
