r"""Length-gauge Kubo-Lehmann polarizability: :math:`\alpha_{ij}(\omega)=\sum_n\ldots`, its symmetry, positivity,
Kramers-Kronig relations and SI prefactors (Tantardini et al. 2025, Sec. II, Eqs. 1, 3-10, 22).

Overview
    The reference for every sign is Eq. (2), :math:`\delta H=-E\cdot\mu`: the physical polarizability is the
    coefficient in :math:`\delta\langle\mu_i\rangle(\omega)=\alpha_{ij}(\omega)E_j(\omega)`, measured here by
    propagating a kicked thermal state (:func:`numerics.response.kick_polarizability`). The Kubo formula as printed,
    Eq. (3), carries a factor :math:`-i`; linear response to Eq. (2) gives :math:`+i`, so Eqs. (3)-(4) are the
    negative of the physical polarizability (static value < 0, Im alpha_ii < 0 for omega > 0), while Eq. (5) has the
    physical sign. The claims keep each printed form and let the numbers decide.
Key claims
    LG-01 (SI conversion), LG-03 (Kubo formula, sign), LG-04 (symmetry, positivity), LG-05 (Lehmann form of Eq. 3),
    LG-06 (T = 0 sum over states and static limit), LG-07 (isotropic trace), LG-08 (delta weights of Im alpha),
    LG-10 (Kramers-Kronig on omega > 0), LG-19 (absorption cross section, SI and a.u.).
Conventions
    Atomic units; mu = -x; :math:`\omega_{nm}=E_n-E_m`; :math:`\omega^+=\omega+i\eta` with a finite eta replacing
    0+, the transform kernel :math:`e^{i\omega^+t}` of Eq. (3). Sums over states are written with
    :class:`StateSum` over arrays that the numeric layer computes from each instance (energies, Boltzmann factors,
    dipole products), so the printed prefactors, signs and denominators are evaluated by the engine.
References
    [1] C. Tantardini, Q. Pitteloud, B. Yakobson, M. P. Andersson, "Gauge-invariant long-wavelength TDDFT without
        empty states" (2025), Sec. II.
"""

from __future__ import annotations

import numpy as np
import scipy.constants as sc
import sympy as sp
from hypothesis import strategies as st
from sympy.physics.units import area, capacitance, charge, energy, length, time, velocity
from sympy.physics.units.systems.si import Dimension

from derivcheck import Claim, NumericCheck, Observation, Reject, Relation, Tolerance, register, spec_entry
from numerics.hamiltonians import hermitian_models
from numerics.response import (commutator_transform, gauss_legendre_nodes, ground_arrays, kick_polarizability,
                               pair_arrays, physical_alpha, principal_value)

__all__ = ["StateSum", "si_polarizability_conversion", "kubo_formula_as_printed", "kubo_formula_with_plus_i",
           "symmetry_as_printed", "symmetry_reality", "positivity_as_printed", "positivity_physical",
           "lehmann_form_of_eq3", "zero_temperature_sum_as_printed", "zero_temperature_sum_corrected",
           "static_limit_as_printed", "static_limit_corrected", "eq4_at_zero_temperature_equals_eq5",
           "isotropic_trace", "delta_weights_positive_frequency", "delta_weights_negative_frequency",
           "kramers_kronig_real_part", "kramers_kronig_imaginary_part", "cross_section_si",
           "cross_section_atomic_units"]

PAPER = "tantardini2025"


class StateSum(sp.Function):
    """Sum over states: the sum of an array-valued expression over its last axis (numpy.sum in the numeric layer).

    Its argument is the printed summand, written in symbols that stand for per-state (or per-pair) arrays; the
    engine lambdifies it with numpy, so the printed summand is what gets summed.
    """

    nargs = 1

    def _code(self, printer):
        return f"sum({printer._print(self.args[0])}, axis=-1)"   # numpy's sum in lambdify's numpy namespace

    _pythoncode = _lambdacode = _numpycode = _scipycode = _code


# --- symbols -------------------------------------------------------------------------------------------------------
omega = sp.Symbol("omega", real=True)
eta = sp.Symbol("eta", positive=True)
Z = sp.Symbol("Z", positive=True)                       # partition function (energies shifted by E_0)
p_m, p_n = sp.symbols("p_m p_n", nonnegative=True)      # arrays: exp(-beta (E_m - E_0)), exp(-beta (E_n - E_0))
w = sp.Symbol("w", real=True)                           # array: omega_nm (pairs) or omega_n0 (excited states)
M = sp.Symbol("M", complex=True)                        # array: mu^i_mn mu^j_nm, or mu^i_0n mu^j_n0
mu2 = sp.Symbol("mu2", nonnegative=True)                # array: |mu_0n|^2 = sum_i |mu^i_0n|^2
alpha = sp.Symbol("alpha", complex=True)                # physical polarizability measured from the instance
C = sp.Symbol("C", complex=True)                        # int_0^oo e^{i w+ t} <[mu_i(t), mu_j]> dt, by quadrature

_ROUNDOFF = Tolerance(rel=1e-6, abs=1e-10, reason="kick response: O(kappa^2) = 1e-8 relative central-difference "
                      "error; time quadrature (16-node Gauss-Legendre, quarter-period panels, cut at e^-40): "
                      "round-off; 1e-6 leaves a margin of 100")
