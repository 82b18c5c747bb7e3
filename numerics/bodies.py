r"""Finite bodies of charge for the mean-inner-potential and macroscopic-potential claims (Tangney 2024).

Overview
    1D: chains of Gaussian packets (spec generators GB1, GB3): crystals and glasses built from neutral blocks, and
    polar crystal slabs. 3D: balls of neutral atoms (generator G7: point nucleus + Gaussian cloud), simple-cubic
    clusters of Bethe's Crystal 1 and Crystal 2 blocks (GB3), spheres of molecular dipoles on a cubic lattice (GB6),
    spherically symmetric atoms made of Gaussian shells, and neutral clusters of point charges.
    Every strategy is a plural noun for what it draws, built bottom-up so that failures shrink towards small,
    simple bodies.
Conventions
    :math:`\epsilon_0 = 1`, e = 1 (see :mod:`numerics.potentials`). Lengths in units of the lattice constant where
    one exists.
References
    [1] P. Tangney, "Electricity at the macroscale and its microscopic origins" (2024), Secs. IV.F, XIII, XIV.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from scipy.special import erf
from scipy.stats import qmc

from numerics import potentials as pot

__all__ = ["GaussianChain", "Block1D", "chain_of_blocks", "zero_dipole_blocks", "bethe_blocks_1d",
           "block_crystals", "block_glasses", "polar_crystals", "AtomBall", "neutral_atom_balls",
           "CubicCluster", "cubic_block_clusters", "DipoleSphere", "dipole_lattice_spheres", "RadialAtom",
           "radial_atoms", "PointCluster", "neutral_point_clusters"]


# ======================================================================================================= 1D ========
@dataclass(frozen=True)
class GaussianChain:
    r"""Planar charge density :math:`\rho(x)=\sum_kc_k\,\mathcal N(x;m_k,s_k)` (generator GB1)."""

    m: np.ndarray
    c: np.ndarray
    s: np.ndarray

    def rho(self, x):
        return pot.rho_1d(x, self.m, self.c, self.s)

    def drho(self, x):
        return pot.drho_1d(x, self.m, self.c, self.s)

    def S0(self, x):
        return pot.S0_1d(x, self.m, self.c, self.s)

    def S1(self, x):
        return pot.S1_1d(x, self.m, self.c, self.s)

    def phi(self, x):
        """Exact potential, zero in the vacuum to the left."""
        return pot.potential_1d(x, self.m, self.c, self.s)

    def smoothed(self, w: float) -> "GaussianChain":
        r"""Convolution with a normalized Gaussian kernel of width w (exact: :math:`s\to\sqrt{s^2+w^2}`)."""
        return GaussianChain(self.m, self.c, np.sqrt(self.s**2 + w**2))

    @property
    def extent(self) -> tuple[float, float]:
        return float(np.min(self.m - 10 * self.s)), float(np.max(self.m + 10 * self.s))


@dataclass(frozen=True)
class Block1D:
    """A neutral building block: charges ``q`` at ``offsets`` from its centre with Gaussian ``widths``."""

    offsets: tuple[float, ...]
    q: tuple[float, ...]
    widths: tuple[float, ...]
    name: str = "block"

    def moment(self, n: int) -> float:
        r""":math:`\int y^n\rho_{\rm blk}(y)\,dy` in closed form (Gaussian moments about each centre)."""
        o, q, w = map(np.asarray, (self.offsets, self.q, self.widths))
        if n == 0:
            return float(q.sum())
        if n == 1:
            return float((q * o).sum())
        if n == 2:
            return float((q * (o**2 + w**2)).sum())
        raise ValueError(f"n={n}: only moments 0, 1, 2 are implemented")


def chain_of_blocks(block: Block1D, centres) -> GaussianChain:
    """Copies of ``block`` centred at ``centres``."""
    centres = np.asarray(centres, float)
    o, q, w = map(np.asarray, (block.offsets, block.q, block.widths))
    return GaussianChain(m=(centres[:, None] + o[None, :]).ravel(), c=np.tile(q, len(centres)),
                         s=np.tile(w, len(centres)))


@st.composite
def zero_dipole_blocks(draw, *, max_pairs: int = 2, max_width: float = 0.2) -> Block1D:
    """Neutral blocks with inversion symmetry (zero dipole): a centre charge and symmetric pairs.

    The centre charge makes the block neutral. Shrinks towards one pair of charges 1 at +-0.2 about a centre -2."""
    if max_pairs < 1:
        raise InvalidArgument(f"max_pairs={max_pairs!r}: a neutral block needs at least one pair")
    k = draw(st.integers(1, max_pairs))
    offs = [draw(st.floats(0.05, 0.4)) for _ in range(k)]
    qs = [draw(st.floats(-2.0, 2.0).filter(lambda v: abs(v) > 0.05)) for _ in range(k)]
    ws = [draw(st.floats(0.02, min(0.08, max_width))) for _ in range(k)]
    w0 = draw(st.floats(0.02, max_width))
    q0 = -2 * sum(qs)
    offsets = tuple([0.0] + [o for o in offs] + [-o for o in offs])
    return Block1D(offsets=offsets, q=tuple([q0] + qs + qs), widths=tuple([w0] + ws + ws), name="symmetric")


@st.composite
def bethe_blocks_1d(draw, *, a: float = 1.0) -> Block1D:
    """GB3 blocks in 1D: Crystal 1 (nucleus +Z, width s_n, and cloud -Z, width s_e, at one site) or Crystal 2
    (cloud -Z at the site and Z/2 at +-a). Both have zero dipole; their bulks are identical. Shrinks to Crystal 1."""
    Z = draw(st.sampled_from([1.0, 2.0, 3.0, 4.0]))
    s_n = draw(st.floats(0.02, 0.05)) * a
    s_e = draw(st.floats(0.1, 0.3)) * a
    if draw(st.booleans()):
        return Block1D((-a, 0.0, a), (Z / 2, -Z, Z / 2), (s_n, s_e, s_n), name="crystal2")
    return Block1D((0.0, 0.0), (Z, -Z), (s_n, s_e), name="crystal1")


@dataclass(frozen=True)
class BlockBody:
    """A 1D body of whole blocks: a crystal (period a) or a glass (random gaps)."""

    block: Block1D
    centres: tuple[float, ...]
    a: float                      # lattice period, or the mean spacing of a glass
    kind: str                     # "crystal" or "glass"

    @property
    def chain(self) -> GaussianChain:
        return chain_of_blocks(self.block, self.centres)

    def bulk_means(self, margin: int = 5) -> tuple[float, float]:
        """(mean potential, mean field) over a bulk window, relative to the vacuum on the left.

        For a crystal the window is one period from a block boundary in the middle; for a glass it runs between the
        midpoints of two gaps ``margin`` blocks from either end. The exact potential (closed form) and the field
        E = -phi' = S0 / epsilon_0 are integrated by Gauss-Legendre on panels no wider than the narrowest Gaussian.
        """
        chain = self.chain
        if self.kind == "crystal":
            mid = len(self.centres) // 2
            lo = (self.centres[mid - 1] + self.centres[mid]) / 2
            hi = lo + self.a
        else:
            lo, hi = self.bulk_window(margin=margin)
        panel = float(np.min(chain.s))
        width = hi - lo
        phi = pot.quad(chain.phi, lo, hi, panel) / width
        field = pot.quad(lambda x: chain.S0(x) / pot.EPS0, lo, hi, panel) / width
        return phi, field

    def bulk_cell(self) -> float:
        """Left end of a bulk period (a block boundary in the middle of a crystal)."""
        mid = len(self.centres) // 2
        return float((self.centres[mid - 1] + self.centres[mid]) / 2)

    def bulk_window(self, margin: int = 20) -> tuple[float, float]:
        """A window between block boundaries deep in the bulk: from midway between blocks ``margin`` and
        ``margin + 1`` to midway between the corresponding blocks from the right end."""
        c = np.asarray(self.centres)
        return float((c[margin] + c[margin + 1]) / 2), float((c[-margin - 2] + c[-margin - 1]) / 2)


@st.composite
def block_crystals(draw, blocks=None, *, a: float = 1.0, n_cells=(60, 120)) -> BlockBody:
    """Crystals of whole blocks (uncharged surfaces for zero-dipole blocks). Shrinks towards 60 cells."""
    block = draw(blocks if blocks is not None else st.one_of(bethe_blocks_1d(a=a), zero_dipole_blocks()))
    n = draw(st.integers(*n_cells))
    return BlockBody(block, tuple(float(k * a) for k in range(n)), a, "crystal")


@st.composite
def block_glasses(draw, blocks=None, *, n_blocks=(60, 120), gaps=(0.8, 1.4)) -> BlockBody:
    """Glasses: whole blocks separated by random gaps in ``gaps`` (GB2/G3). Shrinks towards equal gaps."""
    block = draw(blocks if blocks is not None else zero_dipole_blocks())
    n = draw(st.integers(*n_blocks))
    g = draw(st.lists(st.floats(*gaps), min_size=n - 1, max_size=n - 1))
    centres = np.concatenate([[0.0], np.cumsum(g)])
    return BlockBody(block, tuple(map(float, centres)), float(np.mean(g)), "glass")


@dataclass(frozen=True)
class PolarCrystal:
    """A 1D crystal slab of Gaussian packets (GB1): basis ``tau``, ``q``, ``s`` repeated ``n_cells`` times from 0."""

    a: float
    tau: tuple[float, ...]
    q: tuple[float, ...]
    s: tuple[float, ...]
    n_cells: int

    @property
    def chain(self) -> GaussianChain:
        k = np.arange(self.n_cells)[:, None] * self.a
        m = (k + np.asarray(self.tau)[None, :]).ravel()
        return GaussianChain(m, np.tile(self.q, self.n_cells), np.tile(self.s, self.n_cells))

    def bulk_point(self, frac: float) -> float:
        """A point in the middle third of the slab."""
        return self.a * self.n_cells * (1 / 3 + frac / 3)


@st.composite
def polar_crystals(draw, *, max_charges: int = 6) -> PolarCrystal:
    """Neutral-cell crystals with 2-6 Gaussian packets per cell of widths 0.03a-0.12a (GB1). Shrinks to 2 packets."""
    k = draw(st.integers(2, max_charges))
    a = draw(st.one_of(st.just(1.0), st.floats(0.5, 2.0)))
    tau = [draw(st.floats(0.0, 0.999)) * a for _ in range(k)]
    q = [draw(st.floats(-2.0, 2.0)) for _ in range(k - 1)]
    q.append(-sum(q))
    s = [draw(st.floats(0.03, 0.12)) * a for _ in range(k)]
    return PolarCrystal(a, tuple(tau), tuple(q), tuple(s), n_cells=40)


# ======================================================================================================= 3D ========
@dataclass(frozen=True)
class AtomBall:
    """N neutral atoms (point nucleus +Z, Gaussian cloud -Z of width s) with centres inside a ball of radius
    R - margin; the averaging region is the ball of radius R (generator G7, reference instance B3)."""

    centres: np.ndarray   # (N, 3)
    Z: float
    s: float
    R: float

    def __repr__(self):
        return f"AtomBall(N={len(self.centres)}, Z={self.Z}, s={self.s:.4g}, R={self.R:.4g})"

    @property
    def volume(self) -> float:
        return 4 * np.pi * self.R**3 / 3


@st.composite
def neutral_atom_balls(draw, *, max_atoms: int = 400) -> AtomBall:
    """Balls of neutral atoms: N in [1, max_atoms], Z in {1,...,8}, s in [0.2, 1], centres uniform in the ball of
    radius R - 8s (so that the clouds lie inside the ball to 1e-15). Shrinks towards one atom at the centre."""
    n = draw(st.integers(1, max_atoms))
    Z = float(draw(st.integers(1, 8)))
    s = draw(st.floats(0.2, 1.0))
    R = draw(st.floats(10.0, 30.0))
    inner = R - 8 * s
    skip = draw(st.integers(0, 10_000))
    # deterministic low-discrepancy points (unscrambled Halton) from a drawn offset: no hidden randomness
    h = qmc.Halton(d=3, scramble=False).random(n + skip + 1)[skip + 1:]          # (n, 3) in [0, 1)^3
    u = np.stack([2 * h[:, 0] - 1, 2 * np.pi * h[:, 1]], axis=1)
    sin_t = np.sqrt(1 - u[:, 0] ** 2)
    dirs = np.stack([sin_t * np.cos(u[:, 1]), sin_t * np.sin(u[:, 1]), u[:, 0]], axis=1)
    radii = inner * h[:, 2] ** (1 / 3)                                               # uniform in the ball
    centres = dirs * radii[:, None]
    if n == 1 and draw(st.booleans()):
        centres = np.zeros((1, 3))
    return AtomBall(centres, Z, s, R)


@dataclass(frozen=True)
class CubicCluster:
    """Simple-cubic cluster of n^3 Bethe blocks (GB3, 3D): Crystal 1 = nucleus (+Z, Gaussian width s_n) and cloud
    (-Z, width s_e) at each site; Crystal 2 = cloud -Z at each site plus Z/6 at its six neighbours."""

    kind: str
    n: int
    a: float
    Z: float
    s_n: float
    s_e: float

    def sites(self) -> np.ndarray:
        g = (np.arange(self.n) - (self.n - 1) / 2) * self.a
        X, Y, W = np.meshgrid(g, g, g, indexing="ij")
        return np.stack([X.ravel(), Y.ravel(), W.ravel()], axis=1)

    def charges(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(positions (k, 3), charges (k,), widths (k,))."""
        sites = self.sites()
        cloud = (sites, -self.Z * np.ones(len(sites)), self.s_e * np.ones(len(sites)))
        if self.kind == "crystal1":
            nuc = (sites, self.Z * np.ones(len(sites)), self.s_n * np.ones(len(sites)))
        else:
            shifts = np.vstack([np.eye(3), -np.eye(3)]) * self.a
            pos = (sites[:, None, :] + shifts[None, :, :]).reshape(-1, 3)
            nuc = (pos, self.Z / 6 * np.ones(len(pos)), self.s_n * np.ones(len(pos)))
        return tuple(np.concatenate([x, y]) for x, y in zip(cloud, nuc))

    @property
    def omega(self) -> float:
        return self.a**3


