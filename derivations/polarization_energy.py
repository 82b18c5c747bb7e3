r"""Energetic polarization: :math:`\delta W=\int\rho\,\delta\phi` and :math:`\delta\tilde W=\int_{\partial\Omega}\delta\phi\,\sigma\,dS+\int_\Omega\delta\mathbf E\cdot\mathbf p\,dV`.

Overview
    Sen, Wang, Breitzman & Dayal (2024) [1], Sec. 4: the Hellmann-Feynman relation for the electrons (73), the
    envelope theorem for relaxed nuclei (80)-(81) and their sum (82); the energetic definition (83)/(105) with its
    field sign; 1-concentration (85); the tail bound (93); the bulk Taylor split (95)-(97); the inner and outer
    surface terms (98)-(104). Symbolic models: a two-site electron, a harmonic nucleus in a linear potential, a
    dipole in a uniform field, one-mode cell densities, exponential surface layers. Numeric layer: exact
    diagonalisation of two interacting electrons on a grid, Newton relaxation of classical nuclei, a grid
    electron with a relaxing nucleus (full Born-Oppenheimer energy), neutral point-charge cells, quadrature of
    planar surface layers.
Key claims
    S-22, S-23, S-24, S-25, S-25/sign (refuted), S-25/pW (refuted), S-25/pW-fix, S-26, S-29 (refuted: sup of
    delta phi without modulus), S-29/fix, S-30/95, S-30/97, S-31/98, S-31/99, S-31/100, S-32/102, S-32 (refuted:
    sup of rho without modulus), S-32/fix.
Conventions
    :math:`\epsilon_0=1`; e > 0 is the elementary charge, electrons carry -e; the field of (61) is
    :math:`\mathbf E=-\nabla\Phi`, the field variation under (105) is :math:`\delta\mathbf E=\nabla\delta\phi`.
References
    [1] S. Sen, Y. Wang, T. Breitzman, K. Dayal, J. Mech. Phys. Solids (2024), doi 10.1016/j.jmps.2024.105743.
"""

from __future__ import annotations

import numpy as np
import sympy as sp
from hypothesis import strategies as st
from scipy.optimize import minimize_scalar

from derivcheck import Claim, NumericCheck, Observation, Relation, Tolerance, register, spec_entry
from numerics.periodic_densities import gauss_legendre, neutral_point_charge_bases, lattices

__all__: list[str] = []   # claims are registered; see Key claims

pi = sp.pi
e = sp.Symbol("e", positive=True)


def _claim(claim_id, name, lhs, rhs, definitions, numeric, **kw) -> Claim:
    spec = spec_entry(claim_id.split("/")[0])
    return Claim(id=claim_id, name=name, paper="sen2024", location=kw.pop("location", spec["location"]),
                 statement=kw.pop("statement", spec["statement"]), title=kw.pop("title", spec["title"]), lhs=lhs,
                 rhs=rhs, definitions=definitions, numeric=numeric, headline=kw.pop("headline", True), **kw)


_FD = Tolerance(rel=1e-6, abs=1e-9, reason="central difference in epsilon with h = 1e-4: error h^2 |W'''|/6 < 1e-8 "
                                           "of the scale for these smooth, gapped models; eigen-solver round-off 1e-13")

# --- S-22: Hellmann-Feynman ----------------------------------------------------------------------------------------
dW, int_rho_dphi = sp.symbols("dW int_rho_dphi", real=True)
h1, h2, tt, d1, d2, eps = sp.symbols("h_1 h_2 t_h delta_1 delta_2 epsilon", real=True)


def _two_site():
    """One electron on two sites: H = [[h1 - e eps d1, t], [t, h2 - e eps d2]]; ground energy and densities."""
    D1, D2 = h1 - e * eps * d1, h2 - e * eps * d2
    W = (D1 + D2) / 2 - sp.sqrt(((D1 - D2) / 2) ** 2 + tt**2)
    Dl = (h1 - h2) / 2
    r = sp.sqrt(Dl**2 + tt**2)
    rho1, rho2 = -e * (1 - Dl / r) / 2, -e * (1 + Dl / r) / 2            # rho_e = -e N |psi|^2, eq. (68)
    return {dW: sp.diff(W, eps).subs(eps, 0), int_rho_dphi: d1 * rho1 + d2 * rho2}


@st.composite
def two_electron_systems(draw):
    """Two electrons on an n-point grid (n = 8..12) with two soft nuclei, soft Coulomb repulsion, an external
    potential phi and a smooth variation delta phi."""
    n = draw(st.integers(8, 12))
    Z = [draw(st.floats(0.5, 2.0)) for _ in range(2)]
    pos = [draw(st.floats(0.2, 0.8)) for _ in range(2)]
    phi = [draw(st.floats(-1.0, 1.0)) for _ in range(2)]
    dphi = [draw(st.floats(-1.0, 1.0)) for _ in range(3)]
    return n, Z, pos, phi, dphi, draw(st.floats(0.5, 2.0))


def _observe_hf(inst):
    n, Z, pos, phi, dphi, ee = inst
    xg = np.linspace(0.0, 1.0, n)
    dx = xg[1] - xg[0]
    T = (np.diag(np.full(n, 2.0)) - np.diag(np.ones(n - 1), 1) - np.diag(np.ones(n - 1), -1)) / (2 * dx * dx)
    vnuc = -ee**2 / (4 * np.pi) * sum(z / np.sqrt((xg - p) ** 2 + 0.1) for z, p in zip(Z, pos))
    ph = phi[0] * xg + phi[1] * np.sin(3 * xg)
    dp = dphi[0] + dphi[1] * xg + dphi[2] * np.cos(2 * xg)
    rep = ee**2 / (4 * np.pi) / np.sqrt((xg[:, None] - xg[None, :]) ** 2 + 0.1)
    I = np.eye(n)

    def H(epsv):
        one = np.diag(vnuc - ee * (ph + epsv * dp))                           # eq. (67), one-body part
        return np.kron(T + one, I) + np.kron(I, T + one) + np.diag(rep.ravel())

    w0, v0 = np.linalg.eigh(H(0.0))
    h = 1e-4
    dW_fd = (np.linalg.eigh(H(h))[0][0] - np.linalg.eigh(H(-h))[0][0]) / (2 * h)
    psi2 = v0[:, 0].reshape(n, n) ** 2
    rho_e = -ee * 2 * psi2.sum(1) / dx                                      # eq. (68), N = 2, density per length
    return Observation({"dW": dW_fd, "int_rho_dphi": float(np.sum(dp * rho_e) * dx)},
                       scale=max(abs(dW_fd), 1.0))


