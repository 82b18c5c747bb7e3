r"""One-dimensional tight-binding crystals: Rice-Mele, SSH and random two-band chains; a ring "ionic fluid".

Overview
    Bulk quantities (Berry-phase / Wilson-loop Wannier centres, the Eq. 14 integrand, Thouless pumping over a
    parameter loop) and finite-system quantities (open chains, whose site charges give bulk currents and surface
    charges, and a ring with mobile ions, whose Resta dipole gives the charge pumped by dragging an ion) are all
    computed from the Hamiltonian itself.
Conventions
    Lattice constant ``a``; sites A, B at ``n a + tau_A``, ``n a + tau_B`` (``tau_A < tau_B``); one electron of charge
    ``-e`` per cell (the lower band is filled) and, where a neutral cell is needed, an ion ``+e`` at ``n a + x_ion``.
    Units: e = 1, hbar = 1. Periodic ("convention I") Bloch Hamiltonian

    .. math:: H(k) = h_0 + h_1 e^{ika} + h_1^\dagger e^{-ika},\qquad
              H_{\rm RM}(k) = \begin{pmatrix}\Delta & t_1 + t_2 e^{-ika}\\ t_1 + t_2 e^{ika} & -\Delta\end{pmatrix},

    so that ``<A_n|H|B_n> = t1`` and ``<B_n|H|A_{n+1}> = t2``. Wannier centres use the site-position phases
    ("convention II"): the link overlap is :math:`M_j=\sum_s c^*_{k_j}(s)c_{k_{j+1}}(s)e^{-i\delta k\,\tau_s}` and
    :math:`X_W=-(a/2\pi)\sum_j\arg M_j` (mod a), the discrete form of :math:`(a/2\pi)\oint i\langle u|\partial_k u\rangle dk`.
References
    [1] P. Tangney (2024), Secs. V, XI, XII. [2] S. Baroni, slides, "gauge invariance of charge transport".
    [3] M. J. Rice and E. J. Mele, PRL 49, 1455 (1982); R. Resta, PRL 80, 1800 (1998).
"""

from __future__ import annotations

import derivcheck  # noqa: F401  (first: it pins BLAS to one thread before numpy loads)
from dataclasses import dataclass, replace

import numpy as np
from hypothesis import strategies as st

from derivcheck import InvalidArgument, Reject

__all__ = ["RiceMele", "TwoBandChain", "RingIonicFluid", "rice_mele_lower_band", "rice_mele_wannier_centre", "rice_mele_wannier_centre_complex",
           "wilson_loop_centre_eigh", "rice_mele_eq14_integral", "open_chain_sites", "open_chain_state",
           "bulk_cell_current", "finnis_sigma_points", "pumped_charge", "rice_mele_chains", "ssh_chains",
           "two_band_chains", "rice_mele_paths", "fourier_loops", "winding_number", "ring_ionic_fluids",
           "wrap"]


def wrap(x, period):
    """x mapped to (-period/2, period/2]."""
    return x - period * np.round(x / period)


# --- models --------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class RiceMele:
    """Rice-Mele chain; SSH when ``delta == 0``."""

    t1: float
    t2: float
    delta: float
    tau_A: float = 0.0
    tau_B: float = 0.5
    a: float = 1.0
    x_ion: float = 0.25

    def hoppings(self) -> tuple[np.ndarray, np.ndarray]:
        """(h0, h1), shape (2, 2) each, idx (site, site)."""
        h0 = np.array([[self.delta, self.t1], [self.t1, -self.delta]], dtype=complex)
        h1 = np.array([[0.0, 0.0], [self.t2, 0.0]], dtype=complex)        # <cell n|H|cell n+1>
        return h0, h1

    @property
    def tau(self) -> np.ndarray:
        return np.array([self.tau_A, self.tau_B])

    def gap(self, n_k: int = 256) -> float:
        """Direct bulk gap, 2 min_k |d(k)|."""
        k = 2 * np.pi * np.arange(n_k) / (n_k * self.a)
        f = self.t1 + self.t2 * np.exp(-1j * k * self.a)
        return float(2 * np.min(np.sqrt(np.abs(f) ** 2 + self.delta ** 2)))


