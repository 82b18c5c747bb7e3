r"""SI and fine-structure-constant prefactors of Sec. V: :math:`e^2/\hbar=4\pi\varepsilon_0c\,\alpha_{\rm fs}`, Kubo
prefactor, sigma-chi-eps relations, cross sections, plasma frequency, thin-sheet absorbance, graphene's pi alpha.

Overview
    Every numeric instance is drawn in a random system of units (sizes of the units of length, time, mass and
    charge from 1e-3 to 1e3 times SI, :func:`numerics.units.unit_systems`), with the CODATA constants of
    ``scipy.constants`` expressed in it; the dimensionless alpha_fs is CODATA's own value, never computed from a
    formula under test. A relation with a dimensional error then fails numerically as well as in the
    ``sympy.physics.units`` dimension layer. The physical quantities come from models solved independently:

    * a driven classical Lorentz oscillator solved in the time domain, with complex amplitudes read by a lock-in
      with the retarded kernel e^{+i omega t} of Eq. (3) (UF-04, UF-05, UF-06);
    * the free oscillation of a displaced slab of carriers integrated in time (plasma frequency, UF-07);
    * a conducting sheet between two media solved from its boundary conditions as a 2 x 2 linear system (exact
      r, t, R, T, A; UF-08, UF-09).

    The thin-sheet absorbance (90) is a first-order result: the exact free-standing value is
    A = 4 Re y/|2 + y|^2, y = Z0 sigma_2D (UF-08/exact, general n1, n2: 4 n1 Re y/|n1 + n2 + y|^2). It agrees
    with (90) to relative O(|y|) inside the stated limit and fails outside it (UF-08/outside; the Fig. 3 sheet,
    sigma_0 = 5 mS, has Z0 sigma_0 = 1.9, outside). For graphene the exact absorbance at y = pi alpha_fs is
    2.24%, which rounds to 2.2%; the printed 2.3% is pi alpha_fs itself and the opacity 1 - T = 2.25%.

    The "dimensionless correlator" of (78) is dimensionless only for a sheet conductance: e^2/hbar is a
    conductance (S), so for a bulk sigma (S/m) K carries 1/length (UF-03/3D, refuted by dimensions and by the
    numbers: K computed in SI fails in other units).
Key claims
    UF-02/75, /76, /77 (alpha_fs identities), UF-03/2D, UF-03/3D (refuted), UF-04/79, UF-04/80, UF-05/81, /82, /83,
    /84, UF-06/85, UF-06/87, UF-07, UF-07/SI, UF-08 (in its limit), UF-08/Z0, UF-08/exact, UF-08/outside
    (refuted: outside the stated limit), UF-09, UF-09/value, UF-09/exact (refuted at the printed precision),
    UF-09/opacity.
Conventions
    SI. Fields as Re[X e^{-i omega t}] in the numeric models (the convention of the retarded kernel e^{+i omega^+ t}
    of Eq. 3), with which (79)-(80) and (87) hold; the e^{+i omega t} announced in the Sec. V preamble (UF-01, not
    encoded here) would flip the signs of i.
References
    [1] C. Tantardini et al., "Gauge-invariant long-wavelength TDDFT without empty states" (2025), Sec. V,
        Eqs. (75)-(91); Table 1.
"""

from __future__ import annotations

import numpy as np
import scipy.constants as sc
import sympy as sp
from hypothesis import strategies as st
from sympy.physics.units import (Dimension, area, capacitance, charge, current, energy, length, mass, time,
                                 velocity, voltage)
from sympy.physics.units.systems.si import dimsys_SI  # noqa: F401  (the dimension system of the engine)

from derivcheck import Claim, NumericCheck, Observation, Tolerance, register, spec_entry
from derivations.gauge import sigma_pb20_claim
from numerics.units import (UnitSystem, constants, driven_oscillators, oscillator_response,
                            plasma_oscillation_omega, sheet_conductances, sheet_fresnel, unit_systems)

__all__ = ["fine_structure_definition", "e2_over_hbar", "e2_over_h", "kubo_prefactor_sheet", "kubo_prefactor_bulk",
           "sigma_from_chi_sec5", "eps_from_sigma_sec5", "cross_section_au_sec5", "isotropic_average",
           "polarizability_si_sec5", "cross_section_si_sec5", "chi_from_cell_polarizability", "sigma_from_alpha_sec5",
           "plasma_frequency_alpha_fs", "plasma_frequency_si", "vacuum_impedance", "sheet_absorbance_thin_limit",
           "sheet_absorbance_exact", "sheet_absorbance_outside_limit", "graphene_pi_alpha",
           "graphene_pi_alpha_value", "graphene_exact_absorbance", "graphene_opacity"]

PAPER = "tantardini2025"

# --- symbols ----------------------------------------------------------------------------------------------------
e, hbar, h, c, eps0, mu0 = sp.symbols("e hbar h c epsilon_0 mu_0", positive=True)
alpha_fs = sp.Symbol("alpha_fs", positive=True)
a0 = sp.Symbol("a_0", positive=True)
K = sp.Symbol("K", real=True)                          # the "dimensionless correlator" of Eq. (78)
sigma2d = sp.Symbol("sigma_2D", complex=True)
sigma3d = sp.Symbol("sigma", complex=True)

_CONDUCTANCE = current**2 * time**3 / (mass * length**2)           # S
_DIMS = {e: charge, hbar: energy * time, h: energy * time, c: velocity, eps0: capacitance / length,
         mu0: mass * length / charge**2, alpha_fs: Dimension(1), a0: length, K: Dimension(1),
         sigma2d: _CONDUCTANCE, sigma3d: _CONDUCTANCE / length}
