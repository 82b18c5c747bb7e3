r"""Natural states, natural orbitals and the exact natural-orbital energy expression (Tangney Eq. 68, App. D).

Overview
    Random few-site fermion systems (spec generator GB5: N = 3 spinless fermions on L = 6 sites, random Hermitian
    hopping, random site potential, random symmetric density-density interaction; also N = 2, 4, and random states
    besides ground states). The energy, the one-/two-body energies and the 1-RDM come from the second-quantized
    determinant representation (``numerics.many_body``); natural orbitals, dual states, Schmidt coefficients and
    reduced matrices come from the first-quantized antisymmetric tensor (numpy SVD / contractions). The printed
    formulas are lambdified on those quantities, so what is compared is exactly the printed expression.
Key claims
    T-B-23 (Eq. 68), /density, /sum, /orthonormal, /eigen, /mu-le-1, /kinetic, /noninteracting (REFUTED: the
    natural orbitals of the ground state do not tend to eigenstates of h as w -> 0), /noninteracting-fix,
    /vmf-norm (REFUTED: (1/N) n^{(N-1)} integrates to (N-1)/N, not one), /vmf-norm-fix;
    T-B-53a (D2: natural p- and q-states share eigenvalue |C|^2), /q, /spectra, /D1, /antisym, /D3, /P1;
    T-B-53b/D5, /D6, /D7, /D8 (REFUTED as printed: weight cbar_a c_b instead of c_b/c_a), /D8-fix, /D9 and
    /deps (the printed Delta-eps pair: REFUTED where defined, N = 2), /deps-fix, /D9-fix, /D10, /mu-eq-1,
    /anticomm (holds iff A{chi phi} has M unit-weight signed terms), /anticomm-projector (REFUTED).
Conventions
    Psi normalized as sum |Psi|^2 = 1 over ordered coordinates; Schmidt form Psi = sum_a c_a phi_a(1) Theta_a(2..N)
    from the SVD of Psi reshaped L x L^(N-1); c_a are given random phases (Theta_a the opposite) so that the
    placement of complex conjugates in the printed formulas is tested. lambda = |c|^2, mu = N lambda.
    Delta-eps as printed, :math:`\frac1N\frac{c_\beta}{c_\alpha}\langle\varphi_\alpha|\hat{\mathcal U}_{\alpha\beta}|\varphi_\beta\rangle`,
    sandwiches the (N-1)-particle operator U between orbitals; it is defined only for N = 2. The well-typed form
    :math:`\frac1N\frac{c_\beta}{c_\alpha}\langle\Theta_\alpha|\hat{\mathcal U}_{\alpha\beta}|\Theta_\beta\rangle
    =\frac1N\frac{c_\beta}{c_\alpha}\langle\varphi_\alpha|\hat{\mathcal V}_{\alpha\beta}|\varphi_\beta\rangle`
    is what D6/D7 -> D9 need; T-B-23 and D10 are checked with it.
References
    [1] P. Tangney (2024), Sec. XII.D (Eq. 68), App. D.1 (D1-D3), App. D.2 (D4-D10 and its appendix).
    [2] A. J. Coleman, Rev. Mod. Phys. 35, 668 (1963).
"""

from __future__ import annotations

import math

import numpy as np
import sympy as sp
from hypothesis import strategies as st

from derivcheck import Claim, NumericCheck, Observation, Relation, Tolerance, register, spec_entry
from derivcheck.hunt import Reject
from derivations.polarizability import StateSum
from numerics import many_body as mb

__all__ = ["natural_quantities", "eq68_energy", "density_from_natural_orbitals", "occupations_sum_to_N",
           "natural_orbitals_orthonormal", "natural_orbitals_are_1rdm_eigenstates", "occupations_at_most_one",
           "kinetic_energy_from_natural_orbitals", "noninteracting_limit_as_printed",
           "noninteracting_limit_corrected", "natural_states_share_eigenvalue_p", "natural_states_share_eigenvalue_q",
           "p_and_q_spectra_equal", "double_sum_expansion_d1", "natural_states_antisymmetric",
           "natural_state_orthogonal_to_dual_d3", "schmidt_truncation_is_optimal", "one_body_energy_d5",
           "two_body_energy_d6", "two_body_energy_d7", "energy_d8_as_printed", "energy_d8_corrected",
           "two_body_energy_d9_as_printed", "delta_eps_forms_as_printed", "delta_eps_forms_corrected",
           "two_body_energy_d9_corrected", "energy_d10", "occupation_one_for_product_form",
           "anticommutator_cosets", "anticommutator_projector", "anticommutator_full_sum",
           "mean_field_density_integral_as_printed", "mean_field_density_integral_corrected",
           "natural_p_states_antisymmetric"]

PAPER = "tangney2024"

# --- symbols (arrays over natural orbitals alpha, or alpha x beta) ------------------------------------------------------
E, E_1, E_W, T_kin = sp.symbols("E E_1 E_W T_kin", real=True)      # from the second-quantized state
N_e = sp.Symbol("N_e", integer=True, positive=True)
mu, lam = sp.symbols("mu lambda", nonnegative=True)                 # (K,)
t_al, v_al, W_al, vMF_al, eps_al = sp.symbols("t_alpha v_alpha W_alpha v_MF_alpha varepsilon_alpha", real=True)
Deps = sp.Symbol("Delta_varepsilon", complex=True)                  # (K, K), well-typed form
delta = sp.Symbol("delta_ab", nonnegative=True)                     # (K, K) Kronecker delta
c_a, c_b = sp.symbols("c_alpha c_beta", complex=True)               # (K, 1) and (1, K): the same coefficients
Umat, Vmat = sp.symbols("U_ab V_ab", complex=True)                  # <Theta_a|U_ab|Theta_b>, <phi_a|V_ab|phi_b>
PU, PV = sp.symbols("PU_ab PV_ab", complex=True)                    # printed: <phi_a|U_ab|phi_b>, <Theta_a|V_ab|Theta_b> (N = 2)
offd = 1 - delta
_SUM_BNE = StateSum(offd * Deps)                                    # sum_{beta != alpha} Delta eps_{alpha beta}

_EXACT = Tolerance(rel=1e-10, abs=1e-12, reason="exact diagonalization (eigh) and SVD of <= 1296-entry tensors; sums "
                   "of <= 36 terms with weights c_b/c_a <= 1e3 (instances with c_min < 1e-3 c_max are rejected): "
                   "round-off 1e-16 x 1e3 x conditioning")


def _claim(cid, name, lhs, rhs, *, observe, instances, tol=_EXACT, method, samples=20, **kw) -> Claim:
    spec = spec_entry(cid.split("/")[0])
    return Claim(id=cid, name=name, paper=PAPER, location=kw.pop("location", spec["location"]),
                 statement=kw.pop("statement", spec["statement"]), title=kw.pop("title", spec["title"]),
                 lhs=lhs, rhs=rhs, headline=kw.pop("headline", True), sample_residual=False,
                 assumptions=kw.pop("assumptions", ("normalized antisymmetric N-fermion pure state",
                                                    "H = sum_i h(i) + sum_{i<j} w(i, j), h = t + v_ext")),
                 numeric=NumericCheck(instances=instances, observe=observe, tolerance=tol, method=method,
                                      samples=samples), **kw)


