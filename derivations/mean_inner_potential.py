r"""Mean inner potential: Bethe's :math:`\Phi^{\rm Bethe}=-\frac{1}{6\epsilon_0\Omega}\int r^2\rho\,d^3r` versus Tangney's
:math:`\Phi=0` for materials with uncharged surfaces.

Overview
    Tangney (Secs. IV.F, IX, XIV) argues that the mean inner potential (MIP) of an isolated material with uncharged
    surfaces vanishes, and that Bethe's expression (Eqs. 82-88) must be flawed. This module encodes both sides as
    printed and checks them on finite bodies: balls of neutral atoms (point nucleus + Gaussian cloud), 1D crystals
    and glasses of neutral blocks, and simple-cubic clusters of Bethe's Crystal 1 and Crystal 2 blocks, whose
    potentials are computed by direct Coulomb sums and averaged by quadrature, relative to the vacuum at infinity.
    It also encodes the ball-integral arguments of Sec. XIV (Illustrations 1-2, Eq. 89, Perspective 2), whose
    central object is :math:`B(r)=\int_{|\mathbf u|<R}|\mathbf u-\mathbf r|^{-1}d^3u=2\pi(R^2-r^2/3)` for r < R.
Key claims
    T-A-17, T-A-55, T-A-11 (Phi = 0, crystal = glass); T-B-35..T-B-40 (Bethe's Eqs. 82-88, Crystal 1 vs 2);
    T-B-41, T-B-42, T-B-43, T-B-46 (fixed-region averages of the potential of neutral localized charges).
Conventions
    SI with epsilon_0 kept symbolic; the numerics set epsilon_0 = 1, e = 1, kappa = 1/(4 pi epsilon_0). Potentials
    are referenced to the vacuum (zero at infinity in 3D, zero on the left in 1D).
References
    [1] P. Tangney, "Electricity at the macroscale and its microscopic origins" (2024), Secs. IV.C, IV.F, IX, XIV.
    [2] H. Bethe, Ann. Phys. 87, 55 (1928) (as quoted in [1], Eq. 82).
"""

from __future__ import annotations

import numpy as np
import sympy as sp
from sympy.physics.units import charge, length, voltage
from hypothesis import strategies as st

from derivcheck import Claim, NumericCheck, Observation, Relation, Tolerance, register, spec_entry
from numerics import potentials as pot
from numerics.bodies import (BlockBody, block_crystals, block_glasses, bethe_blocks_1d, cubic_block_clusters,
                             CubicCluster, neutral_atom_balls, neutral_point_clusters, radial_atoms, RadialAtom,
                             zero_dipole_blocks)

__all__ = ["ball_potential_integral", "bulk_mean_potential_1d"]

# --- symbols ------------------------------------------------------------------------------------------------------
epsilon_0, e, Omega, R, r, s = sp.symbols("epsilon_0 e Omega R r s", positive=True)
kappa = 1 / (4 * sp.pi * epsilon_0)
u, t, k = sp.symbols("u t k", positive=True)
q, Z = sp.symbols("q Z", real=True)


def _claim(claim_id: str, name: str, lhs, rhs, numeric=None, **kw) -> Claim:
    spec = spec_entry(claim_id.split("/")[0])
    return Claim(id=claim_id, name=name, paper="tangney2024", location=kw.pop("location", spec["location"]),
                 statement=kw.pop("statement", spec["statement"]), title=kw.pop("title", spec["title"]),
                 lhs=lhs, rhs=rhs, numeric=numeric, headline=True, **kw)


def _B(rr):
    r"""Ball integral :math:`\int_{|\mathbf u|<R}|\mathbf u-\mathbf r|^{-1}d^3u` for r < R, by the shell theorem
    (a shell of radius u contributes :math:`4\pi u^2/\max(u,r)`)."""
    return sp.integrate(4 * sp.pi * u**2 / rr, (u, 0, rr)) + sp.integrate(4 * sp.pi * u, (u, rr, R))


# --- numeric kernels ----------------------------------------------------------------------------------------------
def ball_potential_integral(pos, q_, R_: float, width: float = 0.0) -> float:
    r""":math:`\int_{|\mathbf u|<R}\phi(\mathbf u)\,d^3u` for charges ``q_`` at ``pos`` (point charges, or Gaussians of
    one ``width``), by radial quadrature about each charge of its Coulomb potential weighted with the exact area of
    the sphere about the charge that lies in the ball; panels are split at the kinks R - d and R + d."""
    total = 0.0
    for p, qq in zip(np.atleast_2d(pos), np.atleast_1d(q_)):
        d = float(np.linalg.norm(p))
        edges = sorted({0.0, abs(R_ - d), R_ + d})
        for lo, hi in zip(edges[:-1], edges[1:]):
            x, w = pot.gauss_legendre_nodes(lo, hi, 16, 20)
            if width > 0:
                from scipy.special import erf
                f = pot.KAPPA * qq * erf(x / (np.sqrt(2) * width)) / x
            else:
                f = pot.KAPPA * qq / x
            total += float(np.sum(f * pot.cap_area(x, d, R_) * w))
    return total


def _atom_ball_average(ball) -> float:
    """Mean of the exact potential of a ball of neutral atoms over the ball (direct superposition of each atom's
    short-ranged potential kappa Z erfc(r / sqrt2 s) / r, integrated by cap-weighted radial quadrature)."""
    total = 0.0
    f = lambda x: pot.atom_potential_3d(x, ball.Z, ball.s)  # noqa: E731
    x, w = pot.gauss_legendre_nodes(0.0, 12 * ball.s, 48, 20)
    fx = f(x)
    for c in ball.centres:
        total += float(np.sum(fx * pot.cap_area(x, float(np.linalg.norm(c)), ball.R) * w))
    return total / ball.volume


def _cloud_n4(ball) -> float:
    r""":math:`\int_0^\infty n(r)r^4\,dr` of one atom's Gaussian cloud, by quadrature."""
    n = lambda x: ball.Z * np.exp(-x**2 / (2 * ball.s**2)) / ((2 * np.pi) ** 1.5 * ball.s**3)  # noqa: E731
    return pot.quad(lambda x: n(x) * x**4, 0.0, 14 * ball.s, panel=ball.s)


def bulk_mean_potential_1d(body: BlockBody) -> tuple[float, float]:
    """(mean potential, mean field) over a bulk window of a 1D body of whole blocks (see BlockBody.bulk_means)."""
    return body.bulk_means(margin=5)


def _cluster_centre_mean(cl: CubicCluster, n_grid: int = 10) -> float:
    """Mean of the exact potential (direct sum over every Gaussian charge) over the central cell of a cluster."""
    pos, qq, ww = cl.charges()
    return pot.cell_average_3d(lambda p: pot.potential_3d(p, pos, qq, ww), (-cl.a / 2,) * 3, cl.a, n_grid)


# =================================================================================================================
# T-A-17, T-B-35: balls of neutral atoms
# =================================================================================================================
Phi = sp.Symbol("Phi", real=True)
Phi_B = sp.Symbol("Phi_B", real=True)
I_n4 = sp.Symbol("I_n4", positive=True)
N_at = sp.Symbol("N", positive=True, integer=True)
V = sp.Symbol("V", positive=True)