@dataclass(frozen=True)
class TwoBandChain:
    """General two-band chain with nearest-cell hoppings: H(k) = h0 + h1 e^{ika} + h.c."""

    h0: np.ndarray          # (2, 2) Hermitian, idx (site, site)
    h1: np.ndarray          # (2, 2) <cell n|H|cell n+1>
    tau_A: float = 0.0
    tau_B: float = 0.5
    a: float = 1.0
    x_ion: float = 0.25

    def hoppings(self):
        return np.asarray(self.h0, complex), np.asarray(self.h1, complex)

    @property
    def tau(self) -> np.ndarray:
        return np.array([self.tau_A, self.tau_B])

    def gap(self, n_k: int = 256) -> float:
        e = np.linalg.eigvalsh(bloch_hamiltonian(self, 2 * np.pi * np.arange(n_k) / (n_k * self.a)))
        return float(np.min(e[:, 1] - e[:, 0]))


def bloch_hamiltonian(model, k: np.ndarray) -> np.ndarray:
    """Periodic-gauge H(k), shape (n_k, 2, 2)."""
    h0, h1 = model.hoppings()
    ph = np.exp(1j * np.asarray(k, float) * model.a)[:, None, None]
    return h0[None] + h1[None] * ph + h1.conj().T[None] / ph


# --- closed-form lower band of the Rice-Mele chain, vectorised over parameters and k --------------------------------
def rice_mele_lower_band(t1, t2, delta, k, a=1.0):
    r"""Lower-band eigenvector (c_A, c_B) of :math:`H_{\rm RM}(k)` in closed form, broadcast over all arguments.

    With :math:`f=t_1+t_2e^{-ika}` and :math:`|d|=\sqrt{|f|^2+\Delta^2}` two exact forms are
    :math:`(f,-(\Delta+|d|))/\sqrt{2|d|(|d|+\Delta)}` and :math:`(\Delta-|d|,f^*)/\sqrt{2|d|(|d|-\Delta)}`; the first is
    used where :math:`\Delta\ge0`, the second where :math:`\Delta<0`, so that for a fixed sign of Δ the vector is a
    smooth, k-periodic gauge (the denominator is >= |d| >= gap/2). Returns arrays (c_A, c_B) of the broadcast shape.
    """
    t1, t2, delta, k = np.broadcast_arrays(*(np.asarray(v, float) for v in (t1, t2, delta, k)))
    f = t1 + t2 * np.exp(-1j * k * a)
    d = np.sqrt(np.abs(f) ** 2 + delta ** 2)
    pos = delta >= 0
    n1 = np.sqrt(2 * d * (d + np.abs(delta)))          # the same norm for both forms on their own side
    cA = np.where(pos, f, delta - d) / n1
    cB = np.where(pos, -(delta + d), np.conj(f)) / n1
    return cA, cB


def _centre_from_links(links: np.ndarray, a: float) -> np.ndarray:
    """X_W = -(a/2pi) sum_j arg M_j, mapped to [0, a)."""
    return np.mod(-a / (2 * np.pi) * np.sum(np.angle(links), axis=-1), a)


