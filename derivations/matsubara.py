r"""Matsubara formulation: :math:`\chi(\tau+\beta)=\chi(\tau)`, :math:`\omega_m=2\pi m/\beta`, the Lehmann form on
the imaginary axis, spectral representations, analytic continuation and fluctuation-dissipation
(Tantardini et al. 2025, Sec. III, Eqs. 23-39).

Overview
    Eq. (23) defines :math:`\chi(\tau)=+\langle T_\tau\delta\mu_i(\tau)\delta\mu_j(0)\rangle`. Its natural transform
    :math:`\int_0^\beta e^{i\omega_m\tau}\chi(\tau)d\tau` is the negative of the printed Lehmann form (28); the
    printed kernel of Eq. (27), :math:`e^{-i(i\omega_m)\tau}=e^{\omega_m\tau}`, is not a Fourier kernel at all.
    Eq. (28) continues to Eq. (4), i.e. to the negative of the physical polarizability (LG-03), and at
    :math:`\omega_m=0` the Matsubara value is the isothermal susceptibility, which differs from the static Kubo
    response by :math:`\beta` times covariances of diagonal dipole elements.
Key claims
    MT-01 ... MT-14 (MT-14/iii, the thermal f-sum, lives in :mod:`derivations.trk`).
Conventions
    Atomic units; mu = -x; omega_nm = E_n - E_m; Boltzmann factors relative to the ground level; imaginary-time
    integrals by composite Gauss-Legendre quadrature whose nodes ``tau`` and weights ``q`` enter the relation.
References
    [1] C. Tantardini et al., "Gauge-invariant long-wavelength TDDFT without empty states" (2025), Sec. III.
"""

from __future__ import annotations

import numpy as np
import sympy as sp
from hypothesis import strategies as st

from derivcheck import NumericCheck, Observation, Reject, Relation, Tolerance, register
from derivations.casida import casida_static_instances, observe_static_dyson
from derivations.polarizability import StateSum, make_claim, symmetry_as_printed
from numerics.hamiltonians import FockModel, fock_models, hermitian_models
from numerics.response import (fock_space, gauss_legendre_nodes, kick_polarizability, pair_arrays, physical_alpha,
                               spectral_weights, tau_correlator, tau_correlator_expm)

__all__ = ["tau_correlator_lehmann_form", "kms_periodicity", "matsubara_frequencies",
           "matsubara_transform_as_printed", "matsubara_transform_corrected", "lehmann_matsubara_as_printed",
           "detailed_balance", "spectral_function_diagonal_positive", "spectral_representation_matsubara",
           "spectral_representation_retarded", "continuation_as_printed", "continuation_corrected",
           "fdt_as_printed", "fdt_anti_hermitian", "independent_particle_matsubara", "static_from_imaginary_axis",
           "static_from_imaginary_axis_corrected", "matsubara_zero_equals_kubo_static", "finite_broadening_bound",
           "kms_check", "symmetry_check", "imaginary_axis_dyson"]

# --- symbols -------------------------------------------------------------------------------------------------------
tau = sp.Symbol("tau", nonnegative=True)                 # array of quadrature nodes (or one time)
q = sp.Symbol("q", nonnegative=True)                     # array of quadrature weights
chi_tau = sp.Symbol("chi_tau", complex=True)             # array: chi(tau) of Eq. (23) at the nodes
chi_shift = sp.Symbol("chi_shift", complex=True)         # chi(tau - beta), T_tau-ordered
beta = sp.Symbol("beta", positive=True)
omega_m = sp.Symbol("omega_m", real=True)
m_int = sp.Symbol("m", integer=True)
p_m, p_n = sp.symbols("p_m p_n", nonnegative=True)
w = sp.Symbol("w", real=True)
M = sp.Symbol("M", complex=True)
dM = sp.Symbol("dM", complex=True)
Z = sp.Symbol("Z", positive=True)
omega = sp.Symbol("omega", real=True)
eta = sp.Symbol("eta", positive=True)
alpha = sp.Symbol("alpha", complex=True)
W = sp.Symbol("W", complex=True)                         # array: delta weights of S_ij at nu
W_rev = sp.Symbol("W_rev", complex=True)                 # array: weights of S_ji at -nu
nu = sp.Symbol("nu", real=True)

_LEHMANN_28 = StateSum((p_m - p_n) * M / (sp.I * omega_m - w)) / Z                             # [1] Eq. (28)
_TAU_QUAD = Tolerance(rel=1e-8, abs=1e-12, reason="imaginary-time integral by 16-node Gauss-Legendre on panels of "
                      "beta/40: the integrand is a sum of exponentials with rates <= 16, error < 1e-12; eigh "
                      "round-off")
_EXACT = Tolerance(rel=1e-9, abs=1e-12, reason="two exact evaluations of the same sums: round-off of eigh and of "
                   "sums over <= 36 pairs, amplified by 1/gap for gaps >= 1e-3")


def _models(**kw):
    kw.setdefault("max_dim", 5)
    kw.setdefault("beta_range", (0.3, 3.0))
    return hermitian_models(**kw)


