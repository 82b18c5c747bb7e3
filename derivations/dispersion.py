r"""Plane-wave dispersion in Cho's chi_em scheme, the epsilon-mu scheme, DBF media and left-handed materials.

Overview
    (29): :math:`\det|c^2k^2/\omega^2-1-(4\pi c/\omega^2)\chi_{em}|=0` at the roots of the wave equation (20)
    (C-12); the conventional (30) :math:`\det|c^2k^2/\omega^2-\epsilon\mu|=0` with T blocks (C-13); the DBF
    dispersion (43) (C-20) and whether a DBF medium can reproduce (29) (C-21); LHM dispersion (46)-(47) with the
    magnetic pole in :math:`\chi_m` or :math:`\chi_B`, the Fig. 1-2 window positions, and the reflectance (C-22, C-23).
    Numeric roots come from the first-order Maxwell systems (curl equations for transverse E and H, k along z)
    solved as (generalised) eigenproblems, independent of the printed determinants.
Key claims
    C-12, C-13 (REFUTED for anisotropic mu), C-13/fix, C-20, C-21 (REFUTED: matching scalars exist), C-22/46,
    C-22/47, C-22 (window ends, Fig. 1), C-22/fig2, C-22/dip, C-22/vg, C-23 (REFUTED unless eps_b = -1), C-23/fix.
Conventions
    Gaussian units, :math:`e^{i(kz-\omega t)}`, n = ck/omega; transverse 2 x 2 blocks (x, y); J = z-hat x acting on
    transverse vectors, :math:`J=\begin{pmatrix}0&-1\\1&0\end{pmatrix}`.
References
    [1] K. Cho, Secs. 2.4, 3.3, 3.4, Figs. 1-2, App. A.
"""

from __future__ import annotations

import numpy as np
import scipy.linalg as sla
import sympy as sp
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from derivcheck import Claim, NumericCheck, Observation, Relation, Tolerance, register, spec_entry

__all__ = ["dispersion_29_vanishes_at_wave_equation_roots", "eps_mu_dispersion_as_printed",
           "eps_mu_dispersion_corrected", "dbf_dispersion", "dbf_cannot_reproduce_chi_em_as_printed",
           "lhm_dispersion_A", "lhm_dispersion_B", "lhm_window_ends", "lhm_reflectance_curves_shifted",
           "lhm_reflectance_dip_reaches_zero", "lhm_branch_is_backward", "lhm_reflectance_as_printed",
           "lhm_reflectance_corrected"]

PAPER = "cho"
c, omega = sp.Symbol("c", positive=True), sp.Symbol("omega", positive=True)
k = sp.Symbol("k", complex=True)
Jm = np.array([[0.0, -1.0], [1.0, 0.0]])


def _claim(cid, name, lhs, rhs, *, observe, instances, tol, method, samples=25, **kw) -> Claim:
    spec = spec_entry(cid.split("/")[0])
    return Claim(id=cid, name=name, paper=PAPER, location=kw.pop("location", spec["location"]),
                 statement=kw.pop("statement", spec["statement"]), title=kw.pop("title", spec["title"]),
                 lhs=lhs, rhs=rhs, headline=kw.pop("headline", True),
                 numeric=NumericCheck(instances=instances, observe=observe, tolerance=tol, method=method,
                                      samples=samples), **kw)


def _cplx(lo=0.0, hi=3.0):
    return st.complex_numbers(min_magnitude=lo, max_magnitude=hi, allow_nan=False, allow_infinity=False)


# --- C-12 ---------------------------------------------------------------------------------------------------------
chi = {ab: sp.Symbol(f"chi_{ab}", complex=True) for ab in ("xx", "xy", "yx", "yy")}
chis = sp.Symbol("chi_s", complex=True)


@st.composite
def _chiral_schemes(draw):
    """Two states, each with random complex transverse Ibar (2,) and k.Qbar (2,): chiral and anisotropic."""
    I = draw(arrays(np.complex128, (2, 2), elements=_cplx(0, 2)))
    Q = draw(arrays(np.complex128, (2, 2), elements=_cplx(0, 2)))
    E = draw(arrays(np.float64, 2, elements=st.floats(1.0, 2.0)))
    return I, Q, E, draw(st.floats(0.2, 3.0)), draw(st.floats(1e-3, 0.1)), draw(st.floats(0.5, 20.0))


