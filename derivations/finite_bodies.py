r"""Counting cells of finite bodies: partial cells :math:`\#\Omega(\triangle)`, bulk and surface families, bulk neutrality.

Overview
    Sen, Wang, Breitzman & Dayal (2024) [1]: the "good boundary" (86), the cell families and Assumption 4.1
    (87)-(91), and bulk charge neutrality (Definition B.1, (109)-(110), Remark B.1). Symbolic model: the cell
    counts of an aligned cube of side (M + theta) l, and the locally periodic density
    :math:`\tilde\rho_l=A(x)\sin(2\pi x/l)`, :math:`A=1+\beta x`. Numeric layer: counting cells by enumeration
    (``numerics.finite_crystals``) and cell charges by quadrature.
Key claims
    S-27 (as printed, refuted: the remainder is O(1/l), not o(1)), S-27/fix, S-28, S-28/modulated (scope probe),
    S-34/109, S-34 (refuted: (109) with rho_l = rho~_l does not remove the monopole term).
Conventions
    Lattice lZ^3 with corners at l n; theta = frac(1/l) in (0, 1); physical density rho~/l.
References
    [1] S. Sen, Y. Wang, T. Breitzman, K. Dayal, J. Mech. Phys. Solids (2024), doi 10.1016/j.jmps.2024.105743.
"""

from __future__ import annotations

import numpy as np
import sympy as sp
from hypothesis import strategies as st

from derivcheck import Claim, NumericCheck, Observation, Tolerance, register, spec_entry
from numerics.finite_crystals import aligned_cube_cell_counts
from numerics.periodic_densities import gauss_legendre

__all__: list[str] = []   # claims are registered; see Key claims

M = sp.Symbol("M", integer=True, positive=True)
tau = sp.Symbol("tau", positive=True)
theta = 1 / (1 + tau)                                 # theta in (0, 1)
n_partial, n_surface, n_bulk, area, l_ = sp.symbols("n_partial n_surface n_bulk area l", positive=True)


def _claim(claim_id, name, lhs, rhs, definitions, numeric, **kw) -> Claim:
    spec = spec_entry(claim_id.split("/")[0])
    return Claim(id=claim_id, name=name, paper="sen2024", location=kw.pop("location", spec["location"]),
                 statement=kw.pop("statement", spec["statement"]), title=kw.pop("title", spec["title"]), lhs=lhs,
                 rhs=rhs, definitions=definitions, numeric=numeric, headline=kw.pop("headline", True), **kw)


_COUNTS = {n_partial: (M + 1) ** 3 - M**3, n_bulk: (M - 1) ** 3, n_surface: (M + 1) ** 3 - (M - 1) ** 3,
           area: 6, l_: 1 / (M + theta)}


@st.composite
def aligned_cubes(draw):
    """Unit cube on the lattice lZ^3, l = 1/(M + theta): M in [20, 120], theta in (0, 1)."""
    return draw(st.integers(20, 120)), draw(st.floats(0.001, 0.999))


def _observe_counts(inst):
    Mv, th = inst
    c = aligned_cube_cell_counts(Mv, th)
    return Observation({"n_partial": c["partial"], "n_bulk": c["bulk"], "n_surface": c["partial"] + c["inside"]
                        - c["bulk"], "area": 6.0, "l": c["l"], "M": Mv}, scale=1.0 / Mv)


@register("S-27")
def good_boundary_count_as_printed():
    r"""(86): :math:`\#(\Omega(\triangle))=C|\partial\Omega|/l^2+o(1)` for the unit cube; C = 1/2 is the only
    constant compatible with the leading order."""
    return _claim("S-27", "partial_cell_count_is_C_area_over_l2_plus_o1", n_partial, area / (2 * l_**2),
                  _COUNTS,
                  NumericCheck(instances=aligned_cubes, observe=_observe_counts, samples=30,
                               tolerance=Tolerance(abs=1.0, reason="o(1): a remainder that tends to 0 is below 1 "
                                                   "for all large M; here M >= 20 (the observed remainder grows "
                                                   "like 3M|1 - 2 theta|)"),
                               method="aligned unit cube on lZ^3 with l = 1/(M + theta); partial cells counted by "
                                      "enumeration"),
                  notes="Remainder: 3M^2 + 3M + 1 - 3(M + theta)^2 = 3M(1 - 2 theta) + 1 - 3 theta^2, O(1/l), "
                        "not o(1); even at theta = 1/2 it is 1/4. C also depends on the shape and orientation "
                        "(mean cell width along n). The proof of (99) needs only #partial cells * l^2 bounded, "
                        "i.e. (86) with o(l^-2) (S-27/fix).")


