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


# --- Gaussian-packet crystals as PacketChain (spec generator GB1), point-charge crystals, interfaces ----------------
from numerics.chains import PacketChain  # noqa: E402  (the general packet model; crystals are a special case)

__all__ += ["slab_to_chain", "packet_slabs", "point_charge_crystals", "alternating_chains", "interface_slabs"]


def slab_to_chain(slab: CrystalSlab) -> PacketChain:
    """The same G1 slab as a :class:`~numerics.chains.PacketChain` (bulk: 20 cells from each end)."""
    xs, qs = slab.charges()
    order = np.argsort(xs, kind="stable")
    lo, hi = slab.bulk_range(margin_cells=20)
    return PacketChain(m=xs[order], q=qs[order], s=np.full(xs.size, slab.width), period=slab.a, bulk=(lo, hi),
                       label="G1 slab")


def _crystal_packets(a, tau, q, s, n_cells, b, x0):
    tau = (np.asarray(tau) - b) % a
    n = np.arange(n_cells)[:, None]
    m = (x0 + n * a + tau[None, :]).ravel()
    return m, np.tile(q, n_cells), np.tile(s, n_cells)


def _chain(parts, **kw) -> PacketChain:
    m = np.concatenate([p[0] for p in parts])
    q = np.concatenate([p[1] for p in parts])
    s = np.concatenate([p[2] for p in parts])
    order = np.argsort(m, kind="stable")
    return PacketChain(m=m[order], q=q[order], s=s[order], **kw)


@st.composite
def _bases(draw, *, min_packets=2, max_packets=6, min_width=0.03, max_width=0.12, point=False):
    """(a, positions, charges, widths) of a neutral basis; shrinks towards a = 1, two packets."""
    k = draw(st.integers(min_packets, max_packets))
    a = draw(st.one_of(st.just(1.0), st.floats(0.5, 3.0)))
    tau = draw(arrays(np.float64, k, elements=st.floats(0.0, 0.999), unique=True)) * a
    q = draw(arrays(np.float64, k - 1, elements=st.floats(-2.0, 2.0)))
    q = np.append(q, -q.sum())                                              # neutral cell
    w = np.zeros(k) if point else draw(arrays(np.float64, k, elements=st.floats(min_width, max_width))) * a
    return a, tau, q, w


@st.composite
def packet_slabs(draw, *, n_cells: int = 80, perturb: bool = True) -> PacketChain:
    """GB1 slabs: a neutral basis of 2-6 Gaussian packets (widths 0.03a-0.12a), random termination b, ``n_cells``
    cells from x_L = 0, and random extra packets within 2a of each surface (so sigma_L, sigma_R are arbitrary).
    Bulk: the middle, 25 cells from each end. Shrinks towards two packets, a = 1, b = 0, no perturbations."""
    if n_cells < 60:
        raise InvalidArgument(f"n_cells={n_cells}: a kernel of width 2a cut at 9 widths needs >= 60 cells")
    a, tau, q, w = draw(_bases())
    b = draw(st.one_of(st.just(0.0), st.floats(0.0, 0.999))) * a
    parts = [_crystal_packets(a, tau, q, w, n_cells, b, 0.0)]
    L = n_cells * a
    if perturb:
        for centre in (0.0, L):
            k = draw(st.integers(0, 3))
            pos = centre + np.array([draw(st.floats(-2.0, 2.0)) for _ in range(k)]) * a
            parts.append((pos, np.array([draw(st.floats(-1.0, 1.0)) for _ in range(k)]),
                          np.full(k, 0.08 * a)))
    return _chain(parts, period=a, bulk=(25 * a, L - 25 * a), label=f"GB1 slab a={a:.4g}, b={b:.4g}")


@st.composite
def point_charge_crystals(draw, *, n_cells: int = 60) -> PacketChain:
    """Crystals of point charges (a neutral basis of 2-6 charges) with a random termination; the Eq. 57/58 model."""
    a, tau, q, w = draw(_bases(point=True))
    b = draw(st.one_of(st.just(0.0), st.floats(0.0, 0.999))) * a
    m, qq, s = _crystal_packets(a, tau, q, w, n_cells, b, 0.0)
    return _chain([(m, qq, s)], period=a, bulk=(20 * a, (n_cells - 20) * a), label=f"point-charge crystal a={a:.4g}")


