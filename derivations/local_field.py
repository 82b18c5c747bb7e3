r"""Lorentz cavity and the local field (Tangney Sec. XIII.D), on simple-cubic lattices of neutral molecules.

Overview
    Lorentz splits the field at a molecule A into the field of the material beyond a sphere of radius R about A
    (a continuum with a cavity, whose surface charge :math:`P\cdot\hat n` gives :math:`+P/3\epsilon_0`) and the field
    of the material evacuated from the sphere. Tangney's claims (Sec. XIII.D): the charge on the cavity surface and
    the dipole moment of the evacuated material depend sensitively on R, in magnitude and sign, and vanish when
    averaged over a continuous mesoscopic range of radii; the macroscopic field at A is the applied field plus the
    field of the material's surface charge. Checked by direct sums over a few 10^4 - 10^5 point charges (molecules
    of 2-3 point charges, random geometry and orientation) or point dipoles:
    T-B-31 (R-averaged dipole of the evacuated sphere = 0, not Lorentz's :math:`\tfrac43\pi R^3P`), /sharp (at sharp R
    it takes both signs within one lattice period), /cavity (R-averaged field at A of everything outside the cavity =
    the macroscopic field, not macroscopic + :math:`P/3\epsilon_0`), /surface (macroscopic field at A = field of the
    termination's surface charge: :math:`-P/3\epsilon_0` for whole-molecule termination, 0 for a charge cut), and
    /lorentz (the spec's GB6 (b): at a site of a cubic lattice of point dipoles, :math:`E_{\rm loc}-E_{\rm macro}=
    P/3\epsilon_0`; Lorentz's relation between the local and the macroscopic field itself holds).
Conventions
    SI with :math:`\epsilon_0=1`, :math:`\kappa=1/4\pi`; lattice constant a = 1; A is the molecule at the origin.
    "Averaged over a continuous mesoscopic range of radii": a Gaussian distribution of R (or of the ball radius s of
    the mesoscale average, or of the cluster radius) of width w >= a. The macroscopic field at A is the field
    averaged over a ball of radius s about A, averaged over s; for charges inside the ball the ball average is
    :math:`-\kappa q\mathbf r/s^3`, for charges outside it is their field at the centre (exact, no quadrature in
    space). Clusters: charge cut (each charge weighted by the cluster-radius distribution at its own radius) or
    whole-molecule cut (each molecule weighted at its centre).
References
    [1] P. Tangney (2024), Sec. XIII.D and Fig. 14; [2] H. A. Lorentz, The Theory of Electrons (1916), p. 137.
"""

from __future__ import annotations

import numpy as np
import sympy as sp
from hypothesis import strategies as st
from scipy.special import erfc
from sympy.physics.units import capacitance, charge, length, voltage
from sympy.physics.units.dimensions import Dimension

from derivcheck import Claim, NumericCheck, Observation, Relation, Tolerance, register, spec_entry

__all__ = ["smooth_step", "lattice_sites", "molecule_charges", "ball_average_weights", "evacuated_dipole_averages_to_zero",
           "evacuated_dipole_changes_sign", "cavity_field_is_macroscopic_field", "macroscopic_field_from_surface_charge",
           "lorentz_local_field_relation"]

PAPER = "tangney2024"
KAPPA = 1 / (4 * np.pi)


# --- numerics ----------------------------------------------------------------------------------------------------------
def smooth_step(r, R0, w):
    """P(R > r) for R ~ Normal(R0, w): the weight of a point at radius r in the R-averaged ball of radius R."""
    return 0.5 * erfc((np.asarray(r) - R0) / (np.sqrt(2) * w))


def lattice_sites(Rmax: float) -> np.ndarray:
    n = int(np.ceil(Rmax))
    g = np.arange(-n, n + 1, dtype=float)
    X, Y, Z = np.meshgrid(g, g, g, indexing="ij")
    P = np.stack([X.ravel(), Y.ravel(), Z.ravel()], 1)
    return P[np.einsum("ij,ij->i", P, P) <= Rmax**2]


def molecule_charges(Rmax: float, tau: np.ndarray, q: np.ndarray):
    """(sites, positions, charges, molecule index) of molecules {q_k at site + tau_k} on sites with |n| <= Rmax."""
    s = lattice_sites(Rmax)
    pos = (s[:, None, :] + tau[None]).reshape(-1, 3)
    return s, pos, np.tile(q, len(s)), np.repeat(np.arange(len(s)), len(q))


