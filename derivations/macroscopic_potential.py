r"""Macroscopic potential in the bulk of a material with uncharged surfaces (Tangney Sec. XIII, Sec. XV, App. E).

Overview
    Tangney builds the potential at a bulk point x_b from the charge to its left (Eqs. 71-72, the cylinder of radius
    R) and an x_r-averaged contribution from the charge to its right (Eq. 78), adds them (Eq. 79) and concludes
    :math:`\Phi=0` when :math:`\sigma_L=0` (Eq. 80). The moment densities
    :math:`\bar{\mathcal M}^{(n)}(x_b)=\frac1a\int_0^a\rho(x_b+u)(u-\frac a2)^n du` (whole-cell partition) satisfy
    E6, E13, E14b; their period averages vanish (E23, E27); the partition independence of
    :math:`\bar{\mathcal M}^{(2)}` (E22) is tested on cells made of two neutral sub-units.
    The reference value for every potential claim is the exact bulk mean of the microscopic potential (Poisson's
    equation integrated twice, vacuum on the left), which for a crystal of neutral zero-dipole blocks is the 1D
    Bethe value :math:`-\frac{1}{2\epsilon_0a}\int y^2\rho_{\rm blk}dy`.
Key claims
    T-B-26 (Eq. 72), T-B-28 (Eq. 78), T-B-29 (Eqs. 79-80), T-B-30, T-B-49 (a, b, c), T-B-54 (E6, E13, E14, the
    x_b-invariance), T-B-55 (E20, E22), T-B-56 (E23, E27).
Conventions
    1D planar averages; the material at x > x_L; S_0, S_1 the zeroth and first moments of rho from the left vacuum;
    epsilon_0 symbolic, 1 in the numerics. Symbolic crystal: spec generator G2 (two Fourier modes, neutral).
References
    [1] P. Tangney, "Electricity at the macroscale and its microscopic origins" (2024), Secs. XIII, XV, App. E.
"""

from __future__ import annotations

import functools

import numpy as np
import sympy as sp
from hypothesis import strategies as st
from sympy.physics.units import charge, current, length, time, voltage

from derivcheck import Claim, NumericCheck, Observation, Tolerance, register, spec_entry
from numerics import potentials as pot
from numerics.bodies import (BlockBody, block_crystals, block_glasses, polar_crystals, PolarCrystal,
                             zero_dipole_blocks)

__all__ = ["moment_density", "period_averages"]

# --- symbolic crystal (G2) ----------------------------------------------------------------------------------------
x, tt, uu, x_b, x_1, x_2, X = sp.symbols("x t u x_b x_1 x_2 X", real=True)
a = sp.Symbol("a", positive=True)
epsilon_0, R = sp.symbols("epsilon_0 R", positive=True)
S_ref, S1_ref = sp.symbols("S_ref S1_ref", real=True)
_c = sp.symbols("c_1:3", real=True)
_s = sp.symbols("s_1:3", real=True)


def _rho(y):
    return sum(_c[j] * sp.cos(2 * sp.pi * (j + 1) * y / a) + _s[j] * sp.sin(2 * sp.pi * (j + 1) * y / a)
               for j in range(2))


_Y = sp.Symbol("Y", real=True)   # placeholder argument: each integral below is done once, then substituted


@functools.cache
def _generic(kind: str, n: int = 0) -> sp.Expr:
    if kind == "S0":
        return S_ref + sp.integrate(_rho(tt), (tt, 0, _Y))
    if kind == "S1":
        return S1_ref + sp.integrate(tt * _rho(tt), (tt, 0, _Y))
    return sp.integrate(sp.expand(_rho(_Y + uu) * (uu - a / 2) ** n), (uu, 0, a)) / a


def _S0(y):
    return _generic("S0").xreplace({_Y: y})


def _S1(y):
    return _generic("S1").xreplace({_Y: y})


def _Mn(y, n):
    r""":math:`\bar{\mathcal M}^{(n)}(y)=\frac1a\int_0^a\rho(y+u)(u-a/2)^n\,du` (whole-cell partition)."""
    return _generic("M", n).xreplace({_Y: y})


def _claim(claim_id: str, name: str, lhs, rhs, numeric=None, **kw) -> Claim:
    spec = spec_entry(claim_id.split("/")[0])
    return Claim(id=claim_id, name=name, paper="tangney2024", location=kw.pop("location", spec["location"]),
                 statement=kw.pop("statement", spec["statement"]), title=kw.pop("title", spec["title"]),
                 lhs=lhs, rhs=rhs, numeric=numeric, headline=True, **kw)


# --- numeric kernels ----------------------------------------------------------------------------------------------
def moment_density(chain, xb: float, a_: float, n: int, deriv: bool = False) -> float:
    r""":math:`\bar{\mathcal M}^{(n)}(x_b)` by Gauss-Legendre (or the same integral of :math:`\rho'` when ``deriv``,
    i.e. its x_b-derivative under the integral sign)."""
    f = chain.drho if deriv else chain.rho
    return pot.quad(lambda u_: f(xb + u_) * (u_ - a_ / 2) ** n, 0.0, a_, float(np.min(chain.s)) / 2) / a_