@st.composite
def alternating_chains(draw) -> tuple:
    """The Fig. 11 chain (reference instance F11): +1 at n a and -1 at n a + b, n = 0..N-1, b < a/2; returns
    (chain, a, b). Shrinks towards a = 1, b = 0.25."""
    a = draw(st.one_of(st.just(1.0), st.floats(0.2, 5.0)))
    b = draw(st.one_of(st.just(0.25), st.floats(0.01, 0.49))) * a
    n = 60
    m = np.concatenate([np.arange(n) * a, np.arange(n) * a + b])
    q = np.concatenate([np.ones(n), -np.ones(n)])
    order = np.argsort(m, kind="stable")
    return (PacketChain(m=m[order], q=q[order], s=np.zeros(2 * n), period=a, bulk=(20 * a, 40 * a),
                        label=f"F11 chain a={a:.4g}, b={b:.4g}"), a, b)


@st.composite
def interface_slabs(draw, *, cells: int = 70) -> PacketChain:
    """Two different GB1 crystals (periods a_A != a_B in general) joined at x_I = cells * a_A, with 0-3 random
    packets within 2 a_A of the interface. ``bulk`` holds (bulk of A, bulk of B) as the centres 25 cells from the
    interface: use :func:`interface_bulks`. Shrinks towards equal simple bases and a clean interface."""
    a1, t1, q1, w1 = draw(_bases(max_packets=4))
    a2, t2, q2, w2 = draw(_bases(max_packets=4))
    b1 = draw(st.floats(0.0, 0.999)) * a1
    b2 = draw(st.floats(0.0, 0.999)) * a2
    xI = cells * a1
    parts = [_crystal_packets(a1, t1, q1, w1, cells, b1, 0.0), _crystal_packets(a2, t2, q2, w2, cells, b2, xI)]
    k = draw(st.integers(0, 3))
    parts.append((xI + np.array([draw(st.floats(-2.0, 2.0)) for _ in range(k)]) * a1,
                  np.array([draw(st.floats(-1.0, 1.0)) for _ in range(k)]), np.full(k, 0.08 * a1)))
    ch = _chain(parts, period=None, bulk=(xI - 30 * a1, xI + 30 * a2), label=f"interface a_A={a1:.4g}, a_B={a2:.4g}")
    return ch, a1, a2, xI


from derivcheck import InvalidArgument  # noqa: E402


def compensate(ch: PacketChain, kernel_width: float | None = None) -> PacketChain:
    """The slab with one extra packet 1.5a outside each surface carrying minus that surface's charge, so that
    sigma_L = sigma_R = 0 (reference instance C1, generalized). The surface charges are measured with the
    Gaussian-kernel Eq. 49 (width 2a) at the bulk centre."""
    a = ch.period
    w = kernel_width or 2 * a
    X = 0.5 * (ch.bulk[0] + ch.bulk[1])
    sig_L = float(ch.smoothed(w).S0(X))
    sig_R = float(ch.q.sum()) - sig_L
    lo, hi = ch.m.min(), ch.m.max()
    m = np.concatenate([ch.m, [lo - 1.5 * a, hi + 1.5 * a]])
    q = np.concatenate([ch.q, [-sig_L, -sig_R]])
    s = np.concatenate([ch.s, [0.08 * a, 0.08 * a]])
    order = np.argsort(m, kind="stable")
    return PacketChain(m=m[order], q=q[order], s=s[order], period=a, bulk=ch.bulk, eps0=ch.eps0,
                       label=ch.label + " (surfaces compensated)")


def compensated_slabs(**kw):
    """GB1 slabs whose surfaces carry no excess charge (sigma_L = sigma_R = 0): :func:`packet_slabs` then
    :func:`compensate`."""
    return packet_slabs(**kw).map(compensate)


__all__ += ["compensate", "compensated_slabs"]
