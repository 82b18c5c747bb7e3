r"""Thomas-Reiche-Kuhn sum rule: :math:`\sum_nf_{0n}=N_e` from :math:`[x,[H,x]]=\hbar^2/m`, its integral form,
and the length/velocity bridge it supports (Tantardini et al. 2025, Eqs. 8, 40 and the text after Eq. 21).

Overview
    For :math:`H=p^2/2m+V(x)` with a local V the double commutator is the c-number :math:`\hbar^2/m`, so
    :math:`\sum_n2\omega_{n0}|x_{0n}|^2=1` per electron and direction, and the printed
    :math:`f_{0n}=\frac23\omega_{n0}|\mu_{0n}|^2` sums to N_e in 3D. Inserting Eq. (7) into the integral gives
    :math:`\frac2\pi\int_0^\infty\omega\,\mathrm{Im}\,\alpha_{\rm iso}=\frac23\sum_n\omega_{n0}|\mu_{0n}|^2=N_e`,
    not the printed :math:`N_e/3`. On a finite-difference grid :math:`[x,[H,x]]` is the kinetic bond operator, so
    the lattice sum equals :math:`\langle\sum_i\psi_i\psi_{i+1}\rangle\to1` as :math:`h^2`; a nonlocal
    :math:`\lambda|\phi\rangle\langle\phi|` breaks the sum rule and the p-based velocity gauge even in the
    continuum.
Key claims
    LG-09/comm, LG-09/sum, LG-09/int (+ /fix), LG-20 (+ /fix), MT-14/iii (+ /fix).
Conventions
    Atomic units (hbar = m = 1, N_e = 1 on the grids) except LG-09/comm, which keeps hbar and m. mu = -x.
References
    [1] C. Tantardini et al., "Gauge-invariant long-wavelength TDDFT without empty states" (2025), Secs. II-III.
"""

from __future__ import annotations

import numpy as np
import sympy as sp
from hypothesis import strategies as st

from derivcheck import NumericCheck, Observation, Tolerance, register
from derivations.polarizability import StateSum, make_claim
from numerics.hamiltonians import GridChain, grid_chains, nonlocal_chains, separable_particles
from numerics.response import (chain_oscillator_strengths, chain_spectrum, first_moments,
                               thermal_chain_transitions)

__all__ = ["double_commutator_is_hbar2_over_m", "trk_sum_equals_electron_count", "f_sum_with_prefactor",
           "trk_integral_as_printed", "trk_integral_corrected", "length_velocity_equivalence_as_printed",
           "length_velocity_equivalence_with_commutator_velocity", "thermal_trk_as_printed",
           "thermal_trk_corrected", "velocity_alpha"]

# --- LG-09/comm: [x,[H,x]] f = hbar^2 f / m ------------------------------------------------------------------------
x = sp.Symbol("x", real=True)
hbar, m = sp.symbols("hbar m", positive=True)
D = sp.Symbol("D", real=True)
_f, _V = sp.Function("f")(x), sp.Function("V")(x)


def _H(g):
    """H g = -hbar^2/(2m) g'' + V g: a particle in a local potential."""
    return -hbar ** 2 / (2 * m) * sp.diff(g, x, 2) + _V * g


def _double_commutator(g):
    comm = lambda u: _H(x * u) - x * _H(u)                   # [H, x] u
    return x * comm(g) - comm(x * g)                         # [x, [H, x]] g


def _observe_comm(inst) -> Observation:
    chain, hb, mm = inst
    d, e = chain.tridiagonal()
    scale = hb ** 2 / mm
    d, e = scale * (d - chain.V) + chain.V, scale * e          # H = -(hbar^2/2m) Delta_h + V
    from scipy.linalg import eigh_tridiagonal
    _, v = eigh_tridiagonal(d, e, select="i", select_range=(0, 0))
    psi = v[:, 0]
    dx = np.diff(chain.x)
    # [x,[H,x]]_ab = -(x_a - x_b)^2 H_ab: only the nearest-neighbour bonds survive
    val = 2 * np.sum(psi[:-1] * psi[1:] * (-(dx ** 2) * e))
    return Observation({"D": val / np.sum(psi ** 2), "hbar": hb, "m": mm})