# --- instances -------------------------------------------------------------------------------------------------------
@st.composite
def systems(draw, sizes=((6, 3), (6, 3), (5, 3), (6, 4), (5, 2), (6, 2))):
    """(L, N, t, v, w, coeffs, phases): a GB5 model and a ground state (strong or weak w) or a random state."""
    L, N = draw(st.sampled_from(sizes))
    seed = draw(st.integers(0, 2**32 - 1))
    kind = draw(st.sampled_from(["ground", "ground_strong", "random"]))
    rng = np.random.default_rng(seed)
    t, v, w = mb.random_model(rng, L, scale_w=4.0 if kind == "ground_strong" else 1.0)
    coeffs = mb.random_state(rng, L, N) if kind == "random" else mb.ground_state(t, v, w, N)
    return L, N, t, v, w, coeffs, rng.uniform(0, 2 * np.pi, size=L), kind


def _systems_N(*sizes):
    return lambda: systems(sizes=sizes)


def natural_quantities(L, N, t, v, w, coeffs, phases, cmin=1e-3):
    """Everything the D-equations need, computed from the state itself (see the module docstring)."""
    psi = mb.to_tensor(coeffs, L, N)
    s, U, Vh = mb.schmidt(psi, 1)
    if s[-1] < cmin * s[0]:
        raise Reject("a Schmidt coefficient is (nearly) zero: c_b/c_a is undefined")
    K = s.size
    c = s * np.exp(1j * phases[:K])
    phi = U.T                                                        # (K, L), phi[a] = phi_a
    Theta = (Vh * np.exp(-1j * phases[:K])[:, None]).reshape((K,) + (L,) * (N - 1))
    lam_ = np.abs(c) ** 2
    mu_ = N * lam_
    dens_a = np.abs(phi) ** 2
    t_ = np.real(np.einsum("ai,ij,aj->a", phi.conj(), t, phi))
    v_ = dens_a @ v
    W_ = np.array([mb.pair_energy(Theta[a], w) if N > 2 else 0.0 for a in range(K)])
    # density of the (N-1)-particle dual state and transition densities rho_ab(y) = sum_j int conj Th_a Th_b |x_j=y
    rho_ab = np.zeros((K, K, L), dtype=complex)
    for j in range(N - 1):                                           # coordinate axes of Theta labelled 2..N
        rho_ab += np.einsum(Theta.conj(), [0] + list(range(2, N + 1)), Theta, [1] + list(range(2, N + 1)),
                            [0, 1, j + 2])
    n_dual = np.real(np.einsum("aay->ay", rho_ab))                   # n_a^{(N-1)}(y), integral N - 1
    vMF = (n_dual @ w.T) / N                                         # v_a^MF(x) = (1/N) sum_y w(x, y) n_a(y)
    vMF_ = np.sum(dens_a * vMF, axis=1)
    h_a = t[None] + np.einsum("ax,xy->axy", vMF + v[None, :], np.eye(L))
    eps_ = np.real(np.einsum("ai,aij,aj->a", phi.conj(), h_a, phi))
    # g_ab(y) = int conj phi_a(x) w(x, y) phi_b(x) dx: the kernel of the (N-1)-particle operator U_ab
    g_ab = np.einsum("ax,xy,bx->aby", phi.conj(), w, phi)
    U_ = np.einsum("aby,aby->ab", g_ab, rho_ab)                      # <Theta_a|U_ab|Theta_b>
    v_ab = np.einsum("xy,aby->abx", w, rho_ab)                       # kernel of the 1-particle operator V_ab
    V_ = np.einsum("ax,abx,bx->ab", phi.conj(), v_ab, phi)           # <phi_a|V_ab|phi_b>
    out = dict(psi=psi, c=c, phi=phi, Theta=Theta, K=K, lam=lam_, mu=mu_, t=t_, v=v_, W=W_, vMF=vMF_, eps=eps_,
               n_dual=n_dual,
               U=U_, V=V_, rho_ab=rho_ab, g_ab=g_ab, v_ab=v_ab)
    if N == 2:   # the printed sandwiches are defined: U_ab, V_ab are both 1-particle operators
        out["PU"] = np.einsum("ay,aby,by->ab", phi.conj(), g_ab, phi)
        Th = Theta.reshape(K, L)
        out["PV"] = np.einsum("ax,abx,bx->ab", Th.conj(), v_ab, Th)
    return out


def _observe_energy(inst, need_ratio=True) -> Observation:
    """need_ratio: the relation divides by c_alpha, so states with a (nearly) vanishing c_alpha are rejected."""
    L, N, t, v, w, coeffs, phases, _ = inst
    q = natural_quantities(L, N, t, v, w, coeffs, phases, cmin=1e-3 if need_ratio else 0.0)
    c = q["c"]
    with np.errstate(all="ignore"):
        ratio = c[None, :] / c[:, None]
    vals = {"E": mb.energy_second(coeffs, t, v, w, N), "E_1": mb.one_body_energy_second(coeffs, t + np.diag(v), N),
            "E_W": mb.two_body_energy_second(coeffs, w, N), "T_kin": mb.one_body_energy_second(coeffs, t, N),
            "N_e": N, "mu": q["mu"], "lambda": q["lam"], "t_alpha": q["t"], "v_alpha": q["v"], "W_alpha": q["W"],
            "v_MF_alpha": q["vMF"], "varepsilon_alpha": q["eps"], "delta_ab": np.eye(q["K"]),
            "c_alpha": c[:, None], "c_beta": c[None, :], "U_ab": q["U"], "V_ab": q["V"],
            "Delta_varepsilon": ratio * q["U"] / N}
    if N == 2:
        vals["PU_ab"], vals["PV_ab"] = q["PU"], q["PV"]
    scale = float(np.sum(np.abs(t)) + np.sum(np.abs(v)) + np.sum(np.abs(w)))
    return Observation(vals, scale=scale)


def _observe_energy_all(inst) -> Observation:
    """For relations without 1/c_alpha: every state counts."""
    return _observe_energy(inst, need_ratio=False)


_METHOD = ("GB5 random lattice fermions (L = 5-6 sites, N = 2-4; ground states for weak and strong interaction, and "
           "random states); E, E_1, E_W, <T> from the determinant representation; natural orbitals, duals, c_a (with "
           "random phases), W_a, v_MF, U_ab, V_ab by contraction of the first-quantized tensor; printed formula "
           "lambdified on them")


