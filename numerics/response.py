r"""Linear-response kernels computed from a model itself (Tantardini et al. 2025, Secs. II, III, VI).

Overview
    Everything here is computed from an instance of :mod:`numerics.hamiltonians` by diagonalisation, propagation
    or quadrature, never from the paper's closed forms:

    * :func:`kick_polarizability`: the physical polarizability, defined by :math:`\delta\langle\mu_i\rangle(\omega)
      =\alpha_{ij}(\omega)E_j(\omega)` for :math:`\delta H=-E(t)\mu_j` (Eq. 2): a delta kick
      :math:`E=\kappa\delta(t)` applied to the thermal state, exact propagation in the eigenbasis, the Fourier
      transform :math:`\int_0^\infty e^{i(\omega+i\eta)t}\,\cdot\,dt` of the induced dipole, divided by kappa
      (central difference in kappa).
    * :func:`commutator_transform`: :math:`C_{ij}(\omega)=\int_0^\infty dt\,e^{i(\omega+i\eta)t}
      \langle[\mu_i(t),\mu_j(0)]\rangle_0` by composite Gauss-Legendre quadrature in t.
    * pair / ground-state arrays (energies, Boltzmann weights, dipole products) for sums over states;
    * oscillator strengths of a grid chain (tridiagonal MRRR eigensolver, O(n^2), fast for 2000 sites);
    * first moments, Kramers-Kronig principal values and Matsubara tau integrals by quadrature;
    * velocity-gauge (current-current) response with or without the diamagnetic (equal-time) term;
    * closed-shell Hartree SCF in a static field (finite-field polarizability), Casida/CPP/Dyson solvers.
Conventions
    Atomic units; dipole operator mu = -x; :math:`\omega_{nm}=E_n-E_m`; kernel :math:`e^{+i\omega^+t}`,
    :math:`\omega^+=\omega+i\eta` (the transform printed in Eq. 3).
References
    [1] C. Tantardini et al., "Gauge-invariant long-wavelength TDDFT without empty states" (2025).
"""

from __future__ import annotations

import numpy as np
from scipy.linalg import eigh_tridiagonal, expm

from .hamiltonians import CasidaModel, FiniteModel, FockModel, GridChain

__all__ = ["pair_arrays", "ground_arrays", "kick_polarizability", "commutator_transform", "lehmann_commutator",
           "physical_alpha", "chain_spectrum", "chain_oscillator_strengths", "trk_sum", "thermal_chain_transitions", "bond_expectation", "first_moments", "principal_value",
           "tau_correlator", "tau_correlator_expm", "spectral_weights", "gauss_legendre_nodes",
           "ph_matrices", "hartree_static_alpha", "one_body_kick_polarizability", "cpp_solve", "casida_solve", "dyson_alpha", "fock_space"]


# --------------------------------------------------------------------------------------------------------------------
# quadrature
# --------------------------------------------------------------------------------------------------------------------
def gauss_legendre_nodes(lo: float, hi: float, panel: float, order: int = 16) -> tuple[np.ndarray, np.ndarray]:
    """Nodes and weights of composite Gauss-Legendre quadrature on [lo, hi], panels no wider than ``panel``."""
    n = max(1, int(np.ceil((hi - lo) / panel)))
    edges = np.linspace(lo, hi, n + 1)
    t, w = np.polynomial.legendre.leggauss(order)
    mid, half = (edges[1:] + edges[:-1]) / 2, (edges[1:] - edges[:-1]) / 2
    return (mid[:, None] + half[:, None] * t).ravel(), (half[:, None] * w).ravel()