@register("S-22")
def hellmann_feynman_electrons():
    r"""(73): :math:`\delta W^{tot}_{el}=\int\delta\phi\,\rho_e\,dV`, first order in :math:`\delta\phi`."""
    return _claim("S-22", "electronic_energy_variation_equals_integral_of_density_times_potential_variation",
                  dW, int_rho_dphi, _two_site(),
                  NumericCheck(instances=two_electron_systems, observe=_observe_hf, tolerance=_FD, samples=15,
                               method="two interacting electrons on an 8-12 point grid (soft Coulomb), exact "
                                      "diagonalisation of the product-space Hamiltonian; dW/d eps by central "
                                      "difference; rho_e from the ground state marginal"),
                  statement=r"\delta W^{tot}_{el}=\int_{\mathbb R^3}\delta\phi(\mathbf x)\rho_e(\mathbf x)\,"
                            r"dV_{\mathbf x}\quad(73)",
                  notes="Symbolic model: one electron on two sites with a non-degenerate ground state.")


# --- S-23: nuclei at equilibrium --------------------------------------------------------------------------------
k_s, Z, E0, c_ = sp.symbols("k_s Z E_0 c", real=True)
ks = sp.Symbol("k", positive=True)
sum_Z_dphi = sp.Symbol("sum_Z_dphi", real=True)


def _one_nucleus():
    """V = k R^2 / 2, phi = E_0 R, delta phi = c R: W(eps) = min_R [V + e Z (phi + eps dphi)]."""
    Rst = -e * Z * (E0 + eps * c_) / ks
    W = ks * Rst**2 / 2 + e * Z * (E0 + eps * c_) * Rst
    R0 = -e * Z * E0 / ks
    return {dW: sp.diff(W, eps).subs(eps, 0), sum_Z_dphi: e * Z * c_ * R0}


@st.composite
def relaxing_nuclei(draw):
    """5 classical nuclei on a line: nearest-neighbour springs, anchoring springs, external phi = E x + b x^3 and a
    smooth delta phi."""
    Z_ = [draw(st.floats(0.5, 3.0)) for _ in range(5)]
    kk = [draw(st.floats(1.0, 5.0)) for _ in range(6)]
    return Z_, kk, draw(st.floats(-1.0, 1.0)), draw(st.floats(-0.05, 0.05)), \
        [draw(st.floats(-1.0, 1.0)) for _ in range(2)], draw(st.floats(0.5, 2.0))


def _relax(Z_, kk, Ef, b, dph, ee, epsv):
    """Newton minimisation of V(R) + sum e Z (phi + eps dphi)(R) from the lattice positions."""
    R0 = np.arange(5.0) - 2.0
    phi = lambda r: Ef * r + b * r**3 + epsv * (dph[0] * np.sin(r) + dph[1] * r * r)
    dphi = lambda r: Ef + 3 * b * r * r + epsv * (dph[0] * np.cos(r) + 2 * dph[1] * r)
    d2phi = lambda r: 6 * b * r + epsv * (-dph[0] * np.sin(r) + 2 * dph[1])
    Zv = np.array(Z_)
    R = R0.copy()
    for _ in range(60):
        g = kk[5] * (R - R0) + ee * Zv * dphi(R)
        Hm = np.diag(kk[5] + ee * Zv * d2phi(R))
        for i in range(4):                               # springs between neighbours, rest length 1
            s = R[i + 1] - R[i] - 1.0
            g[i] -= kk[i] * s
            g[i + 1] += kk[i] * s
            Hm[i, i] += kk[i]
            Hm[i + 1, i + 1] += kk[i]
            Hm[i, i + 1] -= kk[i]
            Hm[i + 1, i] -= kk[i]
        step = np.linalg.solve(Hm, g)
        R = R - step
        if np.max(np.abs(step)) < 1e-15:
            break
    V = kk[5] * np.sum((R - R0) ** 2) / 2 + sum(kk[i] * (R[i + 1] - R[i] - 1.0) ** 2 / 2 for i in range(4))
    return V + ee * np.sum(Zv * phi(R)), R


def _observe_nuclei(inst):
    Z_, kk, Ef, b, dph, ee = inst
    h = 1e-4
    Wp, _ = _relax(Z_, kk, Ef, b, dph, ee, h)
    Wm, _ = _relax(Z_, kk, Ef, b, dph, ee, -h)
    _, R = _relax(Z_, kk, Ef, b, dph, ee, 0.0)
    s = float(ee * np.sum(np.array(Z_) * (dph[0] * np.sin(R) + dph[1] * R * R)))
    return Observation({"dW": (Wp - Wm) / (2 * h), "sum_Z_dphi": s}, scale=max(abs(s), 1.0))