# the CODATA definitions: alpha_fs = e^2 mu0 c/(2h) (mu0 from the measured alpha), eps0 = 1/(mu0 c^2), hbar = h/2pi
_SI_DEFS = {alpha_fs: e**2 * mu0 * c / (2 * h), eps0: 1 / (mu0 * c**2), hbar: h / (2 * sp.pi)}

_CODATA = Tolerance(rel=1e-10, abs=0.0,
                    reason="scipy.constants (CODATA 2018): eps0 and mu0 follow from the measured alpha_fs and are "
                           "printed to 11 significant digits (relative uncertainty 1.5e-10); they agree with "
                           "alpha_fs to ~5e-12; conversions to the random unit system add round-off only")
_UNITS_METHOD = ("CODATA constants (scipy.constants) expressed in a random system of units (units of length, "
                 "time, mass, charge from 1e-3 to 1e3 times SI); alpha_fs = CODATA fine-structure constant")


def _claim(cid, name, lhs, rhs, *, observe=None, instances=None, tol=_CODATA, method=_UNITS_METHOD, samples=20,
           **kw) -> Claim:
    spec = spec_entry(cid.split("/")[0])
    numeric = None
    if observe is not None:
        numeric = NumericCheck(instances=instances, observe=observe, tolerance=tol, method=method, samples=samples)
    return Claim(id=cid, name=name, paper=PAPER, location=kw.pop("location", spec["location"]),
                 statement=kw.pop("statement", spec["statement"]), title=kw.pop("title", spec["title"]),
                 lhs=lhs, rhs=rhs, headline=kw.pop("headline", True), numeric=numeric,
                 dimensions=kw.pop("dimensions", _DIMS), **kw)


def _observe_constants(u: UnitSystem) -> Observation:
    k = constants(u)
    return Observation({"e": k["e"], "hbar": k["hbar"], "h": k["h"], "c": k["c"], "epsilon_0": k["eps0"],
                        "mu_0": k["mu0"], "alpha_fs": k["alpha_fs"], "a_0": k["a0"]})


# --- UF-02 --------------------------------------------------------------------------------------------------------
@register("UF-02/75")
def fine_structure_definition() -> Claim:
    r"""Eq. (75): :math:`\alpha_{\rm fs}=e^2/(4\pi\varepsilon_0\hbar c)`."""
    return _claim("UF-02/75", "fine_structure_constant_is_e2_over_4pi_eps0_hbar_c", alpha_fs,
                  e**2 / (4 * sp.pi * eps0 * hbar * c), observe=_observe_constants, instances=unit_systems,
                  definitions=_SI_DEFS, statement=r"\alpha_{\rm fs}=\frac{e^2}{4\pi\varepsilon_0\hbar c}",
                  notes="Symbolic model: the SI definitions alpha_fs = e^2 mu0 c/(2h), eps0 = 1/(mu0 c^2), "
                        "hbar = h/(2 pi).")


@register("UF-02/76")
def e2_over_hbar() -> Claim:
    r"""Eq. (76): :math:`e^2/\hbar=4\pi\varepsilon_0c\,\alpha_{\rm fs}`."""
    return _claim("UF-02/76", "e2_over_hbar_is_4pi_eps0_c_alpha_fs", e**2 / hbar, 4 * sp.pi * eps0 * c * alpha_fs,
                  observe=_observe_constants, instances=unit_systems, definitions=_SI_DEFS,
                  statement=r"\frac{e^2}\hbar=4\pi\varepsilon_0c\,\alpha_{\rm fs}")


@register("UF-02/77")
def e2_over_h() -> Claim:
    r"""Eq. (77) (= Eq. 89): :math:`e^2/h=2\varepsilon_0c\,\alpha_{\rm fs}`."""
    return _claim("UF-02/77", "e2_over_h_is_2_eps0_c_alpha_fs", e**2 / h, 2 * eps0 * c * alpha_fs,
                  observe=_observe_constants, instances=unit_systems, definitions=_SI_DEFS,
                  statement=r"\frac{e^2}h=2\,\varepsilon_0c\,\alpha_{\rm fs}")


# --- UF-03 --------------------------------------------------------------------------------------------------------
def _kubo_instances(bulk: bool):
    if bulk:   # Drude DC conductivities n e^2 tau/m of metals and doped semiconductors, S/m
        s = st.one_of(st.just(5.8e7), st.floats(0.0, 8.0).map(lambda x: float(10.0**x)))
    else:      # sheet conductances, S (Table 1: 5 mS; graphene e^2/4hbar = 61 uS)
        s = st.one_of(st.just(5.0e-3), st.floats(-7.0, -1.0).map(lambda x: float(10.0**x)))
    return st.tuples(unit_systems(), s)


def _observe_kubo(inst, bulk: bool) -> Observation:
    u, s_si = inst
    k = constants(u)
    K_si = s_si * sc.hbar / sc.e**2                      # the correlator, evaluated once in SI
    s_u = u(s_si, Q=2, T=1, M=-1, L=-3) if bulk else u(s_si, Q=2, T=1, M=-1, L=-2)
    return Observation({"sigma" if bulk else "sigma_2D": s_u, "K": K_si, "epsilon_0": k["eps0"], "c": k["c"],
                        "alpha_fs": k["alpha_fs"]})


_KUBO_METHOD = ("a conductivity in SI (Drude-like bulk sigma in S/m, or a sheet conductance in S); K = sigma hbar/e^2 "
                "evaluated once in SI; the relation then evaluated in a random system of units: it holds in every "
                "system only if K is dimensionless")