# --------------------------------------------------------------------------------------------------------------------
# sums over states: the arrays the engine sums
# --------------------------------------------------------------------------------------------------------------------
def pair_arrays(model: FiniteModel, i: int, j: int, beta: float | None = None) -> dict:
    """Arrays over all pairs (m, n), flattened: Boltzmann factors e^{-beta(E_m - E_0)} ``pm`` and ``pn``,
    ``M`` = mu^i_mn mu^j_nm, ``w`` = omega_nm = E_n - E_m; and ``Z`` = sum_m e^{-beta(E_m - E_0)}."""
    E = model.eig[0]
    b = model.beta if beta is None else beta
    d = E.size
    boltz = (np.arange(d) == 0).astype(float) if np.isinf(b) else np.exp(-b * (E - E[0]))   # T = 0: ground only
    mu = model.mu_eig
    return {"pm": np.repeat(boltz, d), "pn": np.tile(boltz, d), "M": (mu[i] * mu[j].T).ravel(),
            "w": (E[None, :] - E[:, None]).ravel(), "Z": float(boltz.sum())}


def ground_arrays(model: FiniteModel, i: int, j: int) -> dict:
    """Arrays over excited states n >= 1: ``w`` = omega_n0, ``M`` = mu^i_0n mu^j_n0, ``mu2`` = |mu_0n|^2 (x+y+z)."""
    E = model.eig[0]
    mu = model.mu_eig
    return {"w": E[1:] - E[0], "M": mu[i][0, 1:] * mu[j][1:, 0],
            "mu2": np.sum(np.abs(mu[:, 0, 1:]) ** 2, axis=0)}


def kick_polarizability(model: FiniteModel, i: int, j: int, omega, eta: float, beta: float | None = None,
                        kappa: float = 1e-4) -> np.ndarray:
    r"""Physical polarizability from a delta kick :math:`\delta H=-\kappa\delta(t)\mu_j` (Eq. 2).

    The kicked state is :math:`\rho_+=e^{i\kappa\mu_j}\rho_0e^{-i\kappa\mu_j}`; it evolves exactly,
    :math:`\rho_{mn}(t)=\rho_{+,mn}e^{-i(E_m-E_n)t}`, and the induced dipole is Fourier transformed with the kernel
    :math:`e^{i(\omega+i\eta)t}` term by term. The central difference in kappa leaves an O(kappa^2) ~ 1e-8 relative
    error. ``beta = inf`` gives the ground state (needs a nondegenerate ground level).
    """
    E, U = model.eig
    b = model.beta if beta is None else beta
    p = np.zeros_like(E)
    if np.isinf(b):
        p[0] = 1.0
    else:
        p = np.exp(-b * (E - E[0]))
        p /= p.sum()
    mu = model.mu_eig
    lam, V = np.linalg.eigh(mu[j])
    rho0 = np.diag(p).astype(complex)

    def kicked(k):
        Uk = (V * np.exp(1j * k * lam)) @ V.conj().T
        return Uk @ rho0 @ Uk.conj().T

    drho = (kicked(kappa) - kicked(-kappa)) / (2 * kappa)               # (d, d), idx (m, n)
    nu = E[:, None] - E[None, :]                                        # rho_mn(t) ~ exp(-i nu t)
    amp = drho * mu[i].T                                                # drho_mn mu^i_nm
    z = np.atleast_1d(np.asarray(omega, dtype=float)) + 1j * eta
    out = np.einsum("mn,wmn->w", amp, 1j / (z[:, None, None] - nu[None]))
    return out if np.ndim(omega) else out[0]


def physical_alpha(model: FiniteModel, i: int, j: int, omega, eta: float, beta: float | None = None) -> np.ndarray:
    """The same physical polarizability as :func:`kick_polarizability` in closed form (linear in the perturbation):
    sum (p_m - p_n) mu^i_mn mu^j_nm / (omega_nm - omega - i eta). Used where alpha is the subject, not the claim."""
    P = pair_arrays(model, i, j, beta)
    z = np.atleast_1d(np.asarray(omega, dtype=float)) + 1j * eta
    amp = (P["pm"] - P["pn"]) * P["M"]
    keep = amp != 0                                       # zero-weight pairs (m = n, degenerate) drop out exactly
    out = (amp[keep] / (P["w"][keep][None, :] - z[:, None])).sum(axis=1) / P["Z"]
    return out if np.ndim(omega) else out[0]


