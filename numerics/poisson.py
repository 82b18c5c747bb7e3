r"""Poisson solvers for the 1-D examples of Sen et al. (2024) and direct Coulomb sums for 3-D bodies.

Overview
    :math:`-\varphi''=\rho` on [0, L] with Dirichlet data at both ends (Example 2.2, eq. 11) or Dirichlet at 0 and
    Neumann at L (Example 2.3, eq. 22), solved two independent ways: by the Green's function of the boundary-value
    problem integrated with composite Gauss-Legendre quadrature (spectrally accurate for the smooth periodic
    densities used here), and by second-order finite differences with Richardson extrapolation (accuracy control:
    error O(h^4) after one extrapolation). 3-D: :math:`\Phi(\mathbf x)=\sum_i q_i/(4\pi|\mathbf x-\mathbf r_i|)`.
Conventions
    :math:`\epsilon_0=1`, so :math:`G(\mathbf x,\mathbf x')=1/(4\pi|\mathbf x-\mathbf x'|)` (spec conventions).
References
    [1] S. Sen, Y. Wang, T. Breitzman, K. Dayal, J. Mech. Phys. Solids (2024), eqs. (4), (11), (22).
"""

from __future__ import annotations

import numpy as np

from numerics.periodic_densities import gauss_legendre

__all__ = ["dirichlet_solution", "mixed_solution", "finite_difference_solution", "coulomb_potential"]


def dirichlet_solution(rho, L: float, phi0: float, phiL: float, x: float, panel: float) -> float:
    r""":math:`\varphi(x)` with :math:`-\varphi''=\rho` on [0, L], :math:`\varphi(0)=\varphi^0`, :math:`\varphi(L)=\varphi^L`.

    Green's function :math:`G(x,s)=s(L-x)/L` for s < x and :math:`x(L-s)/L` for s > x.
    """
    if not 0.0 <= x <= L:
        raise ValueError(f"x={x!r} is outside [0, L={L!r}]; the Dirichlet problem is posed on [0, L]")
    left = gauss_legendre(lambda s: s * (L - x) / L * rho(s), 0.0, x, panel)
    right = gauss_legendre(lambda s: x * (L - s) / L * rho(s), x, L, panel)
    return phi0 * (1 - x / L) + phiL * x / L + left + right


def mixed_solution(rho, L: float, f: float, g: float, x: float, panel: float) -> float:
    r""":math:`\varphi(x)` with :math:`-\varphi''=\rho` on [0, L], :math:`\varphi(0)=f`, :math:`\varphi'(L)=g`.

    Green's function :math:`G(x,s)=\min(x,s)`: :math:`\partial_x^2G=-\delta`, :math:`G(0,s)=0`,
    :math:`\partial_xG(L,s)=0` for s < L.
    """
    if not 0.0 <= x <= L:
        raise ValueError(f"x={x!r} is outside [0, L={L!r}]; the mixed problem is posed on [0, L]")
    left = gauss_legendre(lambda s: s * rho(s), 0.0, x, panel)
    right = gauss_legendre(lambda s: x * rho(s), x, L, panel)
    return f + g * x + left + right


def finite_difference_solution(rho, L: float, left: tuple[str, float], right: tuple[str, float], n: int):
    r"""Second-order finite differences for :math:`-\varphi''=\rho` on a uniform grid of n intervals, with one
    Richardson extrapolation from n and 2n (error O(h^4) for smooth rho).

    ``left``/``right`` are ("D", value) for Dirichlet or ("N", value) for a Neumann value of phi' (right end only).
    Returns (x, phi) on the coarse grid.
    """
    if left[0] != "D":
        raise ValueError(f"left={left!r}: only a Dirichlet condition at x = 0 is supported; use ('D', value)")

    def solve(m):
        x = np.linspace(0.0, L, m + 1)
        h = L / m
        A = np.zeros((m + 1, m + 1))
        b = rho(x) * h * h
        A[0, 0], b[0] = 1.0, left[1]
        for i in range(1, m):
            A[i, i - 1], A[i, i], A[i, i + 1] = -1.0, 2.0, -1.0
        if right[0] == "D":
            A[m, m], b[m] = 1.0, right[1]
        else:  # ghost point: (phi_{m+1} - phi_{m-1}) / 2h = g, and the equation at m
            A[m, m - 1], A[m, m] = -2.0, 2.0
            b[m] = rho(x[m:])[0] * h * h + 2 * h * right[1]
        return x, np.linalg.solve(A, b)

    x1, p1 = solve(n)
    _, p2 = solve(2 * n)
    return x1, (4 * p2[::2] - p1) / 3


def coulomb_potential(positions: np.ndarray, charges: np.ndarray, targets: np.ndarray) -> np.ndarray:
    r"""Direct Coulomb sum :math:`\Phi(\mathbf x)=\sum_iq_i/(4\pi|\mathbf x-\mathbf r_i|)` at each target (T, 3)."""
    out = np.empty(len(targets))
    for t, x in enumerate(np.atleast_2d(targets)):
        r = np.linalg.norm(positions - x[None, :], axis=1)
        if np.min(r) == 0.0:
            raise ValueError(f"target {x} coincides with a charge; evaluate the potential away from the charges")
        out[t] = np.sum(charges / r) / (4 * np.pi)
    return out