@register("UF-03/2D")
def kubo_prefactor_sheet() -> Claim:
    r"""Eq. (78) for a sheet: :math:`\sigma_{2D}=\frac{e^2}\hbar\mathcal K=4\pi\varepsilon_0c\,\alpha_{\rm fs}\mathcal K`
    with a dimensionless K."""
    return _claim("UF-03/2D", "sheet_conductance_is_4pi_eps0_c_alpha_fs_times_dimensionless_K", sigma2d,
                  4 * sp.pi * eps0 * c * alpha_fs * K, observe=lambda i: _observe_kubo(i, False),
                  instances=lambda: _kubo_instances(False), method=_KUBO_METHOD,
                  definitions={sigma2d: e**2 / hbar * K, alpha_fs: e**2 / (4 * sp.pi * eps0 * hbar * c)},
                  statement=r"\sigma_{ij}(\omega)=\frac{e^2}\hbar\,\mathcal K_{ij}(\omega)=4\pi\varepsilon_0c\,"
                            r"\alpha_{\rm fs}\,\mathcal K_{ij}(\omega)\quad(\text{2D sheet, }\mathcal K\text{ dimensionless})",
                  assumptions=("sigma is a sheet conductance (S)",),
                  notes="e^2/hbar has the dimension of a conductance (S), so K is dimensionless for a 2D sheet "
                        "conductance. The symbolic model is the definition of K plus Eq. (75).")


@register("UF-03/3D")
def kubo_prefactor_bulk() -> Claim:
    r"""Eq. (78) for a bulk conductivity: :math:`\sigma=\frac{e^2}\hbar\mathcal K` with a dimensionless K."""
    return _claim("UF-03/3D", "bulk_conductivity_is_4pi_eps0_c_alpha_fs_times_dimensionless_K_as_printed",
                  sigma3d, 4 * sp.pi * eps0 * c * alpha_fs * K, observe=lambda i: _observe_kubo(i, True),
                  instances=lambda: _kubo_instances(True), method=_KUBO_METHOD,
                  definitions={sigma3d: e**2 / hbar * K, alpha_fs: e**2 / (4 * sp.pi * eps0 * hbar * c)},
                  statement=r"\sigma_{ij}(\omega)=\frac{e^2}\hbar\,\mathcal K_{ij}(\omega)=4\pi\varepsilon_0c\,"
                            r"\alpha_{\rm fs}\,\mathcal K_{ij}(\omega)\quad(\text{bulk 3D, }\mathcal K\text{ dimensionless})",
                  assumptions=("sigma is a bulk conductivity (S/m)", "K dimensionless, as printed"),
                  notes="The paper calls K 'a dimensionless correlator' and the Conclusions apply the factorization "
                        "'from bulk 3D solids to strictly 2D sheets'. For a bulk sigma in S/m, K = sigma hbar/e^2 "
                        "has the dimension 1/length (e.g. Cu: K = 5.8e7 S/m x hbar/e^2 = 5.8e7 x 4.1e3 ohm = "
                        "2.4e11 per metre, and "
                        "a different number in any other unit of length). The symbolic identity e^2/hbar = 4 pi "
                        "eps0 c alpha_fs holds; the refutation is the dimensionless K in 3D. Repair: K_3D = "
                        "sigma hbar a/e^2 with an explicit length a (lattice constant or 1/k_F), or a 'nearly "
                        "dimensionless' kernel in the Conclusions' wording only for sheets.")


# --- UF-04: (79)-(80), the Sec. V repeats of (66)-(67) ---------------------------------------------------------------
@register("UF-04/79")
def sigma_from_chi_sec5() -> Claim:
    r"""Eq. (79): :math:`\sigma=-i\varepsilon_0\omega\chi_e`."""
    c_ = sigma_pb20_claim("UF-04/79", "chi")
    return Claim(**{**c_.__dict__, "statement": r"\sigma_{ij}(\omega)=-\,i\,\varepsilon_0\omega\,\chi_{e,ij}(\omega)"})


@register("UF-04/80")
def eps_from_sigma_sec5() -> Claim:
    r"""Eq. (80): :math:`\varepsilon_r=\delta+\chi_e=\delta+\frac{i}{\varepsilon_0\omega}\sigma`."""
    c_ = sigma_pb20_claim("UF-04/80", "eps")
    return Claim(**{**c_.__dict__, "statement": r"\varepsilon_{r,ij}(\omega)=\delta_{ij}+\chi_{e,ij}(\omega)="
                                                r"\delta_{ij}+\frac{i}{\varepsilon_0\omega}\,\sigma_{ij}(\omega)"})


# --- UF-05: (81)-(84) ---------------------------------------------------------------------------------------------
sigma_abs = sp.Symbol("sigma_abs", positive=True)
omega = sp.Symbol("omega", positive=True)           # SI angular frequency
omega_au = sp.Symbol("omega_au", positive=True)     # the same frequency in atomic units, omega hbar/E_h
alpha_SI_im = sp.Symbol("alpha_SI_im", positive=True)
alpha_au_im = sp.Symbol("alpha_au_im", positive=True)
alpha_SI = sp.Symbol("alpha_SI", complex=True)
alpha_au = sp.Symbol("alpha_au", complex=True)
E_amp = sp.Symbol("E_0", positive=True)
_POL = charge * length**2 / voltage
_DIMS5 = {**_DIMS, sigma_abs: area, omega: 1 / time, omega_au: Dimension(1), alpha_SI_im: _POL,
          alpha_au_im: Dimension(1), alpha_SI: _POL, alpha_au: Dimension(1), E_amp: voltage / length}
