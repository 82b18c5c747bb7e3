r"""Transport versus classical polarization: :math:`\dot{\mathbf p}_{cl}=\mathbf J-\frac1{|\Omega_{uc}|}\int_{\partial}(\mathbf x-\mathbf R)\,\mathbf j\cdot\mathbf n\,dS`.

Overview
    Sen, Wang, Breitzman & Dayal (2024) [1], Sec. 3: the boundary-flux identity (43)-(44), its face decomposition
    for parallelepiped cells (46)-(49), Examples 3.1 and 3.2, the Thouless quantum (a relation modulo
    :math:`e\mathbf R/|\Omega_{uc}|`) and Theorem 3.1 (:math:`\operatorname{div}\dot{\mathbf p}=\operatorname{div}
    \mathbf j`). All identities are checked in rate form at each instant (the time integrals of (43), (44), (49)
    follow by integrating in t). Symbolic model: 1-D periodic currents (two Fourier modes, symbolic coefficients)
    and the examples' closed forms. Numeric layer: random non-orthogonal (also left-handed) lattices with
    periodic Fourier currents, tensor Gauss-Legendre on cells and on the six faces with geometric outward
    normals; classical point charges moved along random paths.
Key claims
    S-15, S-15/44, S-16, S-17/50, S-17/51, S-17/rho, S-17/faces (refuted reading), S-18/53, S-18/54, S-18/55,
    S-18/bdry (printed sign refuted), S-18/bdry-fix, S-18/56, S-19 (Relation.MOD), S-21, S-21/modulated.
Conventions
    :math:`\dot\rho=-\operatorname{div}\mathbf j`; :math:`[\operatorname{div}(\mathbf a\otimes\mathbf b)]_i=
    \partial_k(a_ib_k)`; unit cells :math:`\mathbf R\oplus\Omega_{uc}` with corner R; outward normals.
References
    [1] S. Sen, Y. Wang, T. Breitzman, K. Dayal, J. Mech. Phys. Solids (2024), doi 10.1016/j.jmps.2024.105743.
"""

from __future__ import annotations

import numpy as np
import sympy as sp
from hypothesis import strategies as st

from derivcheck import Claim, NumericCheck, Observation, Relation, Tolerance, register, spec_entry
from numerics.periodic_densities import (cell_rule, face_rule, fourier_currents, gauss_legendre, lattices,
                                         periodic_fourier_densities)

__all__: list[str] = []   # claims are registered; see Key claims

x, t, R, y = sp.symbols("x t R y", real=True)
l = sp.Symbol("l", positive=True)
pi = sp.pi
cc = sp.symbols("c_1:3", real=True)
ss = sp.symbols("s_1:3", real=True)
j_0 = sp.Symbol("j_0", real=True)


def _j(u):
    """1-D periodic current: a constant plus two Fourier modes (period l)."""
    return j_0 + sum(cc[k] * sp.cos(2 * pi * (k + 1) * u / l) + ss[k] * sp.sin(2 * pi * (k + 1) * u / l)
                     for k in range(2))


def _claim(claim_id, name, lhs, rhs, definitions, numeric, **kw) -> Claim:
    spec = spec_entry(claim_id.split("/")[0])
    return Claim(id=claim_id, name=name, paper="sen2024", location=kw.pop("location", spec["location"]),
                 statement=kw.pop("statement", spec["statement"]), title=kw.pop("title", spec["title"]), lhs=lhs,
                 rhs=rhs, definitions=definitions, numeric=numeric, headline=kw.pop("headline", True), **kw)


_TENSOR = Tolerance(rel=1e-9, abs=1e-11, reason="tensor Gauss-Legendre 16^3 / 16^2 on cells and faces for Fourier "
                                                "modes |G_i| <= 2 (exact to degree 31 per direction): round-off")
_QUAD = Tolerance(rel=1e-10, abs=1e-12, reason="composite Gauss-Legendre, 20 nodes per half period: round-off")