@register("S-27/fix")
def good_boundary_count_leading_order():
    r""":math:`\#(\Omega(\triangle))\,l^2/|\partial\Omega|\to C=1/2` (remainder o(l^{-2}))."""
    return _claim("S-27/fix", "partial_cell_count_times_l2_over_area_tends_to_C", n_partial * l_**2 / area,
                  sp.Rational(1, 2), _COUNTS | {n_partial: sp.Limit(((M + 1) ** 3 - M**3) / (M + theta) ** 2, M,
                                                                    sp.oo) / l_**2},
                  NumericCheck(instances=aligned_cubes, observe=_observe_counts, samples=30,
                               tolerance=Tolerance(rel=1.0, abs=1e-12, reason="limit at finite M: the scale 1/M "
                                                   "bounds |N l^2/6 - 1/2| = |3M(1 - 2 theta) + 1 - 3 theta^2| / "
                                                   "(6 (M + theta)^2)"),
                               method="as S-27"), corrects="S-27",
                  statement=r"\#(\Omega(\triangle))=C\frac{|\partial\Omega|}{l^2}+o(l^{-2})",
                  title="Good boundary at leading order")


@register("S-28")
def surface_to_bulk_ratio_vanishes():
    r"""(91), first limit, for a periodic crystal filling the unit cube: :math:`|\mathcal S_l|/|\mathcal B_l|\to0`."""
    ratio = sp.Symbol("ratio", nonnegative=True)
    return _claim("S-28", "surface_cell_count_over_bulk_cell_count_vanishes", ratio, 0,
                  {ratio: sp.Limit(_COUNTS[n_surface] / _COUNTS[n_bulk], M, sp.oo)},
                  NumericCheck(instances=aligned_cubes,
                               observe=lambda i: Observation(
                                   {"ratio": (lambda o: o.values["n_surface"] / o.values["n_bulk"])(
                                       _observe_counts(i))}, scale=8.0 / i[0]),
                               tolerance=Tolerance(rel=1.0, abs=0.0, reason="limit at finite M: (6M^2 + 2)/(M - 1)^3 "
                                                   "<= 8/M for M >= 20"),
                               method="aligned cube; surface (meeting the boundary) and bulk cells counted by "
                                      "enumeration; every full cell of a periodic crystal is neutral, so T_l is empty"),
                  statement=r"\lim_{l\to0}\frac{|\mathcal S^m_l(\Omega)|}{|\mathcal B^m_l(\Omega)|}=0,\qquad"
                            r"\lim_{l\to0}|\mathcal T^m_l(\Omega)|=0\quad(91)")


T_m = sp.Symbol("T_m", nonnegative=True)
beta = sp.Symbol("beta", positive=True)


@register("S-28/modulated")
def transition_cells_vanish_for_modulated_density():
    r"""(91), second limit, for :math:`\tilde\rho_l=A(x)\sin(2\pi x/l)`, A = 1 + beta x on [0, 1], l = 1/M:
    every cell has charge :math:`-\beta l^2/(2\pi)\cdot(1/l)` of one sign, so no neutral unions exist."""
    def observe(inst):
        Mv, b = inst
        ll = 1.0 / Mv
        Q = np.array([gauss_legendre(lambda x: (1 + b * x) * np.sin(2 * np.pi * x / ll) / ll, n * ll, (n + 1) * ll,
                                     ll / 2) for n in range(Mv)])
        charged = np.abs(Q) > 1e-12 * b * ll
        one_sign = np.all(Q[charged] < 0) or np.all(Q[charged] > 0)
        return Observation({"T_m": float(charged.sum()) if one_sign else float("nan")})
    return _claim("S-28/modulated", "transition_cell_count_vanishes_for_locally_periodic_density", T_m, 0,
                  {T_m: sp.Limit(M, M, sp.oo)},
                  NumericCheck(instances=lambda: st.tuples(st.integers(20, 200), st.floats(0.1, 3.0)),
                               observe=observe, samples=20,
                               tolerance=Tolerance(abs=0.5, reason="integer count"),
                               method="cell charges of (1 + beta x) sin(2 pi x/l)/l by quadrature; cells with "
                                      "nonzero charge, all of one sign, cannot be merged into neutral unions"),
                  headline=False, statement=r"\lim_{l\to0}|\mathcal T^m_l(\Omega)|=0\quad(91),\ \text{Assumption 4.1}",
                  notes="Scope probe of Assumption 4.1 (an assumption, not a theorem): it excludes locally "
                        "periodic (two-scale) densities with non-constant amplitude, the class the homogenization "
                        "is meant for.")


# --- S-34: bulk charge neutrality ------------------------------------------------------------------------------
N = sp.Symbol("N", integer=True, positive=True)
neutral_term, monopole_term = sp.symbols("neutral_term monopole_term", real=True)
_E = sp.E