def lehmann_commutator(model: FiniteModel, i: int, j: int, t: np.ndarray, beta: float | None = None) -> np.ndarray:
    r""":math:`\langle[\mu_i(t),\mu_j(0)]\rangle_0` at times t (Heisenberg picture, eigenbasis propagation)."""
    P = pair_arrays(model, i, j, beta)
    amp = (P["pm"] - P["pn"]) * P["M"] / P["Z"]
    keep = amp != 0
    return np.exp(-1j * np.outer(t, P["w"][keep])) @ amp[keep]


def commutator_transform(model: FiniteModel, i: int, j: int, omega: float, eta: float,
                         beta: float | None = None, order: int = 16) -> complex:
    r""":math:`\int_0^\infty dt\,e^{i(\omega+i\eta)t}\langle[\mu_i(t),\mu_j]\rangle_0` by Gauss-Legendre in t.

    The integrand decays as :math:`e^{-\eta t}`; it is cut at t = 40/eta (tail < e^{-40}). Panels are no longer
    than a quarter of the shortest period present, 16 nodes each, so the quadrature error is at round-off level.
    """
    E = model.eig[0]
    fastest = abs(omega) + (E[-1] - E[0]) + eta
    T = 40.0 / eta
    t, w = gauss_legendre_nodes(0.0, T, panel=min(1.0, np.pi / (2 * fastest)), order=order)
    f = lehmann_commutator(model, i, j, t, beta)
    return complex(np.sum(w * np.exp(1j * (omega + 1j * eta) * t) * f))


# --------------------------------------------------------------------------------------------------------------------
# grid chains: spectra and oscillator strengths
# --------------------------------------------------------------------------------------------------------------------
def chain_spectrum(chain: GridChain) -> tuple[np.ndarray, np.ndarray]:
    """(E (n,), V (n, n)) of a grid chain; tridiagonal MRRR (LAPACK stemr, O(n^2)) if local, dense eigh if not."""
    if chain.local:
        d, e = chain.tridiagonal()
        return eigh_tridiagonal(d, e, lapack_driver="stemr")
    return np.linalg.eigh(chain.dense())


def chain_oscillator_strengths(chain: GridChain) -> tuple[np.ndarray, np.ndarray]:
    """(omega_n0 (n-1,), |x_0n|^2 (n-1,)) from the ground state of a grid chain.

    Only the row <0|x|n> is formed: one matrix-vector product V^T (x v_0), O(n^2). With :func:`chain_spectrum` the
    whole computation is O(n^2), against O(n^3) for a dense ``numpy.linalg.eigh``.
    """
    E, V = chain_spectrum(chain)
    x0n = V.T @ (chain.x * V[:, 0])
    return E[1:] - E[0], x0n[1:] ** 2


def thermal_chain_transitions(chain: GridChain, beta: float, cutoff: float = 1e-18) -> tuple[np.ndarray, np.ndarray]:
    """Thermal transitions of one particle: (omega_nm > 0, (p_m - p_n)|x_mn|^2) for all pairs with weight above
    ``cutoff`` (the dropped pairs carry less than cutoff each)."""
    E, V = chain_spectrum(chain)
    p = np.exp(-beta * (E - E[0]))
    p /= p.sum()
    keep = p > cutoff
    m_idx = np.flatnonzero(keep)
    X = V.T @ (chain.x[:, None] * V[:, m_idx])                       # (n, k): <n|x|m> for the kept m
    w = E[:, None] - E[m_idx][None, :]                               # omega_nm
    wt = (p[m_idx][None, :] - p[:, None]) * X ** 2
    up = w > 0
    return w[up], wt[up]