# --- S-15 / S-16: boundary-flux identity and its face decomposition -----------------------------------------------
pdot, J, B = sp.symbols("pdot J B", real=True)
_MODEL_43 = {pdot: sp.integrate((x - R) * (-sp.diff(_j(x), x)), (x, R, R + l)) / l,
             J: sp.integrate(_j(x), (x, R, R + l)) / l,
             B: ((R + l - R) * _j(R + l) * 1 + (R - R) * _j(R) * (-1)) / l}


def _cells_with_currents():
    return st.tuples(fourier_currents(), st.lists(st.floats(-1.0, 1.0), min_size=3, max_size=3))


def _measure_cell(inst):
    """p_cl rate, J and the boundary term of (43) for the cell with fractional corner r, all by quadrature."""
    cur, r = inst
    r = np.array(r)
    E = cur.E
    V = abs(np.linalg.det(E))
    Rv = E @ r
    xs, w = cell_rule(E, r, n=16)
    pd = (w[:, None] * (xs - Rv) * cur.rho_dot(xs)[:, None]).sum(0) / V        # (1/V) int (x - R) rho_dot dV
    Jv = (w[:, None] * cur.j(xs)).sum(0) / V
    Bv = np.zeros(3)
    faces = {}
    for k in range(3):
        for up in (False, True):
            xf, wf, n = face_rule(E, r, k, up, n=16)
            jn = cur.j(xf) @ n
            Bv += (wf[:, None] * (xf - Rv) * jn[:, None]).sum(0) / V
        # (47), middle line: int int j(nu_k = R^k) . (e_{k+1} x e_{k+2}) dnu (cell coordinates, unit weights)
        xf, wf, _ = face_rule(E, r, k, False, n=16)
        i, m = (k + 1) % 3, (k + 2) % 3
        cr = np.cross(E[:, i], E[:, m])
        faces[f"Phi_{k + 1}"] = float((wf / np.linalg.norm(cr)) @ (cur.j(xf) @ cr))   # weights -> dnu
    return {"pdot": pd, "J": Jv, "B": Bv, "T": float(np.linalg.det(E)),
            "e_1": E[:, 0], "e_2": E[:, 1], "e_3": E[:, 2]} | faces


@register("S-15")
def pcl_rate_equals_current_minus_boundary_flux():
    r"""(43), rate form: :math:`\dot{\mathbf p}_{cl}(\mathbf R)=\mathbf J(\mathbf R)-\frac1{|\Omega_{uc}|}
    \int_{\mathbf R\oplus\partial\Omega_{uc}}(\mathbf x-\mathbf R)\,\mathbf n\cdot\mathbf j\,dS`."""
    return _claim("S-15", "classical_polarization_rate_equals_current_minus_boundary_flux", pdot, J - B, _MODEL_43,
                  NumericCheck(instances=_cells_with_currents, observe=lambda i: Observation(_measure_cell(i)),
                               tolerance=_TENSOR, samples=25,
                               method="random lattice (both handednesses), j = const + 6 Fourier modes, "
                                      "rho_dot = -div j; cell integrals 16^3, six faces 16^2 with geometric "
                                      "outward normals, at a random corner R"),
                  notes="Checked at each instant (the integrand of the t-integral of (43)).")


@register("S-15/44")
def transport_polarization_equals_classical_plus_boundary_flux():
    r"""(44), rate form: :math:`\dot{\mathbf p}_T=\mathbf J=\dot{\mathbf p}_{cl}+\frac1{|\Omega_{uc}|}\int(\mathbf x-
    \mathbf R)\,\mathbf j\cdot\mathbf n\,dS`."""
    return _claim("S-15/44", "transport_polarization_rate_equals_classical_rate_plus_boundary_flux", J, pdot + B,
                  _MODEL_43,
                  NumericCheck(instances=_cells_with_currents, observe=lambda i: Observation(_measure_cell(i)),
                               tolerance=_TENSOR, samples=25, method="as S-15"),
                  statement=r"\Delta\mathbf p_T(\mathbf R)=\Delta\mathbf p_{cl}(\mathbf R)+\int_{t_i}^{t_f}\frac1"
                            r"{|\Omega_{uc}|}\int_{\mathbf R\oplus\partial\Omega_{uc}}(\mathbf x-\mathbf R)\,\mathbf j"
                            r"\cdot\mathbf n\,dS_{\mathbf x}\,dt\quad(44)")


