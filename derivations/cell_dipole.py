r"""The cell dipole :math:`\mathbf p(\mathbf a)` depends on the unit cell; :math:`\mathbf p\cdot\mathbf n+\sigma_p` does not.

Overview
    Sen, Wang, Breitzman & Dayal (2024) [1]: Example 2.1 (eq. 3), the definitions of :math:`\mathbf p_l`,
    :math:`\tilde\sigma_{p,l}`, :math:`K_l`, :math:`\sigma_{p,l}` (Sec. 2), the cell-independence of the face
    totals (surface-charge compensation, S-06), the cell average of the current (eq. 42), the corner map (App. A),
    the derived identity :math:`dp/da=\rho(a)` (S-37) and the facet/termination statement (S-35).
    Symbolic model: a zero-mean l-periodic 1-D Fourier density with two modes and symbolic coefficients
    (every claim is linear in the density). Numeric layer: quadrature of random 1-D densities, tensor
    Gauss-Legendre on random non-orthogonal (also left-handed) 3-D cells, explicit point-charge bodies.
Key claims
    S-02 (as printed: refuted by a factor 1/l), S-02/fix, S-02/middle, S-02/flip, S-06, S-07 (as printed:
    refuted by a factor l^2), S-07/fix, S-07/p, S-14, S-33, S-35/a, S-35/avg, S-37.
Conventions
    :math:`\epsilon_0=1`; physical density :math:`\rho=\tilde\rho/l`; corner map = left (lower) cell corner;
    outward normals.
References
    [1] S. Sen, Y. Wang, T. Breitzman, K. Dayal, "Nonuniqueness in defining the polarization", J. Mech. Phys.
        Solids (2024), doi 10.1016/j.jmps.2024.105743.
"""

from __future__ import annotations

import numpy as np
import sympy as sp
from hypothesis import strategies as st

from derivcheck import Claim, NumericCheck, Observation, Tolerance, register, spec_entry
from numerics.finite_crystals import parallelepiped_bodies
from numerics.periodic_densities import (cell_rule, face_rule, fourier_currents, gauss_legendre,
                                         periodic_fourier_densities)

__all__ = ["example21_first_member_as_printed", "example21_first_member_with_o1_density",
           "example21_middle_member", "example21_dipole_flips", "face_total_is_independent_of_cell",
           "sigma_pl_as_printed", "sigma_pl_per_area", "pl_in_cell_variables", "cell_average_current_is_unique",
           "corner_map_places_x_in_its_cell", "face_total_equals_termination_cell_dipole",
           "face_total_averages_to_zero", "dp_da_equals_face_density"]

# --- symbolic model --------------------------------------------------------------------------------------------
x, y, u, X = sp.symbols("x y u X", real=True)
l = sp.Symbol("l", positive=True)                    # cell size
a_1, a_2, L = sp.symbols("a_1 a_2 L", real=True)     # cell corners, body end
c = sp.symbols("c_1:3", real=True)
s = sp.symbols("s_1:3", real=True)


def _rho_t(t):
    r""":math:`\tilde\rho(t)`: two zero-mean l-periodic Fourier modes (the density is linear in every claim)."""
    return sum(c[k] * sp.cos(2 * sp.pi * (k + 1) * t / l) + s[k] * sp.sin(2 * sp.pi * (k + 1) * t / l)
               for k in range(2))


def _rho(t):
    return _rho_t(t) / l                              # physical density rho = rho~/l


def _p(corner):
    r"""Cell dipole :math:`p(a)=\frac1l\int_a^{a+l}(x-a)\rho\,dx` (eq. 13 of [1])."""
    return sp.integrate((x - corner) * _rho(x), (x, corner, corner + l)) / l


_ROUNDOFF = Tolerance(rel=1e-10, abs=1e-12, reason="exact identity; composite Gauss-Legendre (20 nodes, <= 1 period "
                                                    "per panel) is at round-off, 1e-10 leaves margin for cancellation")
_TENSOR = Tolerance(rel=1e-9, abs=1e-11, reason="tensor Gauss-Legendre 12^3/16^3 on cells with modes |G_i| <= 2 "
                                                "(exact to degree 23 per direction): round-off level")


