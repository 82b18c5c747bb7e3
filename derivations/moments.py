r"""First moments across surfaces and moment densities: :math:`\int^{x_b}x\varrho=S_1(x_b)-x_b\bar{\mathcal M}^{(1)}-\tfrac12\bar{\mathcal M}^{(2)}`.

Overview
    Tangney's Secs. VII.D-H, VIII, IX and Appendices A, E relate macroscopic first moments across a surface to the
    microscopic density through the moment densities :math:`\bar{\mathcal M}^{(n)}(x_b)` of a neutral partition
    (Eq. E1; for a crystal, whole cells :math:`[x_b, x_b+a]`). This module encodes the first-moment relations
    (Eqs. 29, 37, 41, 42, 44, A3, A4, E14b), the potential step, the crystal moment identities (E6, E13, E23), the
    dipole density of Eqs. 46-47 and the jumps of d(y)/a for point charges (Sec. IX).

    The symbolic model is one Fourier mode of the G2 crystal of :mod:`derivations.finnis` (the relations are
    linear in rho), with :math:`S_1(y)=S_{1,\rm ref}+\int_0^y t\rho`.
    The macroscopic first moment :math:`\int_{-\infty}^{X}x\varrho\,dx` of a density averaged with a top-hat kernel
    of width a is, by Fubini, :math:`\frac1a\int_{-a/2}^{a/2}[S_1(X+v)-vS_0(X+v)]\,dv`; it is independent of the bulk
    point X because :math:`\varrho` vanishes in the bulk. Numerics use Gaussian-packet slabs, where Gaussian-kernel
    smoothing is exact, so :math:`\int^Xx\varrho` and :math:`\int^X\varrho` are closed forms.
Key claims
    The printed coefficient of :math:`\bar{\mathcal M}^{(2)}` in Eqs. 41, 42, 44, A3, A4 is 1; the mesoscale value
    needs 1/2 (REFUTED, with ``/fix`` claims PROVED). Eq. 37 drops an O(1) term for r = 1. E14b follows from the
    printed Eq. 42 but not from the macroscopic first moment, which does not depend on x_b. The bulk potential of a
    slab with uncharged surfaces is not zero (T-A-57c/zero REFUTED).
Conventions
    1D planar averages; eps0 kept symbolically, eps0 = 1 in numerics; material at x > x_L.
References
    [1] P. Tangney, "Electricity at the macroscale and its microscopic origins" (2024).
"""

from __future__ import annotations

import numpy as np
import sympy as sp
from hypothesis import strategies as st
from scipy.special import ndtr
from sympy.physics.units import charge, length

from derivcheck import Claim, NumericCheck, Observation, Reject, Tolerance, register, spec_entry
from derivations.finnis import _rho1, S_ref, a, t, u, x_b
from numerics.chains import crystal_boundaries, mbar, potential_by_double_integration
from numerics.crystals import compensated_slabs, gauss_legendre, packet_slabs, point_charge_crystals

__all__ = ["first_moment_eq42_as_printed", "first_moment_with_m2_coefficient"]

# --- symbolic model ------------------------------------------------------------------------------------------------
X, v, x_1, x_2 = sp.symbols("X v x_1 x_2", real=True)
eps0 = sp.Symbol("epsilon_0", positive=True)
S1_ref = sp.Symbol("S1_ref", real=True)
N_c = sp.Symbol("N", integer=True, positive=True)
ell = sp.Symbol("ell", positive=True)


_rho = _rho1   # one neutral Fourier mode of the G2 crystal: every relation here is linear in rho (and fast)


def _S0(y):
    return S_ref + sp.Integral(_rho(t), (t, 0, y))


def _S1(y):
    return S1_ref + sp.Integral(t * _rho(t), (t, 0, y))


def _M1bar_G2(y):
    return sp.Integral(_rho(y + u) * (u - a / 2), (u, 0, a)) / a


def _M2bar_G2(y):
    return sp.Integral(_rho(y + u) * (u - a / 2) ** 2, (u, 0, a)) / a


_SIGMA_MODEL = sp.Integral(_S0(t), (t, x_b, x_b + a)) / a


def _macro_S1(Xp):
    r""":math:`\int_{-\infty}^{X}x\varrho` with a top-hat kernel of width a (Fubini)."""
    return sp.Integral(_S1(Xp + v) - v * _S0(Xp + v), (v, -a / 2, a / 2)) / a