_EXACT = Tolerance(rel=1e-9, abs=1e-12, reason="closed-form sums against eigenbasis propagation: round-off of "
                   "eigh and of sums over <= 49 pairs, amplified by 1/gap for gaps >= 1e-3")


def _spec(spec_id: str) -> dict:
    return spec_entry(spec_id.split("/")[0])


def make_claim(claim_id: str, name: str, lhs, rhs, *, numeric: NumericCheck | None, statement: str | None = None,
               relation: Relation = Relation.EQ, **kw) -> Claim:
    """A claim of this paper with spec title/location/statement unless overridden."""
    spec = _spec(claim_id)
    return Claim(id=claim_id, name=name, paper=PAPER, location=kw.pop("location", spec["location"]),
                 statement=statement or spec["statement"], title=kw.pop("title", spec["title"]), lhs=lhs, rhs=rhs,
                 relation=relation, numeric=numeric, headline=kw.pop("headline", True),
                 sample_residual=kw.pop("sample_residual", False), **kw)


# --- instances -------------------------------------------------------------------------------------------------------
def kubo_instances(**model_kw):
    """(model, i, j, omega, eta): a Hermitian model with dipoles, components, a real frequency, a broadening."""
    model_kw.setdefault("max_dim", 5)
    return st.tuples(hermitian_models(**model_kw), st.integers(0, 2), st.integers(0, 2),
                     st.one_of(st.just(0.5), st.floats(-3.0, 3.0)), st.one_of(st.just(0.1), st.floats(0.05, 0.5)))


def _off_diagonal(**model_kw):
    return st.tuples(hermitian_models(**model_kw), st.sampled_from([(0, 1), (1, 0), (0, 2), (1, 2)]),
                     st.one_of(st.just(0.5), st.floats(0.01, 3.0)), st.one_of(st.just(0.1), st.floats(0.05, 0.5)))


# --- LG-01 -----------------------------------------------------------------------------------------------------------
alpha_SI = sp.Symbol("alpha_SI", real=True)
alpha_au = sp.Symbol("alpha_au", real=True)
epsilon_0, a_0, e_ch, hbar, c_light = sp.symbols("epsilon_0 a_0 e hbar c", positive=True)
_AU_POL = sc.physical_constants["atomic unit of electric polarizability"][0]
_A0 = sc.physical_constants["Bohr radius"][0]
_EH = sc.physical_constants["atomic unit of energy"][0]
_CODATA = Tolerance(rel=1e-9, reason="CODATA 2018 values in scipy.constants are consistent to their ~10 printed "
                    "digits (a_0, E_h and the polarizability unit are derived from the same adjusted set)")


@register("LG-01")
def si_polarizability_conversion() -> Claim:
    r"""Eq. (1): :math:`\alpha^{\rm SI}=4\pi\varepsilon_0a_0^3\alpha^{\rm au}`; the unit is :math:`e^2a_0^2/E_h`."""
    return make_claim(
        "LG-01", "si_polarizability_equals_4pi_eps0_a0_cubed_times_atomic_value",
        alpha_SI, 4 * sp.pi * epsilon_0 * a_0 ** 3 * alpha_au,                                  # [1] Eq. (1)
        definitions={alpha_SI: alpha_au * e_ch ** 2 * a_0 ** 2 / (e_ch ** 2 / (4 * sp.pi * epsilon_0 * a_0))},
        dimensions={alpha_SI: charge ** 2 * length ** 2 / energy, alpha_au: Dimension(1),
                    epsilon_0: capacitance / length, a_0: length},
        sample_residual=True,
        assumptions=("atomic unit of polarizability e^2 a_0^2 / E_h", "E_h = e^2 / (4 pi eps0 a_0)"),
        numeric=NumericCheck(
            instances=lambda: st.floats(-1e3, 1e3), tolerance=_CODATA, samples=20,
            observe=lambda a: Observation({"alpha_SI": a * _AU_POL, "alpha_au": a, "epsilon_0": sc.epsilon_0,
                                           "a_0": _A0}),
            method="random atomic-unit values converted with CODATA's 'atomic unit of electric polarizability'"))


# --- LG-03 -----------------------------------------------------------------------------------------------------------
def _observe_kubo(inst) -> Observation:
    model, i, j, om, et = inst
    return Observation({"alpha": kick_polarizability(model, i, j, om, et),
                        "C": commutator_transform(model, i, j, om, et)})


def _kubo_numeric(what: str) -> NumericCheck:
    return NumericCheck(instances=kubo_instances, observe=_observe_kubo, tolerance=_ROUNDOFF, samples=25,
                        method="random Hermitian models (real and complex, near-degenerate levels, beta in "
                               "[0.2, 5]); alpha from a delta kick delta H = -kappa delta(t) mu_j of the thermal "
                               "state (Eq. 2), exact propagation, Fourier transform with e^{i(w + i eta)t}; C by "
                               f"Gauss-Legendre time quadrature of <[mu_i(t), mu_j]>; {what}")