@register("LG-09/comm")
def double_commutator_is_hbar2_over_m() -> Claim:
    r"""Spec check (i) of LG-09: :math:`[x,[H,x]]f=\hbar^2f/m` for :math:`H=p^2/2m+V(x)`."""
    return make_claim(
        "LG-09/comm", "double_commutator_of_local_hamiltonian_is_hbar2_over_m", D, hbar ** 2 / m,
        definitions={D: _double_commutator(_f) / _f},
        statement=r"[x,[H,x]]f=\frac{\hbar^2}{m}f,\qquad H=\frac{p^2}{2m}+V(x)",
        title="Double commutator behind the TRK sum rule (local potential)",
        numeric=NumericCheck(
            instances=lambda: st.tuples(grid_chains(n=1200), st.floats(0.7, 1.4), st.floats(0.7, 1.4)),
            observe=_observe_comm, samples=10,
            tolerance=Tolerance(rel=2e-3, reason="finite-difference lattice: <[x,[H,x]]> is the bond expectation, "
                                "1 - O(h^2 <k^2>) with h = 0.01 (tests check the h^2 convergence)"),
            method="ground state of -(hbar^2/2m) Delta_h + V on a 1200-point grid; <[x,[H,x]]> from the matrix "
                   "elements -(x_a - x_b)^2 H_ab"),
        assumptions=("local potential V(x)",))


# --- LG-09/sum -----------------------------------------------------------------------------------------------------
w = sp.Symbol("w", real=True)
mu2 = sp.Symbol("mu2", nonnegative=True)
N_e = sp.Symbol("N_e", integer=True, positive=True)
I_mom = sp.Symbol("I_moment", real=True)
eta = sp.Symbol("eta", positive=True)


def _separable_arrays(particle) -> dict:
    """omega_n0 and |mu_0n|^2 of a particle in a separable 3D potential: only one-direction excitations carry
    dipole from the ground state, so these arrays hold every nonzero term of the sum."""
    ws, m2 = [], []
    for chain in particle.chains:
        wn, x2 = chain_oscillator_strengths(chain)
        ws.append(wn)
        m2.append(x2)
    return {"w": np.concatenate(ws), "mu2": np.concatenate(m2), "N_e": 1}


_LATTICE = Tolerance(rel=2e-3, reason="finite-difference lattice with h = 0.015: the grid f-sum is the bond "
                     "expectation, 1 - O(h^2 <k^2>) ~ 5e-4 (tests check h^2 convergence and the bond identity)")


def _sum_numeric() -> NumericCheck:
    return NumericCheck(instances=lambda: separable_particles(n=800),
                        observe=lambda p: Observation(_separable_arrays(p)), tolerance=_LATTICE, samples=10,
                        method="one electron in a random separable 3D local potential (three 800-point chains); "
                               "omega_n0 and |x_0n|^2 from the tridiagonal MRRR eigensolver")


@register("LG-09/sum")
def trk_sum_equals_electron_count() -> Claim:
    r"""Eq. (8): :math:`\sum_nf_{0n}=N_e` with :math:`f_{0n}=\frac23\omega_{n0}|\mu_{0n}|^2`."""
    return make_claim("LG-09/sum", "trk_sum_equals_electron_count",
                      StateSum(sp.Rational(2, 3) * w * mu2), N_e, numeric=_sum_numeric(),          # [1] Eq. (8)
                      statement=r"\sum_nf_{0n}=N_e,\qquad f_{0n}=\tfrac23\omega_{n0}|\boldsymbol\mu_{0n}|^2",
                      assumptions=("H = sum_i p_i^2/2 + V, local V", "complete set of eigenstates"),
                      notes="Holds for local Hamiltonians (LG-09/comm). Lattice and nonlocal Hamiltonians need not "
                            "satisfy it (tests: nonlocal chains miss N_e by O(lambda)).")


