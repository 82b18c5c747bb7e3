r"""Casida / CPP linear response and the particle-hole Dyson equation: :math:`\chi=\chi^0+\chi^0K\chi`,
:math:`\Omega=\Delta^2+4\sqrt\Delta K\sqrt\Delta`, :math:`\alpha=\sum_S2\omega_St_St_S/(\omega_S^2-\omega^2)`
(Tantardini et al. 2025, Sec. II, Eqs. 12-21; Sec. III, Eq. 38 uses the same ph-space objects).

Overview
    The physical reference is the closed-shell Hartree (RPA) model with random two-electron integrals: its static
    polarizability by finite field, :math:`\alpha=d\,\mathrm{Tr}(D\mu_i)/dE`, equals
    :math:`4\mu^T(\Delta+4K)^{-1}\mu` with :math:`K_{ka,lb}=(ka|lb)`. Against it: the independent-particle forms
    (12)-(13) and the Dyson solution (14) carry the sign of Eq. (4) (negative static value); the printed CPP system
    (17)-(18) (A = Delta + K, B_{ka,lb} = K_{kb,la}) misses the singlet spin factor and has the exchange index pattern
    in B; Eq. (20)'s coefficient 4 belongs to the singlet A = Delta + 2K, B = 2K, not to the printed A, B; and
    Eq. (21) with the printed A, B is off by the same factors. The spin-adapted repairs are encoded as /fix claims.
Key claims
    LG-12, LG-13, LG-14, LG-15, LG-16, LG-17 (+ /fix).
Conventions
    Real orbitals; pair index ka = k n_virt + (a - n_occ); mu = -r; chemists' notation (pq|rs).
References
    [1] C. Tantardini et al., "Gauge-invariant long-wavelength TDDFT without empty states" (2025), Sec. II.
"""

from __future__ import annotations

import numpy as np
import sympy as sp
from hypothesis import strategies as st

from derivcheck import NumericCheck, Observation, Tolerance, register
from derivations.polarizability import StateSum, make_claim
from numerics.hamiltonians import casida_models, fock_models, hermitian_models
from numerics.response import (casida_solve, cpp_solve, dyson_alpha, hartree_static_alpha,
                               one_body_kick_polarizability, ph_matrices)

__all__ = ["casida_static_instances", "observe_static_dyson", "independent_particle_as_printed",
           "independent_particle_corrected", "closed_shell_as_printed", "closed_shell_corrected",
           "dyson_as_printed", "dyson_corrected", "cpp_as_printed", "cpp_singlet", "casida_trace_as_printed",
           "casida_trace_singlet", "sum_over_excitations_as_printed", "sum_over_excitations_singlet"]

alpha = sp.Symbol("alpha", complex=True)
omega = sp.Symbol("omega", real=True)
eta = sp.Symbol("eta", nonnegative=True)
M = sp.Symbol("M", complex=True)
f_p, f_q = sp.symbols("f_p f_q", nonnegative=True)
e_p, e_q = sp.symbols("e_p e_q", real=True)
Delta = sp.Symbol("Delta", positive=True)
K_d = sp.Symbol("K_d", real=True)
mu_v = sp.Symbol("mu_v", real=True)
X, Y = sp.symbols("X Y", complex=True)
omega_S = sp.Symbol("omega_S", positive=True)
t_i, t_j = sp.symbols("t_i t_j", real=True)
chi_static = sp.Symbol("chi_static", real=True)

_KICK = Tolerance(rel=1e-6, abs=1e-10, reason="one-body kick: O(kappa^2) = 1e-8 relative central-difference error")
_SCF = Tolerance(rel=1e-6, abs=1e-9, reason="finite-field Hartree SCF: O(E^2) = 1e-8 relative with E = 1e-4, SCF "
                 "converged to 1e-14; linear solves at round-off")


# --- LG-12 ---------------------------------------------------------------------------------------------------------
def _observe_ip(inst) -> Observation:
    fm, i, j, om, et = inst
    f = 1 / (np.exp(fm.beta * (fm.eps - fm.mu_c)) + 1)
    n = fm.eps.size
    pp, qq = np.repeat(np.arange(n), n), np.tile(np.arange(n), n)
    return Observation({"alpha": one_body_kick_polarizability(fm.eps, f, fm.mu, i, j, om, et),
                        "f_p": f[pp], "f_q": f[qq], "e_p": fm.eps[pp], "e_q": fm.eps[qq],
                        "M": (fm.mu[i] * fm.mu[j].T).ravel(), "omega": om, "eta": et})


