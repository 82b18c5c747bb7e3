r"""Multi-level matter for Cho's susceptibilities: Peierls-coupled level schemes, transition currents, a 2D trap.

Overview
    * :class:`PeierlsModel`: a finite Hermitian H0 with a position operator x, minimally coupled as
      :math:`H(A)=e^{iAx/c}H_0e^{-iAx/c}`, so the current is :math:`-c\,\partial H/\partial A=\bar I-\hat NA/c` with
      :math:`\bar I=i[H_0,x]`, :math:`\hat N=-[x,[x,H_0]]`; the TRK sum rule holds exactly in the finite basis.
    * :func:`liouville_response`: the first-order response :math:`\delta\langle O\rangle` at complex frequency z of
      the ground state to :math:`V e^{-izt}`, from :math:`(z-\mathcal L_0)\delta\rho=[V,\rho_0]` solved as an
      :math:`N^2` linear system in the original (non-eigen) basis: no sum over states.
    * :class:`TransitionCurrents`: 1D transition currents :math:`I_{0\nu}(z)=p_\nu(z)e^{-z^2/2}` (complex
      polynomials of degree <= 2) on a fine grid; moments and exact Fourier transforms by quadrature.
    * :func:`trap_static_response`: the exact static transverse current response of a charge in a 2D isotropic
      harmonic trap to :math:`A\hat ye^{ikx}`, by explicit sums over a truncated oscillator basis.
Conventions
    hbar = 1 in the numerics; time dependence :math:`e^{-i\omega t}`; :math:`0^+` is a finite eta > 0 used
    identically in every route.
References
    [1] K. Cho, "Model-independent derivation of macroscopic Maxwell equations from microscopic basis", App. B.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from scipy.linalg import expm

__all__ = ["PeierlsModel", "peierls_models", "liouville_response", "hermitian_matrices", "TransitionCurrents",
           "transition_current_sets", "trap_static_response", "trap_moments"]


def _herm(a: np.ndarray) -> np.ndarray:
    n = a.shape[0] // 2
    m = a[:n] + 1j * a[n:]
    return (m + m.conj().T) / 2


@st.composite
def hermitian_matrices(draw, n: int, scale: float = 1.0) -> np.ndarray:
    """Random n x n Hermitian matrices with entries in [-scale, scale] (+ i ...). Shrinks towards 0."""
    return scale * _herm(draw(arrays(np.float64, (2 * n, n), elements=st.floats(-1.0, 1.0))))


@dataclass(frozen=True)
class PeierlsModel:
    H0: np.ndarray
    x: np.ndarray
    c: float

    def __repr__(self):
        return f"PeierlsModel(levels={len(self.H0)}, c={self.c:.4g}, E={np.round(np.linalg.eigvalsh(self.H0), 4)})"

    @property
    def Ibar(self) -> np.ndarray:
        return 1j * (self.H0 @ self.x - self.x @ self.H0)          # i[H0, x]

    @property
    def Nhat(self) -> np.ndarray:
        cx = self.x @ self.H0 - self.H0 @ self.x
        return -(self.x @ cx - cx @ self.x)                        # -[x,[x,H0]]

    def eig(self):
        E, U = np.linalg.eigh(self.H0)
        return E, U


@st.composite
def peierls_models(draw, n_levels: int = 4) -> PeierlsModel:
    """Random Peierls models: diagonal spectrum with gaps from 0.05 (near-degenerate) to 3, random unitary basis,
    random Hermitian x. Shrinks towards equally spaced levels."""
    gaps = draw(arrays(np.float64, n_levels - 1, elements=st.one_of(st.just(1.0), st.floats(0.05, 3.0))))
    E = np.concatenate([[0.0], np.cumsum(gaps)]) - draw(st.floats(-2.0, 2.0))
    G = draw(hermitian_matrices(n_levels))
    U = expm(1j * G)
    H0 = U @ np.diag(E) @ U.conj().T
    x = draw(hermitian_matrices(n_levels))
    c = draw(st.one_of(st.just(1.0), st.floats(0.3, 137.0)))
    return PeierlsModel(H0=(H0 + H0.conj().T) / 2, x=x, c=c)


def liouville_response(H0: np.ndarray, V: np.ndarray, O: np.ndarray, z: complex) -> complex:
    r""":math:`\mathrm{Tr}(O\,\delta\rho)` with :math:`(z-[H_0,\cdot])\delta\rho=[V,\rho_0]`, :math:`\rho_0` the ground
    state. Row-major vec: :math:`[H_0,X]\to(H_0\otimes1-1\otimes H_0^T)\mathrm{vec}X`."""
    n = H0.shape[0]
    E, U = np.linalg.eigh(H0)
    g = U[:, 0]
    rho0 = np.outer(g, g.conj())
    L0 = np.kron(H0, np.eye(n)) - np.kron(np.eye(n), H0.T)
    rhs = (V @ rho0 - rho0 @ V).ravel()
    drho = np.linalg.solve(z * np.eye(n * n) - L0, rhs).reshape(n, n)
    return complex(np.trace(O @ drho))


# --- 1D transition currents ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class TransitionCurrents:
    """coef (n, 3) complex: I_0nu(z) = sum_j coef[nu, j] z^j exp(-z^2/2); energies E (n,), densities N (n,)."""

    coef: np.ndarray
    E: np.ndarray
    N: np.ndarray
    omega: float
    eta: float
    c: float

    def __repr__(self):
        return (f"TransitionCurrents(coef={np.round(self.coef, 4).tolist()}, E={np.round(self.E, 4).tolist()}, "
                f"omega={self.omega:.4g}, eta={self.eta:.3g}, c={self.c:.4g})")

    def grid(self, n: int = 4001, half: float = 12.0):
        z = np.linspace(-half, half, n)
        w = np.full(n, z[1] - z[0])
        w[0] = w[-1] = w[0] / 2
        I = (self.coef[:, 0:1] + self.coef[:, 1:2] * z + self.coef[:, 2:3] * z**2) * np.exp(-z**2 / 2)
        return z, w, I                              # trapezoid on a Gaussian: spectrally accurate

    def moments(self):
        z, w, I = self.grid()
        return I @ w, (I * z) @ w, (I * z**2) @ w   # Ibar, Qbar, second moment S (r_bar = 0)

    def transform(self, k: float) -> np.ndarray:
        r""":math:`\int e^{-ikz}I_{0\nu}(z)dz` by quadrature, (n,)."""
        z, w, I = self.grid()
        return (I * np.exp(-1j * k * z)) @ w

    def gbar_hbar(self):
        g = 1 / (self.E - self.omega - 1j * self.eta) - 1 / self.E
        h = 1 / (self.E + self.omega + 1j * self.eta) - 1 / self.E
        return g, h

    def chi_exact(self, k: float) -> complex:
        r"""The k' = k kernel with exact transforms: :math:`\sum_\nu\frac{N_\nu}c[\bar g\,\tilde I_{0\nu}(k)
        \tilde I_{\nu0}(-k)+\bar h\,\tilde I_{\nu0}(k)\tilde I_{0\nu}(-k)]`, :math:`I_{\nu0}=I_{0\nu}^*`."""
        g, h = self.gbar_hbar()
        a, b = self.transform(k), self.transform(-k)   # I_0nu(k); I_0nu(-k); and I_nu0(-k) = conj(a), I_nu0(k) = conj(b)
        return complex(np.sum(self.N / self.c * (g * a * a.conj() + h * b.conj() * b)))

    def chi_taylor2(self, h_: float = 0.01) -> complex:
        """Second Taylor coefficient of chi_exact in k: central differences with two Richardson steps, O(h^6)."""
        c0 = self.chi_exact(0.0)

        def D(hh):
            return (self.chi_exact(hh) + self.chi_exact(-hh) - 2 * c0) / (2 * hh * hh)
        return _richardson2(D, h_)

    def chi_taylor1(self, h_: float = 0.01) -> complex:
        """First Taylor coefficient of chi_exact in k: central differences with two Richardson steps, O(h^6)."""
        def D(hh):
            return (self.chi_exact(hh) - self.chi_exact(-hh)) / (2 * hh)
        return _richardson2(D, h_)


def _richardson2(D, h):
    """D(h) = d + c2 h^2 + c4 h^4 + O(h^6) (a central difference): eliminate the h^2 and h^4 terms."""
    r1, r2 = (4 * D(h) - D(2 * h)) / 3, (4 * D(2 * h) - D(4 * h)) / 3
    return (16 * r1 - r2) / 15


@st.composite
def transition_current_sets(draw, n_states: int = 2, parity: tuple[str, ...] | None = None) -> TransitionCurrents:
    """Random transition currents (complex quadratic polynomial times a unit Gaussian), energies in [1, 2], damping
    1e-3-0.1, omega off resonance (0.77 or drawn in [0.1, 0.9]). ``parity`` ('even'/'odd' per state) makes E1
    (even: Qbar = 0) or M1 (odd: Ibar = 0) states. Shrinks towards real coefficients equal to 1."""
    coef = draw(arrays(np.float64, (n_states, 3, 2), elements=st.floats(-1.0, 1.0)))
    coef = coef[..., 0] + 1j * coef[..., 1]
    if parity is not None:
        for i, p in enumerate(parity):
            if p == "even":
                coef[i, 1] = 0
            else:
                coef[i, 0] = coef[i, 2] = 0
    E = draw(arrays(np.float64, n_states, elements=st.floats(1.0, 2.0)))
    N = draw(arrays(np.float64, n_states, elements=st.floats(0.1, 2.0)))
    return TransitionCurrents(coef=coef, E=E, N=N, omega=draw(st.one_of(st.just(0.77), st.floats(0.1, 0.9))),
                              eta=draw(st.floats(1e-3, 0.1)), c=draw(st.one_of(st.just(1.0), st.floats(0.5, 137.0))))


# --- 2D harmonic trap -------------------------------------------------------------------------------------------------
def _ladder(n):
    a = np.diag(np.sqrt(np.arange(1, n)), 1)
    return (a + a.T) / np.sqrt(2), 1j * (a.T - a) / np.sqrt(2)     # x, p (m = hbar = Omega = 1)


def trap_static_response(k: float, nmax: int = 40) -> float:
    r"""Exact static transverse response :math:`c\chi_T(k,0)=-e^2/m+\sum_\nu2|\langle0|j_y(k)|\nu\rangle|^2/E_{\nu0}`,
    :math:`j_y(k)=e^{-ikx}p_y` (e = m = 1), in a basis of nmax states per axis."""
    x, p = _ladder(nmax)
    ekx = expm(-1j * k * x)[:, 0]                     # e^{-ikx}|0_x>, components on |n_x>
    py0 = p[:, 0]                                     # p_y|0_y>
    amp = np.abs(ekx[:, None] * py0[None, :]) ** 2    # |<n_x n_y| j_y |0 0>|^2
    En = np.arange(nmax)[:, None] + np.arange(nmax)[None, :]
    mask = En > 0
    return float(-1.0 + np.sum(2 * amp[mask] / En[mask]))


def trap_moments(nmax: int = 40):
    """Moments of the trap's two active transitions for A y e^{ikx}: the E1 state |0_x 1_y> (Ibar = <0|p_y|nu>,
    Qbar = <0|x p_y|nu> = 0) and the M1/E2 state |1_x 1_y> (Ibar = 0, Qbar = <0|x p_y|nu>); energies 1 and 2."""
    x, p = _ladder(nmax)
    I_a = p[0, 1]                                     # <0_y|p_y|1_y> <0_x|0_x>
    Q_b = x[0, 1] * p[0, 1]                           # <0_x|x|1_x><0_y|p_y|1_y>
    return dict(E=np.array([1.0, 2.0]), Ibar=np.array([I_a, 0.0]), Qbar=np.array([0.0, Q_b]))