def _chi27_coeffs(I, Q, E, w, eta, cc):
    """Coefficient matrices of chi_em(k) = X0 + k X1 + k^2 X2 from (27), N_nu = 1 (the definition of chi_em)."""
    gb, hb = 1 / (E - w - 1j * eta) - 1 / E, 1 / (E + w + 1j * eta) - 1 / E
    X = [np.zeros((2, 2), complex) for _ in range(3)]
    for n in range(2):
        i0, iv, q0, qv = I[n], I[n].conj(), Q[n], Q[n].conj()
        for g, (a0, a1, b0, b1) in ((gb[n], (i0, q0, iv, qv)), (hb[n], (iv, qv, i0, q0))):
            X[0] += g * np.outer(a0, b0) / cc
            X[1] += g * (1j * np.outer(a0, b1) - 1j * np.outer(a1, b0)) / cc
            X[2] += g * np.outer(a1, b1) / cc
    return X


def _observe_c12(inst) -> Observation:
    I, Q, E, w, eta, cc = inst
    X = _chi27_coeffs(I, Q, E, w, eta, cc)
    # wave equation (20) with (26): [(k^2 - w^2/c^2) 1 - (4 pi/c) chi(k)] A = 0, a quadratic eigenproblem in k
    K2 = np.eye(2) - 4 * np.pi / cc * X[2]
    K1 = -4 * np.pi / cc * X[1]
    K0 = -(w / cc) ** 2 * np.eye(2) - 4 * np.pi / cc * X[0]
    Z = np.zeros((2, 2))
    lin_A = np.block([[Z, np.eye(2)], [-K0, -K1]])
    lin_B = np.block([[np.eye(2), Z], [Z, K2]])
    ks = sla.eig(lin_A, lin_B, right=False)
    ks = ks[np.isfinite(ks)]
    chis_ = [X[0] + kk * X[1] + kk**2 * X[2] for kk in ks]
    vals = {"k": ks, "omega": w, "c": cc}
    for i, ab in enumerate(("xx", "xy", "yx", "yy")):
        vals[f"chi_{ab}"] = np.array([m.ravel()[i] for m in chis_])
    a = cc**2 * np.abs(ks) ** 2 / w**2 + 1
    b = 4 * np.pi * cc / w**2 * max(np.max(np.abs(m)) for m in chis_)
    return Observation(vals, scale=float(np.max((a + b) ** 2)))


@register("C-12")
def dispersion_29_vanishes_at_wave_equation_roots() -> Claim:
    r"""Eq. (29): :math:`\det|\frac{c^2k^2}{\omega^2}-1-\frac{4\pi c}{\omega^2}\chi_{em}(k,\omega)|=0` (2 x 2 T block)."""
    a = c**2 * k**2 / omega**2 - 1
    b = 4 * sp.pi * c / omega**2
    det = (a - b * chi["xx"]) * (a - b * chi["yy"]) - b**2 * chi["xy"] * chi["yx"]
    return _claim("C-12", "chi_em_dispersion_determinant_vanishes_at_plane_wave_solutions", det, sp.Integer(0),
                  definitions={chi["xx"]: chis, chi["yy"]: chis, chi["xy"]: 0, chi["yx"]: 0,
                               k: sp.sqrt(omega**2 / c**2 + 4 * sp.pi * chis / c)},
                  observe=_observe_c12, instances=_chiral_schemes,
                  tol=Tolerance(rel=1e-9, reason="roots of the quadratic eigenproblem of (20) by QZ; residual of a "
                                                 "product of O(1) terms relative to its scale: conditioning x 1e-16"),
                  method="chiral anisotropic two-state schemes; chi_em(k) = X0 + k X1 + k^2 X2 from (27); the k of "
                         "plane waves from the wave equation (20) (quadratic eigenproblem, QZ); (29) evaluated there",
                  notes="Symbolic model: isotropic chi_em, the plane wave k^2 = omega^2/c^2 + 4 pi chi/c of (20).")


# --- C-13 -------------------------------------------------------------------------------------------------------------
ep = {ab: sp.Symbol(f"epsilon_{ab}", complex=True) for ab in ("xx", "xy", "yx", "yy")}
mu = {ab: sp.Symbol(f"mu_{ab}", complex=True) for ab in ("xx", "xy", "yx", "yy")}
n2 = sp.Symbol("n2", complex=True)