# formula symbols
S1m, S1x, M1b, M2b, S0x = sp.symbols("S1_macro S1_xb Mbar1 Mbar2 S_0_xb", real=True)
S1R_m, S1R_x = sp.symbols("S1R_macro S1R_xb", real=True)
xb_s = sp.Symbol("x_b", real=True)
Phi_b, Phi_1, Phi_2, I_xr = sp.symbols("Phi_bulk Phi_1 Phi_2 I_xrho", real=True)
dS1, Sb_r, T_F, T_mu = sp.symbols("dS1_dxb Sbar_rb T_F T_mu", real=True)
avgM1, avgM2, dM1, dM2, rho_xb = sp.symbols("avg_Mbar1 avg_Mbar2 dMbar1 dMbar2 rho_xb", real=True)
Pbar, Pfub = sp.symbols("Pbar P_fubini", real=True)
jump, q_i = sp.symbols("jump q_i", real=True)
cM = sp.Symbol("c_M", real=True)

_L = charge / length      # a first moment per area (charge per length in 1D)
_SIG = charge / length**2

# --- numerics ------------------------------------------------------------------------------------------------------
_TOL = Tolerance(abs=1e-9, rel=1e-9,
                 reason="closed forms (normal CDF/pdf per packet, exact Gaussian smoothing with w = 2a, periodic part "
                        "damped by exp(-8 pi^2) ~ 1e-35); round-off of sums of x-weighted O(1) terms with x ~ 100 "
                        "is ~1e-12")
_GL_TOL = Tolerance(abs=1e-8, rel=1e-8,
                    reason="closed forms plus composite 20-node Gauss-Legendre on panels no wider than the narrowest "
                           "packet (round-off level, panel halving in tests/test_moments.py)")


def _pt(ch, frac, margin):
    lo, hi = ch.bulk
    return lo + margin + frac * (hi - lo - 2 * margin)


def _m(ch, xb, n):
    return mbar(ch, xb, n, crystal_boundaries(xb, ch.period, 3))


def _slabs():
    return st.tuples(packet_slabs(), st.floats(0.0, 1.0), st.floats(0.0, 1.0))


def _comp_slabs():
    return st.tuples(compensated_slabs(), st.floats(0.0, 1.0), st.floats(0.0, 1.0))


def _observe_first_moments(inst) -> Observation:
    ch, f1, _ = inst
    a_ = ch.period
    xb = _pt(ch, f1, 3 * a_)
    Xc = _pt(ch, 0.5, 0)
    sm = ch.smoothed(2 * a_)
    total1 = float(ch.S1(ch.m.max() + 50 * a_))
    return Observation({"S1_macro": float(sm.S1(Xc)), "S1_xb": float(ch.S1(xb)), "x_b": xb, "Mbar1": _m(ch, xb, 1),
                        "Mbar2": _m(ch, xb, 2), "S1R_macro": total1 - float(sm.S1(Xc)),
                        "S1R_xb": total1 - float(ch.S1(xb)), "S_0_xb": float(ch.S0(xb)),
                        "dS1_dxb": float(sm.S1(xb + 1e-3 * a_) - sm.S1(xb - 1e-3 * a_)) / (2e-3 * a_)})


_METHOD = ("GB1 slabs perturbed at both surfaces; the macroscopic first moment int^X x rho_bar by exact Gaussian "
           "smoothing (w = 2a) at the bulk centre X; S_1(x_b) and Mbar1, Mbar2 (Eq. E1 over whole cells) in closed "
           "form at a random bulk x_b")
_DIMS = {S1m: _L, S1x: _L, xb_s: length, M1b: _SIG, M2b: _L, S1R_m: _L, S1R_x: _L}
_ASSUME = ("periodic bulk with neutral cells (whole-cell partition, Eq. E1)", "x_b deep in the bulk",
           "mesoscale average by a kernel much wider than a")


def _mk(cid, name, lhs, rhs, defs, instances, observe, tol, method, *, spec_id=None, dims=None, samples=20, **kw):
    spec = spec_entry(spec_id or cid.split("/")[0])
    return Claim(id=cid, name=name, paper="tangney2024", location=kw.pop("location", spec["location"]),
                 statement=kw.pop("statement", spec["statement"]), title=kw.pop("title", spec["title"]), lhs=lhs,
                 rhs=rhs, definitions=defs, dimensions=dims if dims is not None else {},
                 numeric=NumericCheck(instances=instances, observe=observe, tolerance=tol, method=method,
                                      samples=samples),
                 assumptions=kw.pop("assumptions", _ASSUME), headline=True, **kw)


_DEFS_LEFT = {S1m: _macro_S1(X), S1x: _S1(x_b), xb_s: x_b, M1b: _M1bar_G2(x_b), M2b: _M2bar_G2(x_b)}