def bond_expectation(chain: GridChain, beta: float = np.inf) -> float:
    """<[x,[H,x]]> on the grid: the thermal kinetic bond expectation sum_i psi_i psi_{i+1} (local chains)."""
    E, V = chain_spectrum(chain)
    p = np.zeros_like(E)
    if np.isinf(beta):
        p[0] = 1.0
    else:
        p = np.exp(-beta * (E - E[0]))
        p /= p.sum()
    bonds = np.sum(V[:-1] * V[1:], axis=0)
    return float(np.sum(p * bonds))


def first_moments(Omega: np.ndarray, eta: float, order: int = 64, panels: int = 8) -> np.ndarray:
    r""":math:`\int_0^\infty d\omega\,\omega\,\mathrm{Im}\,\frac{2\Omega}{\Omega^2-(\omega+i\eta)^2}` per Omega.

    Substitution :math:`\omega=\Omega+\eta\tan\theta` maps the resonance to a smooth bump in theta; composite
    Gauss-Legendre (``panels`` x ``order`` nodes). The integrand tends to a finite limit at theta = pi/2. Near
    omega = 0 the map compresses [0, Omega] into a theta interval of width ~eta/Omega, which limits the accuracy:
    relative error < 1e-12 for eta/Omega >= 0.02, ~1e-6 at eta/Omega = 1e-3 (tests measure it).
    """
    Omega = np.asarray(Omega, dtype=float)
    th0 = -np.arctan(Omega / eta)                                      # omega = 0
    t, w = np.polynomial.legendre.leggauss(order)
    edges = np.linspace(0.0, 1.0, panels + 1)
    u = (((edges[1:] + edges[:-1]) / 2)[:, None] + ((edges[1:] - edges[:-1]) / 2)[:, None] * t).ravel()
    wu = (((edges[1:] - edges[:-1]) / 2)[:, None] * w).ravel()
    th = th0[:, None] + (np.pi / 2 - th0[:, None]) * u[None, :]
    jac = (np.pi / 2 - th0)[:, None] * eta / np.cos(th) ** 2
    om = Omega[:, None] + eta * np.tan(th)
    z = om + 1j * eta
    f = om * np.imag(2 * Omega[:, None] / (Omega[:, None] ** 2 - z ** 2)) * jac
    return f @ wu


def principal_value(g, omega: float, top: float, panel: float, order: int = 8, tail_order: int = 96) -> float:
    r""":math:`\mathcal P\int_0^\infty g(\omega')/(\omega'^2-\omega^2)\,d\omega'` by singularity subtraction.

    :math:`\mathcal P\int_0^\infty d\omega'/(\omega'^2-\omega^2)=0`, so the principal value equals the ordinary
    integral of :math:`[g(\omega')-g(\omega)]/(\omega'^2-\omega^2)`: composite Gauss-Legendre on [0, top] with
    panels <= ``panel``, and the tail [top, inf) by omega' = top/s (g must decay at least as 1/omega'^2).
    """
    x, w = gauss_legendre_nodes(0.0, top, panel, order)
    g0 = g(np.array([omega]))[0]
    body = np.sum(w * (g(x) - g0) / (x ** 2 - omega ** 2))
    s, ws = np.polynomial.legendre.leggauss(tail_order)
    s = (s + 1) / 2
    ws = ws / 2
    xt = top / s
    tail = np.sum(ws * top / s ** 2 * (g(xt) - g0) / (xt ** 2 - omega ** 2))
    return float(np.real(body + tail))