e_1, e_2, e_3, Phi_1, Phi_2, Phi_3, T = sp.symbols("e_1 e_2 e_3 Phi_1 Phi_2 Phi_3 T", real=True)


@register("S-16")
def boundary_flux_face_decomposition():
    r"""(46)-(48): the boundary term equals :math:`\sum_k\frac{\mathbf e_k}{[\mathbf e_1,\mathbf e_2,\mathbf e_3]}
    \iint\mathbf j(\nu^k=R^k)\cdot(\mathbf e_{k+1}\times\mathbf e_{k+2})\,d\nu`."""
    return _claim("S-16", "boundary_flux_equals_sum_of_face_terms_e_k_times_flux", B,
                  (e_1 * Phi_1 + e_2 * Phi_2 + e_3 * Phi_3) / T, {},
                  NumericCheck(instances=_cells_with_currents, observe=lambda i: Observation(_measure_cell(i)),
                               tolerance=_TENSOR, samples=25,
                               method="as S-15: boundary term from the six faces with geometric outward normals, "
                                      "against the printed face form with the signed triple product"),
                  sample_residual=False,
                  notes="Numeric only (B and the face fluxes are measured). With a left-handed basis the signed "
                        "triple product and the inward-pointing e_2 x e_3 change sign together, so (47) holds for "
                        "both orientations; e^1 = e_2 x e_3/[e_1,e_2,e_3] turns it into (e_1 (x) e^1) int j.")


# --- S-17: Example 3.1 -----------------------------------------------------------------------------------------
n1 = sp.Symbol("n_1", integer=True, positive=True)
a0, a1, a2, t_i, t_f = sp.symbols("a_0 a_1 a_2 t_i t_f", real=True)
dpT, dpcl, a_f, a_i, drho, face_flux = sp.symbols("dpT dpcl a_f a_i drho face_flux", real=True)
_a = lambda u: a0 + a1 * u + a2 * u**2
_adot = sp.diff(_a(t), t)
_j31 = _adot * sp.cos(2 * pi * n1 * x)
_MODEL_31 = {dpT: sp.integrate(sp.integrate(_j31, (x, 0, 1)), (t, t_i, t_f)),
             dpcl: sp.integrate(sp.integrate(x * (-sp.diff(_j31, x)), (x, 0, 1)), (t, t_i, t_f)),
             a_f: _a(t_f), a_i: _a(t_i),
             drho: sp.integrate(-sp.diff(_j31, x), (t, 0, t)),
             face_flux: _j31.subs(x, 0)}


@st.composite
def amplitude_histories(draw):
    """Example 3.1: n_1 in 1..5, a(t) = a_0 + a_1 t + a_2 t^2, times t_i < t_f, a point x_1 and an instant t."""
    n = draw(st.integers(1, 5))
    co = [draw(st.floats(-2.0, 2.0)) for _ in range(3)]
    ti = draw(st.floats(-1.0, 1.0))
    return {"n": n, "co": co, "ti": ti, "tf": ti + draw(st.floats(0.1, 2.0)), "x": draw(st.floats(0.0, 1.0)),
            "t": draw(st.floats(0.1, 2.0))}


