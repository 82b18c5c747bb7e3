r"""Homogenized electrostatics of a crystal body: :math:`\Delta\Phi_0=\operatorname{div}\mathbf p_0`, jump :math:`\mathbf p_0\cdot\mathbf n+\sigma_p`.

Overview
    Sen, Wang, Breitzman & Dayal (2024) [1], Sec. 2: the whole-space and mixed problems (4)-(5), (20)-(21), the
    formal Marshall-Dayal derivation (9), the polarization theorem (10), Examples 2.2 and 2.3 (eqs. 11-37), the
    existence of the limits (S-12), the infinite crystal as a limit of finite bodies (S-13) and the size of the
    neglected terms (S-36). Symbolic model: the examples' density :math:`\rho=\frac1l\sin(2\pi x/l)` on
    [0, L] (integer parts kept as ``floor``, which SymPy knows to be integers), or a two-mode Fourier density with
    symbolic coefficients. Numeric layer: the boundary-value problems solved by their Green's functions with
    composite Gauss-Legendre quadrature (``numerics.poisson``), cell dipoles and partial-cell charges by
    quadrature; 3-D surface integrals by tensor Gauss-Legendre.
Key claims
    S-03/right, S-03/left, S-04, S-05, S-05/alpha, S-05/limit (refuted: no limit along general sequences),
    S-08/*, S-09, S-10/*, S-11/*, S-12/sigma and S-12/phi (refuted), S-12/fix, S-13, S-36.
Conventions
    :math:`\epsilon_0=1`; 1-D :math:`-\varphi''=\rho`; corner map = left cell edge; outward normals
    (n = -1 at x = 0, +1 at the right end); the jump :math:`\llbracket\partial\Phi_0/\partial\mathbf n\rrbracket` is
    inside minus outside (the convention of Example 2.3's text, :math:`(\varphi'_{0,d}-\varphi'_{0,g})=\sigma_b` at
    the right end); with outside minus inside every jump claim changes sign.
References
    [1] S. Sen, Y. Wang, T. Breitzman, K. Dayal, J. Mech. Phys. Solids (2024), doi 10.1016/j.jmps.2024.105743.
"""

from __future__ import annotations

import numpy as np
import sympy as sp
from hypothesis import strategies as st

from derivcheck import Claim, NumericCheck, Observation, Relation, Tolerance, register, spec_entry
from numerics.periodic_densities import cell_rule, face_rule, gauss_legendre, periodic_fourier_densities
from numerics.poisson import dirichlet_solution, mixed_solution

__all__: list[str] = []   # claims are registered; see Key claims

# --- symbols and the symbolic model ------------------------------------------------------------------------------
x, s_, X = sp.symbols("x s X", real=True)
l, L, a = sp.symbols("l L a", positive=True)
f, g, varphi_0, varphi_L = sp.symbols("f g varphi_0 varphi_L", real=True)
K = sp.Symbol("K", integer=True)
pi = sp.pi
_rho = sp.sin(2 * pi * x / l) / l                     # Examples 2.2-2.3: rho = (1/l) sin(2 pi x / l)


def _R(expr, var=x, lo=None, hi=None):
    return sp.integrate(expr, (var, lo, hi))


_NL, _NA, _NB = sp.floor(L / l), sp.floor(a / l), sp.floor((L - a) / l)
_cosL, _cosa = sp.cos(2 * pi * L / l), sp.cos(2 * pi * a / l)

# measured quantities (numeric layer) and their symbolic model
phi_l, phi_lD, p_0, p_a = sp.symbols("phi_l phi_lD p_0 p_a", real=True)
sigma_pL0, sigma_p0a, sigma_pLa = sp.symbols("sigma_pL0 sigma_p0a sigma_pLa", real=True)
MODEL = {
    p_0: _R((x - l * K) * _rho, x, l * K, l * K + l) / l,                       # eq. (24): cell at R = l K
    p_a: _R((x - a) * _rho, x, a, a + l) / l,                                  # eq. (30): cell at R = a
    sigma_pL0: _R(_rho, x, l * _NL, L),                                        # eq. (26)
    sigma_p0a: _R(_rho, x, 0, a - l * _NA),                                    # eq. (32)
    sigma_pLa: _R(_rho, x, a + l * _NB, L),                                    # eq. (33)
    # Green's-function solutions: -phi'' = rho; phi(0) = f, phi'(L) = g  /  phi(0) = varphi_0, phi(L) = varphi_L
    phi_l: f + g * x + _R(s_ * _rho.subs(x, s_), s_, 0, x) + x * _R(_rho.subs(x, s_), s_, x, L),
    phi_lD: varphi_0 * (1 - x / L) + varphi_L * x / L + _R(s_ * (L - x) / L * _rho.subs(x, s_), s_, 0, x)
            + _R(x * (L - s_) / L * _rho.subs(x, s_), s_, x, L),
}