# === T-B-23 =========================================================================================================
@register("T-B-23")
def eq68_energy() -> Claim:
    r"""Eq. 68: :math:`E=\sum_\alpha\mu_\alpha[\varepsilon_\alpha+\sum_{\beta\ne\alpha}\Delta\varepsilon_{\alpha\beta}
    +\frac1{N_e}W_\alpha^{(N_e-1)}]`, with the well-typed :math:`\Delta\varepsilon` (see module docstring)."""
    return _claim("T-B-23", "energy_as_sum_over_natural_orbitals_eq68", E,
                  StateSum(mu * (eps_al + _SUM_BNE + W_al / N_e)), observe=_observe_energy, instances=systems,
                  method=_METHOD,
                  notes="Delta eps_ab = (1/N)(c_b/c_a)<Theta_a|U_ab|Theta_b> (= (1/N)(c_b/c_a)<phi_a|V_ab|phi_b>), the "
                        "form with operators and states of matching particle number; the printed definition is "
                        "ill-typed for N > 2 and wrong for N = 2 (T-B-53b/deps, /D9). v_MF uses n_a^{(N-1)} with "
                        "integral N - 1 (the text's 'electron density with integral one' is (N-1)/N).")


def _observe_orbitals(inst) -> Observation:
    L, N, t, v, w, coeffs, phases, _ = inst
    q = natural_quantities(L, N, t, v, w, coeffs, phases, cmin=0.0)
    g = mb.one_rdm_second(coeffs, L, N)                               # gamma_ij = <a+_j a_i>
    n = np.real(np.diag(g))
    phi = q["phi"]
    return Observation({"n_r": n, "mu": q["mu"], "phi_T": phi.T, "N_e": N, "phi_overlap": phi.conj() @ phi.T,
                        "delta_ab": np.eye(q["K"]), "gamma_phi": (g @ phi.T).T, "phi": phi,
                        "mu_col": q["mu"][:, None]}, scale=1.0)


n_r = sp.Symbol("n_r", nonnegative=True)
phi_T, phi_s, gamma_phi = sp.symbols("phi_T phi gamma_phi", complex=True)
phi_overlap = sp.Symbol("phi_overlap", complex=True)
mu_col = sp.Symbol("mu_col", nonnegative=True)
_ROUND = Tolerance(abs=1e-12, reason="SVD of a <= 6 x 216 matrix and 1-RDM sums: round-off")


@register("T-B-23/density")
def density_from_natural_orbitals() -> Claim:
    return _claim("T-B-23/density", "density_is_occupation_weighted_natural_orbital_density", n_r,
                  StateSum(mu * sp.Abs(phi_T) ** 2), observe=_observe_orbitals, instances=systems, tol=_ROUND,
                  method="n(r) = <a+_r a_r> in second quantization; mu, phi from the Schmidt SVD of the tensor",
                  statement=r"n(\vec r)=\sum_\alpha\mu_\alpha|\varphi_\alpha(\vec r)|^2")


@register("T-B-23/sum")
def occupations_sum_to_N() -> Claim:
    return _claim("T-B-23/sum", "natural_occupations_sum_to_N", StateSum(mu), N_e, observe=_observe_orbitals,
                  instances=systems, tol=_ROUND, method="mu = N |c|^2 from the Schmidt SVD",
                  statement=r"\sum_\alpha\mu_\alpha=N_e")


@register("T-B-23/orthonormal")
def natural_orbitals_orthonormal() -> Claim:
    return _claim("T-B-23/orthonormal", "natural_orbitals_orthonormal", phi_overlap, delta, observe=_observe_orbitals,
                  instances=systems, tol=_ROUND, method="overlap matrix of the Schmidt orbitals",
                  statement=r"\langle\varphi_\alpha|\varphi_\beta\rangle=\delta_{\alpha\beta}")


@register("T-B-23/eigen")
def natural_orbitals_are_1rdm_eigenstates() -> Claim:
    return _claim("T-B-23/eigen", "natural_orbitals_are_eigenstates_of_1rdm_with_eigenvalue_mu", gamma_phi,
                  mu_col * phi_s, observe=_observe_orbitals, instances=systems, tol=_ROUND,
                  method="gamma_ij = <a+_j a_i> from the determinant coefficients applied to the Schmidt orbitals "
                         "(tensor SVD): gamma phi_a against mu_a phi_a",
                  statement=r"\hat\gamma|\varphi_\alpha\rangle=\mu_\alpha|\varphi_\alpha\rangle\ "
                            r"\text{(natural orbitals: normalized eigenstates of the 1-RDM)}")


@register("T-B-23/mu-le-1")
def occupations_at_most_one() -> Claim:
    return _claim("T-B-23/mu-le-1", "natural_occupations_at_most_one", mu, sp.Integer(1), relation=Relation.LE,
                  observe=_observe_orbitals, instances=systems, tol=_ROUND, method="mu = N |c|^2 (Schmidt SVD)",
                  statement=r"\mu_\alpha\le1,\ \forall\alpha")


@register("T-B-23/kinetic")
def kinetic_energy_from_natural_orbitals() -> Claim:
    return _claim("T-B-23/kinetic", "kinetic_energy_is_occupation_weighted_orbital_sum", T_kin,
                  StateSum(mu * t_al), observe=_observe_energy_all, instances=systems, method=_METHOD,
                  statement=r"\langle\Psi|\hat T|\Psi\rangle=\sum_\alpha\mu_\alpha\langle\varphi_\alpha|\hat t|"
                            r"\varphi_\alpha\rangle")


# --- the noninteracting limit ------------------------------------------------------------------------------------------
_EPS_W = 1e-6


@st.composite
def _weak(draw):
    L, N = draw(st.sampled_from([(6, 3), (5, 2), (6, 2), (5, 3)]))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    t, v, w = mb.random_model(rng, L)
    e = np.linalg.eigvalsh(t + np.diag(v))
    return L, N, t, v, w, e


def _observe_weak(inst) -> Observation:
    L, N, t, v, w, e = inst
    gaps = np.diff(e)
    if np.min(gaps) < 0.05:
        raise Reject("near-degenerate one-body levels: the limit of the natural orbitals is then not unique")
    h = t + np.diag(v)
    coeffs = mb.ground_state(t, v, _EPS_W * w, N)
    s, U, _ = mb.schmidt(mb.to_tensor(coeffs, L, N), 1)
    phi = U.T
    occ = phi[:N]                                                     # the N natural orbitals with mu -> 1
    _, vecs = np.linalg.eigh(h)
    P = vecs[:, :N] @ vecs[:, :N].conj().T
    return Observation({"Pocc_phi": (P @ occ.T).T, "phi_occ": occ}, scale=float(np.max(np.abs(h))))


Pocc_phi, phi_occ = sp.symbols("Pocc_phi phi_occ", complex=True)
_WEAK = Tolerance(rel=1e-4, reason=f"w scaled by {_EPS_W:g}: the occupied natural-orbital space (separated from "
                  "the empty one by mu ~ 1 vs ~ 0, well resolved by the SVD) differs from its w -> 0 limit "
                  "by O(eps |w| / gap) <= 1e-6 x 2 / 0.05 = 4e-5 relative")


_EPS_LIM = 1e-3