@register("S-23")
def envelope_theorem_nuclei():
    r"""(80): :math:`\delta W^{tot}_n=\sum_\alpha eZ_\alpha\delta\phi(\mathbf R_\alpha)` at equilibrium (74)."""
    return _claim("S-23", "nuclear_energy_variation_equals_sum_of_charges_times_potential_variation",
                  dW, sum_Z_dphi, _one_nucleus(),
                  NumericCheck(instances=relaxing_nuclei, observe=_observe_nuclei, tolerance=_FD, samples=25,
                               method="5 nuclei with springs in phi = E x + b x^3; Newton relaxation to 1e-15; "
                                      "dW/d eps by central difference against sum e Z dphi(R)"),
                  statement=r"\delta W^{tot}_n=\sum_\alpha eZ_\alpha\delta\phi(\mathbf R_\alpha)\quad(80)",
                  notes="The term grad(delta phi).delta R is second order; the equilibrium (74) removes the "
                        "first-order change of V and of the phi term (envelope theorem).")


# --- S-24: electrons plus relaxing nucleus -----------------------------------------------------------------------
@st.composite
def electron_nucleus_systems(draw):
    """One electron on a 30-point grid bound to one nucleus (charge Z e) on a spring; external phi and delta phi."""
    return (draw(st.floats(0.5, 2.0)), draw(st.floats(2.0, 6.0)), draw(st.floats(-0.5, 0.5)),
            [draw(st.floats(-1.0, 1.0)) for _ in range(2)], draw(st.floats(0.5, 1.5)))


def _bo_energy(R, epsv, inst, want_density=False):
    Zv, kk, Ef, dph, ee = inst
    n = 30
    xg = np.linspace(-2.0, 2.0, n)
    dx = xg[1] - xg[0]
    phi = lambda r: Ef * r + epsv * (dph[0] * np.sin(r) + dph[1] * r * r)
    T = (np.diag(np.full(n, 2.0)) - np.diag(np.ones(n - 1), 1) - np.diag(np.ones(n - 1), -1)) / (2 * dx * dx)
    Hm = T + np.diag(-ee**2 * Zv / (4 * np.pi) * 4 / np.sqrt((xg - R) ** 2 + 0.3) - ee * phi(xg))
    w, v = np.linalg.eigh(Hm)
    W = w[0] + kk * R * R / 2 + ee * Zv * phi(R)                 # full Born-Oppenheimer energy
    if want_density:
        return W, xg, dx, -ee * v[:, 0] ** 2 / dx
    return W


def _observe_combined(inst):
    Zv, kk, Ef, dph, ee = inst
    Wmin = {}
    for epsv in (-1e-4, 1e-4, 0.0):
        res = minimize_scalar(lambda r: _bo_energy(r, epsv, inst), bounds=(-1.0, 1.0), method="bounded",
                              options={"xatol": 1e-11})
        Wmin[epsv] = (res.fun, res.x)
    R = Wmin[0.0][1]
    _, xg, dx, rho_e = _bo_energy(R, 0.0, inst, want_density=True)
    dp = dph[0] * np.sin(xg) + dph[1] * xg * xg
    rhs = float(np.sum(rho_e * dp) * dx + ee * Zv * (dph[0] * np.sin(R) + dph[1] * R * R))
    return Observation({"dW": (Wmin[1e-4][0] - Wmin[-1e-4][0]) / 2e-4, "int_rho_dphi": rhs},
                       scale=max(abs(rhs), 1.0))


@register("S-24")
def total_energy_variation():
    r"""(82): :math:`\delta W=\int\rho\,\delta\phi\,dV`, :math:`\rho=\rho_e+\rho_n`."""
    return _claim("S-24", "total_energy_variation_equals_integral_of_net_charge_times_potential_variation",
                  dW, int_rho_dphi, {},
                  NumericCheck(instances=electron_nucleus_systems, observe=_observe_combined, samples=12,
                               tolerance=Tolerance(rel=2e-5, abs=1e-7, reason="central difference h = 1e-4 "
                                                   "(error ~1e-8) on energies minimised over R to xatol 1e-11 "
                                                   "(energy error quadratic: < 1e-18); bounded Brent minimiser"),
                               method="one grid electron bound to a nucleus on a spring; the nucleus relaxes in the "
                                      "full Born-Oppenheimer energy; dW/d eps by central difference against "
                                      "int rho_e dphi + e Z dphi(R)"),
                  sample_residual=False,
                  notes="Numeric only. The equilibrium that makes (73) + (81) add up is that of the full "
                        "Born-Oppenheimer energy (electronic energy included in V), as (74) requires.")


# --- S-25: energetic definition and the field sign ------------------------------------------------------------------
q_, d_, Vc = sp.symbols("q d V_c", positive=True)
dW25, bulk_term, p_cl, p_W = sp.symbols("dW25 bulk_term p_cl p_W", real=True)


@st.composite
def cells_in_uniform_fields(draw):
    E = draw(lattices())
    tau, q = draw(neutral_point_charge_bases())
    E0 = np.array([draw(st.floats(-2.0, 2.0)) for _ in range(3)])
    a = np.array([draw(st.floats(0.0, 0.999)) for _ in range(3)])
    return E, tau, q, E0, a


def _measure_cell_field(inst, sign):
    """delta phi = -E_0 . x; one full cell (sigma = 0); delta E = sign * grad delta phi (by finite differences)."""
    E, tau, q, E0, a = inst
    V = abs(np.linalg.det(E))
    frac = (tau - a[None, :]) % 1.0 + a[None, :]                     # charges of the cell with corner a
    r = frac @ E.T
    dphi = lambda xx: -(np.atleast_2d(xx) @ E0)
    W = float(np.sum(q * dphi(r)))                                    # eq. (82): sum q delta phi
    p = (q[:, None] * (r - E @ a)).sum(0) / V                          # cell dipole density
    grad = np.array([(dphi(np.eye(3)[i] * 0.5) - dphi(-np.eye(3)[i] * 0.5))[0] for i in range(3)])  # exact, linear
    dE = sign * grad
    # p_W: derivative of W with respect to the physical field E = E_0 (delta phi = -E_0 . x), per volume
    pW = np.array([(float(np.sum(q * -(r @ (E0 + 1e-3 * np.eye(3)[i])))) -
                    float(np.sum(q * -(r @ (E0 - 1e-3 * np.eye(3)[i]))))) / 2e-3 for i in range(3)]) / V
    return {"dW25": W, "bulk_term": float(V * dE @ p), "p_cl": p, "p_W": pW}