def period_averages(chain, x0: float, a_: float) -> dict:
    r"""Averages over x_b in [x0, x0 + a] of S_0, x_b S_0, S_1 and of :math:`\bar{\mathcal M}^{(1,2)}(x_b)`.

    The last two use Fubini: :math:`\frac1a\int_0^a\bar{\mathcal M}^{(n)}(x_0+t)dt=\frac1{a^2}\int_0^a(v-\frac a2)^n
    [S_0(x_0+v+a)-S_0(x_0+v)]\,dv`, with S_0 in closed form."""
    panel = float(np.min(chain.s)) / 2
    avg = lambda f: pot.quad(f, x0, x0 + a_, panel) / a_  # noqa: E731
    out = {"A0": avg(chain.S0), "AX": avg(lambda y: y * chain.S0(y)), "A1": avg(chain.S1),
           "Aphi": avg(chain.phi)}
    for n in (1, 2):
        out[f"AM{n}"] = pot.quad(lambda v: (v - a_ / 2) ** n * (chain.S0(x0 + v + a_) - chain.S0(x0 + v)),
                                 0.0, a_, panel) / a_**2
    return out


_QUAD_TOL = Tolerance(rel=1e-9, abs=1e-11,
                      reason="closed-form S0, S1, phi (erf) and 20-node Gauss-Legendre on panels of half the "
                             "narrowest Gaussian width: round-off level (refinement checked in tests)")


def _block_crystals():
    """Crystals of whole zero-dipole neutral blocks (incl. Bethe's Crystal 1 and 2 blocks): sigma_L = 0."""
    return block_crystals(n_cells=(40, 60))


# =================================================================================================================
# T-B-26, T-B-28, T-B-29: Eqs. 72, 78, 79, 80 on crystals with uncharged surfaces
# =================================================================================================================
Phi, Phi_L, Phi_r, sigma_L, D = sp.symbols("Phi Phi_L Phi_r sigma_L D", real=True)
A0, AX, A1, AM1, AM2, Q2 = sp.symbols("A0 AX A1 AM1 AM2 Q2", real=True)


def _observe_crystal(inst) -> Observation:
    body, RR = inst
    chain = body.chain
    x0 = body.bulk_cell()
    av = period_averages(chain, x0, body.a)
    xL = float(np.min(chain.m))
    right = (-RR * av["A0"] + (av["A1"] - av["AX"]) - float(chain.S1(chain.extent[1]))) / (2 * pot.EPS0)
    return Observation({"Phi": av["Aphi"], "Phi_L": (RR * av["A0"] - av["AX"] + av["A1"]) / (2 * pot.EPS0),
                        "Phi_r": right, "sigma_L": av["A0"], "D": x0 + body.a / 2 - xL, "R": RR,
                        "epsilon_0": pot.EPS0, "A0": av["A0"], "AX": av["AX"], "A1": av["A1"], "AM1": av["AM1"],
                        "AM2": av["AM2"], "a": body.a, "Q2": body.block.moment(2)},
                       scale=max(abs(av["Aphi"]), 1e-3))


def _crystals_and_radii():
    return st.tuples(_block_crystals(), st.floats(1e2, 1e4))


_R_TOL = Tolerance(rel=1e-9, abs=1e-9,
                   reason="closed forms integrated by Gauss-Legendre (round-off level); R <= 1e4 multiplies period "
                          "averages that vanish to round-off (~1e-14 of the charge scale), hence abs 1e-9")


def _crystal_check(what: str, samples: int = 12) -> NumericCheck:
    return NumericCheck(_crystals_and_radii, _observe_crystal, _R_TOL, samples=samples,
                        method="1D crystals of 40-60 whole zero-dipole neutral blocks (Crystal 1, Crystal 2 or random "
                               "symmetric blocks; sigma_L = 0), R in [1e2, 1e4]; " + what)


@register("T-B-26")
def mesoscale_average_of_left_potential_eq72() -> Claim:
    r"""Tangney Eq. 72: the mesoscale average over x_b of Eq. 71 is
    :math:`\Phi_L(R)=\frac1{2\epsilon_0}\sigma_L(R)(R-|\mathbf x_b-\mathbf x_L|)`."""
    return _claim("T-B-26", "mesoscale_average_of_left_potential_is_sigma_times_lever_arm", Phi_L,
                  sigma_L * (R - D) / (2 * epsilon_0),   # [1] Eq. 72
                  numeric=_crystal_check("Phi_L = period average over x_b of Eq. 71, (1/2 eps0)[(R - x_b) S0 + S1], "
                                         "by quadrature of closed forms; sigma_L = period average of S0"),
                  sample_residual=False,
                  assumptions=("mesoscale average over x_b (one period of a crystal)", "large R"))


@register("T-B-28")
def x_r_averaged_right_potential_eq78() -> Claim:
    r"""Tangney Eq. 78 (tagged), averaged over x_b:
    :math:`\overline{\Phi_r}=\frac1{2\epsilon_0}(\bar{\mathcal M}^{(2)}-R\bar{\mathcal M}^{(1)})`, compared with the
    x_b-average of the potential at x_b of the actual charge to the right of x_b (large-R cylinder form)."""
    return _claim("T-B-28", "x_r_averaged_right_potential_is_second_minus_R_first_moment_density", Phi_r,
                  (AM2 - R * AM1) / (2 * epsilon_0),   # [1] Eq. 78, averaged over x_b term by term
                  numeric=_crystal_check("Phi_r = period average of (R/2 eps0) int_{x_b}^{x_R} rho - (1/2 eps0) "
                                         "int_{x_b}^{x_R} (x - x_b) rho; moment densities averaged by Fubini"),
                  sample_residual=False,
                  assumptions=("right surface uncharged and far away", "bulk neutral"),
                  statement=r"\overline{\Phi_r(x_b;R)}=\frac1{2\epsilon_0}\Big(\bar{\mathcal M}^{(2)}_{\bar\rho}(x_b)"
                            r"-R\,\bar{\mathcal M}^{(1)}_{\bar\rho}(x_b)\Big)\qquad(78)")


