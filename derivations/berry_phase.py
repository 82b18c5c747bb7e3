r"""Berry-phase polarization current: :math:`J^{(p)}=\frac{e\dot\zeta}{\pi}\mathrm{Im}\int dk\,\langle\partial_\zeta u_k|
\partial_ku_k\rangle` and the surface-charge current of a band, :math:`\dot\sigma_L=e\dot X/|\Omega|`.

Overview
    Eq. 14 (King-Smith-Vanderbilt form of the current) against the bulk current of open Rice-Mele chains; the
    symmetry argument of Sec. IV.H (no current for an inversion-symmetric evolution); the claim of Sec. V.B that
    the MTOP applies to any smooth orthonormal family reproducing n (refuted: two families with identical densities
    give different currents); Eq. 62 and its Wannier-centre form (Sec. XII.A); the quantum of polarization Eq. 56.
Key claims
    T-A-26, T-A-16, T-A-16/caption, T-A-27, T-B-16, T-B-16/9, T-B-21, T-B-10.
Conventions
    e = 1 in numerics, electrons -e, ions +e at x_ion (static). J_x is the cell-averaged x-current; the current of
    Eqs. 59-62 is the rate of the left-surface charge, :math:`\dot\sigma_L=\hat n\cdot J` with :math:`\hat n=-\hat x`.
    u_k carries the site phases (tight-binding convention II) and is normalised to one per cell.
References
    [1] P. Tangney (2024), Eqs. 9, 14, 56, 62; Secs. IV.H, V.B, XII.A.
"""

from __future__ import annotations

import numpy as np
import sympy as sp
from sympy.physics.units import charge, current, time
from sympy.physics.units.dimensions import Dimension
from hypothesis import strategies as st
from scipy.optimize import brentq

from derivcheck import Claim, NumericCheck, Observation, Reject, Relation, Tolerance, register, spec_entry
from numerics.crystals import CrystalSlab
from numerics.packets import MovingCrystal, moving_crystals
from numerics.tight_binding import (RiceMele, _shifted, bulk_cell_current, open_chain_sigma, rice_mele_eq14_integral,
                                    rice_mele_lower_band, rice_mele_paths, rice_mele_wannier_centre, ssh_chains, wrap)

__all__ = ["eq14_current", "inversion_symmetric_evolution_carries_no_current", "two_peak_current",
           "mtop_current_is_a_functional_of_the_density", "eq62_surface_current", "eq62_is_eq9_along_normal",
           "wannier_centre_current", "polarization_quantum"]

t, x, zeta = sp.symbols("t x zeta", real=True)
a = sp.Symbol("a", positive=True)
e = sp.Symbol("e", positive=True)
J, I_k, zeta_dot, q, xdot, sigma_dot = sp.symbols("J I_k zeta_dot q xdot sigma_dot", real=True)
n_hat = sp.Symbol("n_hat", real=True, nonzero=True)
P_1, P_2 = sp.symbols("P_1 P_2", real=True)

_H = 1e-4
_N_K = 1000
_N_CELLS = 100


def _claim(claim_id, name, lhs, rhs, *, numeric, definitions=None, **kw) -> Claim:
    spec = spec_entry(claim_id.split("/")[0])
    return Claim(id=claim_id, name=name, paper="tangney2024", location=kw.pop("location", spec["location"]),
                 statement=kw.pop("statement", spec["statement"]), title=kw.pop("title", spec["title"]),
                 lhs=lhs, rhs=rhs, definitions=definitions or {}, numeric=numeric, headline=True,
                 assumptions=kw.pop("assumptions", ("gapped occupied band along the path", "adiabatic evolution")),
                 **kw)


_OPEN_TOL = Tolerance(abs=1e-7, rel=1e-6, reason="Eq. 14 integrand on 256 k-points: periodic trapezoid rule, "
                      "spectrally accurate (measured 1e-10); d/dzeta by central differences h = 1e-4: O(h^2) ~ 1e-8; "
                      "open-chain bulk current exact up to exp(-50 cells/xi) and O(h^2)")

_WILSON_TOL = Tolerance(abs=2e-5, rel=1e-4, reason="Wilson-loop Wannier centre with 1000 k-points: O(1/n_k^2), "
                        "measured < 3e-7 at gap 0.2 (refinement test); O(h^2) central differences ~1e-8; Eq. 51 on "
                        "the open chain exact up to exp(-50 cells/xi)")