def _ip_numeric(what) -> NumericCheck:
    return NumericCheck(instances=lambda: st.tuples(fock_models(), st.integers(0, 2), st.integers(0, 2),
                                                    st.floats(-3.0, 3.0), st.floats(0.05, 0.5)),
                        observe=_observe_ip, tolerance=_KICK, samples=20,
                        method="Fermi-Dirac one-body density matrix kicked by exp(i kappa mu_j), propagated, Fourier "
                               f"transformed, times 2 for spin; {what}")


_CHI0_12 = 2 * StateSum((f_p - f_q) * M / (omega + sp.I * eta - (e_q - e_p)))                  # [1] Eq. (12)


@register("LG-12")
def independent_particle_as_printed() -> Claim:
    r"""Eq. (12): :math:`\chi^0_{ij}=2\sum_{pq}(f_p-f_q)\mu^{(i)}_{pq}\mu^{(j)}_{qp}/(\omega+i\eta-(\varepsilon_q-
    \varepsilon_p))`, against the physical independent-particle polarizability."""
    return make_claim("LG-12", "independent_particle_susceptibility_equals_polarizability_as_printed", alpha,
                      _CHI0_12, numeric=_ip_numeric("Eq. (12) summed over orbital pairs"),
                      notes="Eq. (12) is the Wick limit of Eq. (4) and shares its sign: chi0_ii(0) < 0 while "
                            "alpha_ii(0) > 0 (Eq. 5). Identifying alpha with chi (Eqs. 3, 33, 38) therefore flips "
                            "the sign of the physical polarizability.")


@register("LG-12/fix")
def independent_particle_corrected() -> Claim:
    """alpha^0_ij = -chi^0_ij of Eq. (12)."""
    return make_claim("LG-12/fix", "independent_particle_polarizability_is_minus_eq12", alpha, -_CHI0_12,
                      numeric=_ip_numeric("minus Eq. (12)"), corrects="LG-12",
                      statement=r"\alpha^0_{ij}(\omega)=-2\sum_{pq}(f_p-f_q)\frac{\mu^{(i)}_{pq}\mu^{(j)}_{qp}}"
                                r"{\omega+i\eta-(\varepsilon_q-\varepsilon_p)}",
                      title="Independent-particle polarizability with the sign of Eq. (5)")


# --- LG-13 ---------------------------------------------------------------------------------------------------------
def _observe_closed(inst) -> Observation:
    cm, i, j, om, et = inst
    occ = (np.arange(cm.n) < cm.n_occ).astype(float)
    ph = ph_matrices(cm)
    return Observation({"alpha": one_body_kick_polarizability(cm.eps, occ, cm.mu, i, j, om, et),
                        "M": ph["mu"][i] * ph["mu"][j], "Delta": ph["Delta"], "omega": om, "eta": et})


def _closed_numeric(what) -> NumericCheck:
    return NumericCheck(instances=lambda: st.tuples(casida_models(), st.integers(0, 2), st.integers(0, 2),
                                                    st.floats(-3.0, 3.0), st.floats(0.05, 0.5)),
                        observe=_observe_closed, tolerance=_KICK, samples=20,
                        method=f"closed-shell one-body density matrix kicked and propagated (spin 2); {what}")


_CHI0_13 = 2 * StateSum(M * (1 / (omega + sp.I * eta - Delta) - 1 / (omega + sp.I * eta + Delta)))  # [1] Eq. (13)


@register("LG-13")
def closed_shell_as_printed() -> Claim:
    """Eq. (13), the closed-shell T = 0 form of Eq. (12), against the physical IP polarizability."""
    return make_claim("LG-13", "closed_shell_susceptibility_equals_polarizability_as_printed", alpha, _CHI0_13,
                      numeric=_closed_numeric("Eq. (13) over occupied-virtual pairs"),
                      notes="1/(z - D) - 1/(z + D) = -2D/(D^2 - z^2): Eq. (13) = -2 x (Eq. 5 with orbital dipoles); "
                            "reduction from Eq. (12) is consistent, the sign is that of Eq. (4).")