def first_moment_with_m2_coefficient(coef, cid: str, name: str, *, spec_id=None, **kw) -> Claim:
    r""":math:`\int_{x_L}^{x_b}x\varrho=\int_{x_L}^{x_b}x\rho-x_b\bar{\mathcal M}^{(1)}-c\,\bar{\mathcal M}^{(2)}`;
    Eqs. 42 and A3 print c = 1."""
    return _mk(cid, name, S1m, S1x - xb_s * M1b - coef * M2b, _DEFS_LEFT, _slabs, _observe_first_moments, _TOL,
               _METHOD, spec_id=spec_id, dims=_DIMS, **kw)


@register("T-A-49/42")
def first_moment_eq42_as_printed() -> Claim:
    """Tangney Eq. 42 as printed (coefficient 1 of Mbar2)."""
    return first_moment_with_m2_coefficient(
        1, "T-A-49/42", "macroscopic_first_moment_eq42_as_printed", location="Sec. VII.H.2, Eq. 42",
        statement=r"\mathcal S_1^{[\Delta\nu]}(\mathbf x_b)=\int_{x_L}^{x_b}x\Delta\nu(x)\,dx-x_b\bar{\mathcal M}"
                  r"^{(1)}_{\Delta\nu}(x_b)-\bar{\mathcal M}^{(2)}_{\Delta\nu}(x_b)",
        notes="The mesoscale first moment exceeds the printed right side by Mbar2/2: the first-order Taylor "
              "expansion of Eq. 37 drops the term -(1/2) sum_m mu'(x_m - x_b) x_m Delta_m M2_m ~ +Mbar2/2, which does "
              "not vanish as the kernel widens (see T-A-46/r1).")


@register("T-A-49/42/fix")
def first_moment_eq42_corrected() -> Claim:
    """Eq. 42 with coefficient 1/2 of Mbar2 (derived here from the top-hat and Gaussian mesoscale averages)."""
    return first_moment_with_m2_coefficient(
        sp.Rational(1, 2), "T-A-49/42/fix", "macroscopic_first_moment_has_half_second_moment_density",
        corrects="T-A-49/42", location="Sec. VII.H.2, Eq. 42 (repaired)", title="Eq. 42 with coefficient 1/2",
        statement=r"\mathcal S_1(\mathbf x_b)=\int_{x_L}^{x_b}x\rho\,dx-x_b\bar{\mathcal M}^{(1)}(x_b)"
                  r"-\tfrac12\bar{\mathcal M}^{(2)}(x_b)")


@register("T-B-50/A3")
def first_moment_eqA3_as_printed() -> Claim:
    """Tangney Eq. A3 as printed (the left-surface first moment, coefficient 1 of Mbar2)."""
    c = first_moment_with_m2_coefficient(1, "T-B-50/A3", "left_first_moment_eqA3_as_printed",
                                         location="Appendix A, Eq. A3",
                                         statement=r"\int_{\mathbf x_L}^{\mathbf x_b}\mathbf x\boldsymbol\varrho"
                                                   r"(\mathbf x)\,d\mathbf x=\int_{x_L}^{x_b}x\rho(x)\,dx-x_b\bar"
                                                   r"{\mathcal M}_\rho^{(1)}(x_b)-\bar{\mathcal M}_\rho^{(2)}(x_b)")
    return c


@register("T-B-50/A3/fix")
def first_moment_eqA3_corrected() -> Claim:
    """Eq. A3 with coefficient 1/2 of Mbar2."""
    return first_moment_with_m2_coefficient(
        sp.Rational(1, 2), "T-B-50/A3/fix", "left_first_moment_has_half_second_moment_density", corrects="T-B-50/A3",
        location="Appendix A, Eq. A3 (repaired)", title="Eq. A3 with coefficient 1/2",
        statement=r"\int_{\mathbf x_L}^{\mathbf x_b}\mathbf x\boldsymbol\varrho\,d\mathbf x=\int_{x_L}^{x_b}x\rho\,dx"
                  r"-x_b\bar{\mathcal M}^{(1)}_\rho(x_b)-\tfrac12\bar{\mathcal M}^{(2)}_\rho(x_b)")


T1_ref = sp.Symbol("T1_ref", real=True)       # total first moment of the slab
_DEFS_RIGHT = {S1R_m: T1_ref - _macro_S1(X), S1R_x: T1_ref - _S1(x_b), xb_s: x_b, M1b: _M1bar_G2(x_b),
               M2b: _M2bar_G2(x_b)}