_AU_POL = sc.physical_constants["atomic unit of electric polarizability"][0]
_EH = sc.physical_constants["Hartree energy"][0]
_LOCKIN = Tolerance(rel=1e-9, abs=0.0,
                    reason="time-domain steady state sampled on 64 points per period; the lock-in and the period "
                           "average are exact for the degree-1 trigonometric signals, so only round-off remains; "
                           "CODATA atomic units consistent to ~1e-11")
_OSC_METHOD = ("Lorentz oscillators (electrons bound at Omega0, damping gamma) driven by E0 cos(omega t), solved in "
               "the time domain in SI and expressed in a random system of units; sigma_abs = <E . dp/dt>/(eps0 c "
               "<E^2>) (absorbed power over intensity), alpha = p/E by a lock-in with e^{+i omega t}; atomic-unit "
               "values from CODATA's atomic units of polarizability and energy")


def _observe_osc(osc) -> Observation:
    r = oscillator_response(osc)
    u = osc.units
    k = constants(u)
    a_si = r["p"] / r["E"]                                                   # in the random unit system
    a_si_SI = a_si * u.Q**2 * u.T**2 / u.M                 # back to SI: [alpha] = C m^2/V = Q^2 T^2 / M
    return Observation({"sigma_abs": r["power"] / r["intensity"], "omega": r["omega"], "epsilon_0": k["eps0"],
                        "c": k["c"], "alpha_SI_im": a_si.imag, "alpha_SI": a_si,
                        "alpha_au_im": a_si_SI.imag / _AU_POL, "alpha_au": a_si_SI / _AU_POL,
                        "omega_au": osc.omega * sc.hbar / _EH, "alpha_fs": k["alpha_fs"], "a_0": k["a0"],
                        "e": k["e"], "hbar": k["hbar"]})


_P_OVER_I = omega * alpha_SI_im * E_amp**2 / 2 / (eps0 * c * E_amp**2 / 2)          # <P>/I for E0 cos(wt)
# one simultaneous substitution: sigma_abs written in the base symbols, with alpha_SI = 4 pi eps0 a0^3 alpha_au (unit
# e^2 a0^2/E_h) and omega = omega_au E_h/hbar, E_h = e^2/(4 pi eps0 a0)
_DEFS5 = {sigma_abs: _P_OVER_I.subs({alpha_SI_im: 4 * sp.pi * eps0 * a0**3 * alpha_au_im,
                                     omega: omega_au * e**2 / (4 * sp.pi * eps0 * a0 * hbar)}),
          alpha_fs: e**2 / (4 * sp.pi * eps0 * hbar * c)}


@register("UF-05/81")
def cross_section_au_sec5() -> Claim:
    r"""Eq. (81): :math:`\sigma^{\rm mol}_{\rm abs}=4\pi\alpha_{\rm fs}\,\omega\,\mathrm{Im}\,\alpha^{\rm au}_{\rm iso}a_0^2`,
    omega in atomic units."""
    return _claim("UF-05/81", "cross_section_is_4pi_alpha_fs_omega_im_alpha_au_a0_squared", sigma_abs,
                  4 * sp.pi * alpha_fs * omega_au * alpha_au_im * a0**2, observe=_observe_osc,
                  instances=driven_oscillators, tol=_LOCKIN, method=_OSC_METHOD, definitions=_DEFS5,
                  dimensions=_DIMS5, samples=25,
                  statement=r"\sigma^{\rm mol}_{\rm abs}(\omega)=4\pi\,\alpha_{\rm fs}\,\omega\,\mathrm{Im}\,"
                            r"\alpha^{(\rm a.u.)}_{\rm iso}(\omega)\,a_0^2",
                  notes="As in LG-19/au (Eq. 22, of which (81) is the repeat): the printed form is an area only if "
                        "its omega is in atomic units (omega_SI = omega_au E_h/hbar); encoded that way.")


def _observe_iso(inst) -> Observation:
    A = inst
    # orientational average of e . alpha . e over the sphere: 8 Gauss-Legendre nodes in cos(theta) x 8 in phi
    # (exact for the quadratic form)
    x, w = np.polynomial.legendre.leggauss(8)
    phi = 2 * np.pi * np.arange(8) / 8
    ct, ph = np.meshgrid(x, phi, indexing="ij")
    st_ = np.sqrt(1 - ct**2)
    ev = np.stack([st_ * np.cos(ph), st_ * np.sin(ph), ct])
    quad = np.einsum("i...,ij,j...->...", ev, A, ev)
    avg = np.sum(w[:, None] * quad) / 8 / 2
    return Observation({"alpha_iso": complex(avg), **{f"a_{i}{j}": complex(A[i, j]) for i in range(3)
                                                      for j in range(3)}})