def _observe_31(inst):
    n, (c0, c1, c2), ti, tf = inst["n"], inst["co"], inst["ti"], inst["tf"]
    a = lambda u: c0 + c1 * u + c2 * u * u
    ad = lambda u: c1 + 2 * c2 * u
    jx = lambda xx, u: ad(u) * np.cos(2 * np.pi * n * xx)                       # j_1(x, t)
    rdot = lambda xx, u: ad(u) * 2 * np.pi * n * np.sin(2 * np.pi * n * xx)      # -d j_1/dx
    pan = 1.0 / (2 * n)
    # cube [0,1]^3: x_2, x_3 integrals are 1 (integrands do not depend on them)
    dpT_ = gauss_legendre(lambda u: np.vectorize(lambda uu: gauss_legendre(lambda xx: jx(xx, uu), 0, 1, pan))(u),
                          ti, tf, tf - ti)
    dpcl_ = gauss_legendre(lambda u: np.vectorize(
        lambda uu: gauss_legendre(lambda xx: xx * rdot(xx, uu), 0, 1, pan))(u), ti, tf, tf - ti)
    drho_ = gauss_legendre(lambda u: rdot(inst["x"], u), 0.0, inst["t"], inst["t"])
    return Observation({"dpT": dpT_, "dpcl": dpcl_, "a_f": a(tf), "a_i": a(ti), "drho": drho_,
                        "a_t": a(inst["t"]), "a_0": c0, "n_1": n, "x": inst["x"], "face_flux": jx(0.0, ti),
                        "adot": ad(ti)})


def _num31(method, samples=30):
    return NumericCheck(instances=amplitude_histories, observe=_observe_31, tolerance=_QUAD, samples=samples,
                        method="Example 3.1: random n_1, quadratic a(t); " + method)


@register("S-17/50")
def ex31_transport_change_vanishes():
    return _claim("S-17/50", "example31_transport_polarization_change_vanishes", dpT, 0, _MODEL_31,
                  _num31("Delta p_T = int int j dx dt by Gauss-Legendre in x and t"),
                  statement=r"\Delta\mathbf p_T=\int_{t_i}^{t_f}\int_{[0,1]^3}(\dot a,0,0)\cos(2\pi n_1x_1)\,dx\,dt=0"
                            r"\quad(50)")


@register("S-17/51")
def ex31_classical_change():
    return _claim("S-17/51", "example31_classical_polarization_change_is_minus_delta_a", dpcl, -(a_f - a_i),
                  _MODEL_31, _num31("Delta p_cl = int int x rho_dot dx dt, rho_dot = -div j, by quadrature"),
                  statement=r"\Delta\mathbf p_{cl}=\int_{t_i}^{t_f}\int_{[0,1]^3}\mathbf x\dot\rho\,dx\,dt=-\big(a(t_f)"
                            r"-a(t_i)\big)(1,0,0)\quad(51)")


a_t = sp.Symbol("a_t", real=True)


@register("S-17/rho")
def ex31_density_history():
    return _claim("S-17/rho", "example31_density_change_from_continuity", drho,
                  (a_t - a0) * 2 * pi * n1 * sp.sin(2 * pi * n1 * x), _MODEL_31 | {a_t: _a(t)},
                  _num31("rho(x,t) - rho(x,0) = int_0^t rho_dot dt by quadrature"),
                  statement=r"\rho(\mathbf x,t)-\rho(\mathbf x,0)=[a(t)-a(0)]2\pi n_1\sin(2\pi n_1x_1)")


adot = sp.Symbol("adot", real=True)


@register("S-17/faces")
def ex31_no_charge_crosses_cell_faces():
    """The text: Example 3.1 'considers the amplitude changing' (as opposed to charge crossing cell boundaries).
    Encoded: the current through the face x_1 = 0 of the cell [0,1)^3 vanishes."""
    return _claim("S-17/faces", "example31_no_current_crosses_the_cell_faces", face_flux, 0,
                  _MODEL_31 | {face_flux: _adot.subs(t, t_i)}, _num31("j . n on the face x_1 = 0 at t_i"),
                  statement=r"\text{``Example 3.1 considers the amplitude changing while Example 3.2 considers the "
                            r"charge moving to neighbouring unit cells''}", headline=False,
                  notes="Reading of the words: if only the amplitude changed, no current would cross the faces of "
                        "the cell. The current through x_1 = 0 is a'(t) cos 0 = a'(t), so charge does cross the "
                        "cell faces (and Delta p_T - Delta p_cl = a(t_f) - a(t_i) is exactly that face flux, eq. 49).")


