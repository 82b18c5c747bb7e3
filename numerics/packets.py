r"""Charge packets and wave packets: moving Gaussian-packet crystals, Gaussian wave packets on R and on a torus, and
random fields for the uncertainty relation.

Overview
    * :class:`MovingCrystal`: a G1 slab (:class:`numerics.crystals.CrystalSlab`) whose basis charges move with
      velocities ``v`` and whose surface adsorbates change charge at rates ``qdot``; snapshots at any t give the
      Eq. 49 mesoscale surface charge, the charge integral S0, cell moments and the continuity current.
    * :class:`WavePacket`: a superposition of Gaussian wave packets with closed-form unitary Fourier transform.
    * :class:`SpectralField`: ν(x) = Σ A_j cos(k_j x + φ_j); kernel averages act mode by mode through the kernel's
      Fourier transform :math:`\hat\mu(k)` (top-hat: sinc, Gaussian: exp), so spreads over x are exact sums.
Conventions
    Charges in units of e; a Gaussian kernel "of parameter ε_x" has standard deviation ε_x/2 and a top-hat has width
    √3 ε_x (also standard deviation ε_x/2), the reading under which Tangney's printed μ(0; ε_x) values hold.
References
    [1] P. Tangney (2024), Secs. IV.H, V.A-B, VI.F-I, XI.A.
"""

from __future__ import annotations

import derivcheck  # noqa: F401  (first: it pins BLAS to one thread before numpy loads)
from dataclasses import dataclass, replace

import numpy as np
from hypothesis import assume
from hypothesis import strategies as st
from scipy.special import ndtr

from numerics.crystals import CrystalSlab, gauss_legendre, mesoscale_sigma

__all__ = ["MovingCrystal", "moving_crystals", "WavePacket", "wave_packets", "torus_packets", "SpectralField",
           "spectral_fields", "kernel_hat", "kernel_at_zero"]


# --- moving Gaussian-packet crystals ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class MovingCrystal:
    """A crystal slab at t = 0 with basis velocities ``v`` (per basis charge) and adsorbate charge rates ``qdot``."""

    slab: CrystalSlab
    v: tuple[float, ...]
    qdot: tuple[float, ...]

    def at(self, t: float) -> CrystalSlab:
        tau = tuple(float(x + vi * t) for x, vi in zip(self.slab.tau, self.v))
        q_ads = tuple(float(q + r * t) for q, r in zip(self.slab.ads_q, self.qdot))
        return replace(self.slab, tau=tau, ads_q=q_ads)

    def rate(self, f, h: float = 1e-4) -> float:
        """d/dt f(slab(t)) at t = 0 by central differences; error O(h^2 f''') (f is linear in t here up to the
        smearing tails, so the truncation error is at round-off level; tests check by halving h)."""
        return (f(self.at(h)) - f(self.at(-h))) / (2 * h)

    def sigma(self, slab: CrystalSlab) -> float:
        """Eq. 49 surface charge: Gaussian-kernel mesoscale average of S0 at a bulk point (kernel width 2a)."""
        lo, hi = slab.bulk_range(margin_cells=20)
        return mesoscale_sigma(slab, 0.5 * (lo + hi), 2 * slab.a)

    def bulk_cut(self, frac: float) -> float:
        lo, hi = self.slab.bulk_range(margin_cells=20)
        return lo + frac * (hi - lo)

    def cell_packets(self, x_b: float, t: float = 0.0):
        """(q, x, qdot, xdot) of the bulk packets with centres in (x_b, x_b + a) at time t."""
        s = self.at(t)
        tau = np.asarray(s.tau) - s.b
        n = np.floor((x_b - s.x_L - tau) / s.a) + 1                       # first cell index with centre > x_b
        x = s.x_L + n * s.a + tau
        return np.asarray(s.q), x, np.zeros(len(tau)), np.asarray(self.v)

    def left_packets_qdot(self, x_b: float) -> float:
        """Sum of dq/dt of packets left of x_b: the adsorbates (bulk packets have fixed charge)."""
        return float(np.sum([r for x, r in zip(self.slab.ads_x, self.qdot) if x < x_b]))

    def cell_average_current(self, x_b: float) -> float:
        r"""Cell average of the continuity current of moving Gaussians, :math:`j=\sum_iq_iv_ig_s(x-x_i)`, over
        [x_b, x_b + a) by Gauss-Legendre quadrature (the adsorbates do not move)."""
        s = self.slab
        xs, qs = s.charges()
        vs = np.concatenate([np.broadcast_to(np.asarray(self.v), (s.n_cells, len(s.q))).ravel(),
                             np.zeros(len(s.ads_x))])

        def j(x):
            out = np.zeros_like(x)
            near = np.abs(xs - x_b - s.a / 2) < s.a / 2 + 12 * s.width
            for xi, qi, vi in zip(xs[near], qs[near], vs[near]):
                out += qi * vi * np.exp(-0.5 * ((x - xi) / s.width) ** 2)
            return out / (np.sqrt(2 * np.pi) * s.width)

        return gauss_legendre(j, x_b, x_b + s.a, panel=s.width) / s.a