def _dX(model, d, h=_H):
    f = lambda z: rice_mele_wannier_centre(model.t1 + z * d[0], model.t2 + z * d[1], model.delta + z * d[2],  # noqa
                                           model.tau_A, model.tau_B, model.a, _N_K)
    return float(wrap(f(h) - f(-h), model.a) / (2 * h))


def _observe_eq14(inst) -> Observation:
    model, d = inst
    return Observation({"J": bulk_cell_current(model, _N_CELLS, d), "e": 1.0, "zeta_dot": 1.0,
                        "I_k": rice_mele_eq14_integral(model, d)})


@register("T-A-26")
def eq14_current() -> Claim:
    r"""Eq. 14: :math:`\mathbf J^{(p)}=\frac{e\dot\zeta}\pi\mathrm{Im}\int_{\Omega^*}dk\,\langle\partial_\zeta u_k|
    \partial_ku_k\rangle` (one occupied band, cell-normalised u)."""
    return _claim(
        "T-A-26", "berry_phase_current_equals_bulk_current", J, e * zeta_dot / sp.pi * I_k, sample_residual=False,
        dimensions={J: current, e: charge, zeta_dot: 1 / time, I_k: Dimension(1)},   # 1D current; zeta dimensionless
        numeric=NumericCheck(
            instances=rice_mele_paths, observe=_observe_eq14, tolerance=_OPEN_TOL, samples=12,
            method="random gapped Rice-Mele chains and path directions; lhs: cell-averaged bulk bond current of a "
                   "100-cell open chain (d charge-left-of-bond / dzeta); rhs: Eq. 14 integrand from the smooth "
                   "closed-form gauge with site phases, d/dzeta by central differences, d/dk spectrally"),
        notes="J is the x-component of the bulk current (Eq. 9 convention). With the torus normalisation of "
              "Sec. V.B.1 (sum_g |phi(g)|^2 = 1/S) the same expression would be scaled by 1/S^2; the cell "
              "normalisation is the one under which Eq. 14 holds.")


@st.composite
def _symmetric_pairs(draw):
    m1 = draw(ssh_chains())
    t1b = draw(st.floats(0.3, 1.5))
    t2b = draw(st.floats(0.3, 1.5))
    if (t1b - t2b) * (m1.t1 - m1.t2) <= 0 or abs(t1b - t2b) < 0.1:
        from hypothesis import assume
        assume(False)
    return m1, RiceMele(t1b, t2b, 0.0, m1.tau_A, m1.tau_B, m1.a, m1.x_ion)


def _P(model):
    X = rice_mele_wannier_centre(model.t1, model.t2, model.delta, model.tau_A, model.tau_B, model.a, 400)
    return float((model.x_ion - X) / model.a)        # e = 1: ion +e at x_ion, electron -e at X


@register("T-A-16")
def inversion_symmetric_evolution_carries_no_current() -> Claim:
    """Sec. IV.H: for an inversion-symmetric evolution 'the existence of a net current is prohibited by symmetry'.
    Encoded as: the Berry-phase polarization is the same (mod e/a) at the two ends of any gapped Delta = 0 path."""
    return _claim(
        "T-A-16", "inversion_symmetric_evolution_transports_no_charge", P_1, P_2, relation=Relation.MOD,
        quantum=e / a, sample_residual=False,
        numeric=NumericCheck(
            instances=_symmetric_pairs, observe=lambda p: Observation({"P_1": _P(p[0]), "P_2": _P(p[1]), "e": 1.0,
                                                                       "a": p[0].a}),
            tolerance=Tolerance(abs=1e-10, reason="inversion pins the Wilson-loop phase to 0 or pi exactly; "
                                "round-off of a 400-term phase sum"),
            samples=20, method="pairs of SSH (Delta = 0) chains on the same side of the gap closing t1 = t2, same "
                               "site positions; P = (e/a)(x_ion - X_W) by the Wilson loop"),
        notes="With Delta != 0 the same paths do carry current (tests/test_berry_phase.py contrasts them). The "
              "six-cell argument (N_Omega = 6, C' = c'/6) is not encoded.")


def _observe_caption(inst) -> Observation:
    mc, f = inst
    xb = mc.bulk_cut(f)
    qs, _, _, vs = mc.cell_packets(xb)
    return Observation({"J": mc.cell_average_current(xb), "C": float(np.sum(qs * vs)), "a": mc.slab.a})