# --- numeric layer: one instance of the examples, every quantity measured ---------------------------------------
@st.composite
def example_bodies(draw):
    """Examples 2.2-2.3: L, l = L/(N + theta), lattice offset a = l (N_a + alpha), data f, g and a point x.

    Shrinks towards N = 4, theta = 0, alpha = 0, f = g = 0.
    """
    L_ = draw(st.floats(0.5, 3.0))
    N = draw(st.integers(4, 60))
    th = draw(st.floats(0.0, 0.999))
    ll = L_ / (N + th)
    Na = draw(st.integers(0, N // 2))
    al = draw(st.floats(0.0, 0.999))
    return {"L": L_, "l": ll, "N": N, "a": ll * (Na + al), "f": draw(st.floats(-2.0, 2.0)),
            "g": draw(st.floats(-2.0, 2.0)), "xfrac": draw(st.floats(0.0, 1.0))}


def _measure(inst) -> dict:
    """Every quantity of Examples 2.2-2.3 measured from the density by quadrature and Green's functions."""
    L_, ll, a_, f_, g_ = inst["L"], inst["l"], inst["a"], inst["f"], inst["g"]
    rho = lambda t: np.sin(2 * np.pi * t / ll) / ll
    pan = ll / 2
    n_full = np.floor(L_ / ll)
    x_box = inst["xfrac"] * ll * n_full                                  # a point of Omega(box), lattice at 0
    x1, x2 = a_ - ll * np.floor(a_ / ll), a_ + ll * np.floor((L_ - a_) / ll)
    x_boxa = x1 + inst["xfrac"] * (x2 - x1)                              # a point of Omega(box), lattice at a
    k = np.floor(n_full / 2)
    dip = lambda c0: gauss_legendre(lambda t: (t - c0) * rho(t), c0, c0 + ll, pan) / ll
    charge = lambda lo, hi: gauss_legendre(rho, lo, hi, pan)
    return {
        "L": L_, "l": ll, "a": a_, "f": f_, "g": g_, "varphi_0": f_, "varphi_L": g_,
        "x": x_box, "x_a": x_boxa, "x_D": inst["xfrac"] * L_,
        "phi_l": mixed_solution(rho, L_, f_, g_, x_box, pan),
        "phi_l_a": mixed_solution(rho, L_, f_, g_, x_boxa, pan),
        "phi_lD": dirichlet_solution(rho, L_, f_, g_, inst["xfrac"] * L_, pan),
        "p_0": dip(ll * k), "p_a": dip(a_ + ll * np.floor((x2 - a_) / ll / 2)),
        "sigma_pL0": charge(ll * n_full, L_), "sigma_p0a": charge(0.0, x1), "sigma_pLa": charge(x2, L_),
    }


_QUAD = Tolerance(rel=1e-9, abs=1e-11, reason="composite Gauss-Legendre, 20 nodes per half period: round-off; "
                                              "1e-9 leaves margin for cancellation in the Green's-function sums")


def _obs(rename=None):
    def observe(inst):
        m = _measure(inst)
        if rename:
            for new, old in rename.items():
                m[new] = m[old]
        return Observation(m)
    return observe


def _claim(claim_id, name, lhs, rhs, definitions=None, observe=None, method="", tol=_QUAD, statement=None,
           instances=example_bodies, samples=40, **kw) -> Claim:
    spec = spec_entry(claim_id.split("/")[0])
    numeric = None if observe is None else NumericCheck(instances=instances, observe=observe, tolerance=tol,
                                                         method=method, samples=samples)
    return Claim(id=claim_id, name=name, paper="sen2024", location=kw.pop("location", spec["location"]),
                 statement=statement or spec["statement"], title=kw.pop("title", spec["title"]), lhs=lhs, rhs=rhs,
                 definitions=definitions if definitions is not None else MODEL, numeric=numeric,
                 headline=kw.pop("headline", True), **kw)


_EX = ("Examples 2.2-2.3 instances: L in [0.5, 3], l = L/(N + theta) with N in [4, 60], lattice offset a, data "
       "f, g; ")

# --- Example 2.2 (S-08) ------------------------------------------------------------------------------------------
_PHI12 = (varphi_0 * (1 - x / L) + varphi_L * x / L - l / (4 * pi**2) * x / L * sp.sin(2 * pi * L / l)
          + l / (4 * pi**2) * sp.sin(2 * pi * x / l))
_PHI16 = varphi_0 * (1 - x / L) + varphi_L * x / L
_t = sp.Symbol("t", positive=True)                   # x = L/(1 + t) parametrises the open interval (0, L)


@register("S-08/12")
def ex22_potential_solves_dirichlet_problem():
    """Eq. (12) on [0, L] is the solution of (11): phi_l'' = -rho, phi_l(0) = varphi^0, phi_l(L) = varphi^L."""
    return _claim("S-08/12", "example22_potential_12_solves_dirichlet_problem_11", phi_lD, _PHI12,
                  observe=_obs({"x": "x_D"}), method=_EX + "phi_l at x in [0, L] from the Dirichlet Green's "
                  "function by quadrature", statement=r"\varphi_l(x)=\varphi^0\big(1-\frac xL\big)+\varphi^L"
                  r"\big(\frac xL\big)-\frac{l}{4\pi^2}\frac xL\sin\big(2\pi\frac Ll\big)+\frac{l}{4\pi^2}"
                  r"\sin\big(2\pi\frac xl\big),\ x\in[0,L]\quad(12)")


@register("S-08/13")
def ex22_dipole_lattice_at_zero():
    return _claim("S-08/13", "example22_cell_dipole_lattice_at_zero_is_minus_one_over_2pi", p_0, -1 / (2 * pi),
                  observe=_obs(), method=_EX + "cell dipole of a bulk cell [lK, lK + l] by quadrature",
                  statement=r"\mathbf p(R)=\frac1l\int_{[R,R+l]}(x-R)\rho(x)\,dx=-\frac1{2\pi}\quad(13)")


@register("S-08/17")
def ex22_dipole_lattice_at_a():
    return _claim("S-08/17", "example22_cell_dipole_lattice_at_a_is_minus_cos_over_2pi", p_a,
                  -_cosa / (2 * pi), observe=_obs(), method=_EX + "cell dipole of a bulk cell [R, R + l], "
                  "R in a + lZ, by quadrature",
                  statement=r"\mathbf p(R)=-\frac1{2\pi}\cos\Big(2\pi\frac al\Big)\quad(17)")


@register("S-08/16")
def ex22_pointwise_convergence():
    """'phi_0 (16) is the point-wise limit of phi_l (12)': encoded as |phi_l - phi_0| <= l/(2 pi^2) on [0, L]."""
    return _claim("S-08/16", "example22_phi_l_converges_pointwise_to_phi_0", sp.Abs(phi_lD - _PHI16),
                  l / (2 * pi**2), relation=Relation.LE, observe=_obs({"x": "x_D"}),
                  definitions={k: v.subs(x, L / (1 + _t)) for k, v in MODEL.items()} | {x: L / (1 + _t)},
                  method=_EX + "phi_l from the Dirichlet Green's function by quadrature",
                  statement=r"\varphi_0=\lim_{l\to0}\varphi_l\ \text{point-wise, with (12), (16)}",
                  notes="The O(l) bound l/(2 pi^2) follows from (12); it holds for every sequence l -> 0.")


@register("S-08/continuity")
def ex22_printed_piecewise_potential_is_continuous():
    """(12) is printed on R with 0 outside [0, L]; (11) is posed 'in R', which needs phi_l continuous at x = 0."""
    return _claim("S-08/continuity", "example22_piecewise_potential_12_is_continuous_at_x_0", sp.Integer(0),
                  _PHI12.subs(x, 0), observe=_obs(), method=_EX + "the printed value phi_l(0+) against phi_l(0-) = 0",
                  statement=r"\varphi_l(0^-)=0=\varphi_l(0^+)\ \text{for (12) as a solution of (11) in }\mathbb R",
                  notes="phi_l(0+) = varphi^0, so the printed piecewise function jumps at x = 0 (and at x = L) "
                        "unless varphi^0 = varphi^L = 0; read as electrodes at 0 and L (Dirichlet data) the "
                        "outside values are irrelevant. Kept as printed.", headline=False)


# --- Example 2.3, lattice at 0 (S-10) ---------------------------------------------------------------------------
_PHI23 = f + g * x - x / (2 * pi) * _cosL + l / (4 * pi**2) * sp.sin(2 * pi * x / l)
_PHI0D = g * x - x / (2 * pi) * _cosL + f
_PHI0G = g * x + x / (2 * pi) * (1 - _cosL) - l * _NL / (2 * pi) + f


@register("S-10/23")
def ex23_potential_solves_mixed_problem():
    return _claim("S-10/23", "example23_potential_23_solves_mixed_problem_22", phi_l, _PHI23, observe=_obs(),
                  method=_EX + "phi_l from the Green's function min(x, s) of phi(0) = f, phi'(L) = g",
                  statement=r"\varphi_l(x)=f+gx-\frac x{2\pi}\cos\Big(2\pi\frac Ll\Big)+\frac l{4\pi^2}"
                            r"\sin\Big(2\pi\frac xl\Big)\quad(23)")


@register("S-10/24")
def ex23_dipole_lattice_at_zero():
    return _claim("S-10/24", "example23_cell_dipole_lattice_at_zero_is_minus_one_over_2pi", p_0, -1 / (2 * pi),
                  observe=_obs(), method=_EX + "cell dipole by quadrature",
                  statement=r"\mathbf p(R)=-\frac1{2\pi}\cos\Big(2\pi\frac Rl\Big)=-\frac1{2\pi}\quad(24)")


@register("S-10/26")
def ex23_partial_charge_right():
    return _claim("S-10/26", "example23_right_partial_cell_charge", sigma_pL0, (1 - _cosL) / (2 * pi),
                  observe=_obs(), method=_EX + "charge of [l[L/l], L] by quadrature",
                  statement=r"\sigma_p(L)=\int_{[l[\frac Ll],L]}\rho(x)\,dx=\frac1{2\pi}\Big[1-\cos\Big(2\pi"
                            r"\frac Ll\Big)\Big]\quad(26)")


@register("S-10/27")
def ex23_bound_charge_left():
    return _claim("S-10/27", "example23_bound_charge_at_zero_is_minus_p", -p_0, 1 / (2 * pi), observe=_obs(),
                  method=_EX + "sigma_b(0) = p.n with n = -1; p by quadrature",
                  statement=r"\sigma_b(0)=\mathbf p\cdot\mathbf n=-\mathbf p(0)=\frac1{2\pi}\quad(27)")


@register("S-10/29jump")
def ex23_homogenized_jump():
    """(28)-(29): (phi'_{0,d} - phi'_{0,g})(l[L/l]) = sigma_b(l[L/l]) = p . n (n = +1)."""
    return _claim("S-10/29jump", "example23_homogenized_solution_29_has_jump_sigma_b",
                  sp.diff(_PHI0D - _PHI0G, x), p_0, observe=_obs(),
                  method=_EX + "printed (29) against sigma_b = p (measured by quadrature)",
                  statement=r"(\varphi'_{0,d}-\varphi'_{0,g})(l[L/l])=\sigma_b\Big(l\Big[\frac Ll\Big]\Big)=-\frac1{2\pi}")


@register("S-10/29cont")
def ex23_homogenized_continuity():
    return _claim("S-10/29cont", "example23_homogenized_solution_29_is_continuous", _PHI0D.subs(x, l * _NL),
                  _PHI0G.subs(x, l * _NL), definitions={},
                  statement=r"\varphi_{0,d}(l[L/l])=\varphi_{0,g}(l[L/l])\ \text{for (29)}")


@register("S-10/29neumann")
def ex23_homogenized_neumann():
    return _claim("S-10/29neumann", "example23_homogenized_solution_29_meets_neumann_condition",
                  sp.diff(_PHI0G, x), g + sigma_pL0, observe=_obs(),
                  method=_EX + "printed (29) against g + sigma_p(L) (partial-cell charge by quadrature)",
                  statement=r"\frac{\partial\varphi_0}{\partial n}(L)=\varphi_{0,g}'(L)=g+\sigma_p(L)\quad(28)")


@register("S-10/approx")
def ex23_phi_l_close_to_phi_0():
    """'It is clear that for l small, phi_l ~ phi_0': |phi_l - phi_{0,d}| <= l/(4 pi^2) on Omega(box)."""
    return _claim("S-10/approx", "example23_phi_l_is_within_order_l_of_phi_0d", sp.Abs(phi_l - _PHI0D),
                  l / (4 * pi**2), relation=Relation.LE, observe=_obs(),
                  method=_EX + "phi_l at x in Omega(box) from the Green's function by quadrature",
                  statement=r"\varphi_l\approx\varphi_0\ \text{for } l \text{ small (on }\Omega(\Box))")


# --- Example 2.3, lattice at a (S-11) ---------------------------------------------------------------------------
_X1, _X2 = a - l * _NA, a + l * _NB
_PHIL = g * x + x / (2 * pi) * (_cosa - _cosL) + f
_PHID = g * x - x / (2 * pi) * _cosL + (a - l * _NA) * _cosa / (2 * pi) + f
_PHIR = g * x + x / (2 * pi) * (_cosa - _cosL) + f - (l * _NA + l * _NB) * _cosa / (2 * pi)


@register("S-11/30")
def ex23a_dipole():
    return _claim("S-11/30", "example23_lattice_at_a_cell_dipole", p_a, -_cosa / (2 * pi), observe=_obs(),
                  method=_EX + "cell dipole of a bulk cell of a + lZ by quadrature",
                  statement=r"\mathbf p(R)=-\frac1{2\pi}\cos\Big(2\pi\frac al\Big)\quad(30)")


@register("S-11/32")
def ex23a_partial_left():
    return _claim("S-11/32", "example23_lattice_at_a_left_partial_charge", sigma_p0a, (1 - _cosa) / (2 * pi),
                  observe=_obs(), method=_EX + "charge of [0, a - l[a/l]] by quadrature",
                  statement=r"\sigma_p(0)=\int_{[0,a-l[\frac al]]}\rho\,dx=\frac1{2\pi}\Big[1-\cos\Big(2\pi\frac al"
                            r"\Big)\Big]\quad(32)")


@register("S-11/33")
def ex23a_partial_right():
    return _claim("S-11/33", "example23_lattice_at_a_right_partial_charge", sigma_pLa, (_cosa - _cosL) / (2 * pi),
                  observe=_obs(), method=_EX + "charge of [a + l[(L-a)/l], L] by quadrature",
                  statement=r"\sigma_p(L)=\frac1{2\pi}\Big[\cos\Big(2\pi\frac al\Big)-\cos\Big(2\pi\frac Ll\Big)"
                            r"\Big]\quad(33)")


@register("S-11/34")
def ex23a_bound_left():
    return _claim("S-11/34", "example23_lattice_at_a_left_bound_charge", -p_a, _cosa / (2 * pi), observe=_obs(),
                  method=_EX + "sigma_b = p.n with n = -1, p by quadrature",
                  statement=r"\sigma_b\Big(a-l\Big[\frac al\Big]\Big)=-\mathbf p=\frac1{2\pi}\cos\Big(2\pi\frac al"
                            r"\Big)\quad(34)", notes="(35) is (30) with n = +1.")


@register("S-11/37jumpL")
def ex23a_jump_left():
    return _claim("S-11/37jumpL", "example23_lattice_at_a_left_jump", sp.diff(_PHIL - _PHID, x), -p_a,
                  observe=_obs(), method=_EX + "printed (37) against sigma_b = -p (quadrature)",
                  statement=r"(\varphi^{L\prime}_{0,g}-\varphi'_{0,d})(a-l[\tfrac al])=\sigma_b")


@register("S-11/37jumpR")
def ex23a_jump_right():
    return _claim("S-11/37jumpR", "example23_lattice_at_a_right_jump", sp.diff(_PHID - _PHIR, x), p_a,
                  observe=_obs(), method=_EX + "printed (37) against sigma_b = p (quadrature)",
                  statement=r"(\varphi'_{0,d}-\varphi^{R\prime}_{0,g})(a+l[\tfrac{L-a}l])=\sigma_b")


@register("S-11/37cont")
def ex23a_continuity():
    return _claim("S-11/37cont", "example23_lattice_at_a_solution_37_is_continuous",
                  (_PHIL - _PHID).subs(x, _X1) ** 2 + (_PHID - _PHIR).subs(x, _X2) ** 2, sp.Integer(0),
                  definitions={}, statement=r"\varphi^L_{0,g}=\varphi_{0,d}\ \text{at}\ a-l[\tfrac al],\quad"
                  r"\varphi_{0,d}=\varphi^R_{0,g}\ \text{at}\ a+l[\tfrac{L-a}l]\quad(37)")


@register("S-11/37neumann")
def ex23a_neumann():
    return _claim("S-11/37neumann", "example23_lattice_at_a_neumann_condition", sp.diff(_PHIR, x), g + sigma_pLa,
                  observe=_obs(), method=_EX + "printed (37) against g + sigma_p(L) (quadrature)",
                  statement=r"\frac{\partial\varphi_0}{\partial\mathbf n}(L)=g+\sigma_p(L)\quad(36)")


@register("S-11/approx")
def ex23a_phi_l_close_to_phi_0():
    """'For l small enough, phi_l ~ phi_0': |phi_l - phi_{0,d}| <= l/(4 pi^2) + l/(2 pi) on Omega(box)."""
    return _claim("S-11/approx", "example23_lattice_at_a_phi_l_within_order_l_of_phi_0d",
                  sp.Abs(phi_l - _PHID), l / (4 * pi**2) + l / (2 * pi), relation=Relation.LE,
                  observe=_obs({"x": "x_a", "phi_l": "phi_l_a"}),
                  method=_EX + "phi_l at x in Omega(box) = [a - l[a/l], a + l[(L-a)/l]] by quadrature",
                  statement=r"\varphi_l\approx\varphi_0\ \text{for } l \text{ small enough (on }\Omega(\Box))")


# --- S-36: size and cell dependence of the neglected terms ------------------------------------------------------
@register("S-36")
def homogenized_potentials_differ_at_order_l():
    """S-36: the homogenized potentials for the lattice at a (37) and at 0 (29) differ by O(l) on the bulk."""
    d = sp.Abs(_PHID - _PHI0D)

    def observe(inst):
        m = _measure(inst)
        # measured version of the difference: (a - l[a/l]) * sigma_b(left) with sigma_b = -p_a by quadrature
        return Observation(m | {"D": abs((m["a"] - m["l"] * np.floor(m["a"] / m["l"])) * (-m["p_a"]))})
    D = sp.Symbol("D", nonnegative=True)
    return _claim("S-36", "homogenized_potentials_of_two_cells_differ_at_order_l", D, l / (2 * pi),
                  definitions={D: d}, relation=Relation.LE, observe=observe,
                  method=_EX + "offset (a - l[a/l]) times the left bound charge -p_a (quadrature)",
                  notes="Quantitative reading of 'phi_l ~ phi_0' and of the truncation at dipole order: the two "
                        "homogenized solutions (37), (29) differ by (a - l[a/l]) cos(2 pi a/l)/(2 pi) = O(l), the "
                        "order of the neglected terms, and this difference depends on the cell.")


# --- S-09 and S-03: macroscopic slopes and jumps for a general periodic density --------------------------------
cc = sp.symbols("c_1:3", real=True)
ss = sp.symbols("s_1:3", real=True)
a_1 = sp.Symbol("a_1", real=True)


def _rho_gen(t):
    return sum(cc[k] * sp.cos(2 * pi * (k + 1) * t / l) + ss[k] * sp.sin(2 * pi * (k + 1) * t / l)
               for k in range(2)) / l


slope, jump_R, jump_L, p, sigma_p, sigma_p0 = sp.symbols("slope jump_R jump_L p sigma_p sigma_p0", real=True)
_S = lambda t: sp.integrate(_rho_gen(s_), (s_, 0, t))                   # S(t) = int_0^t rho
_GEN = {
    p: sp.integrate((x - a_1) * _rho_gen(x), (x, a_1, a_1 + l)) / l,
    sigma_p: sp.integrate(_rho_gen(x), (x, a_1, L)),                   # right partial cell (full cells neutral)
    sigma_p0: sp.integrate(_rho_gen(x), (x, 0, a_1)),                  # left partial cell
    slope: g + sp.integrate(sp.integrate(_rho_gen(s_), (s_, x, L)), (x, a_1, a_1 + l)) / l,
    jump_R: -sp.integrate(_S(x), (x, a_1, a_1 + l)) / l + _S(L),
    jump_L: sp.integrate(_S(x), (x, a_1, a_1 + l)) / l,
}


@st.composite
def periodic_bodies(draw):
    """A random zero-mean periodic density on [0, L] (L = l (N + theta)), a cell corner and Neumann datum g."""
    dens = draw(periodic_fourier_densities(l=1.0))
    ll = draw(st.floats(0.02, 0.5))
    from numerics.periodic_densities import FourierDensity1D
    dens = FourierDensity1D(l=ll, A=dens.A, B=dens.B)
    N = draw(st.integers(4, 30))
    th = draw(st.floats(0.0, 0.999))
    al = draw(st.floats(0.0, 0.999))
    return dens, ll * (N + th), ll * al, draw(st.floats(-2.0, 2.0))


def _measure_general(inst):
    dens, L_, alpha, g_ = inst
    ll, pan = dens.l, dens.panel
    c_bulk = alpha + ll * np.floor((L_ - alpha) / ll / 2)                # a full cell in the bulk
    c_last = alpha + ll * np.floor((L_ - alpha) / ll)
    S = lambda t: np.vectorize(lambda v: dens.charge(0.0, v))(t)          # S(t), the field is -S
    avgS = gauss_legendre(S, c_bulk, c_bulk + ll, pan) / ll              # cell average of S (= -Phi_l')
    # Neumann problem: Phi_l'(x) = g + int_x^L rho; cell average over a bulk cell
    dphi = lambda t: g_ + np.vectorize(lambda v: dens.charge(v, L_))(t)
    return {"slope": gauss_legendre(dphi, c_bulk, c_bulk + ll, pan) / ll, "g": g_,
            "jump_R": -avgS + float(S(L_)), "jump_L": avgS, "p": dens.cell_dipole(c_bulk),
            "sigma_p": dens.charge(c_last, L_), "sigma_p0": dens.charge(0.0, alpha)}


_GEN_METHOD = ("random zero-mean Fourier density (<= 4 modes), l in [0.02, 0.5], body [0, l(N + theta)], corner "
               "alpha l; fields from S(x) = int_0^x rho by quadrature, cell averages by quadrature; ")


@register("S-09")
def mixed_problem_neumann_condition():
    r"""(21): :math:`\partial\Phi_0/\partial\mathbf n=g+\mathbf p_0\cdot\mathbf n+\sigma_p` on the Neumann end (1-D)."""
    return _claim("S-09", "homogenized_neumann_slope_equals_g_plus_p_plus_sigma_p", slope, g + p + sigma_p,
                  definitions=_GEN, observe=lambda i: Observation(_measure_general(i)), instances=periodic_bodies,
                  method=_GEN_METHOD + "macroscopic slope = cell average of Phi_l' = g + int_x^L rho over a bulk "
                  "cell", samples=25,
                  notes="1-D reduction of (20)-(21) on [0, L] with Phi(0) = f, Phi'(L) = g: the homogenized "
                        "potential is linear in the bulk with slope equal to the cell average of Phi_l'; n = +1.")


@register("S-03/right")
def whole_space_jump_right():
    r"""(5): :math:`\llbracket\partial\Phi_0/\partial\mathbf n\rrbracket=\mathbf p_0\cdot\mathbf n+\sigma_p` at the
    right end of a 1-D body (n = +1), jump = inside - outside."""
    return _claim("S-03/right", "homogenized_jump_equals_p_dot_n_plus_sigma_p_right_end", jump_R, p + sigma_p,
                  definitions=_GEN, observe=lambda i: Observation(_measure_general(i)), instances=periodic_bodies,
                  method=_GEN_METHOD + "inside slope = cell average of -S over a bulk cell, outside slope = -S(L)",
                  samples=25, statement=r"\Big\llbracket\frac{\partial\Phi_0}{\partial\mathbf n}\Big\rrbracket="
                  r"\mathbf p_0\cdot\mathbf n+\sigma_p\ \text{on}\ \partial\Omega\backslash\Gamma_d\quad(5)",
                  notes="Jump convention: inside minus outside (Example 2.3's text). With outside minus inside the "
                        "sign of the right side flips and the claim fails. The bulk equation Delta Phi_0 = "
                        "div p_0 is 0 = 0 for a periodic crystal.")


@register("S-03/left")
def whole_space_jump_left():
    return _claim("S-03/left", "homogenized_jump_equals_p_dot_n_plus_sigma_p_left_end", jump_L, -p + sigma_p0,
                  definitions=_GEN, observe=lambda i: Observation(_measure_general(i)), instances=periodic_bodies,
                  method=_GEN_METHOD + "inside normal slope (n = -1) = cell average of S, outside slope 0",
                  samples=25, statement=r"\Big\llbracket\frac{\partial\Phi_0}{\partial\mathbf n}\Big\rrbracket="
                  r"\mathbf p_0\cdot\mathbf n+\sigma_p\ \text{at}\ x=0,\ \mathbf n=-1\quad(5)")


# --- S-04: the divergence-theorem form (9) ------------------------------------------------------------------------
V_grad, S_sigma, V_div, S_total = sp.symbols("V_grad S_sigma V_div S_total", real=True)


@st.composite
def polarized_boxes(draw):
    """Box [0, b_1] x [0, b_2] x [0, b_3], p = (c1 + c2 y_2^2, c3 y_1 y_3, c4 sin y_1 + c5 y_3^2), constant sigma,
    and an exterior point at distance >= 0.5 (spec S-04 with random coefficients)."""
    b = np.array([draw(st.floats(0.5, 1.5)) for _ in range(3)])
    cf = np.array([draw(st.floats(-2.0, 2.0)) for _ in range(5)])
    sig = draw(st.floats(-1.0, 1.0))
    th, ph = draw(st.floats(0.0, np.pi)), draw(st.floats(0.0, 2 * np.pi))    # a unit direction (never zero)
    d = np.array([np.sin(th) * np.cos(ph), np.sin(th) * np.sin(ph), np.cos(th)])
    xo = b / 2 + d * (np.linalg.norm(b) / 2 + draw(st.floats(0.5, 2.0)))
    return b, cf, sig, xo


def _observe_box(inst):
    b, cf, sig, xo = inst
    E = np.diag(b)
    P = lambda y: np.stack([cf[0] + cf[1] * y[:, 1] ** 2, cf[2] * y[:, 0] * y[:, 2],
                            cf[3] * np.sin(y[:, 0]) + cf[4] * y[:, 2] ** 2], 1)
    divP = lambda y: cf[2] * y[:, 0]                               # d/dy_2 (c3 y_1 y_3) = 0; only... see below
    G = lambda y: 1 / (4 * np.pi * np.linalg.norm(y - xo[None, :], axis=1))
    dG = lambda y: (xo[None, :] - y) / (4 * np.pi * np.linalg.norm(y - xo[None, :], axis=1)[:, None] ** 3)
    ys, w = cell_rule(E, np.zeros(3), n=24)
    v_grad = float(w @ np.einsum("ni,ni->n", dG(ys), P(ys)))
    div = np.zeros(len(ys))                                        # div p = d1 p1 + d2 p2 + d3 p3 (analytic)
    div += 0.0                                                     # d/dy_1 (c1 + c2 y_2^2) = 0
    div += 0.0                                                     # d/dy_2 (c3 y_1 y_3) = 0
    div += 2 * cf[4] * ys[:, 2]                                    # d/dy_3 (c4 sin y_1 + c5 y_3^2)
    v_div = float(w @ (G(ys) * (-div)))
    s_sig = s_tot = 0.0
    for k in range(3):
        for up in (False, True):
            xs, wf, n = face_rule(E, np.zeros(3), k, up, n=24)
            s_sig += float(wf @ (G(xs) * sig))
            s_tot += float(wf @ (G(xs) * (P(xs) @ n + sig)))
    return Observation({"V_grad": v_grad, "S_sigma": s_sig, "V_div": v_div, "S_total": s_tot})


@register("S-04")
def divergence_theorem_form_of_potential():
    r"""(9): :math:`\int_\Omega\partial_{\mathbf x'}G\cdot\mathbf p\,dV+\int_{\partial\Omega}G\sigma\,dS=\int_\Omega
    G(-\operatorname{div}\mathbf p)\,dV+\int_{\partial\Omega}G(\mathbf p\cdot\mathbf n+\sigma)\,dS`."""
    return _claim("S-04", "dipole_potential_equals_bound_charge_potential", V_grad + S_sigma, V_div + S_total,
                  definitions={}, observe=_observe_box, instances=polarized_boxes, samples=20,
                  sample_residual=False,
                  tol=Tolerance(rel=1e-8, abs=1e-12, reason="24^3 / 24^2 Gauss-Legendre of integrands analytic on "
                                "the box (exterior point at distance >= 0.5): error < 1e-10, checked by "
                                "refinement in the tests"),
                  method="random boxes, polynomial/trigonometric p of the spec, constant sigma, exterior x; "
                         "volume and face integrals by tensor Gauss-Legendre with geometric outward normals",
                  notes="Numeric only: the four integrals are measured quantities. The divergence theorem applied "
                        "to G p; the last line of (8) and its replacement by integrals are the limit statements "
                        "of S-05/S-36.")


# --- S-05: polarization theorem (10) in 1-D ----------------------------------------------------------------------
k_, theta, alpha, theta_2, alpha_2 = sp.symbols("k theta alpha theta_2 alpha_2", real=True)
N_ = sp.Symbol("N", integer=True, positive=True)
I_lim, I_lim2, p_1, p_2, sigma_01, sigma_L1, sigma_02, sigma_L2 = sp.symbols(
    "I_lim I_lim2 p_1 p_2 sigma_01 sigma_L1 sigma_02 sigma_L2", real=True)


def _lhs_closed(th):
    r""":math:`\frac1l\int_0^Le^{kx}\sin(bx)\,dx`, b = 2 pi/l, l = L/(N + theta), sin(bL) = sin(2 pi theta) (N integer)."""
    b = 2 * pi * (N_ + th) / L
    ll = L / (N_ + th)
    return (sp.exp(k_ * L) * (k_ * sp.sin(2 * pi * th) - b * sp.cos(2 * pi * th)) + b) / (k_**2 + b**2) / ll


def _cell_model(al, th):
    """p, sigma_p(0), sigma_p(L) for the cell corner alpha l and L = l (N + theta), physical density sin(2pi x/l)/l."""
    ll = sp.Symbol("ell", positive=True)
    rho = sp.sin(2 * pi * x / ll) / ll
    pp = sp.integrate((x - al * ll) * rho, (x, al * ll, al * ll + ll)) / ll
    s0 = sp.integrate(rho, (x, 0, al * ll))
    sL = sp.integrate(rho, (x, al * ll + ll * (N_ + sp.floor(th - al)), ll * (N_ + th)))
    return [sp.simplify(sp.expand(e)) for e in (pp, s0, sL)]


_RHS10 = lambda pp, s0, sL: pp * (sp.exp(k_ * L) - 1) + s0 * 1 + sL * sp.exp(k_ * L)   # phi = e^{k x}


@st.composite
def theorem_sequences(draw):
    """phi = e^{k x} on [0, L], l = L/(N + theta) with N large, corners alpha (and a second theta for S-05/limit)."""
    return {"L": draw(st.floats(0.5, 2.0)), "k": draw(st.floats(-2.0, 2.0).filter(lambda v: abs(v) > 1e-3)),
            "N": draw(st.integers(400, 1200)), "theta": draw(st.floats(0.0, 0.999)),
            "theta_2": draw(st.floats(0.0, 0.999)), "alpha": draw(st.floats(0.0, 0.999)),
            "alpha_2": draw(st.floats(0.0, 0.999))}


def _theorem_side(L_, k, N, th, al):
    ll = L_ / (N + th)
    rho = lambda t: np.sin(2 * np.pi * t / ll) / ll
    phi = lambda t: np.exp(k * t)
    lhs = gauss_legendre(lambda t: phi(t) * rho(t), 0.0, L_, ll / 2)
    c0 = al * ll
    p_ = gauss_legendre(lambda t: (t - c0) * rho(t), c0, c0 + ll, ll / 2) / ll
    c_last = c0 + ll * np.floor((L_ - c0) / ll)
    s0 = gauss_legendre(rho, 0.0, c0, ll / 2)
    sL = gauss_legendre(rho, c_last, L_, ll / 2)
    # |LHS - lim| <= (l / 4 pi^2)(|phi'(L)| + int |phi''|) (one integration by parts of the oscillation)
    bound = ll / (4 * np.pi**2) * (abs(k) * np.exp(k * L_) + k * k * abs(np.exp(k * L_) - 1) / abs(k))
    return lhs, p_, s0, sL, bound


def _observe_theorem(inst):
    lhs, p_, s0, sL, bound = _theorem_side(inst["L"], inst["k"], inst["N"], inst["theta"], inst["alpha"])
    return Observation({"I_lim": lhs, "p_1": p_, "sigma_01": s0, "sigma_L1": sL, "k": inst["k"], "L": inst["L"]},
                       scale=bound)


_THEOREM_TOL = Tolerance(rel=1.0, abs=1e-10, reason="limit statement evaluated at finite N: the scale is the "
                         "rigorous bound (l/4 pi^2)(|phi'(L)| + int|phi''|) on |LHS(l) - lim LHS| from one "
                         "integration by parts; abs 1e-10 covers quadrature round-off")


@register("S-05")
def polarization_theorem_along_fixed_theta():
    r"""(10) in 1-D, :math:`\rho=\frac1l\sin(2\pi x/l)` on [0, L], :math:`\varphi=e^{kx}`, along l = L/(N + theta)."""
    pp, s0, sL = _cell_model(alpha, theta)
    return _claim("S-05", "weak_limit_of_density_equals_bulk_dipole_plus_surface_charge", I_lim,
                  _RHS10(p_1, sigma_01, sigma_L1),
                  definitions={I_lim: sp.Limit(_lhs_closed(theta), N_, sp.oo), p_1: pp, sigma_01: s0, sigma_L1: sL},
                  observe=_observe_theorem, instances=theorem_sequences, tol=_THEOREM_TOL, samples=25,
                  symbolic_timeout=60,
                  method="phi = e^{kx}, L in [0.5, 2], l = L/(N + theta), N in [400, 1200]; LHS by Gauss-Legendre "
                         "per half period; p and partial-cell charges of the cell corner alpha l by quadrature",
                  notes="sigma in (10) is the partial-cell charge sigma_p (not p.n + sigma_p): with that reading "
                        "the right side equals the limit along every sequence of fixed theta = frac(L/l). The "
                        "limit along general sequences does not exist (S-05/limit).")


@register("S-05/alpha")
def polarization_theorem_rhs_is_cell_independent():
    """The right side of (10) does not depend on the cell corner alpha (S-05 check (i))."""
    pp, s0, sL = _cell_model(alpha, theta)
    qq, t0, tL = _cell_model(alpha_2, theta)

    def observe(inst):
        _, p1, s01, sL1, _ = _theorem_side(inst["L"], inst["k"], inst["N"], inst["theta"], inst["alpha"])
        _, p2, s02, sL2, _ = _theorem_side(inst["L"], inst["k"], inst["N"], inst["theta"], inst["alpha_2"])
        return Observation({"p_1": p1, "sigma_01": s01, "sigma_L1": sL1, "p_2": p2, "sigma_02": s02,
                            "sigma_L2": sL2, "k": inst["k"], "L": inst["L"]})
    return _claim("S-05/alpha", "polarization_theorem_right_side_is_independent_of_cell",
                  _RHS10(p_1, sigma_01, sigma_L1), _RHS10(p_2, sigma_02, sigma_L2),
                  definitions={p_1: pp, sigma_01: s0, sigma_L1: sL, p_2: qq, sigma_02: t0, sigma_L2: tL},
                  observe=observe, instances=theorem_sequences, tol=_QUAD, samples=25,
                  method="as S-05, two cell corners alpha, alpha_2",
                  statement=r"\int_\Omega\nabla\varphi\cdot\mathbf p_0\,dV+\int_{\partial\Omega}\sigma\varphi\,dS"
                            r"\ \text{is the same for every cell corner}")


@register("S-05/limit")
def polarization_theorem_limit_exists():
    r"""(10) asserts :math:`\lim_{l\to0}\int\varphi\tilde\rho_l/l`: encoded as equality of the limits along two
    sequences l = L/(N + theta) and l = L/(N + theta_2)."""
    def observe(inst):
        l1, *_, b1 = _theorem_side(inst["L"], inst["k"], inst["N"], inst["theta"], inst["alpha"])
        l2, *_, b2 = _theorem_side(inst["L"], inst["k"], inst["N"], inst["theta_2"], inst["alpha"])
        return Observation({"I_lim": l1, "I_lim2": l2}, scale=b1 + b2)
    return _claim("S-05/limit", "weak_limit_of_density_exists_along_every_sequence", I_lim, I_lim2,
                  definitions={I_lim: sp.Limit(_lhs_closed(theta), N_, sp.oo),
                               I_lim2: sp.Limit(_lhs_closed(theta_2), N_, sp.oo)},
                  observe=observe, instances=theorem_sequences, tol=_THEOREM_TOL, samples=25, symbolic_timeout=60,
                  method="as S-05, two sequences with fractional parts theta, theta_2",
                  statement=r"\lim_{l\to0}\int_\Omega\varphi(\mathbf x)\frac{\tilde\rho_l(\mathbf x)}{l}dV_{\mathbf x}"
                            r"\ \text{exists}\quad(10)",
                  notes="Along l = L/(N + theta) the left side tends to (phi(0) - phi(L) cos 2 pi theta)/(2 pi): "
                        "the limit depends on theta, so it exists only along subsequences of fixed theta; the "
                        "right side of (10) follows the same theta through sigma_p(L).")


# --- S-12: existence of the limits ---------------------------------------------------------------------------------
sig_1, sig_2, phiL_1, phiL_2 = sp.symbols("sig_1 sig_2 phiL_1 phiL_2", real=True)


def _sigma_model(th):
    ll = L / (N_ + th)
    return sp.integrate(sp.sin(2 * pi * x / ll) / ll, (x, ll * N_, L))


def _phiL_model(th):
    ll = L / (N_ + th)                                   # phi_l(L) of the mixed problem: f + g L + int_0^L s rho
    return sp.Limit(f + g * L + sp.integrate(x * sp.sin(2 * pi * x / ll) / ll, (x, 0, L)), N_, sp.oo)


def _observe_limits(inst):
    L_, N = inst["L"], inst["N"]
    out = {}
    for name, th, M in (("1", inst["theta"], N), ("2", inst["theta_2"], N + 1)):
        ll = L_ / (M + th)
        rho = lambda t, ll=ll: np.sin(2 * np.pi * t / ll) / ll
        out["sig_" + name] = gauss_legendre(rho, ll * M, L_, ll / 2)
        out["phiL_" + name] = mixed_solution(rho, L_, inst["f"], inst["g"], L_, ll / 2)
    return Observation(out | {"theta": inst["theta"], "L": L_}, scale=L_ / N / (2 * np.pi**2))


@st.composite
def limit_sequences(draw):
    return {"L": draw(st.floats(0.5, 2.0)), "N": draw(st.integers(500, 1500)), "theta": draw(st.floats(0.0, 0.999)),
            "theta_2": draw(st.floats(0.0, 0.999)), "f": draw(st.floats(-2.0, 2.0)), "g": draw(st.floats(-2.0, 2.0))}


_LIMIT_TOL = Tolerance(rel=1.0, abs=1e-10, reason="limits evaluated at N ~ 1000: sigma_p(L) is N-independent at fixed "
                       "theta; phi_l(L) differs from its limit by (l/4 pi^2) sin 2 pi theta, bounded by the scale "
                       "l/(2 pi^2); abs 1e-10 for quadrature round-off")


@register("S-12/sigma")
def partial_charge_limit_exists():
    """'The limit of sigma_{p,l} -> sigma_p as l -> 0' for (26): equality of the limits along two sequences."""
    return _claim("S-12/sigma", "partial_cell_charge_has_a_limit_as_l_to_0", sig_1, sig_2,
                  definitions={sig_1: _sigma_model(theta), sig_2: _sigma_model(theta_2)},
                  observe=_observe_limits, instances=limit_sequences, tol=_LIMIT_TOL, samples=25,
                  method="sigma_p(L) of (26) by quadrature along l = L/(N + theta) and l = L/(N + 1 + theta_2)",
                  statement=r"\sigma_{p,l}\to\sigma_p\ (l\to0),\ \text{with}\ \sigma_p(L)=\frac1{2\pi}\Big[1-\cos"
                            r"\Big(2\pi\frac Ll\Big)\Big]\quad(26)",
                  notes="sigma_p(L) = (1 - cos 2 pi theta)/(2 pi) with theta = frac(L/l): every value in "
                        "[0, 1/pi] is a subsequential limit, so the limit does not exist.")


@register("S-12/phi")
def mixed_problem_limit_exists():
    """'(20) has a well-defined limit as l -> 0': phi_l(L) of (23) along two sequences."""
    return _claim("S-12/phi", "mixed_problem_solution_has_a_limit_as_l_to_0", phiL_1, phiL_2,
                  definitions={phiL_1: _phiL_model(theta), phiL_2: _phiL_model(theta_2)},
                  observe=_observe_limits, instances=limit_sequences, tol=_LIMIT_TOL, samples=25,
                  symbolic_timeout=60,
                  method="phi_l(L) from the Green's function of (22) by quadrature along two sequences",
                  statement=r"\text{the sequence (20) has a well-defined limit as } l\to0",
                  notes="phi_l(L) = f + g L - (L/2 pi) cos 2 pi theta + O(l) (eq. 23): the limit depends on theta.")


@register("S-12/fix")
def partial_charge_limit_along_fixed_theta():
    """Along l = L/(N + theta) with theta fixed, sigma_p(L) -> (1 - cos 2 pi theta)/(2 pi)."""
    return _claim("S-12/fix", "partial_cell_charge_converges_along_fixed_fractional_part", sig_1,
                  (1 - sp.cos(2 * pi * theta)) / (2 * pi), definitions={sig_1: _sigma_model(theta)},
                  observe=_observe_limits, instances=limit_sequences, tol=_LIMIT_TOL, samples=25, corrects="S-12/sigma",
                  method="sigma_p(L) by quadrature along l = L/(N + theta)",
                  statement=r"\lim_{N\to\infty}\sigma_p(L)\big|_{l=L/(N+\theta)}=\frac{1-\cos2\pi\theta}{2\pi}")


# --- S-13: infinite crystal as the limit of growing bodies ------------------------------------------------------------
lam = sp.Symbol("lambda", positive=True)
Q_h = sp.Symbol("Q_h", real=True)


def _face_total_decaying():
    ll = sp.Symbol("ell", positive=True)
    rho = sp.exp(-x / lam) * sp.sin(2 * pi * x / ll) / ll
    c0 = ll * (N_ - 1)
    pp = sp.integrate((x - c0) * rho, (x, c0, c0 + ll)) / ll
    sp_ = sp.integrate(rho, (x, ll * N_, ll * (N_ + theta)))
    return sp.Limit(sp.expand(pp + sp_), N_, sp.oo)


@st.composite
def decaying_bodies(draw):
    return {"l": draw(st.floats(0.05, 1.0)), "lambda": draw(st.floats(0.5, 5.0)), "theta": draw(st.floats(0.0, 0.999))}


def _observe_decay(inst):
    ll, lm, th = inst["l"], inst["lambda"], inst["theta"]
    N = int(np.ceil(45 * lm / ll)) + 1                                   # face beyond 45 decay lengths
    rho = lambda t: np.exp(-t / lm) * np.sin(2 * np.pi * t / ll) / ll
    c0 = ll * (N - 1)
    pp = gauss_legendre(lambda t: (t - c0) * rho(t), c0, c0 + ll, ll / 2) / ll
    return Observation({"Q_h": pp + gauss_legendre(rho, ll * N, ll * (N + th), ll / 2)})


@register("S-13")
def face_total_vanishes_for_growing_bodies():
    r""":math:`\mathbf p_{0,h}\cdot\mathbf n_h+\sigma_{p,h}\to0` as the body grows, for a decaying density."""
    return _claim("S-13", "face_total_vanishes_as_body_grows_for_decaying_density", Q_h, 0,
                  definitions={Q_h: _face_total_decaying()}, observe=_observe_decay, instances=decaying_bodies,
                  symbolic_timeout=60, samples=25,
                  tol=Tolerance(abs=1e-15, reason="evaluated at a face beyond 45 decay lengths: |face total| <= "
                                "e^{-45} max|rho~| / l < 1e-18"),
                  method="rho = e^{-x/lambda} sin(2 pi x/l)/l on [0, h], h = l(N + theta); face total at x = h "
                         "(last full cell dipole + partial-cell charge) by quadrature",
                  notes="Case (i) of the spec (decaying density, inside the paper's hypotheses). The periodic "
                        "dipole lattice (case ii, shape-dependent Lorentz field) is outside them and not encoded.")