# --- MT-01 ---------------------------------------------------------------------------------------------------------
def _observe_mt01(inst) -> Observation:
    model, i, j, frac = inst
    t = frac * model.beta
    P = pair_arrays(model, i, j)
    E, mu, p = model.eig[0], model.mu_eig, model.weights()
    d = E.size
    A = mu[i] - np.sum(p * np.diag(mu[i]).real) * np.eye(d)
    B = mu[j] - np.sum(p * np.diag(mu[j]).real) * np.eye(d)
    return Observation({"chi_tau": tau_correlator_expm(model, i, j, t), "tau": t, "p_m": P["pm"], "w": P["w"],
                        "dM": (A * B.T).ravel(), "Z": P["Z"]})


@register("MT-01")
def tau_correlator_lehmann_form() -> Claim:
    r"""Eq. (23) with Eq. (24): :math:`\chi_{ij}(\tau)=\frac1Z\sum_{mn}e^{-\beta E_m}e^{\tau(E_m-E_n)}
    \delta\mu^i_{mn}\delta\mu^j_{nm}` for 0 <= tau < beta."""
    return make_claim(
        "MT-01", "imaginary_time_correlator_has_lehmann_form", chi_tau, StateSum(p_m * sp.exp(-tau * w) * dM) / Z,
        numeric=NumericCheck(instances=lambda: st.tuples(_models(), st.integers(0, 2), st.integers(0, 2),
                                                         st.floats(0.0, 0.999)),
                             observe=_observe_mt01, tolerance=_EXACT, samples=20,
                             method="chi(tau) of Eq. (23) with scipy.linalg.expm in the original basis; the Lehmann "
                                    "sum over eigenstate pairs evaluated by the engine"),
        notes="Eq. (23) is a definition; encoded as its eigenbasis (Lehmann) form, which MT-02 ... MT-12 use. "
              "The overall sign is + (no minus in front of <T ...>), the convention that fixes MT-04/05/08.")


# --- MT-02 and MT-14/i: KMS ----------------------------------------------------------------------------------------
def _observe_kms(inst) -> Observation:
    model, i, j, frac = inst
    t = frac * model.beta
    s = t - model.beta                                                  # in (-beta, 0)
    H = model.H - np.eye(model.dim) * model.eig[0][0]
    from scipy.linalg import expm
    rho = expm(-model.beta * H)
    Zv = np.trace(rho).real
    d = model.dim
    dA = model.mu[i] - np.trace(rho @ model.mu[i]) / Zv * np.eye(d)
    dB = model.mu[j] - np.trace(rho @ model.mu[j]) / Zv * np.eye(d)
    # tau < 0: T_tau puts dmu_j(0) left: Tr[e^{-beta H} dB e^{sH} dA e^{-sH}] = Tr[e^{-(beta+s)H} dB e^{sH} dA]
    shifted = np.trace(expm(-(model.beta + s) * H) @ dB @ expm(s * H) @ dA) / Zv
    return Observation({"chi_shift": complex(shifted), "chi_tau": tau_correlator_expm(model, i, j, t)})


def _kms_model():
    """Symbolic two-level model of chi(tau) for tau >= 0 and of the T_tau-ordered chi(s), s < 0."""
    E = sp.symbols("E_0:2", real=True)
    a0, a1, b0, b1 = sp.symbols("a_0 a_1 b_0 b_1", real=True)
    ac, bc = sp.symbols("a_c b_c", complex=True)
    A = sp.Matrix([[a0, ac], [sp.conjugate(ac), a1]])
    B = sp.Matrix([[b0, bc], [sp.conjugate(bc), b1]])
    t = sp.Symbol("t", real=True)
    Zs = sum(sp.exp(-beta * e) for e in E)
    plus = sum(sp.exp(-beta * E[m]) * sp.exp(t * (E[m] - E[n])) * A[m, n] * B[n, m]
               for m in range(2) for n in range(2)) / Zs
    s = t - beta
    minus = sum(sp.exp(-beta * E[m]) * B[m, n] * sp.exp(s * (E[n] - E[m])) * A[n, m]
                for m in range(2) for n in range(2)) / Zs
    return {chi_shift: minus, chi_tau: plus}


def _kms_claim(claim_id: str, statement: str | None = None) -> Claim:
    return make_claim(
        claim_id, "imaginary_time_correlator_is_beta_periodic", chi_shift, chi_tau, definitions=_kms_model(),
        sample_residual=True, symbolic_timeout=30, statement=statement,
        numeric=NumericCheck(instances=lambda: st.tuples(_models(), st.integers(0, 2), st.integers(0, 2),
                                                         st.floats(0.001, 0.999)),
                             observe=_observe_kms, tolerance=_EXACT, samples=20,
                             method="T_tau-ordered traces with scipy.linalg.expm at tau and tau - beta"),
        notes="Encoded as chi(tau - beta) = chi(tau) for 0 < tau < beta, the printed Eq. (25) with tau -> tau - "
              "beta in its domain -beta < tau < 0. Symbolic model: two levels, general Hermitian A, B.")