@register("UF-05/82")
def isotropic_average() -> Claim:
    r"""Eq. (82): :math:`\alpha_{\rm iso}=\frac13\mathrm{Tr}\,\boldsymbol\alpha`, the orientational average of
    :math:`\hat e\cdot\boldsymbol\alpha\cdot\hat e` that an isotropic (randomly oriented) sample absorbs."""
    a = {(i, j): sp.Symbol(f"a_{i}{j}", complex=True) for i in range(3) for j in range(3)}
    th, ph = sp.Symbol("theta", positive=True), sp.Symbol("phi", positive=True)
    ev = [sp.sin(th) * sp.cos(ph), sp.sin(th) * sp.sin(ph), sp.cos(th)]
    quad = sum(ev[i] * a[i, j] * ev[j] for i in range(3) for j in range(3))
    a_iso = sp.Symbol("alpha_iso", complex=True)
    comp = st.complex_numbers(max_magnitude=10.0, allow_nan=False, allow_infinity=False)
    return _claim("UF-05/82", "isotropic_polarizability_is_one_third_trace", a_iso,
                  (a[0, 0] + a[1, 1] + a[2, 2]) / 3, observe=_observe_iso,
                  instances=lambda: st.lists(comp, min_size=9, max_size=9).map(
                      lambda v: np.array(v, dtype=complex).reshape(3, 3)),
                  tol=Tolerance(rel=1e-12, abs=1e-13, reason="8 x 8 product Gauss quadrature is exact for the "
                                "degree-2 form on the sphere: round-off"),
                  method="random complex (non-symmetric) 3 x 3 tensors; e . alpha . e averaged over directions by "
                         "Gauss-Legendre x trapezoid quadrature on the sphere",
                  definitions={a_iso: sp.Integral(quad * sp.sin(th), (th, 0, sp.pi), (ph, 0, 2 * sp.pi)) / (4 * sp.pi)},
                  dimensions={a_iso: Dimension(1), **{v: Dimension(1) for v in a.values()}}, sample_residual=False,
                  statement=r"\alpha_{\rm iso}(\omega)=\tfrac13\mathrm{Tr}\,\boldsymbol\alpha(\omega)",
                  headline=False, symbolic_timeout=60,
                  notes="A definition; encoded as its physical content, the orientational average.")


@register("UF-05/83")
def polarizability_si_sec5() -> Claim:
    r"""Eq. (83) (= Eq. 1): :math:`\alpha^{\rm SI}=4\pi\varepsilon_0a_0^3\alpha^{\rm au}`."""
    return _claim("UF-05/83", "si_polarizability_is_4pi_eps0_a0_cubed_alpha_au", alpha_SI,
                  4 * sp.pi * eps0 * a0**3 * alpha_au, observe=_observe_osc, instances=driven_oscillators,
                  tol=_LOCKIN, method=_OSC_METHOD, dimensions=_DIMS5, samples=25,
                  definitions={alpha_SI: alpha_au * e**2 * a0**2 / (e**2 / (4 * sp.pi * eps0 * a0))},
                  statement=r"\alpha^{(\rm SI)}(\omega)=4\pi\varepsilon_0a_0^3\,\alpha^{(\rm a.u.)}(\omega)",
                  notes="Repeat of LG-01 (derivations.polarizability); here alpha is the polarizability of a driven "
                        "Lorentz oscillator in a random system of units. Symbolic model: the atomic unit "
                        "e^2 a0^2/E_h with E_h = e^2/(4 pi eps0 a0).")


@register("UF-05/84")
def cross_section_si_sec5() -> Claim:
    r"""Eq. (84) (= Eq. 22): :math:`\sigma^{\rm mol}_{\rm abs}=\frac{\omega}{\varepsilon_0c}\mathrm{Im}\,\alpha^{\rm SI}_{\rm iso}`."""
    return _claim("UF-05/84", "cross_section_is_omega_im_alpha_si_over_eps0_c", sigma_abs,
                  omega / (eps0 * c) * alpha_SI_im, observe=_observe_osc, instances=driven_oscillators,
                  tol=_LOCKIN, method=_OSC_METHOD, dimensions=_DIMS5, samples=25,
                  definitions={sigma_abs: _P_OVER_I},
                  statement=r"\sigma^{\rm mol}_{\rm abs}(\omega)=\frac\omega{\varepsilon_0c}\,\mathrm{Im}\,"
                            r"\alpha^{(\rm SI)}_{\rm iso}(\omega)",
                  notes="Symbolic model: time-averaged absorbed power omega Im(alpha) E0^2/2 over the intensity "
                        "eps0 c E0^2/2 for E(t) = E0 cos(omega t).")


# --- UF-06: (85)-(87) ---------------------------------------------------------------------------------------------
chi_e = sp.Symbol("chi_e", complex=True)
alpha_cell = sp.Symbol("alpha_cell", complex=True)
Omega = sp.Symbol("Omega", positive=True)
P_amp, E_c = sp.symbols("P_amp E_amp", complex=True)


def _observe_cell(osc) -> Observation:
    r = oscillator_response(osc)
    k = constants(osc.units)
    return Observation({"chi_e": r["P"] / (k["eps0"] * r["E"]), "alpha_cell": r["p"] / r["E"],
                        "epsilon_0": k["eps0"], "Omega": r["Omega"]})


@register("UF-06/85")
def chi_from_cell_polarizability() -> Claim:
    r"""Eq. (85): :math:`\chi_e=\alpha^{\rm cell}/(\varepsilon_0\Omega)`."""
    return _claim("UF-06/85", "susceptibility_is_cell_polarizability_over_eps0_Omega", chi_e,
                  alpha_cell / (eps0 * Omega), observe=_observe_cell, instances=driven_oscillators, tol=_LOCKIN,
                  method=_OSC_METHOD + "; one oscillator per cell of volume Omega = 1/N, chi_e = P/(eps0 E)",
                  definitions={chi_e: P_amp / (eps0 * E_c), alpha_cell: P_amp * Omega / E_c},
                  dimensions={chi_e: Dimension(1), alpha_cell: _POL, eps0: capacitance / length, Omega: length**3},
                  statement=r"\chi_{e,ij}(\omega)=\frac{\alpha^{\rm cell}_{ij}(\omega)}{\varepsilon_0\,\Omega}",
                  notes="Macroscopic field without local-field correction (P = p/Omega, chi = P/(eps0 E)). Eq. (86), "
                        "eps_r = 1 + chi_e, is the definition D = eps0 E + P and is not encoded separately; its use "
                        "with sigma is UF-04/80.")