def _cells_of_modulated(inst):
    """rho~ = (1 + beta x) sin(2 pi x/l), l = 1/N on [0, 1]; phi = e^x. Cell charges of rho~ and of rho~/l."""
    Nv, b = inst
    ll = 1.0 / Nv
    xh = ll * np.arange(Nv)
    q_tilde = np.array([gauss_legendre(lambda y: (1 + b * (x0 + ll * y)) * np.sin(2 * np.pi * y), 0.0, 1.0, 0.5)
                        for x0 in xh])                                   # (110) with rho_l = rho~_l
    phi_cell = np.exp(xh + ll) - np.exp(xh)                              # int_cell phi dx
    return xh, ll, q_tilde, phi_cell


@register("S-34/109")
def modulated_density_is_bulk_charge_neutral():
    r"""(109)-(110) with :math:`\rho_l=\tilde\rho_l`: :math:`\lim\int_{\Omega(\Box)}\varphi q_l=0` for the
    locally periodic density (phi = e^x)."""
    def observe(inst):
        xh, ll, qt, pc = _cells_of_modulated(inst)
        return Observation({"neutral_term": float(np.sum(qt * pc))}, scale=inst[1] * ll * np.e)
    return _claim("S-34/109", "locally_periodic_density_is_bulk_neutral_with_rho_tilde_in_110", neutral_term, 0,
                  {neutral_term: sp.Limit(-beta / (2 * sp.pi * N) * (_E - 1), N, sp.oo)},
                  NumericCheck(instances=lambda: st.tuples(st.integers(100, 600), st.floats(0.1, 3.0)),
                               observe=observe, samples=20,
                               tolerance=Tolerance(rel=1.0, abs=1e-12, reason="limit at l = 1/N: the scale "
                                                   "beta l e bounds |int phi q_l| = beta l (e - 1)/(2 pi)"),
                               method="q_l of (110) per cell by quadrature; int over Omega(box) of phi q_l"),
                  statement=r"\lim_{l\to0}\int_{\Omega(\Box)}\varphi q_l\,dV=0,\quad q_l=\int_\Box\rho_l(\hat{\mathbf x}"
                            r"+l\mathbf y)dV_{\mathbf y},\ \rho_l=\tilde\rho_l\quad(109)-(110)", headline=False,
                  notes="q_l = -beta l/(2 pi) exactly for linear A: the sequence is bulk charge neutral when the "
                        "O(1) density is inserted in (110).")


@register("S-34")
def bulk_neutrality_removes_monopole_term():
    r"""Remark B.1: 'A term of the form (109) appears in the derivation ... bulk charge neutrality gets rid of it':
    the monopole term :math:`\sum_{\text{cells}}\varphi(\hat{\mathbf x})\int_{\text{cell}}\tilde\rho_l/l\to0` for the
    bulk-neutral sequence of S-34/109."""
    def observe(inst):
        xh, ll, qt, pc = _cells_of_modulated(inst)
        # physical cell charge = l * int_box rho~/l dy = q_tilde; the term of (95) is sum phi(x^) * (cell charge)/l... in
        # 1-D with l^3 -> l: sum l phi(x^) int_box rho~(x^ + l y)/l dy = sum phi(x^) q_tilde
        return Observation({"monopole_term": float(np.sum(np.exp(xh) * qt))}, scale=3 * inst[1] * np.e / inst[0])
    return _claim("S-34", "bulk_charge_neutrality_removes_the_monopole_term", monopole_term, 0,
                  {monopole_term: sp.Limit(-beta / (2 * sp.pi * N) * (_E - 1) / (sp.exp(sp.Rational(1, 1) / N) - 1),
                                           N, sp.oo)},
                  NumericCheck(instances=lambda: st.tuples(st.integers(100, 600), st.floats(0.1, 3.0)),
                               observe=observe, samples=20,
                               tolerance=Tolerance(rel=1.0, abs=1e-12, reason="limit at l = 1/N: the scale "
                                                   "3 beta e / N bounds the Riemann-sum error"),
                               method="cell charges by quadrature; sum over cells of phi(x^) times the charge"),
                  notes="The term is sum phi(x^) q_l(x^) with q_l from the O(1) density = -(beta/2 pi) l sum "
                        "e^{x^} -> -(beta/2 pi)(e - 1) != 0, although (109) holds with rho_l = rho~_l (S-34/109). "
                        "The derivation needs (109) with the physical density rho~_l/l in (110); the "
                        "locally periodic sequence then is not bulk neutral (q_l -> -A'/(2 pi) = free charge), "
                        "consistent with Remark B.1's 'q_l would model the free charge'.")