@register("LG-13/fix")
def closed_shell_corrected() -> Claim:
    """alpha^0 = -Eq. (13) = 2 sum_ka 2 D |mu_ka|^2/(D^2 - z^2)."""
    return make_claim("LG-13/fix", "closed_shell_polarizability_is_minus_eq13", alpha, -_CHI0_13,
                      numeric=_closed_numeric("minus Eq. (13)"), corrects="LG-13",
                      statement=r"\alpha^0_{ij}(\omega)=-2\sum_{ka}\mu^{(i)}_{ka}\mu^{(j)}_{ak}\Big[\frac1{\omega+i\eta-"
                                r"\Delta\varepsilon_{ka}}-\frac1{\omega+i\eta+\Delta\varepsilon_{ka}}\Big]",
                      title="Closed-shell independent-particle polarizability with the sign of Eq. (5)")


# --- static RPA reference: LG-14 and MT-12 -------------------------------------------------------------------------
def casida_static_instances():
    """(model, i, j): Casida models with small kernels (finite-field SCF converges)."""
    return st.tuples(casida_models(max_kernel=0.03), st.integers(0, 2), st.integers(0, 2))


def observe_static_dyson(inst) -> Observation:
    cm, i, j = inst
    ph = ph_matrices(cm)
    return Observation({"alpha": hartree_static_alpha(cm, i, j),
                        "chi_static": float(np.real(dyson_alpha(ph, i, j, 0.0, ph["K"])))})


def _dyson_numeric() -> NumericCheck:
    return NumericCheck(instances=casida_static_instances, observe=observe_static_dyson, tolerance=_SCF, samples=15,
                        method="alpha by finite-field closed-shell Hartree SCF (random 8-fold-symmetric ERIs); "
                               "chi_static = mu^(i)T chi(0) mu^(j), chi = (1 - chi0 K)^-1 chi0 with chi0 of Eq. (13), "
                               "K = (ka|lb)")


@register("LG-14")
def dyson_as_printed() -> Claim:
    r"""Eqs. (14)-(16): :math:`\chi=\chi^0+\chi^0K\chi` in ph space; Cartesian alpha by contraction with the dipole
    vectors, checked in the static limit against the finite-field RPA polarizability."""
    return make_claim("LG-14", "particle_hole_dyson_solution_contracted_gives_polarizability", alpha, chi_static,
                      numeric=_dyson_numeric(),
                      notes="The paper does not print the contraction; encoded as mu^(i)T chi mu^(j), the pattern of "
                            "Eq. (18). The Hartree kernel coupling is right (4K with the spin factor 2 of Eq. 13), "
                            "the sign is that of Eq. (4): the contraction gives -alpha.")


@register("LG-14/fix")
def dyson_corrected() -> Claim:
    """alpha_ij = -mu^(i)T chi mu^(j) with chi from Eq. (14)."""
    c = dyson_as_printed()
    from dataclasses import replace
    return replace(c.with_formula(alpha, -chi_static), id="LG-14/fix", corrects="LG-14",
                   name="particle_hole_dyson_solution_contracted_with_minus_sign_gives_polarizability",
                   statement=r"\alpha_{ij}=-\boldsymbol\mu^{(i)\top}\chi\,\boldsymbol\mu^{(j)},\quad"
                             r"\chi=\chi^0+\chi^0K\chi", title="Dyson contraction with the sign of Eq. (5)")


# --- LG-15 ---------------------------------------------------------------------------------------------------------
def _cpp_observe(inst, singlet: bool) -> Observation:
    cm, i, j = inst
    ph = ph_matrices(cm)
    D, K = ph["Delta"], ph["K"]
    A, B = (np.diag(D) + 2 * K, 2 * K) if singlet else (np.diag(D) + K, ph["Kx"])       # [1] Eq. (17)
    Xs, Ys = cpp_solve(A, B, ph["mu"][j], 0.0)
    return Observation({"alpha": hartree_static_alpha(cm, i, j), "mu_v": ph["mu"][i], "X": Xs, "Y": Ys})