def rice_mele_wannier_centre(t1, t2, delta, tau_A=0.0, tau_B=0.5, a=1.0, n_k: int = 400,
                             chunk: int = 1 << 16) -> np.ndarray:
    r"""Wannier centre of the filled lower band in [0, a), by the discrete Wilson loop, vectorised over parameters.

    Uses the closed-form eigenvectors of :func:`rice_mele_lower_band` without diagonalising anything. Positive
    normalisations drop out of :math:`\arg M_j`, and for Δ >= 0 (Δ < 0) the site phase of A (B) factors out, so

    .. math:: X_W=\tau_A-\frac a{2\pi}\sum_j\arg W_j\ (\Delta\ge0),\qquad
              X_W=\tau_B+\frac a{2\pi}\sum_j\arg W_j\ (\Delta<0),

    with :math:`W_j=f_j^*f_{j+1}+(|\Delta|+|d_j|)(|\Delta|+|d_{j+1}|)e^{-i\delta k(\tau_B-\tau_A)}` in real arithmetic.
    Parameter arrays broadcast (the result has their broadcast shape) and are processed in chunks of ``chunk``
    parameter points, so a (400, 4000) grid stays in cache. The discretisation error is O(1/n_k^2).
    """
    shape = np.broadcast_shapes(*(np.shape(v) for v in (t1, t2, delta, tau_A, tau_B)))
    p = [np.broadcast_to(np.asarray(v, float), shape).ravel() for v in (t1, t2, delta, tau_A, tau_B)]
    ka = 2 * np.pi * np.arange(n_k + 1) / n_k                            # k a, last point closes the loop
    c, s = np.cos(ka), np.sin(ka)
    cj, cn, sj, sn = c[:-1], c[1:], s[:-1], s[1:]
    cos_dk, sin_dk = np.cos(2 * np.pi / n_k), np.sin(2 * np.pi / n_k)
    out = np.empty(p[0].size)
    for lo in range(0, p[0].size, chunk):
        T1, T2, D, TA, TB = (v[lo:lo + chunk, None] for v in p)
        ad = np.abs(D)
        dd = ad + np.sqrt(T1 * T1 + T2 * T2 + 2 * T1 * T2 * c + D * D)          # |Delta| + |d_k|, (m, n_k + 1)
        Q = dd[:, :-1] * dd[:, 1:]
        phi = (2 * np.pi / (n_k * a)) * (TB - TA)
        re = T1 * T1 + T1 * T2 * (cj + cn) + T2 * T2 * cos_dk + Q * np.cos(phi)
        im = T1 * T2 * (sj - sn) - T2 * T2 * sin_dk - Q * np.sin(phi)
        phase = np.sum(np.arctan2(im, re), axis=1)
        D0 = D[:, 0]
        out[lo:lo + chunk] = np.where(D0 >= 0, TA[:, 0] - a / (2 * np.pi) * phase,
                                      TB[:, 0] + a / (2 * np.pi) * phase)
    return np.mod(out, a).reshape(shape)


def rice_mele_wannier_centre_complex(t1, t2, delta, tau_A=0.0, tau_B=0.5, a=1.0, n_k: int = 400) -> np.ndarray:
    """The same Wilson loop written directly with the complex closed-form eigenvectors (a readable reference)."""
    k = 2 * np.pi * np.arange(n_k + 1) / (n_k * a)
    shape = np.broadcast_shapes(*(np.shape(v) for v in (t1, t2, delta, tau_A, tau_B)))
    p = [np.broadcast_to(np.asarray(v, float), shape)[..., None] for v in (t1, t2, delta, tau_A, tau_B)]
    cA, cB = rice_mele_lower_band(p[0], p[1], p[2], k, a)                # (..., n_k + 1)
    dk = 2 * np.pi / (n_k * a)
    links = (np.conj(cA[..., :-1]) * cA[..., 1:] * np.exp(-1j * dk * p[3])
             + np.conj(cB[..., :-1]) * cB[..., 1:] * np.exp(-1j * dk * p[4]))
    return _centre_from_links(links, a)


def wilson_loop_centre_eigh(model, n_k: int = 400) -> float:
    """Reference: the same Wannier centre from ``numpy.linalg.eigh`` eigenvectors (random phases) of any model."""
    k = 2 * np.pi * np.arange(n_k) / (n_k * model.a)
    _, v = np.linalg.eigh(bloch_hamiltonian(model, k))
    c = v[:, :, 0]                                                       # (n_k, 2) lower band, arbitrary phases
    c_next = np.roll(c, -1, axis=0)
    dk = 2 * np.pi / (n_k * model.a)
    links = np.sum(np.conj(c) * c_next * np.exp(-1j * dk * model.tau)[None, :], axis=1)
    return float(_centre_from_links(links, model.a))