def _right(coef, cid, name, statement, location, spec_id=None, **kw):
    return _mk(cid, name, S1R_m, S1R_x + xb_s * M1b + coef * M2b, _DEFS_RIGHT, _slabs, _observe_first_moments, _TOL,
               _METHOD + "; the right-surface moment is the total first moment minus the left one", spec_id=spec_id,
               dims=_DIMS, location=location, statement=statement, **kw)


@register("T-B-50/A4")
def first_moment_eqA4_as_printed() -> Claim:
    """Tangney Eq. A4 as printed (right surface, coefficient 1 of Mbar2)."""
    return _right(1, "T-B-50/A4", "right_first_moment_eqA4_as_printed",
                  r"\int_{\mathbf x_b}^{\mathbf x_R}\mathbf x\boldsymbol\varrho(\mathbf x)\,d\mathbf x=\int_{x_b}^{x_R}"
                  r"x\rho(x)\,dx+x_b\bar{\mathcal M}_\rho^{(1)}(x_b)+\bar{\mathcal M}_\rho^{(2)}(x_b)",
                  "Appendix A, Eq. A4")


@register("T-B-50/A4/fix")
def first_moment_eqA4_corrected() -> Claim:
    """Eq. A4 with coefficient 1/2 of Mbar2."""
    return _right(sp.Rational(1, 2), "T-B-50/A4/fix", "right_first_moment_has_half_second_moment_density",
                  r"\int_{\mathbf x_b}^{\mathbf x_R}\mathbf x\boldsymbol\varrho\,d\mathbf x=\int_{x_b}^{x_R}x\rho\,dx"
                  r"+x_b\bar{\mathcal M}^{(1)}_\rho(x_b)+\tfrac12\bar{\mathcal M}^{(2)}_\rho(x_b)",
                  "Appendix A, Eq. A4 (repaired)", corrects="T-B-50/A4", title="Eq. A4 with coefficient 1/2")


@register("T-A-51/44")
def first_moment_eq44_as_printed() -> Claim:
    """Tangney Eq. 44 (mesoscale average over the lower limit, upper limit fixed beyond the right surface)."""
    return _right(1, "T-A-51/44", "lower_limit_average_of_first_moment_eq44_as_printed",
                  r"\left\langle\int_{x_b}^{x_r}x\Delta\nu(x)\,dx;\mu\right\rangle_{\varepsilon_x}(x_b)=\int_{x_b}^{x_r}"
                  r"x\Delta\nu(x)\,dx+x_b\bar{\mathcal M}^{(1)}_{\Delta\nu}(x_b)+\bar{\mathcal M}^{(2)}_{\Delta\nu}(x_b)",
                  "Sec. VII.H.4, Eq. 44")


@register("T-A-51/44/fix")
def first_moment_eq44_corrected() -> Claim:
    """Eq. 44 with coefficient 1/2 of Mbar2."""
    return _right(sp.Rational(1, 2), "T-A-51/44/fix", "lower_limit_average_of_first_moment_has_half_m2",
                  r"\left\langle\int_{x_b}^{x_r}x\Delta\nu\,dx;\mu\right\rangle(x_b)=\int_{x_b}^{x_r}x\Delta\nu\,dx"
                  r"+x_b\bar{\mathcal M}^{(1)}(x_b)+\tfrac12\bar{\mathcal M}^{(2)}(x_b)", "Sec. VII.H.4, Eq. 44 (repaired)",
                  corrects="T-A-51/44", title="Eq. 44 with coefficient 1/2")


I0R_m, I0R_x = sp.symbols("I0R_macro I0R_xb", real=True)
Q_ref = sp.Symbol("Q_ref", real=True)


def _observe_eq43(inst) -> Observation:
    ch, f1, _ = inst
    a_ = ch.period
    xb = _pt(ch, f1, 3 * a_)
    total = float(ch.q.sum())
    # <int_{x'}^{x_r} rho; mu>(x_b): Gaussian kernel over the lower limit x' about x_b, x_r beyond the right end
    return Observation({"I0R_macro": total - float(ch.smoothed(2 * a_).S0(xb)), "I0R_xb": total - float(ch.S0(xb)),
                        "Mbar1": _m(ch, xb, 1)})