# --- S-18: Example 3.2 -----------------------------------------------------------------------------------------
c_ = sp.Symbol("c", real=True)
a_ = sp.Symbol("a", real=True)
p18, pdot18, J18, B18, j_R = sp.symbols("p18 pdot18 J18 B18 j_R", real=True)
_rho32 = sp.sin(2 * pi * x - c_ * t)
_j32 = c_ / (2 * pi) * _rho32
_MODEL_32 = {J18: sp.integrate(_j32, (x, R, R + 1)),
             p18: sp.integrate((x - R) * _rho32, (x, R, R + 1)),
             pdot18: sp.integrate((x - R) * sp.diff(_rho32, t), (x, R, R + 1)),
             B18: (R + 1 - R) * _j32.subs(x, R + 1) - (R - R) * _j32.subs(x, R),
             j_R: _j32.subs(x, R)}


@st.composite
def travelling_sinusoids(draw):
    return {"c": draw(st.floats(-5.0, 5.0)), "R": draw(st.floats(-3.0, 3.0)), "t": draw(st.floats(-3.0, 3.0))}


def _observe_32(inst):
    cv, Rv, tv = inst["c"], inst["R"], inst["t"]
    rho = lambda xx: np.sin(2 * np.pi * xx - cv * tv)
    rho_t = lambda xx: -cv * np.cos(2 * np.pi * xx - cv * tv)
    jj = lambda xx: cv / (2 * np.pi) * rho(xx)
    # boundary term of (44): faces x = R (n = -1) and x = R + 1 (n = +1), |Omega_uc| = 1
    bdry = (Rv + 1 - Rv) * jj(Rv + 1) * 1 + (Rv - Rv) * jj(Rv) * (-1)
    return Observation({"J18": gauss_legendre(jj, Rv, Rv + 1, 0.5),
                        "p18": gauss_legendre(lambda xx: (xx - Rv) * rho(xx), Rv, Rv + 1, 0.5),
                        "pdot18": gauss_legendre(lambda xx: (xx - Rv) * rho_t(xx), Rv, Rv + 1, 0.5),
                        "B18": bdry, "j_R": jj(Rv), "c": cv, "R": Rv, "t": tv, "a": Rv})


def _num32(method):
    return NumericCheck(instances=travelling_sinusoids, observe=_observe_32, tolerance=_QUAD, samples=30,
                        method="Example 3.2, random c, R, t: " + method)


@register("S-18/53")
def ex32_current_average_vanishes():
    return _claim("S-18/53", "example32_cell_averaged_current_vanishes", J18, 0, _MODEL_32,
                  _num32("J = int_R^{R+1} j dx by quadrature"),
                  statement=r"\mathbf J(R,t)=\int_{[R,R+1]}\mathbf j(x,t)\,dx=0\quad(53)",
                  notes="(57), J_a = 0, is the same statement for R in Z + a.")


@register("S-18/54")
def ex32_cell_dipole():
    return _claim("S-18/54", "example32_cell_dipole", p18, -sp.cos(2 * pi * R - c_ * t) / (2 * pi), _MODEL_32,
                  _num32("p = int (x - R) rho dx by quadrature"),
                  statement=r"\mathbf p(R,t)=\int_{[R,R+1]}(x-R)\rho(x,t)\,dx=-\frac1{2\pi}\cos(2\pi R-ct)\quad(54)")


@register("S-18/55")
def ex32_cell_dipole_rate():
    return _claim("S-18/55", "example32_cell_dipole_rate", pdot18, -c_ / (2 * pi) * sp.sin(2 * pi * R - c_ * t),
                  _MODEL_32, _num32("p_dot = int (x - R) d rho/dt dx by quadrature"),
                  statement=r"\dot{\mathbf p}(R,t)=-\frac c{2\pi}\sin(2\pi R-ct)\quad(55)")


@register("S-18/bdry")
def ex32_boundary_term_as_printed():
    """Text after (55): 'the boundary term in (44) ... evaluates to -j(R,t)'."""
    return _claim("S-18/bdry", "example32_boundary_term_equals_minus_j_as_printed", B18, -j_R, _MODEL_32,
                  _num32("boundary term (1/|Omega|) sum over the faces of (x - R) j n, and j(R, t)"),
                  statement=r"\frac1{|\Omega_{uc}|}\int_{R\oplus\partial\Omega_{uc}}(x-R)\,\mathbf j\cdot\mathbf n\,dS"
                            r"=-\mathbf j(R,t)",
                  notes="Only the face x = R + 1 contributes: (R + 1 - R) j(R + 1) = j(R). Then (44) in rate form, "
                        "J = p_dot + B, gives 0 = -(c/2pi) sin(2pi R - ct) + j(R): consistent with B = +j(R).")