def rice_mele_eq14_integral(model: RiceMele, dparams, n_k: int = 256, h: float = 1e-4) -> float:
    r""":math:`\int_{\Omega^*}dk\,\mathrm{Im}\langle\partial_\zeta u_k|\partial_k u_k\rangle` for the path
    :math:`(t_1,t_2,\Delta)+\zeta\,(\dot t_1,\dot t_2,\dot\Delta)` at ζ = 0 ([1]_ Eq. 14, cell-normalised u).

    u carries the site phases, :math:`u_k(s)=e^{-ik\tau_s}c_k(s)`, with c the smooth closed-form gauge of
    :func:`rice_mele_lower_band` (branch fixed by the sign of Δ at ζ = 0). ∂_ζ by central differences (error O(h^2)),
    ∂_k analytically through the spectral derivative of the periodic c (exact for n_k above the band limit of c up to
    exponentially small aliasing), and the k integral by the periodic trapezoid rule (spectrally accurate).
    """
    k = 2 * np.pi * np.arange(n_k) / (n_k * model.a)
    sign_branch = 1.0 if model.delta >= 0 else -1.0

    def coeffs(z):
        t1 = model.t1 + z * dparams[0]
        t2 = model.t2 + z * dparams[1]
        dl = model.delta + z * dparams[2]
        # keep the branch of zeta = 0: evaluate with the sign-fixed formula
        f = t1 + t2 * np.exp(-1j * k * model.a)
        d = np.sqrt(np.abs(f) ** 2 + dl ** 2)
        if sign_branch > 0:
            n1 = np.sqrt(2 * d * (d + dl))
            return np.stack([f / n1, -(dl + d) / n1])
        n1 = np.sqrt(2 * d * (d - dl))
        return np.stack([(dl - d) / n1, np.conj(f) / n1])

    c0 = coeffs(0.0)                                                      # (2, n_k)
    dz = (coeffs(h) - coeffs(-h)) / (2 * h)
    # spectral d/dk of a function sampled on k_j = 2 pi j/(n_k a): Fourier index m -> factor i m a
    m = np.fft.fftfreq(n_k, d=1.0 / n_k)
    dk_c = np.fft.ifft(np.fft.fft(c0, axis=1) * (1j * m * model.a)[None, :], axis=1)
    tau = model.tau[:, None]
    du_k = dk_c - 1j * tau * c0                                           # e^{ik tau} d_k u, the phase cancels
    integrand = np.imag(np.sum(np.conj(dz) * du_k, axis=0))
    return float(np.sum(integrand) * 2 * np.pi / (n_k * model.a))


# --- open chains ----------------------------------------------------------------------------------------------------
def open_chain_sites(model, n_cells: int) -> np.ndarray:
    """Site positions of an open chain, shape (2 n_cells,), ordered A_0, B_0, A_1, ..."""
    return (np.arange(n_cells)[:, None] * model.a + model.tau[None, :]).ravel()


def open_chain_state(model, n_cells: int) -> tuple[np.ndarray, np.ndarray]:
    """Site occupations of the open chain with ``n_cells`` electrons, and the energies (HOMO, LUMO)."""
    h0, h1 = model.hoppings()
    n = 2 * n_cells
    H = np.zeros((n, n), complex)
    for c in range(n_cells):
        H[2 * c:2 * c + 2, 2 * c:2 * c + 2] = h0
        if c + 1 < n_cells:
            H[2 * c:2 * c + 2, 2 * c + 2:2 * c + 4] = h1
            H[2 * c + 2:2 * c + 4, 2 * c:2 * c + 2] = h1.conj().T
    e, v = np.linalg.eigh(H)
    occ = np.sum(np.abs(v[:, :n_cells]) ** 2, axis=1)
    return occ, np.array([e[n_cells - 1], e[n_cells]])


