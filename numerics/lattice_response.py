r"""Periodic tight-binding chains and electron gases: Bloch states, Adler-Wiser response, length and velocity gauges.

Overview
    The Rice-Mele chain (sites A at 0 and B at b in a cell of length a, hoppings t1 inside and t2 between cells,
    on-site energies +-Delta) in the tight-binding convention with site positions in the Bloch phases, so that
    the eigenvectors c(k) of H(k) are the cell-periodic parts u_k and dH/dk is the velocity i[H, x]. The chain is
    read as a 3D crystal of charged sheets (one sheet per site, unit area), so the 3D Coulomb kernel
    4 pi/|q + G|^2 applies exactly and the cell volume is a (per unit area).

    Computed here, each by its own route: the Adler-Wiser density response on a k grid (overlaps of u's at k and
    k + q), the same response of a finite ring of N cells in real space (2N x 2N diagonalization), the length-gauge
    per-cell polarizability (interband position elements from the velocity), the current-current correlator of
    the paramagnetic current, the contact (diamagnetic) term <d^2H/dk^2>, band curvatures, Fermi-surface
    integrals, the Lindhard function of the 3D electron gas by Gauss-Legendre quadrature over the Fermi sphere,
    and the anharmonic oscillator in a truncated harmonic-oscillator basis.
Conventions
    Atomic units, e = hbar = m = 1 unless a function says otherwise; electrons carry charge -1; fields and
    responses go as e^{-i omega t} with omega -> z = omega + i eta (the retarded kernel e^{i omega^+ t} of the
    paper's Eqs. 3 and 69); spin degeneracy 2; k integrals int dk/(2 pi) over the BZ are uniform-grid sums
    (1/(N_k a)) sum_k, spectrally accurate for the smooth periodic integrands used.
References
    [1] C. Tantardini, Q. Pitteloud, B. Yakobson, M. P. Andersson, "Gauge-invariant long-wavelength TDDFT without
        empty states" (2025), Sec. IV, Eqs. (41)-(74).
    [2] M. J. Rice and E. J. Mele, PRL 49, 1455 (1982).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

__all__ = ["RiceMele", "rice_mele_chains", "metallic_rice_mele_chains", "fermi", "fermi_derivative",
           "adler_wiser_chi0", "ring_density_response", "length_gauge_alpha_cell", "current_current",
           "contact_term", "band_velocity_moments", "transported_vertex", "lindhard_high_frequency",
           "fermi_gas_dos", "anharmonic_oscillators", "AnharmonicOscillator", "truncated_oscillator_response",
           "dyson_instances", "DysonInstance"]


# --- the model --------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class RiceMele:
    r"""Rice-Mele chain (Rice & Mele, PRL 49, 1455 (1982)) with real-space site offsets.

    .. math:: H(k)=\begin{pmatrix}\Delta & t_1e^{ikb}+t_2e^{-ik(a-b)}\\ \text{c.c.} & -\Delta\end{pmatrix}

    ``mu`` and ``T`` set the Fermi-Dirac occupations (``T = 0``: the lower band filled, an insulator).
    """

    t1: float
    t2: float
    delta: float
    a: float
    b: float
    mu: float = 0.0
    T: float = 0.0
    eta: float = 0.05

    @property
    def tau(self) -> np.ndarray:
        return np.array([0.0, self.b])                       # (site,) positions inside the cell

    def _off(self, k, order: int = 0):
        k = np.asarray(k, dtype=float)
        ea, eb = np.exp(1j * k * self.b), np.exp(-1j * k * (self.a - self.b))
        return self.t1 * (1j * self.b) ** order * ea + self.t2 * (-1j * (self.a - self.b)) ** order * eb

    def h(self, k, order: int = 0) -> np.ndarray:
        """H(k) (order 0), dH/dk (1) or d^2H/dk^2 (2); shape k.shape + (2, 2), idx (k, site, site)."""
        k = np.asarray(k, dtype=float)
        out = np.zeros(k.shape + (2, 2), dtype=complex)
        off = self._off(k, order)
        if order == 0:
            out[..., 0, 0], out[..., 1, 1] = self.delta, -self.delta
        out[..., 0, 1], out[..., 1, 0] = off, np.conj(off)
        return out

    def bands(self, k) -> tuple[np.ndarray, np.ndarray]:
        """Energies (k, band) and eigenvectors (k, site, band) with a fixed phase: first component real >= 0."""
        e, u = np.linalg.eigh(self.h(k))
        ph = np.exp(-1j * np.angle(u[..., 0:1, :]))
        return e, u * ph

    def occupations(self, e: np.ndarray) -> np.ndarray:
        if self.T == 0:
            occ = np.zeros_like(e)
            occ[..., 0] = 1.0                                 # insulator: lower band full
            return occ
        return fermi(e, self.mu, self.T)

    def kgrid(self, n_k: int) -> np.ndarray:
        """k_j = 2 pi (j - n_k//2)/(n_k a): the crystal momenta of a ring of n_k cells."""
        return 2 * np.pi * (np.arange(n_k) - n_k // 2) / (n_k * self.a)

    def ring(self, n_cells: int) -> tuple[np.ndarray, np.ndarray]:
        """Real-space Hamiltonian of a ring of ``n_cells`` cells (2N x 2N) and the site positions (2N,)."""
        n = 2 * n_cells
        H = np.zeros((n, n))
        for c in range(n_cells):
            A, B, A_next = 2 * c, 2 * c + 1, (2 * c + 2) % n
            H[A, A], H[B, B] = self.delta, -self.delta
            H[A, B] = H[B, A] = self.t1
            H[B, A_next] = H[A_next, B] = self.t2
        x = (np.arange(n_cells)[:, None] * self.a + self.tau[None, :]).ravel()
        return H, x


def fermi(e, mu: float, T: float):
    return 0.5 * (1.0 - np.tanh((np.asarray(e) - mu) / (2 * T)))   # overflow-free Fermi-Dirac


def fermi_derivative(e, mu: float, T: float):
    """df/de = -1/(4T cosh^2((e - mu)/2T)), computed without overflow."""
    x = (np.asarray(e) - mu) / (2 * T)
    return -0.25 / T / np.cosh(np.clip(x, -350, 350)) ** 2


@st.composite
def rice_mele_chains(draw, *, metallic: bool = False) -> RiceMele:
    """Rice-Mele chains with gap >= 0.3 (insulators at T = 0) or, ``metallic``, at T > 0 with mu inside a band.

    Lattice constant a != 1 and offset 0 < b < a so that volume and position factors cannot hide. Shrinks towards
    t1 = 1, t2 = 0.5, Delta = 0.5, a = 2.7, b = 0.9.
    """
    t1 = draw(st.one_of(st.just(1.0), st.floats(0.3, 2.0), st.floats(-2.0, -0.3)))
    t2 = draw(st.one_of(st.just(0.5), st.floats(0.2, 2.0), st.floats(-2.0, -0.2)))
    delta = draw(st.one_of(st.just(0.5), st.floats(-1.5, 1.5)))
    a = draw(st.one_of(st.just(2.7), st.floats(0.6, 4.0)))
    b = draw(st.one_of(st.just(0.9), st.floats(0.05, 0.95))) * (a if not np.isclose(a, 2.7) else 1.0)
    b = min(b, 0.95 * a)
    if not metallic:
        if np.hypot(delta, abs(abs(t1) - abs(t2))) < 0.15:   # gap 2 sqrt(Delta^2 + (t1 - t2)^2) >= 0.3
            delta = 0.5 if delta >= 0 else -0.5
        return RiceMele(t1, t2, delta, a, b, eta=draw(st.floats(0.02, 0.2)))
    T = draw(st.one_of(st.just(0.1), st.floats(0.05, 0.4)))
    frac = draw(st.floats(0.15, 0.85))                      # mu inside the lower band
    m = RiceMele(t1, t2, delta, a, b)
    e, _ = m.bands(m.kgrid(64))
    mu = float(np.min(e[:, 0]) + frac * (np.max(e[:, 0]) - np.min(e[:, 0])))
    return RiceMele(t1, t2, delta, a, b, mu=mu, T=T, eta=draw(st.floats(0.02, 0.2)))


def metallic_rice_mele_chains() -> st.SearchStrategy[RiceMele]:
    """Rice-Mele chains at T > 0 with the chemical potential inside the lower band (two-band metals)."""
    return rice_mele_chains(metallic=True)


# --- Adler-Wiser response on a k grid -----------------------------------------------------------------------------
def transported_vertex(m: RiceMele, k: np.ndarray, q: float, G: float = 0.0):
    r"""Bloch vertices :math:`\langle n\mathbf k|e^{-i(q+G)x}|m,\mathbf k+q\rangle=\sum_s c^*_{ns}(k)e^{-iG\tau_s}c_{ms}(k+q)`.

    The phases of the states at k + q are parallel-transported from k (overlap <u_m(k)|u_m(k+q)> real positive),
    so the vertices are smooth in q. Returns (vertex (k, n, m), e_k (k, n), e_kq (k, m)).
    """
    e0, u0 = m.bands(k)
    e1, u1 = m.bands(k + q)
    ov = np.einsum("ksn,ksn->kn", u0.conj(), u1)
    u1 = u1 * np.exp(-1j * np.angle(ov))[:, None, :]
    phase = np.exp(-1j * G * m.tau)                          # (site,)
    vert = np.einsum("ksn,s,ksm->knm", u0.conj(), phase, u1)
    return vert, e0, e1


def adler_wiser_chi0(m: RiceMele, q: float, omega: complex, G: float = 0.0, Gp: float = 0.0, n_k: int = 256,
                     bands: str = "all") -> complex:
    r"""Adler-Wiser sum :math:`\frac{1}{N_ka}\sum_{k,nm}\frac{f_{nk}-f_{m,k+q}}{z+\varepsilon_{nk}-\varepsilon_{m,k+q}}
    \Gamma^G_{nm}\overline{\Gamma^{G'}_{nm}}` (no spin factor, no extra volume), i.e. :math:`\int dk/2\pi` of the
    summand of [1]_ Eq. (43). ``bands``: "all", "inter" (n != m) or "intra" (n = m); z = omega (+ i eta if real).
    """
    k = m.kgrid(n_k)
    v1, e0, e1 = transported_vertex(m, k, q, G)
    v2, _, _ = transported_vertex(m, k, q, Gp)
    f0, f1 = m.occupations(e0), m.occupations(e1)
    z = omega
    num = f0[:, :, None] - f1[:, None, :]
    den = z + e0[:, :, None] - e1[:, None, :]
    terms = num / den * v1 * v2.conj()
    mask = {"all": np.ones((2, 2)), "inter": 1 - np.eye(2), "intra": np.eye(2)}[bands]
    return complex(np.sum(terms * mask) / (n_k * m.a))


def ring_density_response(m: RiceMele, n_cells: int, q_index: int, omega: complex) -> complex:
    r"""Density-density response per length of a finite ring, computed in real space (spin 2).

    .. math:: \chi(q,z)=\frac{2}{L}\sum_{nm}\frac{f_n-f_m}{z+E_n-E_m}|\langle n|\hat\rho_q|m\rangle|^2,\quad
              \hat\rho_q=\sum_j e^{-iqx_j}|j\rangle\langle j|,\quad q=2\pi\,q_{\rm index}/L.

    Occupations: insulator (T = 0) fills the lowest N states; otherwise Fermi-Dirac at (mu, T).
    """
    H, x = m.ring(n_cells)
    E, V = np.linalg.eigh(H)
    L = n_cells * m.a
    if m.T == 0:
        f = np.zeros_like(E)
        f[:n_cells] = 1.0
    else:
        f = fermi(E, m.mu, m.T)
    q = 2 * np.pi * q_index / L
    rho = V.conj().T @ (np.exp(-1j * q * x)[:, None] * V)   # <n|rho_q|m>
    num = f[:, None] - f[None, :]
    den = omega + E[:, None] - E[None, :]
    return complex(2.0 / L * np.sum(num / den * np.abs(rho) ** 2))


def _interband(m: RiceMele, n_k: int):
    k = m.kgrid(n_k)
    e, u = m.bands(k)
    dh = m.h(k, 1)
    v = np.einsum("ksn,kst,ktm->knm", u.conj(), dh, u)       # velocity matrix (k, n, m)
    return k, e, u, v


def length_gauge_alpha_cell(m: RiceMele, z: complex, n_k: int = 256) -> complex:
    r"""Per-cell polarizability of the insulator, length gauge, from interband positions x_cv = v_cv/(i w_cv).

    .. math:: \alpha^{\rm cell}(z)=a\cdot2\int\frac{dk}{2\pi}|x_{cv}|^2\Big[\frac{1}{\omega_{cv}-z}+
              \frac{1}{\omega_{cv}+z}\Big]

    Physical sign: positive static value, Im alpha >= 0 for omega > 0 (e^{-i omega t}).
    """
    _check_insulator(m)
    k, e, u, v = _interband(m, n_k)
    w = e[:, 1] - e[:, 0]
    x2 = np.abs(v[:, 1, 0]) ** 2 / w**2
    return complex(m.a * 2 * np.sum(x2 * (1 / (w - z) + 1 / (w + z))) / (n_k * m.a))


def current_current(m: RiceMele, z: complex, n_k: int = 256) -> complex:
    r"""Retarded paramagnetic current correlator per length, [1]_ Eq. (69) in Lehmann form (J_p = -dH/dk, spin 2).

    .. math:: \Pi^R(z)=2\int\frac{dk}{2\pi}\sum_{n\ne m}\frac{f_n-f_m}{z+\varepsilon_n-\varepsilon_m}|v_{nm}|^2

    which for the insulator is sum |v_cv|^2 [1/(z - w_cv) - 1/(z + w_cv)]: the standard retarded correlator
    -i int_0^inf dt e^{izt} <[J(t), J(0)]>.
    """
    k, e, u, v = _interband(m, n_k)
    f = m.occupations(e)
    num = f[:, :, None] - f[:, None, :]
    den = z + e[:, :, None] - e[:, None, :]
    off = 1 - np.eye(2)
    return complex(2 * np.sum(off * num / den * np.abs(v) ** 2) / (n_k * m.a))


def contact_term(m: RiceMele, n_k: int = 256) -> float:
    r"""Diamagnetic (contact) term of the Peierls coupling H(k + A): :math:`D=2\int\frac{dk}{2\pi}\sum_nf_n
    \langle u_n|\partial_k^2H|u_n\rangle`."""
    k = m.kgrid(n_k)
    e, u = m.bands(k)
    d2 = np.einsum("ksn,kst,ktn->kn", u.conj(), m.h(k, 2), u).real
    return float(2 * np.sum(m.occupations(e) * d2) / (n_k * m.a))


def band_velocity_moments(m: RiceMele, n_k: int = 512) -> dict:
    r"""Fermi-surface and curvature integrals of the bands (spin 2, :math:`\int dk/2\pi`):

    ``fs_vv`` = 2 int (-df/de) v_n^2, ``fs_minv`` = 2 int (-df/de) d^2e_n/dk^2, ``f_minv`` = 2 int f_n d^2e_n/dk^2,
    band velocities and curvatures by spectral differentiation of e_n(k) on the periodic grid.
    """
    k = m.kgrid(n_k)
    e, _ = m.bands(k)
    kk = 2 * np.pi * np.fft.fftfreq(n_k, d=2 * np.pi / (n_k * m.a))  # conjugate of k: lattice vectors R = n a
    ek = np.fft.fft(e, axis=0)
    v = np.fft.ifft(1j * kk[:, None] * ek, axis=0).real
    curv = np.fft.ifft(-(kk[:, None] ** 2) * ek, axis=0).real
    if m.T == 0:
        raise InvalidArgument("band_velocity_moments needs T > 0 (Fermi-surface integrals); draw a metallic chain")
    fp = -fermi_derivative(e, m.mu, m.T)
    f = fermi(e, m.mu, m.T)
    norm = 2.0 / (n_k * m.a)
    return {"fs_vv": float(norm * np.sum(fp * v**2)), "fs_minv": float(norm * np.sum(fp * curv)),
            "f_minv": float(norm * np.sum(f * curv)), "v": v, "curv": curv, "e": e, "k": k}


def _check_insulator(m: RiceMele):
    if m.T != 0:
        raise InvalidArgument(f"T={m.T!r}: this formula is for the T = 0 insulator; draw rice_mele_chains()")


# --- random Dyson instances (matrices) -------------------------------------------------------------------------
@dataclass(frozen=True)
class DysonInstance:
    """Static chi0 (negative semidefinite), f_xc (symmetric), v (positive diagonal), probe vectors."""

    chi0: np.ndarray
    fxc: np.ndarray
    v: np.ndarray
    left: np.ndarray
    right: np.ndarray


@st.composite
def dyson_instances(draw, *, min_size: int = 3, max_size: int = 12) -> DysonInstance:
    """Random static response matrices. Shrinks towards size 3 and small kernels."""
    if min_size < 1 or max_size < min_size:
        raise InvalidArgument(f"min_size={min_size}, max_size={max_size}: need 1 <= min_size <= max_size")
    n = draw(st.integers(min_size, max_size))
    seed = draw(st.integers(0, 2**31 - 1))
    scale = draw(st.one_of(st.just(1.0), st.floats(0.05, 3.0)))
    rng = np.random.default_rng(seed)                      # seeded from the drawn integer: replayable, shrinkable
    X = rng.normal(size=(n, n))
    chi0 = -scale * X @ X.T / n
    F = rng.normal(size=(n, n)) * draw(st.floats(0.0, 0.5))
    fxc = -(F @ F.T) / n                                   # attractive xc kernel, keeps 1 - chi0 K invertible
    v = np.diag(rng.uniform(0.2, 3.0, size=n))
    return DysonInstance(chi0, fxc, v, rng.normal(size=n), rng.normal(size=n))


# --- 3D electron gas -----------------------------------------------------------------------------------------------
def lindhard_high_frequency(n: float, m: float, q: float, omega: float, order: int = 96) -> float:
    r"""Lindhard density response of the T = 0 3D electron gas (spin 2) above the particle-hole continuum,
    by Gauss-Legendre quadrature over the Fermi sphere (k, cos theta) of

    .. math:: \chi_0=2\int_{|k|<k_F}\frac{d^3k}{(2\pi)^3}\Big[\frac{1}{\omega-\frac{kq\mu}{m}-\frac{q^2}{2m}}
              -\frac{1}{\omega-\frac{kq\mu}{m}+\frac{q^2}{2m}}\Big]

    (hbar = 1). Requires omega > q k_F/m + q^2/2m so that the integrand has no pole: the quadrature of this
    analytic integrand converges exponentially with ``order``.
    """
    kF = (3 * np.pi**2 * n) ** (1 / 3)
    if omega <= q * kF / m + q**2 / (2 * m):
        raise InvalidArgument(f"omega={omega} lies in the particle-hole continuum (q v_F + q^2/2m = "
                              f"{q * kF / m + q**2 / (2 * m)}): choose a larger omega or a smaller q")
    x, w = np.polynomial.legendre.leggauss(order)
    k = kF * (x + 1) / 2
    wk = w * kF / 2
    mu, wm = x, w
    K, MU = np.meshgrid(k, mu, indexing="ij")
    W = np.outer(wk, wm)
    d = K * q * MU / m
    integrand = 1 / (omega - d - q**2 / (2 * m)) - 1 / (omega - d + q**2 / (2 * m))
    return float(2 * np.sum(W * 2 * np.pi * K**2 * integrand) / (2 * np.pi) ** 3)


def fermi_gas_dos(n: float, m: float, T: float, order: int = 400) -> tuple[float, float]:
    r"""(density of states at the Fermi level g = 2 int d^3k/(2pi)^3 (-df/de), density n_T) for the 3D gas at
    temperature T with mu fixed at the T = 0 Fermi energy of density ``n``, by Gauss-Legendre quadrature in k."""
    kF = (3 * np.pi**2 * n) ** (1 / 3)
    EF = kF**2 / (2 * m)
    kmax = np.sqrt(2 * m * (EF + 60 * T))
    x, w = np.polynomial.legendre.leggauss(order)
    k = kmax * (x + 1) / 2
    wk = w * kmax / 2
    e = k**2 / (2 * m)
    pref = 2 * 4 * np.pi * k**2 / (2 * np.pi) ** 3
    g = float(np.sum(wk * pref * (-fermi_derivative(e, EF, T))))
    n_T = float(np.sum(wk * pref * fermi(e, EF, T)))
    return g, n_T


# --- truncated-basis anharmonic oscillator (generator c) ----------------------------------------------------------
@dataclass(frozen=True)
class AnharmonicOscillator:
    """H = p^2/2 + x^2/2 + lam x^4 (one electron, a.u.) in the lowest ``M`` harmonic-oscillator states."""

    lam: float
    M: int
    eta: float = 0.01


@st.composite
def anharmonic_oscillators(draw, *, max_basis: int = 12) -> AnharmonicOscillator:
    """Anharmonic oscillators in small (truncated, practical) bases. Shrinks towards lam = 0.1, M = 4."""
    if max_basis < 4:
        raise InvalidArgument(f"max_basis={max_basis}: need at least 4 basis functions")
    lam = draw(st.one_of(st.just(0.1), st.floats(0.02, 1.0)))
    M = draw(st.integers(4, max_basis))
    return AnharmonicOscillator(lam, M)


def _ho_matrices(M: int, pad: int = 6):
    n = M + pad
    s = np.sqrt(np.arange(1, n))
    ann = np.diag(s, 1)
    x = (ann + ann.T) / np.sqrt(2)
    p = 1j * (ann.T - ann) / np.sqrt(2)
    return x, p


def truncated_oscillator_response(osc: AnharmonicOscillator, z: complex) -> dict:
    r"""Length- and velocity-gauge responses in the truncated basis of ``osc.M`` HO functions.

    Exact matrix elements of x, p, p^2 and x^4 in the basis (from a padded basis, so x^4 and p^2 are exact),
    H diagonalized in the M-dimensional space. Returns alpha_L (dipole-dipole, physical sign), Pi (the p-p
    retarded correlator, Eq. 69 form) and Pi(0), all at T = 0.
    """
    x, p = _ho_matrices(osc.M)
    x4 = np.linalg.matrix_power(x, 4)
    p2 = (p @ p).real
    Hf = p2 / 2 + (x @ x) / 2 + osc.lam * x4
    M = osc.M
    E, V = np.linalg.eigh(Hf[:M, :M])
    xs = V.T @ x[:M, :M] @ V
    ps = V.conj().T @ p[:M, :M] @ V
    w = E[1:] - E[0]
    x2, p2n = np.abs(xs[0, 1:]) ** 2, np.abs(ps[0, 1:]) ** 2
    alpha = np.sum(x2 * (1 / (w - z) + 1 / (w + z)))
    Pi = np.sum(p2n * (1 / (z - w) - 1 / (z + w)))
    Pi0 = np.sum(p2n * (-2 / w))
    return {"alpha_L": complex(alpha), "Pi": complex(Pi), "Pi0": float(Pi0)}