_EXACT = Tolerance(rel=1e-10, abs=1e-12, reason="finite sums of point charges and exact differences of linear "
                                                "functions: round-off")


@register("S-25")
def energetic_variation_with_delta_E_equal_grad_delta_phi():
    r"""(105) with :math:`\delta\mathbf E=\nabla\delta\phi` as stated under it: one full cell in a uniform field."""
    return _claim("S-25", "energy_variation_equals_surface_term_plus_delta_E_dot_p", dW25, 0 + bulk_term,
                  {dW25: q_ * (-E0 * d_ / 2) - q_ * (E0 * d_ / 2), bulk_term: Vc * (-E0) * (q_ * d_ / Vc)},
                  NumericCheck(instances=cells_in_uniform_fields, observe=lambda i: Observation(
                      _measure_cell_field(i, +1)), tolerance=_EXACT, samples=30,
                      method="random lattice and neutral basis, one full cell (no partial cells, sigma = 0), "
                             "delta phi = -E_0 . x; sum q delta phi against |cell| delta E . p"),
                  notes="Symbolic model: charges +-q at +-d/2 in delta phi = -E_0 x. The surface term vanishes for "
                        "a single full cell. Limits and partial cells: S-05, S-30-S-32.")


@register("S-25/sign")
def energetic_variation_with_physical_field():
    r"""(83)/(105) with the field of (61), :math:`\delta\mathbf E=-\nabla\delta\phi`."""
    return _claim("S-25/sign", "energy_variation_with_physical_field_variation_as_in_eq61", dW25, 0 + bulk_term,
                  {dW25: q_ * (-E0 * d_ / 2) - q_ * (E0 * d_ / 2), bulk_term: Vc * (E0) * (q_ * d_ / Vc)},
                  NumericCheck(instances=cells_in_uniform_fields, observe=lambda i: Observation(
                      _measure_cell_field(i, -1)), tolerance=_EXACT, samples=30, method="as S-25 with delta E = -grad"),
                  statement=r"\delta\tilde W^{tot}=\int_{\partial\Omega}\delta\phi\,\sigma\,dS+\int_\Omega\delta\mathbf E"
                            r"\cdot\mathbf p\,dV,\quad\mathbf E=-\nabla\Phi\ (61)", headline=False,
                  notes="The paper uses E = -grad Phi in (61) but delta E = grad delta phi under (105): (105) holds "
                        "only with the latter; with the physical field the bulk term changes sign.")


@register("S-25/pW")
def energetic_polarization_equals_classical_as_printed():
    """'From (83), p_W = p_cl', with Remark 4.1: p_W = derivative of the energy density w.r.t. the electric field
    (the physical field E = -grad phi of eq. 61)."""
    return _claim("S-25/pW", "energetic_polarization_equals_classical_polarization", p_W, p_cl,
                  {p_W: sp.diff(-q_ * E0 * d_, E0) / Vc, p_cl: q_ * d_ / Vc},
                  NumericCheck(instances=cells_in_uniform_fields, observe=lambda i: Observation(
                      _measure_cell_field(i, +1)), tolerance=_EXACT, samples=30,
                      method="p_W = (1/|cell|) dW/dE_0 by central difference (exact: W is linear in E_0)"),
                  statement=r"\mathbf p_W=\mathbf p_{cl},\quad\mathbf p_W=\partial\tilde W/\partial\mathbf E",
                  notes="W = -E . D for a neutral cell in a uniform field E, so dW/dE = -D: p_W = -p_cl with the "
                        "physical field. With delta E = grad delta phi (the convention under 105), or with "
                        "p_W = -dW/dE, the identification holds (S-25/pW-fix).")


@register("S-25/pW-fix")
def energetic_polarization_with_conjugate_sign():
    return _claim("S-25/pW-fix", "minus_field_derivative_of_energy_equals_classical_polarization", -p_W, p_cl,
                  {p_W: sp.diff(-q_ * E0 * d_, E0) / Vc, p_cl: q_ * d_ / Vc},
                  NumericCheck(instances=cells_in_uniform_fields, observe=lambda i: Observation(
                      _measure_cell_field(i, +1)), tolerance=_EXACT, samples=30, method="as S-25/pW"),
                  corrects="S-25/pW", statement=r"\mathbf p_W:=-\partial\tilde W/\partial\mathbf E=\mathbf p_{cl}",
                  title="Energetic polarization with the conjugate sign")


# --- planar surface layers: S-26, S-29, S-32 ---------------------------------------------------------------------------
s_, tv, u_ = sp.symbols("s t u", real=True)
l = sp.Symbol("l", positive=True)
hh = sp.Symbol("h", positive=True)
A0, A1, D0, D1, D2 = sp.symbols("A_0 A_1 D_0 D_1 D_2", real=True)
_rho_layer = sp.exp(-tv) * (A0 + A1 * sp.cos(2 * pi * s_))             # rho_l(s + l t n), planar, unit patch
_dphi = D0 + D1 * sp.sin(2 * pi * s_)                                   # delta phi on the exterior (bounded)
sigma_o, charge_per_area = sp.symbols("sigma_o charge_per_area", real=True)
sup_dphi = sp.Symbol("sup_dphi", real=True)
# absolute values, sups of absolute values and integrals of absolute values: nonnegative by definition
tail, sup_abs_dphi, abs_rho_tail = sp.symbols("tail sup_abs_dphi abs_rho_tail", nonnegative=True)


@st.composite
def planar_layers(draw):
    """Exterior layer rho_l(s + l t n) = e^{-t}(A_0 + A_1 cos 2 pi s) on a unit patch; delta phi = D_0 + D_1 sin 2 pi s
    + D_2 u near the surface (u = l t); both signs of every coefficient."""
    return {k: draw(st.floats(-2.0, 2.0)) for k in ("A_0", "A_1", "D_0", "D_1", "D_2")} | {
        "l": draw(st.floats(0.01, 1.0)), "h": draw(st.floats(0.5, 5.0))}