@register("MT-02")
def kms_periodicity() -> Claim:
    r"""Eq. (25): :math:`\chi_{ij}(\tau+\beta)=\chi_{ij}(\tau)`."""
    return _kms_claim("MT-02")


@register("MT-14/i")
def kms_check() -> Claim:
    """MT-14 (i): 'KMS periodicity chi_ij(tau + beta) = chi_ij(tau) holds'."""
    return _kms_claim("MT-14/i", r"\chi_{ij}(\tau+\beta)=\chi_{ij}(\tau)")


@register("MT-14/ii")
def symmetry_check() -> Claim:
    """MT-14 (ii): chi^R_ij(-omega) = chi^R_ji(omega)^*; the same relation as LG-04/sym, for chi^R of Eq. (31)."""
    from dataclasses import replace
    c = symmetry_as_printed()
    return replace(c, id="MT-14/ii", statement=r"\chi^R_{ij}(-\omega)=\chi^{R\ast}_{ji}(\omega)",
                   location="Sec. III, finite-T checks (ii)", title="Symmetry of chi^R (finite-T check ii)",
                   notes="chi^R of Eq. (31) equals Eq. (4) (MT-07/31), so this is LG-04/sym at finite T. " + c.notes)


# --- MT-03 ---------------------------------------------------------------------------------------------------------
@register("MT-03")
def matsubara_frequencies() -> Claim:
    r"""Eq. (26): :math:`\omega_m=2\pi m/\beta`, encoded as the periodicity condition
    :math:`e^{i\omega_m\beta}=1`, i.e. :math:`\omega_m\beta\equiv0\pmod{2\pi}`."""
    return make_claim("MT-03", "bosonic_matsubara_frequencies_make_exponential_beta_periodic",
                      omega_m * beta, sp.Integer(0), relation=Relation.MOD, quantum=2 * sp.pi,
                      definitions={omega_m: 2 * sp.pi * m_int / beta}, sample_residual=True, numeric=None)


# --- MT-04 / MT-05 -------------------------------------------------------------------------------------------------
def _mats_instances():
    return st.tuples(_models(), st.integers(0, 2), st.integers(0, 2), st.sampled_from([1, 2, -1, 3]))


def _observe_mats(inst) -> Observation:
    model, i, j, mm = inst
    b = model.beta
    t, qw = gauss_legendre_nodes(0.0, b, panel=b / 40, order=16)
    P = pair_arrays(model, i, j)
    return Observation({"tau": t, "q": qw, "chi_tau": tau_correlator(model, i, j, t), "omega_m": 2 * np.pi * mm / b,
                        "p_m": P["pm"], "p_n": P["pn"], "M": P["M"], "w": P["w"], "Z": P["Z"]})


def _mats_numeric(what) -> NumericCheck:
    return NumericCheck(instances=_mats_instances, observe=_observe_mats, tolerance=_TAU_QUAD, samples=20,
                        method="chi(tau) of Eq. (23) at Gauss-Legendre nodes on [0, beta]; the tau integral with "
                               f"{what} evaluated by the engine; Eq. (28) summed over eigenstate pairs; m = +-1, 2, 3")


@register("MT-04")
def matsubara_transform_as_printed() -> Claim:
    r"""Eq. (27): :math:`\chi_{ij}(i\omega_m)=\int_0^\beta d\tau\,e^{-i(i\omega_m)\tau}\chi_{ij}(\tau)`, compared with
    the Lehmann form (28) it is meant to produce."""
    rhs = StateSum(q * sp.exp(-sp.I * (sp.I * omega_m) * tau) * chi_tau)                      # [1] Eq. (27)
    return make_claim("MT-04", "matsubara_transform_with_printed_kernel_gives_eq28", _LEHMANN_28, rhs,
                      numeric=_mats_numeric("the printed kernel exp(-i (i w_m) tau) = exp(w_m tau)"),
                      notes="The printed kernel is the real exponential e^{w_m tau} (it grows like e^{2 pi m}); "
                            "the Matsubara kernel is e^{+i w_m tau}, and with the + sign of Eq. (23) it gives "
                            "-(Eq. 28).")


@register("MT-04/fix")
def matsubara_transform_corrected() -> Claim:
    r""":math:`\chi_{ij}(i\omega_m)=-\int_0^\beta d\tau\,e^{i\omega_m\tau}\chi_{ij}(\tau)` reproduces Eq. (28)."""
    rhs = -StateSum(q * sp.exp(sp.I * omega_m * tau) * chi_tau)
    return make_claim("MT-04/fix", "matsubara_transform_with_minus_sign_gives_eq28", _LEHMANN_28, rhs,
                      numeric=_mats_numeric("kernel -exp(+i w_m tau)"), corrects="MT-04",
                      statement=r"\chi_{ij}(i\omega_m)=-\int_0^\beta d\tau\,e^{i\omega_m\tau}\chi_{ij}(\tau)",
                      title="Matsubara transform consistent with Eqs. (23) and (28)")