def ball_average_weights(r, s0, ws, n=20001):
    r"""For s ~ Normal(s0, ws) restricted to s > max(s0 - 10 ws, s0/4) (ball radii are positive; the cut mass is
    < 1e-10 for s0/ws >= 6.5): B(r) = <theta(s - r)/s^3>_s and Pout(r) = P(s < r) (charge outside the ball)."""
    sg = np.linspace(max(s0 - 10 * ws, s0 / 4), s0 + 10 * ws, n)
    g = np.exp(-((sg - s0) ** 2) / (2 * ws**2))
    g /= np.trapezoid(g, sg)
    f = g / sg**3
    cf = np.concatenate([[0.0], np.cumsum((f[1:] + f[:-1]) / 2 * np.diff(sg))])
    cg = np.concatenate([[0.0], np.cumsum((g[1:] + g[:-1]) / 2 * np.diff(sg))])
    return cf[-1] - np.interp(r, sg, cf), np.interp(r, sg, cg)


# --- instances ------------------------------------------------------------------------------------------------------------
@st.composite
def molecular_lattices(draw, R_range=(8.0, 16.0), w_range=(1.0, 1.3)):
    """Neutral molecules of 2 or 3 point charges within the cell, random orientation; |p| >= 0.05 q a; the radius
    distribution Normal(R0, w) with R0/w >= 6 (its density at R = 0, a kink of the weight at r = 0, <= 6e-9)."""
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    kind = draw(st.sampled_from(["pair_z", "pair", "triple"]))
    d = draw(st.floats(0.05, 0.4))
    if kind == "pair_z":
        tau, q = np.array([[0, 0, d / 2], [0, 0, -d / 2]]), np.array([1.0, -1.0])
    elif kind == "pair":
        u = rng.normal(size=3)
        u /= np.linalg.norm(u)
        tau, q = np.array([d / 2 * u, -d / 2 * u]), np.array([1.0, -1.0])
    else:
        tau = rng.uniform(-0.2, 0.2, size=(3, 3))
        q = np.array([1.0, rng.uniform(-1.5, 0.5), 0.0])
        q[2] = -q[0] - q[1]
    if np.linalg.norm(q @ tau) < 0.05:
        tau = tau * (0.05 / np.linalg.norm(q @ tau))
    R0 = draw(st.floats(*R_range))
    w = draw(st.floats(*w_range))
    return tau, q, R0, w, kind


def _observe_dipole(inst) -> Observation:
    tau, q, R0, w, _ = inst
    _, pos, Q, _ = molecule_charges(R0 + 9 * w + 1, tau, q)
    r = np.linalg.norm(pos, axis=1)
    D = (Q * smooth_step(r, R0, w)) @ pos                            # <sum_{|r_i|<R} q_i r_i>_R, A included
    P = q @ tau                                                      # dipole per cell (a = 1)
    return Observation({"D_avg": D, "P": P, "R_0": R0}, scale=float(np.linalg.norm(P) * 4 * np.pi * R0**3 / 3))


D_avg = sp.Symbol("D_avg", real=True)
P_s = sp.Symbol("P", real=True)
R_0 = sp.Symbol("R_0", positive=True)
eps0 = sp.Symbol("epsilon_0", positive=True)

_LEAK = ("Gaussian averages over radii of width w >= a suppress the lattice harmonics (|G| >= 2 pi/a) of the charge "
         "density by exp(-2 pi^2 w^2/a^2) <= 2.7e-9 (with R0/w >= 6 the weight has no kink at r = 0 above 6e-9); geometric prefactor (sum |q|/|p|) (a/R) <= 1e2 for |p| >= 0.05 qa; "
         "lattice truncated where the weights are < 1e-15")


def _claim(cid, name, lhs, rhs, *, observe, instances, tol, method, samples=15, **kw) -> Claim:
    spec = spec_entry(cid.split("/")[0])
    return Claim(id=cid, name=name, paper=PAPER, location=kw.pop("location", spec["location"]),
                 statement=kw.pop("statement", spec["statement"]), title=kw.pop("title", spec["title"]),
                 lhs=lhs, rhs=rhs, headline=kw.pop("headline", True), sample_residual=kw.pop("sample_residual", False),
                 assumptions=kw.pop("assumptions", ("simple-cubic lattice of identical neutral molecules",
                                                    "no applied field")),
                 numeric=NumericCheck(instances=instances, observe=observe, tolerance=tol, method=method,
                                      samples=samples), **kw)