_BALL_TOL = Tolerance(
    rel=1e-9, abs=1e-13,
    reason="radial Gauss-Legendre (48 panels x 20 nodes over 12 s) of a smooth integrand: error at round-off "
           "(checked by refinement in tests); clouds inside the ball to 8 s, so the tail outside is < 1e-15")


def _observe_ball(ball) -> Observation:
    return Observation({"Phi": _atom_ball_average(ball), "I_n4": _cloud_n4(ball), "e": 1.0, "epsilon_0": pot.EPS0,
                        "Omega": ball.volume / len(ball.centres)})


def _ball_model():
    """Symbolic model of a ball of N atoms (point nucleus Z, Gaussian cloud): each atom inside the ball contributes
    kappa e [Z B(|c|) - Z <B(|c + x|)>_cloud] = 2 pi kappa e Z s^2 (the cloud's <r^2> = |c|^2 + 3 s^2)."""
    c2 = sp.Symbol("c2", positive=True)    # |c|^2 of one atom centre
    Bc = sp.expand(_B(sp.sqrt(c2)))         # 2 pi (R^2 - c2 / 3)
    cloud = Bc - sp.Rational(2, 3) * sp.pi * 3 * s**2   # <B(|c + x|)> over the cloud: <|c + x|^2> = c2 + 3 s^2
    per_atom = kappa * e * Z * (Bc - cloud)
    return sp.simplify(N_at * per_atom / V)


@register("T-A-17")
def mip_vanishes_for_uncharged_surfaces() -> Claim:
    """Tangney Sec. IV.F: Phi vanishes if a material's surfaces are not charged; encoded on balls of neutral atoms
    (reference instance B3 family): the mean of the microscopic potential over the ball, relative to infinity."""
    Zp = sp.Symbol("Z", positive=True)
    model = _ball_model().subs(Z, Zp)
    return _claim("T-A-17", "mean_inner_potential_of_neutral_atoms_vanishes", Phi, sp.Integer(0),
                  definitions={Phi: model.subs({N_at: 1, V: Omega})},
                  numeric=NumericCheck(neutral_atom_balls, _observe_ball, _BALL_TOL, samples=15,
                                       method="balls of 1-400 neutral atoms (point nucleus + Gaussian cloud, G7); mean "
                                              "potential over the ball by cap-weighted radial quadrature of each "
                                              "atom's exact potential"),
                  assumptions=("isolated, neutral, macroscopically uniform material", "sigma = 0 on the surfaces",
                               "Phi = spatial average of the microscopic potential in the bulk"),
                  notes="Read as: the mean of the exact microscopic potential over a region containing whole atoms "
                        "is 0. The symbolic model (Omega = volume per atom) gives 2 pi kappa e Z s^2 / Omega.")


@register("T-B-35")
def bethe_mip_equals_ball_average() -> Claim:
    r"""Tangney Eq. 82 (Bethe): :math:`\Phi^{\rm Bethe}=\frac{2\pi e}{3\epsilon_0\Omega}\int_0^\infty n r^4dr`, tested
    as the mean potential of a ball of neutral atoms with Omega the volume per atom."""
    return _claim("T-B-35", "bethe_mip_equals_mean_potential_of_atom_ball",
                  Phi, 2 * sp.pi * e / (3 * epsilon_0 * Omega) * I_n4,   # [1] Eq. 82
                  definitions={Phi: _ball_model().subs({Z: sp.Symbol("Z", positive=True), N_at: 1, V: Omega}),
                               I_n4: 3 * sp.Symbol("Z", positive=True) * s**2 / (4 * sp.pi)},
                  numeric=NumericCheck(neutral_atom_balls, _observe_ball, _BALL_TOL, samples=15,
                                       method="balls of neutral atoms; mean potential over the ball by quadrature; "
                                              "int n r^4 dr of the cloud by quadrature; Omega = V_ball / N"),
                  assumptions=("superposition of neutral spherical atoms", "point nucleus (Eq. 85)"),
                  notes="Symbolic model: Gaussian cloud of Z electrons, int n r^4 dr = 3 Z s^2 / (4 pi).")


# =================================================================================================================
# T-A-55, T-A-11: 1D crystals and glasses of whole neutral blocks
# =================================================================================================================
Phi_c, Phi_g, E_c, E_g, E_b = sp.symbols("Phi_c Phi_g E_c E_g E_bulk", real=True)

_1D_TOL = Tolerance(rel=1e-9, abs=1e-11,
                    reason="closed-form potential (erf) integrated by 20-node Gauss-Legendre on panels no wider than "
                           "the narrowest Gaussian: round-off level; Gaussian tails beyond the bulk window < 1e-20")


def _bodies_1d():
    return st.one_of(block_crystals(n_cells=(50, 80)), block_glasses(n_blocks=(20, 30), blocks=_separated_blocks(), gaps=(1.8, 2.6)))


def _separated_blocks():
    """Blocks narrow enough (extent <= 0.4 + 8 x 0.06) that glass gaps >= 1.8 separate them to 8 widths."""
    return zero_dipole_blocks(max_pairs=1, max_width=0.06)


def _observe_bulk(body) -> Observation:
    phi, field = bulk_mean_potential_1d(body)
    return Observation({"Phi": phi, "E_bulk": field})


@register("T-A-55/Phi")
def mip_is_zero_with_uncharged_surfaces_1d() -> Claim:
    """Tangney Sec. IX: Phi is zero in an isolated uniform material whose surfaces are not charged."""
    return _claim("T-A-55/Phi", "macroscopic_potential_is_zero_with_uncharged_surfaces", Phi, sp.Integer(0),
                  numeric=NumericCheck(_bodies_1d, _observe_bulk, _1D_TOL, samples=15,
                                       method="1D crystals and glasses of whole zero-dipole neutral blocks (sigma = 0 "
                                              "at both surfaces); exact potential (vacuum on the left) averaged over "
                                              "a bulk window"),
                  sample_residual=False, assumptions=("isolated", "macroscopically uniform", "sigma_L = sigma_R = 0"))


@register("T-A-55/E")
def macroscopic_field_is_zero_with_uncharged_surfaces_1d() -> Claim:
    """Tangney Sec. IX: a macroscopic E field cannot exist in such a material (bulk average of E)."""
    return _claim("T-A-55/E", "macroscopic_field_is_zero_with_uncharged_surfaces", E_b, sp.Integer(0),
                  numeric=NumericCheck(_bodies_1d, _observe_bulk, _1D_TOL, samples=15,
                                       method="as T-A-55/Phi; field E = S0 / epsilon_0 averaged over the bulk window"),
                  sample_residual=False, assumptions=("isolated", "macroscopically uniform", "sigma_L = sigma_R = 0"))


def _crystal_and_glass():
    return st.tuples(block_crystals(n_cells=(50, 70)), block_glasses(n_blocks=(20, 30), blocks=_separated_blocks(), gaps=(1.8, 2.6)))


def _observe_pair(inst) -> Observation:
    (pc, ec), (pg, eg) = (bulk_mean_potential_1d(b) for b in inst)
    return Observation({"Phi_c": pc, "Phi_g": pg, "E_c": ec, "E_g": eg})