@register("T-B-29/79")
def total_bulk_potential_eq79() -> Claim:
    r"""Tangney Eq. 79 averaged over x_b term by term, compared with the exact bulk mean of the potential."""
    rhs = (R * A0 - AX + A1 + AM2 - R * AM1) / (2 * epsilon_0)   # [1] Eq. 79: (R - x_b)S0 + S1 + M2 - R M1
    return _claim("T-B-29/79", "eq79_averaged_over_x_b_equals_bulk_mean_potential", Phi, rhs,
                  numeric=_crystal_check("Phi = exact bulk mean of the potential over one period; the Eq. 79 terms "
                                         "averaged over x_b by quadrature"),
                  sample_residual=False,
                  statement=r"\Phi(x_b;R)=\frac1{2\epsilon_0}\Big[(R-x_b)\int_{x_L}^{x_b}\bar\rho\,dx+\int_{x_L}^{x_b}"
                            r"x\bar\rho\,dx+\bar{\mathcal M}^{(2)}_{\bar\rho}(x_b)-R\,\bar{\mathcal M}^{(1)}_{\bar\rho}"
                            r"(x_b)\Big]\qquad(79)")


@register("T-B-29/80")
def bulk_potential_vanishes_for_uncharged_surface_eq80() -> Claim:
    r"""Tangney Eq. 80: :math:`\Phi(R)=\frac{\sigma_L(R)}{2\epsilon_0}(R-|\mathbf x_b-\mathbf x_L|)`, so Phi = 0 when
    sigma_L = 0; compared with the exact bulk mean of the microscopic potential."""
    return _claim("T-B-29/80", "bulk_mean_potential_is_sigma_times_lever_arm_hence_zero", Phi,
                  sigma_L * (R - D) / (2 * epsilon_0),   # [1] Eq. 80
                  numeric=_crystal_check("Phi = exact bulk mean of the potential (vacuum on the left); sigma_L = "
                                         "period average of S0"),
                  sample_residual=False,
                  statement=r"\Phi(R)=\frac{\sigma_L(R)}{2\epsilon_0}(R-\vert\mathbf x_b-\mathbf x_L\vert);\ "
                            r"\sigma_L=0\Rightarrow\Phi=0\qquad(80)")


@register("T-B-29/fix")
def bulk_potential_is_1d_bethe_value() -> Claim:
    r"""The exact bulk mean for a crystal of whole neutral zero-dipole blocks:
    :math:`\Phi=-\frac{1}{2\epsilon_0a}\int y^2\rho_{\rm blk}(y)\,dy` (1D analogue of Bethe's expression)."""
    return _claim("T-B-29/fix", "bulk_mean_potential_is_minus_block_second_moment_over_2_eps0_a", Phi,
                  -Q2 / (2 * epsilon_0 * a), corrects="T-B-29/80",
                  dimensions={Phi: voltage, Q2: charge, epsilon_0: charge / (voltage * length), a: length},
                  numeric=_crystal_check("Phi = exact bulk mean; Q2 = int y^2 rho_blk dy in closed form"),
                  sample_residual=False,
                  statement=r"\Phi=-\frac{1}{2\epsilon_0a}\int y^2\rho_{\rm blk}(y)\,dy",
                  title="Bulk mean potential of a crystal of neutral zero-dipole blocks (1D Bethe value)")


sig, S0b, M1b = sp.symbols("sigma S0_b M1_b", real=True)


@register("T-B-29/R")
def R_terms_cancel_pointwise() -> Claim:
    r"""Spec T-B-29 (a): the R-proportional terms of Eq. 79 cancel pointwise,
    :math:`RS_0(x_b)-R\bar{\mathcal M}^{(1)}(x_b)=R\sigma` (Finnis's sigma of Eq. 51)."""
    sigma_model = sp.integrate(_S0(x), (x, x_b, x_b + a)) / a   # sigma = period average of S0 (Eq. 49)
    return _claim("T-B-29/R", "R_terms_of_eq79_cancel_to_R_sigma", R * S0b - R * M1b, R * sig,
                  definitions={S0b: _S0(x_b), M1b: _Mn(x_b, 1), sig: sigma_model},
                  numeric=NumericCheck(_polar_cuts, _observe_R_terms, _QUAD_TOL, samples=30,
                                       method="GB1 polar crystals; S0 closed form, M1 by quadrature, sigma = period "
                                              "average of S0 by quadrature"),
                  statement=r"RS_0(x_b)-R\bar{\mathcal M}^{(1)}(x_b)=R\sigma")


def _polar_cuts():
    return st.tuples(polar_crystals(), st.floats(0.0, 1.0), st.floats(0.0, 1.0), st.floats(1.0, 1e4))


def _observe_R_terms(inst) -> Observation:
    cr, f1, _, RR = inst
    chain, xb = cr.chain, cr.bulk_point(f1)
    return Observation({"S0_b": float(chain.S0(xb)), "M1_b": moment_density(chain, xb, cr.a, 1), "R": RR,
                        "sigma": pot.quad(chain.S0, xb, xb + cr.a, float(min(cr.s)) / 2) / cr.a})


# =================================================================================================================
# T-B-30: Phi = Phi[varrho]; varrho = 0 => Phi = 0
# =================================================================================================================
Phi_rho, Phi_avg = sp.symbols("Phi_varrho Phi_avg", real=True)