def _observe_limit(inst) -> Observation:
    """Second-order blocks of the 1-RDM in the eigenbasis of h: occupied (1 - gamma)/eps^2 and virtual gamma/eps^2.
    As eps -> 0 the natural orbitals tend to the eigenvectors of these blocks (mu -> 1 and mu -> 0 are degenerate to
    O(eps^2)); they are eigenstates of h iff the blocks commute with h, i.e. are diagonal in its eigenbasis."""
    L, N, t, v, w, e = inst
    if np.min(np.diff(e)) < 0.05:
        raise Reject("near-degenerate one-body levels: the limit of the natural orbitals is then not unique")
    h = t + np.diag(v)
    ev, vecs = np.linalg.eigh(h)
    g = mb.one_rdm_second(mb.ground_state(t, v, _EPS_LIM * w, N), L, N)   # gamma_ij = <a+_j a_i>, to 1e-16
    gb = vecs.conj().T @ g @ vecs
    G2 = np.zeros((L, L), dtype=complex)
    G2[:N, :N] = (np.eye(N) - gb[:N, :N]) / _EPS_LIM**2
    G2[N:, N:] = gb[N:, N:] / _EPS_LIM**2
    H = np.diag(ev)
    return Observation({"hG": H @ G2, "Gh": G2 @ H}, scale=float(np.max(np.abs(ev)) * np.max(np.abs(G2))))


hG, Gh = sp.symbols("hG Gh", complex=True)


@register("T-B-23/noninteracting")
def noninteracting_limit_as_printed() -> Claim:
    r"""'if the magnitude of the electron-electron repulsion could be reduced gradually to zero, the natural orbitals of
    the ground state would become eigenstates of h': the O(w^2) blocks of the 1-RDM, whose eigenvectors are the
    limits of the natural orbitals, would commute with h."""
    return _claim("T-B-23/noninteracting", "natural_orbitals_tend_to_eigenstates_of_h", hG, Gh,
                  observe=_observe_limit, instances=_weak,
                  tol=Tolerance(rel=0.05, reason=f"w scaled by eps = {_EPS_LIM:g}: the O(eps^2) blocks carry O(eps^3) "
                                "corrections, relative O(eps |w| / gap) <= 1e-3 x 2 / 0.05 = 0.04; gamma itself exact "
                                "to 1e-16, i.e. 1e-10 of the blocks"),
                  method=f"ground state of t + v_ext + eps w, eps = {_EPS_LIM:g}, nondegenerate h (gaps >= 0.05); "
                         "gamma from the determinant coefficients, in the eigenbasis of h; occupied block "
                         "(1 - gamma)/eps^2 and virtual block gamma/eps^2 against h: H G vs G H",
                  statement=r"w\to0:\ \hat h|\varphi_\alpha\rangle=\varepsilon|\varphi_\alpha\rangle\ "
                            r"\text{(natural orbitals of the ground state become eigenstates of }\hat h)",
                  location="Sec. XII.D, text after Eq. 68",
                  notes="As w -> 0 the occupations within the occupied (and within the empty) space are degenerate "
                        "to O(w^2), and which basis of that space the natural orbitals tend to is fixed by the O(w^2) "
                        "blocks of the 1-RDM, which are generically not diagonal in the eigenbasis of h: the limits "
                        "span the N lowest eigenstates of h (T-B-23/noninteracting-fix) but are mixtures of them "
                        "(direct SVD at w -> 1e-4 w: |h phi - <h> phi| ~ 0.8-1.9 for |h| ~ 2).")


@register("T-B-23/noninteracting-fix")
def noninteracting_limit_corrected() -> Claim:
    return _claim("T-B-23/noninteracting-fix", "occupied_natural_orbitals_tend_to_span_of_lowest_h_eigenstates",
                  Pocc_phi, phi_occ, observe=_observe_weak, instances=_weak, tol=_WEAK, corrects="T-B-23/noninteracting",
                  method=f"ground state with w -> {_EPS_W:g} w (gaps of h >= 0.05); the N natural orbitals with mu ~ 1 "
                         "from the Schmidt SVD; P = projector on the N lowest eigenstates of h",
                  statement=r"w\to0:\ \hat P_{\rm occ}|\varphi_\alpha\rangle=|\varphi_\alpha\rangle,\ \alpha\le N_e"
                            r"\ \text{(the occupied natural orbitals span the lowest } N_e \text{ eigenstates of }\hat h)",
                  location="Sec. XII.D, text after Eq. 68")


# === T-B-53a ========================================================================================================
@st.composite
def _states_p(draw):
    """(L, N, p, psi, rng): random or ground states with 1 <= p < N."""
    L, N, p = draw(st.sampled_from([(6, 3, 1), (6, 3, 2), (6, 4, 1), (6, 4, 2), (5, 4, 3), (6, 5, 2), (5, 3, 1)]))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    if draw(st.booleans()):
        coeffs = mb.random_state(rng, L, N)
    else:
        t, v, w = mb.random_model(rng, L, scale_w=4.0)
        coeffs = mb.ground_state(t, v, w, N)
    return L, N, p, mb.to_tensor(coeffs, L, N), draw(st.integers(0, 2**32 - 1))


def _observe_53a(inst) -> Observation:
    L, N, p, psi, _ = inst
    s, U, Vh = mb.schmidt(psi, p)
    r = int(np.sum(s > 1e-8 * s[0]))
    Gp, Gq = mb.reduced_matrix(psi, p), mb.reduced_matrix(psi, N - p, last=True)
    X, Y = U[:, :r], Vh[:r].T                                        # columns
    return Observation({"GX": Gp @ X, "GY": Gq @ Y, "X": X, "Y": Y, "C_row": s[None, :r],
                        "lambda_p": np.sort(np.linalg.eigvalsh(Gp))[::-1][:r],
                        "lambda_q": np.sort(np.linalg.eigvalsh(Gq))[::-1][:r]}, scale=1.0)


GX, GY, X_s, Y_s = sp.symbols("GX GY X Y", complex=True)
C_row = sp.Symbol("C_row", nonnegative=True)
lam_p, lam_q = sp.symbols("lambda_p lambda_q", real=True)
_M53 = ("random and interacting ground states, (L, N, p) in {(6,3,1), (6,3,2), (6,4,1), (6,4,2), (5,4,3), (6,5,2), "
        "(5,3,1)}; X, Y, C from the SVD of Psi reshaped L^p x L^q; p- and q-matrices by contraction of Psi")
_R53 = Tolerance(abs=1e-12, reason="SVD / eigh of <= 1296-dimensional reduced matrices of a normalized state: "
                 "round-off")