def _claim(claim_id, name, lhs, rhs, definitions, numeric, **kw) -> Claim:
    spec = spec_entry(claim_id.split("/")[0])
    return Claim(id=claim_id, name=name, paper="sen2024", location=kw.pop("location", spec["location"]),
                 statement=kw.pop("statement", spec["statement"]), title=kw.pop("title", spec["title"]),
                 lhs=lhs, rhs=rhs, definitions=definitions, numeric=numeric, headline=kw.pop("headline", True),
                 **kw)


# --- S-02: Example 2.1 -------------------------------------------------------------------------------------------
p_first, p_mid, p_0, p_half = sp.symbols("p_first p_mid p_0 p_half", real=True)
_SIN = sp.sin(2 * sp.pi * x / l) / l                  # Example 2.1: rho_l = (1/l) sin(2 pi x_1 / l)
_FIRST = sp.integrate((x - a_1) / l * _SIN, (x, a_1, a_1 + l)) * l**2 / l**3    # x_2, x_3 integrals give l^2
_MIDDLE = sp.integrate(y * sp.sin(2 * sp.pi * a_1 / l + 2 * sp.pi * y), (y, 0, 1))
_LAST = -sp.cos(2 * sp.pi * a_1 / l) / (2 * sp.pi)


def _example21_cells():
    return st.tuples(st.floats(0.01, 3.0), st.floats(-5.0, 5.0), st.floats(-5.0, 5.0), st.floats(-5.0, 5.0))


def _first_member(inst, density_factor=1.0):
    r"""First member of (3), :math:`\frac1{l^3}\int_{\mathbf a\oplus l[0,1]^3}\frac{x_1-a_1}{l}\rho_l\,dV`,
    by tensor Gauss-Legendre over the cube in x-variables."""
    ll, a1, a2, a3 = inst
    xs, w = cell_rule(ll * np.eye(3), np.array([a1, a2, a3]) / ll, n=24)
    rho = density_factor * np.sin(2 * np.pi * xs[:, 0] / ll) / ll
    return float(w @ ((xs[:, 0] - a1) / ll * rho)) / ll**3


def _observe_first(inst, factor=1.0):
    return Observation({"p_first": _first_member(inst, factor), "a_1": inst[1], "l": inst[0]})


def _observe_middle(inst):
    ll, a1 = inst[0], inst[1]
    val = gauss_legendre(lambda yy: yy * np.sin(2 * np.pi * a1 / ll + 2 * np.pi * yy), 0.0, 1.0, 0.5)
    return Observation({"p_mid": val, "a_1": a1, "l": ll})


def _num(observe, method, tol=_ROUNDOFF, instances=_example21_cells, samples=40):
    return NumericCheck(instances=instances, observe=observe, tolerance=tol, method=method, samples=samples)


@register("S-02")
def example21_first_member_as_printed() -> Claim:
    """Eq. (3), first member = last member, with rho_l = (1/l) sin(2 pi x_1/l) as printed in Example 2.1."""
    return _claim("S-02", "example21_cell_dipole_first_member_equals_minus_cos_over_2pi_as_printed",
                  p_first, _LAST, {p_first: _FIRST},
                  _num(_observe_first, "random l in [0.01, 3] and corner a; first member of (3) by 24^3 "
                       "Gauss-Legendre over a + l[0,1]^3 in x-variables with rho_l = sin(2 pi x_1/l)/l"),
                  notes="Substituting x = a + l y gives dV = l^3 dV_y, (x - a)/l = y, so the first member equals "
                        "(1/l) * int y sin(2 pi a_1/l + 2 pi y_1) dy = -cos(2 pi a_1/l)/(2 pi l): the printed "
                        "chain drops the factor 1/l of rho_l (it holds for l = 1 only). Components 2 and 3 vanish "
                        "(sin integrates to 0 over a period).")