@register("T-A-16/caption")
def two_peak_current() -> Claim:
    r"""Fig. 2 caption: with fixed peak charges the current per unit length is :math:`(q_1\dot x_1+q_2\dot x_2)/a`."""
    q1, q2, v1, v2, y1, y2 = sp.symbols("q_1 q_2 v_1 v_2 y_1 y_2", real=True)
    C = sp.Symbol("C", real=True)
    g = sp.DiracDelta                                                         # peaks as points (Eq. 57 localisation)
    j = q1 * v1 * g(x - y1 - v1 * t) + q2 * v2 * g(x - y2 - v2 * t)          # continuity current of moving peaks
    return _claim(
        "T-A-16/caption", "two_fixed_charge_peaks_carry_current_q1v1_plus_q2v2_over_a", J, C / a,
        definitions={J: sp.Integral(j, (x, -sp.oo, sp.oo)) / a, C: q1 * v1 + q2 * v2},
        statement=r"\mathbf J=(q_1\dot x_1+q_2\dot x_2)/a",
        numeric=NumericCheck(
            instances=lambda: st.tuples(moving_crystals(adsorbates=False), st.floats(0.0, 1.0)),
            observe=_observe_caption, samples=12,
            tolerance=Tolerance(abs=1e-10, rel=1e-10, reason="cell average of the continuity current by "
                                "20-node Gauss-Legendre on panels of one smearing width: round-off"),
            method="periodic Gaussian peaks (2-4 per cell) moving rigidly; cell average of j = sum q v g by "
                   "quadrature vs the packet sum"),
        notes="J is the x-current (cell average of the continuity current).")


# --- T-A-27: two families with the same density ---------------------------------------------------------------------
def _nA(t1, t2, delta, n_k=256):
    k = 2 * np.pi * np.arange(n_k) / n_k
    cA, _ = rice_mele_lower_band(t1, t2, delta, k)
    return float(np.mean(np.abs(cA) ** 2))


def _delta_for(t1, t2, n_target):
    return brentq(lambda dl: _nA(t1, t2, dl) - n_target, 1e-6, 20.0, xtol=1e-14)


@st.composite
def _rm2_points(draw):
    """RM2-type paths: t1 = 1, t2 in [0.3, 0.9], Delta(t2) keeping the bulk A occupation at n_A in [0.2, 0.4]."""
    t2 = draw(st.one_of(st.just(0.6), st.floats(0.3, 0.9)))
    nA = draw(st.one_of(st.just(0.30), st.floats(0.2, 0.4)))
    tau_A = draw(st.floats(0.0, 0.4))
    tau_B = draw(st.floats(tau_A + 0.05, 0.95))
    return t2, nA, tau_A, tau_B


def _observe_27(inst) -> Observation:
    t2, nA, tA, tB = inst
    h = 1e-4
    dD = (_delta_for(1.0, t2 + h, nA) - _delta_for(1.0, t2 - h, nA)) / (2 * h)
    model = RiceMele(1.0, t2, _delta_for(1.0, t2, nA), tA, tB)
    d = np.array([0.0, 1.0, dD])
    J_eig = rice_mele_eq14_integral(model, d) / np.pi               # family (a): occupied eigenstates along path
    J_frozen = rice_mele_eq14_integral(model, np.zeros(3)) / np.pi  # family (b): orbitals frozen at this point
    return Observation({"J_a": J_eig, "J_b": J_frozen})


@register("T-A-27")
def mtop_current_is_a_functional_of_the_density() -> Claim:
    """Sec. V.B end: the MTOP applies whenever n is a sum of densities of smoothly evolving orthonormal functions of
    fixed norm. Encoded as: two such families with the same n(zeta) give the same Eq. 14 current."""
    J_a, J_b = sp.symbols("J_a J_b", real=True)
    return _claim(
        "T-A-27", "mtop_current_depends_only_on_the_density", J_a, J_b, sample_residual=False,
        numeric=NumericCheck(
            instances=_rm2_points, observe=_observe_27, samples=10,
            tolerance=Tolerance(abs=1e-7, rel=1e-6, reason="Eq. 14 by spectral k-integration and O(h^2) central "
                                "differences; Delta(t2) by Brent root finding to 1e-14"),
            method="RM2-type paths (t1 = 1, Delta(t2) keeps the bulk site occupations static): Eq. 14 with (a) the "
                   "occupied Bloch states along the path and (b) the Bloch states frozen at the current point, "
                   "which are orthonormal, of fixed norm and give the same (static) site densities"),
        notes="The current is a functional of the family {phi_i(zeta)}, not of n(zeta): along RM2 the site "
              "densities are static, the frozen family gives zero current, the physical family does not (the "
              "open-chain current agrees with family (a); see T-A-26).")


