"""The search loop both layers share: draw instances with Hypothesis, steer towards large residuals, shrink.

:func:`hunt` runs ``evaluate`` on instances drawn from ``strategy`` under a fixed seed (so the same seed gives the
same instances, verdicts and JSON), steers with :func:`hypothesis.target` towards the largest residual relative to
its tolerance, and when an instance fails lets Hypothesis shrink it to a small counterexample.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Any, Callable

from hypothesis import HealthCheck, Phase, Verbosity, given, seed, settings, target
from hypothesis.errors import HypothesisException

__all__ = ["Point", "Reject", "HuntResult", "hunt"]


class Reject(Exception):
    """Raised by an evaluator for an instance outside the claim's domain (e.g. a pole): it is not counted."""


@dataclass(frozen=True)
class Point:
    """One evaluated instance: ``residual`` against ``allowed``; beyond ``refute_at`` it is a counterexample."""

    residual: float
    allowed: float
    refute_at: float | None = None   # > allowed for statistical comparisons: between the two is a grey zone
    detail: dict | None = None

    @property
    def ratio(self) -> float:
        if self.allowed > 0:
            return self.residual / self.allowed
        return 0.0 if self.residual == 0 else float("inf")

    @property
    def fails(self) -> bool:
        return self.residual > (self.refute_at if self.refute_at is not None else self.allowed)

    @property
    def grey(self) -> bool:
        return not self.fails and self.residual > self.allowed


class _Counterexample(Exception):
    def __init__(self, instance, point):
        super().__init__("counterexample")
        self.instance, self.point = instance, point


@dataclass
class HuntResult:
    evaluated: int = 0
    rejected: int = 0
    grey: int = 0
    worst: Point | None = None
    worst_instance: Any = None
    counterexample: Any = None
    counter_point: Point | None = None
    error: str | None = None
    ratios: list = None  # residual / allowed of every evaluated instance, in order

    def histogram(self) -> dict:
        """Counts of log10(residual / allowed) in unit bins from -16 to 2 (clipped): for residual plots."""
        import math
        counts = [0] * 18
        for r in self.ratios or ():
            k = -16 if r <= 0 else (int(math.floor(math.log10(r))) if math.isfinite(r) else 1)
            counts[min(max(k, -16), 1) + 16] += 1
        return {"log10_ratio_from": -16, "counts": counts}


def hunt(strategy, evaluate: Callable[[Any], Point], *, seed_value: int, examples: int,
         shrink: bool = True, steer: bool = True) -> HuntResult:
    """Evaluate ``examples`` instances of ``strategy``; stop at the first counterexample and (by default) shrink it.

    ``steer=False`` leaves out Hypothesis's targeting phase. A statistical tolerance (z standard errors) is
    calibrated only for instances drawn independently of their outcome: hill-climbing on the z-score over
    correlated instances (one random field at neighbouring widths, say) finds 4-5 sigma excursions of a true
    approximate relation, a multiple-comparison effect, not evidence against it."""
    out = HuntResult(ratios=[])

    @settings(max_examples=examples, database=None, deadline=None, derandomize=False, print_blob=False,
              suppress_health_check=list(HealthCheck), verbosity=Verbosity.quiet,
              phases=(Phase.generate,) + ((Phase.target,) if steer else ()) + ((Phase.shrink,) if shrink else ()),
              report_multiple_bugs=False)
    @seed(seed_value)
    @given(strategy)
    def probe(instance):
        try:
            point = evaluate(instance)
        except Reject:
            out.rejected += 1
            return
        out.evaluated += 1
        ratio = point.ratio
        out.ratios.append(ratio)
        if ratio == ratio and ratio != float("inf"):
            target(min(ratio, 1e300), label="residual / tolerance")
        if point.grey:
            out.grey += 1
        if out.worst is None or not (ratio <= out.worst.ratio):
            out.worst, out.worst_instance = point, instance
        if point.fails or ratio != ratio:
            raise _Counterexample(instance, point)

    try:
        with warnings.catch_warnings():   # the instance's repr is ours to write (counterexample); no size warning
            warnings.filterwarnings("ignore", message="Generating overly large repr")
            probe()
    except _Counterexample as ce:  # Hypothesis re-raises the shrunk failure last
        out.counterexample, out.counter_point = ce.instance, ce.point
    except HypothesisException as exc:
        out.error = f"{type(exc).__name__}: {exc}"
    except Exception as exc:  # noqa: BLE001 - an evaluator bug becomes evidence, not a crash
        out.error = f"{type(exc).__name__}: {exc}"
    return out