@register("S-18/bdry-fix")
def ex32_boundary_term_corrected():
    return _claim("S-18/bdry-fix", "example32_boundary_term_equals_plus_j", B18, j_R, _MODEL_32,
                  _num32("as S-18/bdry"), corrects="S-18/bdry",
                  statement=r"\frac1{|\Omega_{uc}|}\int_{R\oplus\partial\Omega_{uc}}(x-R)\,\mathbf j\cdot\mathbf n\,dS"
                            r"=+\mathbf j(R,t)", title="Example 3.2 boundary term with the sign (44) requires")


@register("S-18/56")
def ex32_cell_dipole_for_cell_at_a():
    """(56) with the cell corner at x = a (R in Z + a); the text says 'centered at x = a'."""
    return _claim("S-18/56", "example32_cell_dipole_for_corner_a", p18, -sp.cos(2 * pi * a_ - c_ * t) / (2 * pi),
                  {k: v.subs(R, a_) for k, v in _MODEL_32.items()}, _num32("p for the cell [a, a + 1]"),
                  statement=r"\mathbf p_a(R,t)=-\frac1{2\pi}\cos(2\pi a-ct)\quad(56)",
                  notes="Holds with a the cell corner (R = a); for a cell centred at a (corner a - 1/2) the sign "
                        "flips: +cos(2 pi a - ct)/(2 pi).")


# --- S-19: Thouless quantum ----------------------------------------------------------------------------------------
e = sp.Symbol("e", positive=True)
Omega = sp.Symbol("Omega", positive=True)
dP_T, dP_cl = sp.symbols("dP_T dP_cl", real=True)
m_int = sp.Symbol("m", integer=True)
a_lat = sp.Symbol("a_lat", positive=True)


@st.composite
def cyclic_point_charge_processes(draw):
    """K equal charges e in one cell of a random lattice, each moved along a smooth path x(s) = x_0 + E m s +
    A sin(pi s) w (s in [0, 1]) ending at a lattice translate (m in {-1, 0, 1}^3): a cyclic process."""
    E = draw(lattices())
    k = draw(st.integers(1, 3))
    q = draw(st.floats(0.1, 3.0))
    charges = []
    for _ in range(k):
        x0 = np.array([draw(st.floats(0.0, 0.999)) for _ in range(3)])
        m = np.array([draw(st.integers(-1, 1)) for _ in range(3)])
        w = np.array([draw(st.floats(-0.5, 0.5)) for _ in range(3)])
        charges.append((x0, m, w))
    r = np.array([draw(st.floats(0.0, 0.999)) for _ in range(3)])
    return E, q, charges, r


def _observe_thouless(inst):
    E, q, charges, r = inst
    V = abs(np.linalg.det(E))
    pT = np.zeros(3)
    pcl = {0: np.zeros(3), 1: np.zeros(3)}
    for x0, m, w in charges:
        vel = lambda s: (E @ m)[None, :] + (np.pi * np.cos(np.pi * s))[:, None] * (E @ w)[None, :]
        # transport: J = (1/V) sum q v, integrated over the process by Gauss-Legendre
        for i in range(3):
            pT[i] += q / V * gauss_legendre(lambda s: vel(np.ravel(s))[:, i].reshape(np.shape(s)), 0.0, 1.0, 0.5)
        for end, s in ((0, 0.0), (1, 1.0)):
            xs = E @ (x0 + m * s) + np.sin(np.pi * s) * (E @ w)
            frac = (np.linalg.solve(E, xs) - r) % 1.0            # fold into the cell with corner r
            pcl[end] += q * (E @ frac) / V
    dcl = pcl[1] - pcl[0]
    # components along the dual vectors: e^k . v = (E^{-1} v)_k
    return Observation({"dP_T": np.linalg.solve(E, pT), "dP_cl": np.linalg.solve(E, dcl), "e": q, "Omega": V})