@register("UF-06/87")
def sigma_from_alpha_sec5() -> Claim:
    r"""Eq. (87): :math:`\sigma=-\frac{i\omega}{\Omega}\alpha^{\rm cell}`."""
    c_ = sigma_pb20_claim("UF-06/87", "alpha")
    return Claim(**{**c_.__dict__, "statement": r"\sigma_{ij}(\omega)=-\,\frac{i\omega}\Omega\,\alpha^{\rm cell}_{ij}"
                                                r"(\omega)"})


# --- UF-07: (88) --------------------------------------------------------------------------------------------------
omega_p = sp.Symbol("omega_p", positive=True)
n_c = sp.Symbol("n", positive=True)
m_eff = sp.Symbol("m_eff", positive=True)


def _plasma_instances():
    return st.tuples(unit_systems(), st.one_of(st.just(1e28), st.floats(20.0, 30.0).map(lambda x: float(10.0**x))),
                     st.one_of(st.just(1.0), st.floats(-2.0, 1.0).map(lambda x: float(10.0**x))))


def _observe_plasma(inst) -> Observation:
    u, n_si, m_rel = inst
    k = constants(u)
    w = plasma_oscillation_omega(n_si, m_rel * sc.m_e)
    return Observation({"omega_p": u(w, T=-1), "n": u(n_si, L=-3), "m_eff": u(m_rel * sc.m_e, M=1), "e": k["e"],
                        "epsilon_0": k["eps0"], "alpha_fs": k["alpha_fs"], "c": k["c"], "hbar": k["hbar"]})


_PLASMA_TOL = Tolerance(rel=1e-9, reason="zero crossings of a DOP853 trajectory (rtol 1e-13) over 8 periods: "
                        "~1e-14 in the period; CODATA eps0 consistent with alpha_fs to 1.5e-10")
_PLASMA_METHOD = ("free oscillation of a slab of carriers (density n, mass m*, charge -e) displaced against the "
                  "fixed background, m x'' = -e (n e x/eps0), integrated in time in SI; omega_p from successive "
                  "upward zero crossings; all quantities then expressed in a random system of units")
_DIMS7 = {**_DIMS, omega_p: 1 / time, n_c: 1 / length**3, m_eff: mass}


@register("UF-07")
def plasma_frequency_alpha_fs() -> Claim:
    r"""Eq. (88), second form: :math:`\omega_p^2=4\pi\alpha_{\rm fs}c\,n\hbar/m^*`."""
    return _claim("UF-07", "plasma_frequency_squared_is_4pi_alpha_fs_c_n_hbar_over_m", omega_p**2,
                  4 * sp.pi * alpha_fs * c * n_c * hbar / m_eff, observe=_observe_plasma,
                  instances=_plasma_instances, tol=_PLASMA_TOL, method=_PLASMA_METHOD, dimensions=_DIMS7,
                  samples=15,
                  definitions={omega_p: sp.sqrt(n_c * e**2 / (eps0 * m_eff)),
                               alpha_fs: e**2 / (4 * sp.pi * eps0 * hbar * c)},
                  statement=r"\omega_p^2=\frac{ne^2}{\varepsilon_0m^\ast}=4\pi\,\alpha_{\rm fs}\,c\,\frac{n\hbar}{m^\ast}",
                  notes="Symbolic model: the slab's restoring force per displacement n e^2/eps0 over m*.")


@register("UF-07/SI")
def plasma_frequency_si() -> Claim:
    r"""Eq. (88), first form (= Eq. 73, SI): :math:`\omega_p^2=ne^2/(\varepsilon_0m^*)`."""
    return _claim("UF-07/SI", "plasma_frequency_squared_is_n_e2_over_eps0_m", omega_p**2,
                  n_c * e**2 / (eps0 * m_eff), observe=_observe_plasma, instances=_plasma_instances,
                  tol=_PLASMA_TOL, method=_PLASMA_METHOD, dimensions=_DIMS7, samples=15, headline=False,
                  definitions={omega_p: sp.sqrt(n_c * e**2 / (eps0 * m_eff))},
                  statement=r"\omega_p^2=\frac{ne^2}{\varepsilon_0m^\ast}")


# --- UF-08: (90) --------------------------------------------------------------------------------------------------
A_s = sp.Symbol("A", nonnegative=True)
Z0 = sp.Symbol("Z_0", positive=True)
yr, yi = sp.Symbol("y_r", nonnegative=True), sp.Symbol("y_i", real=True)
n1, n2 = sp.symbols("n_1 n_2", positive=True)


def _observe_z0(u) -> Observation:
    k = constants(u)
    return Observation({"mu_0": k["mu0"], "epsilon_0": k["eps0"], "c": k["c"]})


@register("UF-08/Z0")
def vacuum_impedance() -> Claim:
    r"""Text before (90): :math:`Z_0=\sqrt{\mu_0/\varepsilon_0}=1/(\varepsilon_0c)`."""
    return _claim("UF-08/Z0", "vacuum_impedance_is_one_over_eps0_c", sp.sqrt(mu0 / eps0), 1 / (eps0 * c),
                  observe=_observe_z0, instances=unit_systems, definitions={mu0: 1 / (eps0 * c**2)},
                  statement=r"Z_0=\sqrt{\mu_0/\varepsilon_0}=1/(\varepsilon_0c)", headline=False,
                  notes="Table 1 prints Z0 = 3.7673e2 ohm, CODATA 376.730313668 ohm: consistent to the 5 printed "
                        "digits.")


def _observe_sheet(inst) -> Observation:
    u, s_si = inst
    k = constants(u)
    y = complex(np.sqrt(sc.mu_0 / sc.epsilon_0) * s_si)        # dimensionless, unit independent
    return Observation({"A": sheet_fresnel(y, 1.0, 1.0)["A"], "sigma_2D": u(s_si, Q=2, T=1, M=-1, L=-2),
                        "epsilon_0": k["eps0"], "c": k["c"]})