def _layer_quadrature(inst):
    A_0, A_1, D_0, D_1, D_2, ll, h = (inst[k] for k in ("A_0", "A_1", "D_0", "D_1", "D_2", "l", "h"))
    ts, tw = np.polynomial.legendre.leggauss(40)
    ss = (ts + 1) / 2
    sw = tw / 2
    rho = lambda S, Tt: np.exp(-Tt) * (A_0 + A_1 * np.cos(2 * np.pi * S))
    dphi = lambda S: D_0 + D_1 * np.sin(2 * np.pi * S)

    def on(tlo, thi, f):                                 # int_0^1 ds int_tlo^thi dt f(s, t), Gauss-Legendre
        tt_ = tlo + (thi - tlo) * ss
        S, Tt = np.meshgrid(ss, tt_, indexing="ij")
        return float(np.einsum("i,j,ij->", sw, sw * (thi - tlo), f(S, Tt)))

    big = h + 60.0                                        # e^{-60} tail: < 1e-26
    sgrid = np.linspace(0, 1, 4001)
    return {
        # exterior charge per area with physical density rho_l / l, in the normal distance u = l t
        "charge_per_area": on(0.0, big * ll, lambda S, U: rho(S, U / ll) / ll),
        "sigma_o": on(0.0, big, rho),
        "tail": abs(on(h, big, lambda S, Tt: dphi(S) * rho(S, Tt))),
        "sup_dphi": float(np.max(dphi(sgrid))), "sup_abs_dphi": float(np.max(np.abs(dphi(sgrid)))),
        "abs_rho_tail": on(h, big, lambda S, Tt: np.abs(rho(S, Tt))),
        "termI": abs(on(0.0, h, lambda S, Tt: D_2 * ll * Tt * rho(S, Tt))),
        "sup_rho": float(max(np.max(rho(sgrid, 0.0)), np.max(rho(sgrid, h)))),
        "sup_abs_rho": float(np.max(np.abs(rho(sgrid, 0.0)))),
        "int_dphi_diff": on(0.0, h, lambda S, Tt: np.abs(D_2 * ll * Tt)),
        "termII": on(0.0, h, lambda S, Tt: dphi(S) * rho(S, Tt)),
        "total": on(0.0, h, lambda S, Tt: (dphi(S) + D_2 * ll * Tt) * rho(S, Tt)),
    }


def _layer_num(method, samples=40):
    return NumericCheck(instances=planar_layers, observe=lambda i: Observation(_layer_quadrature(i)),
                        tolerance=Tolerance(rel=1e-8, abs=1e-10, reason="40 x 40 Gauss-Legendre of smooth "
                                            "integrands (round-off); sup of delta phi and rho on a 4001-point grid "
                                            "(underestimate <= 3e-6 |D_1|, which only enters the inequalities, "
                                            "whose counterexamples are O(1))"),
                        samples=samples, method="planar exterior layer e^{-t}(A_0 + A_1 cos 2 pi s), delta phi = "
                                                "D_0 + D_1 sin 2 pi s + D_2 u; " + method)


@register("S-26")
def one_concentrated_layer_is_a_surface_charge():
    r"""(84)-(85), Remark 4.2: for a 1-concentrated layer the exterior charge per area is
    :math:`\sigma_o=\int_0^\infty\rho_l(\mathbf s+lt\mathbf n)\,dt`, independent of l (planar boundary)."""
    return _claim("S-26", "exterior_charge_per_area_equals_t_integral_of_concentrated_layer", charge_per_area,
                  sigma_o, {charge_per_area: sp.integrate(sp.integrate(_rho_layer.subs(tv, u_ / l) / l,
                                                                       (u_, 0, sp.oo)), (s_, 0, 1)),
                            sigma_o: sp.integrate(sp.integrate(_rho_layer, (tv, 0, sp.oo)), (s_, 0, 1))},
                  _layer_num("charge per area by quadrature in the normal distance u, sigma_o in t"),
                  statement=r"g_1(t)\le|\rho_l(\mathbf s+lt\mathbf n(\mathbf s))|\le g_2(t)\ \forall t>d\quad(85)"
                            r"\ \Rightarrow\ \sigma_o=\int_0^\infty\rho_l(\mathbf s+lt\mathbf n)\,dt",
                  notes="Quantitative content of 1-concentration: the layer of width O(l) carries an O(1) charge "
                        "per area. On a curved boundary the volume element adds (1 + l t/R_0)^2 (S-29).")


@register("S-29")
def exterior_tail_bound_as_printed():
    r"""(93), first inequality: :math:`|\int_{\Omega^c_{lh}}\delta\phi\rho_l/l|\le\sup_{\Omega^c}\delta\phi
    \int|\rho_l||\eta|\,dt\,dS` (sup of delta phi, not of its modulus)."""
    _tail = sp.Abs(sp.integrate(sp.integrate(_dphi * _rho_layer, (tv, hh, sp.oo)), (s_, 0, 1)))
    return _claim("S-29", "exterior_tail_bounded_by_sup_delta_phi_times_layer_mass", tail, sup_dphi * abs_rho_tail,
                  {tail: _tail, sup_dphi: D0 + sp.Abs(D1),
                   abs_rho_tail: sp.exp(-hh) * sp.Integral(sp.Abs(A0 + A1 * sp.cos(2 * pi * s_)), (s_, 0, 1))},
                  _layer_num("tail integral, sup delta phi and int |rho| by quadrature"), relation=Relation.LE,
                  notes="With sup delta phi <= 0 (e.g. delta phi = -1) the right side is <= 0 < the left side. The "
                        "bound needs sup |delta phi| (S-29/fix). On a curved boundary the change of variables also "
                        "needs the Jacobian (1 + l t/R_0)^2, i.e. integrability of t^2 g_2(t).")