@register("T-A-11/Phi")
def crystal_and_glass_have_same_bulk_potential() -> Claim:
    """Tangney Sec. IV.C: no characteristic of a crystal's microstructure that differs from the glass alters the
    macroscopic potential emanating from its bulk (both with bulk density 0 and uncharged surfaces)."""
    return _claim("T-A-11/Phi", "crystal_and_glass_with_same_macrostructure_have_same_bulk_potential", Phi_c, Phi_g,
                  numeric=NumericCheck(_crystal_and_glass, _observe_pair, _1D_TOL, samples=15,
                                       method="a 1D crystal and a 1D glass of whole zero-dipole neutral blocks, both "
                                              "with bulk density 0 and sigma = 0; exact bulk mean potentials"),
                  sample_residual=False, assumptions=("same bulk macroscopic density (0)", "isolated"))


@register("T-A-11/E")
def crystal_and_glass_have_same_bulk_field() -> Claim:
    """Tangney Sec. IV.C: E_bulk(crystal) = E_bulk(glass)."""
    return _claim("T-A-11/E", "crystal_and_glass_with_same_macrostructure_have_same_bulk_field", E_c, E_g,
                  numeric=NumericCheck(_crystal_and_glass, _observe_pair, _1D_TOL, samples=15,
                                       method="as T-A-11/Phi; bulk-averaged fields S0 / epsilon_0"),
                  sample_residual=False, assumptions=("same bulk macroscopic density (0)", "isolated"))


# =================================================================================================================
# T-B-36, T-B-37, T-B-38: Eqs. 83, 84, 86
# =================================================================================================================
phi_r, I_in, I_out = sp.symbols("phi_r I_in I_out", real=True)
_A, _b = sp.Symbol("A", real=True), sp.Symbol("b", positive=True)


def _gauss3(qq, ss, var):
    return qq * sp.exp(-var**2 / (2 * ss**2)) / ((2 * sp.pi) ** sp.Rational(3, 2) * ss**3)


_RADIAL_TOL = Tolerance(rel=1e-10, abs=1e-13,
                        reason="Gauss-Legendre on panels no wider than the narrowest shell width: round-off level "
                               "(refinement checked in tests); integrals cut at 12 widths (tail < 1e-30)")


def _radial_points():
    return st.tuples(radial_atoms(neutral=False), st.floats(0.05, 8.0))


def _observe_eq83(inst) -> Observation:
    atom, rr = inst
    panel = min(atom.s) / 2
    ii = pot.quad(lambda x: atom.rho(x) * x**2, 0.0, rr, panel)
    io = pot.quad(lambda x: atom.rho(x) * x, rr, rr + atom.r_max, panel)
    shells = RadialAtom(0.0, atom.q, atom.s)
    return Observation({"phi_r": float(shells.phi(rr)), "I_in": ii, "I_out": io, "r": rr, "epsilon_0": pot.EPS0})


@register("T-B-36")
def spherical_potential_eq83() -> Claim:
    r"""Tangney Eq. 83: :math:`\phi_r(r)=\frac1{\epsilon_0r}\int_0^r\rho u^2du+\frac1{\epsilon_0}\int_r^\infty\rho u\,du`."""
    return _claim("T-B-36", "potential_of_spherical_charge_by_gauss_law", phi_r,
                  I_in / (epsilon_0 * r) + I_out / epsilon_0,   # [1] Eq. 83
                  definitions={phi_r: kappa * q * sp.erf(r / (sp.sqrt(2) * s)) / r,
                               I_in: sp.Integral(_gauss3(q, s, u) * u**2, (u, 0, r)),
                               I_out: sp.Integral(_gauss3(q, s, u) * u, (u, r, sp.oo))},
                  numeric=NumericCheck(_radial_points, _observe_eq83, _RADIAL_TOL, samples=40,
                                       method="spherical sums of 1-3 Gaussian shells (any charges); phi_r by Coulomb's "
                                              "law (erf closed form); the two radial integrals by quadrature"),
                  assumptions=("spherical symmetry", "rho decays fast"),
                  notes="Symbolic model: one Gaussian shell of charge q and width s; Coulomb potential "
                        "kappa q erf(r/sqrt(2)s)/r. The 4 pi of the shell area is absorbed (kappa 4 pi = 1/epsilon_0).")


# T-B-37: lattice folding (Eq. 84) ---------------------------------------------------------------------------------
Phi_cell, J = sp.symbols("Phi_cell J", real=True)


@st.composite
def _gaussian_atom_lattices(draw):
    """Simple-cubic lattices (a = 1) of neutral Gaussian atoms: nucleus +Z width s_n in [0.1, 0.2], cloud -Z width
    s_e in [0.25, 0.45]; the atom's potential decays like a Gaussian, so the lattice sum converges absolutely."""
    return (float(draw(st.integers(1, 6))), draw(st.floats(0.1, 0.2)), draw(st.floats(0.25, 0.45)),
            draw(st.tuples(st.floats(0, 1), st.floats(0, 1), st.floats(0, 1))))


def _observe_fold(inst) -> Observation:
    Zv, sn, se, corner = inst
    m = int(np.ceil(12 * se)) + 1
    g = np.arange(-m, m + 1, dtype=float)
    X, Y, W = np.meshgrid(g, g, g, indexing="ij")
    sites = np.stack([X.ravel(), Y.ravel(), W.ravel()], axis=1)
    pos = np.concatenate([sites, sites])
    qq = np.concatenate([np.full(len(sites), Zv), np.full(len(sites), -Zv)])
    ww = np.concatenate([np.full(len(sites), sn), np.full(len(sites), se)])
    cell = pot.cell_average_3d(lambda p: pot.potential_3d(p, pos, qq, ww), np.asarray(corner) - 0.5, 1.0, 12)
    from scipy.special import erf
    phi_at = lambda x: pot.KAPPA * Zv * (erf(x / (np.sqrt(2) * sn)) - erf(x / (np.sqrt(2) * se))) / x  # noqa: E731
    Rmax = 12 * se
    jj = pot.quad(lambda x: phi_at(x) * x**2, 0.0, Rmax, panel=sn)
    return Observation({"Phi_cell": cell, "J": jj, "Omega": 1.0, "R": Rmax})


@register("T-B-37")
def bethe_folding_eq84() -> Claim:
    r"""Tangney Eq. 84: the cell average of the crystal's potential is
    :math:`\bar\Phi(R)=\frac{4\pi}{\Omega}\int_0^R\phi_r r^2dr` (one atom's potential over all space / one cell)."""
    return _claim("T-B-37", "cell_average_of_lattice_potential_equals_atom_integral_over_cell_volume",
                  Phi_cell, 4 * sp.pi * J / Omega,   # [1] Eq. 84, J = int_0^R phi_r r^2 dr
                  dimensions=_DIMS,
                  numeric=NumericCheck(_gaussian_atom_lattices, _observe_fold, Tolerance(
                      rel=1e-8, abs=1e-12,
                      reason="cell average of the periodic lattice sum by a 12^3 midpoint grid: spectral, aliasing "
                             "< exp(-(2 pi 12 s_n)^2 / 2) < 1e-12; lattice sum cut at 12 s_e (tail < 1e-30)"),
                      samples=6, method="infinite simple-cubic lattice of neutral Gaussian atoms (direct lattice sum, "
                                        "absolutely convergent); cell average at a random cell origin; atom integral "
                                        "by radial quadrature"),
                  sample_residual=False, assumptions=("phi_atom absolutely integrable (neutral atom, Gaussian tail)",))


