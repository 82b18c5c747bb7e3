r"""Small exact fermion systems: second-quantized lattice Hamiltonians, first-quantized antisymmetric tensors.

Two independent representations of an N-fermion state on L sites (spinless; a "space/spin coordinate" is a site):

* second quantization: coefficients over occupation-number bitstrings, Slater determinants
  :math:`a^\dagger_{d_1}\cdots a^\dagger_{d_N}|0\rangle` with :math:`d_1<\dots<d_N`; the Hamiltonian
  :math:`H=\sum_{ij}h_{ij}a^\dagger_ia_j+\sum_{i<j}w_{ij}n_in_j` is built from the fermionic sign rule; the energy
  and the 1-RDM :math:`\gamma_{ij}=\langle a^\dagger_ja_i\rangle` come from here;
* first quantization: the antisymmetric tensor :math:`\Psi(x_1,\dots,x_N)`, shape (L,)*N, normalized as
  :math:`\sum|\Psi|^2=1`, with :math:`\Psi=\frac1{\sqrt{N!}}\det[\delta_{x_i d_j}]` for one determinant. Schmidt forms,
  reduced density matrices, natural orbitals and dual states are computed from it (numpy SVD / contractions).

The sign conventions of the two are independent; tests check that they agree (1-RDM, energy).
"""

from __future__ import annotations

import itertools
import math
from functools import lru_cache

import numpy as np

__all__ = ["determinants", "hamiltonian_matrix", "random_model", "ground_state", "random_state", "to_tensor",
           "one_rdm_second", "energy_second", "schmidt", "reduced_matrix", "antisymmetrize", "perm_sign",
           "pair_energy", "is_antisymmetric", "one_body_energy_second", "two_body_energy_second",
           "annihilate", "create"]


@lru_cache(maxsize=None)
def determinants(L: int, N: int) -> tuple[tuple[int, ...], ...]:
    """Occupied-site tuples d_1 < ... < d_N, in lexicographic order."""
    return tuple(itertools.combinations(range(L), N))


def _apply_hop(occ: tuple[int, ...], i: int, j: int):
    """a^dagger_i a_j |occ>: (sign, new occ) or None. Sign: (-1)^(number of occupied sites below the operated one)."""
    if j not in occ:
        return None
    s = (-1) ** sum(1 for o in occ if o < j)
    rest = tuple(o for o in occ if o != j)
    if i in rest:
        return None
    s *= (-1) ** sum(1 for o in rest if o < i)
    return s, tuple(sorted(rest + (i,)))


def hamiltonian_matrix(h: np.ndarray, w: np.ndarray, N: int, one_body: bool = True, two_body: bool = True):
    """H in the determinant basis: sum_ij h_ij a+_i a_j + sum_{i<j} w_ij n_i n_j (w symmetric; its diagonal,
    a same-site interaction, never acts on spinless fermions)."""
    L = h.shape[0]
    dets = determinants(L, N)
    index = {d: k for k, d in enumerate(dets)}
    H = np.zeros((len(dets), len(dets)), dtype=complex)
    for k, occ in enumerate(dets):
        if two_body:
            H[k, k] += sum(w[a, b] for a, b in itertools.combinations(occ, 2))
        if one_body:
            for i in range(L):
                for j in range(L):
                    r = _apply_hop(occ, i, j)
                    if r is not None:
                        H[index[r[1]], k] += r[0] * h[i, j]
    return H


def random_model(rng: np.random.Generator, L: int, scale_w: float = 1.0):
    """(t, v_ext, w): random Hermitian hopping t (zero diagonal), random site potential v_ext, random symmetric
    density-density interaction w (with a random diagonal: it must drop out of E)."""
    t = rng.normal(size=(L, L)) + 1j * rng.normal(size=(L, L))
    t = (t + t.conj().T) / 2
    np.fill_diagonal(t, 0.0)
    v = rng.normal(size=L)
    w = rng.uniform(0.0, 2.0, size=(L, L)) * scale_w
    w = (w + w.T) / 2
    return t, v, w


def ground_state(t, v, w, N: int) -> np.ndarray:
    """Lowest eigenvector (determinant coefficients) of H = t + v_ext + W."""
    H = hamiltonian_matrix(t + np.diag(v), w, N)
    _, vecs = np.linalg.eigh(H)
    return vecs[:, 0]


def random_state(rng: np.random.Generator, L: int, N: int) -> np.ndarray:
    n = len(determinants(L, N))
    c = rng.normal(size=n) + 1j * rng.normal(size=n)
    return c / np.linalg.norm(c)


def perm_sign(p) -> int:
    p = list(p)
    s = 1
    for i in range(len(p)):
        while p[i] != i:
            j = p[i]
            p[i], p[j] = p[j], p[i]
            s = -s
    return s


@lru_cache(maxsize=None)
def _perms(n: int):
    return [(p, perm_sign(p)) for p in itertools.permutations(range(n))]


def to_tensor(coeffs: np.ndarray, L: int, N: int) -> np.ndarray:
    """Psi(x_1..x_N) = sum_D C_D (1/sqrt N!) sum_P sgn P prod_i delta(x_i, d_P(i))."""
    psi = np.zeros((L,) * N, dtype=complex)
    norm = 1 / math.sqrt(math.factorial(N))
    for cD, occ in zip(coeffs, determinants(L, N)):
        for p, s in _perms(N):
            psi[tuple(occ[k] for k in p)] += s * norm * cD
    return psi