def _observe_smoothed(inst) -> Observation:
    body, w, frac = inst
    chain = body.chain
    lo, hi = chain.extent
    Xp = lo + (0.4 + 0.2 * frac) * (hi - lo)
    smooth = chain.smoothed(w).phi(Xp)                       # potential of varrho = mu_w * rho (Poisson, exact)
    kern = lambda v: np.exp(-0.5 * (v / w) ** 2) / (np.sqrt(2 * np.pi) * w)  # noqa: E731
    avg = pot.quad(lambda v: kern(v) * chain.phi(Xp - v), -9 * w, 9 * w, float(np.min(chain.s)))
    return Observation({"Phi_varrho": float(smooth), "Phi_avg": avg}, scale=max(abs(avg), 1e-3))


def _smoothed_crystals():
    return st.tuples(block_crystals(n_cells=(80, 100)), st.floats(1.0, 3.0), st.floats(0.0, 1.0))


_SMOOTH_TOL = Tolerance(rel=1e-8, abs=1e-11,
                        reason="Gaussian smoothing of Gaussian packets is exact (s -> sqrt(s^2 + w^2)); the kernel "
                               "average by Gauss-Legendre cut at 9 w (tail < 1e-18): round-off level")


@register("T-B-30")
def potential_of_smoothed_density_vanishes() -> Claim:
    r"""Tangney Sec. XIII.C: :math:`\Phi=\Phi[\boldsymbol\varrho]`, and :math:`\boldsymbol\varrho=0` in the bulk of an isolated
    uniform material with uncharged surfaces, so :math:`\Phi=0` everywhere (in the bulk)."""
    return _claim("T-B-30", "potential_of_mesoscale_density_vanishes_in_bulk_for_uncharged_surfaces", Phi_rho,
                  sp.Integer(0),
                  numeric=NumericCheck(_smoothed_crystals, _observe_smoothed, _SMOOTH_TOL, samples=15,
                                       method="1D crystals of whole zero-dipole blocks (sigma = 0); varrho = Gaussian "
                                              "kernel (w = 1-3 a, >= 10 w from the surfaces) * rho; Phi[varrho] by Poisson (closed form), vacuum "
                                              "on the left, at a bulk point"),
                  sample_residual=False,
                  assumptions=("mesoscale average = convolution with a fixed kernel", "sigma = 0"))


@register("T-B-30/linearity")
def potential_of_average_is_average_of_potential() -> Claim:
    r""":math:`\Phi[\langle\rho\rangle_{\epsilon}]=\langle\Phi[\rho]\rangle_{\epsilon}`: the potential of the smoothed density
    equals the kernel average of the microscopic potential."""
    return _claim("T-B-30/linearity", "potential_of_smoothed_density_equals_smoothed_potential", Phi_rho, Phi_avg,
                  numeric=NumericCheck(_smoothed_crystals, _observe_smoothed, _SMOOTH_TOL, samples=15,
                                       method="as T-B-30; <phi> by kernel quadrature of the exact microscopic "
                                              "potential"),
                  sample_residual=False,
                  statement=r"\Phi=\langle\Phi[\rho]\rangle_{\epsilon_x}=\Phi[\langle\rho\rangle_{\epsilon_x}]"
                            r"=\Phi[\boldsymbol\varrho]")


# =================================================================================================================
# T-B-49: summary restatements
# =================================================================================================================
varrho, Phi_xx, E_b, kk, Aamp, ww = sp.symbols("varrho Phi_xx E_bulk k A w", real=True)
_kp = sp.Symbol("k", positive=True)


def _fourier_smoothed():
    """One Fourier mode rho = A cos(kx) smoothed by a Gaussian of width w; Phi from Poisson."""
    damp = sp.exp(-_kp**2 * ww**2 / 2)
    Phi_model = Aamp * sp.cos(_kp * x) * damp / (epsilon_0 * _kp**2)
    return {varrho: Aamp * sp.cos(_kp * x) * damp, Phi_xx: sp.diff(Phi_model, x, 2)}


def _observe_poisson(inst) -> Observation:
    body, w, frac = inst
    sm = body.chain.smoothed(w)
    lo, hi = sm.extent
    Xp = lo + (0.3 + 0.4 * frac) * (hi - lo)
    h = 0.02 * float(np.min(sm.s))
    f = sm.phi(np.array([Xp - 2 * h, Xp - h, Xp, Xp + h, Xp + 2 * h]))
    d2 = (-f[0] + 16 * f[1] - 30 * f[2] + 16 * f[3] - f[4]) / (12 * h**2)     # fourth-order central difference
    return Observation({"varrho": float(sm.rho(Xp)), "Phi_xx": float(d2), "epsilon_0": pot.EPS0},
                       scale=float(np.max(np.abs(sm.c) / sm.s)))


_POISSON_DIMS = {varrho: charge / length**3, Phi_xx: voltage / length**2, epsilon_0: charge / (voltage * length)}


def _poisson_check():
    return NumericCheck(lambda: st.tuples(block_crystals(n_cells=(20, 30)), st.floats(0.05, 2.0), st.floats(0, 1)),
                        _observe_poisson, Tolerance(
                            rel=1e-6, abs=0.0,
                            reason="fourth-order central difference with h = 0.02 s_min: truncation ~ h^4 phi^(6)/90 "
                                   "~ 2e-9 of rho_max; round-off ~ 1e-16 |phi| / h^2 < 1e-7 of rho_max "
                                   "(scale = max |c| / s)"),
                        samples=20, method="smoothed 1D crystals; varrho in closed form; Phi'' by a fourth-order "
                                           "finite difference of the closed-form smoothed potential")