# --------------------------------------------------------------------------------------------------------------------
# imaginary time
# --------------------------------------------------------------------------------------------------------------------
def tau_correlator(model: FiniteModel, i: int, j: int, tau: np.ndarray) -> np.ndarray:
    r""":math:`\langle T_\tau\,\delta\mu_i(\tau)\delta\mu_j(0)\rangle` (Eq. 23, plus sign) for -beta < tau < beta,
    in the eigenbasis: for tau >= 0 :math:`\sum p_m e^{\tau(E_m-E_n)}\delta\mu^i_{mn}\delta\mu^j_{nm}`; for tau < 0
    the bosonic time ordering puts :math:`\delta\mu_j(0)` to the left."""
    E = model.eig[0]
    p = model.weights()
    mu = model.mu_eig
    d = E.size
    avg_i, avg_j = np.sum(p * np.diag(mu[i]).real), np.sum(p * np.diag(mu[j]).real)
    A = mu[i] - avg_i * np.eye(d)
    B = mu[j] - avg_j * np.eye(d)
    tau = np.atleast_1d(np.asarray(tau, dtype=float))
    out = np.empty(tau.shape, dtype=complex)
    for k, tk in enumerate(tau):
        if tk >= 0:
            # p_m e^{tau(E_m - E_n)} = e^{-(beta - tau)(E_m - E0)} e^{-tau (E_n - E0)} / Z: both exponents <= 0
            out[k] = np.einsum("m,n,mn,nm->", p * np.exp(tk * (E - E[0])), np.exp(-tk * (E - E[0])), A, B)
        else:
            s = -tk
            out[k] = np.einsum("m,n,mn,nm->", p * np.exp(s * (E - E[0])), np.exp(-s * (E - E[0])), B, A)
    return out


def tau_correlator_expm(model: FiniteModel, i: int, j: int, tau: float) -> complex:
    r"""Eq. (23) with matrix exponentials in the original basis (no eigenvectors): for 0 <= tau < beta,
    :math:`\mathrm{Tr}[e^{-(\beta-\tau)H}\delta\mu_ie^{-\tau H}\delta\mu_j]/\mathrm{Tr}\,e^{-\beta H}`."""
    H = model.H - np.eye(model.dim) * np.linalg.eigvalsh(model.H)[0]
    b = model.beta
    rho = expm(-b * H)
    Z = np.trace(rho).real
    d = model.dim
    dA = model.mu[i] - np.trace(rho @ model.mu[i]) / Z * np.eye(d)
    dB = model.mu[j] - np.trace(rho @ model.mu[j]) / Z * np.eye(d)
    return complex(np.trace(expm(-(b - tau) * H) @ dA @ expm(-tau * H) @ dB) / Z)


def spectral_weights(model: FiniteModel, i: int, j: int, tol: float = 1e-9) -> dict:
    r"""Delta-peak weights of :math:`S_{ij}` (Eq. 29) from spectral projectors of degenerate levels.

    Returns arrays over ordered pairs of distinct levels (a, b): ``nu`` = E_b - E_a, ``W`` = Tr(rho P_a mu_i P_b
    mu_j), and ``Wrev`` = Tr(rho P_b mu_j P_a mu_i) (the weight of S_ji at -nu), ``Ea``, ``Eb``; and ``W0`` the
    zero-frequency weight sum_a Tr(rho P_a mu_i P_a mu_j).
    """
    E, U = model.eig
    p = model.weights()
    groups, start = [], 0
    for k in range(1, E.size + 1):
        if k == E.size or E[k] - E[k - 1] > tol:
            groups.append(np.arange(start, k))
            start = k
    mu = model.mu_eig
    Ebar = np.array([E[g].mean() for g in groups])
    pg = np.array([p[g[0]] for g in groups])                     # p is equal within a group (to tol * beta)
    nu, W, Wrev, Ea = [], [], [], []
    W0 = 0.0
    for a, ga in enumerate(groups):
        for b, gb in enumerate(groups):
            wab = pg[a] * np.sum(mu[i][np.ix_(ga, gb)] * mu[j][np.ix_(gb, ga)].T)
            wba = pg[b] * np.sum(mu[j][np.ix_(gb, ga)] * mu[i][np.ix_(ga, gb)].T)
            if a == b:
                W0 += wab
                continue
            nu.append(Ebar[b] - Ebar[a]); W.append(wab); Wrev.append(wba); Ea.append(Ebar[a])
    return {"nu": np.array(nu), "W": np.array(W), "Wrev": np.array(Wrev), "W0": W0, "Ea": np.array(Ea)}