# T-B-38: Eq. 86 ----------------------------------------------------------------------------------------------------
Phi_bar, I4, Q_R, I1 = sp.symbols("Phi_bar I4 Q_R I1", real=True)


def _eq86_model():
    rho = _A * sp.exp(-_b * u)
    rr = sp.Symbol("rr", positive=True)
    phi83 = (sp.integrate(rho * u**2, (u, 0, rr)) / rr + sp.integrate(rho * u, (u, rr, sp.oo))) / epsilon_0
    phibar = 4 * sp.pi / Omega * sp.integrate(sp.expand(phi83 * rr**2), (rr, 0, R))
    return {Phi_bar: phibar, I4: sp.integrate(rho * u**4, (u, 0, R)),
            Q_R: 4 * sp.pi * sp.integrate(rho * u**2, (u, 0, R)), I1: sp.integrate(rho * u, (u, R, sp.oo))}


def _observe_eq86(inst) -> Observation:
    atom, RR = inst
    panel = min(atom.s) / 2
    top = RR + atom.r_max
    pb = 4 * np.pi * pot.quad(lambda x: atom.phi(x) * x**2, 0.0, RR, panel)
    return Observation({"Phi_bar": pb, "Omega": 1.0, "epsilon_0": pot.EPS0, "R": RR,
                        "I4": pot.quad(lambda x: atom.rho(x) * x**4, 0.0, RR, panel),
                        "Q_R": atom.Z + 4 * np.pi * pot.quad(lambda x: atom.rho(x) * x**2, 0.0, RR, panel),
                        "I1": pot.quad(lambda x: atom.rho(x) * x, RR, top, panel)})


@register("T-B-38")
def bethe_eq86() -> Claim:
    r"""Tangney Eq. 86: Eq. 83 substituted in Eq. 84, with :math:`Q(R)=4\pi\int_0^R\rho r^2dr`."""
    rhs = (-2 * sp.pi / (3 * epsilon_0 * Omega) * I4
           + sp.Rational(4, 3) * sp.pi * R**3 / Omega * (3 * kappa * Q_R / (2 * R) + I1 / epsilon_0))   # [1] Eq. 86
    return _claim("T-B-38", "sphere_average_of_atomic_potential_eq86", Phi_bar, rhs, definitions=_eq86_model(),
                  numeric=NumericCheck(lambda: st.tuples(radial_atoms(neutral=False), st.floats(0.1, 10.0)),
                                       _observe_eq86, _RADIAL_TOL, samples=40,
                                       method="point nucleus + Gaussian shells (any net charge); Phi_bar = (4 pi / "
                                              "Omega) int_0^R phi r^2 dr with phi by Coulomb's law; moments by "
                                              "quadrature"),
                  assumptions=("spherical charge, Eq. 83 for its potential",),
                  notes="Symbolic model: rho = A exp(-b u) (every term is linear in rho).")


# =================================================================================================================
# T-B-39: Eq. 87 and uniform spheres
# =================================================================================================================
Q_p, s_p2, s_m2, Q_m, I4m, msd_m = sp.symbols("Q_p s_p2 s_m2 Q_m I4m msd_m", real=True)


@st.composite
def _two_sign_atoms(draw):
    """Atoms with a positive Gaussian part (1-2 shells) and a negative Gaussian part (1-2 shells), neutral."""
    kp, km = draw(st.integers(1, 2)), draw(st.integers(1, 2))
    qp = [draw(st.floats(0.2, 4.0)) for _ in range(kp)]
    qm = [draw(st.floats(0.2, 4.0)) for _ in range(km)]
    qm = [x * sum(qp) / sum(qm) for x in qm]
    sp_ = [draw(st.floats(0.02, 1.5)) for _ in range(kp)]
    sm_ = [draw(st.floats(0.05, 2.0)) for _ in range(km)]
    return RadialAtom(0.0, tuple(qp) + tuple(-x for x in qm), tuple(sp_) + tuple(sm_))


def _part(atom, sign):
    qs, ss = np.asarray(atom.q), np.asarray(atom.s)
    keep = np.sign(qs) == sign
    return RadialAtom(0.0, tuple(qs[keep]), tuple(ss[keep]))


def _observe_eq87(atom) -> Observation:
    panel = min(atom.s) / 2
    top = atom.r_max
    P, M = _part(atom, 1), _part(atom, -1)
    m2 = lambda a, n: 4 * np.pi * pot.quad(lambda x: a.rho(x) * x**n, 0.0, top, panel)  # noqa: E731
    Qp, Qm = m2(P, 2), m2(M, 2)
    return Observation({"Phi_B": -2 * np.pi / 3 * pot.quad(lambda x: atom.rho(x) * x**4, 0.0, top, panel),
                        "Q_p": Qp, "s_p2": m2(P, 4) / Qp, "s_m2": m2(M, 4) / Qm, "Omega": 1.0,
                        "epsilon_0": pot.EPS0, "Q_m": Qm, "I4m": m2(M, 4) / (4 * np.pi),
                        "msd_m": m2(M, 4) / Qm})


_EQ87_TOL = Tolerance(rel=1e-10, abs=1e-13, reason="radial Gauss-Legendre on panels of half the narrowest width: "
                                                   "round-off level; cut at 12 widths (tail < 1e-30)")


def _gauss_pm_model():
    a_, b_ = sp.symbols("a_p a_m", positive=True)
    Qs = sp.Symbol("Q", positive=True)
    rp, rm = _gauss3(Qs, a_, u), _gauss3(-Qs, b_, u)
    mom = lambda f, n: 4 * sp.pi * sp.integrate(f * u**n, (u, 0, sp.oo))  # noqa: E731
    return {Phi_B: -2 * sp.pi / (3 * epsilon_0 * Omega) * sp.integrate((rp + rm) * u**4, (u, 0, sp.oo)),
            Q_p: mom(rp, 2), s_p2: mom(rp, 4) / mom(rp, 2), s_m2: mom(rm, 4) / mom(rm, 2),
            Q_m: mom(rm, 2), I4m: sp.integrate(rm * u**4, (u, 0, sp.oo)), msd_m: mom(rm, 4) / mom(rm, 2)}


@register("T-B-39/87")
def bethe_eq87_with_mean_square_radii() -> Claim:
    r"""Tangney Eq. 87 with :math:`s_\pm^2` the mean squared distances of the positive and negative charge (as the
    text defines them in words); :math:`\Phi^{\rm Bethe}` is Eq. 86's large-R limit,
    :math:`-\frac{2\pi}{3\epsilon_0\Omega}\int_0^\infty\rho r^4dr`."""
    return _claim("T-B-39/87", "bethe_mip_equals_charge_times_difference_of_mean_square_radii",
                  Phi_B, Q_p / (6 * epsilon_0 * Omega) * (s_m2 - s_p2),   # [1] Eq. 87
                  definitions=_gauss_pm_model(),
                  numeric=NumericCheck(_two_sign_atoms, _observe_eq87, _EQ87_TOL, samples=40,
                                       method="neutral atoms of positive and negative Gaussian shells; Phi_B and the "
                                              "mean squared radii by radial quadrature"),
                  assumptions=("neutral spherical atom", "R beyond the atom"),
                  notes="Symbolic model: Gaussian rho+ (width a_p) and rho- (width a_m) of charges +-Q.")