@st.composite
def cubic_block_clusters(draw, kind=None) -> CubicCluster:
    """Crystal 1 or Crystal 2 clusters: n in {5, 7}, a = 1, Z in {1,...,4}, s_n in [0.06, 0.1], s_e in
    [0.2, 0.35] (the spec's values are n = 5, 7, 9, Z = 4, 0.08, 0.3). Shrinks towards Crystal 1, n = 5."""
    kind = kind or draw(st.sampled_from(["crystal1", "crystal2"]))
    return CubicCluster(kind, draw(st.sampled_from([5, 7])), 1.0, float(draw(st.integers(1, 4))),
                        draw(st.floats(0.06, 0.1)), draw(st.floats(0.2, 0.35)))


@dataclass(frozen=True)
class DipoleSphere:
    """Molecules (+q at +d/2 z, -q at -d/2 z, Gaussian width w) on the sites of a simple-cubic lattice (a = 1)
    with |R| <= radius: a union of whole cubic shells, so the cluster has full cubic symmetry (GB6)."""

    q: float
    d: float
    w: float
    radius: float

    def sites(self) -> np.ndarray:
        m = int(np.floor(self.radius))
        g = np.arange(-m, m + 1, dtype=float)
        X, Y, Z = np.meshgrid(g, g, g, indexing="ij")
        p = np.stack([X.ravel(), Y.ravel(), Z.ravel()], axis=1)
        return p[np.linalg.norm(p, axis=1) <= self.radius + 1e-9]

    def charges(self, exclude_centre: bool = False):
        s = self.sites()
        if exclude_centre:
            s = s[np.linalg.norm(s, axis=1) > 0]
        dz = np.array([0.0, 0.0, self.d / 2])
        pos = np.concatenate([s + dz, s - dz])
        q = np.concatenate([np.full(len(s), self.q), np.full(len(s), -self.q)])
        return pos, q, np.full(len(q), self.w)

    @property
    def P(self) -> float:
        return self.q * self.d          # dipole per unit cell volume (a = 1)