@register("T-B-49/a")
def smoothed_density_is_minus_laplacian_as_printed() -> Claim:
    r"""Tangney Sec. XV (a), as printed: :math:`\boldsymbol\varrho=-\nabla^2\Phi` (no :math:`\epsilon_0`)."""
    return _claim("T-B-49/a", "smoothed_density_is_minus_laplacian_of_potential_as_printed", varrho, -Phi_xx,
                  definitions=_fourier_smoothed(), dimensions=_POISSON_DIMS, numeric=_poisson_check(),
                  statement=r"\boldsymbol\varrho=-\nabla^2\Phi\ \text{and}\ \mathbf E=-\nabla\Phi",
                  notes="SI units (the paper's); the printed form drops epsilon_0. With epsilon_0 = 1 in the numerics "
                        "the numeric layer agrees; the dimension check and the symbolic layer refute it.")


@register("T-B-49/a-fix")
def smoothed_density_is_minus_eps0_laplacian() -> Claim:
    r""":math:`\boldsymbol\varrho=-\epsilon_0\nabla^2\Phi`."""
    return _claim("T-B-49/a-fix", "smoothed_density_is_minus_eps0_laplacian_of_potential", varrho,
                  -epsilon_0 * Phi_xx, definitions=_fourier_smoothed(), dimensions=_POISSON_DIMS,
                  numeric=_poisson_check(), corrects="T-B-49/a",
                  statement=r"\boldsymbol\varrho=-\epsilon_0\nabla^2\Phi")


def _neutral_bodies():
    return st.one_of(block_crystals(n_cells=(40, 60)),
                     block_glasses(n_blocks=(20, 30), blocks=zero_dipole_blocks(max_pairs=1, max_width=0.06),
                                   gaps=(1.8, 2.6)))


def _observe_bulk(body: BlockBody) -> Observation:
    phi, field = body.bulk_means()
    return Observation({"Phi": phi, "E_bulk": field})


_BULK_TOL = Tolerance(rel=1e-9, abs=1e-11, reason="closed-form potential and field integrated by Gauss-Legendre on "
                                                  "panels of the narrowest width: round-off level")


@register("T-B-49/b-Phi")
def bulk_potential_vanishes_with_neutral_surfaces() -> Claim:
    """Tangney Sec. XV (b): if all surfaces of an isolated material are neutral, Phi vanishes in its bulk."""
    return _claim("T-B-49/b-Phi", "bulk_potential_vanishes_when_all_surfaces_neutral", Phi, sp.Integer(0),
                  numeric=NumericCheck(_neutral_bodies, _observe_bulk, _BULK_TOL, samples=15,
                                       method="1D crystals and glasses of whole zero-dipole neutral blocks; exact "
                                              "bulk mean potential relative to the vacuum"),
                  sample_residual=False,
                  statement=r"\text{if all surfaces of an electromagnetically-isolated material are neutral, }"
                            r"\mathbf E\text{ and }\Phi\text{ both vanish in its bulk}")


@register("T-B-49/b-E")
def bulk_field_vanishes_with_neutral_surfaces() -> Claim:
    """Tangney Sec. XV (b): ... E vanishes in its bulk (bulk average of the microscopic field)."""
    return _claim("T-B-49/b-E", "bulk_field_vanishes_when_all_surfaces_neutral", E_b, sp.Integer(0),
                  numeric=NumericCheck(_neutral_bodies, _observe_bulk, _BULK_TOL, samples=15,
                                       method="as T-B-49/b-Phi; bulk mean of E = S0 / epsilon_0"),
                  sample_residual=False,
                  statement=r"\text{if all surfaces of an electromagnetically-isolated material are neutral, }"
                            r"\mathbf E\text{ and }\Phi\text{ both vanish in its bulk}")


J, qc, zeta_dot, Sdr, Vol = sp.symbols("J q zeta_dot Sdr V", real=True)
_Vp = sp.Symbol("V", positive=True)
_t = sp.Symbol("t", real=True)


def _pump_model(per_volume: bool):
    z0, z1 = sp.symbols("zeta_0 zeta_1", real=True)
    coeffs = sp.symbols("b0:3 c0:3", real=True)
    zeta = z0 + z1 * _t
    r_i = [coeffs[i] * sp.Symbol("zz", real=True) + coeffs[3 + i] * sp.Symbol("zz", real=True) ** 2 for i in range(3)]
    zz = sp.Symbol("zz", real=True)
    D_t = qc * sum(ri.subs(zz, zeta) for ri in r_i)
    dsum = sum(sp.diff(ri, zz) for ri in r_i).subs(zz, zeta)
    return {J: sp.diff(D_t, _t) / _Vp, zeta_dot: z1, Sdr: dsum, Vol: _Vp}


@st.composite
def _pumped_particles(draw):
    n = draw(st.integers(1, 5))
    b = [draw(st.floats(-2, 2)) for _ in range(n)]
    c = [draw(st.floats(-2, 2)) for _ in range(n)]
    return (n, tuple(b), tuple(c), draw(st.floats(-1, 1)), draw(st.floats(-2, 2).filter(lambda v: abs(v) > 0.01)),
            draw(st.floats(2.0, 100.0)), draw(st.sampled_from([1.0, -1.0, 2.0])), draw(st.floats(-1, 1)))