@register("T-B-39/s-signed")
def s_minus_definition_with_signed_charge() -> Claim:
    r""":math:`s_-^2\equiv-\frac{4\pi}{Q_-}\int\rho^-u^4du` read with :math:`Q_-=4\pi\int u^2\rho^-du` (the analogue
    of the printed :math:`Q_+`), compared with the mean squared distance of the negative charge that the text says
    :math:`s_-^2` is."""
    return _claim("T-B-39/s-signed", "s_minus_squared_as_printed_with_signed_Q_minus_is_mean_square_radius",
                  msd_m, -4 * sp.pi / Q_m * I4m, definitions=_gauss_pm_model(),
                  numeric=NumericCheck(_two_sign_atoms, _observe_eq87, _EQ87_TOL, samples=40,
                                       method="as T-B-39/87"),
                  statement=r"s_\pm^2\equiv\pm\frac{4\pi}{Q_\pm}\int_0^\infty\rho^\pm(u)u^4\,du,\ "
                            r"Q_-\equiv4\pi\int_0^\infty u^2\rho^-(u)\,du",
                  notes="Q_- is not defined in the paper; this is the reading by analogy with Q_+. It makes s_-^2 "
                        "negative. The reading Q_- = Q_+ (T-B-39/s-abs) is the consistent one.")


@register("T-B-39/s-abs")
def s_minus_definition_with_Q_plus() -> Claim:
    r"""The same definition read with :math:`Q_-=Q_+=-4\pi\int u^2\rho^-du` (the magnitude of the negative charge)."""
    return _claim("T-B-39/s-abs", "s_minus_squared_with_Q_minus_equal_Q_plus_is_mean_square_radius",
                  msd_m, -4 * sp.pi / (-Q_m) * I4m, definitions=_gauss_pm_model(),
                  numeric=NumericCheck(_two_sign_atoms, _observe_eq87, _EQ87_TOL, samples=40,
                                       method="as T-B-39/87"),
                  statement=r"s_-^2\equiv-\frac{4\pi}{Q_-}\int_0^\infty\rho^-(u)u^4\,du,\ Q_-=Q_+",
                  notes="Q_- = Q_+ = -4 pi int u^2 rho^- du, i.e. the printed neutrality relation.")


r_p, r_m = sp.symbols("r_p r_m", positive=True)


@st.composite
def _uniform_sphere_atoms(draw):
    return draw(st.floats(0.1, 5.0)), draw(st.floats(0.05, 3.0)), draw(st.floats(0.05, 3.0))


def _observe_uniform(inst) -> Observation:
    Qp, rp, rm = inst
    rho_p, rho_m = Qp / (4 / 3 * np.pi * rp**3), -Qp / (4 / 3 * np.pi * rm**3)
    i4 = rho_p * pot.quad(lambda x: x**4, 0.0, rp, rp) + rho_m * pot.quad(lambda x: x**4, 0.0, rm, rm)
    return Observation({"Phi_B": -2 * np.pi / 3 * i4, "Q_p": Qp, "r_p": rp, "r_m": rm, "Omega": 1.0,
                        "epsilon_0": pot.EPS0})


@register("T-B-39/uniform")
def bethe_mip_of_uniform_spheres() -> Claim:
    r"""Uniform spheres of radii :math:`r_\pm`: :math:`\Phi^{\rm Bethe}=\frac{Q_+}{10\epsilon_0\Omega}(r_-^2-r_+^2)`."""
    Qs = sp.Symbol("Q_p", positive=True)
    rho_p, rho_m = Qs / (sp.Rational(4, 3) * sp.pi * r_p**3), -Qs / (sp.Rational(4, 3) * sp.pi * r_m**3)
    model = -2 * sp.pi / (3 * epsilon_0 * Omega) * (sp.integrate(rho_p * u**4, (u, 0, r_p))
                                                    + sp.integrate(rho_m * u**4, (u, 0, r_m)))
    return _claim("T-B-39/uniform", "bethe_mip_of_uniform_spheres", Phi_B,
                  Q_p / (10 * epsilon_0 * Omega) * (r_m**2 - r_p**2),
                  definitions={Phi_B: model.subs(Qs, Q_p)},
                  numeric=NumericCheck(_uniform_sphere_atoms, _observe_uniform, _EQ87_TOL, samples=40,
                                       method="uniform spheres; int rho r^4 dr by quadrature"),
                  statement=r"\Phi^{\rm Bethe}=\frac{Q_+}{10\epsilon_0\vert\Omega\vert}(r_-^2-r_+^2)")


# =================================================================================================================
# T-B-40: Crystal 1 vs Crystal 2
# =================================================================================================================
Phi_1, Phi_2, Phi_1B, Phi_2B, a_lat = sp.symbols("Phi_1 Phi_2 Phi_1B Phi_2B a", real=True)
Q_plus = sp.Symbol("Q_plus", positive=True)


def _block_second_moment(cl: CubicCluster, point_nuclei: bool) -> float:
    r""":math:`\int r^2\rho_{\rm blk}d^3r` of one block from its charges: each Gaussian contributes q(|c|^2 + 3w^2)."""
    one = CubicCluster(cl.kind, 1, cl.a, cl.Z, 0.0 if point_nuclei else cl.s_n, cl.s_e)
    pos, qq, ww = one.charges()
    return float(np.sum(qq * (np.sum(pos**2, axis=1) + 3 * ww**2)))


def _observe_bethe_pair(inst) -> Observation:
    Zv, sn, se, n = inst
    c1, c2 = (CubicCluster(kd, n, 1.0, Zv, sn, se) for kd in ("crystal1", "crystal2"))
    out = {"Phi_1B": -_block_second_moment(c1, True) / 6, "Phi_2B": -_block_second_moment(c2, True) / 6,
           "Q_plus": Zv, "a": 1.0, "Omega": 1.0, "epsilon_0": pot.EPS0}
    return Observation(out)


def _observe_clusters(inst) -> Observation:
    Zv, sn, se, n = inst
    c1, c2 = (CubicCluster(kd, n, 1.0, Zv, sn, se) for kd in ("crystal1", "crystal2"))
    return Observation({"Phi_1": _cluster_centre_mean(c1), "Phi_2": _cluster_centre_mean(c2), "Q_plus": Zv,
                        "a": 1.0, "Omega": 1.0, "epsilon_0": pot.EPS0})


def _bethe_params():
    return st.tuples(st.sampled_from([1.0, 2.0, 4.0]), st.floats(0.06, 0.1), st.floats(0.2, 0.35), st.just(5))