def _cpp_numeric(singlet) -> NumericCheck:
    return NumericCheck(instances=casida_static_instances, observe=lambda inst: _cpp_observe(inst, singlet),
                        tolerance=_SCF, samples=15,
                        method="alpha by finite-field Hartree SCF; X, Y from the linear system (17) at omega = 0 with "
                               + ("singlet A = Delta + 2K, B = 2K" if singlet else
                                  "the printed A = Delta + K, B_ka,lb = K_kb,la"))


@register("LG-15")
def cpp_as_printed() -> Claim:
    r"""Eqs. (17)-(18): :math:`\alpha_{ij}=\sum_{ka}\mu^{(i)}_{ak}[X^{(j)}_{ka}+Y^{(j)}_{ka}]` with the printed A, B."""
    return make_claim("LG-15", "cpp_linear_response_gives_polarizability_as_printed", alpha,
                      StateSum(mu_v * (X + Y)), numeric=_cpp_numeric(False),                       # [1] Eq. (18)
                      notes="(17) with -mu on the right gives X + Y = -2[(A+B) - w^2 (A-B)^-1]^-1 mu: the sign of "
                            "Eq. (4). For a Coulomb kernel and real orbitals B_ka,lb = (ka|bl) = K_ka,lb; the "
                            "printed K_kb,la is the exchange pattern (differs for generic ERIs). The spin-adapted "
                            "singlet problem needs A = Delta + 2K, B = 2K and alpha = -2 mu^T (X + Y).")


@register("LG-15/fix")
def cpp_singlet() -> Claim:
    """Singlet CPP: A = Delta + 2K, B = 2K (K = (ka|lb)), alpha = -2 sum mu_ak (X + Y)_ka."""
    return make_claim("LG-15/fix", "singlet_cpp_linear_response_gives_polarizability", alpha,
                      -2 * StateSum(mu_v * (X + Y)), numeric=_cpp_numeric(True), corrects="LG-15",
                      statement=r"\alpha_{ij}=-2\sum_{ka}\mu^{(i)}_{ak}[X^{(j)}_{ka}+Y^{(j)}_{ka}],\ "
                                r"\mathbf A=\Delta\varepsilon+2\mathbf K,\ \mathbf B=2\mathbf K",
                      title="Spin-adapted CPP polarizability")


# --- LG-16 ---------------------------------------------------------------------------------------------------------
def _casida_trace_observe(inst, singlet: bool) -> Observation:
    cm = inst
    ph = ph_matrices(cm)
    D, K = ph["Delta"], ph["K"]
    A, B = (np.diag(D) + 2 * K, 2 * K) if singlet else (np.diag(D) + K, ph["Kx"])
    wS, _, _ = casida_solve(A, B)
    return Observation({"omega_S": wS, "Delta": D, "K_d": np.diag(K)})


def _trace_numeric(singlet) -> NumericCheck:
    return NumericCheck(instances=lambda: casida_models(), observe=lambda inst: _casida_trace_observe(inst, singlet),
                        tolerance=Tolerance(rel=1e-9, abs=1e-12, reason="eigenvalues of a non-symmetric 2n x 2n "
                                            "matrix with n <= 9: round-off"), samples=20,
                        method="positive roots omega_S of the non-Hermitian problem (19) by numpy.linalg.eig, with "
                               + ("singlet A, B" if singlet else "the printed A, B of Eq. (17)"))


@register("LG-16")
def casida_trace_as_printed() -> Claim:
    r"""Eqs. (19)-(20): the eigenvalues of :math:`\Omega=\Delta^2+4\sqrt\Delta K\sqrt\Delta` are :math:`\omega_S^2`;
    checked through the trace, :math:`\sum_S\omega_S^2=\sum\Delta^2+4\sum\Delta K_{ka,ka}`."""
    return make_claim("LG-16", "casida_omega_matrix_trace_equals_sum_of_squared_excitations_as_printed",
                      StateSum(omega_S ** 2), StateSum(Delta ** 2) + 4 * StateSum(Delta * K_d),    # [1] Eq. (20)
                      numeric=_trace_numeric(False),
                      notes="Sum of omega_S^2 = Tr[(A - B)(A + B)] when the reduction applies. With the printed A, "
                            "B it is sum D^2 + 2 sum D K_diag + Tr(K^2 - K_x^2) + ...; the coefficient 4 needs "
                            "the singlet A = Delta + 2K, B = 2K (then A - B = Delta is diagonal).")