@register("T-A-51/43")
def lower_limit_average_eq43() -> Claim:
    r"""Tangney Eq. 43: :math:`\langle\int_{x_b}^{x_r}\Delta\nu;\mu\rangle(x_b)=\int_{x_b}^{x_r}\Delta\nu+\bar{\mathcal M}^{(1)}(x_b)`."""
    return _mk("T-A-51/43", "lower_limit_average_of_charge_integral_adds_moment_density", I0R_m, I0R_x + M1b,
               {I0R_m: Q_ref - _SIGMA_MODEL, I0R_x: Q_ref - _S0(x_b), M1b: _M1bar_G2(x_b)}, _slabs, _observe_eq43,
               _TOL, "GB1 slabs; the Gaussian-kernel (w = 2a) average over the lower limit x' about a random bulk x_b of "
               "int_{x'}^{x_r} rho, with x_r beyond the right surface, in closed form; Mbar1 by Eq. E1",
               location="Sec. VII.H.4, Eq. 43", dims={I0R_m: _SIG, I0R_x: _SIG, M1b: _SIG},
               statement=r"\left\langle\int_{x_b}^{x_r}\Delta\nu(x)\,dx;\mu\right\rangle_{\varepsilon_x}(x_b)="
                         r"\int_{x_b}^{x_r}\Delta\nu(x)\,dx+\bar{\mathcal M}^{(1)}_{\Delta\nu}(x_b)")


@register("T-A-49/E14b")
def first_moment_derivative_E14b() -> Claim:
    r"""Tangney Eq. E14b: :math:`d\mathcal S_1^{[\Delta\nu]}/dx_b=\bar{\mathcal M}^{(1)}(x_b)`, with
    :math:`\mathcal S_1(\mathbf x_b)=\int_{\mathbf x_L}^{\mathbf x_b}\mathbf x\Delta\mathcal V` (its definition)."""
    return _mk("T-A-49/E14b", "derivative_of_macroscopic_first_moment_E14b_as_printed", dS1, M1b,
               {dS1: sp.diff(_macro_S1(X), X), M1b: _M1bar_G2(X)}, _slabs, _observe_first_moments, _TOL,
               "GB1 slabs; d/dx_b of int^{x_b} x rho_bar (exact Gaussian smoothing, w = 2a) by a central difference "
               "(step 1e-3 a; the function is flat to 1e-30 in the bulk); Mbar1 by Eq. E1", location="Appendix E, Eq. E14b",
               statement=r"\frac{d\mathcal S_1^{[\Delta\nu]}}{dx_b}=\bar{\mathcal M}^{(1)}_{\Delta\nu}(x_b)",
               notes="The macroscopic first moment int_{x_L}^{x_b} x rho_bar does not depend on x_b once x_b is in the "
                     "bulk (rho_bar = 0 there), so its derivative is 0, not Mbar1. E14b does follow from the printed "
                     "Eq. 42 (T-A-49/E14b-of-42), whose right side is therefore not the macroscopic first moment.")


@register("T-A-49/E14b-of-42")
def derivative_of_eq42_right_side() -> Claim:
    r"""E14b read as the derivative of the printed right side of Eq. 42 (using E6, E13): it holds."""
    rhs42 = _S1(x_b) - x_b * _M1bar_G2(x_b) - _M2bar_G2(x_b)
    return _mk("T-A-49/E14b-of-42", "derivative_of_eq42_right_side_is_moment_density", dS1, M1b,
               {dS1: sp.diff(rhs42, x_b), M1b: _M1bar_G2(x_b)}, _slabs, _observe_rhs42_derivative, _GL_TOL,
               "GB1 slabs; d/dx_b of S_1(x_b) - x_b Mbar1 - Mbar2 by differentiating under the integrals (analytic "
               "rho', Gauss-Legendre)", location="Appendix E, Eq. E14b (from Eqs. 42, E6, E13)",
               statement=r"\frac{d}{dx_b}\Big[\int_{x_L}^{x_b}x\rho\,dx-x_b\bar{\mathcal M}^{(1)}-\bar{\mathcal M}^{(2)}"
                         r"\Big]=\bar{\mathcal M}^{(1)}(x_b)")


def _dm(ch, xb, n):
    """d/dx_b of Mbar^(n)(x_b) = (1/a) int_0^a rho'(x_b + u)(u - a/2)^n du (analytic rho', Gauss-Legendre)."""
    a_ = ch.period
    return gauss_legendre(lambda uu: ch.drho(xb + uu) * (uu - a_ / 2) ** n, 0.0, a_, panel=float(ch.s.min())) / a_


def _observe_rhs42_derivative(inst) -> Observation:
    ch, f1, _ = inst
    a_ = ch.period
    xb = _pt(ch, f1, 3 * a_)
    d = xb * float(ch.rho(xb)) - _m(ch, xb, 1) - xb * _dm(ch, xb, 1) - _dm(ch, xb, 2)
    return Observation({"dS1_dxb": d, "Mbar1": _m(ch, xb, 1)})