@register("T-B-40/b")
def crystal2_bethe_mip_is_lower_by_dipole_step() -> Claim:
    r"""Tangney Sec. XIV.A.1 (b): :math:`\Phi_2^{\rm Bethe}=\Phi_1^{\rm Bethe}-Q_+a^2/6\epsilon_0\Omega` (A = a, N_A = 6,
    point nuclei), with each :math:`\Phi^{\rm Bethe}=-\frac1{6\epsilon_0\Omega}\int r^2\rho_{\rm blk}d^3r`."""
    se2 = sp.Symbol("s_e", positive=True)
    m1 = -(Q_plus * 0 - Q_plus * 3 * se2**2)                   # point nucleus at the centre, cloud <r^2> = 3 s_e^2
    m2 = -(6 * (Q_plus / 6) * a_lat**2 - Q_plus * 3 * se2**2)  # Z/6 at six sites at distance a
    return _claim("T-B-40/b", "crystal2_bethe_mip_equals_crystal1_minus_dipole_layer_step", Phi_2B,
                  Phi_1B - Q_plus * a_lat**2 / (6 * epsilon_0 * Omega),
                  definitions={Phi_1B: m1 / (6 * epsilon_0 * Omega), Phi_2B: m2 / (6 * epsilon_0 * Omega)},
                  numeric=NumericCheck(_bethe_params, _observe_bethe_pair, Tolerance(
                      rel=1e-12, abs=1e-14, reason="closed-form Gaussian second moments: round-off only"),
                      samples=20, method="second moments of the Crystal 1 and Crystal 2 blocks from their charges"),
                  statement=r"\Phi_2^{\rm Bethe}=\Phi_1^{\rm Bethe}-Q_+a^2/6\epsilon_0\vert\Omega\vert")


_CLUSTER_TOL = Tolerance(
    rel=0.05, abs=1e-6,
    reason="finite n^3 clusters: the Crystal 2 central-cell mean converges to its bulk value as ~0.33 (Z/6) / n^2 "
           "(measured for n = 5, 7, 9 in tests: 2%, 1%, 0.6% of Z/6); 5% covers n = 5. Cell quadrature (10^3 "
           "midpoint grid, nuclear width >= 0.06) is accurate to 1e-6")


@register("T-B-40/c")
def dipole_layer_step_cancels_bethe_difference() -> Claim:
    r"""Tangney (c): the dipole layer :math:`\Delta\phi=Q_+a^2/6\epsilon_0\Omega` cancels the difference between
    :math:`\Phi_2^{\rm Bethe}` and :math:`\Phi_1^{\rm Bethe}`; read as the difference of the exact central-cell mean
    potentials of the two finite crystals (vacuum at infinity)."""
    return _claim("T-B-40/c", "difference_of_crystal_mean_potentials_equals_dipole_layer_step", Phi_1 - Phi_2,
                  Q_plus * a_lat**2 / (6 * epsilon_0 * Omega),
                  dimensions=_DIMS,
                  numeric=NumericCheck(_bethe_params, _observe_clusters, _CLUSTER_TOL, samples=4,
                                       method="5^3 simple-cubic clusters of Crystal 1 and Crystal 2 blocks (GB3, "
                                              "Gaussian nuclei); exact potential by direct Coulomb sum, averaged "
                                              "over the central cell"),
                  sample_residual=False,
                  statement=r"\Delta\phi=\sigma_{\mathcal P}/\epsilon_0=Q_+a^2/6\epsilon_0\vert\Omega\vert"
                            r"\text{ cancels the difference between }\Phi_2^{\rm Bethe}\text{ and }\Phi_1^{\rm Bethe}")


@register("T-B-40/d")
def crystals_with_same_macrostructure_have_same_mip() -> Claim:
    """Tangney (d): with sigma = 0 and varrho = 0 in the bulk of both crystals, Phi must be the same in each case."""
    return _claim("T-B-40/d", "crystal1_and_crystal2_have_same_mean_inner_potential", Phi_1, Phi_2,
                  numeric=NumericCheck(_bethe_params, _observe_clusters, _CLUSTER_TOL, samples=4,
                                       method="as T-B-40/c: central-cell mean potentials of the two finite crystals"),
                  sample_residual=False,
                  statement=r"\text{If the value of }\Phi\text{ is defined it must be the same in each case because "
                            r"the macrostructures of the two crystals are identical}")


# =================================================================================================================
# T-B-41, T-B-42, T-B-43, T-B-46: fixed-region averages of the potential of neutral localized charges
# =================================================================================================================
I_ball = sp.Symbol("I_ball", real=True)
x0, y0, z0, dx, dy, dz = sp.symbols("x0 y0 z0 dx dy dz", real=True)
_POINT_TOL = Tolerance(rel=1e-9, abs=1e-12,
                       reason="radial Gauss-Legendre split at the kinks R - d and R + d of the cap area; integrand "
                              "smooth on each piece: round-off level (refinement checked in tests)")


@st.composite
def _dipoles_in_balls(draw):
    RR = draw(st.floats(1.0, 20.0))
    r0 = np.array([draw(st.floats(-0.5, 0.5)) * RR for _ in range(3)])
    dd = np.array([draw(st.floats(-0.1, 0.1)) * RR for _ in range(3)])
    return RR, float(draw(st.sampled_from([1.0, -1.0, 0.3]))), r0, dd


def _observe_dipole(inst) -> Observation:
    RR, qq, r0, dd = inst
    pos = np.array([r0 + dd / 2, r0 - dd / 2])
    I = ball_potential_integral(pos, [qq, -qq], RR)
    vals = dict(zip(["x0", "y0", "z0"], r0)) | dict(zip(["dx", "dy", "dz"], dd))
    return Observation({"I_ball": I, "q": qq, "epsilon_0": pot.EPS0, "R": RR, **vals})


def _dipole_model():
    rp2 = (x0 + dx / 2) ** 2 + (y0 + dy / 2) ** 2 + (z0 + dz / 2) ** 2
    rm2 = (x0 - dx / 2) ** 2 + (y0 - dy / 2) ** 2 + (z0 - dz / 2) ** 2
    rr = sp.Symbol("rr", positive=True)
    Bsym = sp.expand(_B(rr))
    return {I_ball: kappa * q * (Bsym.subs(rr**2, rp2) - Bsym.subs(rr**2, rm2))}


_P_DOT_R0 = q * (dx * x0 + dy * y0 + dz * z0)


@register("T-B-41")
def dipole_does_not_change_ball_average() -> Claim:
    """Tangney Sec. XIV.A.1: placing a dipole at a point cannot, by symmetry, change the spatial average of the
    potential; encoded as the integral over a fixed ball (containing the dipole) of the dipole's potential = 0."""
    return _claim("T-B-41", "dipole_inside_ball_does_not_change_ball_average_of_potential", I_ball, sp.Integer(0),
                  definitions=_dipole_model(),
                  numeric=NumericCheck(_dipoles_in_balls, _observe_dipole, _POINT_TOL, samples=30,
                                       method="a +q/-q pair inside a ball; ball integral of its Coulomb potential by "
                                              "cap-weighted radial quadrature about each charge"),
                  assumptions=("average over a fixed ball containing the dipole",))


