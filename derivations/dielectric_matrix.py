r"""Dielectric matrix at small q: Adler-Wiser :math:`\chi^0_{GG'}`, vertices, head/wing/body, inverse head.

Overview
    Sec. IV of Tantardini et al. (2025) builds the macroscopic dielectric function of a crystal from the
    long-wavelength density response: the perturbation (41)-(42), the Adler-Wiser sum (43), the Dyson equation
    (44)-(45), the inverse head (46)-(47), the small-q expansions of vertices and occupations (49)-(54), the head,
    wing and body orders (55)-(59), the length-gauge susceptibilities (60)-(63) and the head formula (65).
    Every relation is checked on a Rice-Mele chain read as a 3D crystal of charged sheets (so the 3D Coulomb
    kernel 4 pi/|q+G|^2 is exact and the cell "volume" is a), computed independently in k space (vertices from
    overlaps of cell-periodic parts at k and k + q), in real space (a finite ring, no band labels), and from
    interband position elements (length gauge).
Key claims
    PB-01 ... PB-17 and PB-19 (PB-18 and PB-20 ... PB-22 live in :mod:`derivations.gauge`).
Conventions
    Atomic units (e = hbar = m = 1, electron charge -1), spin 2 included in band sums, fields as e^{-i omega t}
    with omega -> z = omega + i eta, int dk/(2 pi) as (1/(N_k a)) sum_k. Small-q limits are taken by Richardson
    extrapolation from q and 2q (error orders stated at each tolerance).
References
    [1] C. Tantardini, Q. Pitteloud, B. Yakobson, M. P. Andersson, "Gauge-invariant long-wavelength TDDFT without
        empty states" (2025), Sec. IV, Eqs. (41)-(65).
    [2] S. L. Adler, Phys. Rev. 126, 413 (1962); N. Wiser, Phys. Rev. 129, 62 (1963).
"""

from __future__ import annotations

import numpy as np
import sympy as sp
from hypothesis import strategies as st
from sympy.physics.units import Dimension, energy, length

from derivcheck import Claim, NumericCheck, Observation, Tolerance, register, spec_entry
from numerics.lattice_response import (RiceMele, adler_wiser_chi0, band_velocity_moments, dyson_instances, fermi,
                                       fermi_derivative, length_gauge_alpha_cell, metallic_rice_mele_chains,
                                       rice_mele_chains, ring_density_response, transported_vertex)

__all__ = ["potential_represents_uniform_field", "perturbation_matches_dipole_coupling_as_printed",
           "perturbation_matches_dipole_coupling_charge_density", "adler_wiser_normalization_as_printed",
           "adler_wiser_normalization_bz_reading", "adler_wiser_normalization_corrected", "dyson_equation_holds",
           "coulomb_kernel_is_fourier_transform_of_one_over_r", "macroscopic_epsilon_is_inverse_of_inverse_head",
           "printed_epsilon_and_inverse_are_mutual_inverses", "inverse_of_inverse_epsilon_is_one_minus_vP",
           "chi0_splits_into_inter_and_intra", "vertex_cell_periodic_form_as_printed",
           "vertex_cell_periodic_form_corrected", "head_vertex_interband_expansion_as_printed",
           "head_vertex_interband_expansion_corrected", "head_vertex_intraband_expansion",
           "vertex_G_tends_to_S", "occupation_difference_intraband", "occupation_difference_interband",
           "interband_head_is_order_q2", "intraband_head_expansion", "wing_expansion_as_printed",
           "wing_expansion_corrected", "body_expansion", "body_expansion_corrected", "susceptibility_from_cell_polarizability",
           "permittivity_is_one_plus_susceptibility", "interband_susceptibility_as_printed",
           "interband_susceptibility_corrected", "intraband_susceptibility_as_printed",
           "intraband_susceptibility_corrected", "epsilon_M_from_irreducible_head",
           "epsilon_M_from_reducible_head"]

PAPER = "tantardini2025"

x, k = sp.symbols("x k", real=True)
q = sp.Symbol("q", real=True, nonzero=True)
E = sp.Symbol("E", complex=True)
phi_q = sp.Symbol("phi_q", complex=True)
Omega = sp.Symbol("Omega", positive=True)
omega = sp.Symbol("omega", complex=True)
e = sp.Symbol("e", positive=True)
hbar = sp.Symbol("hbar", positive=True)
eps0 = sp.Symbol("epsilon_0", positive=True)


def _claim(claim_id, name, lhs, rhs, *, observe=None, instances=None, tol=None, method="", samples=25,
           **kw) -> Claim:
    spec = spec_entry(claim_id.split("/")[0])
    numeric = None
    if observe is not None:
        numeric = NumericCheck(instances=instances, observe=observe, tolerance=tol, method=method, samples=samples)
    return Claim(id=claim_id, name=name, paper=PAPER, location=kw.pop("location", spec["location"]),
                 statement=kw.pop("statement", spec["statement"]), title=kw.pop("title", spec["title"]),
                 lhs=lhs, rhs=rhs, numeric=numeric, headline=kw.pop("headline", kw.get("corrects") is None),
                 **kw)


_ROUNDOFF = Tolerance(rel=1e-9, abs=1e-13, reason="exact identity on the same k grid / basis: round-off only")


def _rich0(fq, f2q):
    """Richardson limit q -> 0 of c(q) = c0 + c2 q^2 + O(q^4) from c(q), c(2q): error O(q^4)."""
    return (4 * fq - f2q) / 3


def _rich_lin(fq, f2q):
    """Linear coefficient times q of g(q) = c1 q + c2 q^2 + O(q^3) from g(q), g(2q): 2g(q) - g(2q)/2, error O(q^3)."""
    return 2 * fq - f2q / 2


# --- PB-01 --------------------------------------------------------------------------------------------------------
def _observe_pb01(inst) -> Observation:
    amp, m, L = inst
    n = 64
    xs = np.arange(n) * L / n
    qq = 2 * np.pi * m / L
    phi = amp * np.exp(1j * qq * xs)                                   # delta phi_q e^{iqx} on a periodic grid
    kk = 2 * np.pi * np.fft.fftfreq(n, d=L / n)
    Ex = -np.fft.ifft(1j * kk * np.fft.fft(phi))                       # E = -dphi/dx, spectral derivative
    return Observation({"phi_q": amp, "q": qq, "E": complex(np.mean(Ex * np.exp(-1j * qq * xs)))})


@register("PB-01")
def potential_represents_uniform_field() -> Claim:
    """Eq. (41): delta phi_q = i q.E/q^2 for E = -grad(phi_q e^{iqr}), E parallel to q (1D)."""
    return _claim("PB-01", "long_wavelength_potential_amplitude_is_i_qE_over_q2", phi_q, sp.I * q * E / q**2,
                  definitions={E: sp.simplify(-sp.diff(phi_q * sp.exp(sp.I * q * x), x) * sp.exp(-sp.I * q * x))},
                  observe=_observe_pb01, tol=_ROUNDOFF,
                  instances=lambda: st.tuples(st.complex_numbers(min_magnitude=1e-3, max_magnitude=1e3),
                                              st.integers(-20, 20).filter(bool), st.floats(0.5, 50.0)),
                  method="phi_q e^{iqx} on a 64-point periodic grid; E(x) = -dphi/dx by FFT differentiation "
                         "(exact for the resolved mode); E's amplitude by projection on e^{iqx}")


# --- PB-02 --------------------------------------------------------------------------------------------------------
F42, F2 = sp.symbols("F_42 F_2", complex=True)      # slopes d/dx of the per-electron perturbation, q -> 0


def _observe_pb02(inst, sign=+1) -> Observation:
    Ef, x1, dx = inst
    qq = 1e-7                                        # q -> 0: the O(q x) remainder is < 1e-5 relative
    dphi = 1j * Ef / qq                              # Eq. (41)
    V = lambda xx: sign * dphi * np.exp(1j * qq * xx)  # noqa: E731  Eq. (42), one electron at xx
    slope42 = (V(x1 + dx) - V(x1)) / dx
    phi = lambda xx: -Ef * xx                        # noqa: E731  electrostatics: uniform field E = -dphi/dx
    U = lambda xx: -1.0 * phi(xx)                    # noqa: E731  energy of the electron's charge -1
    return Observation({"F_42": complex(slope42), "F_2": (U(x1 + dx) - U(x1)) / dx})


_PB02_TOL = Tolerance(rel=1e-4, abs=0.0, reason="q = 1e-7 with |x| <= 10: the neglected O(q x) terms of "
                                                  "e^{iqx} are < 1e-6 relative; finite differences of linear "
                                                  "functions are exact up to round-off amplified by 1/q (~1e-8)")


def _pb02_instances():
    return st.tuples(st.floats(-10.0, 10.0).filter(lambda v: abs(v) > 1e-3), st.floats(-10.0, 10.0),
                     st.floats(0.1, 1.0))