@register("MT-05")
def lehmann_matsubara_as_printed() -> Claim:
    r"""Eq. (28) as the Matsubara transform :math:`\int_0^\beta e^{i\omega_m\tau}\chi(\tau)d\tau` of Eq. (23)."""
    lhs = StateSum(q * sp.exp(sp.I * omega_m * tau) * chi_tau)
    return make_claim("MT-05", "matsubara_lehmann_form_is_transform_of_eq23", lhs, _LEHMANN_28,
                      numeric=_mats_numeric("kernel exp(+i w_m tau)"),
                      notes="int_0^beta e^{i w_m tau} p_m e^{tau(E_m - E_n)} dtau = (p_n - p_m)/(i w_m - w_nm): the "
                            "transform of Eq. (23) is -(Eq. 28). Eq. (28) is the transform of -<T dmu dmu> (MT-04/fix). "
                            "At w_m = 0 the printed sum has 0/0 terms; see MT-12/iso for the exact value.")


# --- MT-06 ---------------------------------------------------------------------------------------------------------
def _observe_weights(inst) -> Observation:
    model, i, j = inst
    S = spectral_weights(model, i, j)
    if S["nu"].size == 0:
        raise Reject("a single level: no transitions")
    return Observation({"W": S["W"], "W_rev": S["Wrev"], "nu": S["nu"], "beta": model.beta})


@register("MT-06")
def detailed_balance() -> Claim:
    r"""Eq. (29) with detailed balance :math:`S_{ji}(-\omega)=e^{-\beta\omega}S_{ij}(\omega)`, peak by peak."""
    Ea, Eb = sp.symbols("E_a E_b", real=True)
    Zs = sp.Symbol("Z", positive=True)
    X = sp.Symbol("X", complex=True)                    # mu^i_ab mu^j_ba (= mu^j_ba mu^i_ab)
    model = {W: sp.exp(-beta * Ea) / Zs * X, W_rev: sp.exp(-beta * Eb) / Zs * X, nu: Eb - Ea}
    return make_claim("MT-06", "spectral_function_obeys_detailed_balance", W_rev, sp.exp(-beta * nu) * W,
                      definitions=model, sample_residual=True,
                      numeric=NumericCheck(instances=lambda: st.tuples(_models(), st.integers(0, 2), st.integers(0, 2)),
                                           observe=_observe_weights, tolerance=_EXACT, samples=25,
                                           method="delta-peak weights Tr(rho P_a mu_i P_b mu_j) of S_ij from spectral "
                                                  "projectors of (degenerate) levels; complex dipoles included"),
                      statement=r"S_{ji}(-\omega)=e^{-\beta\omega}S_{ij}(\omega)")


@register("MT-06/pos")
def spectral_function_diagonal_positive() -> Claim:
    """Eq. (29), '(diagonal-positive)': the delta weights of S_ii are nonnegative."""
    Wd = sp.Symbol("W", real=True)
    return make_claim("MT-06/pos", "diagonal_spectral_function_is_nonnegative", Wd, sp.Integer(0),
                      relation=Relation.GE,
                      numeric=NumericCheck(instances=lambda: st.tuples(_models(), st.integers(0, 2)).map(
                          lambda t: (t[0], t[1], t[1])),
                                           observe=lambda inst: Observation({"W": np.real(_observe_weights(inst).values["W"])}),
                                           tolerance=Tolerance(abs=1e-14, reason="round-off of projector traces"),
                                           samples=25, method="delta-peak weights of S_ii from spectral projectors"),
                      statement=r"S_{ii}(\omega)\ge0")


# --- MT-07 ---------------------------------------------------------------------------------------------------------
def _observe_spectral_rep(inst, retarded: bool) -> Observation:
    model, i, j, mm, om, et = inst
    S = spectral_weights(model, i, j)
    P = pair_arrays(model, i, j)
    vals = {"W": S["W"], "W_rev": S["Wrev"], "nu": S["nu"], "p_m": P["pm"], "p_n": P["pn"], "M": P["M"],
            "w": P["w"], "Z": P["Z"]}
    if retarded:
        return Observation(vals | {"omega": om, "eta": et})
    return Observation(vals | {"omega_m": 2 * np.pi * mm / model.beta})


def _rep_instances():
    return st.tuples(_models(), st.integers(0, 2), st.integers(0, 2), st.sampled_from([1, -1, 2]),
                     st.floats(-3.0, 3.0), st.floats(0.05, 0.5))


@register("MT-07/30")
def spectral_representation_matsubara() -> Claim:
    r"""Eq. (30): :math:`\chi_{ij}(i\omega_m)=\int d\omega'\frac{S_{ij}(\omega')-S_{ji}(-\omega')}{i\omega_m-\omega'}`,
    against Eq. (28)."""
    lhs = StateSum((W - W_rev) / (sp.I * omega_m - nu))                                        # [1] Eq. (30)
    return make_claim("MT-07/30", "matsubara_spectral_representation_equals_lehmann_form", lhs, _LEHMANN_28,
                      numeric=NumericCheck(instances=_rep_instances, observe=lambda i: _observe_spectral_rep(i, False),
                                           tolerance=_EXACT, samples=20,
                                           method="delta weights of S_ij and S_ji from spectral projectors; Eq. (28) "
                                                  "over eigenstate pairs"),
                      statement=r"\chi_{ij}(i\omega_m)=\int_{-\infty}^{+\infty}d\omega'\,\frac{S_{ij}(\omega')-"
                                r"S_{ji}(-\omega')}{i\omega_m-\omega'}",
                      notes="Zero-frequency weights of S_ij and S_ji are equal (cyclicity) and cancel.")