def _observe_pump(inst) -> Observation:
    n, b, c, z0, z1, Vv, qq, t0 = inst
    b, c = np.asarray(b), np.asarray(c)
    r = lambda z: b * z + c * z**2                                     # noqa: E731  x-coordinates of the centres
    D = lambda tm: qq * np.sum(r(z0 + z1 * tm))                        # noqa: E731  total dipole
    h = 1e-3
    dD = (D(t0 + h) - D(t0 - h)) / (2 * h)                              # exact for quadratics up to round-off
    z = z0 + z1 * t0
    dr = (np.sum(r(z + h)) - np.sum(r(z - h))) / (2 * h)
    return Observation({"J": dD / Vv, "q": qq, "zeta_dot": z1, "Sdr": dr, "V": Vv},
                       scale=abs(qq * z1 * (np.sum(np.abs(b)) + 2 * np.sum(np.abs(c)) * (abs(z) + 1))))


_PUMP_TOL = Tolerance(rel=1e-9, abs=0.0, reason="central differences are exact for quadratic trajectories; "
                                                "round-off ~ 1e-16 / h = 1e-13 of the scale")
_PUMP_DIMS = {J: current / length**2, qc: charge, zeta_dot: 1 / time, Sdr: length, Vol: length**3}


@register("T-B-49/c")
def polarization_current_of_orbital_centres_as_printed() -> Claim:
    r"""Tangney Sec. XV (c), as printed: :math:`\mathbf J^{(p)}=q\dot\zeta\sum_i d\vec r_i/d\zeta` (a current density)."""
    return _claim("T-B-49/c", "polarization_current_is_charge_times_rate_of_centre_sum_as_printed", J,
                  qc * zeta_dot * Sdr, definitions=_pump_model(True), dimensions=_PUMP_DIMS,
                  numeric=NumericCheck(_pumped_particles, _observe_pump, _PUMP_TOL, samples=30,
                                       method="particles with quadratic trajectories r_i(zeta), zeta linear in t, in "
                                              "a volume V; J = (dD/dt)/V by central differences"),
                  statement=r"\mathbf J^{(p)}=q\dot\zeta\sum_{i=1}^Nd\vec r_i(\zeta)/d\zeta",
                  notes="J^(p) is a current density (Eq. 9: (1/|V|) sum q_i dx_i/dt); the printed form lacks 1/V.")


@register("T-B-49/c-fix")
def polarization_current_of_orbital_centres_per_volume() -> Claim:
    r""":math:`\mathbf J^{(p)}=\frac{q\dot\zeta}{V}\sum_i d\vec r_i/d\zeta`."""
    return _claim("T-B-49/c-fix", "polarization_current_density_is_rate_of_dipole_per_volume", J,
                  qc * zeta_dot * Sdr / Vol, definitions=_pump_model(True), dimensions=_PUMP_DIMS,
                  numeric=NumericCheck(_pumped_particles, _observe_pump, _PUMP_TOL, samples=30,
                                       method="as T-B-49/c"), corrects="T-B-49/c",
                  statement=r"\mathbf J^{(p)}=\frac{q\dot\zeta}{|V|}\sum_{i=1}^Nd\vec r_i(\zeta)/d\zeta")


# =================================================================================================================
# T-B-54: Appendix E.1
# =================================================================================================================
dM1, dM2, rho_b, M1, M2, dS1h, dS0h, S1h_1, S1h_2 = sp.symbols(
    "dM1 dM2 rho_b M1 M2 dS1hat dS0hat S1hat_1 S1hat_2", real=True)


def _S1hat(y):
    r"""Eq. 42: :math:`\mathcal S_1=S_1(x_b)-x_b\bar{\mathcal M}^{(1)}(x_b)-\bar{\mathcal M}^{(2)}(x_b)`."""
    return _S1(y) - y * _Mn(y, 1) - _Mn(y, 2)


def _observe_E(inst) -> Observation:
    cr, f1, f2, _ = inst
    chain, a_ = cr.chain, cr.a
    xb = cr.bulk_point(f1)
    m1, m2 = moment_density(chain, xb, a_, 1), moment_density(chain, xb, a_, 2)
    d1, d2 = moment_density(chain, xb, a_, 1, deriv=True), moment_density(chain, xb, a_, 2, deriv=True)
    rb = float(chain.rho(xb))
    x2 = cr.bulk_point(f2)
    s1h = lambda y: float(chain.S1(y)) - y * moment_density(chain, y, a_, 1) - moment_density(chain, y, a_, 2)  # noqa
    return Observation({"dM1": d1, "dM2": d2, "rho_b": rb, "M1": m1, "M2": m2,
                        "dS1hat": xb * rb - m1 - xb * d1 - d2,            # Leibniz rule, derivatives by quadrature
                        "dS0hat": rb - d1, "S1hat_1": s1h(xb), "S1hat_2": s1h(x2)},
                       scale=float(np.max(np.abs(cr.q) / np.asarray(cr.s))) * (1 + xb))


def _E_check(what):
    return NumericCheck(_polar_cuts, _observe_E, _QUAD_TOL, samples=30,
                        method="GB1 polar crystals (2-6 Gaussian packets per cell); moment densities and their "
                               "x_b-derivatives (integrals of rho') by quadrature; " + what)


@register("T-B-54/E6")
def first_moment_density_derivative_E6() -> Claim:
    r"""Tangney Eq. E6: :math:`\frac{d}{dx_b}\bar{\mathcal M}^{(1)}(x_b)=\Delta\nu(x_b)`."""
    return _claim("T-B-54/E6", "derivative_of_first_moment_density_is_density_at_cut", dM1, rho_b,
                  definitions={dM1: sp.diff(_Mn(x_b, 1), x_b), rho_b: _rho(x_b)}, numeric=_E_check("E6"),
                  statement=r"\frac{d}{dx_b}\bar{\mathcal M}^{(1)}_{\Delta\nu}(x_b)=\Delta\nu(x_b)\qquad(\mathrm{E6})")


