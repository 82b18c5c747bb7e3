"""numerics/coulomb.py: the fast multipole potential against the direct Coulomb sum."""

import numpy as np
import pytest
from hypothesis import given

from numerics.coulomb import neutral_point_charge_balls, potential_direct, potential_fmm

pytest.importorskip("fmm3dpy")


@given(neutral_point_charge_balls())
def test_fmm_potential_equals_direct_sum(body):
    pos, q = body
    direct = potential_direct(pos, q)
    fmm = potential_fmm(pos, q, eps=1e-12)
    # FMM3D's eps bounds the error relative to the size of the potential; 1e-9 leaves margin over eps = 1e-12
    # for bodies up to 400 charges (no term is larger than sum |q_j| / (4 pi r_min))
    scale = np.abs(q).sum() / (4 * np.pi * np.min(np.linalg.norm(pos[:, None] - pos[None], axis=-1)
                                                  + np.eye(len(q)) * 1e300))
    assert np.max(np.abs(fmm - direct)) <= 1e-9 * scale


def test_two_charges_by_hand():
    pos = np.array([[0.0, 0, 0], [2.0, 0, 0]])
    q = np.array([1.0, -1.0])
    np.testing.assert_allclose(potential_direct(pos, q), [-1 / (8 * np.pi), 1 / (8 * np.pi)], rtol=1e-15)


def test_bad_shapes_are_explained():
    with pytest.raises(ValueError, match=r"give an \(N, 3\) array"):
        potential_direct(np.zeros((3, 2)), np.zeros(3))
    with pytest.raises(ValueError, match="give one charge per position"):
        potential_direct(np.zeros((3, 3)), np.zeros(2))