@register("S-19")
def transport_and_classical_differ_by_polarization_quantum():
    r"""Thouless: :math:`\Delta\mathbf p_T\equiv\Delta\mathbf p_{cl}` modulo :math:`e\mathbf R/|\Omega_{uc}|`
    (components along the dual vectors, :math:`\mathbf e^k\cdot\mathbf R\in\mathbb Z`)."""
    return _claim("S-19", "transport_polarization_equals_classical_modulo_quantum", dP_T, dP_cl,
                  {dP_T: e * m_int * a_lat / a_lat / Omega, dP_cl: 0},
                  NumericCheck(instances=cyclic_point_charge_processes, observe=_observe_thouless, samples=30,
                               tolerance=Tolerance(abs=1e-9, rel=1e-9, reason="Gauss-Legendre of smooth path "
                                                   "velocities (exact for the trigonometric paths to round-off)"),
                               method="random lattices; 1-3 equal charges e moved along smooth paths ending at "
                                      "lattice translates; Delta p_T = int J dt from the velocities; Delta p_cl from "
                                      "the charges folded into the cell with corner R at the start and end; both "
                                      "projected on the dual vectors e^k"),
                  relation=Relation.MOD, quantum=e / Omega,
                  statement=r"\Delta\mathbf p_T\equiv\Delta\mathbf p_{cl}\pmod{e\mathbf R/|\Omega_{uc}|}",
                  notes="Symbolic model: the 1-D chain of the spec, a charge e moved by m lattice periods a_lat "
                        "in a cell of length Omega: Delta p_cl = 0 (the final configuration equals the initial "
                        "one), Delta p_T = e m a_lat / (a_lat Omega) after projecting on e^1 = 1/a_lat. The "
                        "quantum e R/|Omega_uc| projected on e^k is e/|Omega_uc| times an integer.")


# --- S-21: Theorem 3.1 -------------------------------------------------------------------------------------------
div_pdot, div_J = sp.symbols("div_pdot div_J", real=True)
v_ = sp.Symbol("v", real=True)
K_ = sp.Symbol("K", integer=True)


def _pdot_cell(jfun, corner):
    """p_dot of the cell [corner, corner + l] for a current j (rho_dot = -j')."""
    return sp.integrate((x - corner) * (-sp.diff(jfun(x), x)), (x, corner, corner + l)) / l


def _J_cell(jfun, corner):
    return sp.integrate(jfun(x), (x, corner, corner + l)) / l


@st.composite
def periodic_currents_1d(draw):
    return draw(periodic_fourier_densities()), draw(st.floats(-2.0, 2.0)), draw(st.floats(-3.0, 3.0))


def _observe_21(inst):
    dens, j0, r0 = inst
    ll, pan = dens.l, dens.panel
    jj = lambda u: j0 + dens.rho_tilde(u)                                   # periodic current

    def pd(c0):     # (1/l) int (x - c)(-j') dx by quadrature, j' differentiated term by term
        k = np.arange(1, len(dens.A) + 1)
        djdx = lambda u: sum(2 * np.pi * kk / ll * (-a * np.sin(2 * np.pi * kk * u / ll) + b *
                                                    np.cos(2 * np.pi * kk * u / ll))
                             for kk, a, b in zip(k, dens.A, dens.B))
        return gauss_legendre(lambda u: (u - c0) * (-djdx(u)), c0, c0 + ll, pan) / ll
    Jc = lambda c0: gauss_legendre(jj, c0, c0 + ll, pan) / ll
    return Observation({"div_pdot": (pd(r0 + ll) - pd(r0)) / ll, "div_J": (Jc(r0 + ll) - Jc(r0)) / ll},
                       scale=max(abs(pd(r0)) / ll, abs(Jc(r0)) / ll, 1.0))