@register("LG-03")
def kubo_formula_as_printed() -> Claim:
    r"""Eq. (3) as printed: :math:`\alpha_{ij}=\int_0^\infty dt\,e^{i\omega^+t}(-i)\langle[\mu_i(t),\mu_j]\rangle`."""
    return make_claim("LG-03", "kubo_formula_gives_polarizability_as_printed", alpha, -sp.I * C,  # [1] Eq. (3)
                      numeric=_kubo_numeric("printed factor -i"),
                      assumptions=("delta H = -E . mu (Eq. 2)", "hbar = 1", "omega+ = omega + i eta"),
                      notes="First-order perturbation theory for delta H = -E(t) mu_j gives delta<mu_i>(t) = "
                            "i int_{-oo}^t <[mu_i(t), mu_j(t')]> E(t') dt', i.e. +i; the printed -i is the "
                            "convention for delta H = +E . mu. Every instance shows alpha = +i C = -(printed).")


@register("LG-03/fix")
def kubo_formula_with_plus_i() -> Claim:
    """Eq. (3) with the factor +i that linear response to Eq. (2) gives."""
    return make_claim("LG-03/fix", "kubo_formula_with_plus_i_gives_polarizability", alpha, sp.I * C,
                      numeric=_kubo_numeric("factor +i"), corrects="LG-03",
                      statement=r"\alpha_{ij}(\omega)=\int_0^\infty dt\,e^{i\omega^+t}\,(+i)\,"
                                r"\langle[\hat\mu_i(t),\hat\mu_j(0)]\rangle_0",
                      title="Kubo formula with the sign of delta H = -E . mu")


# --- LG-04 -----------------------------------------------------------------------------------------------------------
a_ij_minus = sp.Symbol("a_ij_minus", complex=True)     # alpha_ij(-omega), Eq. (3)
a_ji = sp.Symbol("a_ji", complex=True)                 # alpha_ji(omega)
a_ij = sp.Symbol("a_ij", complex=True)                 # alpha_ij(omega)


def _two_level_model() -> dict:
    r"""Symbolic two-level model of Eq. (4): levels E_0, E_1 with weights p_0, p_1 and off-diagonal dipole elements
    u = mu^i_01, v = mu^j_01 (complex, time reversal broken); diagonal elements drop out (p_m - p_n = 0)."""
    E0, E1 = sp.symbols("E_0 E_1", real=True)
    p0, p1 = sp.symbols("p_0 p_1", positive=True)
    u, v = sp.symbols("u v", complex=True)
    om, et = sp.Symbol("omega", real=True), sp.Symbol("eta", positive=True)

    def a(x, y, o):   # alpha_xy(o) of Eq. (4) for dipole elements x = mu^x_01, y = mu^y_01
        return ((p0 - p1) * x * sp.conjugate(y) / (o + sp.I * et - (E1 - E0))
                + (p1 - p0) * sp.conjugate(x) * y / (o + sp.I * et - (E0 - E1)))

    return {a_ij_minus: a(u, v, -om), a_ji: a(v, u, om), a_ij: a(u, v, om)}


def _observe_symmetry(inst) -> Observation:
    model, (i, j), om, et = inst
    a3 = lambda k, l, o: -physical_alpha(model, k, l, o, et)      # alpha as in Eq. (3) = -(physical), LG-03
    return Observation({"a_ij_minus": a3(i, j, -om), "a_ji": a3(j, i, om), "a_ij": a3(i, j, om)})


def _symmetry_numeric() -> NumericCheck:
    return NumericCheck(instances=_off_diagonal, observe=_observe_symmetry, tolerance=_ROUNDOFF, samples=25,
                        method="alpha of Eq. (3) (the negative of the kick response, LG-03) at +-omega, off-diagonal components; "
                               "real-symmetric and complex-Hermitian models")


@register("LG-04/sym")
def symmetry_as_printed() -> Claim:
    r"""'Causality implies :math:`\alpha_{ij}(-\omega)=\alpha_{ji}(\omega)^*`.'"""
    return make_claim("LG-04/sym", "alpha_ij_at_minus_omega_equals_conjugate_alpha_ji_as_printed",
                      a_ij_minus, sp.conjugate(a_ji), numeric=_symmetry_numeric(), definitions=_two_level_model(),
                      sample_residual=True,
                      statement=r"\alpha_{ij}(-\omega)=\alpha_{ji}(\omega)^{\ast}",
                      notes="Relabelling m <-> n in Eq. (4) gives alpha_ij(-w) = alpha_ij(w)^* (reality of the "
                            "response to a real field), for any Hermitian H0. alpha_ij = alpha_ji needs time-"
                            "reversal symmetry (Onsager), so the printed relation fails for complex-Hermitian H0 "
                            "with complex dipoles; causality is not what it rests on.")


@register("LG-04/sym/fix")
def symmetry_reality() -> Claim:
    r""":math:`\alpha_{ij}(-\omega)=\alpha_{ij}(\omega)^*` for every component and every Hermitian H0."""
    return make_claim("LG-04/sym/fix", "alpha_ij_at_minus_omega_equals_its_own_conjugate",
                      a_ij_minus, sp.conjugate(a_ij), numeric=_symmetry_numeric(), corrects="LG-04/sym",
                      definitions=_two_level_model(), sample_residual=True, symbolic_timeout=30,
                      statement=r"\alpha_{ij}(-\omega)=\alpha_{ij}(\omega)^{\ast}",
                      title="Reality condition of the polarizability (any H0)")


