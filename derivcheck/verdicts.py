"""Verdicts and their evidence: PROVED | CONFIRMED | REFUTED | INCONCLUSIVE.

* PROVED: the symbolic residual simplifies to zero under the declared assumptions, and the numeric layer agrees.
* CONFIRMED: no symbolic proof, but agreement on many adversarially drawn instances.
* REFUTED: a counterexample (shrunk to a small instance), or a dimension mismatch.
* INCONCLUSIVE: a timeout, a statistical grey zone, an evaluator error, or the two layers disagreeing.
"""

from __future__ import annotations

import enum
from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = ["Status", "Layer", "LayerResult", "Verdict"]


class Status(enum.Enum):
    PROVED = "PROVED"
    CONFIRMED = "CONFIRMED"
    REFUTED = "REFUTED"
    INCONCLUSIVE = "INCONCLUSIVE"
    NOT_ENCODED = "NOT ENCODED"  # registered from the spec, no checker yet: listed as "not yet checked"


class Layer(enum.Enum):
    """Outcome of one layer of checking."""

    HOLDS = "holds"          # symbolic: residual == 0; numeric: every instance within tolerance
    FAILS = "fails"          # a counterexample, a nonzero residual, or a dimension mismatch
    GREY = "grey"            # statistical grey zone
    UNKNOWN = "unknown"      # could not simplify to zero and found no counterexample
    TIMEOUT = "timeout"
    ERROR = "error"          # the check itself raised: a bug in the evaluator or the claim
    ABSENT = "absent"        # this layer has no check for the claim


@dataclass(frozen=True)
class LayerResult:
    """What one layer found. Everything in it is JSON-ready (strings, numbers, dicts, lists)."""

    outcome: Layer
    method: str = ""
    detail: str = ""
    residual: str | None = None           # simplified symbolic residual, as text
    instances: int = 0
    worst_residual: float | None = None   # |lhs - rhs| of the worst instance
    worst_ratio: float | None = None      # worst residual / allowed: > 1 means out of tolerance
    tolerance: str | None = None
    seed: int | None = None
    counterexample: dict[str, Any] | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["outcome"] = self.outcome.value
        return {k: v for k, v in d.items() if v not in (None, "", {}, [])}


@dataclass(frozen=True)
class Verdict:
    """A claim's verdict with its evidence from each layer."""

    claim_id: str
    status: Status
    reason: str
    symbolic: LayerResult | None = None
    sampling: LayerResult | None = None
    numeric: LayerResult | None = None
    dimensions: LayerResult | None = None
    seconds: float | None = None   # compute time of its layers; kept out of the JSON unless asked (reproducibility)
    layer_seconds: dict[str, float] | None = None   # the same, per layer

    def evidence(self) -> dict[str, Any]:
        out = {}
        for name in ("symbolic", "sampling", "numeric", "dimensions"):
            layer = getattr(self, name)
            if layer is not None:
                out[name] = layer.to_json()
        return out