def bulk_cell_current(model, n_cells: int, dparams, h: float = 1e-4, min_gap: float = 0.02) -> float:
    r"""Cell-averaged x-current per unit :math:`\dot\zeta` in the middle of an open chain (e = 1).

    The particle count left of each bond of the middle cell is differentiated by central differences along the path
    ``params + zeta * dparams``; continuity gives the bond currents :math:`j=-dQ_{\rm left}/d\zeta`, and the cell
    average weights them by bond length. Deep in the bulk this is exact up to exp(-distance/xi) and O(h^2). Raises
    :class:`Reject` if the HOMO-LUMO gap is below ``min_gap`` (near-degenerate edge states at the two ends hybridise
    through the chain and a small change of zeta then moves a fraction of an electron from end to end) or if an edge
    state changes occupation within ±h.
    """
    m = n_cells // 2
    q = []
    for z in (-h, h):
        mod = _shifted(model, z, dparams)
        occ, (homo, lumo) = open_chain_state(mod, n_cells)
        if lumo - homo < min_gap:
            raise Reject("near-degenerate edge states at the Fermi level")
        q.append([-np.sum(occ[:2 * m + 1]), -np.sum(occ[:2 * m + 2])])   # charge left of the A-B and B-A bonds
    q = np.array(q)
    if np.max(np.abs(q[1] - q[0])) > 0.3:
        raise Reject("an edge state changed occupation between zeta - h and zeta + h")
    j_ab, j_ba = -(q[1] - q[0]) / (2 * h)
    lab = model.tau_B - model.tau_A
    return float((j_ab * lab + j_ba * (model.a - lab)) / model.a)


def finnis_sigma_points(x: np.ndarray, q: np.ndarray, x_b: float, a: float) -> float:
    r"""Tangney Eq. 51 for point charges: :math:`\sigma=\sum_{x_i<x_b}q_i-\frac1a\sum_{x_i\in[x_b,x_b+a)}q_i(x_i-x_b)`."""
    left = np.sum(q[x < x_b])
    cell = (x >= x_b) & (x < x_b + a)
    return float(left - np.sum(q[cell] * (x[cell] - x_b)) / a)


def open_chain_sigma(model, n_cells: int, x_b: float) -> float:
    """Left-surface charge of the neutral open chain (electrons on sites, ions +1 at x_ion), Eq. 51 at x_b."""
    occ, _ = open_chain_state(model, n_cells)
    xs = open_chain_sites(model, n_cells)
    xi = np.arange(n_cells) * model.a + model.x_ion
    return finnis_sigma_points(np.concatenate([xs, xi]), np.concatenate([-occ, np.ones(n_cells)]), x_b, model.a)


def _shifted(model, z, dparams):
    if isinstance(model, RiceMele):
        return replace(model, t1=model.t1 + z * dparams[0], t2=model.t2 + z * dparams[1],
                       delta=model.delta + z * dparams[2])
    return replace(model, h0=model.h0 + z * dparams[0], h1=model.h1 + z * dparams[1])


def pumped_charge(t1, t2, delta, tau_A=0.0, tau_B=0.5, a=1.0, n_k: int = 200) -> float:
    r"""Electron charge pumped over a closed loop sampled at points ``(t1[i], t2[i], delta[i])`` (last = first).

    The Wannier centre is followed continuously (each step must move it by less than a/2: the loop sampling must be
    fine enough; checked). Returns :math:`Q=-\Delta X_W/a` in units of e (electrons carry -e; ions are static).
    """
    x = rice_mele_wannier_centre(t1, t2, delta, tau_A, tau_B, a, n_k)
    steps = wrap(np.diff(x), a)
    if np.max(np.abs(steps)) > 0.3 * a:
        raise InvalidArgument(f"the Wannier centre jumps by {np.max(np.abs(steps)):.3g} between loop points; "
                              "sample the loop more finely")
    return float(-np.sum(steps) / a)


def winding_number(x: np.ndarray, y: np.ndarray) -> int:
    """Winding of the closed curve (x, y) (last point = first) around the origin."""
    ang = np.unwrap(np.arctan2(y, x))
    return int(np.round((ang[-1] - ang[0]) / (2 * np.pi)))


