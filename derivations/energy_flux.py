r"""Energy flux of pairwise-interacting atoms and the gauge freedom of the energy density.

Overview
    Baroni's slides: the energy flux of classical atoms with pair forces is
    :math:`J_E=\sum_Ie_Iv_I+\frac12\sum_{I\ne J}(v_I\cdot F_{IJ})(R_I-R_J)`, the time derivative of the energy
    dipole :math:`\sum_IR_Ie_I` (B-02); the integral of a density over a region changes by a boundary term under
    :math:`e'=e-\nabla\cdot p` (B-05); and :math:`e'=e-\nabla\cdot p` with :math:`\dot e=-\nabla\cdot j` gives the
    conserved current :math:`j'=j+\dot p`, hence :math:`J'=J+\dot P` (B-06).
    Symbolic model of the atoms: N atoms in 3D with a pair potential :math:`\phi(s)` of :math:`s=|R_I-R_J|^2`,
    each pair carrying its value :math:`\phi_{IJ}` and slope :math:`\phi'_{IJ}=d\phi/ds` as free symbols, so that
    :math:`F_{IJ}=-2\phi'_{IJ}(R_I-R_J)`, :math:`\dot\phi_{IJ}=2\phi'_{IJ}(R_I-R_J)\cdot(v_I-v_J)` and Newton's law
    :math:`m\dot v_I=\sum_JF_{IJ}` hold for any pair potential. Numeric instances are Lennard-Jones clusters
    integrated with velocity Verlet (:mod:`numerics.molecular_dynamics`).
Key claims
    B-02 (x component), B-05, B-06, B-06/P, B-06/cont.
Conventions
    Reduced LJ units; x components of vector relations (the others follow by relabelling the axes).
References
    [1] S. Baroni, slides "the linear-response theory of transport" (ll. 76-125), "gauge invariance of transport
        coefficients" (ll. 252-413).
"""

from __future__ import annotations

import itertools

import numpy as np
import sympy as sp
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from derivcheck import Claim, NumericCheck, Observation, Tolerance, register, spec_entry
from numerics.molecular_dynamics import energy_dipole, lj_clusters, lj_pairs, site_energies, verlet_step

__all__ = ["energy_flux_of_pair_potentials", "energy_changes_by_boundary_term", "gauge_shifted_flux",
           "asymmetric_partition_shifts_energy_dipole", "gauge_shifted_density_is_conserved"]

PAPER = "baroni"
N_ATOMS = 5
_AX = "xyz"

# --- symbolic atoms --------------------------------------------------------------------------------------------------
m = sp.Symbol("m", positive=True)
R = [[sp.Symbol(f"R_{i}{a}", real=True) for a in _AX] for i in range(N_ATOMS)]
v = [[sp.Symbol(f"v_{i}{a}", real=True) for a in _AX] for i in range(N_ATOMS)]
e = [sp.Symbol(f"e_{i}", real=True) for i in range(N_ATOMS)]
F = {(i, j): [sp.Symbol(f"F_{i}{j}{a}", real=True) for a in _AX]
     for i, j in itertools.permutations(range(N_ATOMS), 2)}
_pairs = list(itertools.combinations(range(N_ATOMS), 2))
phi = {p: sp.Symbol(f"phi_{p[0]}{p[1]}", real=True) for p in _pairs}
dphi = {p: sp.Symbol(f"phis_{p[0]}{p[1]}", real=True) for p in _pairs}
w = {p: sp.Symbol(f"w_{p[0]}{p[1]}", real=True) for p in _pairs}     # w_IJ, I < J; w_JI = 1 - w_IJ
J_E, J_Ep, Pdot = sp.symbols("J_Ex J_Ex_prime Pdot_x", real=True)


def _key(i, j):
    return (i, j) if i < j else (j, i)


def _F_model(i, j):
    d = [R[i][a] - R[j][a] for a in range(3)]
    return [-2 * dphi[_key(i, j)] * d[a] for a in range(3)]


def _acc(i):
    return [sum(_F_model(i, j)[a] for j in range(N_ATOMS) if j != i) / m for a in range(3)]


def _ddt(expr):
    """Time derivative along Newtonian motion under the pair model (chain rule over R, v and phi_IJ)."""
    out = 0
    for i in range(N_ATOMS):
        acc = _acc(i)
        for a in range(3):
            out += sp.diff(expr, R[i][a]) * v[i][a] + sp.diff(expr, v[i][a]) * acc[a]
    for (i, j) in _pairs:
        rate = 2 * dphi[(i, j)] * sum((R[i][a] - R[j][a]) * (v[i][a] - v[j][a]) for a in range(3))
        out += sp.diff(expr, phi[(i, j)]) * rate
    return out