@register("MT-07/31")
def spectral_representation_retarded() -> Claim:
    r"""Eq. (31): :math:`\chi^R_{ij}(\omega)=\int d\omega'\frac{S_{ij}(\omega')-S_{ji}(-\omega')}{\omega-\omega'+i0^+}`,
    against Eq. (4) (same finite eta)."""
    lhs = StateSum((W - W_rev) / (omega - nu + sp.I * eta))                                    # [1] Eq. (31)
    rhs = StateSum((p_m - p_n) * M / (omega + sp.I * eta - w)) / Z                              # [1] Eq. (4)
    return make_claim("MT-07/31", "retarded_spectral_representation_equals_eq4", lhs, rhs,
                      numeric=NumericCheck(instances=_rep_instances, observe=lambda i: _observe_spectral_rep(i, True),
                                           tolerance=_EXACT, samples=20,
                                           method="delta weights of S from spectral projectors; Eq. (4) over pairs"),
                      statement=r"\chi^R_{ij}(\omega)=\int_{-\infty}^{+\infty}d\omega'\,\frac{S_{ij}(\omega')-"
                                r"S_{ji}(-\omega')}{\omega-\omega'+i0^+}")


# --- MT-08 ---------------------------------------------------------------------------------------------------------
def _observe_continuation(inst) -> Observation:
    model, i, j, om, et = inst
    P = pair_arrays(model, i, j)
    return Observation({"alpha": kick_polarizability(model, i, j, om, et), "p_m": P["pm"], "p_n": P["pn"],
                        "M": P["M"], "w": P["w"], "Z": P["Z"], "omega": om, "eta": et})


def _continuation_numeric(what) -> NumericCheck:
    from derivations.polarizability import kubo_instances
    return NumericCheck(instances=kubo_instances, observe=_observe_continuation, samples=20,
                        tolerance=Tolerance(rel=1e-6, abs=1e-10, reason="kick response: O(kappa^2) = 1e-8 relative"),
                        method=f"alpha from a delta kick of the thermal state (Eq. 2); {what}")


_CONTINUED = StateSum((p_m - p_n) * M / ((omega + sp.I * eta) - w)) / Z      # Eq. (28) at i w_m -> w + i eta


@register("MT-08")
def continuation_as_printed() -> Claim:
    r"""Eqs. (32)-(33): :math:`\alpha_{ij}(\omega)\equiv\chi^R(\omega)=\chi(i\omega_m\to\omega+i0^+)` with chi of (28)."""
    return make_claim("MT-08", "polarizability_is_continued_matsubara_function_as_printed", alpha, _CONTINUED,
                      numeric=_continuation_numeric("Eq. (28) with i w_m -> w + i eta"),
                      notes="The continuation of Eq. (28) is Eq. (4), the negative of the polarizability defined by "
                            "delta <mu> = alpha E for delta H = -E mu (LG-03).")


@register("MT-08/fix")
def continuation_corrected() -> Claim:
    """alpha(omega) = -chi(i omega_m -> omega + i0+) with chi of Eq. (28) (or Eq. 28 built from -<T dmu dmu>)."""
    return make_claim("MT-08/fix", "polarizability_is_minus_continued_matsubara_function", alpha, -_CONTINUED,
                      numeric=_continuation_numeric("minus Eq. (28) with i w_m -> w + i eta"), corrects="MT-08",
                      statement=r"\alpha_{ij}(\omega)=-\chi_{ij}(i\omega_m\to\omega+i0^+)",
                      title="Continuation with the sign of delta H = -E . mu")


# --- MT-09 ---------------------------------------------------------------------------------------------------------
Win = sp.Symbol("Win", complex=True)


def _fdt_arrays(model, i, j, anti_hermitian: bool) -> dict:
    S = spectral_weights(model, i, j)
    nus = S["nu"]
    if nus.size == 0:
        raise Reject("a single level")
    ladder = np.sort(np.concatenate([nus, [0.0]]))
    gap = float(np.min(np.diff(ladder)))
    if gap < 0.02:
        raise Reject("transition frequencies closer than 0.02: peaks cannot be isolated")
    et = 1e-3 * gap
    out = []
    for v in nus:
        x, qw = gauss_legendre_nodes(v - gap / 2, v + gap / 2, panel=et / 2, order=8)
        if anti_hermitian:   # (alpha_ij - alpha_ji^*)/(2i) of the physical polarizability
            f = (physical_alpha(model, i, j, x, et) - np.conj(physical_alpha(model, j, i, x, et))) / 2j
        else:                # Im chi^R_ij with chi^R of Eq. (31) = Eq. (4) = -physical alpha
            f = np.imag(-physical_alpha(model, i, j, x, et))
        out.append(np.sum(qw * f))
    return {"Win": np.array(out), "W": S["W"], "nu": nus, "beta": model.beta}