# --- ring with mobile ions (Baroni's "ionic fluid") -----------------------------------------------------------------
@dataclass(frozen=True)
class RingIonicFluid:
    """Ring of ``L`` sites (spacing 1, hopping -1) with Gaussian-well ions of core charge +1 and ``n_el`` electrons."""

    L: int
    depths: tuple[float, ...]      # well depth of each ion
    width: float                   # Gaussian well width (sites)
    n_el: int

    def hamiltonian(self, X: np.ndarray) -> np.ndarray:
        j = np.arange(self.L)
        H = np.zeros((self.L, self.L))
        H[j, (j + 1) % self.L] = H[(j + 1) % self.L, j] = -1.0
        for U, x in zip(self.depths, X):
            d = wrap(j - x, self.L)
            H[j, j] -= U * np.exp(-0.5 * (d / self.width) ** 2)
        return H

    def ground_state(self, X):
        e, v = np.linalg.eigh(self.hamiltonian(np.asarray(X, float)))
        return v[:, :self.n_el], float(e[self.n_el] - e[self.n_el - 1])

    def resta_phase(self, X) -> tuple[float, float]:
        r"""Electronic dipole :math:`\mu_{el}=-(L/2\pi)\,\mathrm{Im}\ln\det(\Phi^\dagger e^{2\pi i\hat x/L}\Phi)`
        (mod L), and the gap."""
        phi, gap = self.ground_state(X)
        z = np.exp(2j * np.pi * np.arange(self.L) / self.L)
        det = np.linalg.det(phi.conj().T @ (z[:, None] * phi))
        return float(-self.L / (2 * np.pi) * np.angle(det)), gap

    def dipole_along(self, path: np.ndarray) -> tuple[np.ndarray, float]:
        """Total dipole (ions at unwrapped positions + continuously followed Resta dipole) along ``path`` of ion
        positions, shape (n_steps, n_ions); and the minimum gap along it."""
        mu_el, gaps = [], []
        for X in path:
            m, g = self.resta_phase(X)
            mu_el.append(m)
            gaps.append(g)
        mu_el = np.asarray(mu_el)
        steps = wrap(np.diff(mu_el), self.L)
        if len(steps) and np.max(np.abs(steps)) > 0.25 * self.L:
            raise InvalidArgument("the Resta dipole jumps by more than L/4 between path points; refine the path")
        mu = mu_el[0] + np.concatenate([[0.0], np.cumsum(steps)])
        return mu + np.sum(path, axis=1), float(np.min(gaps))


# --- strategies ---------------------------------------------------------------------------------------------------
@st.composite
def rice_mele_chains(draw, *, min_gap: float = 0.2, delta_zero: bool = False) -> RiceMele:
    """Gapped Rice-Mele chains (generator G6): t1, t2 in [0.3, 1.5], Delta in [-1, 1], tau_A < tau_B in [0, a).

    Shrinks towards t1 = 1, t2 = 0.5, Delta = 0.3, tau = (0, 0.5). Chains with a bulk gap below ``min_gap`` are
    rejected (the claims assume a gapped occupied band).
    """
    t1 = draw(st.one_of(st.just(1.0), st.floats(0.3, 1.5)))
    t2 = draw(st.one_of(st.just(0.5), st.floats(0.3, 1.5)))
    delta = 0.0 if delta_zero else draw(st.one_of(st.just(0.3), st.floats(-1.0, 1.0)))
    tau_A = draw(st.one_of(st.just(0.0), st.floats(0.0, 0.45)))
    tau_B = draw(st.one_of(st.just(0.5), st.floats(tau_A + 0.05, 0.99)))
    x_ion = draw(st.one_of(st.just(0.25), st.floats(0.0, 0.99)))
    m = RiceMele(t1, t2, delta, tau_A, tau_B, 1.0, x_ion)
    if m.gap() < min_gap:
        _reject_draw(draw)
    return m