@register("S-02/fix")
def example21_first_member_with_o1_density() -> Claim:
    """Eq. (3) holds for the O(1) density rho~_l = l rho_l = sin(2 pi x_1/l) (the scaling of eq. 4 and S-07)."""
    return _claim("S-02/fix", "example21_cell_dipole_with_o1_density_equals_minus_cos_over_2pi",
                  p_first, _LAST, {p_first: l * _FIRST},
                  _num(lambda i: _observe_first(i, factor=i[0]), "as S-02, density multiplied by l"),
                  corrects="S-02", statement=r"\mathbf p(\mathbf a)=\frac1{l^3}\int_{\mathbf a\oplus l[0,1]^3}"
                  r"\frac{(\mathbf x-\mathbf a)}{l}\tilde\rho_l\,dV=-\frac1{2\pi}\cos\Big(2\pi\frac{a_1}l\Big)"
                  r"\mathbf e_1,\quad\tilde\rho_l=\sin(2\pi x_1/l)",
                  title="Example 2.1 with the O(1) density of eq. (4)")


@register("S-02/middle")
def example21_middle_member() -> Claim:
    """Eq. (3): int_[0,1] y sin(2 pi a_1/l + 2 pi y_1) dy_1 = -cos(2 pi a_1/l) e_1/(2 pi) (first component)."""
    return _claim("S-02/middle", "example21_middle_member_equals_minus_cos_over_2pi", p_mid, _LAST,
                  {p_mid: _MIDDLE}, _num(_observe_middle, "middle member of (3) by Gauss-Legendre in y_1"),
                  statement=r"\int_{[0,1]}\mathbf y\sin\Big(2\pi\frac{a_1}l+2\pi y_1\Big)dy_1="
                            r"-\frac1{2\pi}\cos\Big(2\pi\frac{a_1}l\Big)\mathbf e_1")


@register("S-02/flip")
def example21_dipole_flips() -> Claim:
    """Introduction: translated cells can give 'a complete flip in the direction': p(a_1 = l/2) = -p(a_1 = 0)."""
    def observe(inst):
        ll = inst[0]
        return Observation({"p_0": _first_member((ll, 0.0, inst[2], inst[3]), ll),
                            "p_half": _first_member((ll, ll / 2, inst[2], inst[3]), ll)})
    return _claim("S-02/flip", "example21_dipole_flips_under_half_cell_translation", p_half, -p_0,
                  {p_half: _LAST.subs(a_1, l / 2), p_0: _LAST.subs(a_1, 0)},
                  _num(observe, "cell dipole (first member, O(1) density) at corners 0 and l/2 by quadrature"),
                  statement=r"\mathbf p(a_1=l/2)=-\mathbf p(a_1=0)\quad\text{(``a complete flip in the direction'')}")


# --- S-06: face totals are cell-independent ----------------------------------------------------------------------
p_n1, p_n2, sigma_p1, sigma_p2 = sp.symbols("p_n1 p_n2 sigma_p1 sigma_p2", real=True)


def _bodies_and_corners():
    return st.tuples(parallelepiped_bodies(), st.lists(st.floats(0.0, 0.999), min_size=6, max_size=6),
                     st.integers(0, 2))


def _observe_faces(inst):
    body, aa, k = inst
    a1, a2 = np.array(aa[:3]), np.array(aa[3:])
    n, area = body.face_geometry(k)
    return Observation({"p_n1": float(body.cell_dipole(a1) @ n), "p_n2": float(body.cell_dipole(a2) @ n),
                        "sigma_p1": body.partial_layer_charge(a1, k) / area,
                        "sigma_p2": body.partial_layer_charge(a2, k) / area})