def f_sum_with_prefactor(prefactor) -> Claim:
    """A seeded mistake for tests: the TRK sum with f_0n = prefactor * (2/3) omega |mu|^2."""
    c = trk_sum_equals_electron_count()
    return c.with_formula(prefactor * c.lhs, c.rhs)


# --- LG-09/int -----------------------------------------------------------------------------------------------------
def _observe_integral(inst) -> Observation:
    particle, et = inst
    arr = _separable_arrays(particle)
    keep = arr["mu2"] > 1e-30 * arr["mu2"].max()
    moments = first_moments(arr["w"][keep], et)     # int_0^oo w Im[2 W/(W^2 - (w + i eta)^2)] dw, per state
    I = 2 / np.pi * np.sum(arr["mu2"][keep] / 3 * moments)     # alpha_iso of Eq. (6): (1/3) |mu|^2 per term
    return Observation({"I_moment": I, "N_e": 1})


def _integral_numeric() -> NumericCheck:
    return NumericCheck(instances=lambda: st.tuples(separable_particles(n=800), st.floats(0.01, 0.5)),
                        observe=_observe_integral, tolerance=_LATTICE, samples=8,
                        method="alpha_iso(omega) of Eq. (6) with finite eta for a particle in a separable 3D local "
                               "potential; (2/pi) int_0^oo omega Im alpha_iso by tan-mapped Gauss-Legendre "
                               "quadrature, term by term")


@register("LG-09/int")
def trk_integral_as_printed() -> Claim:
    r"""Eq. (8)/(40): :math:`\frac2\pi\int_0^\infty d\omega\,\omega\,\mathrm{Im}\,\alpha_{\rm iso}=N_e/3`."""
    return make_claim("LG-09/int", "trk_integral_equals_electron_count_over_three_as_printed", I_mom, N_e / 3,
                      numeric=_integral_numeric(),                                                 # [1] Eq. (8)
                      statement=r"\frac2\pi\int_0^\infty d\omega\,\omega\,\mathrm{Im}\,\alpha_{\rm iso}(\omega)="
                                r"\frac{N_e}{3}",
                      notes="With Eq. (7), (2/pi) int w Im alpha_iso = (2/3) sum w_n0 |mu_0n|^2 = sum f_0n = N_e: "
                            "the two sides of the printed equivalence differ by a factor 3.")


@register("LG-09/int/fix")
def trk_integral_corrected() -> Claim:
    r""":math:`\frac2\pi\int_0^\infty\omega\,\mathrm{Im}\,\alpha_{\rm iso}\,d\omega=N_e`, consistent with Eq. (8)."""
    return make_claim("LG-09/int/fix", "trk_integral_equals_electron_count", I_mom, N_e,
                      numeric=_integral_numeric(), corrects="LG-09/int",
                      statement=r"\frac2\pi\int_0^\infty d\omega\,\omega\,\mathrm{Im}\,\alpha_{\rm iso}(\omega)=N_e",
                      title="Integral TRK sum rule consistent with f_0n = (2/3) w |mu|^2")


# --- MT-14/iii: thermal f-sum --------------------------------------------------------------------------------------
def _observe_thermal(inst) -> Observation:
    particle, et = inst
    I = 0.0
    for chain in particle.chains:
        wn, wt = thermal_chain_transitions(chain, particle.beta, cutoff=1e-14)
        keep = np.abs(wt) > 1e-16 * np.abs(wt).max()        # the dropped pairs carry < 1e-16 of the weight each
        I += np.sum(wt[keep] / 3 * first_moments(wn[keep], et, order=24))
    return Observation({"I_moment": 2 / np.pi * I, "N_e": 1})