@st.composite
def dipole_lattice_spheres(draw) -> DipoleSphere:
    """Spheres of 500-2000 molecular dipoles, d in [0.002, 0.02] a (near the point-dipole limit), width
    w in [0.01, 0.04] a, q of either sign. Shrinks towards radius 5, q = 1."""
    q = draw(st.sampled_from([1.0, -1.0, 2.5, -0.3]))
    return DipoleSphere(q, draw(st.floats(0.002, 0.02)), draw(st.floats(0.01, 0.04)), draw(st.floats(5.0, 7.5)))


@dataclass(frozen=True)
class RadialAtom:
    r"""A spherically symmetric charge :math:`\rho(r)=Z\delta(\mathbf r)+\sum_kq_k\,g(r;s_k)` with normalized
    Gaussians g of width s_k (total charges q_k)."""

    Z: float
    q: tuple[float, ...]
    s: tuple[float, ...]

    def rho(self, r):
        r = np.asarray(r, float)[..., None]
        s, q = np.asarray(self.s), np.asarray(self.q)
        return np.sum(q * np.exp(-r**2 / (2 * s**2)) / ((2 * np.pi) ** 1.5 * s**3), axis=-1)

    def phi(self, r):
        r"""Coulomb potential of each shell: :math:`\kappa q\,\mathrm{erf}(r/\sqrt2s)/r`, plus the nucleus."""
        r = np.asarray(r, float)
        s, q = np.asarray(self.s), np.asarray(self.q)
        return pot.KAPPA * (self.Z + np.sum(q * erf(r[..., None] / (np.sqrt(2) * s)), axis=-1)) / r

    @property
    def total(self) -> float:
        return self.Z + float(np.sum(self.q))

    @property
    def r_max(self) -> float:
        return 12 * max(self.s)