@register("S-06")
def face_total_is_independent_of_cell() -> Claim:
    r""":math:`\mathbf p\cdot\mathbf n+\sigma_p` is the same for two cell corners (surface-charge compensation)."""
    return _claim("S-06", "face_total_p_dot_n_plus_sigma_p_is_independent_of_cell", p_n1 + sigma_p1,
                  p_n2 + sigma_p2,
                  {p_n1: _p(a_1), p_n2: _p(a_2), sigma_p1: sp.integrate(_rho(x), (x, a_1, L)),
                   sigma_p2: sp.integrate(_rho(x), (x, a_2, L))},
                  NumericCheck(instances=_bodies_and_corners, observe=_observe_faces, samples=30,
                               tolerance=Tolerance(rel=1e-9, abs=1e-9, reason="exact finite sums of point charges; "
                                                   "round-off of sums over up to 4*8^3 charges"),
                               method="lattice-plane parallelepiped (random non-orthogonal lattice, both "
                                      "handednesses, 2-4 neutral basis charges, termination T, M = 4, 6, 8); two "
                                      "random cell corners; p_a from the basis, outward normal and face area "
                                      "geometrically, partial-cell charge counted from the explicit charges"),
                  notes="Read 'unique' as: for a given body, independent of the choice of unit cell. 1-D symbolic "
                        "model: right face at L, partial-cell charge int_{a+l[(L-a)/l]}^L rho = int_a^L rho "
                        "because full cells are neutral. The bulk part div p_0 = 0 for every cell of a periodic "
                        "crystal. Termination dependence is separate (S-35).")


# --- S-07: definitions and scaling -----------------------------------------------------------------------------
sigma_t, K_l, S_area, theta, psi = sp.symbols("sigma_t K_l S_area theta psi", real=True)
_PARTIAL = l**2 * sp.integrate(sp.sin(2 * sp.pi * x / l + psi) / l, (x, 0, theta * l))  # int rho~/l dV


def _partial_cells():
    return st.tuples(st.floats(0.01, 2.0), st.floats(0.01, 0.99), st.floats(0.0, 6.3))


def _observe_partial(inst):
    """Partial cell [0, theta l] x [0, l]^2 cut by the plane x_1 = theta l; rho~ = sin(2 pi x_1/l + psi)."""
    ll, th, ps = inst
    E = np.diag([th * ll, ll, ll])
    xs, w = cell_rule(E, np.zeros(3), n=16)
    charge = float(w @ (np.sin(2 * np.pi * xs[:, 0] / ll + ps) / ll))
    _, wf, _ = face_rule(E, np.zeros(3), 0, upper=True, n=8)
    area = float(wf.sum())                                           # |x^ + l box  cap  dOmega|
    return Observation({"sigma_t": charge, "S_area": area, "K_l": area / ll**2, "l": ll})


@register("S-07")
def sigma_pl_as_printed() -> Claim:
    r"""As printed, :math:`\sigma_{p,l}=\tilde\sigma_{p,l}/K_l` is the surface charge density (charge per area)."""
    return _claim("S-07", "sigma_pl_as_printed_equals_partial_cell_charge_per_area", sigma_t / K_l, sigma_t / S_area,
                  {sigma_t: _PARTIAL, K_l: 1, S_area: l**2},
                  _num(_observe_partial, "partial cell [0, theta l] x [0, l]^2 of rho~ = sin(2 pi x_1/l + psi); "
                       "charge by 16^3 Gauss-Legendre, face area by quadrature", instances=_partial_cells),
                  notes="sigma~_{p,l} = int rho~/l dV = l^2 int_triangle rho~ dV_y = O(l^2) and K_l = O(1), so "
                        "sigma_{p,l} = sigma~/K_l = O(l^2) -> 0, while the charge per area sigma~/|x^+l box cap "
                        "dOmega| = sigma~/(K_l l^2) = O(1). The printed definition is off by l^2; the later cell "
                        "forms (sigma in eq. 8 with prefactor l^2, sigma_i in eq. 100) are the per-area one.")


@register("S-07/fix")
def sigma_pl_per_area() -> Claim:
    r""":math:`\tilde\sigma_{p,l}/(K_l l^2)` is the charge per area of the partial cell (the form used in (8), (100))."""
    return _claim("S-07/fix", "sigma_pl_divided_by_l2_equals_partial_cell_charge_per_area",
                  sigma_t / (K_l * l**2), sigma_t / S_area, {sigma_t: _PARTIAL, K_l: 1, S_area: l**2},
                  _num(_observe_partial, "as S-07", instances=_partial_cells), corrects="S-07",
                  statement=r"\sigma_{p,l}(\hat{\mathbf x})=\frac{\tilde\sigma_{p,l}(\hat{\mathbf x})}{K_l(\hat{\mathbf x})"
                            r"\,l^2}=\int_\triangle\frac{\tilde\rho_l(\hat{\mathbf x}+l\mathbf y)}{K_l}dV_{\mathbf y}",
                  title="Partial-cell surface charge per unit area")


