r"""SI constants in random systems of units, driven Lorentz oscillators, and sheet optics at normal incidence.

Overview
    A formula with a dimensional mistake holds in one system of units at best: every instance here expresses the
    CODATA constants (``scipy.constants``) in a randomly drawn system of units (sizes of the units of length, time,
    mass and charge), so that a dimensionally inconsistent relation fails numerically too. The dimensionless fine
    structure constant is taken from CODATA directly, never computed from the formula under test.

    A classical Lorentz oscillator (an electron, charge -e, bound with frequency Omega0 and damping gamma) driven
    by a real field E0 cos(omega t) is solved in the time domain (real steady state of the equation of motion) and
    its complex amplitudes are read by a lock-in with the retarded kernel e^{+i omega t} of the paper's Eq. (3),
    i.e. fields as Re[X e^{-i omega t}]. A sheet of conductance sigma_2D between media n1 and n2 is solved by the
    boundary conditions as a 2 x 2 linear system.
References
    [1] C. Tantardini et al., "Gauge-invariant long-wavelength TDDFT without empty states" (2025), Secs. IV-V.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.constants as sc
from hypothesis import strategies as st

__all__ = ["UnitSystem", "unit_systems", "constants", "DrivenOscillator", "driven_oscillators", "lock_in",
           "oscillator_response", "sheet_fresnel", "sheet_admittances", "TABLE1", "sheet_conductances",
           "plasma_oscillation_omega"]

# Table 1 of [1], printed values
TABLE1 = {"eps0": 8.8541878128e-12, "mu0": 1.256637062e-6, "Z0": 3.7673e2, "e": 1.602176634e-19,
          "m": 9.1093837015e-31, "hbar": 1.054571817e-34}


@dataclass(frozen=True)
class UnitSystem:
    """Sizes, in SI units, of the units of length, time, mass and charge of a system of units."""

    L: float = 1.0
    T: float = 1.0
    M: float = 1.0
    Q: float = 1.0

    def __call__(self, value, L=0, T=0, M=0, Q=0):
        """The SI ``value`` of dimension L^L T^T M^M Q^Q, expressed in this system."""
        return value / (self.L**L * self.T**T * self.M**M * self.Q**Q)


@st.composite
def unit_systems(draw) -> UnitSystem:
    """Systems of units with base units from 1e-3 to 1e3 times the SI ones. Shrinks towards SI itself."""
    def size():
        return draw(st.one_of(st.just(1.0), st.floats(-3.0, 3.0).map(lambda x: float(10.0**x))))
    return UnitSystem(size(), size(), size(), size())


def constants(u: UnitSystem) -> dict:
    """CODATA constants (scipy.constants) in the system ``u``; alpha_fs is dimensionless and taken from CODATA."""
    return {"e": u(sc.e, Q=1), "hbar": u(sc.hbar, M=1, L=2, T=-1), "h": u(sc.h, M=1, L=2, T=-1),
            "c": u(sc.c, L=1, T=-1), "eps0": u(sc.epsilon_0, Q=2, T=2, M=-1, L=-3),
            "mu0": u(sc.mu_0, M=1, L=1, Q=-2), "alpha_fs": sc.fine_structure,
            "a0": u(sc.physical_constants["Bohr radius"][0], L=1),
            "E_h": u(sc.physical_constants["Hartree energy"][0], M=1, L=2, T=-2), "m_e": u(sc.m_e, M=1)}


# --- driven Lorentz oscillators --------------------------------------------------------------------------------
@dataclass(frozen=True)
class DrivenOscillator:
    """Electrons (charge -e, mass m_e) bound at Omega0 with damping gamma, density N, driven at omega (SI)."""

    units: UnitSystem
    Omega0: float
    gamma: float
    omega: float
    N: float
    E0: float


@st.composite
def driven_oscillators(draw) -> DrivenOscillator:
    """Lossy Lorentz oscillators from RF to UV, driven below, at and above resonance, in random units.
    Shrinks towards SI units, Omega0 = 4.56e15 s^-1 (3 eV), gamma = Omega0/10, omega = Omega0/2."""
    u = draw(unit_systems())
    Omega0 = draw(st.one_of(st.just(4.557802346e15), st.floats(9.0, 16.0).map(lambda x: float(10.0**x))))
    gamma = Omega0 * draw(st.one_of(st.just(0.1), st.floats(1e-3, 3.0)))
    omega = Omega0 * draw(st.one_of(st.just(0.5), st.just(1.0), st.floats(-3.0, 1.5).map(lambda x: float(10.0**x))))
    N = draw(st.one_of(st.just(1e27), st.floats(20.0, 29.0).map(lambda x: float(10.0**x))))
    E0 = draw(st.one_of(st.just(1.0), st.floats(1e-3, 1e6)))
    return DrivenOscillator(u, Omega0, gamma, omega, N, E0)


def lock_in(series: np.ndarray, omega_t: np.ndarray) -> complex:
    r"""Complex amplitude X of X(t) = Re[X e^{-i omega t}] over one period: (2/T) int X(t) e^{+i omega t} dt,
    by the trapezoid rule on a uniform periodic grid (exact for trigonometric polynomials of low degree)."""
    return complex(2 * np.mean(series * np.exp(1j * omega_t)))


def oscillator_response(osc: DrivenOscillator, n_t: int = 64) -> dict:
    """Time-domain steady state of m x'' + m gamma x' + m Omega0^2 x = -e E0 cos(omega t), in SI, then expressed
    in ``osc.units``: complex amplitudes of E, dipole p, polarization P = N p, current J = N(-e)x', the
    time-averaged absorbed power per oscillator <E . dp/dt>, and the derived SI ratios."""
    e, m = sc.e, sc.m_e
    w, g, W0 = osc.omega, osc.gamma, osc.Omega0
    # x = A cos(wt) + B sin(wt): the real 2 x 2 system from the cos and sin parts of the equation of motion
    Mx = np.array([[m * (W0**2 - w**2), m * g * w], [-m * g * w, m * (W0**2 - w**2)]])
    A, B = np.linalg.solve(Mx, np.array([-e * osc.E0, 0.0]))
    wt = 2 * np.pi * np.arange(n_t) / n_t
    x = A * np.cos(wt) + B * np.sin(wt)
    xdot = w * (-A * np.sin(wt) + B * np.cos(wt))
    E = osc.E0 * np.cos(wt)
    p, J = -e * x, osc.N * (-e) * xdot
    u = osc.units
    return {"E": u(lock_in(E, wt), M=1, L=1, T=-2, Q=-1), "p": u(lock_in(p, wt), Q=1, L=1),
            "P": u(lock_in(osc.N * p, wt), Q=1, L=-2), "J": u(lock_in(J, wt), Q=1, L=-2, T=-1),
            "power": u(float(np.mean(E * (-e) * xdot)), M=1, L=2, T=-3), "omega": u(w, T=-1),
            "Omega": u(1.0 / osc.N, L=3), "intensity": u(sc.epsilon_0 * sc.c * osc.E0**2 / 2, M=1, T=-3)}


# --- sheets ------------------------------------------------------------------------------------------------------
def sheet_fresnel(y: complex, n1: float, n2: float) -> dict:
    r"""Exact normal-incidence r, t, R, T, A of a sheet of admittance y = Z0 sigma_2D between media n1 | n2.

    Boundary conditions at the sheet (fields in units of the incident E, H in units of E/Z0):
    E continuous, 1 + r = t; jump of tangential H equal to the sheet current, n1(1 - r) - n2 t = y t.
    Solved as a linear system; T = (n2/n1)|t|^2, R = |r|^2, A = 1 - R - T.
    """
    Mx = np.array([[-1.0, 1.0], [-n1, -(n2 + y)]], dtype=complex)
    r, t = np.linalg.solve(Mx, np.array([1.0, -n1], dtype=complex))
    R, T = abs(r) ** 2, (n2 / n1) * abs(t) ** 2
    # absorbed power from the Joule heating of the sheet current, Re(y)|t|^2 / n1: independent of 1 - R - T
    return {"r": complex(r), "t": complex(t), "R": float(R), "T": float(T), "A": float(1 - R - T),
            "A_joule": float(y.real * abs(t) ** 2 / n1)}


@st.composite
def sheet_admittances(draw, *, max_abs: float = 10.0) -> complex:
    """Passive sheet admittances y = Z0 sigma_2D with Re y >= 0, |y| up to ``max_abs``; shrinks towards y = 0.01."""
    mag = draw(st.one_of(st.just(0.01), st.floats(-8.0, float(np.log10(max_abs))).map(lambda x: float(10.0**x))))
    phase = draw(st.one_of(st.just(0.0), st.floats(-np.pi / 2, np.pi / 2)))
    return complex(mag * np.cos(phase), mag * np.sin(phase))


@st.composite
def sheet_conductances(draw, *, lo: float = 1e-9, hi: float = 1e-6) -> tuple:
    """(units, sigma_2D in SI) of passive sheets with |Z0 sigma_2D| in [lo, hi] and Re sigma >= 0. Shrinks towards
    SI units and a real |Z0 sigma| = lo."""
    u = draw(unit_systems())
    mag = draw(st.one_of(st.just(lo), st.floats(float(np.log10(lo)), float(np.log10(hi))).map(lambda x: 10.0**x)))
    phase = draw(st.one_of(st.just(0.0), st.floats(-np.pi / 2, np.pi / 2)))
    Z0 = np.sqrt(sc.mu_0 / sc.epsilon_0)
    return u, complex(mag * np.cos(phase), mag * np.sin(phase)) / Z0


# --- plasma oscillation ------------------------------------------------------------------------------------------
def plasma_oscillation_omega(n: float, m_eff: float, periods: int = 8) -> float:
    r"""Angular frequency (SI) of the free oscillation of a slab of carriers (charge -e, mass ``m_eff``, density
    ``n``) displaced by x against the fixed background: m x'' = -e E with the field of the two charge sheets
    E = n e x / eps0 (Gauss's law). Integrated in time (DOP853, rtol 1e-13) in units of the natural time scale;
    the frequency is read from the times of successive upward zero crossings (event location), not from a formula.
    """
    from scipy.integrate import solve_ivp
    k_over_m = n * sc.e**2 / (sc.epsilon_0 * m_eff)           # restoring force per displacement per mass
    tau = 10.0 ** np.round(-0.5 * np.log10(k_over_m))          # a power-of-ten time unit near 1/omega
    rhs = lambda s, y: [y[1], -k_over_m * tau**2 * y[0]]       # dimensionless time s = t / tau
    w_s = np.sqrt(k_over_m) * tau                              # only to size the integration window

    def up(s, y):
        return y[0]
    up.direction = 1
    sol = solve_ivp(rhs, (0.0, (periods + 1) * 2 * np.pi / w_s), [-1.0, 0.0], method="DOP853", rtol=1e-13, atol=1e-15,
                    events=up)
    ts = sol.t_events[0]
    period = (ts[-1] - ts[0]) / (ts.size - 1)
    return float(2 * np.pi / (period * tau))