@register("T-B-41/fix")
def ball_integral_of_dipole_potential() -> Claim:
    r"""The ball integral of the potential of a dipole p at r_0 inside the ball:
    :math:`\int_{|\mathbf u|<R}\phi_{\rm dip}=\mathbf p\cdot\nabla_{\mathbf r_0}\kappa B(r_0)=-\mathbf p\cdot\mathbf r_0/3\epsilon_0`."""
    return _claim("T-B-41/fix", "ball_integral_of_dipole_potential_is_minus_p_dot_r0_over_3_epsilon0", I_ball,
                  -_P_DOT_R0 / (3 * epsilon_0), definitions=_dipole_model(), corrects="T-B-41",
                  numeric=NumericCheck(_dipoles_in_balls, _observe_dipole, _POINT_TOL, samples=30,
                                       method="as T-B-41"),
                  statement=r"\int_{|\mathbf u|<R}\phi_{\rm dip}\,d^3u=-\frac{\mathbf p\cdot\mathbf r_0}{3\epsilon_0}",
                  title="Ball integral of a dipole's potential (exact, both charges inside)")


def _observe_cluster_sums(cl) -> Observation:
    own = sum(ball_potential_integral(np.zeros((1, 3)), [qq], cl.R) for qq in cl.q)   # spheres about each charge
    fixed = ball_potential_integral(cl.pos, cl.q, cl.R)
    scale = float(np.sum(np.abs(cl.q))) * pot.KAPPA * 2 * np.pi * cl.R**2
    return Observation({"I_own": own, "I_ball": fixed,
                        "M2": float(np.sum(cl.q * np.sum(cl.pos**2, axis=1))), "epsilon_0": pot.EPS0},
                       scale=scale)


I_own, M2 = sp.symbols("I_own M2", real=True)


@register("T-B-42")
def particle_centred_spheres_cancel() -> Claim:
    """Tangney Illustration 2: integrating each point particle's potential over a ball of radius R centred on the
    particle and summing over a neutral cell gives zero (Ze/r cancelled by Z x (-e/r))."""
    qs = sp.symbols("q1:4", real=True)
    charges = list(qs) + [-sum(qs)]
    model = sum(kappa * qq * sp.integrate(4 * sp.pi * u**2 / u, (u, 0, R)) for qq in charges)
    return _claim("T-B-42", "sum_of_particle_centred_ball_integrals_vanishes", I_own, sp.Integer(0),
                  definitions={I_own: model},
                  numeric=NumericCheck(neutral_point_clusters, _observe_cluster_sums, Tolerance(
                      rel=1e-12, abs=0.0, reason="round-off: each term is 2 pi kappa q R^2 by quadrature of a "
                                                 "polynomial; scale = sum |q| 2 pi kappa R^2"),
                      samples=30, method="neutral clusters of 2-6 point charges; each charge's ball integral about "
                                         "itself by radial quadrature"),
                  statement=spec_entry("T-B-42")["statement"])


@register("T-B-42/fixed")
def fixed_region_total_of_neutral_cell_vanishes() -> Claim:
    """The same cancellation over one fixed region (a ball containing the neutral cell), which is what a spatial
    average of the potential uses: the integral of the neutral cell's potential over the ball vanishes."""
    return _claim("T-B-42/fixed", "fixed_ball_integral_of_neutral_cell_potential_vanishes", I_ball, sp.Integer(0),
                  numeric=NumericCheck(neutral_point_clusters, _observe_cluster_sums, _POINT_TOL, samples=30,
                                       method="neutral clusters of point charges inside a ball; ball integral of the "
                                              "cluster's potential by cap-weighted radial quadrature"),
                  sample_residual=False,
                  notes="Closed form (symbolic check in tests): -(2 pi kappa / 3) sum_i q_i |r_i|^2.")


@register("T-B-42/fixed-fix")
def fixed_region_total_is_second_moment() -> Claim:
    r""":math:`\int_{|\mathbf u|<R}\phi=-\frac{1}{6\epsilon_0}\sum_iq_i|\mathbf r_i|^2` for a neutral set inside the
    ball (from :math:`B(r)=2\pi(R^2-r^2/3)`)."""
    return _claim("T-B-42/fixed-fix", "fixed_ball_integral_of_neutral_cell_potential_is_minus_second_moment",
                  I_ball, -M2 / (6 * epsilon_0), corrects="T-B-42/fixed",
                  dimensions=_DIMS,
                  numeric=NumericCheck(neutral_point_clusters, _observe_cluster_sums, _POINT_TOL, samples=30,
                                       method="as T-B-42/fixed; second moment sum q |r|^2 from the charges"),
                  sample_residual=False,
                  statement=r"\int_{|\mathbf u|<R}\phi\,d^3u=-\frac{1}{6\epsilon_0}\sum_iq_i|\mathbf r_i|^2")


@register("T-B-43/space")
def integral_of_point_particle_potential_over_space_vanishes() -> Claim:
    """Tangney Sec. XIV.A.2: 'the integral of [phi] over all space vanishes' for a neutral set of point particles;
    encoded as the integral over a ball of radius R that contains them all (the limit R -> infinity of which is
    R-independent once the ball contains the charges)."""
    return _claim("T-B-43/space", "integral_of_neutral_point_particle_potential_over_space_vanishes", I_ball,
                  sp.Integer(0),
                  numeric=NumericCheck(neutral_point_clusters, _observe_cluster_sums, _POINT_TOL, samples=30,
                                       method="as T-B-42/fixed"),
                  sample_residual=False,
                  statement=r"\text{the integral of }\phi(\vec u)\text{ over all space vanishes}")


# Eq. 89, first line: expectation value of the one-body potential operator ------------------------------------------
phi_exp, phi_n, V_e = sp.symbols("phi_exp phi_n V_e", real=True)
_EPS0_DIM = charge / (voltage * length)
# SI dimensions of the letters of Eqs. 84, 89 and Sec. XIV (the numerics use epsilon_0 = e = 1, so only these
# catch a lost or extra epsilon_0, e or Omega): potentials in volts, integrals of phi over volumes in V m^3
_DIMS = {Phi_cell: voltage, J: voltage * length**3, Omega: length**3, epsilon_0: _EPS0_DIM, e: charge,
         Phi_1: voltage, Phi_2: voltage, Q_plus: charge, a_lat: length, I_ball: voltage * length**3,
         M2: charge * length**2, I4: charge * length**2, phi_exp: voltage, phi_n: voltage, V_e: 1 / length}


@st.composite
def _hydrogenic_probes(draw):
    """A point nucleus Z with a Gaussian one-electron density of width s, probed at distance u from the nucleus."""
    return float(draw(st.integers(1, 3))), draw(st.floats(0.3, 2.0)), draw(st.floats(0.05, 4.0))


def _coulomb_of_gaussian_by_fourier(s_: float, uu: float) -> float:
    r""":math:`\int n(\mathbf r)/|\mathbf u-\mathbf r|d^3r` for a normalized Gaussian n, by the Fourier route
    :math:`\frac2\pi\int_0^\infty\hat n(k)\frac{\sin ku}{ku}dk` (independent of Gauss's law)."""
    return 2 / np.pi * pot.quad(lambda kk: np.exp(-kk**2 * s_**2 / 2) * np.sinc(kk * uu / np.pi), 0.0, 14 / s_,
                                panel=min(0.5 / s_, 0.5 / max(uu, 1e-3)))