# --- T-A-46: Eq. 37 against Eq. 36 ---------------------------------------------------------------------------------
def _observe_eq37(r):
    def observe(inst) -> Observation:
        ch, f1, _ = inst
        a_ = ch.period
        w = 1.5 * a_
        L2 = 15 * a_
        xb = _pt(ch, f1, L2)
        pan = float(ch.s.min())
        sb = gauss_legendre(lambda uu: (xb + uu) ** r * ch.rho(xb + uu) * ndtr(-uu / w), -L2, L2, panel=pan)
        cells = crystal_boundaries(xb, a_, 15)
        lo, hi = cells[:-1], cells[1:]
        xm = (lo + hi) / 2
        Fm = ndtr(-(xm - xb) / w)                                   # F_mu(x_m - x_b)
        mu = np.exp(-0.5 * ((xm - xb) / w) ** 2) / (np.sqrt(2 * np.pi) * w)
        # int (x_m + u)^r rho and int u (x_m + u)^r rho over each cell, from the closed-form moments about x_m
        m0, m1, m2 = (ch.interval_moment(lo, hi, k, xm) for k in range(3))
        I = m0 if r == 0 else xm * m0 + m1
        J = m1 if r == 0 else xm * m1 + m2
        return Observation({"Sbar_rb": sb, "T_F": float(np.sum(Fm * I)), "T_mu": float(np.sum(mu * J))})
    return observe


def _eq37(r):
    return _mk(f"T-A-46/r{r}", f"first_order_taylor_eq37_matches_eq36_for_r{r}", Sb_r, T_F - T_mu, {}, _slabs,
               _observe_eq37(r), _GL_TOL,
               f"GB1 slabs; Eq. 36 (r = {r}) by Gauss-Legendre with a Gaussian kernel (w = 1.5a, F_mu = Phi(-u/w)) on "
               "ell = 30a; Eq. 37 summed over the 30 whole cells with closed-form cell moments", sample_residual=False,
               location="Sec. VII.H, Eqs. 36, 37", statement=spec_entry("T-A-46")["statement"],
               notes="No symbolic model (the claim is an approximation); the tolerance is that of the quadrature, "
                     "because for a crystal and a Gaussian kernel with w >= 1.5a the second- and higher-order Taylor "
                     "terms sum (Poisson summation) to exp(-2 pi^2 w^2/a^2) < 1e-19 for r = 0. For r = 1 the "
                     "second-order term contains x_m mu'(x_m - x_b) and sums to about +Mbar2/2 for every w.")


@register("T-A-46/r0")
def eq37_first_order_r0() -> Claim:
    """Eq. 37 with r = 0: the discarded Taylor terms are negligible."""
    return _eq37(0)


@register("T-A-46/r1")
def eq37_first_order_r1() -> Claim:
    """Eq. 37 with r = 1: the discarded second-order term is O(Mbar2), independent of the kernel width."""
    return _eq37(1)


def _observe_eq41(inst) -> Observation:
    ch, f1, _ = inst
    a_ = ch.period
    w, L2 = 1.5 * a_, 15 * a_
    xb = _pt(ch, f1, L2)
    sb = gauss_legendre(lambda uu: (xb + uu) * ch.rho(xb + uu) * ndtr(-uu / w), -L2, L2, panel=float(ch.s.min()))
    return Observation({"Sbar_rb": sb, "x_b": xb, "ell": 2 * L2, "Mbar1": _m(ch, xb, 1), "Mbar2": _m(ch, xb, 2)})


@register("T-A-49/41")
def bulk_first_moment_eq41_as_printed() -> Claim:
    r"""Tangney Eq. 41: :math:`\bar{\mathcal S}_{1,b}=-(x_b-\ell/2)\bar{\mathcal M}^{(1)}-\bar{\mathcal M}^{(2)}`."""
    model = _macro_S1(X) - _S1(x_b - N_c * a)                     # Eq. 36 = mesoscale S_1 minus the surface term 35
    return _mk("T-A-49/41", "bulk_term_of_first_moment_eq41_as_printed", Sb_r, -(xb_s - ell / 2) * M1b - M2b,
               {Sb_r: model, xb_s: x_b, ell: 2 * N_c * a, M1b: _M1bar_G2(x_b), M2b: _M2bar_G2(x_b)}, _slabs,
               _observe_eq41, _GL_TOL, "GB1 slabs; Eq. 36 (r = 1) by Gauss-Legendre with a Gaussian kernel "
               "(w = 1.5a) on ell = 30a about a random bulk x_b; Mbar1, Mbar2 by Eq. E1", location="Sec. VII.H.2, Eq. 41",
               statement=r"\bar{\mathcal S}^{[\Delta\nu]}_{1,b}(x_b;\varepsilon_x)=-\left(x_b-\frac\ell2\right)\bar"
                         r"{\mathcal M}^{(1)}_{\Delta\nu}(x_b)-\bar{\mathcal M}^{(2)}_{\Delta\nu}(x_b)")