def _diag_positive():
    return st.tuples(hermitian_models(), st.integers(0, 2), st.one_of(st.just(0.5), st.floats(0.01, 3.0)),
                     st.one_of(st.just(0.1), st.floats(0.05, 0.5)))


def _observe_positivity(inst) -> Observation:
    model, i, om, et = inst
    return Observation({"C": -1j * physical_alpha(model, i, i, om, et)})     # alpha = +i C (LG-03/fix)


def _positivity_numeric(what) -> NumericCheck:
    return NumericCheck(instances=_diag_positive, observe=_observe_positivity, samples=25,
                        tolerance=Tolerance(abs=1e-10, reason="round-off of the time quadrature"),
                        method="C = int e^(i w+ t) <[mu_i(t), mu_i]> dt in the eigenbasis (C = -i alpha_phys, "
                               f"LG-03/fix), omega > 0; {what}")


@register("LG-04/pos")
def positivity_as_printed() -> Claim:
    r""":math:`\mathrm{Im}\,\alpha_{ii}(\omega)\ge0` for omega > 0, with alpha exactly as defined in Eq. (3)."""
    return make_claim("LG-04/pos", "im_alpha_ii_is_nonnegative_as_printed", sp.im(-sp.I * C), sp.Integer(0),
                      relation=Relation.GE, numeric=_positivity_numeric("alpha = -i C as in Eq. (3)"),
                      statement=r"\mathrm{Im}\,\alpha_{ii}(\omega)\geq0\ \text{for}\ \omega>0",
                      notes="Sokhotski-Plemelj on Eq. (4): Im alpha_ii = -pi sum (p_m - p_n)|mu_mn|^2 "
                            "delta(w - w_nm) <= 0 for w > 0. The inequality holds for the physical alpha (+i).")


@register("LG-04/pos/fix")
def positivity_physical() -> Claim:
    """Im alpha_ii(omega) >= 0 for omega > 0 for the physical polarizability (Eq. 3 with +i)."""
    return make_claim("LG-04/pos/fix", "im_physical_alpha_ii_is_nonnegative", sp.im(sp.I * C), sp.Integer(0),
                      relation=Relation.GE, numeric=_positivity_numeric("alpha = +i C"), corrects="LG-04/pos",
                      statement=r"\mathrm{Im}\,\alpha_{ii}(\omega)\geq0,\ \alpha=\int_0^\infty e^{i\omega^+t}"
                                r"(+i)\langle[\mu_i(t),\mu_i]\rangle",
                      title="Positive absorption for the physical polarizability")


# --- LG-05 -----------------------------------------------------------------------------------------------------------
def _observe_lehmann(inst) -> Observation:
    model, i, j, om, et = inst
    P = pair_arrays(model, i, j)
    return Observation({"C": commutator_transform(model, i, j, om, et), "p_m": P["pm"], "p_n": P["pn"],
                        "M": P["M"], "w": P["w"], "Z": P["Z"], "omega": om, "eta": et})


@register("LG-05")
def lehmann_form_of_eq3() -> Claim:
    r"""Eq. (4): the Lehmann form of Eq. (3), :math:`\frac1Z\sum(e^{-\beta E_m}-e^{-\beta E_n})
    \frac{\mu^i_{mn}\mu^j_{nm}}{\omega^+-\omega_{nm}}`."""
    rhs = StateSum((p_m - p_n) * M / (omega + sp.I * eta - w)) / Z                              # [1] Eq. (4)
    return make_claim("LG-05", "lehmann_sum_equals_kubo_time_integral", -sp.I * C, rhs,
                      numeric=NumericCheck(instances=kubo_instances, observe=_observe_lehmann, tolerance=_ROUNDOFF,
                                           samples=25, method="Eq. (3) by time quadrature of the commutator; Eq. (4) "
                                           "summed by the engine over all pairs (m, n) of eigenstates"),
                      notes="Eq. (4) is exactly the Lehmann form of Eq. (3) as printed (same -i). Both are the "
                            "negative of the physical polarizability (see LG-03, LG-06/T0).")


# --- LG-06 -----------------------------------------------------------------------------------------------------------
def _t0_instances():
    return st.tuples(hermitian_models(max_dim=5, ground_gap=0.2), st.integers(0, 2), st.integers(0, 2),
                     st.one_of(st.just(0.5), st.floats(-3.0, 3.0)), st.one_of(st.just(0.1), st.floats(0.05, 0.5)))


def _observe_t0(inst) -> Observation:
    model, i, j, om, et = inst
    G = ground_arrays(model, i, j)
    return Observation({"alpha": kick_polarizability(model, i, j, om, et, beta=np.inf), "w": G["w"], "M": G["M"],
                        "omega": om, "eta": et})


def _t0_numeric(what) -> NumericCheck:
    return NumericCheck(instances=_t0_instances, observe=_observe_t0, tolerance=_ROUNDOFF, samples=30,
                        method="ground state (gap >= 0.2) of random real and complex Hermitian models; alpha from "
                               f"the delta kick of the ground state; {what}")