@register("LG-16/fix")
def casida_trace_singlet() -> Claim:
    """Eq. (20) with the singlet A = Delta + 2K, B = 2K, for which it is exact."""
    return make_claim("LG-16/fix", "casida_omega_matrix_trace_singlet", StateSum(omega_S ** 2),
                      StateSum(Delta ** 2) + 4 * StateSum(Delta * K_d), numeric=_trace_numeric(True),
                      corrects="LG-16", statement=r"\Omega_{ka,lb}=\delta\,\Delta\varepsilon_{ka}^2+4\sqrt{\Delta"
                      r"\varepsilon_{ka}}K_{ka,lb}\sqrt{\Delta\varepsilon_{lb}},\ \mathbf A=\Delta\varepsilon+2\mathbf K,"
                      r"\ \mathbf B=2\mathbf K", title="Casida Omega matrix for the singlet problem")


# --- LG-17 ---------------------------------------------------------------------------------------------------------
def _soe_observe(inst, singlet: bool) -> Observation:
    cm, i, j = inst
    ph = ph_matrices(cm)
    D, K = ph["Delta"], ph["K"]
    A, B = (np.diag(D) + 2 * K, 2 * K) if singlet else (np.diag(D) + K, ph["Kx"])
    wS, Xs, Ys = casida_solve(A, B)
    return Observation({"alpha": hartree_static_alpha(cm, i, j), "omega_S": wS, "t_i": ph["mu"][i] @ (Xs + Ys),
                        "t_j": ph["mu"][j] @ (Xs + Ys), "omega": 0.0, "eta": 0.0})


def _soe_numeric(singlet) -> NumericCheck:
    return NumericCheck(instances=casida_static_instances, observe=lambda inst: _soe_observe(inst, singlet),
                        tolerance=_SCF, samples=15,
                        method="alpha by finite-field Hartree SCF; omega_S, X^S, Y^S (X^T X - Y^T Y = 1) from (19) "
                               "with " + ("singlet A, B" if singlet else "the printed A, B") + "; static limit")


_SOE = StateSum(2 * omega_S * t_i * t_j / (omega_S ** 2 - (omega + sp.I * eta) ** 2))          # [1] Eq. (21)


@register("LG-17")
def sum_over_excitations_as_printed() -> Claim:
    r"""Eq. (21): :math:`\alpha_{ij}=\sum_S2\omega_St^{(i)}_St^{(j)}_S/(\omega_S^2-(\omega+i\eta)^2)` from Eq. (19)."""
    return make_claim("LG-17", "sum_over_casida_excitations_gives_polarizability_as_printed", alpha, _SOE,
                      numeric=_soe_numeric(False),
                      notes="Normalisation X^T X - Y^T Y = 1 (not printed). The static value of (21) is "
                            "2 mu^T (A + B)^-1 mu (positive, unlike Eq. 18); with the printed A, B it misses the "
                            "finite-field RPA value 4 mu^T (Delta + 4K)^-1 mu.")


@register("LG-17/fix")
def sum_over_excitations_singlet() -> Claim:
    """Singlet A, B and a spin factor 2: alpha = 2 sum_S 2 omega_S t_S t_S/(omega_S^2 - (omega + i eta)^2)."""
    return make_claim("LG-17/fix", "sum_over_singlet_excitations_with_spin_factor_gives_polarizability", alpha,
                      2 * _SOE, numeric=_soe_numeric(True), corrects="LG-17",
                      statement=r"\alpha_{ij}(\omega)=2\sum_S\frac{2\omega_St^{(i)}_St^{(j)}_S}{\omega_S^2-"
                                r"(\omega+i\eta)^2},\ \mathbf A=\Delta\varepsilon+2\mathbf K,\ \mathbf B=2\mathbf K",
                      title="Sum over singlet excitations with the spin factor")