@st.composite
def moving_crystals(draw, *, adsorbates: bool = True, integer_charges: bool = False) -> MovingCrystal:
    """Neutral-cell G1 crystals with moving basis charges (|v| <= 1) and adsorbates changing charge (|qdot| <= 1).

    Basis positions stay in [0.05 a, 0.95 a) so that the small time steps used never move a charge across the cell
    boundary that defines the termination. Shrinks towards two charges, a = 1, zero velocities and no adsorbates.
    """
    k = draw(st.integers(2, 4))
    a = draw(st.one_of(st.just(1.0), st.floats(0.5, 2.0)))
    tau = sorted(draw(st.lists(st.floats(0.05, 0.95), min_size=k, max_size=k, unique=True)))
    if integer_charges:
        q = [float(draw(st.integers(-3, 3))) for _ in range(k - 1)]
    else:
        q = [draw(st.floats(-2.0, 2.0)) for _ in range(k - 1)]
    q.append(-sum(q))
    v = tuple(draw(st.one_of(st.just(0.0), st.floats(-1.0, 1.0))) for _ in range(k))
    width = draw(st.floats(0.01, 0.04)) * a
    n_ads = draw(st.integers(0, 2)) if adsorbates else 0
    ads_x = tuple(-draw(st.floats(0.1, 0.5)) * a for _ in range(n_ads))
    ads_q = tuple(draw(st.floats(-1.0, 1.0)) for _ in range(n_ads))
    qdot = tuple(draw(st.floats(-1.0, 1.0)) for _ in range(n_ads))
    slab = CrystalSlab(a=a, tau=tuple(float(t * a) for t in tau), q=tuple(q), width=width, n_cells=60,
                       ads_x=ads_x, ads_q=ads_q)
    return MovingCrystal(slab, v, qdot)


# --- wave packets ----------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class WavePacket:
    r""":math:`\varphi(x)=\sum_jc_j\exp[-(x-m_j)^2/4s_j^2+ik_jx]`, normalised on R (``norm`` is the factor applied)."""

    c: tuple[complex, ...]
    m: tuple[float, ...]
    s: tuple[float, ...]
    k: tuple[float, ...]

    def raw(self, x):
        x = np.asarray(x, float)[..., None]
        return np.sum(np.asarray(self.c) * np.exp(-(x - np.asarray(self.m)) ** 2 / (4 * np.asarray(self.s) ** 2)
                                                  + 1j * np.asarray(self.k) * x), axis=-1)

    def raw_ft(self, g):
        r"""Unitary FT :math:`(2\pi)^{-1/2}\int\varphi e^{-igx}dx` in closed form:
        :math:`c\,s\sqrt2\,e^{-s^2(g-k)^2-i(g-k)m}` per Gaussian."""
        g = np.asarray(g, float)[..., None]
        s, m, k = (np.asarray(v) for v in (self.s, self.m, self.k))
        return np.sum(np.asarray(self.c) * s * np.sqrt(2) * np.exp(-s ** 2 * (g - k) ** 2 - 1j * (g - k) * m), axis=-1)

    def raw_ft_deriv(self, g):
        """d/dg of :meth:`raw_ft`, in closed form."""
        g = np.asarray(g, float)[..., None]
        s, m, k = (np.asarray(v) for v in (self.s, self.m, self.k))
        ft = np.asarray(self.c) * s * np.sqrt(2) * np.exp(-s ** 2 * (g - k) ** 2 - 1j * (g - k) * m)
        return np.sum(ft * (-2 * s ** 2 * (g - k) - 1j * m), axis=-1)

    def grid(self, n_per_s: int = 20, reach: float = 12.0):
        lo = min(m - reach * s for m, s in zip(self.m, self.s))
        hi = max(m + reach * s for m, s in zip(self.m, self.s))
        n = int((hi - lo) / min(self.s) * n_per_s) + 1
        return np.linspace(lo, hi, n)

    def kgrid(self, n_per: int = 20, reach: float = 12.0):
        lo = min(k - reach / (2 * s) for k, s in zip(self.k, self.s))
        hi = max(k + reach / (2 * s) for k, s in zip(self.k, self.s))
        n = int((hi - lo) * 2 * max(self.s) * n_per) + 1
        return np.linspace(lo, hi, n)

    @property
    def norm(self) -> float:
        x = self.grid()
        return float(np.trapezoid(np.abs(self.raw(x)) ** 2, x)) ** -0.5