@register("T-B-31")
def evacuated_dipole_averages_to_zero() -> Claim:
    r"""The dipole moment of the material within |r| < R of A, averaged over a continuous mesoscopic range of R, is 0
    (Lorentz's argument needs :math:`\frac43\pi R^3\mathbf P`, whose field at A is :math:`-\mathbf P/3\epsilon_0`)."""
    return _claim("T-B-31", "evacuated_sphere_dipole_vanishes_when_averaged_over_radii", D_avg, sp.Integer(0),
                  observe=_observe_dipole, instances=molecular_lattices,
                  tol=Tolerance(rel=1e-5, reason=_LEAK + "; scale = (4 pi/3) R0^3 |P|, Lorentz's value"),
                  method="molecules of 2-3 point charges (random geometry, orientation, |p| = 0.05-0.4 qa) on a simple "
                         "cubic lattice; D = sum_i q_i r_i P(R > |r_i|), R ~ Normal(R0 = 8-16 a, w = 1-1.3 a); compared "
                         "with 0 on the scale of Lorentz's (4 pi/3) R0^3 P",
                  notes="A's own charges are included (the evacuated sphere's material); excluding them changes D by "
                        "-p, O(a^3/R^3) of Lorentz's value. The same sum with a sharp R is T-B-31/sharp.")


def _observe_sharp(inst) -> Observation:
    tau, q, R0, w, _ = inst
    _, pos, Q, _ = molecule_charges(R0 + 2, tau, q)
    r = np.linalg.norm(pos, axis=1)
    P = q @ tau
    phat = P / np.linalg.norm(P)
    order = np.argsort(r)
    r, proj = r[order], (Q * (pos @ phat))[order]
    cum = np.cumsum(proj)                                            # D.P^ for R just above r[k]
    lo, hi = np.searchsorted(r, R0), np.searchsorted(r, R0 + 1.0)
    vals = np.concatenate([[cum[lo - 1]], cum[lo:hi]])               # every value D(R) takes on [R0, R0 + a)
    return Observation({"D_max": float(vals.max()), "D_min": float(vals.min())},
                       scale=float(np.linalg.norm(P) * 4 * np.pi * R0**3 / 3) ** 2)


D_max, D_min = sp.symbols("D_max D_min", real=True)


@register("T-B-31/sharp")
def evacuated_dipole_changes_sign() -> Claim:
    return _claim("T-B-31/sharp", "evacuated_sphere_dipole_takes_both_signs_within_one_period_of_R", D_max * D_min,
                  sp.Integer(0), relation=Relation.LE, observe=_observe_sharp,
                  tol=Tolerance(rel=1e-12, reason="exact partial sums of <= 1e5 charges sorted by radius: round-off"),
                  instances=lambda: molecular_lattices(R_range=(4.0, 16.0)),
                  method="as T-B-31 with a sharp R; every value of D(R).P^ for R in [R0, R0 + a) from cumulative sums "
                         "over charges sorted by radius",
                  statement=r"\text{the dipole moment of the evacuated material depends sensitively, in magnitude and "
                            r"sign, on }R:\ \max_{R_0\le R<R_0+a}\mathbf D(R)\cdot\hat{\mathbf P}\times\min_{R_0\le R<"
                            r"R_0+a}\mathbf D(R)\cdot\hat{\mathbf P}\le0",
                  notes="At fixed R the dipole fluctuates on the scale of Lorentz's (4 pi/3) R^3 P (e.g. between -0.69 "
                        "and +0.78 of it for d = 0.2a, R ~ 8a); the relative amplitude decays like a^2/(d R) for "
                        "R >> a^2/d, so the sign change is a mesoscale (R ~ 4-16 a) statement.")


@st.composite
def clusters(draw):
    """A finite cluster with a smoothly averaged radius, terminated by charges or by whole molecules."""
    tau, q, _, _, kind = draw(molecular_lattices(R_range=(8.0, 8.0), w_range=(1.0, 1.0)))
    term = draw(st.sampled_from(["charge", "molecule"]))
    s0 = draw(st.floats(8.0, 10.0))
    ws = draw(st.floats(1.0, 1.2))
    Rc = s0 + draw(st.floats(12.0, 14.0))
    return tau, q, s0, ws, Rc, 1.0, term, kind