@register("LG-06")
def zero_temperature_sum_as_printed() -> Claim:
    r"""Eq. (5): :math:`\alpha_{ij}=2\sum_{n\ne0}\omega_{n0}\mu^i_{0n}\mu^j_{n0}/(\omega_{n0}^2-(\omega^+)^2)`."""
    rhs = 2 * StateSum(w * M / (w ** 2 - (omega + sp.I * eta) ** 2))                            # [1] Eq. (5)
    return make_claim("LG-06", "zero_temperature_polarizability_sum_over_states_as_printed", alpha, rhs,
                      numeric=_t0_numeric("Eq. (5) summed over excited states"),
                      notes="Resonant plus antiresonant terms give mu^i_0n mu^j_n0/(w_n0 - w+) + mu^j_0n mu^i_n0/"
                            "(w_n0 + w+). They combine into Eq. (5) only if mu^i_0n mu^j_n0 is real (i = j, or real "
                            "dipoles with time-reversal symmetry); off-diagonal components of complex models fail.")


@register("LG-06/fix")
def zero_temperature_sum_corrected() -> Claim:
    r""":math:`\alpha_{ij}=\sum_n[\frac{\mu^i_{0n}\mu^j_{n0}}{\omega_{n0}-\omega^+}+
    \frac{\mu^j_{0n}\mu^i_{n0}}{\omega_{n0}+\omega^+}]`, valid for complex dipoles too."""
    rhs = StateSum(M / (w - omega - sp.I * eta) + sp.conjugate(M) / (w + omega + sp.I * eta))
    return make_claim("LG-06/fix", "zero_temperature_polarizability_resonant_plus_antiresonant", alpha, rhs,
                      numeric=_t0_numeric("resonant + antiresonant sum"), corrects="LG-06",
                      statement=r"\alpha_{ij}(\omega)=\sum_{n\neq0}\Big[\frac{\mu^i_{0n}\mu^j_{n0}}{\omega_{n0}-"
                                r"\omega^+}+\frac{\mu^j_{0n}\mu^i_{n0}}{\omega_{n0}+\omega^+}\Big]",
                      title="Zero-temperature sum over states for complex dipoles")


def _observe_static(inst) -> Observation:
    model, i, j, _, _ = inst
    G = ground_arrays(model, i, j)
    f = 1e-4

    def gs_dipole(E):
        _, U = np.linalg.eigh(model.H - E * model.mu[j])
        v = U[:, 0]
        return float(np.real(v.conj() @ model.mu[i] @ v))

    return Observation({"alpha": (gs_dipole(f) - gs_dipole(-f)) / (2 * f), "w": G["w"], "M": G["M"]})


def _static_numeric(what) -> NumericCheck:
    return NumericCheck(instances=_t0_instances, observe=_observe_static, samples=30,
                        tolerance=Tolerance(rel=1e-5, abs=1e-9, reason="finite field E = 1e-4: central difference "
                                            "error (E mu / gap)^2 < 1e-6 for gap >= 0.2, |mu| <= 1"),
                        method=f"static alpha = d<0(E)|mu_i|0(E)>/dE of H0 - E mu_j by exact diagonalisation; {what}")


@register("LG-06/static")
def static_limit_as_printed() -> Claim:
    r""":math:`\alpha_{ij}(0)=2\sum_{n\ne0}\mu^i_{0n}\mu^j_{n0}/\omega_{n0}`."""
    return make_claim("LG-06/static", "static_polarizability_sum_as_printed", alpha, 2 * StateSum(M / w),
                      numeric=_static_numeric("printed static sum"),
                      statement=r"\alpha_{ij}(0)=2\sum_{n\neq0}\mu^i_{0n}\mu^j_{n0}/\omega_{n0}",
                      notes="The finite-field static response is real; the printed sum is complex for off-diagonal "
                            "components of time-reversal-broken models (its real part is right).")


@register("LG-06/static/fix")
def static_limit_corrected() -> Claim:
    r""":math:`\alpha_{ij}(0)=2\sum_{n\ne0}\mathrm{Re}(\mu^i_{0n}\mu^j_{n0})/\omega_{n0}`."""
    return make_claim("LG-06/static/fix", "static_polarizability_sum_of_real_parts", alpha,
                      2 * StateSum(sp.re(M) / w), numeric=_static_numeric("static sum of real parts"),
                      corrects="LG-06/static",
                      statement=r"\alpha_{ij}(0)=2\sum_{n\neq0}\mathrm{Re}(\mu^i_{0n}\mu^j_{n0})/\omega_{n0}",
                      title="Static limit for complex dipoles")


def _observe_t0_eq4(inst) -> Observation:
    model, i, _, om, et = inst
    G = ground_arrays(model, i, i)
    return Observation({"C": commutator_transform(model, i, i, om, et, beta=np.inf), "w": G["w"], "M": G["M"],
                        "omega": om, "eta": et})