@register("PB-02")
def perturbation_matches_dipole_coupling_as_printed() -> Claim:
    """Eq. (42) with n the electron number density (as in the density-density response (43)), expanded to first
    order in q, against Eq. (2), delta H = -E.mu with mu = -sum r_i."""
    qq = sp.Symbol("q", positive=True)
    slope = sp.limit(sp.diff(sp.I * qq * E / qq**2 * sp.exp(sp.I * qq * x), x), qq, 0)
    return _claim("PB-02", "long_wavelength_perturbation_reduces_to_dipole_coupling_number_density", F42, F2,
                  definitions={F42: slope, F2: sp.diff(-E * (-x), x)}, observe=_observe_pb02,
                  instances=_pb02_instances, tol=_PB02_TOL,
                  method="one electron at random x; Eq. (42) per electron with n a number density, at q = 1e-7, "
                         "slope by a finite difference; rhs: electrostatic energy -phi(x) of charge -1 in the "
                         "uniform field (the content of Eq. 2)",
                  notes="Reading: n-hat is the electron number density (the operator whose response (43) "
                        "describes, with vertices e^{-i(q+G).r} and no charge). Then (42) gives +phi per electron, "
                        "the potential energy of a charge +1: its q -> 0 expansion is -E.r per electron = +E.mu, "
                        "the opposite of (2). With n-hat the charge density (PB-02/charge) it agrees.")


@register("PB-02/charge")
def perturbation_matches_dipole_coupling_charge_density() -> Claim:
    """Eq. (42) with n the electron charge density (-1 times the number density) against Eq. (2)."""
    qq = sp.Symbol("q", positive=True)
    slope = sp.limit(sp.diff(-sp.I * qq * E / qq**2 * sp.exp(sp.I * qq * x), x), qq, 0)
    return _claim("PB-02/charge", "long_wavelength_perturbation_reduces_to_dipole_coupling_charge_density",
                  F42, F2, definitions={F42: slope, F2: sp.diff(-E * (-x), x)},
                  observe=lambda inst: _observe_pb02(inst, sign=-1), instances=_pb02_instances, tol=_PB02_TOL,
                  method="as PB-02, with n-hat = -(number density)", headline=False,
                  statement=r"\delta\hat V=\int d\mathbf r\,\hat n(\mathbf r)\,\delta\phi_{\mathbf q}(\omega)"
                            r"e^{i\mathbf q\cdot\mathbf r}\ (\hat n=\text{charge density})\ \to\ "
                            r"-\mathbf E\cdot\hat{\boldsymbol\mu}")


# --- PB-03 --------------------------------------------------------------------------------------------------------
chi0 = sp.Symbol("chi_0", complex=True)
I43 = sp.Symbol("I_43", complex=True)               # int_BZ d^dk/(2pi)^d sum_nm (summand of Eq. 43)
Omega_BZ = sp.Symbol("Omega_BZ", positive=True)
_DIMS_43 = {chi0: 1 / (energy * length**3), I43: 1 / (energy * length**3), Omega: length**3,
            Omega_BZ: 1 / length**3}


def _ring_instances():
    return st.tuples(st.one_of(rice_mele_chains(), metallic_rice_mele_chains()), st.integers(16, 60),
                     st.integers(1, 8), st.one_of(st.just(0.5), st.floats(0.0, 4.0)))