def _mat(d):
    return sp.Matrix([[d["xx"], d["xy"]], [d["yx"], d["yy"]]])


@st.composite
def _tensor_pairs(draw):
    kind = draw(st.sampled_from(["scalar", "diagonal", "general", "uniaxial"]))

    def t(kind_):
        z = draw(arrays(np.complex128, (2, 2), elements=_cplx(0.1, 3)))
        if kind_ == "scalar":
            return z[0, 0] * np.eye(2)
        if kind_ == "diagonal":
            return np.diag(np.diag(z))
        if kind_ == "uniaxial":
            return z[0, 0] * np.eye(2)
        return z
    return t(kind if kind != "uniaxial" else "diagonal"), t(kind), kind


def _maxwell_n(e, m):
    """n = ck/omega of transverse plane waves along z: n J E = mu H, n J H = -eps E (generalised eigenproblem)."""
    Z = np.zeros((2, 2))
    A = np.block([[Z, m], [-e, Z]])
    B = np.block([[Jm, Z], [Z, Jm]])
    return sla.eig(A, B, right=False)


def _observe_c13(inst) -> Observation:
    e, m, _ = inst
    n = _maxwell_n(e, m)
    vals = {"n2": n**2}
    for i, ab in enumerate(("xx", "xy", "yx", "yy")):
        vals[f"epsilon_{ab}"], vals[f"mu_{ab}"] = e.ravel()[i], m.ravel()[i]
    return Observation(vals, scale=float(np.max(np.abs(n**2)) + np.max(np.abs(e)) * np.max(np.abs(m))) ** 2)


_DIAG = {ep["xy"]: 0, ep["yx"]: 0, mu["xy"]: 0, mu["yx"]: 0, n2: ep["xx"] * mu["yy"]}   # the E_x wave


@register("C-13")
def eps_mu_dispersion_as_printed() -> Claim:
    r"""Eq. (30): :math:`\det|\frac{c^2k^2}{\omega^2}-\epsilon\mu|=0` with the T blocks of the tensors."""
    return _claim("C-13", "eps_mu_dispersion_determinant_with_product_of_t_blocks", (n2 * sp.eye(2) - _mat(ep) * _mat(mu)).det(),
                  sp.Integer(0), definitions=_DIAG, observe=_observe_c13, instances=_tensor_pairs,
                  tol=Tolerance(rel=1e-9, reason="4 x 4 generalised eigenproblem (QZ): round-off x conditioning"),
                  method="random complex eps, mu: scalar, diagonal (anisotropic), general 2 x 2 T blocks; n from the "
                         "curl equations n J E = mu H, n J H = -eps E; (30) evaluated at n^2",
                  notes="For diagonal tensors the E_x wave has n^2 = eps_x mu_y (its H is along y), not an eigenvalue "
                        "of eps mu = diag(eps_x mu_x, eps_y mu_y). (30) holds for scalar or transversely isotropic mu.")


@register("C-13/fix")
def eps_mu_dispersion_corrected() -> Claim:
    r""":math:`\det|n^2-(J\mu J^T)\epsilon|=0`, :math:`J=\hat z\times`."""
    Jz = sp.Matrix([[0, -1], [1, 0]])
    return _claim("C-13/fix", "eps_mu_dispersion_determinant_with_rotated_mu", (n2 * sp.eye(2) - Jz * _mat(mu) * Jz.T * _mat(ep)).det(),
                  sp.Integer(0), definitions=_DIAG, observe=_observe_c13, instances=_tensor_pairs, corrects="C-13",
                  tol=Tolerance(rel=1e-9, reason="4 x 4 generalised eigenproblem (QZ): round-off x conditioning"),
                  method="as C-13", statement=r"\det\Big|\frac{c^2k^2}{\omega^2}-(J\mu J^{T})\,\epsilon\Big|=0,\ "
                                              r"J=\hat z\times")


# --- C-20 -------------------------------------------------------------------------------------------------------------
eps_, mu_, beta = sp.Symbol("epsilon", complex=True), sp.Symbol("mu", complex=True), sp.Symbol("beta", complex=True)