def _cluster_fields(inst):
    tau, q, s0, ws, Rc, wc, term, _ = inst
    sites, pos, Q, mol = molecule_charges(Rc + 9 * wc, tau, q)
    r = np.linalg.norm(pos, axis=1)
    W = smooth_step(r, Rc, wc) if term == "charge" else smooth_step(np.linalg.norm(sites, axis=1), Rc, wc)[mol]
    A = np.linalg.norm(sites, axis=1)[mol] == 0                      # molecule A's charges
    rr = np.where(r > 0, r, 1.0)
    field_at_0 = -KAPPA * (W * Q)[:, None] * pos / rr[:, None] ** 3   # each charge's field at A's centre
    E_loc = field_at_0[~A].sum(0)
    B, Pout = ball_average_weights(r, s0, ws)
    E_macro = (-KAPPA * (W * Q * B)[:, None] * pos + Pout[:, None] * field_at_0).sum(0)
    E_far = ((1 - smooth_step(r, s0, ws))[:, None] * field_at_0).sum(0)  # material beyond the cavity, R-averaged
    return E_loc, E_macro, E_far, q @ tau


E_far, E_macro, E_loc = sp.symbols("E_far E_macro E_loc", real=True)
s_term = sp.Symbol("s_term", nonnegative=True)


def _observe_cavity(inst) -> Observation:
    _, E_macro_, E_far_, P = _cluster_fields(inst)
    return Observation({"E_far": E_far_, "E_macro": E_macro_}, scale=float(np.linalg.norm(P) / 3))


_CL_METHOD = ("clusters of molecules (as T-B-31) with radius ~ Normal(R_c = s0 + 12-14 a, a), terminated by a charge "
              "cut or by whole molecules; E_macro = field averaged over a ball of radius s ~ Normal(s0 = 8-10 a, "
              "1-1.2 a) about A (inside charges: -kappa q r / s^3; outside: their field at A); E_far = field at A of "
              "the charges beyond a cavity of radius R ~ Normal(s0, ws)")
_CL_TOL = Tolerance(rel=1e-5, reason=_LEAK + "; erfc tails at A: P(R < a) <= Phi(-(s0 - a)/ws) <= 3e-9 times "
                    "nearest-neighbour fields <= 1e2 |P|/3eps0; ball-radius quadrature (20001-point trapezoid over "
                    "+-10 ws, linear interpolation): 2e-8; scale |P|/(3 eps0)")


@register("T-B-31/cavity")
def cavity_field_is_macroscopic_field() -> Claim:
    return _claim("T-B-31/cavity", "field_of_material_beyond_cavity_averaged_over_radii_is_macroscopic_field", E_far,
                  E_macro, observe=_observe_cavity, instances=clusters, tol=_CL_TOL, method=_CL_METHOD, samples=10,
                  statement=r"\langle\mathbf E_A^{\rm far}(R)\rangle_R=\mathbf E\ \text{(the cavity-surface charge "
                            r"vanishes when averaged over radii; Lorentz: }\mathbf E_A^{\rm far}=\mathbf E+\mathbf P/3"
                            r"\epsilon_0)",
                  notes="By superposition the near field (evacuated material, A excluded) carries the rest of the "
                        "local field: E_loc - <E_far> = P/3eps0 + O(d^2) at a cubic site (T-B-31/lorentz).")


def _observe_surface(inst) -> Observation:
    _, E_macro_, _, P = _cluster_fields(inst)
    return Observation({"E_macro": E_macro_, "P": P, "s_term": 1.0 if inst[6] == "molecule" else 0.0,
                        "epsilon_0": 1.0}, scale=float(np.linalg.norm(P) / 3))


@register("T-B-31/surface")
def macroscopic_field_from_surface_charge() -> Claim:
    return _claim("T-B-31/surface", "macroscopic_field_at_A_is_field_of_surface_charge", E_macro,
                  -s_term * P_s / (3 * eps0), observe=_observe_surface, instances=clusters, tol=_CL_TOL,
                  method=_CL_METHOD + "; s_term = surface charge of the termination in units of P.n (1 for whole "
                                      "molecules, 0 for the radius-averaged charge cut)", samples=10,
                  statement=r"\mathbf E_A=\mathbf E_{\rm ext}+\mathbf E_{\rm surface}:\ \text{no applied field, }"
                            r"\sigma=s\,\mathbf P\cdot\hat n\Rightarrow\mathbf E_A=-s\mathbf P/3\epsilon_0",
                  dimensions={E_macro: voltage / length, P_s: charge / length**2, eps0: capacitance / length,
                              s_term: Dimension(1)},
                  notes="The R-averaged dipole of the evacuated sphere and the cavity charge contribute nothing "
                        "(T-B-31, /cavity): the macroscopic field at A is set by the outer termination alone.")