@register("S-29/fix")
def exterior_tail_bound_with_modulus():
    _tail = sp.Abs(sp.integrate(sp.integrate(_dphi * _rho_layer, (tv, hh, sp.oo)), (s_, 0, 1)))
    return _claim("S-29/fix", "exterior_tail_bounded_by_sup_abs_delta_phi_times_layer_mass", tail,
                  sup_abs_dphi * abs_rho_tail,
                  {tail: _tail, sup_abs_dphi: sp.Abs(D0) + sp.Abs(D1),
                   abs_rho_tail: sp.exp(-hh) * sp.Integral(sp.Abs(A0 + A1 * sp.cos(2 * pi * s_)), (s_, 0, 1))},
                  _layer_num("as S-29 with sup |delta phi|"), relation=Relation.LE, corrects="S-29",
                  statement=r"\Big|\int_{\Omega^c_{lh}}\delta\phi\frac{\rho_l}{l}dV\Big|\le\sup_{\Omega^c}|\delta\phi|"
                            r"\int_{\partial\Omega\times(h,\infty)}|\rho_l||\eta|\,dt\,dS\ \text{(planar boundary)}",
                  title="Exterior tail bound with sup |delta phi|",
                  notes="Symbolic sup|delta phi| <= |D_0| + |D_1| is an upper bound (the right side grows), so the "
                        "sampled inequality remains a valid check; the numeric layer uses the measured sup.")


sup_rho, termII, total = sp.symbols("sup_rho termII total", real=True)
termI, sup_abs_rho, int_dphi_diff = sp.symbols("termI sup_abs_rho int_dphi_diff", nonnegative=True)  # |.|, sup|.|, int|.|


@register("S-32/102")
def outer_surface_split():
    """(102): the outer layer integral = Term I (delta phi difference) + Term II (delta phi at the surface)."""
    return _claim("S-32/102", "outer_layer_integral_splits_into_terms_I_and_II", total,
                  termII + sp.Symbol("termI_signed", real=True),
                  {total: sp.integrate(sp.integrate((_dphi + D2 * l * tv) * _rho_layer, (tv, 0, hh)), (s_, 0, 1)),
                   termII: sp.integrate(sp.integrate(_dphi * _rho_layer, (tv, 0, hh)), (s_, 0, 1)),
                   sp.Symbol("termI_signed", real=True):
                       sp.integrate(sp.integrate(D2 * l * tv * _rho_layer, (tv, 0, hh)), (s_, 0, 1))},
                  NumericCheck(instances=planar_layers, observe=lambda i: Observation(
                      _layer_quadrature(i) | {"termI_signed": _layer_quadrature(i)["total"]
                                              - _layer_quadrature(i)["termII"]}),
                      tolerance=_EXACT, samples=10, method="by construction of Term I; quadrature"),
                  statement=r"\int_{\partial\Omega\times[0,h]}\delta\phi\,\rho_l\eta\,dt\,dS=\text{Term I}+\text{Term II}"
                            r"\quad(102)", headline=False)


@register("S-32")
def outer_term_I_bound_as_printed():
    r"""(103): :math:`|\text{Term I}|\le\sup_{\Omega^c}\rho_l\int|\eta||\delta\phi(\mathbf s+lt\mathbf n)-
    \delta\phi(\mathbf s)|\,dt\,dS` (sup of rho_l, not of its modulus)."""
    termI_model = sp.Abs(sp.integrate(sp.integrate(D2 * l * tv * _rho_layer, (tv, 0, hh)), (s_, 0, 1)))
    return _claim("S-32", "outer_term_I_bounded_by_sup_rho_times_delta_phi_variation", termI,
                  sup_rho * int_dphi_diff,
                  {termI: termI_model, sup_rho: sp.Max(A0 + sp.Abs(A1), (A0 + sp.Abs(A1)) * sp.exp(-hh)),
                   int_dphi_diff: sp.Abs(D2) * l * hh**2 / 2},
                  _layer_num("Term I, sup rho on the collar and int |delta phi(s + l t n) - delta phi(s)| by "
                             "quadrature"), relation=Relation.LE,
                  notes="A layer of negative charge (A_0 < -|A_1|) has sup rho_l < 0, so the right side is negative. "
                        "The bound needs sup |rho_l| (S-32/fix); (85) bounds |rho_l| only for t > d, so on the "
                        "collar [0, d] a bound on rho_l is an extra assumption.")


@register("S-32/fix")
def outer_term_I_bound_with_modulus():
    termI_model = sp.Abs(sp.integrate(sp.integrate(D2 * l * tv * _rho_layer, (tv, 0, hh)), (s_, 0, 1)))
    return _claim("S-32/fix", "outer_term_I_bounded_by_sup_abs_rho_times_delta_phi_variation", termI,
                  sup_abs_rho * int_dphi_diff,
                  {termI: termI_model, sup_abs_rho: sp.Abs(A0) + sp.Abs(A1), int_dphi_diff: sp.Abs(D2) * l * hh**2 / 2},
                  _layer_num("as S-32 with sup |rho_l|"), relation=Relation.LE, corrects="S-32",
                  statement=r"|\text{Term I}|\le\sup_{\Omega^c}|\rho_l|\int_{\partial\Omega\times[0,h]}|\eta|\,|\delta"
                            r"\phi(\mathbf s+lt\mathbf n)-\delta\phi(\mathbf s)|\,dt\,dS",
                  title="Outer Term I bound with sup |rho_l|")