@register("T-B-54/E13")
def second_moment_density_derivative_E13() -> Claim:
    r"""Tangney Eq. E13: :math:`\frac{d}{dx_b}\bar{\mathcal M}^{(2)}(x_b)=-2\bar{\mathcal M}^{(1)}(x_b)`."""
    return _claim("T-B-54/E13", "derivative_of_second_moment_density_is_minus_twice_first", dM2, -2 * M1,
                  definitions={dM2: sp.diff(_Mn(x_b, 2), x_b), M1: _Mn(x_b, 1)}, numeric=_E_check("E13"),
                  statement=r"\frac{d}{dx_b}\bar{\mathcal M}^{(2)}_{\Delta\nu}(x_b)=-2\bar{\mathcal M}^{(1)}_{\Delta\nu}"
                            r"(x_b)\qquad(\mathrm{E13})")


@register("T-B-54/E14a")
def surface_charge_is_cut_independent_E14a() -> Claim:
    r"""Tangney Eq. E14a: :math:`d\mathcal S_0/dx_b=0` with :math:`\mathcal S_0=\int_{x_L}^{x_b}\Delta\nu-\bar{\mathcal M}^{(1)}`."""
    return _claim("T-B-54/E14a", "derivative_of_zeroth_surface_excess_vanishes", dS0h, sp.Integer(0),
                  definitions={dS0h: sp.diff(_S0(x_b) - _Mn(x_b, 1), x_b)}, numeric=_E_check("E14a"),
                  statement=r"\frac{d\mathcal S_0^{[\Delta\nu]}}{dx_b}=0\quad(\mathrm{E14a})")


@register("T-B-54/E14b")
def first_surface_excess_derivative_E14b() -> Claim:
    r"""Tangney Eq. E14b: :math:`d\mathcal S_1/dx_b=\bar{\mathcal M}^{(1)}(x_b)` with Eq. 42 for :math:`\mathcal S_1`."""
    return _claim("T-B-54/E14b", "derivative_of_first_surface_excess_is_first_moment_density", dS1h, M1,
                  definitions={dS1h: sp.diff(_S1hat(x_b), x_b), M1: _Mn(x_b, 1)}, numeric=_E_check("E14b"),
                  statement=r"\frac{d\mathcal S_1^{[\Delta\nu]}}{dx_b}=\bar{\mathcal M}^{(1)}_{\Delta\nu}(x_b)"
                            r"\quad(\mathrm{E14b})")


@register("T-B-54/xb")
def first_surface_excess_is_cut_independent() -> Claim:
    r"""Tangney App. E preamble: all choices of x_b give the same :math:`\mathcal S_1^{(\Delta\nu)}` (Eq. 42)."""
    return _claim("T-B-54/xb", "first_surface_excess_is_independent_of_cut", S1h_1, S1h_2,
                  definitions={S1h_1: _S1hat(x_1), S1h_2: _S1hat(x_2)}, numeric=_E_check("Eq. 42 at two cuts"),
                  statement=r"\text{all choices of }x_b\text{ and }\Pi(x_b,\ell)\text{ give the same values for }"
                            r"\mathcal S_0^{(\Delta\nu)}\text{ and }\mathcal S_1^{(\Delta\nu)}",
                  notes="Contradicts E14b (d S1/dx_b = M1, nonzero for a polar cell); symbolic model G2.")


# =================================================================================================================
# T-B-55: partition independence (E20, E22) on cells of two neutral sub-units
# =================================================================================================================
M1_P1, M1_P2, M2_P1, M2_P2 = sp.symbols("M1_P1 M1_P2 M2_P1 M2_P2", real=True)
_q1, _q3, _t1, _t2, _t3, _t4, _h = sp.symbols("q1 q3 t1 t2 t3 t4 h", real=True)