# --- T-A-41: Eqs. 28, 29 and T-A-57c: the bulk potential -----------------------------------------------------------
def _observe_potential(inst) -> Observation:
    ch, f1, _ = inst
    a_ = ch.period
    w = 2 * a_
    sm = ch.smoothed(w)
    lo = float(ch.m.min() - 12 * w)                               # vacuum: rho_bar < 1e-30 to the left
    x2 = _pt(ch, f1, 3 * a_)
    phi, E = potential_by_double_integration(sm.rho, lo, np.array([lo + 1.0, x2]), panel=float(sm.s.min()))
    xb = x2
    return Observation({"Phi_1": float(phi[0]), "Phi_2": float(phi[1]), "I_xrho": float(sm.S1(x2) - sm.S1(lo + 1.0)),
                        "epsilon_0": 1.0, "Phi_bulk": float(phi[1]), "S1_xb": float(ch.S1(xb)), "x_b": xb,
                        "S_0_xb": float(ch.S0(xb)), "Mbar2": _m(ch, xb, 2), "E_2": float(E[1])})


@register("T-A-41/29")
def potential_step_is_first_moment() -> Claim:
    r"""Tangney Eq. 29 with :math:`\Psi=-\varrho/\epsilon_0`: :math:`\Phi(x_2)-\Phi(x_1)=\epsilon_0^{-1}\int_{x_1}^{x_2}x\varrho`."""
    p0, p1 = sp.symbols("p_0 p_1", real=True)
    dV = (X - x_1) * (X - x_2) * (p0 + p1 * X)                    # V'(x), zero at both ends (V constant there)
    return _mk("T-A-41/29", "potential_step_equals_first_moment_of_mesoscale_density", Phi_2 - Phi_1, I_xr / eps0,
               {Phi_2 - Phi_1: sp.Integral(dV, (X, x_1, x_2)), I_xr: sp.Integral(X * eps0 * sp.diff(dV, X), (X, x_1, x_2))},
               _comp_slabs, _observe_potential, _GL_TOL,
               "GB1 slabs with compensated surfaces (sigma = 0); Phi from the exactly smoothed density (w = 2a) by "
               "double integration (Gauss-Legendre) from the vacuum x_1 to a random bulk x_2; int x rho_bar in "
               "closed form; eps0 = 1", location="Sec. VII.D, Eq. 29",
               statement=r"\mathcal V(\mathbf x_2)-\mathcal V(\mathbf x_1)=-\int_{\mathbf x_1}^{\mathbf x_2}\mathbf x"
                         r"\Psi(\mathbf x)\,d\mathbf x",
               notes="Symbolic model: V' a polynomial vanishing at x_1 and x_2 (V constant on both sides), "
                     "Psi = V'' = -rho_bar/eps0, so eps0 V'' stands for -rho_bar... encoded as "
                     "I_xrho = int x (eps0 V'') with the sign of Psi = -rho_bar/eps0 absorbed: Phi_2 - Phi_1 = "
                     "-int x Psi = (1/eps0) int x rho_bar.")


@register("T-A-41/28")
def potential_step_is_integral_of_derivative() -> Claim:
    r"""Tangney Eq. 28: :math:`\mathcal V(x_2)-\mathcal V(x_1)=\int_{x_1}^{x_2}\mathcal V^{(1)}`, with V = Phi and
    V' = -E computed independently."""
    return _mk("T-A-41/28", "potential_step_equals_integral_of_its_derivative", Phi_2 - Phi_1, -sp.Symbol("int_E", real=True),
               {}, _comp_slabs, _observe_eq28, _GL_TOL,
               "GB1 slabs (compensated); x1 from the vacuum across the left surface, x2 in the bulk; Phi by double "
               "integration; the integral of -E with "
               "E = eps0^-1 S_0 of the "
               "smoothed density (closed form) by Gauss-Legendre", sample_residual=False,
               location="Sec. VII.D, Eq. 28",
               statement=r"\mathcal V(\mathbf x_2)-\mathcal V(\mathbf x_1)=\int_{\mathbf x_1}^{\mathbf x_2}\mathcal V^{(1)}"
                         r"(\mathbf x)\,d\mathbf x")