@register("T-B-53a")
def natural_states_share_eigenvalue_p() -> Claim:
    r"""D2: :math:`\mathcal X_\alpha` is an eigenstate of the p-matrix with eigenvalue :math:`\lambda_\alpha=|C_\alpha|^2`."""
    return _claim("T-B-53a", "natural_p_states_are_p_matrix_eigenstates_with_eigenvalue_C2", GX,
                  sp.Abs(C_row) ** 2 * X_s, observe=_observe_53a, instances=_states_p, tol=_R53, method=_M53,
                  notes="Not encoded: the prose 'Y_a is simply Psi after it has been projected onto the Hilbert "
                        "subspace that is orthogonal to X_a' is ill-typed as written: C_a Y_a = <X_a|Psi> is a partial "
                        "inner product (a q-particle state), not a projection of the N-particle Psi (whose projection "
                        "orthogonal to X_a, Psi - X_a (x) <X_a|Psi>, is an N-particle state).")


@register("T-B-53a/q")
def natural_states_share_eigenvalue_q() -> Claim:
    return _claim("T-B-53a/q", "natural_q_states_are_q_matrix_eigenstates_with_same_eigenvalue", GY,
                  sp.Abs(C_row) ** 2 * Y_s, observe=_observe_53a, instances=_states_p, tol=_R53, method=_M53,
                  statement=r"\int\Gamma_q\,\mathcal Y_\alpha=\lambda_\alpha\mathcal Y_\alpha,\ \lambda_\alpha=|C_\alpha|^2")


@register("T-B-53a/spectra")
def p_and_q_spectra_equal() -> Claim:
    return _claim("T-B-53a/spectra", "p_and_q_matrices_have_equal_nonzero_spectra", lam_p, lam_q,
                  observe=_observe_53a, instances=_states_p, tol=_R53,
                  method=_M53 + "; both spectra by eigvalsh, independently of the SVD",
                  statement=r"\mathrm{spec}\,\Gamma_p\setminus\{0\}=\mathrm{spec}\,\Gamma_q\setminus\{0\}")


def _observe_d1(inst) -> Observation:
    L, N, p, psi, seed = inst
    rng = np.random.default_rng(seed)

    def unitary(n):
        z = rng.normal(size=(n, n)) + 1j * rng.normal(size=(n, n))
        return np.linalg.qr(z)[0]
    Xt, Yt = unitary(L**p), unitary(L ** (N - p))                   # columns: arbitrary orthonormal bases
    M = psi.reshape(L**p, L ** (N - p))
    Ct = Xt.conj().T @ M @ Yt.conj()                                  # C~_ab = <X~_a (x) Y~_b | Psi>
    return Observation({"Psi": M, "Psi_D1": Xt @ Ct @ Yt.T}, scale=1.0)


Psi_s, Psi_D1 = sp.symbols("Psi Psi_D1", complex=True)


@register("T-B-53a/D1")
def double_sum_expansion_d1() -> Claim:
    return _claim("T-B-53a/D1", "expansion_in_any_product_bases_d1", Psi_s, Psi_D1, observe=_observe_d1,
                  instances=_states_p, tol=_R53, headline=False,
                  method=_M53 + "; random unitary p- and q-particle bases; C~ by projection; D1 resummed",
                  statement=spec_entry("T-B-53a")["statement"].split(r"\qquad(\mathrm{D1})")[0] + r"\qquad(\mathrm{D1})")


def _observe_antisym(inst) -> Observation:
    L, N, p, psi, _ = inst
    s, U, Vh = mb.schmidt(psi, p)
    r = int(np.sum(s > 1e-8 * s[0]))
    q = N - p
    Y = Vh[:r].reshape((r,) + (L,) * q)
    if q < 2:
        raise Reject("a 1-particle dual state has no exchange symmetry to test")
    return Observation({"Y_t": Y, "Y_swapped": np.swapaxes(Y, 1, 2)}, scale=1.0)


Y_t, Y_sw = sp.symbols("Y_t Y_swapped", complex=True)


def _observe_antisym_x(inst) -> Observation:
    L, N, p, psi, _ = inst
    if p < 2:
        raise Reject("a 1-particle natural state has no exchange symmetry to test")
    s, U, _ = mb.schmidt(psi, p)
    r = int(np.sum(s > 1e-8 * s[0]))
    X = U[:, :r].T.reshape((r,) + (L,) * p)
    return Observation({"X_t": X, "X_swapped": np.swapaxes(X, 1, 2)}, scale=1.0)


X_t, X_sw = sp.symbols("X_t X_swapped", complex=True)


@register("T-B-53a/antisym-X")
def natural_p_states_antisymmetric() -> Claim:
    return _claim("T-B-53a/antisym-X", "natural_p_states_inherit_antisymmetry", X_t, -X_sw,
                  observe=_observe_antisym_x, instances=_states_p, tol=_R53, headline=False,
                  method=_M53 + "; X_a(x1, x2, ...) vs -X_a(x2, x1, ...) for p >= 2",
                  statement=r"\mathcal X_\alpha(x_1,x_2,\dots)=-\mathcal X_\alpha(x_2,x_1,\dots)")


@register("T-B-53a/antisym")
def natural_states_antisymmetric() -> Claim:
    return _claim("T-B-53a/antisym", "natural_q_states_inherit_antisymmetry", Y_t, -Y_sw, observe=_observe_antisym,
                  instances=_states_p, tol=_R53, headline=False, method=_M53 + "; Y_a(x1, x2, ...) vs -Y_a(x2, x1, ...)",
                  statement=r"\mathcal Y_\alpha(x_{p+1},x_{p+2},\dots)=-\mathcal Y_\alpha(x_{p+2},x_{p+1},\dots)")


@st.composite
def _states_d3(draw):
    L, N, p = draw(st.sampled_from([(6, 3, 1), (6, 4, 1), (6, 5, 1), (5, 3, 1), (7, 7, 3), (8, 7, 3)]))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    if draw(st.booleans()) or N == 7:
        coeffs = mb.random_state(rng, L, N)
    else:
        t, v, w = mb.random_model(rng, L, scale_w=4.0)
        coeffs = mb.ground_state(t, v, w, N)
    return L, N, p, mb.to_tensor(coeffs, L, N), 0


def _observe_d3(inst) -> Observation:
    L, N, p, psi, _ = inst
    s, U, Vh = mb.schmidt(psi, p)
    r = int(np.sum(s > 1e-8 * s[0]))
    q = N - p
    out = []
    for a in range(r):
        Y = Vh[a].reshape(L**p, L ** (q - p))                         # first p arguments of the q-state
        out.append(U[:, a].conj() @ Y)                                # int conj X_a(1..p) Y_a(1..q) d1..dp
    return Observation({"D3": np.array(out)}, scale=1.0)


D3s = sp.Symbol("D3", complex=True)
_Xs = sp.symbols("X_1:4", complex=True)
_psi3 = sp.Symbol("psi_123", complex=True)
_C1 = sp.Symbol("C_1", positive=True)


def _d3_model():
    r"""Symbolic model (N = 3, p = 1, three sites): :math:`\Psi_{ijk}=\psi\,\epsilon_{ijk}` (the general antisymmetric
    3-fermion state on 3 sites), any 1-state X; :math:`C\,\mathcal Y=\langle X|\Psi
angle`, and D3 is
    :math:`\frac1C\sum_{ij}\bar X_i\bar X_j\Psi_{ijk}` for each k."""
    return sum(sp.conjugate(_Xs[i]) * sp.conjugate(_Xs[j]) * _psi3 * sp.LeviCivita(i, j, 2) / _C1
               for i in range(3) for j in range(3))