def _weight(i, j):
    return w[(i, j)] if i < j else 1 - w[(j, i)]


def _site_energy(i, weighted=False):
    pot = sum((_weight(i, j) if weighted else sp.Rational(1, 2)) * phi[_key(i, j)] for j in range(N_ATOMS) if j != i)
    return m * sum(c**2 for c in v[i]) / 2 + pot


def _dipole_x(weighted=False):
    return sum(R[i][0] * _site_energy(i, weighted) for i in range(N_ATOMS))


def _P_model():
    return sum((w[p] - sp.Rational(1, 2)) * phi[p] * (R[p[0]][0] - R[p[1]][0]) for p in _pairs)


# --- numeric helpers --------------------------------------------------------------------------------------------------
def _values(R_, V_):
    phi_, F_ = lj_pairs(R_)
    vals = {f"R_{i}{a}": R_[i, k] for i in range(N_ATOMS) for k, a in enumerate(_AX)}
    vals |= {f"v_{i}{a}": V_[i, k] for i in range(N_ATOMS) for k, a in enumerate(_AX)}
    vals |= {f"F_{i}{j}{a}": F_[i, j, k] for i, j in itertools.permutations(range(N_ATOMS), 2)
             for k, a in enumerate(_AX)}
    return vals


def _central(cl, f):
    """Central difference of f(R, V) over one Verlet step forward and one backward (O(dt^2))."""
    Rp, Vp = verlet_step(cl.R, cl.V, cl.dt)
    Rm, Vm = verlet_step(cl.R, cl.V, -cl.dt)
    return (f(Rp, Vp) - f(Rm, Vm)) / (2 * cl.dt)


def _observe_b02(cl) -> Observation:
    vals = _values(cl.R, cl.V)
    e_ = site_energies(cl.R, cl.V, cl.w)
    vals |= {f"e_{i}": e_[i] for i in range(N_ATOMS)}
    vals["J_Ex"] = _central(cl, lambda R_, V_: energy_dipole(R_, V_, cl.w)[0])
    scale = float(np.sum(np.abs(e_ * cl.V[:, 0])) + 10)
    return Observation(vals, scale=scale)


_FD_TOL = Tolerance(rel=1e-5, reason="central difference over one velocity-Verlet step, dt = 1e-4: O(dt^2) "
                                     "(measured ~1e-8 relative, falls 4x when dt halves, tests/test_energy_flux.py)")


@register("B-02")
def energy_flux_of_pair_potentials() -> Claim:
    r"""B-02: :math:`J_E=\sum_Ie_Iv_I+\frac12\sum_{I\ne J}(v_I\cdot F_{IJ})(R_I-R_J)` (x component)."""
    rhs = sum(e[i] * v[i][0] for i in range(N_ATOMS)) + sp.Rational(1, 2) * sum(
        sum(v[i][a] * F[(i, j)][a] for a in range(3)) * (R[i][0] - R[j][0])
        for i, j in itertools.permutations(range(N_ATOMS), 2))
    defs = {e[i]: _site_energy(i) for i in range(N_ATOMS)}
    defs |= {F[(i, j)][a]: _F_model(i, j)[a] for i, j in itertools.permutations(range(N_ATOMS), 2) for a in range(3)}
    defs[J_E] = _ddt(_dipole_x())
    spec = spec_entry("B-02")
    return Claim(id="B-02", name="energy_flux_equals_time_derivative_of_energy_dipole_for_pair_potentials",
                 paper=PAPER, location=spec["location"], statement=spec["statement"], title=spec["title"],
                 lhs=J_E, rhs=rhs, definitions=defs, headline=True, symbolic_timeout=120,
                 assumptions=("classical atoms", "pair forces, F_IJ = force on I due to J",
                              "e_I = m v_I^2/2 + sum_J phi_IJ/2", "open cluster (no periodic images)"),
                 numeric=NumericCheck(instances=lambda: lj_clusters(n_atoms=N_ATOMS), observe=_observe_b02,
                                      tolerance=_FD_TOL, samples=30,
                                      method="5-atom LJ clusters (jittered grid, random velocities); J_Ex by central "
                                             "difference of sum_I R_I e_I over velocity-Verlet steps +-dt; e_I, "
                                             "F_IJ from the LJ potential at the centre"),
                 notes="x component; J_E is d/dt sum_I R_I e_I (the spec's reading of the flux). Symbolic model: "
                       "any pair potential phi(|R_I - R_J|^2), pair values and slopes as free symbols.")