def _dbf_k(e, m, b, w, cc):
    """k of the DBF system: k J E = (w/c) mu (H + i b k J H), k J H = -(w/c) eps (E + i b k J E)."""
    Z = np.zeros((2, 2))
    I = np.eye(2)
    M1 = np.block([[Jm, -(w / cc) * m * 1j * b * Jm], [(w / cc) * e * 1j * b * Jm, Jm]])
    M0 = np.block([[Z, -(w / cc) * m * I], [(w / cc) * e * I, Z]])
    ks = sla.eig(M0, -M1, right=False)
    return ks[np.isfinite(ks)]


@st.composite
def _dbf_media(draw):
    return (draw(_cplx(0.1, 4)), draw(_cplx(0.1, 4)), draw(_cplx(0.0, 0.5)), draw(st.floats(0.2, 3.0)),
            draw(st.floats(0.5, 20.0)))


def _observe_c20(inst) -> Observation:
    e, m, b, w, cc = inst
    ks = _dbf_k(e, m, b, w, cc)
    return Observation({"k": ks, "epsilon": e, "mu": m, "beta": b, "omega": w, "c": cc},
                       scale=float(np.max(np.abs(cc * ks / w)) ** 4 + abs(e * m) ** 2 * 100))


@register("C-20")
def dbf_dispersion() -> Claim:
    r"""Eq. (43): :math:`(ck/\omega)^2=\epsilon\mu(1\pm\frac{\beta\omega}c\sqrt{\epsilon\mu})^{-2}`, both signs:
    every root k makes :math:`[(ck/\omega)^2-R_+][(ck/\omega)^2-R_-]` vanish."""
    s = sp.sqrt(eps_ * mu_)
    Rp, Rm = eps_ * mu_ * (1 + beta * omega / c * s) ** -2, eps_ * mu_ * (1 - beta * omega / c * s) ** -2
    n2k = (c * k / omega) ** 2
    return _claim("C-20", "dbf_dispersion_relation_for_scalar_eps_mu_beta", (n2k - Rp) * (n2k - Rm), sp.Integer(0),
                  definitions={k: omega / c * s / (1 - beta * omega * s / c)},
                  observe=_observe_c20, instances=_dbf_media,
                  tol=Tolerance(rel=1e-8, reason="4 x 4 generalised eigenproblem (QZ); the product of two differences "
                                                 "of O(|n|^2) numbers: round-off x conditioning"),
                  method="random complex eps, mu, beta; k from the curl equations with the DBF constitutive relations "
                         "(54), k along z, as a generalised eigenproblem",
                  notes="Helicity s: curl -> s k, (ck/omega)^2 = eps mu (1 + s beta k)^2; solving for k gives (43), the "
                        "two signs covering both helicities and directions.")


# --- C-21 -------------------------------------------------------------------------------------------------------------
a0, a1, a2 = sp.symbols("a_0 a_1 a_2", complex=True)
Dmis, delta = sp.Symbol("D_mismatch", nonnegative=True), sp.Symbol("delta", positive=True)


def _dbf_from_chi(A0, A1, A2, w, cc):
    lam = (cc / w) ** 2 / ((cc / w) ** 2 - A2 + A1**2 / (4 * A0))
    return lam * A0, A1 / (2 * A0)                   # eps mu, beta


@st.composite
def _chiral_pole_sums(draw):
    n = draw(st.integers(1, 3))
    E = draw(arrays(np.float64, n, elements=st.floats(1.0, 2.0)))
    r = draw(arrays(np.complex128, (3, n), elements=_cplx(0.0, 0.5)))
    return E, r, draw(st.floats(0.2, 3.0)), draw(st.floats(1e-3, 0.1)), draw(st.floats(0.5, 5.0))


def _observe_c21(inst) -> Observation:
    E, r, w, g, cc = inst
    pole = 1 / (E - w - 1j * g)
    A0 = 1 + r[0] @ pole
    A1, A2 = r[1] @ pole, r[2] @ pole
    em, b = _dbf_from_chi(A0, A1, A2, w, cc)
    k29 = np.concatenate([np.roots([(cc / w) ** 2 - A2, -s * A1, -A0]) for s in (1, -1)])   # (29) per helicity
    kdbf = _dbf_k(em, 1.0, b, w, cc)                 # DBF medium with eps = eps mu, mu = 1 (only eps mu enters)
    mis = sum(np.min(np.abs(kdbf - kk)) for kk in k29) / np.max(np.abs(k29))
    return Observation({"D_mismatch": mis, "delta": 1e-6})