@register("T-B-53a/D3")
def natural_state_orthogonal_to_dual_d3() -> Claim:
    return _claim("T-B-53a/D3", "odd_natural_p_state_contracts_to_zero_with_its_dual_d3", D3s, sp.Integer(0),
                  observe=_observe_d3, instances=_states_d3, tol=_R53, samples=12, definitions={D3s: _d3_model()},
                  method="p = 1 (N = 3, 4, 5) and p = 3 (N = 7, L = 7, 8); X_a, Y_a from the SVD; the first p "
                         "arguments of Y_a contracted with conj X_a",
                  statement=r"p\ \text{odd},\ 2p<N:\ \int\bar{\mathcal X}_\alpha(x_1\cdots x_p)\,\mathcal Y_\alpha"
                            r"(x_1\cdots x_N)\,dx_1\cdots dx_p=0\qquad(\mathrm{D3})",
                  notes="Holds for any p-state X when p is odd: conj X(1..p) conj X(p+1..2p) is symmetric under "
                        "exchange of the two blocks while Psi changes sign by (-1)^(p^2) = -1.")


def _observe_p1(inst) -> Observation:
    L, N, p, psi, seed = inst
    rng = np.random.default_rng(seed)
    M = psi.reshape(L**p, L ** (N - p))
    U, s, Vh = np.linalg.svd(M, full_matrices=False)
    u = int(rng.integers(1, max(2, min(4, s.size))))
    nat = float(np.linalg.norm(M - (U[:, :u] * s[:u]) @ Vh[:u]) ** 2)
    best_other = np.inf
    for k in range(6):                                                # other u-dim X~ sets, optimal C~, Y~ (v >= u)
        if k < 3:
            Z = U[:, :u] + 10.0 ** (-k - 1) * (rng.normal(size=(M.shape[0], u)) + 1j * rng.normal(size=(M.shape[0], u)))
        else:
            Z = rng.normal(size=(M.shape[0], u)) + 1j * rng.normal(size=(M.shape[0], u))
        Q = np.linalg.qr(Z)[0]
        R = Q.conj().T @ M                                            # best C~ Y~ for this X~ set (projection)
        best_other = min(best_other, float(np.linalg.norm(M - Q @ R) ** 2))
    return Observation({"err_nat": nat, "err_other": best_other}, scale=1.0)


err_nat, err_other = sp.symbols("err_nat err_other", nonnegative=True)


@register("T-B-53a/P1")
def schmidt_truncation_is_optimal() -> Claim:
    return _claim("T-B-53a/P1", "truncated_natural_expansion_minimizes_error", err_nat, err_other,
                  relation=Relation.LE, observe=_observe_p1, instances=_states_p, tol=_R53, headline=False,
                  method=_M53 + "; ||Psi - Phi||^2 of the D2 truncation at u terms vs the optimal Phi for random and "
                                "slightly perturbed optimal u-dimensional X~ sets",
                  statement=r"\min\|\Psi-\Phi\|^2\ \text{is attained by}\ \Phi=\sum_{\alpha\le u}C_\alpha\mathcal X_\alpha"
                            r"\mathcal Y_\alpha\ \text{(Property 1)}")


# === T-B-53b ========================================================================================================
@register("T-B-53b/D5")
def one_body_energy_d5() -> Claim:
    return _claim("T-B-53b/D5", "one_body_energy_d5", E_1, StateSum(mu * (t_al + v_al)), observe=_observe_energy_all,
                  instances=systems, method=_METHOD,
                  statement=r"\langle\Psi|\hat H_1|\Psi\rangle=\sum_\alpha\mu_\alpha(t_\alpha+v_\alpha^{\rm ext}),\quad"
                            r"\mu_\alpha\equiv N|c_\alpha|^2\qquad(\mathrm{D5})")


@register("T-B-53b/D6")
def two_body_energy_d6() -> Claim:
    return _claim("T-B-53b/D6", "two_body_energy_d6", E_W,
                  StateSum(lam * W_al) + StateSum(StateSum(sp.conjugate(c_a) * c_b * Umat)), observe=_observe_energy_all,
                  instances=systems, method=_METHOD,
                  statement=r"\langle\Psi|\hat W|\Psi\rangle=\sum_\alpha\lambda_\alpha W_\alpha^{(N-1)}+\sum_{\alpha,\beta}"
                            r"\bar c_\alpha c_\beta\langle\Theta_\alpha|\hat{\mathcal U}_{\alpha\beta}|\Theta_\beta\rangle"
                            r"\qquad(\mathrm{D6})")


@register("T-B-53b/D7")
def two_body_energy_d7() -> Claim:
    return _claim("T-B-53b/D7", "two_body_energy_d7", E_W,
                  StateSum(lam * W_al) + StateSum(StateSum(sp.conjugate(c_a) * c_b * Vmat)), observe=_observe_energy_all,
                  instances=systems, method=_METHOD,
                  statement=r"\langle\Psi|\hat W|\Psi\rangle=\sum_\alpha\lambda_\alpha W_\alpha^{(N-1)}+\sum_{\alpha,\beta}"
                            r"\bar c_\alpha c_\beta\langle\varphi_\alpha|\hat{\mathcal V}_{\alpha\beta}|\varphi_\beta\rangle"
                            r"\qquad(\mathrm{D7})")


@register("T-B-53b/D8")
def energy_d8_as_printed() -> Claim:
    return _claim("T-B-53b/D8", "energy_d8_as_printed", E,
                  StateSum(mu * (t_al + v_al + StateSum(sp.conjugate(c_a) * c_b * Vmat) / N_e)) + StateSum(lam * W_al),
                  observe=_observe_energy_all, instances=systems, method=_METHOD,
                  statement=r"E=\sum_\alpha\mu_\alpha\Big(t_\alpha+v_\alpha^{\rm ext}+\frac1N\sum_\beta\bar c_\alpha c_\beta"
                            r"\langle\varphi_\alpha|\hat{\mathcal V}_{\alpha\beta}|\varphi_\beta\rangle\Big)+\sum_\alpha"
                            r"\lambda_\alpha W_\alpha^{(N-1)}\qquad(\mathrm{D8})",
                  notes="D5 + D7 give the cross term sum_ab cbar_a c_b <..>; written as sum_a mu_a (1/N) sum_b X_ab it "
                        "needs X_ab = (c_b/c_a) <..> (mu_a/N = |c_a|^2), not cbar_a c_b <..>: the printed D8 weights the "
                        "cross term by an extra |c_a|^2.")


