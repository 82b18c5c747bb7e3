r"""Averaging kernels and test fields for Tangney's spatial-averaging claims (Secs. IV.A-B, VI.E; spec G5).

Overview
    * :class:`MixtureKernel`: a kernel family :math:`\mu(u;\epsilon)=\sum_m w_m\,\mathcal N(u;\epsilon c_m,\epsilon s_m)`
      whose shape at :math:`\epsilon=1` is a normalized, centred Gaussian mixture with variance 1/4 (so the
      parameter is twice the standard deviation, Tangney's convention). The family is defined by scaling every
      length of the shape with :math:`\epsilon`; skewed shapes are allowed.
    * :class:`TopHatKernel`: Eq. 19, :math:`\mu(u;\epsilon)=T(u;\sqrt3\,\epsilon)`, optionally with logistic edges of
      width ``delta`` (the differentiable approximant the paper asks for).
    * :class:`FourierField`: :math:`\nu(x)=\sum_jA_j\cos(k_jx+\varphi_j)` with analytic derivatives; a few random
      modes (periodic-like fields) or many modes drawn from a Gaussian spectrum (a stationary random field of
      correlation length ``corr``, spec G5).
    * :func:`kernel_average`: Eq. 18, :math:`\int\nu(x+u)\mu(u;\epsilon)\,du`, by composite Gauss-Legendre quadrature
      over the kernel's support; :func:`fd_derivative`: central finite differences of any order from exact
      Fornberg weights.
References
    [1] P. Tangney, "Electricity at the macroscale and its microscopic origins" (2024), Eqs. 5, 6, 16-20.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import factorial

import numpy as np
from hypothesis import strategies as st
from scipy.special import expit

__all__ = ["top_hat", "MixtureKernel", "TopHatKernel", "FourierField", "mixture_kernels", "kernels", "fourier_fields",
           "kernel_average", "gl_integrate", "gl_nodes", "fd_weights", "fd_derivative"]

_SQRT2PI = np.sqrt(2 * np.pi)


def gl_nodes(lo: float, hi: float, panel: float, order: int = 20) -> tuple[np.ndarray, np.ndarray]:
    """Nodes and weights (flat) of the composite Gauss-Legendre rule of :func:`gl_integrate`."""
    n = max(1, int(np.ceil((hi - lo) / panel)))
    edges = np.linspace(lo, hi, n + 1)
    t, w = np.polynomial.legendre.leggauss(order)
    mid, half = (edges[1:] + edges[:-1]) / 2, (edges[1:] - edges[:-1]) / 2
    return (mid[:, None] + half[:, None] * t[None, :]).ravel(), (half[:, None] * w[None, :]).ravel()


def gl_integrate(f, lo: float, hi: float, panel: float, order: int = 20) -> float:
    """Composite Gauss-Legendre quadrature of the vectorized ``f`` on [lo, hi] with panels no wider than ``panel``."""
    n = max(1, int(np.ceil((hi - lo) / panel)))
    edges = np.linspace(lo, hi, n + 1)
    t, w = np.polynomial.legendre.leggauss(order)
    mid, half = (edges[1:] + edges[:-1]) / 2, (edges[1:] - edges[:-1]) / 2
    x = mid[:, None] + half[:, None] * t[None, :]
    val = np.sum(f(x) * w[None, :] * half[:, None])
    return complex(val) if np.iscomplexobj(val) else float(val)


@dataclass(frozen=True)
class MixtureKernel:
    """Shape (weights ``w``, centres ``c``, widths ``s``) at eps = 1; lengths scale with eps."""

    w: tuple[float, ...]
    c: tuple[float, ...]
    s: tuple[float, ...]

    def pdf(self, u, eps: float):
        u = np.asarray(u, dtype=float)[..., None]
        w, c, s = (np.asarray(v) for v in (self.w, self.c, self.s))
        z = (u - eps * c) / (eps * s)
        return np.sum(w * np.exp(-0.5 * z * z) / (_SQRT2PI * eps * s), axis=-1)

    def support(self, eps: float) -> tuple[float, float]:
        """Where the kernel weight lies, to < 1e-30 of its integral (13 component widths)."""
        c, s = np.asarray(self.c), np.asarray(self.s)
        return float(eps * np.min(c - 13 * s)), float(eps * np.max(c + 13 * s))

    def panel(self, eps: float) -> float:
        return float(eps * min(self.s)) / 2

    def is_even(self) -> bool:
        return False


def top_hat(u, width: float, delta: float = 0.0):
    r"""Eq. 19's :math:`T(u;\epsilon)` with :math:`\epsilon` = ``width`` (sharp: 1/width inside, 1/(2 width) on the
    edges, 0 outside); ``delta`` > 0 gives logistic edges of width delta * width (a differentiable approximant)."""
    u = np.asarray(u, dtype=float)
    if delta > 0:
        d = delta * width
        return (expit((u + width / 2) / d) - expit((u - width / 2) / d)) / width
    return np.where(np.abs(u) < width / 2, 1 / width, np.where(np.abs(u) == width / 2, 1 / (2 * width), 0.0))


@dataclass(frozen=True)
class TopHatKernel:
    r"""Eq. 19 with parameter eps (= 2 x standard deviation): :math:`T(u;\sqrt3\epsilon)`; ``delta`` > 0 gives
    logistic edges :math:`\frac1L[\sigma((u+L/2)/\delta L)-\sigma((u-L/2)/\delta L)]`, L = sqrt(3) eps."""

    delta: float = 0.0

    def pdf(self, u, eps: float):
        return top_hat(u, np.sqrt(3.0) * eps, self.delta)

    def support(self, eps: float) -> tuple[float, float]:
        L = np.sqrt(3.0) * eps
        pad = 80 * self.delta * L                                   # logistic tail e^-80 ~ 1e-35
        return -L / 2 - pad, L / 2 + pad

    def edges(self, eps: float) -> tuple[float, ...]:
        L = np.sqrt(3.0) * eps
        return (-L / 2, L / 2)

    def panel(self, eps: float) -> float:
        L = np.sqrt(3.0) * eps
        return (self.delta * L if self.delta > 0 else L / 8)

    def is_even(self) -> bool:
        return True


@dataclass(frozen=True)
class FourierField:
    r""":math:`\nu(x)=\sum_jA_j\cos(k_jx+\varphi_j)`."""

    A: tuple[float, ...]
    k: tuple[float, ...]
    phi: tuple[float, ...]
    label: str = ""

    def __repr__(self):
        return (f"FourierField({self.label or ''} {len(self.A)} modes, |k| <= {max(map(abs, self.k)):.3g}, "
                f"sum|A| = {sum(map(abs, self.A)):.3g})")

    def __call__(self, x, n: int = 0):
        r""":math:`\partial_x^n\nu(x)`, analytically."""
        x = np.asarray(x, dtype=float)[..., None]
        A, k, p = (np.asarray(v) for v in (self.A, self.k, self.phi))
        return np.sum(A * k**n * np.cos(k * x + p + n * np.pi / 2), axis=-1)

    def scale(self, n: int = 0) -> float:
        """Sum_j |A_j| |k_j|^n: a bound on |d^n nu/dx^n|, the natural magnitude for tolerances."""
        return float(np.sum(np.abs(self.A) * np.abs(self.k) ** n))

    @property
    def kmax(self) -> float:
        return float(np.max(np.abs(self.k)))


def kernel_average(field, x: float, kernel, eps: float, n: int = 0, convolution: bool = False) -> float:
    r"""Eq. 18: :math:`\int\partial^n\nu(x+u)\mu(u;\epsilon)du` by composite Gauss-Legendre over the kernel support
    (panels no wider than the kernel's narrowest feature nor 1/(4 k_max)). ``convolution=True`` gives
    :math:`\int\nu(x-u)\mu(u)du`, i.e. the standard convolution :math:`(\nu*\mu)(x)`."""
    lo, hi = kernel.support(eps)
    panel = min(kernel.panel(eps), 0.25 / max(field.kmax, 1e-9))
    sgn = -1.0 if convolution else 1.0
    f = lambda u: field(x + sgn * u, n) * kernel.pdf(u, eps)        # noqa: E731
    if isinstance(kernel, TopHatKernel) and kernel.delta == 0:
        a, b = kernel.edges(eps)
        return gl_integrate(f, a, b, panel)
    if isinstance(kernel, TopHatKernel):                           # dense panels only across the two edges
        a, b = kernel.edges(eps)
        pad = 80 * kernel.delta * np.sqrt(3.0) * eps
        coarse = min(0.25 / max(field.kmax, 1e-9), np.sqrt(3.0) * eps / 8)
        return (gl_integrate(f, a - pad, a + pad, panel) + gl_integrate(f, a + pad, b - pad, coarse)
                + gl_integrate(f, b - pad, b + pad, panel))
    return gl_integrate(f, lo, hi, panel)


def fd_weights(n: int, p: int) -> np.ndarray:
    """Central finite-difference weights for the n-th derivative on offsets -p..p (exact, Vandermonde)."""
    off = np.arange(-p, p + 1, dtype=float)
    V = np.vander(off, increasing=True).T
    rhs = np.zeros(off.size)
    rhs[n] = factorial(n)
    return np.linalg.solve(V, rhs)


def fd_derivative(f, x: float, n: int, h: float, p: int = 5) -> float:
    """n-th derivative of the scalar function f at x, central stencil of 2p+1 points (order 2p + 2 - n - n%2)."""
    w = fd_weights(n, p)
    return float(sum(wi * f(x + j * h) for wi, j in zip(w, range(-p, p + 1))) / h**n)


# --- strategies -----------------------------------------------------------------------------------------------------
@st.composite
def mixture_kernels(draw, *, skewed: bool = True) -> MixtureKernel:
    """Normalized, centred, variance-1/4 Gaussian mixtures of 1-3 components (skewed unless ``skewed=False``).
    Shrinks towards the single Gaussian of standard deviation 1/2."""
    m = draw(st.integers(1, 3))
    w = np.array([draw(st.floats(0.2, 1.0)) for _ in range(m)])
    c = np.array([draw(st.floats(-1.0, 1.0)) for _ in range(m)]) if skewed else np.zeros(m)
    s = np.array([draw(st.floats(0.2, 1.0)) for _ in range(m)])
    w = w / w.sum()
    c = c - np.sum(w * c)                                            # mean 0
    f = 0.5 / np.sqrt(np.sum(w * (c * c + s * s)))                  # variance 1/4: eps = 2 sigma
    return MixtureKernel(tuple(map(float, w)), tuple(map(float, c * f)), tuple(map(float, s * f)))


def kernels(*, skewed: bool = True):
    """Mixture kernels, or sharp or smooth top-hats (Eq. 19)."""
    return st.one_of(mixture_kernels(skewed=skewed), st.just(TopHatKernel()),
                     st.sampled_from([1e-2, 1e-3]).map(TopHatKernel))


@st.composite
def fourier_fields(draw, *, max_k: float = 8.0) -> FourierField:
    """Spec G5: a few Fourier modes (e.g. cos(2 pi x) + sin(4 pi x + 0.3)/2), or a stationary random field with a
    Gaussian spectrum (correlation length 0.3-1) as 40 random-phase modes. Shrinks towards one mode."""
    kind = draw(st.sampled_from(["modes", "random"]))
    if kind == "modes":
        m = draw(st.integers(1, 4))
        A = [draw(st.floats(-2.0, 2.0)) for _ in range(m)]
        k = [draw(st.floats(0.3, max_k)) for _ in range(m)]
        p = [draw(st.floats(0.0, 2 * np.pi)) for _ in range(m)]
        return FourierField(tuple(A), tuple(k), tuple(p), label="modes")
    corr = draw(st.floats(0.3, 1.0))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)        # the field is a function of the drawn integer seed (replayable)
    M = 40
    k = np.abs(rng.normal(0.0, 1.0 / corr, M))
    k = np.minimum(k, max_k)
    p = rng.uniform(0, 2 * np.pi, M)
    A = np.full(M, np.sqrt(2.0 / M))
    return FourierField(tuple(A), tuple(k), tuple(p), label=f"random field corr={corr:.3g} seed={seed}")