# --- Eq. 62 and the Wannier-centre current ------------------------------------------------------------------------
def _sigma_dot_open(model, d):
    xb = (_N_CELLS // 2) * model.a + 0.5 * (model.tau_A + model.tau_B) + 0.013 * model.a   # no site at x_b
    s = []
    for z in (-_H, _H):
        m = _shifted(model, z, d)
        from numerics.tight_binding import open_chain_state
        _, (homo, lumo) = open_chain_state(m, _N_CELLS)
        if lumo - homo < 0.02:
            raise Reject("near-degenerate edge states at the Fermi level")
        s.append(open_chain_sigma(m, _N_CELLS, xb))
    if abs(s[1] - s[0]) > 0.3:
        raise Reject("an edge state changed occupation")
    return (s[1] - s[0]) / (2 * _H)


def _observe_62(inst) -> Observation:
    model, d = inst
    return Observation({"sigma_dot": _sigma_dot_open(model, d), "q": -1.0, "xdot": _dX(model, d), "a": model.a,
                        "e": 1.0})


def _packet_sigma_model():
    X0_, v, xi, xb = sp.symbols("X_0 v x_ion x_b", real=True)
    X = X0_ + v * t
    # Eq. 58 with one ion (+e) and one electron packet (-e) per cell, both in the cell after x_b
    sigma = -(e * (xi - xb) - e * (X - xb)) / a
    return sigma, v


@register("T-B-16")
def eq62_surface_current() -> Claim:
    r"""Eq. 62: :math:`\mathbf J^{(p)}=-\frac1a\sum_{x_i\in\Omega}q_i\dot x_i`, with J the rate of the surface charge
    (Eq. 59)."""
    sigma, v = _packet_sigma_model()
    return _claim(
        "T-B-16", "surface_charge_rate_equals_minus_packet_current_eq62", sigma_dot, -q * xdot / a,
        definitions={sigma_dot: sp.diff(sigma, t), q: -e, xdot: v},
        statement=r"\mathbf J^{(p)}=-\frac1a\sum_{i:x_i\in\Omega}q_i\dot x_i",
        numeric=NumericCheck(
            instances=rice_mele_paths, observe=_observe_62, tolerance=_WILSON_TOL, samples=12,
            method="100-cell open Rice-Mele chains with ions +e at x_ion: sigma_L by Eq. 51 on the point charges at "
                   "a bulk cut, d/dzeta by central differences; Wannier centre from the Wilson loop (q = -e)"))


def _observe_62_9(inst) -> Observation:
    model, d = inst
    return Observation({"sigma_dot": _sigma_dot_open(model, d), "J": bulk_cell_current(model, _N_CELLS, d),
                        "n_hat": -1.0})


@register("T-B-16/9")
def eq62_is_eq9_along_normal() -> Claim:
    r"""Eq. 62 'is equivalent to the MTOP definition' (Eq. 9): the Eq. 62 current is :math:`\hat n\cdot\mathbf J` of
    Eq. 9 with :math:`\hat n=-\hat x`, the outward normal of the surface at x_L."""
    sigma, v = _packet_sigma_model()
    return _claim(
        "T-B-16/9", "eq62_current_is_eq9_current_along_outward_normal", sigma_dot, n_hat * J,
        definitions={sigma_dot: sp.diff(sigma, t), J: -e * v / a, n_hat: -1},
        statement=r"\mathbf J^{(p)}=-\frac1a\sum_{i:x_i\in\Omega}q_i\dot x_i\ \text{is equivalent to}\ "
                  r"\mathbf J^{(p)}=\frac1{|V|}\sum_{x_i\in V}q_i\dot x_i",
        numeric=NumericCheck(
            instances=rice_mele_paths, observe=_observe_62_9, tolerance=_WILSON_TOL, samples=10,
            method="open Rice-Mele chains: sigma_L' by Eq. 51 vs the cell-averaged bulk x-current"),
        notes="Literally, Eq. 62 and Eq. 9 differ by a sign; they agree once Eq. 62's J is read as the component "
              "along the outward normal of the left surface (as in the last member of Eq. 61), J_62 = -J_x.")


@register("T-B-21")
def wannier_centre_current() -> Claim:
    r"""Sec. XII.A: 'It follows from Eq. 62 that :math:`\mathbf J^{(p)}_\alpha=e\dot X/|\Omega|`'."""
    sigma, v = _packet_sigma_model()
    return _claim(
        "T-B-21", "band_current_is_e_times_wannier_centre_velocity_per_cell", sigma_dot, e * xdot / a,
        definitions={sigma_dot: sp.diff(sigma, t), xdot: v},
        statement=r"\mathbf J_\alpha^{(p)}=e\dot X/|\Omega|",
        numeric=NumericCheck(
            instances=rice_mele_paths, observe=_observe_62, tolerance=_WILSON_TOL, samples=12,
            method="open Rice-Mele chains: sigma_L' (Eq. 51, point charges) vs (e/a) X_W' (Wilson loop)"),
        notes="J is the rate of the left surface charge (Eq. 59 convention); as an x-current it would be -e X'/a.")


# --- T-B-10: quantum of polarization ---------------------------------------------------------------------------------
@st.composite
def _terminations(draw):
    mc = draw(moving_crystals(adsorbates=False, integer_charges=True))
    slab = mc.slab
    b1 = draw(st.floats(0.0, 0.999)) * slab.a
    b2 = draw(st.floats(0.0, 0.999)) * slab.a
    A = draw(st.one_of(st.just(1.0), st.floats(0.5, 3.0)))
    return slab, b1, b2, A


def _sigma_term(slab: CrystalSlab, b: float) -> float:
    from dataclasses import replace
    s = replace(slab, b=b)
    return MovingCrystal(s, (), ()).sigma(s)


def _observe_56(inst) -> Observation:
    slab, b1, b2, A = inst
    tau = np.asarray(slab.tau)
    for b in (b1, b2):                          # Eq. 56 assumes pristine cuts, not through a smeared charge
        if np.min(np.abs(wrap(tau - b, slab.a))) < 8 * slab.width:
            raise Reject("the termination cuts through a smeared charge")
    return Observation({"P_1": _sigma_term(slab, b1) / A, "P_2": _sigma_term(slab, b2) / A, "e": 1.0,
                        "R": slab.a, "Omega": slab.a * A})


@register("T-B-10")
def polarization_quantum() -> Claim:
    r"""Eq. 56: values of the polarization (surface charge per area of different pristine terminations) differ by
    :math:`e\mathbf A/\Omega`, i.e. by integer multiples of :math:`eR/\Omega` with R = a along the normal (1D)."""
    R, Omega, A = sp.Symbol("R", positive=True), sp.Symbol("Omega", positive=True), sp.Symbol("A_Omega", positive=True)
    n1, n2 = sp.symbols("n_1 n_2", integer=True)
    taus = sp.symbols("tau_1:4", positive=True)
    b1, b2 = sp.symbols("b_1 b_2", positive=True)
    qs = [n1 * e, n2 * e, -(n1 + n2) * e]
    # cuts b1 < tau_1 < b2 < tau_2 < tau_3 < b1 + a: cell after b1 holds tau_1..3, after b2 holds tau_2, tau_3, tau_1+a
    sig1 = -sum(qq * (tt - b1) for qq, tt in zip(qs, taus)) / a
    sig2 = -(qs[0] * (taus[0] + a - b2) + qs[1] * (taus[1] - b2) + qs[2] * (taus[2] - b2)) / a
    return _claim(
        "T-B-10", "polarizations_of_terminations_differ_by_quanta_eR_over_Omega", P_1, P_2, relation=Relation.MOD,
        quantum=e * R / Omega,
        definitions={P_1: sig1 / A, P_2: sig2 / A, R: a, Omega: a * A},
        statement=spec_entry("T-B-10")["statement"],
        numeric=NumericCheck(
            instances=_terminations, observe=_observe_56, samples=12,
            tolerance=Tolerance(abs=1e-9, rel=1e-9, reason="Eq. 49 kernel average by Gauss-Legendre at round-off; "
                                "Gaussian tails cut at 12 widths (< 1e-31)"),
            method="G1 crystals with integer charges (units of e), two random pristine terminations b1, b2; sigma by "
                   "the Eq. 49 kernel average; cross-section A_Omega random"),
        notes="1D reading: P = sigma/A_Omega along the normal, R = a (the lattice vector a_1), Omega = a A_Omega, "
              "so the quantum e R/Omega = e/A_Omega of the printed display.")