# --- S-30, S-31: cell Taylor splits ----------------------------------------------------------------------------------
Xh, y_ = sp.symbols("X_h y", real=True)
kk_, ph0, c1, s1 = sp.symbols("k phi_0 c_1 s_1", real=True)
_dphi_c = lambda z: sp.sin(kk_ * z + ph0)
_rho_c = lambda z: c1 * sp.cos(2 * pi * z / l) + s1 * sp.sin(2 * pi * z / l)       # O(1) density rho_l
T_full, T_1, T_2, T_3 = sp.symbols("T_full T_1 T_2 T_3", real=True)


def _taylor_model():
    z = Xh + l * y_
    u_abs_y = (_dphi_c(z) - _dphi_c(Xh) - l * y_ * sp.diff(_dphi_c(Xh), Xh)) / l      # u_l |y| (1-D, y >= 0)
    return {T_full: l * sp.Integral(_dphi_c(z) * _rho_c(z) / l, (y_, 0, 1)),
            T_1: l * _dphi_c(Xh) * sp.Integral(_rho_c(z) / l, (y_, 0, 1)),
            T_2: l * sp.diff(_dphi_c(Xh), Xh) * sp.Integral(y_ * _rho_c(z), (y_, 0, 1)),
            T_3: l * sp.Integral(u_abs_y * _rho_c(z), (y_, 0, 1))}


@st.composite
def cells_with_test_functions(draw):
    return {"l": draw(st.floats(0.01, 1.0)), "X": draw(st.floats(-3.0, 3.0)), "k": draw(st.floats(-4.0, 4.0)),
            "phi_0": draw(st.floats(0.0, 6.3)), "c_1": draw(st.floats(-1.0, 1.0)), "s_1": draw(st.floats(-1.0, 1.0)),
            "N": draw(st.integers(200, 800))}


def _observe_taylor(inst):
    ll, X, k, p0, a, b = (inst[q] for q in ("l", "X", "k", "phi_0", "c_1", "s_1"))
    dphi = lambda z: np.sin(k * z + p0)
    ddphi = lambda z: k * np.cos(k * z + p0)
    rho = lambda z: a * np.cos(2 * np.pi * z / ll) + b * np.sin(2 * np.pi * z / ll)
    z = lambda yy: X + ll * yy
    G = lambda f: gauss_legendre(f, 0.0, 1.0, 0.5)
    return Observation({
        "T_full": ll * G(lambda yy: dphi(z(yy)) * rho(z(yy)) / ll),
        "T_1": ll * dphi(X) * G(lambda yy: rho(z(yy)) / ll),
        "T_2": ll * ddphi(X) * G(lambda yy: yy * rho(z(yy))),
        "T_3": ll * G(lambda yy: (dphi(z(yy)) - dphi(X) - ll * yy * ddphi(X)) / ll * rho(z(yy)))})


@register("S-30/95")
def bulk_cell_taylor_split():
    """(95) for one cell (1-D, l^3 -> l): the cell integral = monopole + dipole + remainder terms (exact)."""
    return _claim("S-30/95", "bulk_cell_integral_splits_into_monopole_dipole_and_remainder", T_full,
                  T_1 + T_2 + T_3, _taylor_model(),
                  NumericCheck(instances=cells_with_test_functions, observe=_observe_taylor, samples=30,
                               tolerance=Tolerance(rel=1e-10, abs=1e-12, reason="Gauss-Legendre of entire "
                                                   "integrands on one cell: round-off"),
                               method="random cell, one-mode density and delta phi = sin(k x + phi_0); each term "
                                      "of (95) by quadrature"), symbolic_timeout=60,
                  statement=r"\sum l^3\int_\Box\delta\phi\frac{\rho_l}{l}dV_{\mathbf y}=\sum l^3\delta\varphi(\hat{\mathbf x})"
                            r"\int_\Box\frac{\rho_l}{l}+\sum l^3\nabla\delta\varphi\cdot\int_\Box\mathbf y\rho_l+\sum l^3"
                            r"\int_\Box u_l|\mathbf y|\rho_l\quad(95)")


Riemann, p_bulk, dphi_L, dphi_0 = sp.symbols("Riemann p_bulk dphi_L dphi_0", real=True)


def _observe_riemann(inst):
    ll0, k, p0, a, b, N = (inst[q] for q in ("l", "k", "phi_0", "c_1", "s_1", "N"))
    Lb = 1.0
    ll = Lb / N
    rho = lambda z: a * np.cos(2 * np.pi * z / ll) + b * np.sin(2 * np.pi * z / ll)
    xs = ll * np.arange(N)
    pcell = np.array([gauss_legendre(lambda yy: yy * rho(xh + ll * yy), 0.0, 1.0, 0.5) for xh in xs[:1]])[0]
    S = float(np.sum(ll * k * np.cos(k * xs + p0)) * pcell)                # sum_cells l dphi'(x^) int y rho dy
    bound = ll / 2 * Lb * k * k * abs(pcell)                                # left Riemann sum error bound
    return Observation({"Riemann": S, "p_bulk": pcell, "dphi_L": np.sin(k * Lb + p0), "dphi_0": np.sin(p0)},
                       scale=bound)


@register("S-30/97")
def bulk_dipole_sum_converges():
    r"""(97): the dipole term :math:`\sum l^3\nabla\delta\phi(\hat{\mathbf x})\cdot\int_\Box\mathbf y\rho_l\to\int_\Omega
    \nabla\delta\phi\cdot\mathbf p\,dV` (1-D periodic density on [0, 1], lattice at 0)."""
    return _claim("S-30/97", "bulk_dipole_sum_converges_to_integral_of_grad_delta_phi_dot_p", Riemann,
                  p_bulk * (dphi_L - dphi_0), {},
                  NumericCheck(instances=cells_with_test_functions, observe=_observe_riemann, samples=30,
                               tolerance=Tolerance(rel=1.0, abs=1e-12, reason="limit evaluated at l = 1/N, N in "
                                                   "[200, 800]: the scale is the left-Riemann-sum bound "
                                                   "(l/2) L max|dphi''| |p|"),
                               method="sum over N cells of l dphi'(x^) p against p (dphi(1) - dphi(0))"),
                  sample_residual=False, statement=r"\int_\Omega\nabla\delta\phi\cdot\mathbf p\,dV_{\mathbf x},\quad"
                  r"\mathbf p(\mathbf x):=\int_\Box\mathbf y\rho_0(\mathbf x,\mathbf y)\,dV_{\mathbf y}\quad(97)",
                  notes="Numeric only (a limit of a Riemann sum). p is the cell first moment of the O(1) density.")