def _fdt_observation(inst, anti_hermitian: bool) -> Observation:
    vals = _fdt_arrays(*inst, anti_hermitian)
    # window errors come from the tails of every peak: relative to the total weight pi sum |W|
    return Observation(vals, scale=float(np.pi * np.sum(np.abs(vals["W"]))))


def _fdt_numeric(anti_hermitian: bool) -> NumericCheck:
    return NumericCheck(instances=lambda: st.tuples(_models(max_dim=4, near_degenerate=False), st.integers(0, 2),
                                                    st.integers(0, 2)),
                        observe=lambda inst: _fdt_observation(inst, anti_hermitian), samples=8,
                        tolerance=Tolerance(rel=5e-3, abs=1e-8, reason="Lorentzians of width eta = 1e-3 x spacing "
                                            "over windows of half the spacing: tails ~ (4/pi) eta/spacing = 1.3e-3 "
                                            "of the total weight (the scale)"),
                        method="window integrals around each transition frequency nu of "
                               + ("the anti-Hermitian part of the physical alpha" if anti_hermitian else
                                  "Im chi^R of Eq. (31)") + "; delta weights of S_ij from spectral projectors")


@register("MT-09")
def fdt_as_printed() -> Claim:
    r"""Eq. (34): :math:`\mathrm{Im}\,\chi^R_{ij}(\omega)=\pi(1-e^{-\beta\omega})S_{ij}(\omega)`, as delta weights."""
    return make_claim("MT-09", "fluctuation_dissipation_theorem_as_printed", Win,
                      sp.pi * (1 - sp.exp(-beta * nu)) * W, numeric=_fdt_numeric(False),           # [1] Eq. (34)
                      notes="Sokhotski-Plemelj on Eq. (31) gives Im chi^R_ii = -pi(1 - e^{-beta w}) S_ii (opposite "
                            "sign). For i != j, S_ij is complex and Im chi_ij is not a delta sum; the theorem holds "
                            "for the anti-Hermitian part (chi_ij - chi_ji^*)/2i of the physical alpha (MT-09/fix).")


@register("MT-09/fix")
def fdt_anti_hermitian() -> Claim:
    r""":math:`[\alpha_{ij}(\omega)-\alpha_{ji}(\omega)^*]/2i=\pi(1-e^{-\beta\omega})S_{ij}(\omega)` for the physical
    polarizability, every component."""
    return make_claim("MT-09/fix", "fluctuation_dissipation_for_anti_hermitian_part", Win,
                      sp.pi * (1 - sp.exp(-beta * nu)) * W, numeric=_fdt_numeric(True), corrects="MT-09",
                      statement=r"\frac{\alpha_{ij}(\omega)-\alpha_{ji}(\omega)^*}{2i}=\pi\big(1-e^{-\beta\omega}\big)"
                                r"S_{ij}(\omega)",
                      title="Fluctuation-dissipation theorem for the anti-Hermitian part")


# --- MT-10 ---------------------------------------------------------------------------------------------------------
f_p, f_q = sp.symbols("f_p f_q", nonnegative=True)
e_p, e_q = sp.symbols("e_p e_q", real=True)
chi_MB = sp.Symbol("chi_MB", complex=True)


def _observe_fock(inst) -> Observation:
    fm, i, j, mm = inst
    F = fock_space(fm)
    K = F["H"] - fm.mu_c * F["N"]
    E, U = np.linalg.eigh(K)
    Hd = np.real(np.einsum("am,ab,bm->m", U, F["H"], U))       # energies of H (K and H commute)
    p = np.exp(-fm.beta * (E - E[0]))
    Zv = p.sum()
    A = U.T @ F["mu"][i] @ U
    B = U.T @ F["mu"][j] @ U
    wm = 2 * np.pi * mm / fm.beta
    wnm = Hd[None, :] - Hd[:, None]
    chi = np.sum((p[:, None] - p[None, :]) * A * B.T / (1j * wm - wnm)) / Zv      # many-body Eq. (28)
    f = 1 / (np.exp(fm.beta * (fm.eps - fm.mu_c)) + 1)
    n = fm.eps.size
    pp, qq = np.repeat(np.arange(n), n), np.tile(np.arange(n), n)
    Mo = (fm.mu[i] * fm.mu[j].T).ravel()
    return Observation({"chi_MB": chi, "f_p": f[pp], "f_q": f[qq], "e_p": fm.eps[pp], "e_q": fm.eps[qq], "M": Mo,
                        "omega_m": wm})