# --- B-06: asymmetric partitions --------------------------------------------------------------------------------------
Pp = sp.Symbol("P_x", real=True)
Dsym, Dasym = sp.symbols("D_x D_x_prime", real=True)


def _w_values(cl):
    return {f"w_{i}{j}": cl.w[i, j] for i, j in _pairs}


def _observe_b06P(cl) -> Observation:
    phi_, _ = lj_pairs(cl.R)
    P = sum((cl.w[i, j] - 0.5) * phi_[i, j] * (cl.R[i, 0] - cl.R[j, 0]) for i, j in _pairs)
    vals = {"D_x": energy_dipole(cl.R, cl.V, np.full_like(cl.w, 0.5))[0],
            "D_x_prime": energy_dipole(cl.R, cl.V, cl.w)[0], "P_x": P}
    return Observation(vals)


_ROUND = Tolerance(rel=1e-11, abs=1e-11, reason="exact identity of sums over pairs: round-off")


@register("B-06/P")
def asymmetric_partition_shifts_energy_dipole() -> Claim:
    r"""B-06 (spec's candidate): :math:`\sum_IR_Ie'_I-\sum_IR_Ie_I=\sum_{I<J}(w_{IJ}-\frac12)\phi_{IJ}(R_I-R_J)`."""
    spec = spec_entry("B-06")
    return Claim(id="B-06/P", name="asymmetric_pair_split_shifts_energy_dipole_by_bounded_polarization",
                 paper=PAPER, location=spec["location"], title="Energy dipole of an asymmetric pair split",
                 statement=r"\sum_I\mathbf R_Ie'_I-\sum_I\mathbf R_Ie_I=\sum_{I<J}(w_{IJ}-\tfrac12)\phi_{IJ}"
                           r"(\mathbf R_I-\mathbf R_J)",
                 lhs=Dasym - Dsym, rhs=Pp,
                 definitions={Dasym: _dipole_x(True), Dsym: _dipole_x(False), Pp: _P_model()},
                 numeric=NumericCheck(instances=lambda: lj_clusters(n_atoms=N_ATOMS, symmetric=False),
                                      observe=_observe_b06P, tolerance=_ROUND, samples=30,
                                      method="LJ clusters with random pair weights w_IJ + w_JI = 1; energy dipoles of "
                                             "both partitions and P from the LJ pair energies"),
                 notes="The candidate P is bounded for a bound cluster (pair energies times pair distances).")


def _observe_b06(cl) -> Observation:
    def P(R_, V_):
        phi_, _ = lj_pairs(R_)
        return sum((cl.w[i, j] - 0.5) * phi_[i, j] * (R_[i, 0] - R_[j, 0]) for i, j in _pairs)
    half = np.full_like(cl.w, 0.5)
    return Observation({"J_Ex_prime": _central(cl, lambda R_, V_: energy_dipole(R_, V_, cl.w)[0]),
                        "J_Ex": _central(cl, lambda R_, V_: energy_dipole(R_, V_, half)[0]),
                        "Pdot_x": _central(cl, P)})


@register("B-06")
def gauge_shifted_flux() -> Claim:
    r"""B-06: :math:`J'(t)=J(t)+\dot P(t)` for the energy densities of two pair splits."""
    spec = spec_entry("B-06")
    return Claim(id="B-06", name="gauge_shifted_flux_equals_flux_plus_polarization_rate", paper=PAPER,
                 location=spec["location"], statement=spec["statement"], title=spec["title"],
                 lhs=J_Ep, rhs=J_E + Pdot, headline=True, symbolic_timeout=120,
                 definitions={J_Ep: _ddt(_dipole_x(True)), J_E: _ddt(_dipole_x(False)), Pdot: _ddt(_P_model())},
                 numeric=NumericCheck(instances=lambda: lj_clusters(n_atoms=N_ATOMS, symmetric=False),
                                      observe=_observe_b06, samples=30,
                                      tolerance=Tolerance(rel=1e-9, abs=1e-9, reason="the three central differences "
                                                          "use the same Verlet configurations, so the identity is "
                                                          "exact up to round-off divided by dt (~1e-12/1e-4)"),
                                      method="LJ clusters with random pair weights; J', J and dP/dt by central "
                                             "differences over velocity-Verlet steps"),
                 notes="Encoded for the spec's realisation: e'_I from an asymmetric pair split differs from e_I by a "
                       "divergence, J = d/dt sum R_I e_I (x component); B-06/cont checks the field-level statement.")


# --- B-06/cont: continuity of the shifted density (1D fields) ----------------------------------------------------------
x_, t_ = sp.symbols("x t", real=True)
G, p_, e0 = sp.Function("G", real=True), sp.Function("p", real=True), sp.Function("e_0", real=True)
de_p, dj_p = sp.symbols("dedt_prime divj_prime", real=True)