@register("C-21")
def dbf_cannot_reproduce_chi_em_as_printed() -> Claim:
    r"""C-21, quantitative reading: no scalar :math:`\epsilon\mu(\omega),\beta(\omega)` make the roots of (43) equal
    those of (29) for both helicities, i.e. their mismatch is at least some :math:`\delta>0`."""
    # for the explicit candidate below, the normalised coefficient mismatch of the two helicity quadratics
    lam = (c / omega) ** 2 / ((c / omega) ** 2 - a2 + a1**2 / (4 * a0))
    em, b = lam * a0, a1 / (2 * a0)
    r1 = ((c / omega) ** 2 - em * b**2) / em - ((c / omega) ** 2 - a2) / a0
    r2 = 2 * b - a1 / a0
    return _claim("C-21", "dbf_scalars_cannot_reproduce_chi_em_dispersion", Dmis, delta, relation=Relation.GE,
                  definitions={Dmis: sp.Abs(sp.simplify(r1)) + sp.Abs(sp.simplify(r2))},
                  observe=_observe_c21, instances=_chiral_pole_sums,
                  tol=Tolerance(abs=1e-9, reason="root finding (np.roots, QZ): relative root errors ~1e-12"),
                  method="chiral pole sums a_0 = 1 + sum r0/(E - w - i g), a_1, a_2 with common poles; roots of "
                         "(29) restricted to helicities s = +-1; roots of the DBF system with eps mu = lam a_0, "
                         "beta = a_1/(2 a_0); delta = 1e-6 relative as the least mismatch that counts",
                  notes="Helicity form of (29): (c^2/w^2 - a_2) k^2 - s a_1 k - a_0 = 0; DBF: (c^2/w^2 - eps mu "
                        "beta^2) k^2 - 2 s eps mu beta k - eps mu = 0. They coincide for beta = a_1/(2 a_0), eps mu = "
                        "lam a_0, lam = (c/w)^2/((c/w)^2 - a_2 + a_1^2/(4 a_0)), at every omega. The paper's narrower "
                        "point stands: beta(omega) then has poles at the zeros of a_0, not the transitions' single "
                        "poles, so beta is not a microscopic response function of the usual form.")


# --- C-22 and C-23: LHM -----------------------------------------------------------------------------------------------
eps_b = sp.Symbol("epsilon_b", negative=True)
bb, w0, eta = sp.Symbol("b", positive=True), sp.Symbol("omega_0", positive=True), sp.Symbol("eta", positive=True)
n2A, n2B = sp.Symbol("n2_A", complex=True), sp.Symbol("n2_B", complex=True)


def _mu_from(chi_, kind):
    """mu from the constitutive relations B = H + 4 pi M and M = chi H (kind 'm') or M = chi B (kind 'B')."""
    if kind == "m":
        return 1 + 4 * np.pi * chi_
    B, M = np.linalg.solve(np.array([[1.0, -4 * np.pi], [-chi_, 1.0]], dtype=complex), np.array([1.0, 0.0], complex))
    return B


@st.composite
def _lhm_media(draw):
    eb = draw(st.one_of(st.just(-1.0), st.floats(-5.0, -0.1)))
    w0_ = draw(st.floats(0.5, 3.0))
    b_ = draw(st.one_of(st.just(0.001 / (4 * np.pi)), st.floats(1e-4, 0.05))) * w0_
    w = w0_ + draw(st.floats(-5.0, 5.0).filter(lambda x: abs(x) > 1e-3)) * 4 * np.pi * b_
    return eb, b_, w0_, w, draw(st.floats(1e-6, 1e-2)) * b_


def _observe_lhm(inst) -> Observation:
    eb, b_, w0_, w, et = inst
    vals = {"epsilon_b": eb, "b": b_, "omega_0": w0_, "omega": w, "eta": et}
    for kind, key in (("m", "n2_A"), ("B", "n2_B")):
        muv = _mu_from(b_ / (w0_ - w - 1j * et), kind)
        n = _maxwell_n(eb * np.eye(2), muv * np.eye(2))
        vals[key] = n[0] ** 2                        # n^2 = (ck/omega)^2 of the transverse wave
    return Observation(vals)


_LHM_TOL = Tolerance(rel=1e-9, reason="2 x 2 constitutive solve and 4 x 4 eigenproblem: round-off")


