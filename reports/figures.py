r"""Figures of the referee reports: verdict counts, residual histograms, and physics from the numeric kernels.

Overview
    Every figure is drawn with matplotlib's Agg backend and written as PDF (for LaTeX) and PNG (for a quick look)
    next to the report. The residual histogram uses the numeric layer's own record
    (``evidence.numeric.extra.histogram``: counts of :math:`\log_{10}(\text{residual}/\text{allowed})` in unit bins
    from -16); the physics figures recompute their curves with the project's numeric kernels, so they show what the
    checks measured, not a retyped formula. A physics figure whose module is missing or fails is dropped with a
    note, never with an exception.
Key functions
    :func:`verdict_bars`, :func:`residual_histogram`, :func:`physics_figures`.
References
    [1] P. Tangney, "Electricity at the macroscale and its microscopic origins" (2024), Sec. X.B, Eqs. 49-51.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

os.environ.setdefault("MPLBACKEND", "Agg")

__all__ = ["Figure", "verdict_bars", "residual_histogram", "physics_figures", "PHYSICS_FIGURES", "VERDICT_COLOURS"]

VERDICT_COLOURS = {"PROVED": "#0d7326", "CONFIRMED": "#1a6699", "REFUTED": "#bf0d0d", "INCONCLUSIVE": "#cc7300",
                   "NOT ENCODED": "#8c8c8c", "ERROR": "#8c008c"}
_ORDER = ("PROVED", "CONFIRMED", "REFUTED", "INCONCLUSIVE", "NOT ENCODED", "ERROR")


@dataclass(frozen=True)
class Figure:
    """A figure written to disk: ``stem`` (file name without extension, next to the .tex) and its caption.

    ``caption`` is plain text with optional ``$...$`` math; the report converts it to LaTeX.
    """

    stem: str
    caption: str
    width: float = 0.8


def _plt():
    import matplotlib
    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt
    plt.rcParams.update({"font.size": 9, "axes.titlesize": 10, "legend.fontsize": 8, "figure.dpi": 100,
                         "savefig.dpi": 150, "pdf.fonttype": 42, "svg.hashsalt": "derivcheck"})
    return plt


def _save(fig, out: Path, stem: str) -> None:
    out.mkdir(parents=True, exist_ok=True)
    fig.savefig(out / f"{stem}.pdf", bbox_inches="tight", metadata={"CreationDate": None, "ModDate": None,
                                                                    "Creator": "derivcheck", "Producer": None})
    fig.savefig(out / f"{stem}.png", bbox_inches="tight", metadata={"Software": "derivcheck"})
    import matplotlib.pyplot as plt
    plt.close(fig)


def verdict_bars(summary: dict[str, dict[str, int]], out: Path, stem: str) -> Figure:
    """Horizontal stacked bars: claims per verdict, one bar per paper (and the papers' total when several)."""
    plt = _plt()
    papers = list(summary)
    rows = papers + (["all papers"] if len(papers) > 1 else [])
    totals = {s: sum(summary[p].get(s, 0) for p in papers) for s in _ORDER}
    fig, ax = plt.subplots(figsize=(6.4, 0.9 + 0.45 * len(rows)))
    left = [0] * len(rows)
    for status in _ORDER:
        vals = [summary[p].get(status, 0) for p in papers] + ([totals[status]] if len(papers) > 1 else [])
        if not any(vals):
            continue
        ax.barh(range(len(rows)), vals, left=left, color=VERDICT_COLOURS[status], label=status.lower(),
                edgecolor="white", linewidth=0.5)
        for k, v in enumerate(vals):
            if v:
                ax.text(left[k] + v / 2, k, str(v), ha="center", va="center", color="white", fontsize=7)
        left = [a + b for a, b in zip(left, vals)]
    ax.set_yticks(range(len(rows)), rows)
    ax.invert_yaxis()
    ax.set_xlabel("claims [count]")
    ax.set_title("Verdicts per paper")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.45 if len(rows) < 3 else -0.18), ncol=6, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    _save(fig, out, stem)
    return Figure(stem, "Number of claims of each verdict. Proved: the SymPy residual vanishes identically and the "
                        "numeric layer agrees; confirmed: numeric agreement only; refuted: a counterexample; "
                        "not encoded: registered from the spec, not yet checked.", 0.75)


def residual_histogram(claims: list[dict], out: Path, stem: str) -> Figure | None:
    r"""Instances per bin of :math:`\log_{10}(|\text{residual}|/\text{allowed})`, stacked by the claim's verdict.

    Bins are the engine's: unit bins from -16, the lowest holding exact zeros and everything below, the last
    (``>= 1``) everything beyond ten times the tolerance. Returns None when no claim has a numeric histogram.
    """
    import numpy as np
    stacks: dict[str, np.ndarray] = {}
    start = -16
    n_claims = 0
    for c in claims:
        hist = (((c.get("evidence") or {}).get("numeric") or {}).get("extra") or {}).get("histogram")
        if not hist:
            continue
        counts = np.asarray(hist["counts"], dtype=float)
        start = hist.get("log10_ratio_from", -16)
        key = c["verdict"]
        stacks[key] = stacks.get(key, np.zeros_like(counts)) + counts
        n_claims += 1
    if not stacks:
        return None
    plt = _plt()
    fig, ax = plt.subplots(figsize=(6.4, 3.2))
    n_bins = len(next(iter(stacks.values())))
    edges = start + np.arange(n_bins)
    bottom = np.zeros(n_bins)
    for status in _ORDER:
        if status in stacks:
            ax.bar(edges + 0.5, stacks[status], width=0.9, bottom=bottom, color=VERDICT_COLOURS[status],
                   label=f"claims {status.lower()}")
            bottom += stacks[status]
    ax.axvline(0, color="black", linestyle="--", linewidth=1, label="tolerance (residual = allowed)")
    ax.set_xlabel(r"$\log_{10}(|\mathrm{lhs}-\mathrm{rhs}|\,/\,\mathrm{allowed})$  [dimensionless]")
    ax.set_ylabel("random instances [count]")
    ax.set_title(f"Numeric residuals relative to tolerance ({n_claims} claims, {int(bottom.sum())} instances)")
    ticks = list(range(start, start + n_bins + 1, 2))
    ax.set_xticks(ticks, [("$\\leq$" if t == start else "") + str(t) for t in ticks])
    ax.legend(frameon=False, loc="upper left")
    ax.spines[["top", "right"]].set_visible(False)
    _save(fig, out, stem)
    return Figure(stem, "Numeric layer: every random instance drawn for every checked claim, binned by the "
                        "logarithm of its residual over the allowed tolerance (bins of one decade; the leftmost bin "
                        "also holds exact zeros). Instances left of the dashed line pass; a refuted claim shows its "
                        "counterexample to the right.", 0.85)