@register("MT-10")
def independent_particle_matsubara() -> Claim:
    r"""Eq. (35): :math:`\chi^0_{ij}(i\omega_m)=2\sum_{pq}\frac{f_p-f_q}{i\omega_m-(\varepsilon_q-\varepsilon_p)}
    \mu^{(i)}_{pq}\mu^{(j)}_{qp}`, the non-interacting limit of Eq. (28)."""
    rhs = 2 * StateSum((f_p - f_q) / (sp.I * omega_m - (e_q - e_p)) * M)                        # [1] Eq. (35)
    return make_claim("MT-10", "independent_particle_matsubara_susceptibility_is_wick_limit_of_eq28", chi_MB, rhs,
                      numeric=NumericCheck(instances=lambda: st.tuples(fock_models(), st.integers(0, 2),
                                                                       st.integers(0, 2), st.sampled_from([1, -1, 2])),
                                           observe=_observe_fock, tolerance=_EXACT, samples=20,
                                           method="grand-canonical Fock space of 2-6 spin orbitals (Jordan-Wigner); "
                                                  "Eq. (28) over many-body eigenstates; Fermi-Dirac f_p"),
                      notes="Same sign convention as Eq. (28) (and Eq. 12); the factor 2 is the spin sum.")


# --- MT-12 ---------------------------------------------------------------------------------------------------------
chi_static = sp.Symbol("chi_static", real=True)


@register("MT-12")
def static_from_imaginary_axis() -> Claim:
    r"""Eq. (38): :math:`\alpha_{ij}(0)=[\mathbf1-\chi^0(0)K]^{-1}\chi^0_{ij}(0)`, contracted with the dipole vectors."""
    return make_claim("MT-12", "static_polarizability_from_imaginary_axis_dyson_as_printed", alpha, chi_static,
                      numeric=NumericCheck(instances=casida_static_instances, observe=observe_static_dyson, samples=15,
                                           tolerance=Tolerance(rel=1e-6, abs=1e-9, reason="finite-field Hartree SCF: "
                                                               "O(E^2) = 1e-8 relative, SCF converged to 1e-14"),
                                           method="alpha from finite-field closed-shell Hartree SCF with random ERIs; "
                                                  "chi_static = mu^(i)T [1 - chi0(0) K]^-1 chi0(0) mu^(j), chi0 of "
                                                  "Eq. (13)/(35) at omega = 0, K = (ka|lb)"),
                      notes="Index structure: the ph-space matrix is contracted as mu^(i)T chi mu^(j). The coupling "
                            "is right (Hartree SCF gives 4 mu^T (Delta + 4K)^-1 mu), the sign is that of Eq. (4): "
                            "chi0(0) < 0, so Eq. (38) gives -alpha(0).")


@register("MT-12/fix")
def static_from_imaginary_axis_corrected() -> Claim:
    """alpha_ij(0) = -mu^(i)T [1 - chi0(0) K]^-1 chi0(0) mu^(j)."""
    c = static_from_imaginary_axis()
    from dataclasses import replace
    return replace(c.with_formula(alpha, -chi_static), id="MT-12/fix", corrects="MT-12",
                   name="static_polarizability_from_imaginary_axis_dyson_with_minus_sign",
                   statement=r"\alpha_{ij}(0)=-\boldsymbol\mu^{(i)\top}\big[\mathbf1-\chi^0(0)K\big]^{-1}\chi^0(0)"
                             r"\boldsymbol\mu^{(j)}", title="Static polarizability from the Matsubara axis, sign fixed")


def _observe_iso(inst) -> Observation:
    model, i, j = inst
    b = model.beta
    t, qw = gauss_legendre_nodes(0.0, b, panel=b / 40, order=16)
    P = pair_arrays(model, i, j)
    keep = np.abs(P["w"]) > 1e-9                 # the omega -> 0 limit of Eq. (4): zero-frequency terms vanish
    return Observation({"tau": t, "q": qw, "chi_tau": tau_correlator(model, i, j, t), "p_m": P["pm"][keep],
                        "p_n": P["pn"][keep], "M": P["M"][keep], "w": P["w"][keep], "Z": P["Z"]})


@register("MT-12/iso")
def matsubara_zero_equals_kubo_static() -> Claim:
    r"""Eq. (38), first equality: :math:`\alpha_{ij}(0)=\chi_{ij}(i\omega_m=0)`: the Matsubara zero-frequency value
    (from Eq. 23, sign of Eq. 28) against the omega -> 0 limit of the retarded function (4)."""
    lhs = -StateSum(q * chi_tau)                                 # chi(i 0) = -int_0^beta chi(tau), MT-04/fix
    rhs = StateSum((p_m - p_n) * M / (-w)) / Z                   # lim_{w -> 0} Eq. (4)
    return make_claim("MT-12/iso", "matsubara_zero_frequency_equals_retarded_static_limit", lhs, rhs,
                      numeric=NumericCheck(instances=lambda: st.tuples(_models(), st.integers(0, 2), st.integers(0, 2)),
                                           observe=_observe_iso, tolerance=_TAU_QUAD, samples=20,
                                           method="tau integral of Eq. (23) by quadrature; Eq. (4) at omega -> 0 over "
                                                  "pairs with omega_nm != 0"),
                      statement=r"\alpha_{ij}(0)=\chi_{ij}(i\omega_m{=}0)",
                      notes="The Matsubara value is the isothermal susceptibility: it exceeds the Kubo static limit "
                            "by -beta sum over degenerate pairs p_m dmu^i_mn dmu^j_nm (beta times a covariance of "
                            "diagonal dipole elements), nonzero whenever thermally occupied levels carry different "
                            "<mu>.")