@st.composite
def _periodic_fields(draw):
    """Three 1D periodic fields G, p, e0 (period 2 pi) as random trigonometric sums with time-harmonic parts."""
    def field():
        return draw(arrays(np.float64, (3, 4), elements=st.floats(-1.0, 1.0)))   # (mode, [a, b, omega, phase])
    return dict(G=field(), p=field(), e0=draw(arrays(np.float64, 3, elements=st.floats(-1, 1))),
                t=draw(st.floats(-2.0, 2.0)))


def _field(c, x, t):
    k = np.arange(1, 4)[:, None]
    return np.sum(c[:, 0:1] * np.cos(k * x + c[:, 2:3] * 3 * t) + c[:, 1:2] * np.sin(k * x + c[:, 3:4] * t), axis=0)


def _observe_cont(g) -> Observation:
    n, dt = 64, 1e-4
    x = 2 * np.pi * np.arange(n) / n
    kk = np.fft.fftfreq(n, 1 / n)

    def dx(f):
        return np.real(np.fft.ifft(1j * kk * np.fft.fft(f)))                   # spectral, exact for 3 modes

    def e0(x):
        return sum(g["e0"][j] * np.cos((j + 1) * x) for j in range(3))

    def e_prime(t):
        return e0(x) - dx(_field(g["G"], x, t)) - dx(_field(g["p"], x, t))

    def j_prime(t):
        dG = (_field(g["G"], x, t + dt) - _field(g["G"], x, t - dt)) / (2 * dt)
        dp = (_field(g["p"], x, t + dt) - _field(g["p"], x, t - dt)) / (2 * dt)
        return dG + dp
    t = g["t"]
    return Observation({"dedt_prime": (e_prime(t + dt) - e_prime(t - dt)) / (2 * dt), "divj_prime": dx(j_prime(t))},
                       scale=10.0)


@register("B-06/cont")
def gauge_shifted_density_is_conserved() -> Claim:
    r"""B-06: :math:`e'=e-\nabla\cdot p`, :math:`\dot e=-\nabla\cdot j` imply :math:`\dot e'=-\nabla\cdot(j+\dot p)`."""
    e_model = e0(x_) - sp.diff(G(x_, t_), x_)            # the general solution of continuity with j = G_t
    j_model = sp.diff(G(x_, t_), t_)
    ep = e_model - sp.diff(p_(x_, t_), x_)
    jp = j_model + sp.diff(p_(x_, t_), t_)
    spec = spec_entry("B-06")
    return Claim(id="B-06/cont", name="gauge_shifted_energy_density_is_conserved_with_shifted_current",
                 paper=PAPER, location=spec["location"], title="Continuity of e' with j' = j + dp/dt",
                 statement=r"e'(\mathbf r)=e(\mathbf r)-\nabla\cdot\mathbf p(\mathbf r),\ \dot e=-\nabla\cdot\mathbf j"
                           r"\ \Rightarrow\ \mathbf j'(\mathbf r,t)=\mathbf j(\mathbf r,t)+\dot{\mathbf p}(\mathbf r,t)",
                 lhs=de_p, rhs=-dj_p,
                 definitions={de_p: sp.diff(ep, t_), dj_p: sp.diff(jp, x_)},
                 numeric=NumericCheck(instances=_periodic_fields, observe=_observe_cont, samples=20,
                                      tolerance=Tolerance(abs=1e-6, reason="spectral x derivatives (exact for the "
                                                          "3 modes); central time differences, dt = 1e-4, O(dt^2) "
                                                          "~1e-7 for frequencies <= 3"),
                                      method="random periodic 1D fields G, p, e0; e = e0 - dG/dx, j = dG/dt; "
                                             "spectral x derivatives, central time differences"),
                 notes="1D fields; e = e0 - dG/dx, j = dG/dt is the general conserved pair. The freedom left in j' "
                       "(adding a divergence-free field, in 1D a constant) is not fixed by continuity.")


# --- B-05: boundary terms ------------------------------------------------------------------------------------------
Ep, E_, O_ = sp.symbols("E_prime E O_boundary", real=True)
L1, L2, L3 = sp.symbols("L_1 L_2 L_3", positive=True)
cc = sp.symbols("c_1:7", real=True)
X, Y, Z = sp.symbols("X Y Z", real=True)