# --------------------------------------------------------------------------------------------------------------------
# Casida models: particle-hole matrices, finite-field SCF, CPP, Casida, Dyson
# --------------------------------------------------------------------------------------------------------------------
def ph_matrices(model: CasidaModel) -> dict:
    """Particle-hole quantities with the pair index ka = k * n_virt + (a - n_occ):
    ``Delta`` (n_ph,), ``K`` = (ka|lb), ``Kx`` = (kb|la) (the printed B pattern), ``mu`` (3, n_ph) = mu_ka."""
    no, n = model.n_occ, model.n
    occ, vir = np.arange(no), np.arange(no, n)
    g = model.eri
    K = g[np.ix_(occ, vir, occ, vir)].reshape(no * (n - no), no * (n - no))             # (ka|lb)
    Kx = g[np.ix_(occ, vir, occ, vir)].transpose(0, 3, 2, 1).reshape(K.shape)           # (kb|la) at [ka, lb]
    Delta = (model.eps[vir][None, :] - model.eps[occ][:, None]).ravel()
    mu = model.mu[:, :no, no:].reshape(3, -1)
    return {"Delta": Delta, "K": K, "Kx": Kx, "mu": mu}


def hartree_static_alpha(model: CasidaModel, i: int, j: int, field: float = 1e-4, tol: float = 1e-14) -> float:
    r"""Static polarizability of the closed-shell Hartree (RPA) model by finite field.

    The Fock matrix is :math:`F[D]=h+J[D]-E\mu_j`, :math:`J_{pq}=\sum_{rs}(pq|rs)D_{rs}`, :math:`D=2C_oC_o^T`, with
    h chosen so that the field-free solution has the orbital energies ``eps``. Linearly mixed fixed-point iteration to
    ``tol``; :math:`\alpha_{ij}=d\,\mathrm{Tr}(D\mu_i)/dE` by central difference (O(field^2) ~ 1e-8 relative).
    """
    n, no = model.n, model.n_occ
    D0 = np.zeros((n, n))
    D0[np.arange(no), np.arange(no)] = 2.0
    J = lambda D: np.einsum("pqrs,rs->pq", model.eri, D)
    h = np.diag(model.eps) - J(D0)

    def dipole(E):
        D = D0.copy()
        for _ in range(2000):
            _, C = np.linalg.eigh(h + J(D) - E * model.mu[j])
            Dn = 2 * C[:, :no] @ C[:, :no].T
            if np.max(np.abs(Dn - D)) < tol:
                D = Dn
                break
            D = 0.75 * D + 0.25 * Dn          # linear mixing: converges for 4K/Delta < 7
        else:
            raise RuntimeError("finite-field Hartree SCF did not converge; lower max_kernel of casida_models()")
        return np.sum(D * model.mu[i])

    return float((dipole(field) - dipole(-field)) / (2 * field))


def cpp_solve(A: np.ndarray, B: np.ndarray, mu: np.ndarray, omega: complex) -> tuple[np.ndarray, np.ndarray]:
    """Solve Eq. (17): [[A - w, B], [B, A + w]] [X; Y] = -[mu; mu]."""
    n = A.shape[0]
    I = np.eye(n)
    M = np.block([[A - omega * I, B], [B, A + omega * I]])
    sol = np.linalg.solve(M, -np.concatenate([mu, mu]).astype(complex))
    return sol[:n], sol[n:]