@st.composite
def radial_atoms(draw, *, neutral: bool = True, nucleus: bool = True) -> RadialAtom:
    """Point nucleus Z in [0, 6] plus 1-3 Gaussian shells of widths in [0.1, 2] and charges of either sign; with
    ``neutral`` the last shell carries -(Z + others). Shrinks towards one shell."""
    k = draw(st.integers(1, 3))
    Z = float(draw(st.integers(0, 6))) if nucleus else 0.0
    s = [draw(st.floats(0.1, 2.0)) for _ in range(k)]
    q = [draw(st.floats(-3.0, 3.0)) for _ in range(k)]
    if neutral:
        q[-1] = -(Z + sum(q[:-1]))
        if Z == 0 and k == 1:
            q = [1.0, -1.0]
            s = s + [draw(st.floats(0.1, 2.0))]
    return RadialAtom(Z, tuple(q), tuple(s))


@dataclass(frozen=True)
class PointCluster:
    """Point charges ``q`` at ``pos`` (k, 3); ``R`` is the radius of a ball that contains them with margin."""

    pos: np.ndarray
    q: np.ndarray
    R: float

    def __repr__(self):
        return f"PointCluster(q={np.round(self.q, 4).tolist()}, R={self.R:.4g}, |r|max={np.abs(self.pos).max():.3g})"


@st.composite
def neutral_point_clusters(draw, *, max_charges: int = 6) -> PointCluster:
    """Neutral sets of 2-6 point charges within |r| < 0.8 R, R in [1, 20]. Shrinks towards a +1/-1 pair."""
    k = draw(st.integers(2, max_charges))
    R = draw(st.floats(1.0, 20.0))
    pos = np.array([[draw(st.floats(-0.45, 0.45)) * R for _ in range(3)] for _ in range(k)])
    q = np.array([draw(st.floats(-2.0, 2.0)) for _ in range(k - 1)])
    q = np.append(q, -q.sum())
    return PointCluster(pos, q, R)