# --- MT-13 ---------------------------------------------------------------------------------------------------------
chi_eta, chi_0 = sp.symbols("chi_eta chi_0", complex=True)
a_amp = sp.Symbol("a", complex=True)


def _observe_broadening(inst) -> Observation:
    model, i, j, om, et = inst
    P = pair_arrays(model, i, j)
    a = (P["pm"] - P["pn"]) * P["M"] / P["Z"]
    keep = a != 0
    if np.any(np.abs(P["w"][keep] - om) < 0.05):
        raise Reject("omega within 0.05 of a pole: Eq. (39) is used away from poles")
    return Observation({"chi_eta": -physical_alpha(model, i, j, om, et), "chi_0": -physical_alpha(model, i, j, om, 0.0),
                        "a": a[keep], "w": P["w"][keep], "omega": om, "eta": et})


@register("MT-13")
def finite_broadening_bound() -> Claim:
    r"""Eq. (39): :math:`\chi^R(\omega)\approx\chi(\omega+i\eta)`, quantified: the deviation is at most
    :math:`\eta\sum|a_{mn}|/(\omega-\omega_{nm})^2` away from poles (first order in eta)."""
    return make_claim("MT-13", "finite_broadening_deviation_is_first_order_in_eta", sp.Abs(chi_eta - chi_0),
                      eta * StateSum(sp.Abs(a_amp) / (w - omega) ** 2), relation=Relation.LE,
                      numeric=NumericCheck(instances=lambda: st.tuples(_models(), st.integers(0, 2), st.integers(0, 2),
                                                                       st.floats(-3.0, 3.0),
                                                                       st.sampled_from([1e-1, 1e-2, 1e-3, 1e-5])),
                                           observe=_observe_broadening, samples=25,
                                           tolerance=Tolerance(abs=1e-12, reason="round-off of the Lehmann sums"),
                                           method="Eq. (4) at omega + i eta and at eta = 0 away from poles"),
                      notes="Each term changes by a(-i eta)/((w - w_nm)(w - w_nm + i eta)), bounded by eta|a|/(w - "
                            "w_nm)^2: the approximation is first order in eta away from poles.")


# --- MT-11 ---------------------------------------------------------------------------------------------------------
chi_M = sp.Symbol("chi_M", complex=True)
omega_S = sp.Symbol("omega_S", positive=True)
t_i, t_j = sp.symbols("t_i t_j", real=True)


def _observe_imag_dyson(inst) -> Observation:
    from numerics.hamiltonians import casida_models  # noqa: F401  (strategy below)
    from numerics.response import casida_solve, dyson_alpha, ph_matrices
    cm, i, j, bval, mm = inst
    ph = ph_matrices(cm)
    D, K = ph["Delta"], ph["K"]
    wm = 2 * np.pi * mm / bval
    wS, Xs, Ys = casida_solve(np.diag(D) + 2 * K, 2 * K)
    return Observation({"chi_M": dyson_alpha(ph, i, j, 1j * wm, K), "omega_S": wS, "t_i": ph["mu"][i] @ (Xs + Ys),
                        "t_j": ph["mu"][j] @ (Xs + Ys), "omega_m": wm})


@register("MT-11")
def imaginary_axis_dyson() -> Claim:
    r"""Eq. (37) with a frequency-independent (adiabatic) kernel: the imaginary-axis Dyson solution, contracted with
    the dipoles, equals the continuation to :math:`z=i\omega_m` of the excitation sum of the same kernel,
    :math:`-2\sum_S2\omega_St_St_S/(\omega_S^2+\omega_m^2)` (sign of Eq. 28, singlet A = Delta + 2K, B = 2K)."""
    from numerics.hamiltonians import casida_models
    rhs = -2 * StateSum(2 * omega_S * t_i * t_j / (omega_S ** 2 + omega_m ** 2))
    return make_claim("MT-11", "imaginary_axis_dyson_with_static_kernel_is_continued_excitation_sum", chi_M, rhs,
                      numeric=NumericCheck(instances=lambda: st.tuples(casida_models(), st.integers(0, 2),
                                                                       st.integers(0, 2), st.floats(0.3, 5.0),
                                                                       st.sampled_from([0, 1, -1, 3])),
                                           observe=_observe_imag_dyson, samples=20,
                                           tolerance=Tolerance(rel=1e-9, abs=1e-12, reason="linear solves and a "
                                                               "non-symmetric eigenproblem of size <= 18: round-off"),
                                           method="random Casida models; Eq. (37) solved at i w_m with chi0 of Eq. (35) "
                                                  "at T = 0 and K = (ka|lb); omega_S, t_S from the singlet problem (19)"),
                      notes="Encodes the quantitative content: with an omega-independent K, chi(i w_m) is the "
                            "analytic continuation of the real-axis response (real on the imaginary axis). Whether "
                            "ALDA/hybrid kernels are omega-independent is a statement about the functionals, not "
                            "checked here.")