# --- physics figures ----------------------------------------------------------------------------------------------
def finnis_cut_figure(out: Path, stem: str) -> Figure:
    r"""Tangney Eq. 51 on a reference crystal: :math:`S_0(x_b)`, the cell term and their sum against the cut.

    Reference crystal (generator G1 of the spec, fixed, not drawn): period a = 1, three Gaussian-smeared planes of
    charge (+1 at 0.10a, -1.6 at 0.45a, +0.6 at 0.80a; width 0.04a), termination b = 0.3a, one adsorbed charge
    -0.4 at 0.3a outside the surface. S0 comes in closed form from :meth:`CrystalSlab.S0`; the cell moment
    :math:`\int_0^a\rho(x_b+u)u\,du` by :func:`gauss_legendre`; the mesoscale value by :func:`mesoscale_sigma`.
    """
    import numpy as np

    from numerics.crystals import CrystalSlab, gauss_legendre, mesoscale_sigma
    slab = CrystalSlab(a=1.0, tau=(0.10, 0.45, 0.80), q=(1.0, -1.6, 0.6), width=0.04, n_cells=40, b=0.3,
                       ads_x=(-0.3,), ads_q=(-0.4,))
    lo = slab.x_L + 15 * slab.a
    xb = lo + np.linspace(0.0, 3.0, 241) * slab.a                                  # three periods of cuts
    s0 = slab.S0(xb)                                                             # [1] Eq. 48, sigma_s(x_b)
    moment = np.array([gauss_legendre(lambda u: slab.rho(x + u) * u, 0.0, slab.a, panel=slab.width) for x in xb])
    cell = -moment / slab.a                                                      # [1] Eq. 51, sigma_b(x_b)
    total = s0 + cell
    meso = mesoscale_sigma(slab, lo + 1.5 * slab.a, 2 * slab.a)                  # [1] Eq. 49
    plt = _plt()
    fig, ax = plt.subplots(figsize=(6.4, 3.4))
    u = (xb - lo) / slab.a
    ax.plot(u, s0, color="#1a6699", label=r"$\sigma_s(x_b)=S_0(x_b)$, charge left of the cut")
    ax.plot(u, cell, color="#cc7300", label=r"$\sigma_b(x_b)=-\frac{1}{a}\int_0^a\rho(x_b+u)\,u\,du$")
    ax.plot(u, total, color="black", linewidth=2, label=r"sum, Eq. 51: $\sigma_s+\sigma_b$")
    ax.axhline(meso, color="#bf0d0d", linestyle=":", linewidth=1.5, label=r"$\sigma$ by the mesoscale average, Eq. 49")
    ax.set_xlabel(r"cut position $(x_b - x_0)/a$  [lattice periods]")
    ax.set_ylabel(r"charge per area  [$e/A$]")
    ax.set_title("Finnis surface charge does not depend on the bulk cut")
    ax.legend(frameon=False, fontsize=7, loc="center left", bbox_to_anchor=(1.0, 0.5))
    ax.spines[["top", "right"]].set_visible(False)
    _save(fig, out, stem)
    spread = float(np.ptp(total))
    return Figure(stem, "Tangney (2024), Eq. 51 on a reference crystal (period $a$, three smeared planes of charge, "
                        "termination $0.3a$, one adsorbed charge; $A$ is the area per surface cell): the charge "
                        "left of the cut and the cell term each swing with the cut $x_b$ over three periods "
                        f"($x_0$ a bulk point), while their sum is flat (peak-to-peak {spread:.1e} $e/A$) and equals "
                        f"the mesoscale average of Eq. 49 ({meso:.6f} $e/A$). Computed with numerics/crystals.py.",
                  0.95)


# paper -> [(name, builder(out, stem) -> Figure)]: a builder may import numeric modules that are still being
# written; an ImportError or any failure drops only that figure (with a note in the report).
PHYSICS_FIGURES: dict[str, list[tuple[str, Callable[[Path, str], Figure]]]] = {
    "tangney2024": [("finnis-cut", finnis_cut_figure)],
}


def physics_figures(paper: str, out: Path) -> tuple[list[Figure], list[str]]:
    """Build the physics figures of ``paper``; returns (figures, notes on figures that could not be drawn)."""
    figs, notes = [], []
    for name, build in PHYSICS_FIGURES.get(paper, []):
        try:
            figs.append(build(out, f"{paper}-{name}"))
        except ImportError as exc:
            notes.append(f"figure {paper}-{name} not drawn: its numeric module is not available ({exc})")
        except Exception as exc:  # noqa: BLE001 - a figure must never stop a report
            notes.append(f"figure {paper}-{name} not drawn: {type(exc).__name__}: {exc}")
    return figs, notes