_SHEET_METHOD = ("free-standing sheet (vacuum both sides, normal incidence): exact r, t from the boundary conditions "
                 "(E continuous, H jumps by sigma_2D E) as a 2 x 2 linear system, A = 1 - |r|^2 - |t|^2; sigma_2D "
                 "with Re >= 0 and |Z0 sigma_2D| in {}, expressed in a random system of units")


@register("UF-08")
def sheet_absorbance_thin_limit() -> Claim:
    r"""Eq. (90): :math:`A\simeq Z_0\mathrm{Re}\,\sigma_{2D}=\mathrm{Re}\,\sigma_{2D}/(\varepsilon_0c)` for
    :math:`|Z_0\sigma_{2D}|\ll1` (here <= 1e-6)."""
    return _claim("UF-08", "thin_sheet_absorbance_is_re_sigma_over_eps0_c_in_the_thin_limit", A_s,
                  sp.re(sigma2d) / (eps0 * c), observe=_observe_sheet,
                  instances=lambda: sheet_conductances(lo=1e-9, hi=1e-6), method=_SHEET_METHOD.format("[1e-9, 1e-6]"),
                  tol=Tolerance(rel=2e-6, abs=1e-15,
                                reason="the stated limit: A = 4 Re y/|2 + y|^2 = Re y [1 - (4 Re y + |y|^2)/|2 + y|^2],"
                                       " a relative deviation <= 1.0001 |y| <= 1e-6 for |y| <= 1e-6 (y = Z0 sigma); "
                                       "abs: round-off of 1 - R - T"),
                  dimensions={A_s: Dimension(1), sigma2d: _CONDUCTANCE, eps0: capacitance / length, c: velocity},
                  sample_residual=False,
                  statement=r"A(\omega)\simeq Z_0\,\mathrm{Re}\,\sigma_{2D}(\omega)=\frac{\mathrm{Re}\,\sigma_{2D}"
                            r"(\omega)}{\varepsilon_0c}\quad(|Z_0\sigma_{2D}|\ll1)",
                  assumptions=("free-standing sheet, vacuum on both sides, normal incidence", "|Z0 sigma_2D| <= 1e-6"),
                  notes="First order in y = Z0 sigma_2D of the exact A = 4 Re y/|2 + y|^2 (UF-08/exact). Outside the "
                        "limit it fails (UF-08/outside); the Fig. 3 sheet (sigma_0 = 5.0 mS, Table 1) has "
                        "Z0 sigma_0 = 1.88, where the exact A = 4(1.88)/(3.88)^2 = 0.50 against Z0 sigma_0 = 1.88 "
                        "(an 'absorbance' above 1). With a substrate n2 (Table 1: n2 = 1.5) the first-order "
                        "absorbance is 4 n1 Re y/(n1 + n2)^2, not Re y.")


@register("UF-08/exact")
def sheet_absorbance_exact() -> Claim:
    r"""Exact sheet absorbance between media n1 | n2: :math:`A=4n_1\mathrm{Re}\,y/|n_1+n_2+y|^2`, y = Z0 sigma_2D."""
    y = yr + sp.I * yi
    # boundary conditions: 1 + r = t; n1 (1 - r) - n2 t = y t  -> Cramer's rule
    r_ = (n1 - n2 - y) / (n1 + n2 + y)
    t_ = 2 * n1 / (n1 + n2 + y)
    A_model = 1 - r_ * sp.conjugate(r_) - n2 / n1 * t_ * sp.conjugate(t_)

    def obs(inst):
        yy, a, b = inst
        return Observation({"A": sheet_fresnel(yy, a, b)["A"], "y_r": yy.real, "y_i": yy.imag, "n_1": a, "n_2": b})

    ys = st.tuples(st.floats(-6.0, 1.0).map(lambda x: float(10.0**x)), st.floats(-np.pi / 2, np.pi / 2)).map(
        lambda mp: complex(mp[0] * np.cos(mp[1]), mp[0] * np.sin(mp[1])))
    return _claim("UF-08/exact", "sheet_absorbance_exact_between_two_media", A_s,
                  4 * n1 * yr / ((n1 + n2 + yr)**2 + yi**2), observe=obs,
                  instances=lambda: st.tuples(ys, st.floats(1.0, 4.0), st.floats(1.0, 4.0)),
                  tol=Tolerance(rel=1e-9, abs=1e-14, reason="2 x 2 linear solve and 1 - R - T: round-off"),
                  method="exact boundary-condition solution (numerics.units.sheet_fresnel), A = 1 - R - T with "
                         "T = (n2/n1)|t|^2; random y with Re y >= 0, |y| in [1e-6, 10], n1, n2 in [1, 4]",
                  definitions={A_s: A_model}, dimensions={A_s: Dimension(1), yr: Dimension(1), yi: Dimension(1),
                                                          n1: Dimension(1), n2: Dimension(1)},
                  headline=False, sample_residual=True,
                  statement=r"A=\frac{4n_1\,\mathrm{Re}\,y}{|n_1+n_2+y|^2},\quad y=Z_0\sigma_{2D}",
                  notes="Derived from the sheet boundary conditions (continuous tangential E; jump of tangential H "
                        "equal to sigma_2D E): r = (n1 - n2 - y)/(n1 + n2 + y), t = 2 n1/(n1 + n2 + y). For "
                        "n1 = n2 = 1 and |y| << 1, A = Re y + O(|y|^2): Eq. (90).")


