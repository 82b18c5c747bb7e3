r"""Hydrodynamic longitudinal dielectric function :math:`\varepsilon_L=1-\omega_p^2/[\omega(\omega+i\gamma)-\beta^2q^2]`,
its Thomas-Fermi static limit and the hydrodynamic head :math:`\chi_{00}` (Tantardini et al. 2025, Eqs. 71-74).

Overview
    The reference for (71) is a linearized hydrodynamic electron gas solved in the time domain: one Fourier mode
    e^{iqx} of the density N and velocity V of electrons (charge -e, mass m, density n) with a pressure term
    m beta^2 grad(n)/n, a friction -m gamma v and the self-consistent (Poisson) field, kicked by an external field
    E_ext = kappa delta(t). The mode is propagated exactly (eigendecomposition of the 2 x 2 equation-of-motion
    matrix), the induced field is Fourier transformed with the retarded kernel e^{+i omega t} (fields as
    e^{-i omega t}) by composite Gauss-Legendre quadrature, and eps_L = E_ext/E_tot. Nothing of (71) enters.

    The parameter beta^2 is fixed by microscopic theory in two different limits: (i) at high frequency
    (omega >> q v_F) the q^2 coefficient of the Lindhard function, computed here by 2D Gauss-Legendre quadrature
    over the Fermi sphere, is (3/5) v_F^2, the printed (72); (ii) static screening of the Lindhard function at
    q -> 0 is Thomas-Fermi, k_TF^2 = 4 pi e^2 dn/dmu, computed here by quadrature of -df/de at T << E_F. The
    hydrodynamic form reproduces (ii) only with beta^2 = v_F^2/3 (the Thomas-Fermi equation of state dp/dn =
    m v_F^2/3); with the printed beta^2 = (3/5) v_F^2, omega_p^2/beta^2 = (5/9) k_TF^2 (PB-23/TF, refuted).

    Eq. (74) inserted in (65) carries e^2 twice: 4 pi e^2/q^2 times n e^2/m gives e^2 omega_p^2 (Gaussian units),
    which is dimensionally wrong and equals Drude only where e = 1 (atomic units). The number-density response
    (n/m) q^2/[omega(omega + i gamma) - beta^2 q^2] (or the charge-density response with 4 pi/q^2) is right
    (PB-24/fix).

    At finite gamma the reference is the Mermin-Lindhard function (number-conserving relaxation): its small-q
    form is hydrodynamic with a complex, frequency-dependent beta^2 = v_F^2 (3 omega/5 + i gamma/3)/(omega + i gamma),
    so the constant (3/5) v_F^2 of (72) in (74) holds only for gamma << omega (PB-24/mermin, /mermin-fix).
Key claims
    PB-23 (Eq. 71 against the hydrodynamic gas), PB-23/73 (Gaussian plasma frequency), PB-23/static (omega = 0),
    PB-23/72 (beta^2 = 3/5 v_F^2 from the high-frequency Lindhard expansion), PB-23/TF (refuted: k_TF^2 is
    omega_p^2/beta^2 with beta^2 = v_F^2/3, not 3/5 v_F^2), PB-23/TF-fix, PB-24 (refuted: e^4), PB-24/fix,
    PB-24/drude, PB-24/mermin (refuted for gamma ~ omega: Mermin-Lindhard needs a frequency-dependent beta^2),
    PB-24/mermin-fix.
Conventions
    Gaussian units in a random system of units: e, m, hbar, n are drawn (e != 1, so powers of e are visible);
    electrons have charge -e; v_F = hbar (3 pi^2 n)^{1/3}/m. Time dependence e^{-i omega t} (retarded kernel of
    Eq. 3): it is the one in which (71) with +i gamma is causal and passive. The Sec. V preamble's e^{+i omega t}
    would need omega(omega - i gamma).
References
    [1] C. Tantardini et al., "Gauge-invariant long-wavelength TDDFT without empty states" (2025), Sec. IV,
        Eqs. (65), (71)-(74).
    [2] G. F. Giuliani, G. Vignale, Quantum Theory of the Electron Liquid (2005), Secs. 4.4-4.5 (Lindhard function,
        its high-frequency expansion with 3/5 v_F^2 and its static Thomas-Fermi limit).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import sympy as sp
from hypothesis import strategies as st
from sympy.physics.units import Dimension, energy, length, mass, time

from derivcheck import Claim, NumericCheck, Observation, Tolerance, register, spec_entry
from numerics.response import gauss_legendre_nodes

__all__ = ["HydroGas", "hydro_gases", "hydro_epsilon", "lindhard_chi0", "high_frequency_beta_sq",
           "thomas_fermi_k_sq", "hydrodynamic_eps_as_printed", "plasma_frequency_gaussian", "static_limit",
           "beta_sq_high_frequency", "thomas_fermi_as_printed", "thomas_fermi_corrected", "head_as_printed",
           "head_corrected", "head_drude_limit", "static_lindhard_chi0", "mermin_beta_sq", "head_vs_mermin_as_printed",
           "head_vs_mermin_corrected"]

PAPER = "tantardini2025"


# --- numerics: the linearized hydrodynamic electron gas ---------------------------------------------------------
@dataclass(frozen=True)
class HydroGas:
    """Electron gas in Gaussian units (random unit system): charge -e, mass m, density n, Planck constant hbar;
    pressure coefficient beta_sq = s v_F^2, friction gamma; probed at wavevector q > 0 and frequency omega >= 0."""

    e: float
    m: float
    n: float
    hbar: float
    s: float          # beta^2 / v_F^2 of the equation of state (1/3: Thomas-Fermi; 3/5: high frequency)
    gamma: float
    q: float
    omega: float

    @property
    def v_F(self) -> float:
        return self.hbar * (3 * np.pi**2 * self.n) ** (1 / 3) / self.m

    @property
    def beta_sq(self) -> float:
        return self.s * self.v_F**2

    @property
    def omega_p(self) -> float:
        return float(np.sqrt(4 * np.pi * self.n * self.e**2 / self.m))


@st.composite
def hydro_gases(draw, *, q_over=(0.05, 2.0), omega_over=(0.0, 3.0)) -> HydroGas:
    """Gases with e, m, hbar in [0.2, 5] (so e != 1 shows powers of e), n in [1e-3, 1]; gamma in [0.05, 1] omega_p,
    q beta/omega_p in ``q_over`` and omega/omega_p in ``omega_over`` (omega = 0 included).
    Shrinks towards e = 2, m = hbar = 1, n = 0.1, Thomas-Fermi s = 1/3, gamma = omega_p/10, q beta = omega_p/2."""
    e = draw(st.one_of(st.just(2.0), st.floats(0.2, 5.0)))
    m = draw(st.one_of(st.just(1.0), st.floats(0.2, 5.0)))
    hbar = draw(st.one_of(st.just(1.0), st.floats(0.2, 5.0)))
    n = draw(st.one_of(st.just(0.1), st.floats(-3.0, 0.0).map(lambda x: float(10.0**x))))
    s = draw(st.one_of(st.just(1 / 3), st.just(3 / 5), st.floats(0.05, 2.0)))
    g = HydroGas(e, m, n, hbar, s, 1.0, 1.0, 0.0)
    wp = g.omega_p
    gamma = wp * draw(st.one_of(st.just(0.1), st.floats(0.05, 1.0)))
    q = wp / np.sqrt(g.beta_sq) * draw(st.one_of(st.just(float(np.clip(0.5, *q_over))), st.floats(*q_over)))
    omega = wp * draw(st.one_of(st.just(float(omega_over[0])), st.just(float(np.clip(1.0, *omega_over))),
                                st.floats(*omega_over)))
    return HydroGas(e, m, n, hbar, s, gamma, float(q), float(omega))


def _eom_matrix(g: HydroGas) -> np.ndarray:
    """d/dt (N, V) for one mode e^{iqx}: continuity dN/dt = -i q n V; Euler m dV/dt = -e E_ind - i q m beta^2 N/n
    - m gamma V with the Poisson field i q E_ind = -4 pi e N (electrons, Gaussian units)."""
    return np.array([[0.0, -1j * g.q * g.n],
                     [-(g.e / g.m) * (4j * np.pi * g.e / g.q) - 1j * g.q * g.beta_sq / g.n, -g.gamma]])


def hydro_epsilon(g: HydroGas, order: int = 16) -> complex:
    r"""eps_L(q, omega) of the hydrodynamic gas: kick E_ext = kappa delta(t) (V(0+) = -e kappa/m), exact modal
    propagation, eps^{-1} = 1 + (1/kappa) int_0^oo E_ind(t) e^{i omega t} dt by composite Gauss-Legendre quadrature
    (panels <= 1/8 of the fastest period, cut where the slowest mode has decayed by e^-80), eps = 1/eps^{-1}."""
    A = _eom_matrix(g)
    lam, Vec = np.linalg.eig(A)
    kappa = 1.0
    x0 = np.array([0.0, -g.e * kappa / g.m], dtype=complex)
    c = np.linalg.solve(Vec, x0)
    decay = float(np.min(-lam.real))
    fastest = float(max(np.max(np.abs(lam.imag)), g.omega, g.gamma, 1e-300))
    t, w = gauss_legendre_nodes(0.0, 80.0 / decay, panel=2 * np.pi / fastest / 8, order=order)
    N = (Vec[0, :][None, :] * c[None, :] * np.exp(np.outer(t, lam))).sum(axis=1)
    E_ind = 4j * np.pi * g.e * N / g.q
    inv = 1.0 + np.sum(w * E_ind * np.exp(1j * g.omega * t)) / kappa
    return complex(1.0 / inv)


# --- numerics: the Lindhard function ----------------------------------------------------------------------------
def lindhard_chi0(k_F: float, m: float, hbar: float, q: float, omega: complex, order: int = 48) -> complex:
    r"""T = 0 Lindhard number-density response (spin 2) above the particle-hole continuum
    (omega > hbar(k_F q/m + q^2/2m)): chi0 = (2/hbar) int_{k<k_F} d^3k/(2pi)^3 2D/(omega^2 - D^2) with
    D = hbar(k q mu/m + q^2/2m), by Gauss-Legendre quadrature in k and mu = cos(theta) (smooth integrand)."""
    xk, wk = np.polynomial.legendre.leggauss(order)
    k, wk = k_F * (xk + 1) / 2, wk * k_F / 2
    mu, wmu = np.polynomial.legendre.leggauss(order)
    K, MU = np.meshgrid(k, mu, indexing="ij")
    D = hbar * (K * q * MU / m + q**2 / (2 * m))
    f = 2 * D / (omega**2 - D**2) * K**2
    integral = np.einsum("i,j,ij->", wk, wmu, f) / (4 * np.pi**2)     # int d^3k/(2pi)^3 = (1/4pi^2) int k^2 dk dmu
    val = 2 / hbar * integral
    return float(val.real) if np.isrealobj(omega) else complex(val)


def high_frequency_beta_sq(k_F: float, m: float, hbar: float, omega: float, x: float = 0.002) -> float:
    r"""The q^2 coefficient beta^2 of the Lindhard function at high frequency: from X = v_q chi0 = 1 - eps (the
    e^2 cancels: X/omega_p^2 = 4 pi chi0/(4 pi n q^2/m)), beta_eff^2(q) = (omega^2 - omega_p^2/X)/q^2 at
    q = x omega/v_F and x/2, Richardson-extrapolated to q -> 0 (removes the O(q^2) term)."""
    v_F = hbar * k_F / m
    n = k_F**3 / (3 * np.pi**2)

    def beta_eff(q):
        y = lindhard_chi0(k_F, m, hbar, q, float(omega)) * m / (n * q**2)      # = X/omega_p^2
        return (omega**2 - 1 / y) / q**2

    q = x * omega / v_F
    return float((4 * beta_eff(q / 2) - beta_eff(q)) / 3)


def thomas_fermi_k_sq(e: float, m: float, hbar: float, n: float, T_over_EF: float = 1e-5) -> float:
    r"""Static Lindhard limit k_TF^2 = -v_q q^2 chi0(q -> 0, 0) = 4 pi e^2 dn/dmu, with
    dn/dmu = 2 int d^3k/(2 pi)^3 (-df/de) at a temperature T << E_F and mu = E_F (Sommerfeld shift O(T^2)),
    by Gauss-Legendre quadrature in k over the thermal window |e_k - mu| < 60 T."""
    k_F = (3 * np.pi**2 * n) ** (1 / 3)
    E_F = hbar**2 * k_F**2 / (2 * m)
    T = T_over_EF * E_F
    lo = np.sqrt(2 * m * max(E_F - 60 * T, 0.0)) / hbar
    hi = np.sqrt(2 * m * (E_F + 60 * T)) / hbar
    k, w = gauss_legendre_nodes(lo, hi, panel=(hi - lo) / 64, order=16)
    x = (hbar**2 * k**2 / (2 * m) - E_F) / T
    mdf = 1 / (4 * T * np.cosh(x / 2) ** 2)                               # -df/de
    dn_dmu = 2 * np.sum(w * 4 * np.pi * k**2 * mdf) / (2 * np.pi) ** 3
    return float(4 * np.pi * e**2 * dn_dmu)


def static_lindhard_chi0(k_F: float, m: float, hbar: float, q: float) -> float:
    r"""Static T = 0 Lindhard number-density response -g(E_F) F(q/2k_F), F(x) = 1/2 + (1 - x^2)/(4x) ln|(1+x)/(1-x)|
    (closed form of the textbook; log1p for small x); g(E_F) = m k_F/(pi^2 hbar^2)."""
    x = q / (2 * k_F)
    F = 0.5 + (1 - x**2) / (4 * x) * (np.log1p(x) - np.log1p(-x))
    return float(-m * k_F / (np.pi**2 * hbar**2) * F)


def mermin_beta_sq(k_F: float, m: float, hbar: float, omega: float, gamma: float, x: float = 0.002) -> complex:
    r"""q^2 coefficient of the Mermin-Lindhard function (number-conserving relaxation, e^{-i omega t}):
    chi_M = (1 + i gamma/omega) chi0(q, omega + i gamma) / [1 + (i gamma/omega) chi0(q, omega + i gamma)/chi0(q, 0)],
    written as the hydrodynamic form (n q^2/m)/[omega(omega + i gamma) - beta^2 q^2]; beta^2 read off at
    q = x |omega + i gamma|/v_F and q/2 and Richardson-extrapolated to q -> 0. chi0 at complex frequency by
    quadrature (:func:`lindhard_chi0`)."""
    v_F = hbar * k_F / m
    n = k_F**3 / (3 * np.pi**2)
    z = omega + 1j * gamma

    def beta_eff(q):
        c0 = lindhard_chi0(k_F, m, hbar, q, z)
        cM = (1 + 1j * gamma / omega) * c0 / (1 + (1j * gamma / omega) * c0 / static_lindhard_chi0(k_F, m, hbar, q))
        return (omega * z - n * q**2 / m / cM) / q**2

    q = x * abs(z) / v_F
    return complex((4 * beta_eff(q / 2) - beta_eff(q)) / 3)


# --- symbols ----------------------------------------------------------------------------------------------------
eps_L = sp.Symbol("epsilon_L", complex=True)
omega = sp.Symbol("omega", nonnegative=True)
gamma = sp.Symbol("gamma", positive=True)
beta_sq = sp.Symbol("beta_sq", positive=True)                 # beta^2
q = sp.Symbol("q", positive=True)
omega_p = sp.Symbol("omega_p", positive=True)
n, e, m, hbar = sp.symbols("n e m hbar", positive=True)
v_F = sp.Symbol("v_F", positive=True)
k_F = sp.Symbol("k_F", positive=True)
k_TF_sq = sp.Symbol("k_TF_sq", positive=True)                 # k_TF^2
kk, mu = sp.Symbol("k", positive=True), sp.Symbol("mu", real=True)

_GAUSS_CHARGE = (energy * length) ** sp.Rational(1, 2)        # Gaussian: e^2 has dimension energy x length
_DIMS = {eps_L: Dimension(1), omega: 1 / time, gamma: 1 / time, beta_sq: length**2 / time**2, q: 1 / length,
         omega_p: 1 / time, n: 1 / length**3, e: _GAUSS_CHARGE, m: mass, hbar: energy * time,
         v_F: length / time, k_F: 1 / length, k_TF_sq: 1 / length**2}


def _eom_model() -> sp.Expr:
    r"""eps_L of the hydrodynamic equations solved in the frequency domain (Laplace transform of the kick):
    x_hat = -(A + i omega)^{-1} x0, eps^{-1} = 1 + (4 pi i e/q) N_hat/kappa; the 2 x 2 inverse by its adjugate."""
    w = omega
    M = sp.Matrix([[sp.I * w, -sp.I * q * n],
                   [-sp.I * 4 * sp.pi * e**2 / (m * q) - sp.I * q * beta_sq / n, sp.I * w - gamma]])
    det = M[0, 0] * M[1, 1] - M[0, 1] * M[1, 0]
    N_hat = -(-M[0, 1] / det) * (-e / m)                   # -(M^{-1})_{01} V0, V0 = -e kappa/m, kappa = 1
    return 1 / (1 + 4 * sp.I * sp.pi * e / q * N_hat)


_QUAD = Tolerance(rel=1e-9, abs=1e-12,
                  reason="exact modal propagation; 16-node Gauss-Legendre on panels of 1/8 of the fastest period "
                         "(error < 1e-14), tail cut at e^-80; eps = 1/eps^-1 amplifies round-off by |eps| <= 400 "
                         "(q beta >= 0.05 omega_p)")
_HYDRO_METHOD = ("linearized hydrodynamic electron gas (Gaussian units, random e, m, hbar, n, pressure coefficient "
                 "beta^2 = s v_F^2, friction gamma) kicked by E_ext = kappa delta(t); the (N, V) mode propagated "
                 "exactly by eigendecomposition, E_ind(t) Fourier transformed with e^{+i omega t} by Gauss-Legendre "
                 "quadrature; eps_L = E_ext/E_tot")


def _claim(cid, name, lhs, rhs, *, observe, instances, tol, method, samples=20, **kw) -> Claim:
    spec = spec_entry(cid.split("/")[0])
    numeric = NumericCheck(instances=instances, observe=observe, tolerance=tol, method=method, samples=samples)
    return Claim(id=cid, name=name, paper=PAPER, location=kw.pop("location", spec["location"]),
                 statement=kw.pop("statement", spec["statement"]), title=kw.pop("title", spec["title"]),
                 lhs=lhs, rhs=rhs, headline=kw.pop("headline", True), numeric=numeric,
                 dimensions=kw.pop("dimensions", _DIMS), **kw)


def _observe_hydro(g: HydroGas) -> Observation:
    return Observation({"epsilon_L": hydro_epsilon(g), "omega": g.omega, "gamma": g.gamma, "beta_sq": g.beta_sq,
                        "q": g.q, "omega_p": g.omega_p, "n": g.n, "e": g.e, "m": g.m})


# --- PB-23 --------------------------------------------------------------------------------------------------------
_EQ71 = 1 - omega_p**2 / (omega * (omega + sp.I * gamma) - beta_sq * q**2)


@register("PB-23")
def hydrodynamic_eps_as_printed() -> Claim:
    r"""Eq. (71): :math:`\varepsilon_L=1-\omega_p^2/[\omega(\omega+i\gamma)-\beta^2q^2]` for a hydrodynamic gas."""
    return _claim("PB-23", "hydrodynamic_longitudinal_eps_as_printed", eps_L, _EQ71,
                  observe=_observe_hydro, instances=hydro_gases, tol=_QUAD, method=_HYDRO_METHOD,
                  definitions={eps_L: _eom_model(), omega_p: sp.sqrt(4 * sp.pi * n * e**2 / m)},
                  statement=r"\varepsilon_L(\omega,q)=1-\frac{\omega_p^2}{\omega(\omega+i\gamma)-\beta^2q^2}",
                  assumptions=("linearized hydrodynamics: continuity, Euler equation with pressure m beta^2 grad n/n "
                               "and friction -m gamma v, Poisson field", "fields as e^{-i omega t}",
                               "omega_p^2 = 4 pi n e^2/m (Eq. 73, Gaussian)"),
                  sample_residual=False,
                  notes="Residual sampling is off: the model eps = 1/(1 + E_ind/E_ext) cancels catastrophically at "
                        "extreme domain points (eps^-1 ~ 1e-31 at q = 1e-6, e = 1e9), beyond 50 digits; the "
                        "residual simplifies to 0 exactly. Holds for a hydrodynamic gas with any pressure "
                        "coefficient beta^2 (the symbol beta^2 is "
                        "the gas's own dp/dn/m); what beta^2 must be is PB-23/72 and PB-23/TF. The +i gamma is "
                        "the e^{-i omega t} convention (retarded kernel of Eq. 3); with the e^{+i omega t} of the "
                        "Sec. V preamble the passive form is omega(omega - i gamma).")


def _observe_plasma(g: HydroGas) -> Observation:
    # the undamped q -> 0 collective mode: eigenfrequency of the equations of motion with gamma = 0, beta = 0
    g0 = HydroGas(g.e, g.m, g.n, g.hbar, 0.0, 0.0, g.q, 0.0)
    lam = np.linalg.eigvals(_eom_matrix(g0))
    return Observation({"omega_p": float(np.max(np.abs(lam.imag))), "n": g.n, "e": g.e, "m": g.m})


@register("PB-23/73")
def plasma_frequency_gaussian() -> Claim:
    r"""Eq. (73), Gaussian/au branch: :math:`\omega_p^2=4\pi ne^2/m`, the frequency of the q -> 0 plasma mode."""
    return _claim("PB-23/73", "plasma_frequency_squared_is_4pi_n_e2_over_m_gaussian", omega_p**2,
                  4 * sp.pi * n * e**2 / m, observe=_observe_plasma, instances=hydro_gases,
                  tol=Tolerance(rel=1e-12, reason="2 x 2 eigenvalues: round-off"),
                  method="eigenfrequency of the undamped, pressureless hydrodynamic mode (continuity + Newton + "
                         "Poisson), Gaussian units with random e, m, n",
                  definitions={omega_p: sp.sqrt(4 * sp.pi * n * e**2 / m)}, sample_residual=False, headline=False,
                  statement=r"\omega_p^2=4\pi ne^2/m\quad\text{(Gaussian/au)}",
                  notes="The SI branch ne^2/(eps0 m) is UF-07 (derivations.units). The symbolic model is the "
                        "definition of omega_p; the numeric layer measures the mode frequency.")


@register("PB-23/static")
def static_limit() -> Claim:
    r"""Text after (74): at omega = 0, (71) gives :math:`1+k_{\rm TF}^2/q^2` with :math:`k_{\rm TF}^2=\omega_p^2/\beta^2`
    (algebra of (71); which beta^2 makes this Thomas-Fermi is PB-23/TF)."""
    return _claim("PB-23/static", "hydrodynamic_eps_at_zero_frequency", eps_L, 1 + (omega_p**2 / beta_sq) / q**2,
                  observe=_observe_hydro,
                  instances=lambda: hydro_gases(omega_over=(0.0, 0.0)).map(
                      lambda g: HydroGas(g.e, g.m, g.n, g.hbar, g.s, g.gamma, g.q, 0.0)),
                  tol=_QUAD, method=_HYDRO_METHOD + " at omega = 0",
                  definitions={eps_L: _eom_model().subs(omega, 0), omega_p: sp.sqrt(4 * sp.pi * n * e**2 / m)},
                  statement=r"\varepsilon_L(0,q)=1+k_{\rm TF}^2/q^2,\quad k_{\rm TF}^2=\omega_p^2/\beta^2",
                  headline=False, sample_residual=False,
                  notes="Residual sampling off for the reason given at PB-23 (ill-conditioned kick model at extreme "
                        "points); the residual simplifies to 0.")


def _lindhard_instances():
    return st.tuples(st.one_of(st.just(1.0), st.floats(0.1, 5.0)), st.one_of(st.just(1.0), st.floats(0.2, 5.0)),
                     st.one_of(st.just(1.0), st.floats(0.2, 5.0)), st.one_of(st.just(5.0), st.floats(2.0, 50.0)))


def _observe_beta(inst) -> Observation:
    kF, mm, hb, w_over = inst
    vF = hb * kF / mm
    w = w_over * vF * kF                                           # omega in units of v_F k_F
    return Observation({"beta_sq": high_frequency_beta_sq(kF, mm, hb, w), "v_F": vF})


@register("PB-23/72")
def beta_sq_high_frequency() -> Claim:
    r"""Eq. (72): :math:`\beta^2\simeq\frac35v_F^2`, read as the q^2 coefficient of the Lindhard function at
    omega >> q v_F (the regime in which the hydrodynamic form matches it)."""
    avg = (sp.Integral(kk**4 * mu**2, (kk, 0, k_F), (mu, -1, 1)) / sp.Integral(kk**2, (kk, 0, k_F), (mu, -1, 1)))
    return _claim("PB-23/72", "beta_sq_is_three_fifths_vF_squared_at_high_frequency", beta_sq,
                  sp.Rational(3, 5) * v_F**2, observe=_observe_beta, instances=_lindhard_instances,
                  tol=Tolerance(rel=1e-6, reason="Richardson extrapolation in q from q v_F/omega = 0.002, 0.001 "
                                "leaves O(q^4) terms, < 1e-9 relative for omega >= 2 v_F k_F (q/k_F <= 4e-3); 48 x 48 "
                                "Gauss-Legendre on a smooth integrand: round-off, amplified by 1/(q v_F/omega)^2 = "
                                "2.5e5 in the subtraction, ~1e-10"),
                  method="T = 0 Lindhard function above the particle-hole continuum by 48 x 48 Gauss-Legendre "
                         "quadrature over the Fermi sphere; beta_eff^2 = (omega^2 - omega_p^2/(1 - eps))/q^2, "
                         "Richardson-extrapolated to q -> 0 from q v_F/omega = 0.002, 0.001, at omega = (2 ... 50) v_F k_F",
                  definitions={beta_sq: 3 * (hbar / m)**2 * avg, v_F: hbar * k_F / m}, sample_residual=False,
                  statement=r"\beta^2\simeq\tfrac35v_F^2",
                  assumptions=("3D degenerate electron gas, T = 0", "omega >> q v_F (high-frequency expansion)"),
                  notes="Symbolic model: the q^2 term of 2 D/(omega^2 - D^2) expanded in D/omega is "
                        "3 (hbar/m)^2 <k^2 cos^2> q^2 averaged over the Fermi sphere, = (3/5) v_F^2. At omega = 0 "
                        "the Lindhard function needs beta^2 = v_F^2/3 instead (PB-23/TF).")


def _observe_tf(g: HydroGas) -> Observation:
    return Observation({"k_TF_sq": thomas_fermi_k_sq(g.e, g.m, g.hbar, g.n), "omega_p": g.omega_p, "v_F": g.v_F})


_TF_TOL = Tolerance(rel=1e-6, reason="dn/dmu at T = 1e-5 E_F with mu = E_F: Sommerfeld corrections O((T/E_F)^2) "
                    "= 1e-10; thermal window +-60 T (tails e^-60) by 64 x 16-node Gauss-Legendre: round-off")
_TF_METHOD = ("static Lindhard limit k_TF^2 = 4 pi e^2 dn/dmu, dn/dmu = 2 int d^3k/(2pi)^3 (-df/de) by "
              "Gauss-Legendre quadrature at T = 1e-5 E_F (Gaussian units, random e, m, hbar, n)")
_TF_DEFS = {k_TF_sq: 4 * sp.pi * e**2 * 3 * n / (2 * (m * v_F**2 / 2)),        # 4 pi e^2 g(E_F), g = 3n/(2 E_F)
            omega_p: sp.sqrt(4 * sp.pi * n * e**2 / m)}


@register("PB-23/TF")
def thomas_fermi_as_printed() -> Claim:
    r"""Text after (74) with (72): :math:`k_{\rm TF}^2=\omega_p^2/\beta^2`, :math:`\beta^2=\frac35v_F^2`, as the
    Thomas-Fermi screening wavevector (static Thomas-Fermi screening)."""
    return _claim("PB-23/TF", "thomas_fermi_wavevector_is_omega_p2_over_three_fifths_vF2_as_printed", k_TF_sq,
                  omega_p**2 / (sp.Rational(3, 5) * v_F**2), observe=_observe_tf, instances=hydro_gases,
                  tol=_TF_TOL, method=_TF_METHOD, definitions=_TF_DEFS, sample_residual=True,
                  statement=r"\varepsilon_L(0,q)=1+k_{\rm TF}^2/q^2,\ k_{\rm TF}^2=\omega_p^2/\beta^2,\ "
                            r"\beta^2\simeq\tfrac35v_F^2\ \text{(static Thomas--Fermi screening)}",
                  assumptions=("3D degenerate electron gas", "k_TF^2 = 4 pi e^2 g(E_F), g(E_F) = 3n/(2E_F)"),
                  notes="4 pi e^2 g(E_F) = 6 pi n e^2/E_F = 3 omega_p^2/v_F^2, while omega_p^2/((3/5) v_F^2) = "
                        "(5/3) omega_p^2/v_F^2: the printed interpolation gives 5/9 of the Thomas-Fermi k_TF^2 at "
                        "omega = 0. One beta^2 cannot serve both limits: (3/5) v_F^2 is the high-frequency value "
                        "(PB-23/72), v_F^2/3 the static one (PB-23/TF-fix).")


@register("PB-23/TF-fix")
def thomas_fermi_corrected() -> Claim:
    r"""Thomas-Fermi static limit with :math:`\beta^2=v_F^2/3`: :math:`k_{\rm TF}^2=3\omega_p^2/v_F^2`."""
    return _claim("PB-23/TF-fix", "thomas_fermi_wavevector_is_omega_p2_over_one_third_vF2", k_TF_sq,
                  omega_p**2 / (v_F**2 / 3), observe=_observe_tf, instances=hydro_gases, tol=_TF_TOL,
                  method=_TF_METHOD, definitions=_TF_DEFS, sample_residual=True, corrects="PB-23/TF",
                  headline=False,
                  statement=r"k_{\rm TF}^2=\omega_p^2/\beta^2_{\rm static},\ \beta^2_{\rm static}=\tfrac13v_F^2")


# --- PB-24 --------------------------------------------------------------------------------------------------------
def _head_rhs(prefactor):
    return 1 - 4 * sp.pi * e**2 / q**2 * (prefactor * q**2 / (omega * (omega + sp.I * gamma) - beta_sq * q**2))


_HEAD_DEFS = {eps_L: _eom_model()}


@register("PB-24")
def head_as_printed() -> Claim:
    r"""Eq. (74) in (65): :math:`1-\frac{4\pi e^2}{q^2}\frac{ne^2}{m}\frac{q^2}{\omega(\omega+i\gamma)-\beta^2q^2}`
    is the hydrodynamic eps (Drude at q -> 0, Thomas-Fermi form at omega = 0)."""
    return _claim("PB-24", "hydrodynamic_head_in_eq65_gives_eps_as_printed", eps_L, _head_rhs(n * e**2 / m),
                  observe=_observe_hydro, instances=hydro_gases, tol=_QUAD,
                  method=_HYDRO_METHOD, definitions=_HEAD_DEFS, sample_residual=True,
                  statement=r"\chi_{00}(q,\omega)\simeq\frac{ne^2}m\,\frac{q^2}{\omega(\omega+i\gamma)-\beta^2q^2},"
                            r"\quad\varepsilon_M(\omega)=1-\lim_{q\to0}\frac{4\pi e^2}{q^2}\chi_{00}(q,\omega)",
                  assumptions=("Gaussian/atomic units as in (65) and (73)", "same hydrodynamic gas as PB-23"),
                  notes="(65) with (74): 4 pi e^2/q^2 x n e^2/m = e^2 omega_p^2, one factor e^2 too many; "
                        "dimensionally inconsistent in Gaussian units and numerically wrong wherever e != 1. In "
                        "a.u. (e = 1) it is numerically right. Fix: chi_00 the number-density response "
                        "(n/m) q^2/[...] (PB-24/fix), or the charge-density response n e^2/m ... with 4 pi/q^2. "
                        "Not done: the Mermin-Lindhard comparison at finite gamma (spec numeric check).")


@register("PB-24/fix")
def head_corrected() -> Claim:
    r"""Number-density head :math:`\chi_{00}=\frac nm\frac{q^2}{\omega(\omega+i\gamma)-\beta^2q^2}` in (65)."""
    return _claim("PB-24/fix", "hydrodynamic_number_density_head_in_eq65_gives_eps", eps_L, _head_rhs(n / m),
                  observe=_observe_hydro, instances=hydro_gases, tol=_QUAD,
                  method=_HYDRO_METHOD, definitions=_HEAD_DEFS, sample_residual=False, corrects="PB-24",
                  headline=False,
                  statement=r"\chi_{00}(q,\omega)=\frac{n}m\,\frac{q^2}{\omega(\omega+i\gamma)-\beta^2q^2},\quad"
                            r"\varepsilon_L=1-\frac{4\pi e^2}{q^2}\chi_{00}")


def _observe_drude(g: HydroGas) -> Observation:
    # q -> 0 by Richardson extrapolation of the hydrodynamic eps in q^2 (eps is a function of q^2)
    e1 = hydro_epsilon(HydroGas(g.e, g.m, g.n, g.hbar, g.s, g.gamma, g.q, g.omega))
    e2 = hydro_epsilon(HydroGas(g.e, g.m, g.n, g.hbar, g.s, g.gamma, g.q / 2, g.omega))
    return Observation({"epsilon_L": (4 * e2 - e1) / 3, "omega": g.omega, "gamma": g.gamma, "omega_p": g.omega_p})


@register("PB-24/drude")
def head_drude_limit() -> Claim:
    r"""'reproduces Drude at q -> 0': :math:`\lim_{q\to0}\varepsilon_L=1-\omega_p^2/[\omega(\omega+i\gamma)]`."""
    return _claim("PB-24/drude", "hydrodynamic_eps_reproduces_drude_at_q_to_zero", eps_L,
                  1 - omega_p**2 / (omega * (omega + sp.I * gamma)), observe=_observe_drude,
                  instances=lambda: hydro_gases(q_over=(1e-4, 1e-3), omega_over=(0.3, 3.0)),
                  tol=Tolerance(rel=1e-8, abs=1e-10, reason="Richardson in q^2 from q beta <= 1e-3 omega_p leaves "
                                "O((q beta/omega)^4) <= 1e-11; quadrature round-off as PB-23"),
                  method=_HYDRO_METHOD + "; q -> 0 by Richardson extrapolation from q and q/2 at omega >= 0.3 "
                                         "omega_p", definitions={eps_L: _eom_model().subs(beta_sq, 0),
                                                                omega_p: sp.sqrt(4 * sp.pi * n * e**2 / m)},
                  sample_residual=False, headline=False,
                  statement=r"\lim_{q\to0}\varepsilon_L(\omega,q)=1-\frac{\omega_p^2}{\omega(\omega+i\gamma)}",
                  notes="Symbolic model: the hydrodynamic eps with beta^2 = 0 (beta enters only as beta^2 q^2, "
                        "so this is its q -> 0 limit; the q of the Poisson field cancels). The Drude limit of the "
                        "hydrodynamic eps itself (with the number-density head). With the "
                        "printed (74) in (65) the limit is 1 - e^2 omega_p^2/[omega(omega + i gamma)] (PB-24).")


# --- PB-24 against the Mermin-Lindhard function -----------------------------------------------------------------
beta_M = sp.Symbol("beta_M_sq", complex=True)                 # q^2 coefficient of Mermin-Lindhard, complex


def _mermin_instances():
    return st.tuples(st.one_of(st.just(1.0), st.floats(0.2, 5.0)), st.one_of(st.just(1.0), st.floats(0.2, 5.0)),
                     st.one_of(st.just(1.0), st.floats(0.2, 5.0)), st.one_of(st.just(1.0), st.floats(0.3, 20.0)),
                     st.one_of(st.just(1.0), st.floats(-2.0, 1.0).map(lambda x: float(10.0**x))))


def _observe_mermin(inst) -> Observation:
    kF, mm, hb, w_over, g_over = inst
    vF = hb * kF / mm
    w = w_over * vF * kF
    g = g_over * w
    return Observation({"beta_M_sq": mermin_beta_sq(kF, mm, hb, w, g), "v_F": vF, "omega": w, "gamma": g})


_MERMIN_TOL = Tolerance(rel=1e-6, reason="Richardson extrapolation in q from q v_F/|omega + i gamma| = 0.002, 0.001 "
                        "leaves O(q^4) terms (< 1e-8 relative); 48 x 48 Gauss-Legendre of a smooth integrand at "
                        "complex frequency, round-off amplified by (q v_F/|z|)^-2 = 2.5e5")
_MERMIN_METHOD = ("Mermin-Lindhard function (T = 0 Lindhard at omega + i gamma by 48 x 48 Gauss-Legendre quadrature "
                  "over the Fermi sphere, static Lindhard in closed form, Mermin's number-conserving combination); "
                  "its q^2 coefficient beta_M^2 in the hydrodynamic form (n q^2/m)/[omega(omega + i gamma) - "
                  "beta^2 q^2], Richardson-extrapolated to q -> 0; omega = (0.3 ... 20) v_F k_F, gamma/omega = "
                  "0.01 ... 10")


@register("PB-24/mermin")
def head_vs_mermin_as_printed() -> Claim:
    r"""(74) with (72) at finite gamma: the hydrodynamic head with the constant :math:`\beta^2=\frac35v_F^2` is the
    small-q form of the (Mermin-)Lindhard head with relaxation gamma."""
    return _claim("PB-24/mermin", "hydrodynamic_head_beta_sq_matches_mermin_lindhard_as_printed", beta_M,
                  sp.Rational(3, 5) * v_F**2, observe=_observe_mermin, instances=_mermin_instances,
                  tol=_MERMIN_TOL, method=_MERMIN_METHOD, sample_residual=False, headline=False, samples=20,
                  dimensions={**_DIMS, beta_M: length**2 / time**2},
                  statement=r"\chi_{00}(q,\omega)\simeq\frac{ne^2}m\,\frac{q^2}{\omega(\omega+i\gamma)-\beta^2q^2},"
                            r"\ \beta^2\simeq\tfrac35v_F^2\quad(\text{finite }\gamma,\ q\to0)",
                  assumptions=("3D degenerate electron gas, T = 0", "relaxation gamma that conserves particle number "
                               "(Mermin)", "small q (q v_F << |omega + i gamma|)"),
                  notes="Mermin's number-conserving relaxation gives beta^2 = v_F^2 (3 omega/5 + i gamma/3)/(omega + "
                        "i gamma) (PB-24/mermin-fix): (3/5) v_F^2 for omega >> gamma, v_F^2/3 (Thomas-Fermi) for "
                        "omega << gamma. A constant 3/5 v_F^2 with the relaxation form holds only for gamma << "
                        "omega; the continuity equation is satisfied by the hydrodynamic form itself (its static "
                        "limit is finite), the missing piece is the frequency dependence of beta^2.")


@register("PB-24/mermin-fix")
def head_vs_mermin_corrected() -> Claim:
    r"""Small-q Mermin-Lindhard: :math:`\beta^2(\omega)=v_F^2\frac{\frac35\omega+\frac i3\gamma}{\omega+i\gamma}`."""
    return _claim("PB-24/mermin-fix", "mermin_lindhard_beta_sq_interpolates_three_fifths_to_one_third", beta_M,
                  v_F**2 * (sp.Rational(3, 5) * omega + sp.I * gamma / 3) / (omega + sp.I * gamma),
                  observe=_observe_mermin, instances=_mermin_instances, tol=_MERMIN_TOL, method=_MERMIN_METHOD,
                  sample_residual=False, headline=False, corrects="PB-24/mermin", samples=20,
                  dimensions={**_DIMS, beta_M: length**2 / time**2},
                  statement=r"\beta^2(\omega)=v_F^2\,\frac{\tfrac35\omega+\tfrac i3\gamma}{\omega+i\gamma}",
                  notes="Expansion of Mermin's formula: chi_M ~ (n q^2/m)/(omega z) [1 + v_F^2 q^2 (3/5 + i gamma/"
                        "(3 omega))/z^2], z = omega + i gamma (cf. P. Halevi, Phys. Rev. B 51, 7497 (1995)).")