@register("T-B-53b/D8-fix")
def energy_d8_corrected() -> Claim:
    return _claim("T-B-53b/D8-fix", "energy_d8_corrected", E,
                  StateSum(mu * (t_al + v_al + StateSum(c_b / c_a * Vmat) / N_e)) + StateSum(lam * W_al),
                  observe=_observe_energy, instances=systems, method=_METHOD, corrects="T-B-53b/D8",
                  statement=r"E=\sum_\alpha\mu_\alpha\Big(t_\alpha+v_\alpha^{\rm ext}+\frac1N\sum_\beta\frac{c_\beta}"
                            r"{c_\alpha}\langle\varphi_\alpha|\hat{\mathcal V}_{\alpha\beta}|\varphi_\beta\rangle\Big)+"
                            r"\sum_\alpha\lambda_\alpha W_\alpha^{(N-1)}")


_D9_REST = StateSum(lam * (W_al + N_e * vMF_al))


@register("T-B-53b/D9")
def two_body_energy_d9_as_printed() -> Claim:
    r"""D9 with :math:`\Delta\varepsilon` as printed, :math:`\frac1N\frac{c_\beta}{c_\alpha}\langle\varphi_\alpha|
    \hat{\mathcal U}_{\alpha\beta}|\varphi_\beta\rangle`: defined only for N = 2, where it is checked."""
    return _claim("T-B-53b/D9", "two_body_energy_d9_with_printed_delta_eps", E_W,
                  _D9_REST + StateSum(mu * StateSum(offd * c_b / c_a * PU / N_e)), observe=_observe_energy,
                  instances=_systems_N((5, 2), (6, 2), (4, 2)), method=_METHOD + " (N = 2 only)",
                  statement=r"\langle\Psi|\hat W|\Psi\rangle=\sum_\alpha\lambda_\alpha[W_\alpha^{(N-1)}+N\langle\varphi_\alpha|"
                            r"\hat v_\alpha^{MF}|\varphi_\alpha\rangle]+\sum_{\alpha,\beta\ne\alpha}\mu_\alpha\Delta"
                            r"\varepsilon_{\alpha\beta},\ \Delta\varepsilon_{\alpha\beta}\equiv\frac1N\Big(\frac{c_\beta}"
                            r"{c_\alpha}\Big)\langle\varphi_\alpha|\hat{\mathcal U}_{\alpha\beta}|\varphi_\beta\rangle"
                            r"\qquad(\mathrm{D9})",
                  notes="For N > 2 the printed Delta eps sandwiches an (N-1)-particle operator between 1-particle "
                        "states and is undefined; N = 2 is the only case where it can be evaluated as printed.")


@register("T-B-53b/deps")
def delta_eps_forms_as_printed() -> Claim:
    return _claim("T-B-53b/deps", "printed_delta_eps_forms_agree", offd * c_b / c_a * PU / N_e,
                  offd * c_b / c_a * PV / N_e, observe=_observe_energy, instances=_systems_N((5, 2), (6, 2), (4, 2)),
                  method=_METHOD + " (N = 2 only, the only N where both printed sandwiches are defined)",
                  statement=r"\frac1N\Big(\frac{c_\beta}{c_\alpha}\Big)\langle\varphi_\alpha|\hat{\mathcal U}_{\alpha\beta}|"
                            r"\varphi_\beta\rangle=\frac1N\Big(\frac{c_\beta}{c_\alpha}\Big)\langle\Theta_\alpha|"
                            r"\hat{\mathcal V}_{\alpha\beta}|\Theta_\beta\rangle")


@register("T-B-53b/deps-fix")
def delta_eps_forms_corrected() -> Claim:
    return _claim("T-B-53b/deps-fix", "well_typed_delta_eps_forms_agree", c_b / c_a * Umat / N_e,
                  c_b / c_a * Vmat / N_e, observe=_observe_energy, instances=systems, method=_METHOD,
                  corrects="T-B-53b/deps",
                  statement=r"\Delta\varepsilon_{\alpha\beta}=\frac1N\Big(\frac{c_\beta}{c_\alpha}\Big)\langle\Theta_\alpha|"
                            r"\hat{\mathcal U}_{\alpha\beta}|\Theta_\beta\rangle=\frac1N\Big(\frac{c_\beta}{c_\alpha}\Big)"
                            r"\langle\varphi_\alpha|\hat{\mathcal V}_{\alpha\beta}|\varphi_\beta\rangle")


@register("T-B-53b/D9-fix")
def two_body_energy_d9_corrected() -> Claim:
    return _claim("T-B-53b/D9-fix", "two_body_energy_d9_with_well_typed_delta_eps", E_W,
                  _D9_REST + StateSum(mu * _SUM_BNE), observe=_observe_energy, instances=systems, method=_METHOD,
                  corrects="T-B-53b/D9",
                  statement=r"\langle\Psi|\hat W|\Psi\rangle=\sum_\alpha\lambda_\alpha[W_\alpha^{(N-1)}+N\langle\varphi_\alpha|"
                            r"\hat v_\alpha^{MF}|\varphi_\alpha\rangle]+\sum_{\alpha,\beta\ne\alpha}\mu_\alpha\Delta"
                            r"\varepsilon_{\alpha\beta},\ \Delta\varepsilon_{\alpha\beta}=\frac1N\frac{c_\beta}{c_\alpha}"
                            r"\langle\Theta_\alpha|\hat{\mathcal U}_{\alpha\beta}|\Theta_\beta\rangle")


@register("T-B-53b/D10")
def energy_d10() -> Claim:
    return _claim("T-B-53b/D10", "energy_d10", E,
                  StateSum(mu * (t_al + v_al + vMF_al + _SUM_BNE + W_al / N_e)), observe=_observe_energy,
                  instances=systems, method=_METHOD,
                  statement=r"E=\sum_\alpha\mu_\alpha\Big[t_\alpha+v_\alpha^{\rm ext}+v_\alpha^{MF}+\sum_{\beta\ne\alpha}"
                            r"\Delta\varepsilon_{\alpha\beta}+\frac1NW_\alpha^{(N-1)}\Big]\qquad(\mathrm{D10})",
                  notes="v_MF_alpha = <phi_a|v_MF_a|phi_a>; Delta eps well typed (T-B-53b/deps-fix). The second line of "
                        "D10 is Eq. 68 (T-B-23).")


# --- mu = 1 for a product form ----------------------------------------------------------------------------------------
@st.composite
def _product_states(draw):
    L, N = draw(st.sampled_from([(6, 3), (5, 3), (6, 4), (5, 2)]))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    return L, N, rng


def _observe_mu1(inst) -> Observation:
    L, N, rng = inst
    z = rng.normal(size=L) + 1j * rng.normal(size=L)
    phi = z / np.linalg.norm(z)
    chi = mb.to_tensor(mb.random_state(rng, L, N - 1), L, N - 1)    # random antisymmetric (N-1)-state
    psi = mb.antisymmetrize(np.multiply.outer(chi, phi), "projector")  # A{Theta(1..N-1) phi(N)}
    psi /= np.linalg.norm(psi)                                         # (any component of Theta along phi drops out)
    s, _, _ = mb.schmidt(psi, 1)
    return Observation({"mu_max": N * s[0] ** 2}, scale=1.0)