@register("C-22/46")
def lhm_dispersion_A() -> Claim:
    r"""Eq. (46): :math:`c^2k^2/\omega^2=\epsilon_b(1+\frac{4\pi b}{\omega_0-\omega-i0^+})` for :math:`\chi_m` of (44)."""
    return _claim("C-22/46", "lhm_dispersion_with_pole_in_chi_m", n2A,
                  eps_b * (1 + 4 * sp.pi * bb / (w0 - omega - sp.I * eta)),
                  definitions={n2A: eps_b * (1 + 4 * sp.pi * bb / (w0 - omega - sp.I * eta))},
                  observe=_observe_lhm, instances=_lhm_media, tol=_LHM_TOL, headline=False,
                  method="mu from M = chi_m H and B = H + 4 pi M; n^2 from the transverse curl equations",
                  statement=r"(A)\ \frac{c^2k^2}{\omega^2}=\epsilon_b\Big(1+\frac{4\pi b}{\omega_0-\omega-i0^+}\Big)")


@register("C-22/47")
def lhm_dispersion_B() -> Claim:
    r"""Eq. (47): :math:`c^2k^2/\omega^2=\epsilon_b(1-\frac{4\pi b}{\omega_0-\omega-i0^+})^{-1}` for :math:`\chi_B` (45)."""
    chiB = bb / (w0 - omega - sp.I * eta)
    return _claim("C-22/47", "lhm_dispersion_with_pole_in_chi_B", n2B,
                  eps_b * (1 - 4 * sp.pi * bb / (w0 - omega - sp.I * eta)) ** -1,
                  definitions={n2B: eps_b * (1 + 4 * sp.pi * chiB / (1 - 4 * sp.pi * chiB))},
                  observe=_observe_lhm, instances=_lhm_media, tol=_LHM_TOL, headline=False,
                  method="mu from M = chi_B B and B = H + 4 pi M solved as a linear system; n^2 from the curl equations",
                  statement=r"(B)\ \frac{c^2k^2}{\omega^2}=\epsilon_b\Big(1-\frac{4\pi b}{\omega_0-\omega-i0^+}\Big)^{-1}")


def _grid(eb, b_, w0_, pts=400_001):
    a = 4 * np.pi * b_
    w = w0_ + a * np.linspace(-2.0, 2.0, pts) + a * 1.234567e-7      # offset: no grid point on a pole or zero
    nA2 = eb * (1 + a / (w0_ - w))
    nB2 = eb / (1 - a / (w0_ - w))
    return w, nA2, nB2


def _window(w, n2_):
    ok = n2_ > 0
    return w[ok].min(), w[ok].max()


@st.composite
def _fig_media(draw):
    """Fig. 1 parameters (eps_b = -1, 4 pi b/omega_0 = 0.001) first, then other eps_b < 0 and b > 0."""
    eb = draw(st.one_of(st.just(-1.0), st.floats(-5.0, -0.1)))
    ratio = draw(st.one_of(st.just(0.001), st.floats(1e-4, 0.01)))
    w0_ = draw(st.one_of(st.just(1.0), st.floats(0.5, 3.0)))
    return eb, ratio * w0_ / (4 * np.pi), w0_


lowA, highB = sp.Symbol("omega_low_A", positive=True), sp.Symbol("omega_high_B", positive=True)


def _observe_window(inst) -> Observation:
    eb, b_, w0_ = inst
    w, nA2, nB2 = _grid(eb, b_, w0_)
    return Observation({"omega_low_A": np.array([_window(w, nA2)[0], _window(w, nB2)[1]]), "omega_0": w0_})


