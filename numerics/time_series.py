r"""Synthetic stationary currents with known transport coefficients, and the Green-Kubo / Einstein-Helfand estimators.

Overview
    A transport coefficient is (up to a prefactor) the time integral of the current autocorrelation,
    :math:`\lambda=\int_0^\infty\langle J(t)J(0)\rangle dt` (Green-Kubo), or the growth rate of the variance of the
    transported "dipole" :math:`D(t)=\int_0^tJ`, :math:`\lim_t\mathrm{var}\,D(t)/2t` (Einstein-Helfand). This module

    * draws currents whose exact coefficient is known in closed form: the exactly discretised Ornstein-Uhlenbeck
      (OU) process, :math:`C(t)=s^2e^{-\gamma t}`, and ARMA(p, q) processes with their exact zero-frequency spectrum;
    * draws bounded stationary "polarizations" P correlated with J, so that :math:`J'=J+\dot P` (exact discrete
      derivative) is a gauge-transformed current (Baroni, B-07/B-08);
    * estimates the GK integral from the FFT autocorrelation with an automatic cutoff, and the EH coefficient from
      the variance of increments of D at two lags, each with a block-averaging standard error.

Conventions
    Sampling step ``dt``; the discrete GK integral is the trapezoid rule
    :math:`dt\,(C_0/2+\sum_{k\ge1}C_k)`, which for a sampled process equals :math:`dt\sum_{k\in\mathbb Z}C_k/2`,
    i.e. half the zero-frequency power spectrum; this is also exactly what EH measures for a sampled current
    (:math:`D_n=dt\sum_{m<n}J_m`). Currents are zero-mean (equilibrium), and the estimators do not subtract the
    sample mean. Multi-component series have shape (n, d) and ``J(t)J(0)`` means the dot product.
References
    [1] S. Baroni, "Gauge invariance of heat and charge transport coefficients in electronic insulators" (slides).
    [2] A. D. Sokal, "Monte Carlo methods in statistical mechanics" (1997): automatic windowing of the
        integrated autocorrelation time.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from hypothesis import strategies as st
from scipy.signal import lfilter

from derivcheck import InvalidArgument

__all__ = ["CurrentSeries", "Estimate", "GaugeShift", "autocorrelation", "green_kubo", "einstein_helfand",
           "einstein_helfand_ratio", "eh_slope", "gauge_shift", "ou_currents", "arma_currents", "stationary_current_series",
           "bounded_polarizations", "ar2_polarization"]


# --- synthetic currents ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class CurrentSeries:
    r"""A recipe for a zero-mean stationary current with a known Green-Kubo integral.

    ``kind="ou"``: :math:`J_{n+1}=\rho J_n+s\sqrt{1-\rho^2}\,\xi_n`, :math:`\rho=e^{-\gamma\,dt}`, started in the
    stationary law, so :math:`C(t)=s^2e^{-\gamma t}` exactly at the sampled times.
    ``kind="arma"``: :math:`J_n=\sum_i\phi_iJ_{n-i}+e_n+\sum_j\theta_je_{n-j}`, :math:`e_n\sim N(0,\sigma_e^2)`,
    after a burn-in long enough for the initial transient to fall below 1e-30.
    ``components`` independent copies are stacked as columns (shape (n, d)).
    """

    kind: str
    n: int
    dt: float
    seed: int
    s: float = 1.0                    # OU: standard deviation of J
    gamma: float = 1.0                # OU: inverse correlation time
    ar: tuple[float, ...] = ()        # ARMA: phi_1..phi_p
    ma: tuple[float, ...] = ()        # ARMA: theta_1..theta_q
    sigma_e: float = 1.0              # ARMA: innovation standard deviation
    components: int = 1

    def __post_init__(self):
        if self.kind not in ("ou", "arma"):
            raise InvalidArgument(f"kind={self.kind!r}; use 'ou' or 'arma'")
        if self.n < 64:
            raise InvalidArgument(f"n={self.n} samples is too short for any estimate; use n >= 64")
        if self.kind == "arma" and self.ar and np.max(np.abs(np.roots([1.0, *(-np.asarray(self.ar))]))) >= 0.999:
            raise InvalidArgument(f"ar={self.ar} is not stationary (a root of 1 - sum phi z^i inside |z| <= 1)")

    @property
    def rho(self) -> float:
        return float(np.exp(-self.gamma * self.dt))

    def sample(self) -> np.ndarray:
        """The series, shape (n,) for one component or (n, d). Deterministic in ``seed``."""
        rng = np.random.default_rng(self.seed)
        cols = [self._one(rng) for _ in range(self.components)]
        return cols[0] if self.components == 1 else np.stack(cols, axis=1)

    def _one(self, rng) -> np.ndarray:
        if self.kind == "ou":
            e = rng.standard_normal(self.n) * self.s * np.sqrt(1 - self.rho**2)
            e[0] = self.s * rng.standard_normal()                 # stationary start
            return lfilter([1.0], [1.0, -self.rho], e)
        burn = self._burn_in()
        e = rng.standard_normal(self.n + burn) * self.sigma_e
        return lfilter([1.0, *self.ma], [1.0, *(-np.asarray(self.ar))], e)[burn:]

    def _burn_in(self) -> int:
        if not self.ar:
            return len(self.ma) + 1
        r = float(np.max(np.abs(np.roots([1.0, *(-np.asarray(self.ar))]))))
        return int(np.ceil(70 / max(-np.log(r), 1e-3))) + len(self.ma) + 1   # r^burn < 1e-30

    @property
    def exact_gk(self) -> float:
        r"""Exact discrete GK integral :math:`dt\sum_{k\in\mathbb Z}C_k/2` per component, times ``components``."""
        if self.kind == "ou":
            one = self.dt * self.s**2 * (1 + self.rho) / (2 * (1 - self.rho))
        else:
            one = self.dt * self.sigma_e**2 * (1 + sum(self.ma)) ** 2 / (2 * (1 - sum(self.ar)) ** 2)
        return one * self.components

    @property
    def exact_variance(self) -> float:
        r""":math:`\langle|J|^2\rangle` (sum over components): s^2 for OU; sigma_e^2 sum psi_j^2 for ARMA."""
        if self.kind == "ou":
            one = self.s**2
        else:
            imp = np.zeros(self._burn_in() * 4 + 64)
            imp[0] = 1.0
            psi = lfilter([1.0, *self.ma], [1.0, *(-np.asarray(self.ar))], imp)
            one = self.sigma_e**2 * float(np.sum(psi**2))
        return one * self.components

    @property
    def continuous_gk(self) -> float:
        r"""OU only: the continuous-time value :math:`s^2/\gamma` per component (differs from ``exact_gk`` by the
        relative amount :math:`(\gamma dt)^2/12+O((\gamma dt)^4)`)."""
        return self.components * self.s**2 / self.gamma


@dataclass(frozen=True)
class GaugeShift:
    r"""A bounded stationary polarization :math:`P_n=a_1P_{n-1}+a_2P_{n-2}+\kappa\,dt\,J_{n-1}+\sigma\xi_n`.

    :math:`a_1=2r\cos\theta`, :math:`a_2=-r^2` (r < 1): a noisy damped oscillator driven by J, so P is bounded
    (finite variance) and correlated with J.
    """

    r: float
    theta: float
    kappa: float
    sigma: float
    seed: int


def ar2_polarization(J: np.ndarray, shift: GaugeShift, dt: float) -> np.ndarray:
    """P driven by J (first component if J is 2D, each column otherwise), same shape as J."""
    rng = np.random.default_rng(shift.seed)
    a = [1.0, -2 * shift.r * np.cos(shift.theta), shift.r**2]
    drive = np.zeros_like(J)
    drive[1:] = shift.kappa * dt * J[:-1]
    drive = drive + shift.sigma * rng.standard_normal(J.shape)
    burn = int(np.ceil(70 / -np.log(shift.r)))
    pad = np.zeros((burn,) + J.shape[1:])
    pad = pad + shift.sigma * rng.standard_normal(pad.shape)
    return lfilter([1.0], a, np.concatenate([pad, drive]), axis=0)[burn:]


def gauge_shift(J: np.ndarray, P: np.ndarray, dt: float) -> np.ndarray:
    r""":math:`J'_n=J_n+(P_{n+1}-P_n)/dt`, n = 0..N-2 (exact discrete derivative: D' = D + P_n - P_0 exactly)."""
    return J[:-1] + np.diff(P, axis=0) / dt


# --- estimators -----------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Estimate:
    """A value with its standard error (block averaging) and the lags used."""

    value: float
    stderr: float
    cutoff: int = 0
    blocks: int = 0


def _as_2d(x: np.ndarray) -> np.ndarray:
    x = np.asarray(x, dtype=float)
    if x.ndim == 1:
        return x[:, None]
    if x.ndim != 2:
        raise InvalidArgument(f"a current series has shape (n,) or (n, d), not {x.shape}")
    return x


def autocorrelation(x: np.ndarray, max_lag: int | None = None) -> np.ndarray:
    r"""Unbiased FFT autocorrelation :math:`\hat C_k=\frac1{N-k}\sum_n x_{n+k}\cdot x_n`, k = 0..max_lag.

    Components are summed (dot product). No mean is subtracted (equilibrium currents have zero mean).
    """
    x = _as_2d(x)
    n = x.shape[0]
    max_lag = n - 1 if max_lag is None else min(max_lag, n - 1)
    nfft = 1 << int(np.ceil(np.log2(2 * n)))
    f = np.fft.rfft(x, nfft, axis=0)
    acf = np.fft.irfft((f * f.conj()).real.sum(axis=1), nfft)[: max_lag + 1]
    return acf / (n - np.arange(max_lag + 1))


def _auto_cutoff(acf: np.ndarray, c: float, min_lag: int) -> int:
    """Sokal's window on the absolute autocorrelation: smallest M with M >= c * tau_abs(M) (in samples)."""
    if acf[0] <= 0:
        return min_lag
    tau = 0.5 + np.cumsum(np.abs(acf[1:])) / acf[0]                     # tau_abs(M), M = 1, 2, ...
    m = np.arange(1, acf.size)
    ok = np.nonzero(m >= c * tau)[0]
    return int(max(min_lag, m[ok[0]] if ok.size else acf.size - 1))


def _gk_from_acf(acf: np.ndarray, dt: float, cutoff: int) -> float:
    return float(dt * (0.5 * acf[0] + acf[1: cutoff + 1].sum()))       # trapezoid rule, t = 0..cutoff dt


def _levinson(acf: np.ndarray, p_max: int):
    """Levinson-Durbin recursion on autocovariances: AR coefficients and innovation variance for orders 0..p_max."""
    phi = np.zeros(0)
    var = float(acf[0])
    out = [(phi.copy(), var)]
    for p in range(1, p_max + 1):
        k = (acf[p] - np.dot(phi, acf[p - 1:0:-1])) / var
        phi = np.concatenate([phi - k * phi[::-1], [k]])
        var *= 1 - k * k
        out.append((phi.copy(), var))
    return out


def _ar_gk(acf: np.ndarray, dt: float, n: int, p_max: int, order: int | None):
    """GK integral from the Yule-Walker AR spectrum at zero frequency, order by AIC unless given."""
    fits = _levinson(acf, p_max)
    if order is None:
        aic = [n * np.log(max(v, 1e-300)) + 2 * p for p, (_, v) in enumerate(fits)]
        order = int(np.argmin(aic))
    phi, var = fits[order]
    return float(dt * var / (1 - phi.sum()) ** 2 / 2), order


def green_kubo(x: np.ndarray, dt: float, *, method: str = "ar", cutoff: int | None = None, blocks: int = 16,
               c: float = 8.0, min_lag: int = 4, p_max: int = 40) -> Estimate:
    r"""Green-Kubo integral :math:`\int_0^\infty\langle J(t)\cdot J(0)\rangle dt` with a block standard error.

    Parameters
    ----------
    x : (n,) or (n, d) ndarray
        Zero-mean current samples at spacing ``dt``.
    method : {"ar", "window"}
        Both start from the FFT autocorrelation :math:`\hat C_k`.
        ``"window"``: trapezoid integral of :math:`\hat C` up to a cutoff M, by default Sokal's automatic window
        M >= c tau_abs(M) (truncation bias :math:`e^{-c}` for an exponential correlation, 3e-4 for c = 8;
        relative statistical error about :math:`\sqrt{(2M+1)/N}`).
        ``"ar"`` (default): the zero-frequency value of the autoregressive (Yule-Walker/Levinson) spectrum fitted
        to :math:`\hat C_0..\hat C_p`, order p <= ``p_max`` by AIC, :math:`dt\,\sigma_p^2/(2(1-\sum\phi)^2)`;
        for OU currents (exactly AR(1) when sampled) its relative error is about :math:`\sqrt{8\tau/N}`,
        several times smaller than the windowed integral's (tau in samples).
    blocks : int
        The series is cut into this many blocks; the standard error is the standard deviation of the block
        estimates (same cutoff or AR order) over sqrt(blocks).

    Returns
    -------
    Estimate
        value: the whole-series estimate; stderr: block standard error; cutoff: the lag M or the AR order p.
    """
    x = _as_2d(x)
    n = x.shape[0]
    if blocks < 2 or n // blocks < 32:
        raise InvalidArgument(f"blocks={blocks} for n={n} samples: need >= 2 blocks of >= 32 samples each")
    size = n // blocks
    if method == "ar":
        d = x.shape[1]
        acfs = [autocorrelation(x[:, j], max_lag=p_max) for j in range(d)]   # each component its own AR model
        fits = [_ar_gk(a, dt, n, min(p_max, size // 8), None) for a in acfs]
        value = sum(f[0] for f in fits)
        orders = [f[1] for f in fits]
        per = np.array([sum(_ar_gk(autocorrelation(x[b * size:(b + 1) * size, j], max_lag=orders[j]), dt, size,
                                   orders[j], orders[j])[0] for j in range(d)) for b in range(blocks)])
        return Estimate(value, float(per.std(ddof=1) / np.sqrt(blocks)), max(orders), blocks)
    if method != "window":
        raise InvalidArgument(f"method={method!r}; use 'ar' or 'window'")
    acf = autocorrelation(x, max_lag=n // (2 * blocks))
    m = _auto_cutoff(acf, c, min_lag) if cutoff is None else int(cutoff)
    if m >= size:
        raise InvalidArgument(f"cutoff={m} samples does not fit in a block of {size}; use fewer blocks")
    value = _gk_from_acf(acf, dt, m)
    per = np.array([_gk_from_acf(autocorrelation(x[b * size:(b + 1) * size], m), dt, m) for b in range(blocks)])
    return Estimate(value, float(per.std(ddof=1) / np.sqrt(blocks)), m, blocks)


def _msd(D: np.ndarray, lag: int) -> float:
    inc = D[lag:] - D[:-lag]
    return float(np.mean(np.sum(inc**2, axis=1)))


def einstein_helfand(x: np.ndarray, dt: float, lags: tuple[int, int], *, blocks: int = 16) -> Estimate:
    r"""Einstein-Helfand coefficient from the slope of :math:`\mathrm{var}\,D(t)` between two lags.

    .. math:: \lambda_{EH}=\frac{\mathrm{var}D(t_2)-\mathrm{var}D(t_1)}{2(t_2-t_1)},\qquad D_n=dt\sum_{m<n}J_m

    var D(t) is averaged over all windows of the series. For lags beyond the correlation time, the slope equals
    :math:`\lim_t\mathrm{var}D/2t` up to exponentially small terms; the finite-t offset of var D/2t cancels.
    """
    x = _as_2d(x)
    l1, l2 = lags
    if not 0 < l1 < l2:
        raise InvalidArgument(f"lags={lags}: need 0 < t1 < t2 (in samples)")
    n = x.shape[0]
    size = n // blocks
    if size < 4 * l2:
        raise InvalidArgument(f"lag {l2} needs blocks of >= {4 * l2} samples; n={n}, blocks={blocks}")

    per = np.array([eh_slope(x[b * size:(b + 1) * size], dt, lags) for b in range(blocks)])
    return Estimate(eh_slope(x, dt, lags), float(per.std(ddof=1) / np.sqrt(blocks)), l2, blocks)


def eh_slope(x: np.ndarray, dt: float, lags: tuple[int, int]) -> float:
    """The EH slope of one series (no error bar); see :func:`einstein_helfand`."""
    x = _as_2d(x)
    l1, l2 = lags
    D = dt * np.concatenate([np.zeros((1, x.shape[1])), np.cumsum(x, axis=0)])
    return (_msd(D, l2) - _msd(D, l1)) / (2 * dt * (l2 - l1))


def einstein_helfand_ratio(x: np.ndarray, dt: float, lag: int, *, blocks: int = 16) -> Estimate:
    r"""The printed finite-t form :math:`\mathrm{var}[D(t)]/2t` at t = lag dt, with a block standard error."""
    x = _as_2d(x)
    size = x.shape[0] // blocks
    if lag < 1 or size < 4 * lag:
        raise InvalidArgument(f"lag={lag} needs lag >= 1 and blocks of >= {4 * max(lag, 1)} samples; "
                              f"n={x.shape[0]}, blocks={blocks}")

    def ratio(seg):
        D = dt * np.concatenate([np.zeros((1, seg.shape[1])), np.cumsum(seg, axis=0)])
        return _msd(D, lag) / (2 * dt * lag)

    per = np.array([ratio(x[b * size:(b + 1) * size]) for b in range(blocks)])
    return Estimate(float(ratio(x)), float(per.std(ddof=1) / np.sqrt(blocks)), lag, blocks)


# --- strategies -------------------------------------------------------------------------------------------------------
_SEEDS = st.integers(0, 2**32 - 1)


@st.composite
def ou_currents(draw, *, n: int = 2**16, components: int = 1) -> CurrentSeries:
    """OU currents: amplitude s from 1e-3 to 1e3, correlation time 1.5-20 samples, dt from 1e-3 to 10.

    gamma dt <= 0.67 keeps the process well sampled. Shrinks towards s = 1, tau = 5 samples, dt = 1.
    """
    s = draw(st.one_of(st.just(1.0), st.floats(-3, 3).map(lambda e: 10.0**e)))
    tau_samples = draw(st.one_of(st.just(5.0), st.floats(1.5, 20.0)))
    dt = draw(st.one_of(st.just(1.0), st.floats(-3, 1).map(lambda e: 10.0**e)))
    return CurrentSeries("ou", n=n, dt=dt, seed=draw(_SEEDS), s=s, gamma=1 / (tau_samples * dt),
                         components=components)


@st.composite
def arma_currents(draw, *, n: int = 2**16, components: int = 1) -> CurrentSeries:
    """ARMA(2, 1) currents with complex or real AR roots of modulus 0.3-0.9 (oscillating or overdamped
    correlations, negative lobes included) and an MA term of either sign. Shrinks towards an AR(1) with phi=0.5."""
    r = draw(st.one_of(st.just(0.5), st.floats(0.3, 0.9)))
    kind = draw(st.sampled_from(["ar1", "complex", "real"]))
    if kind == "ar1":
        ar = (r,)
    elif kind == "complex":
        th = draw(st.floats(0.1, 2.5))
        ar = (2 * r * np.cos(th), -r * r)
    else:
        r2 = draw(st.floats(-0.9, 0.9))
        ar = (r + r2, -r * r2)
    ma = draw(st.one_of(st.just(()), st.tuples(st.floats(-0.8, 0.8))))
    sig = draw(st.one_of(st.just(1.0), st.floats(-2, 2).map(lambda e: 10.0**e)))
    dt = draw(st.one_of(st.just(1.0), st.floats(-2, 1).map(lambda e: 10.0**e)))
    return CurrentSeries("arma", n=n, dt=dt, seed=draw(_SEEDS), ar=tuple(map(float, ar)), ma=tuple(map(float, ma)),
                         sigma_e=sig, components=components)


def stationary_current_series(*, n: int = 2**16, components: int = 1):
    """OU or ARMA currents (see :func:`ou_currents`, :func:`arma_currents`)."""
    return st.one_of(ou_currents(n=n, components=components), arma_currents(n=n, components=components))


@st.composite
def bounded_polarizations(draw) -> GaugeShift:
    """Bounded AR(2) polarizations: pole radius 0.5-0.95, angle 0.05-1.5, drive by J of either sign."""
    return GaugeShift(r=draw(st.floats(0.5, 0.95)), theta=draw(st.floats(0.05, 1.5)),
                      kappa=draw(st.floats(-3.0, 3.0)), sigma=draw(st.floats(0.01, 2.0)), seed=draw(_SEEDS))