@register("S-31/98")
def inner_surface_split():
    """(98): the partial-cell integral = Term I (delta phi at the corner) + Term II (u_l): exact for each cell."""
    z = Xh + l * y_
    th = sp.Symbol("theta_c", positive=True)
    mdl = {T_full: l * sp.Integral(_dphi_c(z) * _rho_c(z) / l, (y_, 0, th)),
           T_1: _dphi_c(Xh) * sp.Integral(_rho_c(z), (y_, 0, th)),
           T_2: sp.Integral((_dphi_c(z) - _dphi_c(Xh)) * _rho_c(z), (y_, 0, th))}

    def observe(inst):
        ll, X, k, p0, a, b = (inst[q] for q in ("l", "X", "k", "phi_0", "c_1", "s_1"))
        thv = 0.5 + 0.3 * np.sin(X)                                     # partial cell [0, theta] of the unit cell
        dphi = lambda zz: np.sin(k * zz + p0)
        rho = lambda zz: a * np.cos(2 * np.pi * zz / ll) + b * np.sin(2 * np.pi * zz / ll)
        G = lambda f: gauss_legendre(f, 0.0, thv, 0.5)
        return Observation({"T_full": ll * G(lambda yy: dphi(X + ll * yy) * rho(X + ll * yy) / ll),
                            "T_1": dphi(X) * G(lambda yy: rho(X + ll * yy)),
                            "T_2": G(lambda yy: (dphi(X + ll * yy) - dphi(X)) * rho(X + ll * yy))})
    return _claim("S-31/98", "partial_cell_integral_splits_into_terms_I_and_II", T_full, T_1 + T_2, mdl,
                  NumericCheck(instances=cells_with_test_functions, observe=observe, samples=30,
                               tolerance=Tolerance(rel=1e-10, abs=1e-12, reason="quadrature round-off"),
                               method="one partial cell (1-D, l^3 -> l, l^2 -> 1); each term by quadrature"),
                  symbolic_timeout=60)


@register("S-31/100")
def inner_surface_charge_identity():
    r"""(100): :math:`|S_l|\,\sigma_i=l^2\int_\triangle\rho_l\,dV_{\mathbf y}` with :math:`K_l=S_l/l^2`,
    :math:`\sigma_i=\int_\triangle\rho_l/K_l`."""
    S_l, I_tri = sp.symbols("S_l I_tri", positive=True)

    def observe(inst):
        ll = inst["l"]
        area = ll * ll * (0.2 + 0.8 * abs(np.sin(inst["X"])))                 # clipped face area |x^ + l box cap dOmega|
        Itri = gauss_legendre(lambda yy: 1.5 + np.sin(2 * np.pi * yy), 0.0, 0.7, 0.5)
        return Observation({"S_l": area, "I_tri": Itri, "l": ll,
                            "sigma_i": Itri / (area / ll**2)})
    sigma_i = sp.Symbol("sigma_i", real=True)
    return _claim("S-31/100", "partial_cell_area_times_sigma_i_equals_l2_times_partial_charge", S_l * sigma_i,
                  l**2 * I_tri, {sigma_i: I_tri / (S_l / l**2)},
                  NumericCheck(instances=cells_with_test_functions, observe=observe, samples=20, tolerance=_EXACT,
                               method="random clipped areas and partial-cell integrals; sigma_i by its definition"),
                  statement=r"\text{Term I}=\sum|S_l(\hat{\mathbf x})|\,\delta\phi(\hat{\mathbf x})\int_\triangle"
                            r"\frac{\rho_l}{K_l}dV_{\mathbf y},\ K_l=S_l/l^2\quad(100)", headline=False)


@register("S-31/99")
def inner_term_II_cauchy_schwarz():
    r"""(99), first inequality, per partial cell: :math:`|\int_\triangle u_l\rho_l|\le|u_l|_{L^2(\triangle)}
    |\rho_l|_{L^2(\triangle)}` (Cauchy-Schwarz)."""
    lhs_s, rhs_s = sp.symbols("TII_cell CS_bound", nonnegative=True)

    def observe(inst):
        ll, X, k, p0, a, b = (inst[q] for q in ("l", "X", "k", "phi_0", "c_1", "s_1"))
        thv = 0.5 + 0.3 * np.sin(X)
        u = lambda yy: np.sin(k * (X + ll * yy) + p0) - np.sin(k * X + p0)
        rho = lambda yy: a * np.cos(2 * np.pi * (X / ll + yy)) + b * np.sin(2 * np.pi * (X / ll + yy))
        G = lambda f: gauss_legendre(f, 0.0, thv, 0.25)
        return Observation({"TII_cell": abs(G(lambda yy: u(yy) * rho(yy))),
                            "CS_bound": np.sqrt(G(lambda yy: u(yy) ** 2)) * np.sqrt(G(lambda yy: rho(yy) ** 2))})
    return _claim("S-31/99", "inner_term_II_cell_bounded_by_cauchy_schwarz", lhs_s, rhs_s, {},
                  NumericCheck(instances=cells_with_test_functions, observe=observe, samples=30,
                               tolerance=Tolerance(rel=1e-10, abs=1e-14, reason="quadrature round-off"),
                               method="one partial cell; both sides by quadrature"),
                  relation=Relation.LE, sample_residual=False,
                  notes="Numeric only. The second inequality of (99) multiplies by the number of partial cells "
                        "times l^2, i.e. uses (86) with o(l^{-2}) (see S-27).")