@register("S-21")
def bound_charge_rate_equals_current_divergence():
    r"""(59): :math:`\operatorname{div}\dot{\mathbf p}=\operatorname{div}\mathbf j` (macroscopic divergences over
    neighbouring cells of one cell choice), for a periodic (neutral-cell) process."""
    jf = lambda u: _j(u)
    return _claim("S-21", "divergence_of_polarization_rate_equals_divergence_of_current", div_pdot, div_J,
                  {div_pdot: (_pdot_cell(jf, R + l) - _pdot_cell(jf, R)) / l,
                   div_J: (_J_cell(jf, R + l) - _J_cell(jf, R)) / l},
                  NumericCheck(instances=periodic_currents_1d, observe=_observe_21, samples=30,
                               tolerance=Tolerance(rel=1e-9, abs=0.0, reason="quadrature at round-off; the "
                                                   "difference quotient over one cell divides by l, so the scale "
                                                   "is max(|p_dot|, |J|)/l"),
                               method="random periodic 1-D currents (constant + Fourier modes), rho_dot = -j'; "
                                      "p_dot and J of two neighbouring cells by quadrature"),
                  notes="Rate form of Theorem 3.1 for cells that stay neutral at all times (periodic currents): "
                        "p_dot - J = -j(R + l) is the same in every cell, so the macroscopic divergences agree. "
                        "For a modulated current see S-21/modulated.")


A0, beta = sp.symbols("A_0 beta", real=True)


@register("S-21/modulated")
def theorem31_for_modulated_current():
    r"""Theorem 3.1 for :math:`j_l=A(x)\cos(2\pi x/l)`, :math:`A=A_0+\beta x`: a sequence that is bulk charge
    neutral in the sense of (109)-(110) with :math:`\rho_l=\tilde\rho_l` (cell charges O(l))."""
    jf = lambda u: (A0 + beta * u) * sp.cos(2 * pi * u / l)

    def observe(inst):
        ll, A0v, bv, K = inst
        r0 = ll * K
        jj = lambda u: (A0v + bv * u) * np.cos(2 * np.pi * u / ll)
        djdx = lambda u: bv * np.cos(2 * np.pi * u / ll) - (A0v + bv * u) * 2 * np.pi / ll * np.sin(2 * np.pi * u / ll)
        pd = lambda c0: gauss_legendre(lambda u: (u - c0) * (-djdx(u)), c0, c0 + ll, ll / 2) / ll
        Jc = lambda c0: gauss_legendre(jj, c0, c0 + ll, ll / 2) / ll
        return Observation({"div_pdot": (pd(r0 + ll) - pd(r0)) / ll, "div_J": (Jc(r0 + ll) - Jc(r0)) / ll},
                           scale=max(abs(pd(r0)) / ll, 1.0))
    return _claim("S-21/modulated", "theorem31_holds_for_modulated_current", div_pdot, div_J,
                  {div_pdot: (_pdot_cell(jf, l * K_ + l) - _pdot_cell(jf, l * K_)) / l,
                   div_J: (_J_cell(jf, l * K_ + l) - _J_cell(jf, l * K_)) / l},
                  NumericCheck(instances=lambda: st.tuples(st.floats(0.01, 0.2), st.floats(-2.0, 2.0),
                                                           st.floats(-2.0, 2.0), st.integers(-20, 20)),
                               observe=observe, samples=30,
                               tolerance=Tolerance(rel=1e-9, abs=0.0, reason="quadrature at round-off; scale "
                                                   "max(|p_dot|, 1)/l for the difference quotient"),
                               method="modulated current on the lattice lZ; p_dot and J of two neighbouring cells"),
                  headline=False,
                  notes="Scope probe. p_dot(R) = J(R) - j(R + l) = -A(R + l) on the lattice lZ, so div p_dot = -beta "
                        "while J = 0 (linear A): (59) fails. The cell charges of rho_dot are -(A(R+l) - A(R)) = O(l), "
                        "so q_l of (110) with rho_l = rho~_l tends to 0 (bulk neutral), but with rho_l = rho~_l/l it "
                        "does not (see S-34): the theorem needs the stronger reading.")