@register("LG-06/T0")
def eq4_at_zero_temperature_equals_eq5() -> Claim:
    """'Combining upward/downward transitions' at T -> 0: Eq. (3)/(4) with p_0 = 1 against Eq. (5), i = j."""
    rhs = 2 * StateSum(w * M / (w ** 2 - (omega + sp.I * eta) ** 2))
    return make_claim("LG-06/T0", "eq4_at_zero_temperature_equals_eq5", -sp.I * C, rhs,
                      numeric=NumericCheck(instances=_t0_instances, observe=_observe_t0_eq4, tolerance=_ROUNDOFF,
                                           samples=25, method="Eq. (3) at T = 0 by time quadrature of the ground-"
                                           "state commutator, diagonal components; Eq. (5) summed by the engine"),
                      statement=r"\lim_{T\to0}\ \text{Eq. (4)}=2\sum_{n\neq0}\frac{\omega_{n0}\,|\mu^i_{0n}|^2}"
                                r"{\omega_{n0}^2-(\omega^+)^2}",
                      title="Eq. (5) as the T -> 0 limit of Eq. (4)",
                      notes="At p_0 = 1, Eq. (4) gives |mu_0n|^2 [1/(w+ - w_n0) - 1/(w+ + w_n0)] = -(Eq. 5 term): "
                            "the two printed forms differ by an overall sign.")


# --- LG-07 -----------------------------------------------------------------------------------------------------------
a_xx, a_yy, a_zz = sp.symbols("a_xx a_yy a_zz", complex=True)


def _observe_iso(inst) -> Observation:
    model, _, _, om, et = inst
    G = ground_arrays(model, 0, 0)
    vals = {f"a_{c}{c}": kick_polarizability(model, k, k, om, et, beta=np.inf) for k, c in enumerate("xyz")}
    return Observation(vals | {"w": G["w"], "mu2": G["mu2"], "omega": om, "eta": et})


@register("LG-07")
def isotropic_trace() -> Claim:
    r"""Eq. (6): :math:`\frac13\mathrm{Tr}\,\alpha=\frac23\sum_n\omega_{n0}|\mu_{0n}|^2/(\omega_{n0}^2-(\omega^+)^2)`."""
    rhs = sp.Rational(2, 3) * StateSum(w * mu2 / (w ** 2 - (omega + sp.I * eta) ** 2))          # [1] Eq. (6)
    return make_claim("LG-07", "isotropic_polarizability_is_one_third_of_trace", (a_xx + a_yy + a_zz) / 3, rhs,
                      numeric=NumericCheck(instances=_t0_instances, observe=_observe_iso, tolerance=_ROUNDOFF,
                                           samples=25, method="alpha_xx, alpha_yy, alpha_zz from delta kicks of the "
                                           "ground state; |mu_0n|^2 summed over x, y, z"))


# --- LG-08 -----------------------------------------------------------------------------------------------------------
W_peak = sp.Symbol("W_peak", real=True)


def _peak_instances():
    return hermitian_models(max_dim=5, near_degenerate=False, ground_gap=0.2)


def _peak_weights(model, sign: int) -> dict:
    """Integral of Im alpha_iso (kick response, eta = 1e-3 x spacing) over a window around +-omega_n0."""
    G = ground_arrays(model, 0, 0)
    wn = G["w"]
    ladder = np.concatenate([[0.0], np.sort(wn)])
    gap = float(np.min(np.diff(ladder)))
    if gap < 0.02:
        raise Reject("excitation energies closer than 0.02: the delta peaks cannot be isolated")
    et = 1e-3 * gap
    W = []
    for wk in wn:
        x, q = gauss_legendre_nodes(sign * wk - gap / 2, sign * wk + gap / 2, panel=et / 2, order=8)
        im_iso = sum(np.imag(kick_polarizability(model, k, k, x, et, beta=np.inf)) for k in range(3)) / 3
        W.append(np.sum(q * im_iso))
    return {"W_peak": np.array(W), "mu2": G["mu2"]}


def _peak_observation(model, sign) -> Observation:
    vals = _peak_weights(model, sign)
    # window errors come from the tails of every peak: relative to the total weight pi/3 sum |mu_0n|^2
    return Observation(vals, scale=float(np.pi / 3 * np.sum(vals["mu2"])))


def _peak_numeric(sign) -> NumericCheck:
    return NumericCheck(instances=_peak_instances, observe=lambda m: _peak_observation(m, sign), samples=6,
                        tolerance=Tolerance(rel=5e-3, abs=1e-9, reason="Lorentzians of width eta = 1e-3 x spacing "
                                            "integrated over windows of half the spacing: tails outside/inside the "
                                            "window ~ (4/pi) eta/spacing = 1.3e-3 of the total weight (the scale)"),
                        method="Im alpha_iso from delta kicks of the ground state with a small eta, integrated by "
                               f"Gauss-Legendre over a window around {'+' if sign > 0 else '-'}omega_n0 per state")


@register("LG-08/plus")
def delta_weights_positive_frequency() -> Claim:
    r"""Eq. (7), the weight of :math:`\delta(\omega-\omega_{n0})`: :math:`+\frac\pi3|\mu_{0n}|^2`."""
    return make_claim("LG-08/plus", "im_alpha_iso_weight_at_plus_omega_n0", W_peak, sp.pi / 3 * mu2,
                      numeric=_peak_numeric(+1),
                      statement=r"\mathrm{Im}\,\alpha_{\rm iso}(\omega)=\frac\pi3\sum_{n\neq0}|\boldsymbol\mu_{0n}|^2"
                                r"\delta(\omega-\omega_{n0})+\dots")