def _observe_eq28(inst) -> Observation:
    ch, f1, f2 = inst
    a_ = ch.period
    sm = ch.smoothed(2 * a_)
    lo = float(ch.m.min() - 24 * a_)
    # x1 from the vacuum across the smoothed left surface to the bulk edge (Phi_1 = 0 ... the bulk value), x2 in the bulk
    x1 = float(ch.m.min()) - 6 * a_ + f2 * (ch.bulk[0] - float(ch.m.min()) + 6 * a_)
    x2 = _pt(ch, f1, 3 * a_)
    phi, _ = potential_by_double_integration(sm.rho, lo, np.array([x1, x2]), panel=float(sm.s.min()))
    pe = float(sm.s.min())
    intE = gauss_legendre(sm.S0, lo, x2, panel=pe) - gauss_legendre(sm.S0, lo, x1, panel=pe)   # int_{x1}^{x2}
    return Observation({"Phi_1": float(phi[0]), "Phi_2": float(phi[1]), "int_E": intE})


_SREF0 = -sp.Integral(sp.Integral(_rho(t), (t, 0, X)), (X, x_b, x_b + a)) / a   # S_ref for which sigma = 0


def _phi_model():
    """Bulk potential of the G2 slab with sigma = 0: the period average of phi = (S_1 - x S_0)/eps0."""
    y = sp.Symbol("y", real=True)
    return sp.Integral(_S1(y) - y * _S0(y).subs(S_ref, _SREF0), (y, x_b, x_b + a)) / (a * eps0)


def _bulk_phi(coef, cid, name, statement, **kw):
    return _mk(cid, name, eps0 * Phi_b, S1x - xb_s * S0x - coef * M2b,
               {Phi_b: _phi_model(), S1x: _S1(x_b), xb_s: x_b, S0x: _S0(x_b).subs(S_ref, _SREF0),
                M2b: _M2bar_G2(x_b)}, _comp_slabs, _observe_potential, _GL_TOL,
               "GB1 slabs with compensated surfaces (sigma_L = sigma_R = 0); Phi_bulk = potential of the exactly "
               "smoothed density (w = 2a) by double integration from the vacuum to a random bulk x_b; S_0, S_1, Mbar2 "
               "of the microscopic density in closed form", spec_id="T-A-57c", statement=statement, **kw)


@register("T-A-57c")
def bulk_potential_from_printed_relations() -> Claim:
    r"""Spec T-A-57c: :math:`\epsilon_0\Phi_{\rm bulk}=\int_{x_L}^{x_b}(x-x_b)\rho\,dx-\bar{\mathcal M}^{(2)}(x_b)`."""
    return _bulk_phi(1, "T-A-57c", "bulk_potential_from_printed_first_moment_relations",
                     r"\epsilon_0\Phi_{\rm bulk}=\int_{x_L}^{x_b}(x-x_b)\rho(x)\,dx-\bar{\mathcal M}^{(2)}_\rho(x_b)")


@register("T-A-57c/fix")
def bulk_potential_with_half_m2() -> Claim:
    """The bulk potential with coefficient 1/2 of Mbar2 (Eqs. 29, A1 and the repaired A3)."""
    return _bulk_phi(sp.Rational(1, 2), "T-A-57c/fix", "bulk_potential_has_half_second_moment_density",
                     r"\epsilon_0\Phi_{\rm bulk}=\int_{x_L}^{x_b}(x-x_b)\rho\,dx-\tfrac12\bar{\mathcal M}^{(2)}_\rho(x_b)",
                     corrects="T-A-57c", title="Bulk potential with coefficient 1/2")


@register("T-A-57c/zero")
def bulk_potential_vanishes_as_stated() -> Claim:
    """Sec. IV.F / Sec. IX: Phi_bulk = 0 for an isolated slab whose surfaces are uncharged."""
    return _mk("T-A-57c/zero", "bulk_potential_vanishes_for_uncharged_surfaces", Phi_b, sp.Integer(0),
               {Phi_b: _phi_model()}, _comp_slabs, _observe_potential, _GL_TOL,
               "GB1 slabs with compensated surfaces; Phi_bulk by double integration of the smoothed density",
               spec_id="T-A-57c", statement=r"\Phi_{\rm bulk}=0\quad(\sigma_L=\sigma_R=0)",
               notes="The period-averaged potential of a crystal with uncharged surfaces is "
                     "eps0^-1 [int (x - x_b) rho - Mbar2/2], which is -(1/(2 a eps0)) int u^2 rho over a cell for a "
                     "termination at a neutral cell boundary: Bethe's mean inner potential, nonzero in general.")