p_l, p_cell = sp.symbols("p_l p_cell", real=True)


@register("S-07/p")
def pl_in_cell_variables() -> Claim:
    r""":math:`\mathbf p_l=\frac1{|l\Box|}\int\frac{\mathbf z-\hat{\mathbf x}}l\tilde\rho_l\,dV=\int_\Box\mathbf y
    \tilde\rho_l(\hat{\mathbf x}+l\mathbf y)dV_{\mathbf y}`: O(1), as used in (8) and (97)."""
    def observe(inst):
        dens, xh = inst
        ll = dens.l
        lhs = gauss_legendre(lambda z: (z - xh) / ll * dens.rho_tilde(z), xh, xh + ll, dens.panel) / ll
        rhs = gauss_legendre(lambda yy: yy * dens.rho_tilde(xh + ll * yy), 0.0, 1.0, dens.panel / ll)
        return Observation({"p_l": lhs, "p_cell": rhs})
    return _claim("S-07/p", "pl_equals_cell_variable_first_moment", p_l, p_cell,
                  {p_l: sp.integrate((x - X) / l * _rho_t(x), (x, X, X + l)) / l,
                   p_cell: sp.integrate(y * _rho_t(X + l * y), (y, 0, 1))},
                  _num(observe, "random 1-D Fourier densities and corners; both sides by quadrature",
                       instances=lambda: st.tuples(periodic_fourier_densities(), st.floats(-3.0, 3.0))),
                  statement=r"\mathbf p_l(\mathbf x)=\frac1{|l\Box|}\int_{\hat{\mathbf x}\oplus l\Box}"
                            r"\frac{(\mathbf z-\hat{\mathbf x})}{l}\tilde\rho_l(\mathbf z)\,dV_{\mathbf z}"
                            r"=\int_\Box\mathbf y\tilde\rho_l(\hat{\mathbf x}+l\mathbf y)dV_{\mathbf y}")


# --- S-14: the cell-averaged current is cell-independent ---------------------------------------------------------
J_1, J_2 = sp.symbols("J_1 J_2", real=True)


def _observe_currents(inst):
    cur, r1, r2 = inst
    out = []
    for r in (r1, r2):
        xs, w = cell_rule(cur.E, np.array(r), n=12)
        out.append((w @ cur.j(xs)) / abs(np.linalg.det(cur.E)))
    return Observation({"J_1": out[0], "J_2": out[1]})


@register("S-14")
def cell_average_current_is_unique() -> Claim:
    r"""Eq. (42): :math:`\mathbf J(\mathbf R)=\frac1{|\Omega_{uc}|}\int_{\mathbf R\oplus\Omega_{uc}}\mathbf j\,dV` does
    not depend on the cell position R for a periodic current."""
    corners = st.lists(st.floats(-1.0, 1.0), min_size=3, max_size=3)
    return _claim("S-14", "cell_average_current_is_independent_of_cell_corner", J_1, J_2,
                  {J_1: sp.integrate(_rho_t(x), (x, a_1, a_1 + l)) / l + c[0] ** 2,
                   J_2: sp.integrate(_rho_t(x), (x, a_2, a_2 + l)) / l + c[0] ** 2},
                  _num(_observe_currents, "random lattice (both handednesses), j = const + 6 Fourier modes; J at "
                       "two random corners by 12^3 Gauss-Legendre in cell coordinates", tol=_TENSOR,
                       instances=lambda: st.tuples(fourier_currents(), corners, corners), samples=30),
                  notes="Symbolic model: 1-D periodic current j = c_1^2 + Fourier modes (a constant part and "
                        "oscillating modes).")