def one_rdm_second(coeffs: np.ndarray, L: int, N: int) -> np.ndarray:
    """gamma_ij = <a+_j a_i> from the determinant coefficients."""
    dets = determinants(L, N)
    index = {d: k for k, d in enumerate(dets)}
    g = np.zeros((L, L), dtype=complex)
    for k, occ in enumerate(dets):
        for i in range(L):
            for j in range(L):
                r = _apply_hop(occ, j, i)          # a+_j a_i |occ>
                if r is not None:
                    # <Psi| a+_j a_i |Psi> = sum_k conj(C_new) s C_k
                    g[i, j] += np.conj(coeffs[index[r[1]]]) * r[0] * coeffs[k]
    return g


def energy_second(coeffs, t, v, w, N) -> float:
    H = hamiltonian_matrix(t + np.diag(v), w, N)
    return float(np.real(np.conj(coeffs) @ H @ coeffs))


def one_body_energy_second(coeffs, h, N) -> float:
    H = hamiltonian_matrix(h, np.zeros_like(h, dtype=float), N, two_body=False)
    return float(np.real(np.conj(coeffs) @ H @ coeffs))


def two_body_energy_second(coeffs, w, N) -> float:
    H = hamiltonian_matrix(np.zeros_like(w), w, N, one_body=False)
    return float(np.real(np.conj(coeffs) @ H @ coeffs))


# --- first quantization -------------------------------------------------------------------------------------------
def schmidt(psi: np.ndarray, p: int = 1):
    """SVD of Psi reshaped (L^p) x (L^q): C (descending, >= 0), X (L^p, K) columns, Y (K, L^q) rows, with
    Psi = sum_a C_a X_a (x) Y_a, K = min(L^p, L^q)."""
    L, N = psi.shape[0], psi.ndim
    U, s, Vh = np.linalg.svd(psi.reshape(L**p, L ** (N - p)), full_matrices=False)
    return s, U, Vh


def reduced_matrix(psi: np.ndarray, p: int, last: bool = False) -> np.ndarray:
    """p-matrix Gamma_p(x_1..x_p; x'_1..x'_p) = int Psi(x, rest) conj Psi(x', rest) d rest, as an L^p x L^p matrix;
    with last=True the kept coordinates are the last p (for the q-matrix of D2)."""
    L, N = psi.shape[0], psi.ndim
    if last:
        m = psi.reshape(L ** (N - p), L**p)
        return m.T @ m.conj()
    m = psi.reshape(L**p, L ** (N - p))
    return m @ m.conj().T


def is_antisymmetric(t: np.ndarray) -> float:
    """max |T + T with its first two axes swapped| (0 for a tensor antisymmetric in them)."""
    if t.ndim < 2:
        return 0.0
    return float(np.max(np.abs(t + np.swapaxes(t, 0, 1))))


def antisymmetrize(t: np.ndarray, convention: str) -> np.ndarray:
    r"""The antisymmetrizer :math:`\hat{\mathcal A}` on an M-index tensor, in one of four conventions:
    'projector' (1/M!) sum_P sgn P P; 'sum' sum_P sgn P P (M! terms); 'normalized' (1/sqrt M!) sum_P;
    'cosets' (1/(M-1)!) sum_P sgn P P, i.e. M signed terms for a product chi_{M-1}(antisymmetric) phi(M)."""
    M = t.ndim
    out = np.zeros_like(t)
    for p, s in _perms(M):
        out += s * np.transpose(t, p)
    factor = {"projector": 1 / math.factorial(M), "sum": 1.0, "normalized": 1 / math.sqrt(math.factorial(M)),
              "cosets": 1 / math.factorial(M - 1)}[convention]
    return factor * out


def annihilate(chi: np.ndarray, phi: np.ndarray) -> np.ndarray:
    r"""(a_alpha chi_M)(1..M-1) = M^{1/2} int chi_M(1..M) conj phi(M) dx_M (the paper's definition)."""
    M = chi.ndim
    return math.sqrt(M) * np.tensordot(chi, phi.conj(), axes=([M - 1], [0]))


def create(chi: np.ndarray, phi: np.ndarray, convention: str) -> np.ndarray:
    r"""(a^dagger_alpha chi_{M-1})(1..M) = M^{-1/2} A{chi_{M-1}(1..M-1) phi(M)} (the paper's definition)."""
    M = chi.ndim + 1
    return antisymmetrize(np.multiply.outer(chi, phi), convention) / math.sqrt(M)


def pair_energy(chi: np.ndarray, w: np.ndarray) -> float:
    """<chi| sum_{i<j} w(x_i, x_j) |chi> for a first-quantized tensor chi (density-density w)."""
    M, L = chi.ndim, chi.shape[0]
    dens = np.abs(chi) ** 2
    tot = 0.0
    for i, j in itertools.combinations(range(M), 2):
        shape = [1] * M
        shape[i], shape[j] = L, L
        tot += float(np.sum(dens * w.reshape(shape)))
    return tot