def _thermal_numeric() -> NumericCheck:
    return NumericCheck(instances=lambda: st.tuples(separable_particles(n=400, thermal=True), st.floats(0.02, 0.5)),
                        observe=_observe_thermal, samples=5,
                        tolerance=Tolerance(rel=5e-3, reason="finite-difference lattice h = 0.03: thermal bond "
                                            "expectation 1 - O(h^2 <k^2>_T) <= 2.5e-3 for beta >= 0.5; pairs with "
                                            "Boltzmann weight < 1e-14 dropped; first-moment quadrature <= 1e-5"),
                        method="thermal alpha_iso = sum (p_m - p_n)|mu_mn|^2 2 w_nm/(w_nm^2 - (w + i eta)^2)/3 of a "
                               "particle in a separable 3D local potential at beta in {50, 2, 0.5, random}; first "
                               "moment by tan-mapped quadrature")


@register("MT-14/iii")
def thermal_trk_as_printed() -> Claim:
    r"""MT-14 (iii), Eq. (40): the temperature-independent f-sum :math:`\frac2\pi\int\omega\,\mathrm{Im}\,
    \alpha_{\rm iso}=N_e/3`."""
    return make_claim("MT-14/iii", "thermal_trk_integral_equals_electron_count_over_three_as_printed", I_mom,
                      N_e / 3, numeric=_thermal_numeric(),
                      statement=r"\frac2\pi\int_0^\infty d\omega\,\omega\,\mathrm{Im}\,\alpha_{\rm iso}(\omega)="
                                r"\frac{N_e}3\quad\text{(any }T)",
                      notes="The thermal first moment is (1/3) <[mu,[H,mu]]>_T = N_e for local H at every T: the "
                            "temperature independence holds, the printed value N_e/3 does not.")


@register("MT-14/iii/fix")
def thermal_trk_corrected() -> Claim:
    """The thermal f-sum equals N_e at every temperature for local Hamiltonians."""
    return make_claim("MT-14/iii/fix", "thermal_trk_integral_equals_electron_count", I_mom, N_e,
                      numeric=_thermal_numeric(), corrects="MT-14/iii",
                      statement=r"\frac2\pi\int_0^\infty d\omega\,\omega\,\mathrm{Im}\,\alpha_{\rm iso}(\omega)=N_e"
                                r"\quad\text{(any }T)",
                      title="Temperature-independent TRK sum with the right value")


# --- LG-20: length/velocity equivalence ----------------------------------------------------------------------------
omega = sp.Symbol("omega", real=True)
alpha_L = sp.Symbol("alpha_L", complex=True)
chi_pp = sp.Symbol("chi_pp", complex=True)
chi_vv = sp.Symbol("chi_vv", complex=True)
D_c = sp.Symbol("D_c", real=True)
_OMEGAS = np.array([0.5, 0.9, 1.5])


def _gauge_responses(chain: GridChain, et: float) -> dict:
    """Ground-state length alpha_L(z) and current correlators with p = i[T, x] (kinetic) and v = i[H, x]."""
    E, V = chain_spectrum(chain)
    Om = E[1:] - E[0]
    H = chain.dense()
    T = chain.kinetic_dense()
    X = chain.x
    v0 = V[:, 0]
    x0n = (X * v0) @ V                                           # <0|x|n>
    comm = lambda A: 1j * ((A @ v0) * X @ V - (X * v0) @ (A @ V))   # <0|i[A, x]|n>
    p0n, v0n = comm(T), comm(H)
    z = _OMEGAS + 1j * et
    res = lambda a2: np.sum(a2[None, 1:] * (1 / (Om[None] - z[:, None]) + 1 / (Om[None] + z[:, None])), axis=1)
    Dc = float(np.real(np.sum(2 * Om * np.abs(x0n[1:]) ** 2)))      # <0|[x,[H,x]]|0> via completeness
    return {"alpha_L": res(np.abs(x0n) ** 2), "chi_pp": res(np.abs(p0n) ** 2), "chi_vv": res(np.abs(v0n) ** 2),
            "D_c": Dc, "omega": _OMEGAS, "eta": et, "N_e": 1}


def _gauge_instances():
    return st.tuples(st.one_of(grid_chains(n=500), nonlocal_chains(n=500)), st.floats(0.01, 0.3))