# --- S-33: corner map ---------------------------------------------------------------------------------------------
f_off = sp.Symbol("f", real=True)
nu_floor = sp.Symbol("nu_floor", integer=True)


@register("S-33")
def corner_map_places_x_in_its_cell() -> Claim:
    r"""(106)-(107): with :math:`\hat{\mathbf x}=lE(\lfloor E^{-1}\mathbf x/l-\mathbf f\rfloor+\mathbf f)`, every
    x lies in exactly the cell :math:`\hat{\mathbf x}\oplus l\Box` (cell coordinates of x - x^ in [0,1)^3)."""
    xhat = l * (sp.floor(x / l - f_off) + f_off)

    def observe(inst):
        # Exact rational arithmetic on the drawn floats: a point within round-off of a cell face (x = -1e-194)
        # would otherwise land in the neighbouring cell through rounding, not through the map (107).
        E, xx, ff, ll = inst
        R = lambda v: sp.Rational(float(v))
        lE = sp.Matrix(3, 3, [R(ll) * R(e) for e in np.asarray(E).ravel()])
        X, F = sp.Matrix([R(v) for v in xx]), sp.Matrix([R(v) for v in ff])
        nu = lE.LUsolve(X)
        xh = lE * (sp.Matrix([sp.floor(n - fo) for n, fo in zip(nu, F)]) + F)    # eq. (107)
        w = lE.LUsolve(X - xh)                                                    # cell coordinates of x
        return Observation({"nu_floor": np.array([float(sp.floor(c)) for c in w])})

    from numerics.periodic_densities import lattices
    vec = st.lists(st.floats(-10.0, 10.0), min_size=3, max_size=3)
    return _claim("S-33", "corner_map_is_single_valued_and_contains_x", nu_floor, 0,
                  {nu_floor: sp.floor((x - xhat) / l)},
                  _num(observe, "random lattice, point x, offset f and scale l; x^ by (107) and the floor of the "
                       "cell coordinates of x - x^, in exact rational arithmetic on the drawn floats", instances=lambda: st.tuples(lattices(), vec, vec,
                                                                             st.floats(0.01, 1.0)),
                       tol=Tolerance(abs=0.5, reason="integer-valued comparison: any nonzero floor is >= 1")),
                  notes="(108) is read as the union over boundary cells of the parts of l box inside Omega; the "
                        "admissible non-translate cells (integer reassignments) are exercised in S-06's bodies.")


# --- S-35 (derived): face total equals the dipole of the terminating cell; its average over terminations is 0 ---
Q_R, P_R, sigma_R, Q_avg = sp.symbols("Q_R P_R sigma_R Q_avg", real=True)
_QR = sp.integrate(u * _rho(L - l + u), (u, 0, l)) / l


def _observe_termination(inst):
    dens, a, Lf = inst
    ll = dens.l
    L_end = a + ll * (7 + Lf)                                        # body end after 7 full cells + a fraction
    c_last = a + ll * np.floor((L_end - a) / ll)
    return Observation({"P_R": dens.cell_dipole(a), "sigma_R": dens.charge(c_last, L_end),
                        "Q_R": gauss_legendre(lambda uu: uu * dens.rho(L_end - ll + uu), 0.0, ll, dens.panel) / ll})


@register("S-35/a")
def face_total_equals_termination_cell_dipole() -> Claim:
    r"""S-35(a), derived: :math:`p(a)+\sigma_R(a)=Q_R(L)=\frac1l\int_0^lu\,\rho(L-l+u)\,du`."""
    return _claim("S-35/a", "face_total_equals_dipole_of_cell_ending_at_the_facet", P_R + sigma_R, Q_R,
                  {P_R: _p(a_1), sigma_R: sp.integrate(_rho(x), (x, a_1, L)), Q_R: _QR},
                  _num(_observe_termination, "random 1-D Fourier densities, corner a and body end L; p(a), "
                       "partial-cell charge and Q_R(L) by quadrature",
                       instances=lambda: st.tuples(periodic_fourier_densities(), st.floats(-2.0, 2.0),
                                                   st.floats(0.0, 0.999))),
                  statement=r"\mathbf p_{\mathbf a}\cdot\mathbf n+\sigma_p(\mathbf a)=Q_R(L)=\int_0^1y\,\rho(L-1+y)\,dy",
                  notes="Derived statement (not printed), spec S-35(a), written for period l.")