def _reject_draw(draw):
    from hypothesis import assume
    assume(False)


def ssh_chains(min_gap: float = 0.2):
    """Inversion-symmetric (Delta = 0) Rice-Mele chains."""
    return rice_mele_chains(min_gap=min_gap, delta_zero=True)


@st.composite
def two_band_chains(draw, *, min_gap: float = 0.2) -> TwoBandChain:
    """Random two-band chains: Hermitian h0 and complex h1 with entries in [-1, 1]; gap >= ``min_gap``."""
    r = [draw(st.floats(-1.0, 1.0)) for _ in range(12)]
    h0 = np.array([[r[0], r[1] + 1j * r[2]], [r[1] - 1j * r[2], r[3]]])
    h1 = np.array([[r[4] + 1j * r[5], r[6] + 1j * r[7]], [r[8] + 1j * r[9], r[10] + 1j * r[11]]])
    tau_A = draw(st.floats(0.0, 0.45))
    tau_B = draw(st.floats(tau_A + 0.05, 0.99))
    m = TwoBandChain(h0, h1, tau_A, tau_B)
    if m.gap() < min_gap:
        _reject_draw(draw)
    return m


@st.composite
def rice_mele_paths(draw, *, min_gap: float = 0.2):
    """A gapped Rice-Mele chain and a direction (dt1, dt2, dDelta) in parameter space, each component in [-1, 1]."""
    m = draw(rice_mele_chains(min_gap=min_gap))
    d = tuple(draw(st.one_of(st.just(v), st.floats(-1.0, 1.0))) for v in (0.0, 0.0, 1.0))
    if max(abs(v) for v in d) < 0.05:
        _reject_draw(draw)
    return m, np.array(d)


@st.composite
def fourier_loops(draw, *, n_points: int = 400, max_order: int = 2, min_gap: float = 0.1):
    """Closed smooth loops theta -> (t1, t2, Delta) with t1, t2 > 0 (random Fourier series about (1, 1, 0)).

    Shrinks towards the circle t1 - t2 = R cos(theta), Delta = R sin(theta). Loops whose gap closes are rejected.
    Returns (t1, t2, delta) arrays of n_points + 1 points (the last equals the first).
    """
    th = 2 * np.pi * np.arange(n_points + 1) / n_points
    R = draw(st.floats(0.1, 0.8))
    sense = draw(st.sampled_from([1, -1]))
    turns = draw(st.sampled_from([1, 1, 2, 0]))
    cx = R * np.cos(turns * th)
    cy = sense * R * np.sin(turns * th)
    for n in range(1, max_order + 1):
        ax, bx, ay, by = (draw(st.floats(-0.15, 0.15)) for _ in range(4))
        cx = cx + ax * np.cos(n * th) + bx * np.sin(n * th)
        cy = cy + ay * np.cos(n * th) + by * np.sin(n * th)
    offset = draw(st.floats(-0.6, 0.6))                        # moves the loop off the gap-closing point
    cx = cx + offset
    tbar = draw(st.floats(1.0, 1.4))
    t1, t2, delta = tbar + cx / 2, tbar - cx / 2, cy
    gaps = 2 * np.sqrt(np.minimum((t1 - t2) ** 2, (t1 + t2) ** 2) + delta ** 2)
    if np.min(gaps) < min_gap or np.min(np.minimum(t1, t2)) <= 0.05:
        _reject_draw(draw)
    return t1, t2, delta


@st.composite
def ring_ionic_fluids(draw):
    """Baroni's ring 'ionic fluid': 48 sites, 2 spinless electrons, a deep ion (binds both) and a shallow one."""
    deep = draw(st.floats(5.0, 7.0))
    shallow = draw(st.floats(0.5, 1.5))
    width = draw(st.floats(1.0, 1.4))
    XA = draw(st.floats(0.0, 47.0))
    XB = XA + draw(st.floats(12.0, 36.0))
    return RingIonicFluid(48, (deep, shallow), width, 2), np.array([XA, XB])