mu_max = sp.Symbol("mu_max", nonnegative=True)


@register("T-B-53b/mu-eq-1")
def occupation_one_for_product_form() -> Claim:
    return _claim("T-B-53b/mu-eq-1", "occupation_is_one_for_antisymmetrized_product", mu_max, sp.Integer(1),
                  observe=_observe_mu1, instances=_product_states, tol=_ROUND, headline=False,
                  method="Psi = A{Theta(1..N-1) phi(N)}, random phi and random (N-1)-state Theta (projected orthogonal "
                         "to phi), normalized; largest natural occupation N c_1^2",
                  statement=r"\mu_\alpha=1\ \text{if}\ \Psi=\hat A\{\varphi_\alpha(x_1)\Theta_\alpha(x_2\cdots x_N)\}"
                            r"\ (\lambda_\alpha\le1/N\Rightarrow\mu_\alpha\le1,\ \text{with equality iff})")


# --- anticommutator --------------------------------------------------------------------------------------------------
@st.composite
def _anticomm_inst(draw):
    L, M = draw(st.sampled_from([(4, 1), (4, 2), (5, 2), (5, 3), (4, 3), (6, 2)]))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    chi = mb.to_tensor(mb.random_state(rng, L, M), L, M)
    z = rng.normal(size=L) + 1j * rng.normal(size=L)
    return L, M, chi, z / np.linalg.norm(z)


def _observe_anticomm(inst, convention) -> Observation:
    L, M, chi, phi = inst
    up = mb.annihilate(mb.create(chi, phi, convention), phi)          # a_{M+1} a+_{M+1} chi_M
    down = mb.create(mb.annihilate(chi, phi), phi, convention)        # a+_M a_M chi_M (M = 1: a chi is a number)
    return Observation({"anticomm_chi": up + down, "chi": chi}, scale=1.0)


anticomm_chi, chi_s = sp.symbols("anticomm_chi chi", complex=True)
_AC_METHOD = ("random normalized antisymmetric M-particle chi (M = 1-3, L = 4-6) and random normalized orbital phi; "
              "a and a+ exactly as printed, A = {conv}; (a a+ + a+ a) chi against chi")


def _anticomm_claim(cid, name, conv, conv_tex, **kw):
    return _claim(cid, name, anticomm_chi, chi_s, observe=lambda i: _observe_anticomm(i, conv),
                  instances=_anticomm_inst, tol=_ROUND, method=_AC_METHOD.format(conv=conv_tex), headline=False,
                  statement=r"\hat a_\alpha\hat a_\alpha^\dagger+\hat a_\alpha^\dagger\hat a_\alpha=\hat{\mathcal I},\ "
                            r"(\hat a^\dagger_\alpha\chi_{M-1})(1\cdots M)\equiv M^{-1/2}\hat{\mathcal A}\{\chi_{M-1}"
                            r"\varphi_\alpha(M)\},\ " + conv_tex, **kw)


@register("T-B-53b/anticomm")
def anticommutator_cosets() -> Claim:
    return _anticomm_claim("T-B-53b/anticomm", "anticommutator_identity_with_M_term_antisymmetrizer", "cosets",
                           r"\hat{\mathcal A}=\frac{1}{(M-1)!}\sum_{P\in S_M}\mathrm{sgn}(P)\,P",
                           notes="With chi_{M-1} antisymmetric, A{chi phi} is then the M-term signed sum "
                                 "sum_k (-1)^(M-k) chi(..k^..) phi(x_k), which makes a+ the adjoint of a.")


@register("T-B-53b/anticomm-projector")
def anticommutator_projector() -> Claim:
    return _anticomm_claim("T-B-53b/anticomm-projector", "anticommutator_identity_with_projector_antisymmetrizer",
                           "projector", r"\hat{\mathcal A}=\frac{1}{M!}\sum_{P\in S_M}\mathrm{sgn}(P)\,P",
                           notes="With the idempotent antisymmetrizer a+ is 1/M times the adjoint of a, and "
                                 "a a+ + a+ a = (1/M) n + (1/(M+1))(1 - n) on M-particle states.")


@register("T-B-53b/anticomm-sum")
def anticommutator_full_sum() -> Claim:
    return _anticomm_claim("T-B-53b/anticomm-sum", "anticommutator_identity_with_full_permutation_sum", "sum",
                           r"\hat{\mathcal A}=\sum_{P\in S_M}\mathrm{sgn}(P)\,P",
                           notes="a+ is (M-1)! times the adjoint of a: the identity holds only on 1-particle states "
                                 "with M = 1, 2 factors equal to 1.")


# --- the normalization of the mean-field density (Sec. XII.D prose) ----------------------------------------------------
def _observe_ndual(inst) -> Observation:
    L, N, t, v, w, coeffs, phases, _ = inst
    q = natural_quantities(L, N, t, v, w, coeffs, phases, cmin=0.0)
    return Observation({"n_dual": q["n_dual"], "N_e": N}, scale=1.0)


n_dual = sp.Symbol("n_dual", nonnegative=True)                    # (K, L): density of Theta_alpha
_NDUAL_STATEMENT = (r"\hat v_\alpha^{MF}\ \text{is the mean-field potential from an electron density with integral one, "
                    r"}\frac1{N_e}n_\alpha^{(N_e-1)}:\ \int\frac1{N_e}n_\alpha^{(N_e-1)}=1")


@register("T-B-23/vmf-norm")
def mean_field_density_integral_as_printed() -> Claim:
    return _claim("T-B-23/vmf-norm", "mean_field_density_has_integral_one", StateSum(n_dual) / N_e, sp.Integer(1),
                  observe=_observe_ndual, instances=systems, tol=_ROUND, headline=False,
                  method="n_a^{(N-1)}(y) = (N-1) sum |Theta_a(y, ...)|^2 from the Schmidt dual states (the density "
                         "D9 needs, N <v_MF> = int n_a w n_a^{(N-1)}); its integral / N",
                  statement=_NDUAL_STATEMENT, location="Sec. XII.D, text after Eq. 68",
                  notes="The density of the (N-1)-particle dual state integrates to N - 1, so 1/N of it integrates to "
                        "(N-1)/N, not one. (With n_a^{(N-1)} normalized to N instead, D9 and Eq. 68 would fail.)")


@register("T-B-23/vmf-norm-fix")
def mean_field_density_integral_corrected() -> Claim:
    return _claim("T-B-23/vmf-norm-fix", "mean_field_density_has_integral_N_minus_1_over_N", StateSum(n_dual) / N_e,
                  (N_e - 1) / N_e, observe=_observe_ndual, instances=systems, tol=_ROUND, headline=False,
                  corrects="T-B-23/vmf-norm", method="as T-B-23/vmf-norm",
                  statement=r"\int\frac1{N_e}n_\alpha^{(N_e-1)}=\frac{N_e-1}{N_e}", location="Sec. XII.D, text after Eq. 68")