@register("S-35/avg")
def face_total_averages_to_zero() -> Claim:
    r"""S-35(a), derived: the face total averaged over terminations vanishes, :math:`\int_0^1Q_R(L)\,dL=0`."""
    def observe(inst):
        dens = inst
        ll = dens.l
        qr = lambda Ls: np.array([gauss_legendre(lambda uu: uu * dens.rho(v - ll + uu), 0.0, ll, dens.panel) / ll
                                  for v in np.ravel(Ls)]).reshape(np.shape(Ls))
        return Observation({"Q_avg": gauss_legendre(qr, 0.0, ll, dens.panel) / ll},
                           scale=max(abs(qr(np.linspace(0, ll, 7))).max(), 1e-300))
    return _claim("S-35/avg", "face_total_averaged_over_terminations_vanishes", Q_avg, 0,
                  {Q_avg: sp.integrate(_QR, (L, 0, l)) / l},
                  _num(observe, "random 1-D Fourier densities; Q_R(L) by quadrature, averaged over L by quadrature",
                       instances=periodic_fourier_densities, samples=20),
                  statement=r"\int_0^1Q_R(L)\,dL=0", notes="Derived statement (not printed), spec S-35(a).")


# --- S-37 (derived): dp/da equals the density on the face -----------------------------------------------------------
dp_da, e_k, F_k = sp.symbols("dp_da e_k F_k", real=True)


def _observe_dp_da(inst):
    cur, a, k = inst
    E = cur.E
    a = np.array(a)
    V = abs(np.linalg.det(E))

    def p_of(aa):                                                    # p(a) = (1/V) int (x - E a) rho dV
        xs, w = cell_rule(E, aa, n=16)
        return (w[:, None] * (xs - E @ aa) * cur.rho_dot(xs)[:, None]).sum(0) / V

    h = 1e-4
    da = np.zeros(3)
    da[k] = h
    fd = (p_of(a + da) - p_of(a - da)) / (2 * h)                      # central difference, O(h^2)
    xs, w, _ = face_rule(E, a, k, upper=False, n=16)
    i, j = [m for m in range(3) if m != k]
    face = float(w @ cur.rho_dot(xs)) / np.linalg.norm(np.cross(E[:, i], E[:, j]))   # int rho dnu_perp
    return Observation({"dp_da": fd, "e_k": E[:, k], "F_k": face}, scale=max(np.abs(fd).max(), abs(face), 1.0))


@register("S-37")
def dp_da_equals_face_density() -> Claim:
    r"""S-37, derived: :math:`\partial\mathbf p/\partial a_k=\mathbf e_k\int_{A_k}\rho(E(\mathbf a+\boldsymbol\nu))
    d\nu_\perp`; in 1-D :math:`dp/da=\rho(a)`."""
    return _claim("S-37", "cell_dipole_derivative_equals_face_density", dp_da, e_k * F_k,
                  {dp_da: sp.diff(_p(a_1), a_1), e_k: 1, F_k: _rho(a_1)},
                  _num(_observe_dp_da, "random lattice and zero-mean periodic density (div of a Fourier current); "
                       "central difference (h = 1e-4) of p(a) from 16^3 Gauss-Legendre, against the 16^2 face "
                       "integral", instances=lambda: st.tuples(
                           fourier_currents(), st.lists(st.floats(-1.0, 1.0), min_size=3, max_size=3),
                           st.integers(0, 2)), samples=20,
                       tol=Tolerance(rel=1e-5, abs=0.0, reason="central difference error h^2 |p'''|/6 with h = 1e-4 "
                                     "and |p'''| <= (4 pi)^3 |p| for modes |G_i| <= 2: <= 3e-6 of the scale; "
                                     "quadrature at round-off; checked by halving h in the tests")),
                  notes="Derived statement (not printed); mirrors eq. (49) for cell translations.")