def casida_solve(A: np.ndarray, B: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Eq. (19): positive excitation energies omega_S and (X^S, Y^S) normalised X^T X - Y^T Y = 1 (columns)."""
    n = A.shape[0]
    M = np.block([[A, B], [-B, -A]])
    w, V = np.linalg.eig(M)
    w = w.real
    order = np.argsort(w)[n:]                                      # the n positive roots
    X, Y = V[:n, order].real, V[n:, order].real
    norm = np.sqrt(np.einsum("is,is->s", X, X) - np.einsum("is,is->s", Y, Y))
    return w[order], X / norm, Y / norm


def dyson_alpha(ph: dict, i: int, j: int, omega: complex, coupling: np.ndarray) -> complex:
    r"""Solve Eq. (14) in ph space, chi = (1 - chi0 K)^{-1} chi0, with chi0 diagonal from Eq. (13),
    :math:`\chi^0_{ka}=2[1/(z-\Delta)-1/(z+\Delta)]`, and contract :math:`\mu^{(i)T}\chi\mu^{(j)}`."""
    D = ph["Delta"]
    chi0 = np.diag(2 * (1 / (omega - D) - 1 / (omega + D)))
    chi = np.linalg.solve(np.eye(D.size) - chi0 @ coupling, chi0)
    return complex(ph["mu"][i] @ chi @ ph["mu"][j])


# --------------------------------------------------------------------------------------------------------------------
# Fock space (Jordan-Wigner) for independent-particle limits
# --------------------------------------------------------------------------------------------------------------------
def fock_space(model: FockModel) -> dict:
    """Many-body H, N and one-body dipoles (spin-diagonal) of 2n spin orbitals via Jordan-Wigner matrices."""
    n = model.eps.size
    ns = 2 * n                                                    # spin orbital s = 2 p + sigma
    a = np.array([[0.0, 1.0], [0.0, 0.0]])
    z = np.diag([1.0, -1.0])
    ops = []
    for s in range(ns):
        m = np.array([[1.0]])
        for t in range(ns):
            m = np.kron(m, z if t < s else (a if t == s else np.eye(2)))
        ops.append(m)
    num = [c.T @ c for c in ops]
    H = sum(model.eps[s // 2] * num[s] for s in range(ns))
    N = sum(num)
    mus = []
    for k in range(3):
        M = np.zeros_like(H)
        for s in range(ns):
            for t in range(ns):
                if s % 2 == t % 2:
                    M = M + model.mu[k][s // 2, t // 2] * ops[s].T @ ops[t]
        mus.append(M)
    return {"H": H, "N": N, "mu": np.stack(mus)}


def one_body_kick_polarizability(eps: np.ndarray, occ: np.ndarray, mu: np.ndarray, i: int, j: int, omega,
                                 eta: float, spin: float = 2.0, kappa: float = 1e-4) -> np.ndarray:
    r"""Physical independent-particle polarizability: kick the one-body density matrix
    :math:`\rho_1=\sum_pf_p|p\rangle\langle p|` with :math:`e^{i\kappa\mu_j}`, propagate with diag(eps), Fourier
    transform :math:`\mathrm{spin}\cdot\mathrm{Tr}\,\rho_1(t)\mu_i` with :math:`e^{i(\omega+i\eta)t}` (central
    difference in kappa, O(kappa^2) ~ 1e-8 relative)."""
    lam, V = np.linalg.eigh(mu[j])
    rho0 = np.diag(occ).astype(complex)

    def kicked(k):
        Uk = (V * np.exp(1j * k * lam)) @ V.conj().T
        return Uk @ rho0 @ Uk.conj().T

    drho = (kicked(kappa) - kicked(-kappa)) / (2 * kappa)
    nu = eps[:, None] - eps[None, :]
    amp = spin * drho * mu[i].T
    z = np.atleast_1d(np.asarray(omega, dtype=float)) + 1j * eta
    out = np.einsum("mn,wmn->w", amp, 1j / (z[:, None, None] - nu[None]))
    return out if np.ndim(omega) else out[0]


def trk_sum(chain: GridChain) -> float:
    r""":math:`\sum_n2\omega_{n0}|x_{0n}|^2` of a grid chain from :func:`chain_oscillator_strengths` (O(n^2)).

    For a local chain this is the lattice bond expectation, :math:`1-O(h^2)`; compare ``numpy.linalg.eigh`` of
    :meth:`GridChain.dense`, which is O(n^3).
    """
    w, x2 = chain_oscillator_strengths(chain)
    return float(2 * np.sum(w * x2))
