r"""Adiabatic charge flux from Born effective charges: :math:`J=\frac1\Omega\dot\mu=\frac1\Omega\sum_iz^*_i\cdot v_i`.

Overview
    In an electronic insulator with adiabatic electrons the total dipole is a function of the nuclear positions,
    :math:`\mu(u)`, so its rate is the chain rule with the Born charges :math:`z^*_{i\alpha\beta}=\partial\mu_\alpha/
    \partial u_{i\beta}` (B-10). Symbolic model: a smooth nonlinear dipole function of three atoms along an explicit
    trajectory. Numeric model: point charges with isotropic polarizabilities and self-consistent induced dipoles
    (:class:`numerics.molecular_dynamics.PolarizableIons`), Born charges and the dipole rate by finite differences.
Key claims
    B-10 (x component).
References
    [1] S. Baroni, slides "ionic transport", ll. 573-620.
"""

from __future__ import annotations

import numpy as np
import sympy as sp
from hypothesis import strategies as st

from derivcheck import Claim, NumericCheck, Observation, Tolerance, register, spec_entry
from numerics.molecular_dynamics import polarizable_ion_sets

__all__ = ["charge_flux_from_born_charges"]

N_IONS = 3
_AX = "xyz"
Omega = sp.Symbol("Omega", positive=True)
mudot = sp.Symbol("mudot_x", real=True)
z = [[sp.Symbol(f"z_{i}x{b}", real=True) for b in _AX] for i in range(N_IONS)]
vel = [[sp.Symbol(f"v_{i}{b}", real=True) for b in _AX] for i in range(N_IONS)]
t = sp.Symbol("t", real=True)
a0 = [[sp.Symbol(f"a_{i}{b}", real=True) for b in _AX] for i in range(N_IONS)]
a1 = [[sp.Symbol(f"b_{i}{b}", real=True) for b in _AX] for i in range(N_IONS)]
qs = sp.symbols("q_0:3", real=True)
kap = sp.Symbol("kappa", real=True)


def _mu_x(u):
    """A smooth nonlinear dipole: fixed charges plus a pair-dependent induced part."""
    d01 = sum((u[0][b] - u[1][b]) ** 2 for b in range(3))
    d12 = sum((u[1][b] - u[2][b]) ** 2 for b in range(3))
    return sum(qs[i] * u[i][0] for i in range(N_IONS)) + kap * (u[0][0] - u[1][0]) * sp.exp(-d01) \
        + kap * u[2][1] * u[1][0] / (1 + d12)


def _model():
    traj = [[a0[i][b] + a1[i][b] * sp.sin(t) + t**2 * (i + b + 1) / 7 for b in range(3)] for i in range(N_IONS)]
    U = [[sp.Symbol(f"U_{i}{b}", real=True) for b in range(3)] for i in range(N_IONS)]
    sub = {U[i][b]: traj[i][b] for i in range(N_IONS) for b in range(3)}
    defs = {mudot: sp.diff(_mu_x(traj), t)}
    defs |= {z[i][b]: sp.diff(_mu_x(U), U[i][b]).subs(sub) for i in range(N_IONS) for b in range(3)}
    defs |= {vel[i][b]: sp.diff(traj[i][b], t) for i in range(N_IONS) for b in range(3)}
    return defs


def _observe(inst) -> Observation:
    ions, tt, Om = inst
    h = 1e-3
    # dipole rate: 5-point stencil in time, O(h^4)
    mu = [ions.dipole(ions.positions(tt + k * h))[0] for k in (-2, -1, 1, 2)]
    md = (mu[0] - 8 * mu[1] + 8 * mu[2] - mu[3]) / (12 * h)
    u = ions.positions(tt)
    vals = {"mudot_x": md, "Omega": Om}
    for i in range(N_IONS):
        for b in range(3):
            def shifted(dd):
                uu = u.copy()
                uu[i, b] += dd
                return ions.dipole(uu)[0]
            zz = (shifted(-2 * h) - 8 * shifted(-h) + 8 * shifted(h) - shifted(2 * h)) / (12 * h)  # O(h^4)
            vals[f"z_{i}x{_AX[b]}"] = zz
            vals[f"v_{i}{_AX[b]}"] = ions.velocities(tt)[i, b]
    return Observation(vals, scale=float(abs(md) + 1) / Om)


@register("B-10")
def charge_flux_from_born_charges() -> Claim:
    r"""B-10: :math:`J=\frac1\Omega\dot\mu=\frac1\Omega\sum_iz^*_i\cdot v_i` (x component)."""
    spec = spec_entry("B-10")
    rhs = sum(z[i][b] * vel[i][b] for i in range(N_IONS) for b in range(3)) / Omega
    return Claim(id="B-10", name="adiabatic_charge_flux_equals_born_charges_times_velocities", paper="baroni",
                 location=spec["location"], statement=spec["statement"], title=spec["title"], headline=True,
                 lhs=mudot / Omega, rhs=rhs, definitions=_model(), symbolic_timeout=60,
                 numeric=NumericCheck(
                     instances=lambda: st.tuples(polarizable_ion_sets(n_ions=N_IONS), st.floats(-3.0, 3.0),
                                                 st.floats(0.1, 100.0)),
                     observe=_observe, samples=25,
                     tolerance=Tolerance(rel=1e-7, reason="5-point finite differences with h = 1e-3 in time and in "
                                                          "positions: O(h^4) ~ 1e-12 times fifth derivatives of the "
                                                          "dipole (ions >= 1.1 apart), plus round-off 1e-16/h"),
                     method="three point charges with isotropic polarizabilities and self-consistent induced dipoles "
                            "moving on smooth trajectories; mu-dot and the Born charges dmu_x/du_ib by 5-point "
                            "finite differences"),
                 assumptions=("electronic insulator", "adiabatic electrons: mu = mu(u)", "v_i = du_i/dt"),
                 notes="x component of the vector relation; the sympy model is a smooth nonlinear mu(u) of three "
                       "atoms on an explicit trajectory.")