def _observe_eq89(inst) -> Observation:
    Zv, s_, uu = inst
    rng = np.random.default_rng(20240410)   # fixed literal seed: the electron positions are part of the method
    nsamp = 200_000
    el = rng.normal(scale=s_, size=(nsamp, 3))
    probe = np.array([uu, 0.0, 0.0])
    vals = pot.KAPPA * Zv / uu - pot.KAPPA / np.linalg.norm(el - probe, axis=1)    # phi(u) for each sampled r_e
    return Observation({"phi_exp": float(vals.mean()), "phi_n": pot.KAPPA * Zv / uu, "e": 1.0,
                        "epsilon_0": pot.EPS0, "V_e": _coulomb_of_gaussian_by_fourier(s_, uu)},
                       stderr=float(vals.std(ddof=1) / np.sqrt(nsamp)))


@register("T-B-43/89")
def expectation_of_potential_eq89() -> Claim:
    r"""Tangney Eq. 89, first line: :math:`\langle\phi(\vec u)\rangle=\phi_n(\vec u)-\kappa e\int\frac{n(\vec r)}{|\vec u-\vec r|}d^3r`."""
    return _claim("T-B-43/89", "expectation_of_potential_operator_is_potential_of_nuclei_and_density", phi_exp,
                  phi_n - kappa * e * V_e,
                  dimensions=_DIMS,
                  numeric=NumericCheck(_hydrogenic_probes, _observe_eq89, Tolerance(
                      z=4, z_refute=6, reason="Monte Carlo over 2e5 electron positions drawn from n: standard error "
                                              "of the sample mean of phi(u)"), samples=15,
                      method="one electron in a Gaussian orbital about a point nucleus; <phi(u)> by sampling the "
                             "electron position; the Coulomb integral of n by the Fourier route"),
                  sample_residual=False,
                  statement=r"\langle\phi(\vec u)\rangle=\frac{\langle\Psi\vert\phi(\vec u)\vert\Psi\rangle}"
                            r"{\langle\Psi\vert\Psi\rangle}=\phi_n(\vec u)-\kappa e\int\frac{n(\vec r)}"
                            r"{\vert\vec u-\vec r\vert}d^3r")


# T-B-46: Eq. 90 vs Eq. 83; the sphere integral --------------------------------------------------------------------
phi_90, phi_83 = sp.symbols("phi_90 phi_83", real=True)


def _observe_eq90(inst) -> Observation:
    atom, rr = inst
    panel = min(atom.s) / 2
    # Eq. 90 (Coulomb's law for the cloud) by the Fourier route, shell by shell
    p90 = sum(pot.KAPPA * qq * _coulomb_of_gaussian_by_fourier(ss, rr) for qq, ss in zip(atom.q, atom.s))
    ii = pot.quad(lambda x: atom.rho(x) * x**2, 0.0, rr, panel)
    io = pot.quad(lambda x: atom.rho(x) * x, rr, rr + atom.r_max, panel)
    return Observation({"phi_90": p90, "phi_83": (ii / rr + io) / pot.EPS0})


@register("T-B-46/i")
def eq90_equals_eq83() -> Claim:
    r"""Tangney Sec. XIV.B.2 (i) asserts that Eq. 90, :math:`-\kappa e\int n/|\vec u-\vec r|`, 'is not the potential
    at u from rho^- = -en' and 'does not give the same result' as Eq. 83. Encoded as the equality Eq. 90 = Eq. 83 for
    a spherical electron cloud: a PROVED/CONFIRMED verdict refutes the printed statement."""
    qq = sp.Symbol("q", real=True)
    rho = _gauss3(qq, s, u)
    p83 = (sp.Integral(rho * u**2, (u, 0, r)) / r + sp.Integral(rho * u, (u, r, sp.oo))) / epsilon_0
    p90 = kappa * qq * 2 / sp.pi * sp.Integral(sp.exp(-k**2 * s**2 / 2) * sp.sin(k * r) / (k * r), (k, 0, sp.oo))
    return _claim("T-B-46/i", "coulomb_integral_eq90_equals_gauss_law_potential_eq83", phi_90, phi_83,
                  definitions={phi_90: p90, phi_83: p83},
                  numeric=NumericCheck(lambda: st.tuples(radial_atoms(neutral=False, nucleus=False),
                                                         st.floats(0.05, 6.0)),
                                       _observe_eq90, _RADIAL_TOL, samples=30,
                                       method="clouds of 1-3 Gaussian shells; Eq. 90 by the Fourier route "
                                              "(2/pi) int n(k) sin(ku)/(ku) dk; Eq. 83 by radial quadrature"),
                  notes="The printed text says the two differ; a proof of equality refutes it. Symbolic model: one "
                        "Gaussian shell of charge q (the electron cloud has q = -Ze).")


def _observe_sphere_integral(inst) -> Observation:
    atom, extra = inst
    RR = atom.r_max + extra
    panel = min(atom.s) / 2
    ib = 4 * np.pi * pot.quad(lambda x: atom.phi(x) * x**2, 0.0, RR, panel)
    return Observation({"I_ball": ib, "I4": pot.quad(lambda x: atom.rho(x) * x**4, 0.0, RR, panel),
                        "epsilon_0": pot.EPS0})


def _neutral_atoms_and_radii():
    return st.tuples(radial_atoms(neutral=True), st.floats(0.0, 20.0))


@register("T-B-46/ii")
def sphere_integral_of_atom_potential_vanishes() -> Claim:
    r"""Tangney Sec. XIV.B.2 (ii): for large R, :math:`\int_{|\vec u|<R}\langle\phi\rangle d^3u\to\kappa(\int\rho)
    (\int_0^R4\pi u\,du)=0`, so 'the quantity calculated by Bethe is zero'."""
    return _claim("T-B-46/ii", "sphere_integral_of_neutral_atom_potential_vanishes", I_ball, sp.Integer(0),
                  numeric=NumericCheck(_neutral_atoms_and_radii, _observe_sphere_integral, _RADIAL_TOL, samples=30,
                                       method="neutral atoms (point nucleus + Gaussian shells) centred in a ball of "
                                              "radius beyond 12 shell widths; ball integral of the exact potential "
                                              "by radial quadrature"),
                  sample_residual=False)


@register("T-B-46/ii-fix")
def sphere_integral_of_atom_potential_is_bethe() -> Claim:
    r"""The exact value: :math:`\int_{|\vec u|<R}\phi=-\frac{2\pi}{3\epsilon_0}\int_0^\infty\rho r^4dr` once the ball
    contains the atom (so that Bethe's :math:`\bar\Phi=\Omega^{-1}\times` this)."""
    return _claim("T-B-46/ii-fix", "sphere_integral_of_neutral_atom_potential_is_minus_second_moment", I_ball,
                  -2 * sp.pi / (3 * epsilon_0) * I4, corrects="T-B-46/ii",
                  dimensions=_DIMS,
                  numeric=NumericCheck(_neutral_atoms_and_radii, _observe_sphere_integral, _RADIAL_TOL, samples=30,
                                       method="as T-B-46/ii; int rho r^4 dr by quadrature"),
                  sample_residual=False,
                  statement=r"\int_{|\vec u|<R}\langle\phi(\vec u)\rangle d^3u=-\frac{2\pi}{3\epsilon_0}"
                            r"\int_0^\infty\rho(r)r^4dr")