# --- GB6 (b): Lorentz's relation for point dipoles on a cubic lattice ---------------------------------------------------
@st.composite
def dipole_clusters(draw):
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    p = rng.normal(size=3)
    e = rng.normal(size=3)
    E_ext = e / np.linalg.norm(e) * draw(st.one_of(st.just(0.0), st.floats(0.01, 2.0)))   # applied uniform field
    return p / np.linalg.norm(p) * draw(st.floats(0.1, 2.0)), draw(st.floats(8.0, 10.0)), draw(st.floats(1.0, 1.2)), \
        draw(st.floats(12.0, 14.0)), E_ext


def _observe_lorentz(inst) -> Observation:
    p, s0, ws, dR, E_ext = inst
    Rc, wc = s0 + dR, 1.0
    sites = lattice_sites(Rc + 9 * wc)
    r = np.linalg.norm(sites, axis=1)
    W = smooth_step(r, Rc, wc)                                       # whole point dipoles, radius-averaged cluster
    A = r == 0
    rr = np.where(A, 1.0, r)
    rhat = sites / rr[:, None]
    fld = KAPPA * (3 * (rhat @ p)[:, None] * rhat - p[None, :]) / rr[:, None] ** 3 * W[:, None]
    fld[A] = 0.0
    E_loc_ = E_ext + fld.sum(0)                                      # applied field + all other molecules at A
    B, Pout = ball_average_weights(r, s0, ws)
    # the ball average of the uniform applied field is itself (the ball weights integrate to 1)
    E_macro_ = E_ext + (-KAPPA * (W * B)[:, None] * p[None, :] + Pout[:, None] * fld).sum(0)
    return Observation({"E_loc": E_loc_, "E_macro": E_macro_, "P": p, "epsilon_0": 1.0},
                       scale=float(np.linalg.norm(p) / 3))   # E_ext cancels in E_loc - E_macro to round-off


@register("T-B-31/lorentz")
def lorentz_local_field_relation() -> Claim:
    return _claim("T-B-31/lorentz", "local_field_minus_macroscopic_field_at_cubic_site", E_loc - E_macro,
                  P_s / (3 * eps0), observe=_observe_lorentz, instances=dipole_clusters,
                  tol=Tolerance(rel=1e-5, reason=_LEAK + "; ball-radius quadrature 2e-8; erfc tails at A <= 3e-7; scale |P|/(3 eps0)"),
                  method="point dipoles p (random direction) in a random applied uniform field (|E| <= 2, or 0) at "
                         "the sites of a simple cubic cluster of radius ~ "
                         "Normal(s0 + 12-14 a, a); E_loc = sum of the other dipoles' fields at A; E_macro as in "
                         "T-B-31/cavity (a point dipole inside the ball contributes -kappa p / s^3)", samples=10,
                  statement=r"\mathbf E_{\rm loc}-\mathbf E_{\rm macro}=\mathbf P/3\epsilon_0\ \text{(Lorentz's relation "
                            r"at a site of a cubic lattice; spec GB6 (b))}",
                  dimensions={E_loc: voltage / length, E_macro: voltage / length, P_s: charge / length**2,
                              eps0: capacitance / length},
                  notes="Lorentz's relation between the field at a cubic site and the macroscopic field holds (here "
                        "E_loc = 0 and E_macro = -P/3eps0 from the whole-molecule termination). The paper's point is "
                        "where P/3eps0 comes from: not from the cavity surface (T-B-31/cavity) but from the "
                        "microscopic near field of the evacuated material, whose R-averaged dipole is 0 (T-B-31). For "
                        "molecules of two charges +-q at distance d the relation holds up to an octupole term "
                        "~0.74 (d/a)^2 P/3eps0 (direct sums: 1.0074 at d = 0.1a, 1.000074 at d = 0.01a).")
