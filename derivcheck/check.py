"""Checking: run each claim's layers (under timeouts, in parallel) and combine them into a verdict.

Each claim runs three tasks in worker processes: symbolic simplification, residual sampling, and the numeric
evaluator. A task that outlives its timeout is killed and counts as TIMEOUT, so a hanging ``simplify`` gives an
INCONCLUSIVE verdict, never a stuck run. Seeds are derived from the run seed and the claim ID, so a claim's verdict
does not depend on which other claims run beside it.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import time
import zlib
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Callable, Iterable

from pebble import ProcessPool

from .claims import Claim
from .numeric import run_numeric
from .symbolic import check_dimensions, sample_residual, simplify_residual
from .verdicts import Layer, LayerResult, Status, Verdict

__all__ = ["check", "check_many", "claim_seed", "combine", "DEFAULT_SEED"]

DEFAULT_SEED = 20240410
SAMPLING_EXAMPLES = 200

_CLAIMS: dict[str, Claim] = {}  # claims of the current run, inherited by forked workers


def claim_seed(seed: int, claim_id: str) -> int:
    return (seed * 1_000_003 + zlib.crc32(claim_id.encode())) % 2**32


def _task(kind: str, key: str, seed: int, samples: int | None, shrink: bool = True) -> tuple[LayerResult, float]:
    """Run one layer of one claim; returns the result and its compute time in seconds."""
    t0 = time.process_time()
    return _layer(kind, key, seed, samples, shrink), time.process_time() - t0


def _layer(kind: str, key: str, seed: int, samples: int | None, shrink: bool) -> LayerResult:
    claim = _CLAIMS[key]
    try:
        if kind == "symbolic":
            return simplify_residual(claim)
        if kind == "sampling":
            if not claim.sample_residual:
                return LayerResult(Layer.ABSENT, "mpmath sampling", "disabled for this claim")
            return sample_residual(claim, seed_value=claim_seed(seed, claim.id + "#sampling"),
                                   examples=SAMPLING_EXAMPLES, shrink=shrink)
        if kind == "numeric":
            return run_numeric(claim, seed_value=claim_seed(seed, claim.id), samples=samples, shrink=shrink)
        if kind == "dimensions":
            return check_dimensions(claim)
    except Exception as exc:  # noqa: BLE001 - a broken claim is evidence, reported, never a crash
        return LayerResult(Layer.ERROR, kind, f"{type(exc).__name__}: {exc}")
    raise ValueError(kind)


def combine(claim_id: str, sym: LayerResult, samp: LayerResult, num: LayerResult, dims: LayerResult,
            seconds: float | None = None) -> Verdict:
    """The verdict rules of the module docstring of :mod:`derivcheck.verdicts`."""
    def v(status, reason):
        return Verdict(claim_id, status, reason, sym, samp, num, dims, seconds)

    if dims.outcome is Layer.FAILS:
        return v(Status.REFUTED, f"dimension mismatch: {dims.detail}")
    failing = [(n, r) for n, r in (("numeric", num), ("sampling", samp)) if r.outcome is Layer.FAILS]
    if sym.outcome is Layer.HOLDS:
        if failing:
            return v(Status.INCONCLUSIVE, f"the layers disagree: the residual simplifies to 0 but the {failing[0][0]} "
                     "layer found a counterexample (a bug in one of them)")
        if num.outcome is Layer.HOLDS or (num.outcome is Layer.ABSENT and samp.outcome in (Layer.HOLDS, Layer.ABSENT)):
            return v(Status.PROVED, "residual simplifies to 0" + (
                "; numeric layer agrees" if num.outcome is Layer.HOLDS else "; no independent numeric evaluator"))
        bad = next((n, r) for n, r in (("numeric", num), ("sampling", samp)) if r.outcome is not Layer.HOLDS
                   and not (n == "numeric" and r.outcome is Layer.ABSENT))
        return v(Status.INCONCLUSIVE, f"symbolic proof, but the {bad[0]} layer gave {bad[1].outcome.value}: "
                 f"{bad[1].detail}")
    if sym.outcome is Layer.FAILS and num.outcome is Layer.HOLDS and not failing:
        return v(Status.INCONCLUSIVE, "the layers disagree: the residual is provably nonzero but every numeric "
                 "instance agrees (a bug in one of them)")
    if failing or sym.outcome is Layer.FAILS:
        where = failing[0][0] if failing else "symbolic"
        return v(Status.REFUTED, f"counterexample from the {where} layer" if failing
                 else f"the residual simplifies to {sym.residual}")
    if num.outcome is Layer.GREY:
        return v(Status.INCONCLUSIVE, f"statistical grey zone: {num.detail}")
    if num.outcome is Layer.HOLDS and samp.outcome is not Layer.GREY:
        return v(Status.CONFIRMED, "no symbolic proof; " + num.detail)
    if num.outcome is Layer.ABSENT and samp.outcome is Layer.HOLDS:
        return v(Status.CONFIRMED, "no symbolic proof; " + samp.detail)
    problems = "; ".join(f"{n}: {r.outcome.value} ({r.detail})" for n, r in
                         (("symbolic", sym), ("sampling", samp), ("numeric", num))
                         if r.outcome in (Layer.TIMEOUT, Layer.ERROR))
    return v(Status.INCONCLUSIVE, problems or "no layer could decide")


def check_many(claims: Iterable[Claim], *, seed: int = DEFAULT_SEED, samples: int | None = None, jobs: int = 1,
               timeout: float = 60.0, on_done: Callable[[Verdict], None] | None = None,
               shrink: bool = True, layers: tuple[str, ...] = ("dimensions", "symbolic", "sampling", "numeric"),
               ) -> list[Verdict]:
    """Check claims in ``jobs`` worker processes; verdicts come back in the order of ``claims``.

    ``shrink=False`` skips shrinking counterexamples (the mutation benchmark needs a kill, not a minimal one);
    a layer left out of ``layers`` counts as ABSENT.
    """
    claims = list(claims)
    _CLAIMS.clear()
    keys = []
    for i, c in enumerate(claims):
        key = f"{i}:{c.id}"
        _CLAIMS[key] = c
        keys.append(key)
    cpu = {k: 0.0 for k in keys}  # compute seconds of each claim's layers (queue time excluded)
    layer_cpu: dict[str, dict[str, float]] = {k: {} for k in keys}
    ctx = multiprocessing.get_context("fork")
    results: dict[str, dict[str, LayerResult]] = {k: {} for k in keys}
    verdicts: dict[str, Verdict] = {}
    with ProcessPool(max_workers=max(1, jobs), context=ctx) as pool:
        futures, fut_timeouts = {}, {}
        for key, c in zip(keys, claims):
            t_sym = c.symbolic_timeout or timeout
            limits = {"dimensions": t_sym, "symbolic": t_sym, "sampling": timeout, "numeric": 4 * timeout}
            for kind in ("dimensions", "symbolic", "sampling", "numeric"):
                if kind in layers:
                    futures[(key, kind)] = pool.schedule(_task, (kind, key, seed, samples, shrink),
                                                         timeout=limits[kind])
                    fut_timeouts[(key, kind)] = limits[kind]
                else:
                    results[key][kind] = LayerResult(Layer.ABSENT, kind, "not run")
        for (key, kind), fut in futures.items():
            try:
                res, seconds = fut.result()
                cpu[key] += seconds
                layer_cpu[key][kind] = seconds
            except FutureTimeout:
                res = LayerResult(Layer.TIMEOUT, kind, f"no answer within the {kind} timeout (--timeout)")
                cpu[key] += fut_timeouts[(key, kind)]
                layer_cpu[key][kind] = fut_timeouts[(key, kind)]
            except Exception as exc:  # noqa: BLE001 - e.g. a worker killed by the OS
                res = LayerResult(Layer.ERROR, kind, f"worker failed: {type(exc).__name__}: {exc}")
            results[key][kind] = res
            if len(results[key]) == 4:
                r = results[key]
                verdict = combine(_CLAIMS[key].id, r["symbolic"], r["sampling"], r["numeric"], r["dimensions"],
                                  cpu[key])
                verdict = dataclasses.replace(verdict, layer_seconds=dict(sorted(layer_cpu[key].items())))
                verdicts[key] = verdict
                if on_done:
                    on_done(verdict)
    return [verdicts[k] for k in keys]


def check(claim: Claim, **kwargs) -> Verdict:
    """Check one claim (in a worker process, under the timeout)."""
    return check_many([claim], **kwargs)[0]