@register("C-22")
def lhm_window_ends() -> Claim:
    r"""Sec. 3.4, Figs. 1-2: the propagating (LHM) window has :math:`\omega_0` at its lower end in (A) and at its
    upper end in (B). Encoded as [lower end of (A), upper end of (B)] = [omega_0, omega_0]."""
    return _claim("C-22", "resonance_is_lower_window_end_for_chi_m_pole_and_upper_end_for_chi_B_pole",
                  lowA, w0, definitions={lowA: w0}, observe=_observe_window, instances=_fig_media,
                  tol=Tolerance(rel=2e-7, reason="grid of 4e5 points over omega_0 +- 2 (4 pi b): spacing 1e-5 of the "
                                                 "window width <= 1e-7 omega_0"),
                  method="n^2 of (46) and (47) with i0^+ -> 0 on a 4e5-point grid about omega_0 (Fig. 1 values "
                         "eps_b = -1, 4 pi b/omega_0 = 0.001 first); window = where n^2 > 0 (eps_b < 0 there)",
                  sample_residual=False, samples=10,
                  notes="Symbolic content: (A) n^2 > 0 iff -4 pi b < omega_0 - omega < 0, window (omega_0, omega_0 + "
                        "4 pi b); (B) iff 0 < omega_0 - omega < 4 pi b, window (omega_0 - 4 pi b, omega_0). The lhs "
                        "array holds both ends.")


RA, RB = sp.Symbol("R_A_shifted", nonnegative=True), sp.Symbol("R_B", nonnegative=True)


def _R(n):
    return np.abs((n + 1) / (n - 1)) ** 2


def _observe_fig2(inst) -> Observation:
    eb, b_, w0_ = inst
    a = 4 * np.pi * b_
    w = w0_ - a + a * np.linspace(1e-4, 1 - 1e-4, 2001)                   # inside window (B)
    nB = -np.sqrt(eb / (1 - a / (w0_ - w)) + 0j)
    wA = w + a
    nA = -np.sqrt(eb * (1 + a / (w0_ - wA)) + 0j)
    return Observation({"R_B": _R(nB), "R_A_shifted": _R(nA)})


@register("C-22/fig2")
def lhm_reflectance_curves_shifted() -> Claim:
    r"""Fig. 2 caption: the two reflectance curves are 'almost identical, except for their positions'; quantified
    as :math:`R_B(\omega)=R_A(\omega+4\pi b)` (eps_b = -1, R as printed in C-23)."""
    return _claim("C-22/fig2", "reflectance_of_chi_B_case_is_chi_m_case_shifted_by_window_width", RB, RA,
                  observe=_observe_fig2, instances=lambda: _fig_media().filter(lambda x: x[0] == -1.0) | st.tuples(
                      st.just(-1.0), st.floats(1e-4, 1e-2).map(lambda r: r / (4 * np.pi)), st.just(1.0)),
                  tol=Tolerance(rel=1e-9, abs=1e-12, reason="closed-form n on the same grid; round-off"),
                  method="R = |(n+1)/(n-1)|^2 on the n < 0 branch inside window (B) and at omega + 4 pi b in (A)",
                  sample_residual=False, headline=False, samples=10,
                  statement=r"\text{Fig. 2: two curves almost identical, except for their positions}",
                  notes="For eps_b = -1: n_A^2(omega_0 + y) = (a - y)/y and n_B^2(omega_0 - a + y) = (a - y)/y with "
                        "a = 4 pi b, so the curves are identical up to the shift a (exactly, as i0^+ -> 0).")


Rmin = sp.Symbol("R_min", nonnegative=True)


def _observe_dip(inst) -> Observation:
    eb, b_, w0_ = inst
    w, nA2, nB2 = _grid(-1.0, b_, w0_)
    out = []
    for n2_ in (nA2, nB2):
        ok = n2_ > 0
        out.append(_R(-np.sqrt(n2_[ok])).min())
    return Observation({"R_min": np.array(out)})


@register("C-22/dip")
def lhm_reflectance_dip_reaches_zero() -> Claim:
    """Sec. 3.4: 'the dip of reflectivity can become as deep as 0 (n = -1)' (eps_b = -1, both cases)."""
    return _claim("C-22/dip", "reflectance_dip_reaches_zero_where_n_is_minus_one", Rmin, sp.Integer(0),
                  observe=_observe_dip, instances=_fig_media,
                  tol=Tolerance(abs=1e-8, reason="grid spacing 1e-5 of the window: n passes -1 within |dn| ~ 1e-5, "
                                                 "R ~ (dn/2)^2 ~ 1e-10"),
                  method="R = |(n+1)/(n-1)|^2 along the n < 0 branch on the 4e5-point grid, eps_b = -1",
                  sample_residual=False, headline=False, samples=10,
                  statement=r"\text{the dip of reflectivity can become as deep as 0 }(n=-1)")


vgvph = sp.Symbol("vg_vph_max", real=True)