def velocity_alpha(diamagnetic: bool = True) -> Claim:
    """LG-20 as printed, or (seeded mistake for tests) without the diamagnetic term N_e."""
    c = length_velocity_equivalence_as_printed()
    return c if diamagnetic else c.with_formula(c.lhs, chi_pp / (omega + sp.I * eta) ** 2)


@register("LG-20")
def length_velocity_equivalence_as_printed() -> Claim:
    r"""'Length- and velocity-gauge forms are equivalent in a complete basis; any difference reflects basis
    truncation': :math:`\alpha_L(\omega)=[\chi_{pp}(\omega^+)-N_e]/(\omega^+)^2` on a fine grid."""
    return make_claim(
        "LG-20", "length_gauge_alpha_equals_velocity_gauge_alpha_in_complete_basis", alpha_L,
        (chi_pp - N_e) / (omega + sp.I * eta) ** 2,
        numeric=NumericCheck(instances=_gauge_instances, observe=lambda i: Observation(_gauge_responses(*i)),
                             samples=10, method="local and nonlocal (lambda |phi><phi|) Hamiltonians on a 500-point "
                             "grid (the complete-basis limit up to O(h^2)); alpha_L from |x_0n|^2, chi_pp from "
                             "p = i[T, x] (m = 1), contact term N_e = 1, at omega = 0.5, 0.9, 1.5",
                             tolerance=Tolerance(rel=1e-2, abs=1e-3, reason="lattice: the grid contact term "
                                                 "<[x,[T,x]]> differs from N_e by O(h^2 <k^2>) ~ 1e-3, divided by "
                                                 "|omega+|^2 >= 0.25")),
        notes="Reading: velocity form with the momentum p and the exact contact term N_e (the paper's Sec. II "
              "setting, hypervirial p_mn = i m w_mn x_mn). It holds for local H; with a separable nonlocal "
              "potential i[H, x] != p/m, the TRK sum is not N_e and the forms differ in the complete-basis limit, "
              "so 'any difference reflects basis truncation' fails.")


@register("LG-20/fix")
def length_velocity_equivalence_with_commutator_velocity() -> Claim:
    r"""With :math:`v=i[H,x]` and :math:`D=\langle[x,[H,x]]\rangle`: :math:`\alpha_L=(\chi_{vv}-D)/(\omega^+)^2`
    exactly, in any basis and for nonlocal H."""
    z = omega + sp.I * eta
    Om = sp.symbols("Omega_1:3", positive=True)
    X2 = sp.symbols("X_1:3", positive=True)
    term = lambda k, a2: a2 * (1 / (Om[k] - z) + 1 / (Om[k] + z))
    model = {alpha_L: sum(term(k, X2[k]) for k in range(2)),
             chi_vv: sum(term(k, Om[k] ** 2 * X2[k]) for k in range(2)),      # |v_0n|^2 = Omega^2 |x_0n|^2
             D_c: sum(2 * Om[k] * X2[k] for k in range(2))}
    return make_claim(
        "LG-20/fix", "length_alpha_equals_velocity_alpha_with_commutator_velocity_and_contact_term", alpha_L,
        (chi_vv - D_c) / z ** 2, definitions=model, corrects="LG-20", sample_residual=True,
        statement=r"\alpha_L(\omega)=\frac{\chi_{vv}(\omega^+)-\langle[x,[H,x]]\rangle}{(\omega^+)^2},\quad v=i[H,x]",
        title="Length/velocity identity with v = i[H, x]",
        numeric=NumericCheck(instances=_gauge_instances, observe=lambda i: Observation(_gauge_responses(*i)),
                             samples=10, tolerance=Tolerance(rel=1e-8, abs=1e-10, reason="algebraic identity in "
                                                             "the grid basis: round-off of eigh on 500 points"),
                             method="as LG-20, with v = i[H, x] and D = <0|[x,[H,x]]|0> (local and nonlocal)"))