@register("LG-08/minus")
def delta_weights_negative_frequency() -> Claim:
    r"""Eq. (7), the weight of :math:`\delta(\omega+\omega_{n0})`: :math:`-\frac\pi3|\mu_{0n}|^2`."""
    return make_claim("LG-08/minus", "im_alpha_iso_weight_at_minus_omega_n0", W_peak, -sp.pi / 3 * mu2,
                      numeric=_peak_numeric(-1),
                      statement=r"\mathrm{Im}\,\alpha_{\rm iso}(\omega)=\dots-\frac\pi3\sum_{n\neq0}"
                                r"|\boldsymbol\mu_{0n}|^2\delta(\omega+\omega_{n0})",
                      notes="Eq. (7) is consistent with Eq. (6) (physical sign); alpha_iso here is the physical "
                            "response, the sign that Eq. (6) prints.")


# --- LG-10 -----------------------------------------------------------------------------------------------------------
P_int = sp.Symbol("P_int", real=True)


def _kk_instances():
    return st.tuples(hermitian_models(max_dim=5), st.integers(0, 2), st.integers(0, 2),
                     st.sampled_from([0.3, 0.9, 1.7]) | st.floats(0.05, 3.0),
                     st.one_of(st.just(0.1), st.floats(0.05, 0.5)))


def _observe_kk(inst, which) -> Observation:
    model, i, j, om, et = inst
    f = lambda x: physical_alpha(model, i, j, x, et)
    E = model.eig[0]
    top = (E[-1] - E[0]) + 60.0
    g = (lambda x: x * np.imag(f(x))) if which == 9 else (lambda x: np.real(f(x)))
    return Observation({"alpha": f(om), "P_int": principal_value(g, om, top, panel=et / 4), "omega": om})


def _kk_numeric(which) -> NumericCheck:
    return NumericCheck(instances=_kk_instances, observe=lambda inst: _observe_kk(inst, which), samples=15,
                        tolerance=Tolerance(rel=1e-6, abs=1e-8, reason="principal value by singularity subtraction; "
                                            "8-node Gauss-Legendre panels of eta/4 (error < 1e-10, checked by "
                                            "halving in tests); tail by omega' = top/s, 96 nodes"),
                        method="physical alpha_ij (finite eta, all components, complex models included); "
                               "principal-value integral over omega' > 0 by quadrature")


@register("LG-10/9")
def kramers_kronig_real_part() -> Claim:
    r"""Eq. (9): :math:`\mathrm{Re}\,\alpha=\frac2\pi\mathcal P\int_0^\infty\frac{\omega'\mathrm{Im}\,\alpha(\omega')}
    {\omega'^2-\omega^2}d\omega'`."""
    return make_claim("LG-10/9", "re_alpha_from_positive_frequency_kramers_kronig", sp.re(alpha),
                      2 / sp.pi * P_int, numeric=_kk_numeric(9),                               # [1] Eq. (9)
                      statement=r"\mathrm{Re}\,\alpha_{ij}(\omega)=\frac2\pi\,\mathcal P\!\int_0^\infty d\omega'\,"
                                r"\frac{\omega'\,\mathrm{Im}\,\alpha_{ij}(\omega')}{\omega'^2-\omega^2}",
                      notes="Folding needs Im alpha_ij(-w) = -Im alpha_ij(w), i.e. alpha_ij(-w) = alpha_ij(w)^*, "
                            "which holds for every component (LG-04/sym/fix); finite eta keeps alpha analytic in "
                            "the upper half-plane, so the relation is exact at finite eta.")


@register("LG-10/10")
def kramers_kronig_imaginary_part() -> Claim:
    r"""Eq. (10): :math:`\mathrm{Im}\,\alpha=-\frac{2\omega}\pi\mathcal P\int_0^\infty\frac{\mathrm{Re}\,\alpha(\omega')}
    {\omega'^2-\omega^2}d\omega'`."""
    return make_claim("LG-10/10", "im_alpha_from_positive_frequency_kramers_kronig", sp.im(alpha),
                      -2 * omega / sp.pi * P_int, numeric=_kk_numeric(10),                     # [1] Eq. (10)
                      statement=r"\mathrm{Im}\,\alpha_{ij}(\omega)=-\frac{2\omega}\pi\,\mathcal P\!\int_0^\infty "
                                r"d\omega'\,\frac{\mathrm{Re}\,\alpha_{ij}(\omega')}{\omega'^2-\omega^2}")


# --- LG-19 -----------------------------------------------------------------------------------------------------------
sigma_abs = sp.Symbol("sigma_abs", positive=True)
alpha_im = sp.Symbol("alpha_im", positive=True)        # Im alpha^(SI)_iso
alpha_au_im = sp.Symbol("alpha_au_im", positive=True)  # Im alpha^(a.u.)_iso
omega_si = sp.Symbol("omega", positive=True)
omega_au = sp.Symbol("omega_au", positive=True)        # omega in atomic units, omega_SI = omega_au E_h / hbar
alpha_fs = sp.Symbol("alpha_fs", positive=True)
E0 = sp.Symbol("E_0", positive=True)


def _absorbed_power_instances():
    return st.tuples(st.floats(-10.0, 10.0), st.floats(0.01, 10.0), st.floats(0.01, 10.0), st.floats(1e-3, 1e3))