def _observe_vg(inst) -> Observation:
    eb, b_, w0_ = inst
    w, nA2, nB2 = _grid(eb, b_, w0_)
    out = []
    for n2_ in (nA2, nB2):
        ok = np.nonzero(n2_ > 0)[0][2:-2]
        ww = w[ok]
        kk = -np.sqrt(n2_[ok]) * ww                   # c = 1: k = n omega/c on the n < 0 branch
        vg = np.gradient(ww, kk)
        out.append(np.max(vg * ww / kk))
    return Observation({"vg_vph_max": np.array(out)})


@register("C-22/vg")
def lhm_branch_is_backward() -> Claim:
    """Sec. 3.4 / Fig. 1: on the n < 0 branch v_g v_ph < 0 (both cases)."""
    return _claim("C-22/vg", "lhm_branch_has_opposite_group_and_phase_velocities", vgvph, sp.Integer(0),
                  relation=Relation.LE, observe=_observe_vg, instances=_fig_media,
                  tol=Tolerance(abs=0.0, reason="a sign: any positive value on the grid refutes"),
                  method="k = n omega/c (n < 0) on the grid; v_g = d omega/dk by np.gradient; v_ph = omega/k",
                  sample_residual=False, headline=False, samples=10,
                  statement=r"\text{We have a branch with }v_gv_{ph}<0")


Rtm, nn = sp.Symbol("R", nonnegative=True), sp.Symbol("n", negative=True)


def _slab_R(n, eb, kappa=1e-7):
    """Reflectance of a thick weakly absorbing slab (vacuum on both sides), normal incidence, Gaussian units."""
    nc = n + 1j * kappa * abs(n)
    muv = nc**2 / eb
    Y = nc / muv                                       # H = (n/mu) E
    d = 40 / (kappa * abs(n))                          # omega/c = 1: attenuation e^{-80} over the round trip
    delta = nc * d
    m11 = m22 = np.cos(delta)
    m12, m21 = -1j * np.sin(delta) / Y, -1j * Y * np.sin(delta)
    r = (m11 + m12 - m21 - m22) / (m11 + m12 + m21 + m22)
    return float(abs(r) ** 2)


def _observe_c23(inst) -> Observation:
    eb, n = inst
    return Observation({"R": _slab_R(n, eb), "n": n, "epsilon_b": eb})


def _c23_instances():
    return st.tuples(st.one_of(st.sampled_from([-1.0, -2.0, -0.5]), st.floats(-5.0, -0.1)), st.floats(-5.0, -0.05))


_C23_TOL = Tolerance(rel=1e-5, abs=1e-7, reason="absorption kappa = 1e-7 |n| changes R by O(kappa); back surface "
                                               "suppressed by e^{-80}")


@register("C-23")
def lhm_reflectance_as_printed() -> Claim:
    r"""Sec. 3.4: :math:`R=|(n+1)/(n-1)|^2` for a semi-infinite LHM (n < 0)."""
    return _claim("C-23", "lhm_normal_incidence_reflectance_as_printed", Rtm, sp.Abs((nn + 1) / (nn - 1)) ** 2,
                  definitions={Rtm: ((nn - eps_b) / (nn + eps_b)) ** 2}, observe=_observe_c23,
                  instances=_c23_instances, tol=_C23_TOL,
                  method="transfer (characteristic) matrix of a thick, weakly absorbing slab with n^2 = eps_b mu",
                  notes="Continuity of tangential E and H with H = (n/mu) E and mu = n^2/eps_b gives "
                        "r = (n - eps_b)/(n + eps_b); the printed form is its value for eps_b = -1 (the Fig. 1 value).")


@register("C-23/fix")
def lhm_reflectance_corrected() -> Claim:
    r""":math:`R=|(n-\epsilon_b)/(n+\epsilon_b)|^2` for n^2 = eps_b mu."""
    return _claim("C-23/fix", "lhm_normal_incidence_reflectance_general_eps_b", Rtm,
                  sp.Abs((nn - eps_b) / (nn + eps_b)) ** 2, definitions={Rtm: ((nn - eps_b) / (nn + eps_b)) ** 2},
                  observe=_observe_c23, instances=_c23_instances, tol=_C23_TOL, corrects="C-23",
                  method="as C-23", statement=r"R=\Big|\frac{n-\epsilon_b}{n+\epsilon_b}\Big|^2")