@st.composite
def wave_packets(draw, *, max_terms: int = 3, centre_range=(-20.0, 20.0)) -> WavePacket:
    """Superpositions of 1-3 Gaussian wave packets with complex weights, widths 0.3-3, momenta in [-3, 3].

    Shrinks towards one real Gaussian at the origin with s = 1, k = 0.
    """
    n = draw(st.integers(1, max_terms))
    c = tuple(complex(draw(st.floats(0.2, 1.0)), draw(st.floats(-1.0, 1.0))) for _ in range(n))
    m = tuple(draw(st.one_of(st.just(0.0), st.floats(*centre_range))) for _ in range(n))
    s = tuple(draw(st.one_of(st.just(1.0), st.floats(0.3, 3.0))) for _ in range(n))
    k = tuple(draw(st.one_of(st.just(0.0), st.floats(-3.0, 3.0))) for _ in range(n))
    return WavePacket(c, m, s, k)


@st.composite
def torus_packets(draw, *, margin: float = 12.0):
    """(S, packet) with circumference S in [50, 2000] and the packet at least ``margin`` widths inside [0, S)."""
    S = draw(st.one_of(st.sampled_from([200.0, 2000.0]), st.floats(50.0, 2000.0)))
    s = draw(st.one_of(st.just(2.0), st.floats(0.5, 3.0)))
    x0 = draw(st.floats(margin * s, S - margin * s))
    k0 = draw(st.one_of(st.just(0.0), st.floats(-2.0, 2.0)))
    return S, WavePacket((1.0 + 0j,), (x0,), (s,), (k0,))


# --- kernels and random fields ------------------------------------------------------------------------------------------
def kernel_hat(kind: str, eps: float, k):
    """Fourier transform of the normalised kernel of parameter eps (standard deviation eps/2)."""
    k = np.asarray(k, float)
    if kind == "gauss":
        return np.exp(-0.5 * (k * eps / 2) ** 2)
    if kind == "tophat":
        return np.sinc(k * np.sqrt(3) * eps / (2 * np.pi))        # sin(kW/2)/(kW/2), W = sqrt(3) eps
    raise ValueError(f"kernel kind {kind!r}: use 'gauss' or 'tophat'")


def kernel_at_zero(kind: str, eps: float) -> float:
    """μ(0; eps) evaluated from the kernel itself (its value at the origin)."""
    if kind == "gauss":
        sd = eps / 2
        return float(np.exp(0.0) / (np.sqrt(2 * np.pi) * sd))
    if kind == "tophat":
        return float(1.0 / (np.sqrt(3) * eps))
    raise ValueError(f"kernel kind {kind!r}: use 'gauss' or 'tophat'")


@dataclass(frozen=True)
class SpectralField:
    """ν(x) = Σ_j A_j cos(k_j x + φ_j) with distinct k_j > 0."""

    A: np.ndarray
    k: np.ndarray
    phi: np.ndarray

    def __call__(self, x):
        x = np.asarray(x, float)[..., None]
        return np.sum(self.A * np.cos(self.k * x + self.phi), axis=-1)


@st.composite
def spectral_fields(draw, *, n_modes: int = 200, k_range=(0.5, 6.0)) -> SpectralField:
    """Broadband fields: ``n_modes`` modes, k uniform in ``k_range`` (correlation length ~1), random amplitudes
    and phases; drawn from Hypothesis so failures replay."""
    u = np.array(draw(st.lists(st.floats(0.0, 1.0), min_size=3 * n_modes, max_size=3 * n_modes)))
    k = k_range[0] + (k_range[1] - k_range[0]) * (np.arange(n_modes) + 0.5 + 0.4 * (u[:n_modes] - 0.5)) / n_modes
    A = 0.2 + u[n_modes:2 * n_modes]
    phi = 2 * np.pi * u[2 * n_modes:]
    assume(np.all(np.diff(k) > 0))
    return SpectralField(A, k, phi)


@st.composite
def random_phase_fields(draw, *, modes=(16, 96), k_range=(0.5, 6.0)) -> SpectralField:
    """Stationary random fields: a drawn number of modes with wavenumbers independent and uniform in ``k_range``,
    amplitudes uniform in [0.2, 1.2) and phases uniform, all from a drawn NumPy seed.

    Unlike :func:`spectral_fields` (a jittered comb, whose correlation revives at lags near multiples of
    2 pi / spacing), the wavenumbers here are independent, so a statistic of the field over the random draw has
    the random-phase-and-frequency distribution its standard error assumes; Hypothesis chooses the seed, not the
    individual modes, so it cannot line the modes up."""
    n = draw(st.integers(*modes))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    k = np.sort(rng.uniform(*k_range, n))
    assume(np.all(np.diff(k) > 0))
    return SpectralField(0.2 + rng.random(n), k, 2 * np.pi * rng.random(n))
