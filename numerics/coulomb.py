r"""Coulomb potentials of finite 3D bodies of point charges: direct sums and the fast multipole method.

.. math:: \phi(\mathbf r_i)=\sum_{j\ne i}\frac{q_j}{4\pi\epsilon_0|\mathbf r_i-\mathbf r_j|}\qquad(\epsilon_0=1)

:func:`potential_direct` sums every pair (O(N^2), in blocks to bound memory); :func:`potential_fmm` calls the
Flatiron FMM3D library (``fmm3dpy``), whose error is controlled by its ``eps`` argument (relative to the size of
the potential), at O(N) cost. The finite-body limits of the polarization papers (Tangney Sec. XIV, Sen et al.
Sec. 2) need potentials of bodies of 10^3 to 10^6 charges; the tests hold the FMM against the direct sum.
"""

from __future__ import annotations

import numpy as np
from hypothesis import strategies as st

__all__ = ["potential_direct", "potential_fmm", "neutral_point_charge_balls"]

_FOUR_PI = 4 * np.pi


def _validate(positions, charges):
    positions = np.ascontiguousarray(positions, dtype=float)
    charges = np.ascontiguousarray(charges, dtype=float)
    if positions.ndim != 2 or positions.shape[1] != 3:
        raise ValueError(f"positions has shape {positions.shape}; give an (N, 3) array of Cartesian coordinates")
    if charges.shape != (positions.shape[0],):
        raise ValueError(f"charges has shape {charges.shape} but there are {positions.shape[0]} positions; "
                         "give one charge per position")
    return positions, charges


def potential_direct(positions: np.ndarray, charges: np.ndarray, block: int = 2048) -> np.ndarray:
    """Potential at each charge from all the others, by direct summation (exact up to round-off)."""
    positions, charges = _validate(positions, charges)
    n = len(charges)
    out = np.empty(n)
    for start in range(0, n, block):
        r = positions[start:start + block]                                    # (b, 3)
        d = np.linalg.norm(r[:, None, :] - positions[None, :, :], axis=-1)     # (b, n)
        idx = np.arange(start, min(start + block, n))
        d[idx - start, idx] = np.inf                                           # no self-interaction
        out[start:start + block] = (charges[None, :] / d).sum(axis=1)
    return out / _FOUR_PI


def potential_fmm(positions: np.ndarray, charges: np.ndarray, eps: float = 1e-10) -> np.ndarray:
    """Potential at each charge from all the others by the fast multipole method (relative precision ``eps``)."""
    import fmm3dpy

    positions, charges = _validate(positions, charges)
    if not 1e-15 <= eps < 1:
        raise ValueError(f"eps={eps}: the FMM precision must lie in [1e-15, 1)")
    res = fmm3dpy.lfmm3d(eps=eps, sources=np.ascontiguousarray(positions.T), charges=charges, pg=1)
    return np.asarray(res.pot)  # fmm3dpy's Laplace kernel is 1/(4 pi r), as above


@st.composite
def neutral_point_charge_balls(draw, *, min_n: int = 2, max_n: int = 400):
    """Neutral bodies of point charges placed uniformly in a ball (the last charge neutralises the body).

    Shrinks towards two charges of a ball of radius 1."""
    n = draw(st.integers(min_n, max_n))
    seed = draw(st.integers(0, 2**32 - 1))
    radius = draw(st.one_of(st.just(1.0), st.floats(0.5, 50.0)))
    rng = np.random.default_rng(seed)
    r = radius * rng.random(n) ** (1 / 3)
    v = rng.normal(size=(n, 3))
    pos = r[:, None] * v / np.linalg.norm(v, axis=1)[:, None]
    q = rng.uniform(-1, 1, n)
    q[-1] -= q.sum()
    return pos, q