@register("UF-08/outside")
def sheet_absorbance_outside_limit() -> Claim:
    r"""Eq. (90) applied outside its stated limit, |Z0 sigma| in [0.1, 10] (Fig. 3: Z0 sigma_0 = 1.88)."""
    c_ = sheet_absorbance_thin_limit()
    return Claim(**{**c_.__dict__, "id": "UF-08/outside", "headline": False,
                    "name": "thin_sheet_absorbance_linear_form_outside_its_limit",
                    "numeric": NumericCheck(instances=lambda: sheet_conductances(lo=0.1, hi=10.0),
                                            observe=_observe_sheet, tolerance=c_.numeric.tolerance,
                                            method=_SHEET_METHOD.format("[0.1, 10]"), samples=15),
                    "assumptions": ("free-standing sheet, vacuum on both sides", "|Z0 sigma_2D| in [0.1, 10]: NOT "
                                    "the stated limit"),
                    "notes": "Not a claim of the paper: it documents where (90) stops being usable. The paper uses "
                             "sigma_0 = 5 mS (Table 1) for Fig. 3, i.e. Z0 sigma_0 = 1.88, outside |Z0 sigma| << 1: "
                             "there (90) gives 1.88 and the exact free-standing A is 0.50."})


# --- UF-09: (91) --------------------------------------------------------------------------------------------------
@register("UF-09")
def graphene_pi_alpha() -> Claim:
    r"""Eq. (91): :math:`\frac{e^2}{4\hbar\varepsilon_0c}=\pi\alpha_{\rm fs}`."""
    return _claim("UF-09", "graphene_absorbance_e2_over_4hbar_eps0_c_is_pi_alpha_fs", e**2 / (4 * hbar * eps0 * c),
                  sp.pi * alpha_fs, observe=_observe_constants, instances=unit_systems, definitions=_SI_DEFS,
                  statement=r"A\simeq\frac{e^2}{4\hbar\,\varepsilon_0c}=\pi\,\alpha_{\rm fs}",
                  notes="The identity of the two printed expressions; their relation to the exact absorbance is "
                        "UF-09/exact and UF-09/opacity.")


_PRINTED_23 = Tolerance(abs=5e-4, rel=0.0, reason="the printed value 2.3% has two significant digits: half a unit "
                        "of the last digit")


def _observe_graphene(u) -> Observation:
    k = constants(u)
    y = sc.e**2 / (4 * sc.hbar) * np.sqrt(sc.mu_0 / sc.epsilon_0)        # Z0 e^2/(4 hbar) = pi alpha_fs
    f = sheet_fresnel(complex(y), 1.0, 1.0)
    return Observation({"alpha_fs": k["alpha_fs"], "A": f["A"], "opacity": 1.0 - f["T"]})


@register("UF-09/value")
def graphene_pi_alpha_value() -> Claim:
    r"""Eq. (91): :math:`\pi\alpha_{\rm fs}\approx2.3\%`."""
    return _claim("UF-09/value", "pi_alpha_fs_is_2_point_3_percent", sp.pi * alpha_fs, sp.Rational(23, 1000),
                  observe=_observe_graphene, instances=unit_systems, tol=_PRINTED_23,
                  method="CODATA alpha_fs", sample_residual=False, headline=False,
                  dimensions={alpha_fs: Dimension(1)}, statement=r"\pi\,\alpha_{\rm fs}\approx2.3\%",
                  notes="pi alpha_fs = 0.022925.")


@register("UF-09/exact")
def graphene_exact_absorbance() -> Claim:
    r"""Eq. (91) read as the absorbance of free-standing graphene: exact A at sigma_2D = e^2/(4 hbar) is 2.3%."""
    A_ = sp.Symbol("A", nonnegative=True)
    return _claim("UF-09/exact", "free_standing_graphene_exact_absorbance_is_2_point_3_percent", A_,
                  sp.Rational(23, 1000), observe=_observe_graphene, instances=unit_systems, tol=_PRINTED_23,
                  method="exact free-standing sheet (boundary conditions, A = 1 - R - T) at y = Z0 e^2/(4 hbar) "
                         "from CODATA", sample_residual=False, headline=False, dimensions={A_: Dimension(1)},
                  statement=r"A\approx2.3\%\quad(\sigma_{2D}=e^2/4\hbar,\ \text{exact free-standing sheet})",
                  notes="Exact A = 4y/(2 + y)^2 = pi alpha_fs/(1 + pi alpha_fs/2)^2 = 0.02241, i.e. 2.2% at the "
                        "printed precision: the first-order (90) overestimates the absorbance by a relative "
                        "pi alpha_fs (2.3%). What Nair et al. measured, the opacity 1 - T = 0.02253, rounds to "
                        "2.3% (UF-09/opacity). The difference from the printed value is small (0.06 points) but "
                        "beyond its rounding.")


@register("UF-09/opacity")
def graphene_opacity() -> Claim:
    r"""The observed quantity (Nair 2008): opacity 1 - T of free-standing graphene is 2.3%."""
    op = sp.Symbol("opacity", nonnegative=True)
    return _claim("UF-09/opacity", "free_standing_graphene_opacity_is_2_point_3_percent", op, sp.Rational(23, 1000),
                  observe=_observe_graphene, instances=unit_systems, tol=_PRINTED_23,
                  method="exact free-standing sheet (boundary conditions) at y = Z0 e^2/(4 hbar) from CODATA; "
                         "opacity = 1 - T", sample_residual=False, headline=False, dimensions={op: Dimension(1)},
                  statement=r"1-T\approx2.3\%\quad(\text{as observed in Nair et al. 2008})",
                  notes="1 - T = 1 - 1/(1 + pi alpha_fs/2)^2 = 0.02253 = A + R with R = 1.3e-4.")