def _observe_cross_section(inst) -> Observation:
    """Absorbed power <E(t) dp/dt> over one period (quadrature) over the intensity eps0 c <E(t)^2>."""
    a_re, a_im, om_au, amp = inst
    om = om_au * _EH / sc.hbar
    a = (a_re + 1j * a_im) * _AU_POL
    t, q = gauss_legendre_nodes(0.0, 2 * np.pi / om, panel=2 * np.pi / om / 8, order=16)
    E = amp * np.cos(om * t)                                   # E(t) = Re(E0 e^{-i w t})
    dpdt = np.real(-1j * om * a * amp * np.exp(-1j * om * t))  # p(t) = Re(alpha E0 e^{-i w t})
    T = 2 * np.pi / om
    P = np.sum(q * E * dpdt) / T
    I = sc.epsilon_0 * sc.c * np.sum(q * E ** 2) / T
    return Observation({"sigma_abs": P / I, "omega": om, "epsilon_0": sc.epsilon_0, "c": sc.c,
                        "alpha_im": a.imag, "E_0": amp})


@register("LG-19/SI")
def cross_section_si() -> Claim:
    r"""Eq. (22), first form: :math:`\sigma_{\rm abs}=\frac{\omega}{\varepsilon_0c}\mathrm{Im}\,\alpha^{\rm SI}`."""
    P = omega_si * alpha_im * E0 ** 2 / 2          # time-averaged absorbed power for E(t) = E_0 cos(w t)
    I = epsilon_0 * c_light * E0 ** 2 / 2          # time-averaged intensity
    return make_claim("LG-19/SI", "absorption_cross_section_is_omega_im_alpha_over_eps0_c", sigma_abs,
                      omega_si / (epsilon_0 * c_light) * alpha_im,                            # [1] Eq. (22)
                      definitions={sigma_abs: P / I}, sample_residual=True,
                      dimensions={sigma_abs: area, omega_si: 1 / time, epsilon_0: capacitance / length,
                                  c_light: velocity, alpha_im: charge ** 2 * length ** 2 / energy},
                      statement=r"\sigma_{\rm abs}(\omega)=\frac\omega{\varepsilon_0c}\,\mathrm{Im}\,"
                                r"\alpha^{(\rm SI)}_{\rm iso}(\omega)",
                      numeric=NumericCheck(instances=_absorbed_power_instances, observe=_observe_cross_section,
                                           samples=20, tolerance=Tolerance(rel=1e-9, reason="Gauss-Legendre over "
                                           "one period of trigonometric polynomials is exact; round-off of the "
                                           "cancelling Re(alpha) part, |Re/Im| <= 1e3"),
                                           method="absorbed power <E dp/dt> and intensity eps0 c <E^2> averaged over "
                                                  "a period by quadrature; sigma = P / I"))


def _observe_au(inst) -> Observation:
    a_im, om_au = inst
    return Observation({"omega": om_au * _EH / sc.hbar, "omega_au": om_au, "epsilon_0": sc.epsilon_0, "c": sc.c,
                        "alpha_im": a_im * _AU_POL, "alpha_au_im": a_im, "alpha_fs": sc.fine_structure,
                        "a_0": _A0})


@register("LG-19/au")
def cross_section_atomic_units() -> Claim:
    r"""Eq. (22), second form: :math:`\frac{\omega}{\varepsilon_0c}\mathrm{Im}\,\alpha^{\rm SI}=4\pi\alpha_{\rm fs}
    \omega a_0^2\,\mathrm{Im}\,\alpha^{\rm au}`, with omega on the right in atomic units."""
    return make_claim(
        "LG-19/au", "cross_section_equals_4pi_alpha_fs_omega_a0_squared_im_alpha_au",
        omega_si / (epsilon_0 * c_light) * alpha_im, 4 * sp.pi * alpha_fs * omega_au * a_0 ** 2 * alpha_au_im,
        definitions={alpha_im: 4 * sp.pi * epsilon_0 * a_0 ** 3 * alpha_au_im,
                     omega_si: omega_au * e_ch ** 2 / (4 * sp.pi * epsilon_0 * a_0 * hbar),
                     alpha_fs: e_ch ** 2 / (4 * sp.pi * epsilon_0 * hbar * c_light)},
        sample_residual=True,
        dimensions={omega_si: 1 / time, epsilon_0: capacitance / length, c_light: velocity,
                    alpha_im: charge ** 2 * length ** 2 / energy, alpha_fs: Dimension(1), omega_au: Dimension(1),
                    a_0: length, alpha_au_im: Dimension(1)},
        statement=r"\frac\omega{\varepsilon_0c}\,\mathrm{Im}\,\alpha^{(\rm SI)}_{\rm iso}(\omega)=4\pi\,\alpha_{\rm fs}"
                  r"\,\omega\,a_0^2\,\mathrm{Im}\,\alpha^{(\rm a.u.)}_{\rm iso}(\omega)",
        numeric=NumericCheck(instances=lambda: st.tuples(st.floats(1e-3, 1e3), st.floats(1e-3, 10.0)),
                             observe=_observe_au, tolerance=_CODATA, samples=20,
                             method="random a.u. values; omega_SI = omega_au E_h / hbar, alpha_SI from CODATA"),
        notes="The printed second form is dimensionally an area only if its omega is in atomic units "
              "(omega_SI = omega_au E_h/hbar, the spec's reading); with one SI omega on both sides it would carry "
              "an extra 1/time. Encoded with omega_au on the right.")