def _observe_pb03(inst) -> Observation:
    m, N, qi, w = inst
    qi = min(qi, N // 2)
    zz = complex(w, m.eta)
    qq = 2 * np.pi * qi / (N * m.a)
    return Observation({"chi_0": ring_density_response(m, N, qi, zz),
                        "I_43": adler_wiser_chi0(m, qq, zz, n_k=N), "Omega": m.a, "Omega_BZ": 2 * np.pi / m.a})


_PB03_METHOD = ("Rice-Mele chains (insulators at T = 0 and two-band metals at T > 0), rings of N = 16-60 cells: "
                "chi_0 = density-density response per length of the ring in real space (2N x 2N "
                "diagonalization, no band labels); I_43 = the k sum (1/(N a)) sum_k of the summand of Eq. (43) "
                "on the ring's N k points, vertices from cell-periodic overlaps; Omega = a (cell), "
                "Omega_BZ = 2 pi/a")


@register("PB-03")
def adler_wiser_normalization_as_printed() -> Claim:
    """Eq. (43) with Omega the cell volume: chi0 = (2/Omega) int_BZ d^3k/(2pi)^3 sum_nm (...)."""
    return _claim("PB-03", "adler_wiser_chi0_prefactor_two_over_cell_volume_as_printed", chi0, 2 / Omega * I43,
                  observe=_observe_pb03, instances=_ring_instances, tol=_ROUNDOFF, method=_PB03_METHOD,
                  dimensions=_DIMS_43, sample_residual=False,
                  notes="int_BZ d^3k/(2pi)^3 already equals (1/(N_k Omega_cell)) sum_k, so the extra 1/Omega "
                        "divides once more by the volume: dimensions 1/(energy volume^2) instead of the "
                        "1/(energy volume) of a density response; numerically off by the factor 1/a. Repaired: "
                        "PB-03/fix. The 'BZ volume' reading is PB-03/bz.")


@register("PB-03/bz")
def adler_wiser_normalization_bz_reading() -> Claim:
    """Eq. (43) with Omega read as the volume of the first Brillouin zone (the printed gloss)."""
    return _claim("PB-03/bz", "adler_wiser_chi0_prefactor_two_over_bz_volume_as_printed", chi0,
                  2 / Omega_BZ * I43, observe=_observe_pb03, instances=_ring_instances, tol=_ROUNDOFF,
                  method=_PB03_METHOD, dimensions=_DIMS_43, sample_residual=False, headline=False)


@register("PB-03/fix")
def adler_wiser_normalization_corrected() -> Claim:
    """Eq. (43) repaired: chi0 = 2 int_BZ d^3k/(2pi)^3 sum_nm (...) = (2/(N_k Omega)) sum_k sum_nm (...)."""
    return _claim("PB-03/fix", "adler_wiser_chi0_prefactor_two_times_bz_average", chi0, 2 * I43,
                  observe=_observe_pb03, instances=_ring_instances, tol=_ROUNDOFF, method=_PB03_METHOD,
                  dimensions=_DIMS_43, sample_residual=False, corrects="PB-03",
                  statement=r"\chi^0_{GG'}(\mathbf q,\omega)=2\sum_{nm}\int_{\rm BZ}\frac{d^3k}{(2\pi)^3}"
                            r"\frac{f_{n\mathbf k}-f_{m,\mathbf k+\mathbf q}}{\hbar\omega+\varepsilon_{n\mathbf k}"
                            r"-\varepsilon_{m,\mathbf k+\mathbf q}+i0^+}\Gamma^G_{nm}\overline{\Gamma^{G'}_{nm}}")


# --- PB-04 --------------------------------------------------------------------------------------------------------
chi_p, chi0_p, T_p = sp.symbols("chi_p chi0_p T_p", real=True)   # u^T chi w, u^T chi0 w, u^T chi0 (v+f) chi w
c0s, Ks = sp.symbols("c_0 K", real=True)


def _observe_pb04(inst) -> Observation:
    n = inst.chi0.shape[0]
    K = inst.v + inst.fxc
    dv = inst.right                                     # an external potential
    dn = np.zeros(n)
    # self-consistent density response: dn = chi0 (dv + (v + f_xc) dn), solved by damped (Anderson-free) iteration
    A = np.eye(n) - inst.chi0 @ K
    dn = np.linalg.solve(A, inst.chi0 @ dv)
    chi = np.linalg.solve(A, inst.chi0)
    return Observation({"chi_p": float(inst.left @ dn), "chi0_p": float(inst.left @ inst.chi0 @ dv),
                        "T_p": float(inst.left @ inst.chi0 @ K @ chi @ dv)})


@register("PB-04/dyson")
def dyson_equation_holds() -> Claim:
    """Eq. (44): chi = chi0 + chi0 (v + f_xc) chi, for the self-consistent density response."""
    return _claim("PB-04/dyson", "density_response_obeys_dyson_equation", chi_p, chi0_p + T_p,
                  definitions={chi_p: c0s / (1 - c0s * Ks), chi0_p: c0s, T_p: c0s * Ks * c0s / (1 - c0s * Ks)},
                  observe=_observe_pb04, instances=dyson_instances, tol=_ROUNDOFF, headline=True,
                  method="random static chi0 (negative semidefinite), f_xc, positive diagonal v (sizes 3-12); "
                         "chi applied to an external potential = self-consistent density response "
                         "dn = chi0 (dv + (v + f_xc) dn) solved linearly; projected on a random vector",
                  statement=r"\chi=\chi^0+\chi^0(v+f_{\rm xc})\chi",
                  notes="Symbolic model: a 1 x 1 (head-only) matrix with kernel K = v + f_xc. Numerically the "
                        "matrix relation is tested through the projections u^T (.) w.")


vft, kk_, mu_ = sp.Symbol("v_FT", positive=True), sp.Symbol("k", positive=True), sp.Symbol("mu", positive=True)
rr = sp.Symbol("r", positive=True)


def _observe_pb04v(kval) -> Observation:
    from scipy.integrate import quad
    vals = []
    for mu in (1e-2 * kval, 2e-2 * kval):           # Yukawa screening mu -> 0 (Richardson in mu^2)
        s, _ = quad(lambda r: np.exp(-mu * r), 0, np.inf, weight="sin", wvar=kval)
        vals.append(4 * np.pi / kval * s)           # 3D FT of e^{-mu r}/r: (4 pi/k) int sin(kr) e^{-mu r} dr
    return Observation({"v_FT": (4 * vals[0] - vals[1]) / 3, "k": kval})


@register("PB-04/v")
def coulomb_kernel_is_fourier_transform_of_one_over_r() -> Claim:
    """Eq. (45): v(q + G) = 4 pi/|q + G|^2 (Hartree a.u.), the Fourier transform of 1/r."""
    radial = 4 * sp.pi / kk_ * sp.integrate(sp.sin(kk_ * rr) * sp.exp(-mu_ * rr), (rr, 0, sp.oo), conds="none")
    return _claim("PB-04/v", "coulomb_kernel_is_four_pi_over_q_squared", vft, 4 * sp.pi / kk_**2,
                  definitions={vft: sp.limit(radial, mu_, 0)}, observe=_observe_pb04v,
                  instances=lambda: st.floats(1e-3, 1e3),
                  tol=Tolerance(rel=1e-7, reason="QAWF Fourier quadrature (rel. error ~1e-10) of the Yukawa "
                                                 "transform at mu = 0.01 k, 0.02 k, Richardson-extrapolated in "
                                                 "mu^2: remainder O((mu/k)^4) = 1e-8"),
                  method="3D Fourier transform of the Yukawa potential e^{-mu r}/r by oscillatory quadrature, "
                         "extrapolated to mu -> 0", headline=False,
                  statement=r"v_{GG'}(\mathbf q)=\frac{4\pi}{|\mathbf q+\mathbf G|^2}\delta_{GG'}")


# --- PB-05 / PB-06: inverse head ---------------------------------------------------------------------------------
def _gvecs(m: RiceMele, nG: int = 2):
    return 2 * np.pi / m.a * np.arange(-nG, nG + 1)


def _chi0_matrix(m: RiceMele, qq: float, zz: complex, n_k: int = 128) -> np.ndarray:
    """Adler-Wiser chi0_{GG'} with the repaired normalization (PB-03/fix), G in {-2..2} 2pi/a."""
    G = _gvecs(m)
    return np.array([[2 * adler_wiser_chi0(m, qq, zz, g, gp, n_k=n_k) for gp in G] for g in G])


def _observe_pb05(inst) -> Observation:
    m, w = inst
    qq = 0.02 * 2 * np.pi / m.a
    zz = complex(w, m.eta)
    c0 = _chi0_matrix(m, qq, zz)
    G = _gvecs(m)
    v = np.diag(4 * np.pi / (qq + G) ** 2)
    eps = np.eye(len(G)) - v @ c0
    i0 = len(G) // 2
    body = np.delete(np.delete(eps, i0, 0), i0, 1)
    wing_l, wing_r = np.delete(eps[i0], i0), np.delete(eps[:, i0], i0)
    # macroscopic epsilon with self-consistent microscopic fields: no external potential at G != 0 forces
    # V_tot,G = -(eps_body)^{-1} eps_G0 V_tot,0, so V_ext,0 = (eps_00 - wing (body)^{-1} wing) V_tot,0
    eps_M = eps[i0, i0] - wing_l @ np.linalg.solve(body, wing_r)
    return Observation({"epsilon_M": complex(eps_M), "epsinv_00": complex(np.linalg.inv(eps)[i0, i0])})


epsM, epsinv00 = sp.symbols("epsilon_M epsinv_00", complex=True)
vv, fx = sp.symbols("v f_xc", real=True)


@register("PB-05")
def macroscopic_epsilon_is_inverse_of_inverse_head() -> Claim:
    """Eq. (46): eps_M = 1/eps^{-1}_00 (q -> 0)."""
    return _claim("PB-05", "macroscopic_epsilon_is_inverse_of_inverse_head", epsM, 1 / epsinv00,
                  definitions={epsM: 1 - vv * c0s, epsinv00: 1 / (1 - vv * c0s)},
                  observe=_observe_pb05, instances=lambda: st.tuples(rice_mele_chains(), st.floats(0.0, 3.0)),
                  tol=Tolerance(rel=1e-8, reason="5 x 5 dense linear algebra on well-conditioned matrices: "
                                                 "round-off (condition numbers < 1e4)"),
                  method="Rice-Mele insulators: RPA eps_{GG'} = delta - v chi0 with chi0 from Adler-Wiser "
                         "(G = -2..2 x 2pi/a, q = 0.02 x 2pi/a); eps_M as the macroscopic response with "
                         "self-consistent microscopic fields (Schur complement, no external G != 0 potential); "
                         "eps^{-1}_00 by matrix inversion",
                  notes="Symbolic model: a 1 x 1 RPA dielectric matrix (no local fields).")


v_chi, v_P, delta_GG, eps_from_inv = sp.symbols("v_chi v_P delta_GG eps_from_inverse", complex=True)


def _observe_pb06(inst) -> Observation:
    n = inst.chi0.shape[0]
    K = inst.v + inst.fxc
    chi = np.linalg.solve(np.eye(n) - inst.chi0 @ K, inst.chi0)           # Eq. (44)
    P = np.linalg.solve(np.eye(n) - inst.chi0 @ inst.fxc, inst.chi0)      # irreducible polarizability
    return Observation({"eps_from_inverse": np.linalg.inv(np.eye(n) + inst.v @ chi), "delta_GG": np.eye(n),
                        "v_chi": inst.v @ chi, "v_P": inst.v @ P})


_PB06_DEFS = {eps_from_inv: 1 / (1 + vv * c0s / (1 - c0s * (vv + fx))), delta_GG: 1,
              v_chi: vv * c0s / (1 - c0s * (vv + fx)), v_P: vv * c0s / (1 - c0s * fx)}


@register("PB-06")
def printed_epsilon_and_inverse_are_mutual_inverses() -> Claim:
    """Eq. (47): eps^{-1} = 1 + v chi and eps = 1 - v chi, i.e. (1 + v chi)^{-1} = 1 - v chi."""
    return _claim("PB-06", "epsilon_one_minus_v_chi_is_inverse_of_one_plus_v_chi_as_printed", eps_from_inv,
                  delta_GG - v_chi, definitions=_PB06_DEFS, observe=_observe_pb06, instances=dyson_instances,
                  tol=Tolerance(rel=1e-8, abs=1e-12, reason="dense inversion of matrices of size <= 12: round-off"),
                  method="random static chi0, f_xc, v (sizes 3-12); chi from Eq. (44); the inverse of the printed "
                         "eps^{-1} = 1 + v chi compared elementwise with the printed eps = 1 - v chi",
                  notes="(1 + v chi)(1 - v chi) = 1 - (v chi)^2, not 1: the printed pair are not inverses. The "
                        "inverse of 1 + v chi is 1 - v P with P = (1 - chi0 f_xc)^{-1} chi0 (PB-06/fix).")


@register("PB-06/fix")
def inverse_of_inverse_epsilon_is_one_minus_vP() -> Claim:
    """Eq. (47) repaired: eps^{-1} = 1 + v chi, eps = 1 - v P, P = (1 - chi0 f_xc)^{-1} chi0 (P = chi0 in RPA)."""
    return _claim("PB-06/fix", "inverse_of_one_plus_v_chi_is_one_minus_v_P", eps_from_inv, delta_GG - v_P,
                  definitions=_PB06_DEFS, observe=_observe_pb06, instances=dyson_instances, corrects="PB-06",
                  tol=Tolerance(rel=1e-8, abs=1e-12, reason="dense inversion of matrices of size <= 12: round-off"),
                  method="as PB-06, against 1 - v P",
                  statement=r"\varepsilon^{-1}=1+v\chi,\quad\varepsilon=1-vP,\quad P=(1-\chi^0f_{\rm xc})^{-1}\chi^0")


# --- PB-07 --------------------------------------------------------------------------------------------------------
T00, T01, T10, T11 = sp.symbols("T_00 T_01 T_10 T_11", complex=True)
chi_all, chi_inter, chi_intra = sp.symbols("chi_all chi_inter chi_intra", complex=True)


def _observe_pb07(inst) -> Observation:
    m, N, qi, w = inst
    qi = min(qi, N // 2)
    zz = complex(w, m.eta)
    qq = 2 * np.pi * qi / (N * m.a)
    return Observation({"chi_all": ring_density_response(m, N, qi, zz),
                        "chi_inter": 2 * adler_wiser_chi0(m, qq, zz, n_k=N, bands="inter"),
                        "chi_intra": 2 * adler_wiser_chi0(m, qq, zz, n_k=N, bands="intra")})


@register("PB-07")
def chi0_splits_into_inter_and_intra() -> Claim:
    """Eq. (48): chi0 = chi0_inter + chi0_intra (n != m and n = m terms of Eq. 43)."""
    return _claim("PB-07", "chi0_is_sum_of_interband_and_intraband_parts", chi_all, chi_inter + chi_intra,
                  definitions={chi_all: T00 + T01 + T10 + T11, chi_inter: T01 + T10, chi_intra: T00 + T11},
                  observe=_observe_pb07, instances=_ring_instances, tol=_ROUNDOFF,
                  method="Rice-Mele rings: chi0 of the whole ring in real space (no band labels) against the "
                         "n != m and n = m parts of the k sum on the ring's k points")


# --- PB-08 --------------------------------------------------------------------------------------------------------
Gam, Gam_printed = sp.symbols("Gamma Gamma_printed", complex=True)
a_s, b_s = sp.Symbol("a", positive=True), sp.Symbol("b", positive=True)
jG, ncell = sp.Symbol("j", integer=True), sp.Symbol("n", integer=True)
cn = sp.symbols("cn_A cn_B", complex=True)
cm = sp.symbols("cm_A cm_B", complex=True)


def _pb08_model(printed: bool):
    G = 2 * sp.pi * jG / a_s
    tau = (0, b_s)
    bloch = sum(sp.conjugate(cn[s]) * cm[s] * sp.exp(-sp.I * k * (ncell * a_s + tau[s]))
                * sp.exp(-sp.I * (q + G) * (ncell * a_s + tau[s])) * sp.exp(sp.I * (k + q) * (ncell * a_s + tau[s]))
                for s in range(2))                    # cell n of <n k|e^{-i(q+G)x}|m,k+q> (identical for every n)
    cell = sum(sp.conjugate(cn[s]) * cm[s] * sp.exp(-sp.I * G * tau[s])
               * (sp.exp(-sp.I * q * tau[s]) if printed else 1) for s in range(2))
    return {Gam: sp.expand(sp.powsimp(sp.expand(bloch))), Gam_printed: cell}


def _observe_pb08(inst) -> Observation:
    m, N, qi, kj, g, n = inst
    qi = min(qi, N - 1)
    kvec = m.kgrid(N)
    kk = kvec[kj % N]
    qq = 2 * np.pi * qi / (N * m.a)
    G = 2 * np.pi * g / m.a
    H, xs = m.ring(N)
    _, u0 = m.bands(np.array([kk]))
    _, u1 = m.bands(np.array([kk + qq]))
    mm = 1                                          # band pair (n, 1), n drawn
    psi_n = np.tile(u0[0, :, n], N) * np.exp(1j * kk * xs) / np.sqrt(N)        # Bloch state on the ring
    psi_m = np.tile(u1[0, :, mm], N) * np.exp(1j * (kk + qq) * xs) / np.sqrt(N)
    lhs = np.vdot(psi_n, np.exp(-1j * (qq + G) * xs) * psi_m)                 # <n k|e^{-i(q+G)x}|m,k+q>
    un = (np.exp(-1j * kk * xs) * psi_n * np.sqrt(N))[:2]                      # cell-periodic parts, cell 0
    um = (np.exp(-1j * (kk + qq) * xs) * psi_m * np.sqrt(N))[:2]
    printed = np.vdot(un, np.exp(-1j * G * xs[:2]) * np.exp(-1j * qq * xs[:2]) * um)
    fixed = np.vdot(un, np.exp(-1j * G * xs[:2]) * um)
    return Observation({"Gamma": complex(lhs), "Gamma_printed": complex(printed), "Gamma_fixed": complex(fixed)})


def _pb08_instances():
    return st.tuples(rice_mele_chains(), st.integers(8, 40), st.integers(1, 20), st.integers(0, 40),
                     st.integers(-2, 2), st.integers(0, 1))


@register("PB-08")
def vertex_cell_periodic_form_as_printed() -> Claim:
    """Eq. (49): <n k|e^{-i(q+G).r}|m,k+q> = <u_nk|e^{-iG.r} e^{-iq.r}|u_m,k+q>."""
    return _claim("PB-08", "charge_vertex_equals_cell_bracket_with_extra_exp_minus_iqr_as_printed",
                  Gam, Gam_printed, definitions=_pb08_model(True), observe=_observe_pb08, sample_residual=False,
                  instances=_pb08_instances, tol=_ROUNDOFF,
                  method="Rice-Mele ring of N cells: explicit Bloch states psi = u e^{ikx}/sqrt(N) built from the "
                         "k-space eigenvectors; lhs by the sum over all 2N sites; rhs as printed, a bracket of "
                         "cell-periodic parts over one cell (sites at 0 and b)",
                  notes="e^{-ik.r} e^{-i(q+G).r} e^{i(k+q).r} = e^{-iG.r}: the q phases cancel, leaving "
                        "<u_nk|e^{-iG.r}|u_m,k+q>. The printed extra e^{-iq.r} makes the bracket depend on the "
                        "positions inside the cell (and on the origin); it differs at O(q) whenever b != 0. "
                        "(Read as a bracket over the whole crystal, the printed rhs even vanishes for q not in "
                        "the reciprocal lattice.) Repaired: PB-08/fix.")


@register("PB-08/fix")
def vertex_cell_periodic_form_corrected() -> Claim:
    """Eq. (49) repaired: <n k|e^{-i(q+G).r}|m,k+q> = <u_nk|e^{-iG.r}|u_m,k+q>."""
    gf = sp.Symbol("Gamma_fixed", complex=True)
    return _claim("PB-08/fix", "charge_vertex_equals_cell_bracket_of_periodic_parts", Gam, gf,
                  definitions={**_pb08_model(False), gf: _pb08_model(False)[Gam_printed]},
                  observe=_observe_pb08, instances=_pb08_instances, tol=_ROUNDOFF, corrects="PB-08",
                  method="as PB-08", statement=r"\Gamma^G_{nm}(\mathbf k;\mathbf q)=\langle u_{n\mathbf k}|"
                                               r"e^{-i\mathbf G\cdot\mathbf r}|u_{m,\mathbf k+\mathbf q}\rangle")


# --- PB-09 / PB-10: vertex expansions ----------------------------------------------------------------------------
r_nm, A_n, dlt = sp.Symbol("r_nm", complex=True), sp.Symbol("A_n", real=True), sp.Symbol("delta_nm", integer=True,
                                                                                          nonnegative=True)
Gam_lin = sp.Symbol("Gamma_lin", complex=True)
_QS = 2e-4                                            # small q of the Richardson steps (q v/eta < 1e-2)


def _vertex(m, kk, qq, n, mm, G=0.0, transport=True):
    v, _, _ = transported_vertex(m, np.array([kk]), qq, G) if transport else (None, None, None)
    if transport:
        return complex(v[0, n, mm])
    _, u0 = m.bands(np.array([kk]))
    _, u1 = m.bands(np.array([kk + qq]))
    return complex(np.vdot(u0[0, :, n], np.exp(-1j * G * m.tau) * u1[0, :, mm]))


def _observe_pb09(inst, inter=True) -> Observation:
    m, kfrac = inst
    kk = (kfrac - 0.5) * 2 * np.pi / m.a
    n, mm = (0, 1) if inter else (0, 0)
    transport = inter
    g1, g2 = _vertex(m, kk, _QS, n, mm, transport=transport), _vertex(m, kk, 2 * _QS, n, mm, transport=transport)
    d = 1.0 if n == mm else 0.0
    lin = _rich_lin(g1 - d, g2 - d) + d              # delta + (linear term at q): the O(q^2) part removed
    e, u = m.bands(np.array([kk]))
    vel = np.vdot(u[0, :, n], m.h(np.array([kk]), 1)[0] @ u[0, :, 1])
    r = 1j * vel / (e[0, 1] - e[0, 0]) if inter else 0.0     # r_nm = i <u_n|d_k u_m> = i v_nm/(e_m - e_n)
    h = 1e-5
    _, up = m.bands(np.array([kk + h]))
    _, um_ = m.bands(np.array([kk - h]))
    A = float((1j * np.vdot(u[0, :, n], (up[0, :, n] - um_[0, :, n]) / (2 * h))).real)  # Berry connection
    if transport:
        A = 0.0                                       # parallel-transport gauge at k: <u_n|d_k u_n> = 0
    return Observation({"Gamma_lin": lin, "delta_nm": int(d), "q": _QS, "A_n": A, "r_nm": complex(r)})


_PB09_TOL = Tolerance(rel=2e-6, abs=1e-12,
                      reason="Richardson removal of the O(q^2) term at q = 2e-4 leaves O(q^3) < 1e-10 absolute; the "
                             "central-difference Berry connection (h = 1e-5) errs by O(h^2) = 1e-10, times q")


def _pb09_instances():
    return st.tuples(rice_mele_chains(), st.floats(0.0, 1.0))


@register("PB-09/inter")
def head_vertex_interband_expansion_as_printed() -> Claim:
    """Eq. (52) for n != m: Gamma^0_nm = -i q.[0 - r_nm] + O(q^2) = +i q r_nm."""
    return _claim("PB-09/inter", "head_vertex_interband_term_is_plus_i_q_r_as_printed", Gam_lin,
                  dlt - sp.I * q * (dlt * A_n - r_nm), observe=lambda i: _observe_pb09(i, True),
                  instances=_pb09_instances, tol=_PB09_TOL, sample_residual=False,
                  method="Rice-Mele insulators, random k: Bloch vertex <u_0k|u_1,k+q> with u_1 parallel-"
                         "transported from k, at q and 2q; Richardson gives delta + the linear term; r_01 from "
                         "(50) via r_nm = i v_nm/(e_m - e_n), v = dH/dk",
                  statement=r"\Gamma^0_{nm}(\mathbf k;\mathbf q)=\delta_{nm}-i\,\mathbf q\cdot\Big[\delta_{nm}"
                            r"\mathbf A_n(\mathbf k)-\mathbf r_{nm}(\mathbf k)\Big]+\mathcal O(q^2)\quad(n\neq m)",
                  notes="<u_n|u_{m,k+q}> = delta_nm + q <u_n|d_k u_m> = delta_nm - i q (delta_nm A_n + r_nm): the "
                        "interband term enters with -i q r_nm, not +i q r_nm. (The printed rhs of (49), with its "
                        "extra e^{-iq.r}, adds a further origin-dependent -i q <u_n|r|u_m>.) Repaired: "
                        "PB-09/fix; the wing (58) inherits the sign (PB-14/wing).")


@register("PB-09/fix")
def head_vertex_interband_expansion_corrected() -> Claim:
    """Eq. (52) repaired: Gamma^0_nm = delta_nm - i q.[delta_nm A_n + r_nm] + O(q^2)."""
    return _claim("PB-09/fix", "head_vertex_expansion_with_plus_r", Gam_lin, dlt - sp.I * q * (dlt * A_n + r_nm),
                  observe=lambda i: _observe_pb09(i[:2], i[2]),
                  instances=lambda: st.tuples(rice_mele_chains(), st.floats(0.0, 1.0), st.booleans()),
                  tol=_PB09_TOL, sample_residual=False, corrects="PB-09/inter",
                  method="as PB-09/inter for n != m and as PB-09/intra for n = m (both drawn), so the delta_nm "
                         "terms are exercised",
                  statement=r"\Gamma^0_{nm}(\mathbf k;\mathbf q)=\delta_{nm}-i\,\mathbf q\cdot\big[\delta_{nm}"
                            r"\mathbf A_n(\mathbf k)+\mathbf r_{nm}(\mathbf k)\big]+\mathcal O(q^2)")


@register("PB-09/intra")
def head_vertex_intraband_expansion() -> Claim:
    """Eq. (52) for n = m: Gamma^0_nn = 1 - i q A_n + O(q^2)."""
    return _claim("PB-09/intra", "head_vertex_intraband_term_is_minus_i_q_berry_connection", Gam_lin,
                  dlt - sp.I * q * (dlt * A_n - r_nm), observe=lambda i: _observe_pb09(i, False),
                  instances=_pb09_instances, tol=_PB09_TOL, sample_residual=False,
                  method="Rice-Mele insulators, random k: <u_0k|u_0,k+q> in the fixed gauge (first component "
                         "real); Berry connection A_0 = i<u|d_k u> by central differences; r_00 := 0 (n = m)",
                  statement=r"\Gamma^0_{nn}(\mathbf k;\mathbf q)=1-i\,\mathbf q\cdot\mathbf A_n(\mathbf k)"
                            r"+\mathcal O(q^2)")


S_G = sp.Symbol("S_G", complex=True)
Gam0 = sp.Symbol("Gamma_G_q0", complex=True)


def _observe_pb10(inst) -> Observation:
    m, kfrac, g, n, mm = inst
    kk = (kfrac - 0.5) * 2 * np.pi / m.a
    G = 2 * np.pi * g / m.a
    g1, g2 = _vertex(m, kk, _QS, n, mm, G), _vertex(m, kk, 2 * _QS, n, mm, G)
    e, u = m.bands(np.array([kk]))
    S = np.vdot(u[0, :, n], np.exp(-1j * G * m.tau) * u[0, :, mm])
    return Observation({"Gamma_G_q0": 2 * g1 - g2, "S_G": complex(S)})  # linear extrapolation to q = 0


@register("PB-10")
def vertex_G_tends_to_S() -> Claim:
    """Eq. (53): Gamma^{G != 0}_nm(k; q) = S^G_nm(k) + O(q)."""
    return _claim("PB-10", "vertex_at_G_tends_to_S_G_as_q_vanishes", Gam0, S_G, observe=_observe_pb10,
                  instances=lambda: st.tuples(rice_mele_chains(), st.floats(0.0, 1.0),
                                              st.sampled_from([-2, -1, 1, 2]), st.integers(0, 1), st.integers(0, 1)),
                  tol=Tolerance(rel=1e-6, abs=1e-9, reason="linear extrapolation 2 Gamma(q) - Gamma(2q) at "
                                                           "q = 2e-4 leaves O(q^2) = 4e-8 times |d^2 Gamma/dq^2|"),
                  sample_residual=False,
                  method="Rice-Mele insulators, random k, G = +-1, +-2 x 2pi/a: Bloch vertices (states at k + q "
                         "parallel-transported) at q and 2q, extrapolated to q = 0; S^G from the eigenvectors at k")


# --- PB-11: occupations ------------------------------------------------------------------------------------------
fdiff, gradf, f_n, f_m = sp.symbols("f_diff grad_f f_n f_m", real=True)
tt, mus, Ts = sp.Symbol("t", positive=True), sp.Symbol("mu", real=True), sp.Symbol("T", positive=True)


def _F(kv, shift=0):
    return 1 / (sp.exp((-2 * tt * sp.cos((kv) * a_s) + shift - mus) / Ts) + 1)


def _observe_pb11(inst, intra=True) -> Observation:
    m, kfrac = inst
    kk = (kfrac - 0.5) * 2 * np.pi / m.a
    qq = 1e-5 if intra else 1e-4   # intra: Richardson remainder relative to q f' is q^2 (v/T)^2 / 3 (PB-11/intra)

    def occ(kv, band):
        e, _ = m.bands(np.array([kv]))
        return float(fermi(e[0, band], m.mu, m.T))
    if intra:
        d1, d2 = occ(kk, 0) - occ(kk + qq, 0), occ(kk, 0) - occ(kk + 2 * qq, 0)
        e, u = m.bands(np.array([kk]))
        v = float(np.vdot(u[0, :, 0], m.h(np.array([kk]), 1)[0] @ u[0, :, 0]).real)  # Hellmann-Feynman
        return Observation({"f_diff": _rich_lin(d1, d2), "grad_f": float(fermi_derivative(e[0, 0], m.mu, m.T)) * v,
                            "q": qq})
    d1, d2 = occ(kk, 0) - occ(kk + qq, 1), occ(kk, 0) - occ(kk + 2 * qq, 1)
    return Observation({"f_diff": 2 * d1 - d2, "f_n": occ(kk, 0), "f_m": occ(kk, 1)})


@register("PB-11/intra")
def occupation_difference_intraband() -> Claim:
    """Eq. (54), n = m: f_nk - f_n,k+q = -q.grad_k f_nk + O(q^2)."""
    F = _F(k)
    return _claim("PB-11/intra", "intraband_occupation_difference_is_minus_q_grad_f", fdiff, -q * gradf,
                  definitions={fdiff: sp.series(F - _F(k + q), q, 0, 2).removeO(), gradf: sp.diff(F, k)},
                  observe=_observe_pb11, instances=lambda: st.tuples(metallic_rice_mele_chains(), st.floats(0, 1)),
                  tol=Tolerance(rel=1e-6, abs=1e-12, reason="Richardson linear term 2g(q) - g(2q)/2 at q = 1e-5: "
                                "remainder q^3 f'''/3, relative to q f' that is q^2 (v/T)^2/3 <= 3e-7 for v/T <= 100; "
                                "round-off 1e-16/(q |f'|) << 1e-6"),
                  method="two-band metals at T > 0: Fermi occupations of the lower band at k, k + q, k + 2q "
                         "(q = 1e-5), linear term by Richardson; grad f = f'(e) v with v = <u|dH/dk|u>",
                  symbolic_timeout=60, headline=True,
                  statement=r"f_{n\mathbf k}-f_{n,\mathbf k+\mathbf q}=-\mathbf q\cdot(\nabla_{\mathbf k}"
                            r"f_{n\mathbf k})+\mathcal O(q^2)",
                  notes="Symbolic model: the nearest-neighbour band -2t cos(ka) with Fermi occupations; the "
                        "O(q) part of the Taylor series.")


@register("PB-11/inter")
def occupation_difference_interband() -> Claim:
    """Eq. (54), n != m: f_nk - f_m,k+q = f_nk - f_mk + O(q)."""
    return _claim("PB-11/inter", "interband_occupation_difference_tends_to_f_n_minus_f_m", fdiff, f_n - f_m,
                  definitions={fdiff: sp.series(_F(k) - _F(k + q, 1), q, 0, 1).removeO(), f_n: _F(k),
                               f_m: _F(k, 1)},
                  observe=lambda i: _observe_pb11(i, False),
                  instances=lambda: st.tuples(metallic_rice_mele_chains(), st.floats(0, 1)),
                  tol=Tolerance(rel=1e-6, abs=1e-9, reason="linear extrapolation to q = 0 from q = 1e-4, 2e-4: "
                                                           "remainder O(q^2 f'') < 1e-9"),
                  method="two-band metals at T > 0: f_0(k) - f_1(k + q) at q, 2q extrapolated to q = 0",
                  symbolic_timeout=60,
                  statement=r"f_{n\mathbf k}-f_{m,\mathbf k+\mathbf q}=f_{n\mathbf k}-f_{m\mathbf k}+\mathcal O(q)")


# --- PB-12 / PB-13 / PB-14: head, wings, body ---------------------------------------------------------------------
Xh, Wd, Yw, Zb = sp.symbols("X_head W_drude Y_wing Z_body", complex=True)
Ywf, Zbf = sp.symbols("Y_fix Z_fix", complex=True)   # the same sums with S^{-G'}_mn = conj(S^{G'}_nm)
chi_h, chi_w, chi_b = sp.symbols("chi_head chi_wing chi_body", complex=True)
eta0 = sp.Symbol("eta_0", nonnegative=True)


def _interband_elements(m: RiceMele, n_k: int, G: float = 0.0):
    k = m.kgrid(n_k)
    e, u = m.bands(k)
    v = np.einsum("ksn,kst,ktm->knm", u.conj(), m.h(k, 1), u)
    de = e[:, None, :] - e[:, :, None]                   # e_m - e_n  (k, n, m)
    with np.errstate(divide="ignore", invalid="ignore"):
        r = np.where(np.eye(2, dtype=bool)[None], 0.0, 1j * v / de)   # Eq. (50): r_nm = i v_nm/(e_m - e_n)
    S = np.einsum("ksn,s,ksm->knm", u.conj(), np.exp(-1j * G * m.tau), u)
    return k, e, m.occupations(e), r, S


def _observe_pb12(inst) -> Observation:
    m, w = inst
    zz = complex(w, m.eta)
    c = [2 / m.a * adler_wiser_chi0(m, s * _QS, zz, bands="inter") / (s * _QS) ** 2 for s in (1, 2)]
    k, e, f, r, _ = _interband_elements(m, 256)
    num = f[:, :, None] - f[:, None, :]
    den = zz + e[:, :, None] - e[:, None, :]
    X = np.sum(num / den * r * np.swapaxes(r, 1, 2)) / (256 * m.a)
    return Observation({"chi_head": _rich0(*c) * _QS**2, "q": _QS, "Omega": m.a, "X_head": complex(X)})


@register("PB-12")
def interband_head_is_order_q2() -> Claim:
    """Eq. (55): chi0_inter_00 = (2/Omega) int sum_{n != m} (f_n - f_m)/(w + e_n - e_m + i0) (q r_nm)(q r_mn) + O(q^3)."""
    return _claim("PB-12", "interband_head_is_q_squared_times_position_elements", chi_h, 2 / Omega * q**2 * Xh,
                  observe=_observe_pb12, instances=lambda: st.tuples(st.one_of(rice_mele_chains(),
                                                                               metallic_rice_mele_chains()),
                                                                     st.floats(0.0, 4.0)),
                  tol=Tolerance(rel=1e-6, abs=1e-14, reason="Richardson limit of chi/q^2 from q = 2e-4, 4e-4 "
                                                            "(remainder O(q^4)); 256-point k grid, exponentially "
                                                            "converged for these smooth integrands"),
                  sample_residual=False,
                  method="Rice-Mele insulators and metals: the n != m part of Eq. (43) with its printed prefactor "
                         "2/Omega from Bloch overlaps at q, 2q, Richardson-extrapolated chi/q^2 (times q^2); rhs "
                         "from (50) via r_nm = i v_nm/(e_m - e_n). The prefactor itself is PB-03's subject")


def _observe_pb13(inst) -> Observation:
    m, w = inst
    mom = band_velocity_moments(m, 512)
    c = [2 / m.a * adler_wiser_chi0(m, s * _QS, complex(w, 0.0), bands="intra", n_k=512) / (s * _QS) ** 2
         for s in (1, 2)]
    return Observation({"chi_head": _rich0(*c) * _QS**2, "q": _QS, "omega": complex(w), "eta_0": 0.0,
                        "Omega": m.a, "W_drude": mom["fs_vv"] / 2})


@register("PB-13")
def intraband_head_expansion() -> Claim:
    """Eq. (57): chi0_intra_00 ~ q^2/(w(w + i0)) (2/Omega) int sum_n (-df/de) v_n^2 at fixed w != 0."""
    return _claim("PB-13", "intraband_head_is_q2_drude_weight_over_omega2", chi_h,
                  q**2 / (omega * (omega + sp.I * eta0)) * 2 / Omega * Wd,
                  observe=_observe_pb13,
                  instances=lambda: st.tuples(metallic_rice_mele_chains(), st.floats(0.3, 4.0)),
                  tol=Tolerance(rel=1e-6, abs=1e-14, reason="Richardson limit of chi/q^2 (remainder O(q^4)); "
                                                            "512-point k grid with T >= 0.05 (exponential "
                                                            "convergence of the Fermi-smeared integrand)"),
                  sample_residual=False,
                  method="two-band metals at T > 0, omega in [0.3, 4] (> q v: no pole): the n = m part of "
                         "Eq. (43)/(56) from Bloch overlaps at q, 2q with z = omega (i0 -> 0), Richardson limit of "
                         "chi/q^2; W = int (-df/de) v^2 summed over bands (spin-free, as under the printed prefactor "
                         "2/Omega), v by spectral differentiation of e_n(k)",
                  notes="The O(q) term of -q f'/(omega - q v) is a total derivative and integrates to zero over "
                        "the BZ; the O(q^2) term is q^2 (-df/de) v^2/omega^2, as printed. The limits omega -> 0 and "
                        "q -> 0 do not commute: at omega = 0 the intraband head tends to -2 int (-df/de) (O(1)).")


def _observe_pb14(inst, body=False) -> Observation:
    m, w, g, gp = inst
    zz = complex(w, m.eta)
    G, Gp = 2 * np.pi * g / m.a, 2 * np.pi * gp / m.a
    k, e, f, r, _ = _interband_elements(m, 256)
    _, _, _, _, S_G = _interband_elements(m, 256, G)
    _, _, _, _, S_Gp = _interband_elements(m, 256, Gp)
    _, _, _, _, S_mGp = _interband_elements(m, 256, -Gp)     # S^{-G'}_mn = conj(S^{G'}_nm)
    num = f[:, :, None] - f[:, None, :]
    den = zz + e[:, :, None] - e[:, None, :]
    off = 1 - np.eye(2)
    if body:
        vals = [2 / m.a * adler_wiser_chi0(m, s * _QS, zz, G, Gp, bands="inter") for s in (1, 2)]
        Z = np.sum(off * num / den * S_G * np.swapaxes(S_Gp, 1, 2)) / (256 * m.a)
        Zf = np.sum(off * num / den * S_G * np.swapaxes(S_mGp, 1, 2)) / (256 * m.a)
        return Observation({"chi_body": 2 * vals[0] - vals[1], "Omega": m.a, "Z_body": complex(Z),
                            "Z_fix": complex(Zf)})
    vals = [2 / m.a * adler_wiser_chi0(m, s * _QS, zz, 0.0, Gp, bands="inter") for s in (1, 2)]
    Y = np.sum(off * num / den * r * np.swapaxes(S_Gp, 1, 2)) / (256 * m.a)
    Yf = np.sum(off * num / den * r * np.swapaxes(S_mGp, 1, 2)) / (256 * m.a)
    return Observation({"chi_wing": _rich_lin(*vals), "q": _QS, "Omega": m.a, "Y_wing": complex(Y),
                        "Y_fix": complex(Yf)})


def _pb14_instances():
    return st.tuples(rice_mele_chains(), st.floats(0.0, 4.0), st.sampled_from([-2, -1, 1, 2]),
                     st.sampled_from([-2, -1, 1, 2]))


_PB14_TOL = Tolerance(rel=1e-5, abs=1e-12, reason="Richardson removal of the next order from q = 2e-4, 4e-4: "
                                                  "remainder O(q^2) relative = 1e-6; k grid exponentially converged")


@register("PB-14/wing")
def wing_expansion_as_printed() -> Claim:
    """Eq. (58): chi0_inter_{0G'} = (2/Omega) int sum (f_n - f_m)/(...) (q r_nm) S^{G'}_mn + O(q^2)."""
    return _claim("PB-14/wing", "interband_wing_is_q_r_times_S_as_printed", chi_w, 2 / Omega * q * Yw,
                  observe=_observe_pb14, instances=_pb14_instances, tol=_PB14_TOL, sample_residual=False,
                  method="Rice-Mele insulators: the n != m wing of Eq. (43) (printed prefactor) from Bloch "
                         "vertices at q, 2q, linear term by Richardson; rhs from r_nm (50) and S^{G'}_mn (53)",
                  statement=r"\chi^{0,\rm inter}_{0G'}(\mathbf q,\omega)=\frac2\Omega\sum_{n\neq m}\int_{\rm BZ}"
                            r"\frac{d^3k}{(2\pi)^3}\frac{f_{n\mathbf k}-f_{m\mathbf k}}{\hbar\omega+"
                            r"\varepsilon_{n\mathbf k}-\varepsilon_{m\mathbf k}+i0^+}(q_ir^i_{nm})S^{G'}_{mn}"
                            r"(\mathbf k)+\mathcal O(q^2)",
                  notes="The head vertex is Gamma^0_nm = -i q r_nm + O(q^2) (PB-09/fix) and the second vertex of "
                        "(43) is <m,k+q|e^{+i(q+G').r}|n k> -> conj(S^{G'}_nm) = S^{-G'}_mn, so the wing is "
                        "(2/Omega) int ... (-i q r_nm) conj(S^{G'}_nm): the printed (q r_nm) lacks the factor -i "
                        "((52) as printed would give +i) and S^{G'}_mn should be S^{-G'}_mn. The order O(q) is "
                        "right. Repaired: PB-14/wing-fix.")


@register("PB-14/wing-fix")
def wing_expansion_corrected() -> Claim:
    """Eq. (58) repaired: the wing coefficient carries the vertex factor -i q r_nm."""
    return _claim("PB-14/wing-fix", "interband_wing_is_minus_i_q_r_times_conjugate_S", chi_w,
                  2 / Omega * (-sp.I) * q * Ywf,
                  observe=_observe_pb14, instances=_pb14_instances, tol=_PB14_TOL, sample_residual=False,
                  corrects="PB-14/wing", method="as PB-14/wing",
                  statement=r"\chi^{0,\rm inter}_{0G'}=\frac2\Omega\sum_{n\neq m}\int\frac{d^3k}{(2\pi)^3}"
                            r"\frac{f_{n\mathbf k}-f_{m\mathbf k}}{\hbar\omega+\varepsilon_{n\mathbf k}-"
                            r"\varepsilon_{m\mathbf k}+i0^+}(-i\,q_ir^i_{nm})\overline{S^{G'}_{nm}}+\mathcal O(q^2)")


@register("PB-14/body")
def body_expansion() -> Claim:
    """Eq. (59): chi0_inter_{GG'} = (2/Omega) int sum (f_n - f_m)/(...) S^G_nm S^{G'}_mn + O(q)."""
    return _claim("PB-14/body", "interband_body_is_S_times_S_at_order_one", chi_b, 2 / Omega * Zb,
                  observe=lambda i: _observe_pb14(i, body=True), instances=_pb14_instances, tol=_PB14_TOL,
                  sample_residual=False,
                  method="Rice-Mele insulators: the n != m body of Eq. (43) (printed prefactor) from Bloch "
                         "vertices at q, 2q extrapolated linearly to q = 0; rhs from S^G (53) at k",
                  statement=r"\chi^{0,\rm inter}_{GG'}(\mathbf q,\omega)=\frac2\Omega\sum_{n\neq m}\int_{\rm BZ}"
                            r"\frac{d^3k}{(2\pi)^3}\frac{f_{n\mathbf k}-f_{m\mathbf k}}{\hbar\omega+"
                            r"\varepsilon_{n\mathbf k}-\varepsilon_{m\mathbf k}+i0^+}S^G_{nm}S^{G'}_{mn}+\mathcal O(q)",
                  notes="The second vertex of (43) tends to <u_m|e^{+iG'.r}|u_n> = conj(S^{G'}_nm) = S^{-G'}_mn, "
                        "not S^{G'}_mn (they coincide only for G' = 0 or inversion-symmetric cells). The order "
                        "O(1) is right. Repaired: PB-14/body-fix.")


@register("PB-14/body-fix")
def body_expansion_corrected() -> Claim:
    """Eq. (59) repaired: S^G_nm conj(S^{G'}_nm) = S^G_nm S^{-G'}_mn."""
    return _claim("PB-14/body-fix", "interband_body_is_S_times_conjugate_S", chi_b, 2 / Omega * Zbf,
                  observe=lambda i: _observe_pb14(i, body=True), instances=_pb14_instances, tol=_PB14_TOL,
                  sample_residual=False, corrects="PB-14/body", method="as PB-14/body",
                  statement=r"\chi^{0,\rm inter}_{GG'}=\frac2\Omega\sum_{n\neq m}\int\frac{d^3k}{(2\pi)^3}"
                            r"\frac{f_{n\mathbf k}-f_{m\mathbf k}}{\hbar\omega+\varepsilon_{n\mathbf k}-"
                            r"\varepsilon_{m\mathbf k}+i0^+}S^G_{nm}\overline{S^{G'}_{nm}}+\mathcal O(q)")


# --- PB-15: macroscopic susceptibility (SI) ----------------------------------------------------------------------
def _observe_pb15(inst) -> Observation:
    import scipy.constants as sc
    from numerics.units import oscillator_response
    r = oscillator_response(inst)
    eps0_u = inst.units(sc.epsilon_0, Q=2, T=2, M=-1, L=-3)
    Dfield = eps0_u * r["E"] + r["P"]                       # displacement D = eps0 E + P
    return Observation({"chi_e": r["P"] / (eps0_u * r["E"]), "alpha_cell": r["p"] / r["E"], "epsilon_0": eps0_u,
                        "Omega": r["Omega"], "epsilon_r": Dfield / (eps0_u * r["E"])})


chi_e, alpha_cell, eps_r = sp.Symbol("chi_e", complex=True), sp.Symbol("alpha_cell", complex=True), \
    sp.Symbol("epsilon_r", complex=True)
P_amp, E_amp, p_amp = sp.symbols("P_amp E_amp p_amp", complex=True)
_SI_DIMS = {chi_e: Dimension(1), eps_r: Dimension(1), Omega: length**3}


def _si_dims():
    from sympy.physics.units import capacitance, charge, voltage
    return {**_SI_DIMS, alpha_cell: charge * length**2 / voltage, eps0: capacitance / length}


_OSC_TOL = Tolerance(rel=1e-9, reason="time-domain steady state and exact trapezoid lock-in: round-off only")


@register("PB-15")
def susceptibility_from_cell_polarizability() -> Claim:
    """Eq. (60): chi_e = alpha_cell/(eps0 Omega), with P = <mu>/Omega."""
    from numerics.units import driven_oscillators
    return _claim("PB-15", "susceptibility_equals_cell_polarizability_over_eps0_Omega", chi_e,
                  alpha_cell / (eps0 * Omega),
                  definitions={chi_e: p_amp / (Omega * eps0 * E_amp), alpha_cell: p_amp / E_amp},
                  observe=_observe_pb15, instances=driven_oscillators, tol=_OSC_TOL, dimensions=_si_dims(),
                  method="driven Lorentz oscillators (one per cell of volume Omega = 1/N) in random units: "
                         "alpha_cell = p/E of one oscillator, chi_e = P/(eps0 E) with P = N p",
                  statement=r"\chi_{e,ij}(\omega)=\frac{\alpha^{\rm cell}_{ij}(\omega)}{\varepsilon_0\,\Omega}",
                  notes="alpha_cell is the response to the macroscopic field (the driving field here). For "
                        "molecules responding to the Lorentz local field, Clausius-Mossotti applies instead.")


@register("PB-15/61")
def permittivity_is_one_plus_susceptibility() -> Claim:
    """Eq. (61): eps_r = delta + chi_e (eps_r from D = eps0 eps_r E)."""
    from numerics.units import driven_oscillators
    return _claim("PB-15/61", "relative_permittivity_is_one_plus_susceptibility", eps_r, 1 + chi_e,
                  definitions={eps_r: (eps0 * E_amp + P_amp) / (eps0 * E_amp), chi_e: P_amp / (eps0 * E_amp)},
                  observe=_observe_pb15, instances=driven_oscillators, tol=_OSC_TOL, dimensions=_si_dims(),
                  method="driven Lorentz oscillators: eps_r = D/(eps0 E) with D = eps0 E + P",
                  statement=r"\varepsilon_{r,ij}(\omega)=\delta_{ij}+\chi_{e,ij}(\omega)", headline=False)


# --- PB-16 / PB-17: length-gauge susceptibilities ----------------------------------------------------------------
K62, K62f = sp.symbols("K_62 K_fix", complex=True)
W63 = sp.Symbol("W_63", real=True)
gam = sp.Symbol("gamma", positive=True)


def _observe_pb16(inst) -> Observation:
    m, w = inst
    zz = complex(w, m.eta)
    c = [2 * adler_wiser_chi0(m, s * _QS, zz) / (s * _QS) ** 2 for s in (1, 2)]   # repaired normalization
    eps0_au = 1 / (4 * np.pi)
    chi_head = -_rich0(*c) / eps0_au            # chi_e = -e^2 chi_nn/(eps0 q^2), q -> 0 (polarization charge)
    k, e, f, r, _ = _interband_elements(m, 256)
    wmn = e[:, None, :] - e[:, :, None]          # omega_mn = e_m - e_n (k, n, m)
    num = f[:, :, None] - f[:, None, :]
    off = ~np.eye(2, dtype=bool)[None]
    rr = r * np.swapaxes(r, 1, 2)
    with np.errstate(divide="ignore", invalid="ignore"):
        K = np.where(off, num / wmn * rr / (wmn - zz), 0.0)
        Kf = np.where(off, num * rr / (wmn - zz), 0.0)
    nk = 256
    return Observation({"chi_e": complex(chi_head), "e": 1.0, "hbar": 1.0, "Omega": m.a, "epsilon_0": eps0_au,
                        "K_62": complex(2 * np.sum(K) / (nk * m.a)), "K_fix": complex(2 * np.sum(Kf) / (nk * m.a))})


def _dims_62():
    from sympy.physics.units import capacitance, charge, time
    return {chi_e: Dimension(1), e: charge, hbar: energy * time, Omega: length**3, eps0: capacitance / length,
            K62: time**2 / length, K62f: time / length}


_PB16_TOL = Tolerance(rel=1e-6, abs=1e-12, reason="Richardson limit of chi/q^2 at q = 2e-4 (remainder O(q^4)); "
                                                  "256-point k grid, exponentially converged")
_PB16_METHOD = ("Rice-Mele insulators (1D analogue, Omega = a, int dk/2pi; a.u., eps0 = 1/4pi): chi_e from the "
                "density response, -e^2 lim chi_nn(q)/(eps0 q^2), chi_nn from Bloch overlaps (Adler-Wiser with the "
                "repaired normalization); K from (50)'s r_nm = i v_nm/(e_m - e_n); spin 2 in the band sums")


@register("PB-16")
def interband_susceptibility_as_printed() -> Claim:
    """Eq. (62): chi_inter = (e^2/(hbar Omega)) int sum_{n != m} (f_n - f_m)/w_mn r_nm r_mn/(w_mn - w - i eta) + c.c."""
    T = e**2 / (hbar * Omega) * K62
    return _claim("PB-16", "interband_susceptibility_as_printed", chi_e, T + sp.conjugate(T),
                  observe=_observe_pb16, instances=lambda: st.tuples(rice_mele_chains(), st.floats(0.0, 4.0)),
                  tol=_PB16_TOL, method=_PB16_METHOD, dimensions=_dims_62(), sample_residual=False,
                  notes="Read literally ('+ c.c.' of the whole expression) the result is real: no absorption. "
                        "The extra 1/omega_mn makes the n,m and m,n terms combine into an odd function of omega "
                        "(zero static limit), the missing 1/eps0 and the double volume factor (1/Omega and "
                        "d^3k/(2pi)^3) leave dimensions C^2 s/(J m^4) instead of 1. Repaired: PB-16/fix.")


@register("PB-16/fix")
def interband_susceptibility_corrected() -> Claim:
    """Eq. (62) repaired: chi_inter = (e^2/(eps0 hbar)) int d^3k/(2pi)^3 sum_{n != m} (f_n - f_m) r_nm r_mn/(w_mn - w - i eta)."""
    return _claim("PB-16/fix", "interband_susceptibility_aversa_sipe_form", chi_e, e**2 / (eps0 * hbar) * K62f,
                  observe=_observe_pb16, instances=lambda: st.tuples(rice_mele_chains(), st.floats(0.0, 4.0)),
                  tol=_PB16_TOL, method=_PB16_METHOD, dimensions=_dims_62(), sample_residual=False,
                  corrects="PB-16",
                  statement=r"\chi^{\rm inter}_{ij}(\omega)=\frac{e^2}{\varepsilon_0\hbar}\sum_{n\neq m}\int_{\rm BZ}"
                            r"\frac{d^3k}{(2\pi)^3}\frac{(f_{n\mathbf k}-f_{m\mathbf k})\,r^i_{nm}r^j_{mn}}"
                            r"{\omega_{mn}(\mathbf k)-\omega-i\eta}")


def _observe_pb17(inst) -> Observation:
    m, w, g = inst
    mom = band_velocity_moments(m, 512)
    eps0_au = 1 / (4 * np.pi)
    # free-carrier equation of motion with relaxation: dv/dt = -E/m* - g v per carrier; the weight n/m* of the
    # band is the occupied band curvature 2 int f d^2e/dk^2 (no Fermi-surface factor), so
    # J = -i w P, sigma = i (n/m*) /(w + i g), chi_e = i sigma/(eps0 w) = -(n/m*)/(eps0 w (w + i g))
    chi_drude = -mom["f_minv"] / (eps0_au * w * (w + 1j * g))
    return Observation({"chi_e": complex(chi_drude), "e": 1.0, "Omega": m.a, "W_63": -mom["fs_vv"],
                        "omega": complex(w), "gamma": g, "epsilon_0": eps0_au})


def _dims_63():
    from sympy.physics.units import capacitance, charge, time
    return {chi_e: Dimension(1), e: charge, Omega: length**3, W63: time**-2 / (length * energy),
            omega: 1 / time, gam: 1 / time, eps0: capacitance / length}


_PB17_TOL = Tolerance(rel=1e-8, abs=1e-12, reason="both band integrals on a 512-point periodic grid with T >= 0.05: "
                                                  "spectral accuracy, integration by parts exact to round-off")
_PB17_METHOD = ("two-band Rice-Mele metals at T > 0 (1D analogue, Omega = a; a.u., eps0 = 1/4pi): chi_e of free "
                "carriers from the equation of motion with the band weight 2 int f d^2e/dk^2 (occupied curvature); "
                "W_63 = 2 int (df/de) v^2 (Fermi surface), v and curvature by spectral differentiation of e_n(k)")


@register("PB-17")
def intraband_susceptibility_as_printed() -> Claim:
    """Eq. (63): chi_intra = -(e^2/Omega) int sum_n (df/de) v v/(w(w + i gamma))."""
    return _claim("PB-17", "intraband_susceptibility_as_printed", chi_e,
                  -e**2 / Omega * W63 / (omega * (omega + sp.I * gam)), observe=_observe_pb17,
                  instances=lambda: st.tuples(metallic_rice_mele_chains(), st.floats(0.05, 4.0), st.floats(1e-3, 1.0)),
                  tol=_PB17_TOL, method=_PB17_METHOD, dimensions=_dims_63(), sample_residual=False,
                  notes="With df/de <= 0 the printed expression is positive for omega >> gamma, while the Drude "
                        "susceptibility -omega_p^2/(omega(omega + i gamma)) is negative; 1/eps0 is missing and "
                        "1/Omega doubles the volume factor of d^3k/(2pi)^3. Repaired: PB-17/fix.")


@register("PB-17/fix")
def intraband_susceptibility_corrected() -> Claim:
    """Eq. (63) repaired: chi_intra = (e^2/eps0) int d^3k/(2pi)^3 sum_n (df/de) v v/(w(w + i gamma))."""
    return _claim("PB-17/fix", "intraband_susceptibility_is_minus_drude_weight_over_eps0_omega2", chi_e,
                  e**2 / eps0 * W63 / (omega * (omega + sp.I * gam)), observe=_observe_pb17,
                  instances=lambda: st.tuples(metallic_rice_mele_chains(), st.floats(0.05, 4.0), st.floats(1e-3, 1.0)),
                  tol=_PB17_TOL, method=_PB17_METHOD, dimensions=_dims_63(), sample_residual=False, corrects="PB-17",
                  statement=r"\chi^{\rm intra}_{ij}(\omega)=\frac{e^2}{\varepsilon_0}\sum_n\int_{\rm BZ}"
                            r"\frac{d^3k}{(2\pi)^3}\frac{\partial f_{n\mathbf k}}{\partial\varepsilon_{n\mathbf k}}"
                            r"\frac{v^i_nv^j_n}{\omega(\omega+i\gamma)}")


# --- PB-19: eps_M from the head -----------------------------------------------------------------------------------
chi00 = sp.Symbol("chi_00", complex=True)


def _observe_pb19(inst, reducible=False) -> Observation:
    m, w = inst
    zz = complex(w, m.eta)
    c = [2 * adler_wiser_chi0(m, s * _QS, zz) / (s * _QS) ** 2 for s in (1, 2)]
    head = _rich0(*c) * _QS**2                      # lim chi0_00/q^2, times q^2
    if reducible:
        v = 4 * np.pi / _QS**2
        head = head / (1 - v * head)                # RPA reducible head without local fields
    eps_len = 1 + 4 * np.pi * length_gauge_alpha_cell(m, zz) / m.a      # Gaussian: eps = 1 + 4 pi alpha/Omega
    return Observation({"epsilon_M": complex(eps_len), "e": 1.0, "q": _QS, "chi_00": complex(head)})


@register("PB-19")
def epsilon_M_from_irreducible_head() -> Claim:
    """Eq. (65) with chi_00 the irreducible (independent-particle) number-density head."""
    return _claim("PB-19", "epsilon_M_is_one_minus_four_pi_e2_head_over_q2", epsM, 1 - 4 * sp.pi * e**2 / q**2 * chi00,
                  observe=_observe_pb19, instances=lambda: st.tuples(rice_mele_chains(), st.floats(0.0, 4.0)),
                  tol=_PB16_TOL, sample_residual=False,
                  method="Rice-Mele insulators (Gaussian a.u.): eps_M = 1 + 4 pi alpha_cell/a from the length "
                         "gauge (interband positions); chi_00 = Richardson limit of the Adler-Wiser head (repaired "
                         "normalization) from Bloch overlaps",
                  notes="Reading: chi_00 = chi0_00, the irreducible number-density head (RPA, no local fields). "
                        "With the reducible head the formula fails (PB-19/reducible).")


@register("PB-19/reducible")
def epsilon_M_from_reducible_head() -> Claim:
    """Eq. (65) with chi_00 the full (reducible, RPA) head of Eq. (44), without local fields."""
    return _claim("PB-19/reducible", "epsilon_M_from_reducible_head_as_printed", epsM,
                  1 - 4 * sp.pi * e**2 / q**2 * chi00, observe=lambda i: _observe_pb19(i, True),
                  instances=lambda: st.tuples(rice_mele_chains(), st.floats(0.0, 4.0)), tol=_PB16_TOL,
                  sample_residual=False, headline=False,
                  method="as PB-19, with chi_00 = chi0_00/(1 - v chi0_00)",
                  notes="1/(1 + v chi) = 1 - v chi0 for chi = chi0/(1 - v chi0): with the reducible head the "
                        "printed 1 - v chi_00 is not eps_M (it is 1 + v chi0/(1 - v chi0)... the inverse head's "
                        "reciprocal is needed, Eq. 46).")