@st.composite
def _boxes_and_fields(draw):
    L = draw(arrays(np.float64, 3, elements=st.floats(0.2, 4.0)))
    modes = draw(arrays(np.float64, (3, 3, 5), elements=st.floats(-1.0, 1.0)))   # (component, mode, [k1 k2 k3 amp ph])
    emodes = draw(arrays(np.float64, (3, 5), elements=st.floats(-1.0, 1.0)))
    return dict(L=L, p=modes, e=emodes)


def _trig(md, pts):
    k = 3 * md[:, :3]
    return np.sum(md[:, 3][:, None] * np.cos(k @ pts.T + 3 * md[:, 4][:, None]), axis=0)


def _trig_grad(md, pts):
    k = 3 * md[:, :3]
    s = -md[:, 3][:, None] * np.sin(k @ pts.T + 3 * md[:, 4][:, None])        # (mode, point)
    return (k.T @ s).T                                                         # (point, 3)


def _gl(n, L):
    t, wt = np.polynomial.legendre.leggauss(n)
    return (t + 1) * L / 2, wt * L / 2


def _observe_b05(g) -> Observation:
    L, n = g["L"], 24
    (x, wx), (y, wy), (z, wz) = (_gl(n, L[0]), _gl(n, L[1]), _gl(n, L[2]))
    P3 = np.stack(np.meshgrid(x, y, z, indexing="ij"), -1).reshape(-1, 3)
    W3 = (wx[:, None, None] * wy[None, :, None] * wz[None, None, :]).ravel()
    div = sum(_trig_grad(g["p"][a], P3)[:, a] for a in range(3))
    e = _trig(g["e"], P3)
    E = float(W3 @ e)
    Epr = float(W3 @ (e - div))
    flux = 0.0
    for a in range(3):                             # faces normal to axis a at 0 and L_a
        b, c = [i for i in range(3) if i != a]
        (u, wu), (vv, wv) = _gl(n, L[b]), _gl(n, L[c])
        U, V = np.meshgrid(u, vv, indexing="ij")
        Wf = (wu[:, None] * wv[None, :]).ravel()
        for side, sign in ((L[a], 1.0), (0.0, -1.0)):
            pts = np.zeros((U.size, 3))
            pts[:, a], pts[:, b], pts[:, c] = side, U.ravel(), V.ravel()
            flux += sign * float(Wf @ _trig(g["p"][a], pts))
    return Observation({"E_prime": Epr, "E": E, "O_boundary": -flux}, scale=float(abs(E) + abs(flux) + 1))


@register("B-05")
def energy_changes_by_boundary_term() -> Claim:
    r"""B-05: :math:`\mathcal E'[\Omega]=\mathcal E[\Omega]+\mathcal O[\partial\Omega]` for :math:`e'=e-\nabla\cdot p`,
    with :math:`\mathcal O=-\oint_{\partial\Omega}p\cdot dS`."""
    px, py, pz = cc[0] * X**2 * Y + cc[1] * sp.sin(Z), cc[2] * Y * Z**2 + cc[3] * X, cc[4] * X * Y * Z + cc[5] * Z**3
    e_f = cc[0] * X * Y * Z + cc[5]
    box = ((X, 0, L1), (Y, 0, L2), (Z, 0, L3))
    div = sp.diff(px, X) + sp.diff(py, Y) + sp.diff(pz, Z)
    flux = (sp.Integral(px.subs(X, L1) - px.subs(X, 0), (Y, 0, L2), (Z, 0, L3))
            + sp.Integral(py.subs(Y, L2) - py.subs(Y, 0), (X, 0, L1), (Z, 0, L3))
            + sp.Integral(pz.subs(Z, L3) - pz.subs(Z, 0), (X, 0, L1), (Y, 0, L2)))
    spec = spec_entry("B-05")
    return Claim(id="B-05", name="gauge_shifted_energy_differs_by_a_boundary_term", paper=PAPER,
                 location=spec["location"], statement=spec["statement"], title=spec["title"], headline=True,
                 lhs=Ep, rhs=E_ + O_,
                 definitions={Ep: sp.Integral(e_f - div, *box), E_: sp.Integral(e_f, *box), O_: -flux},
                 numeric=NumericCheck(instances=_boxes_and_fields, observe=_observe_b05, samples=20,
                                      tolerance=Tolerance(rel=1e-10, reason="24-point Gauss-Legendre per axis on "
                                                          "fields with wavenumbers <= 3 sqrt(3) over boxes <= 4: "
                                                          "error below 1e-13"),
                                      method="random boxes and trigonometric fields e, p; volume integrals of e and "
                                             "e - div p and the surface flux of p by tensor Gauss-Legendre"),
                 notes="The quantitative content of 'thermodynamic invariance': O[dOmega] = -surface flux of p, "
                       "bounded by area * sup|p| when p is bounded, so it is subextensive.")