def _partition_moments(q1, q3, t1, t2, t3, t4, h, n_cells, lib):
    """(M1, M2) for the whole-cell partition and for the sub-unit partition of a window of ``n_cells`` cells
    [-n/2, n/2) of a point-charge crystal (a = 1): +q1 at t1, -q1 at t2 (sub-unit [0, h)), +q3 at t3, -q3 at t4
    (sub-unit [h, 1))."""
    out = {"P1": [0, 0], "P2": [0, 0]}
    ell = n_cells
    for kc in range(-n_cells // 2, n_cells // 2):
        charges = [(q1, kc + t1), (-q1, kc + t2), (q3, kc + t3), (-q3, kc + t4)]
        for n in (1, 2):
            out["P1"][n - 1] += sum(qq * (xx - (kc + sp.Rational(1, 2) if lib is sp else kc + 0.5)) ** n
                                    for qq, xx in charges) / ell
            out["P2"][n - 1] += (sum(qq * (xx - (kc + h / 2)) ** n for qq, xx in charges[:2])
                                 + sum(qq * (xx - (kc + (1 + h) / 2)) ** n for qq, xx in charges[2:])) / ell
    return out


def _model_E20():
    m = _partition_moments(_q1, _q3, _t1 * _h, _t2 * _h, _h + _t3 * (1 - _h), _h + _t4 * (1 - _h), _h, 2, sp)
    return {M1_P1: m["P1"][0], M1_P2: m["P2"][0], M2_P1: m["P1"][1], M2_P2: m["P2"][1]}


@st.composite
def _two_subunit_crystals(draw):
    """Cells [0, 1) of two neutral sub-units split at h: +q1 / -q1 in [0, h), +q3 / -q3 in [h, 1); windows of
    200-400 cells. Shrinks towards the spec's example cell."""
    h = draw(st.floats(0.3, 0.7))
    fr = [draw(st.floats(0.02, 0.98)) for _ in range(4)]
    return (draw(st.floats(-2, 2)), draw(st.floats(-2, 2)), fr[0] * h, fr[1] * h, h + fr[2] * (1 - h),
            h + fr[3] * (1 - h), h, 2 * draw(st.integers(100, 200)))


def _observe_partitions(inst) -> Observation:
    m = _partition_moments(*inst, lib=np)
    scale = (abs(inst[0]) + abs(inst[1])) * 1.0
    return Observation({"M1_P1": m["P1"][0], "M1_P2": m["P2"][0], "M2_P1": m["P1"][1], "M2_P2": m["P2"][1]},
                       scale=scale)


@register("T-B-55/E20")
def first_moment_density_is_partition_independent_E20() -> Claim:
    r"""Tangney Eq. E20: :math:`\bar{\mathcal M}^{(1)}(x_b,\Pi_2)=\bar{\mathcal M}^{(1)}(x_b,\Pi_1)`."""
    return _claim("T-B-55/E20", "first_moment_density_is_independent_of_neutral_partition", M1_P2, M1_P1,
                  definitions=_model_E20(),
                  numeric=NumericCheck(_two_subunit_crystals, _observe_partitions, Tolerance(
                      rel=1e-11, abs=0.0, reason="exact sums over point charges: round-off over <= 1600 terms"),
                      samples=30, method="point-charge crystals with two neutral sub-units per cell; whole-cell and "
                                         "sub-unit partitions of the same window of 200-400 cells"),
                  statement=r"\bar{\mathcal M}^{(1)}_{\Delta\nu}(x_b,\Pi_2)=\bar{\mathcal M}^{(1)}_{\Delta\nu}"
                            r"(x_b,\Pi_1)\qquad(\mathrm{E20})")


@register("T-B-55/E22")
def second_moment_density_is_partition_independent_E22() -> Claim:
    r"""Tangney Eq. E22: :math:`\bar{\mathcal M}^{(2)}(x_b,\Pi_2)=\bar{\mathcal M}^{(2)}(x_b,\Pi_1)` in the limit a/l -> 0."""
    return _claim("T-B-55/E22", "second_moment_density_is_independent_of_neutral_partition", M2_P2, M2_P1,
                  definitions=_model_E20(),
                  numeric=NumericCheck(_two_subunit_crystals, _observe_partitions, Tolerance(
                      rel=0.01, abs=0.0, reason="the O(a/l) terms the paper neglects: a/l <= 1/200 here, so 2 a/l "
                                                "of the scale |q1| + |q3| bounds them"),
                      samples=30, method="as T-B-55/E20; windows of 200-400 cells (a/l <= 0.005)"),
                  statement=r"\bar{\mathcal M}^{(2)}_{\Delta\nu}(x_b,\Pi_2)=\bar{\mathcal M}^{(2)}_{\Delta\nu}"
                            r"(x_b,\Pi_1)\qquad(\mathrm{E22})",
                  notes="Symbolic model: a window of 2 cells; the difference is -2/a (sum over sub-units of centre x "
                        "dipole - cell centre x cell dipole) per cell, independent of the window length.")


# =================================================================================================================
# T-B-56: period averages of the moment densities (E23, E27)
# =================================================================================================================
AvM1, AvM2 = sp.symbols("AvM1 AvM2", real=True)


def _observe_avg(inst) -> Observation:
    cr, f1, _, _ = inst
    av = period_averages(cr.chain, cr.bulk_point(f1), cr.a)
    return Observation({"AvM1": av["AM1"], "AvM2": av["AM2"]}, scale=float(np.sum(np.abs(cr.q))) * cr.a)


def _avg_check():
    return NumericCheck(_polar_cuts, _observe_avg, _QUAD_TOL, samples=30,
                        method="GB1 polar crystals; period average of the moment densities via Fubini and S0 in "
                               "closed form")


@register("T-B-56/E23")
def first_moment_density_averages_to_zero_E23() -> Claim:
    r"""Tangney Eq. E23: :math:`\langle\bar{\mathcal M}^{(1)}\rangle_l(x_b)=0` (here: the period average of a crystal)."""
    return _claim("T-B-56/E23", "mesoscale_average_of_first_moment_density_vanishes", AvM1, sp.Integer(0),
                  definitions={AvM1: sp.integrate(_Mn(x_b + tt, 1), (tt, 0, a)) / a}, numeric=_avg_check(),
                  statement=r"\mathcal M^{(1)}_{\Delta\nu}(\mathbf x_b)\equiv\langle\bar{\mathcal M}^{(1)}_{\Delta\nu}"
                            r"\rangle_l(x_b)=0\qquad(\mathrm{E23})")


@register("T-B-56/E27")
def second_moment_density_averages_to_zero_E27() -> Claim:
    r"""Tangney Eq. E27: :math:`\mathcal M^{(2)}(\mathbf x_b)=0+\mathcal O(a/l)` (period average of a crystal)."""
    return _claim("T-B-56/E27", "mesoscale_average_of_second_moment_density_vanishes", AvM2, sp.Integer(0),
                  definitions={AvM2: sp.integrate(_Mn(x_b + tt, 2), (tt, 0, a)) / a}, numeric=_avg_check(),
                  statement=r"\mathcal M^{(2)}_{\Delta\nu}(\mathbf x_b)=0+\mathcal O(a/l)\qquad(\mathrm{E27})")
