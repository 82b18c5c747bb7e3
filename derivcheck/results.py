"""Verdicts as JSON: the machine-readable record of a run (schema ``derivcheck/verdicts/1``).

.. code-block:: text

    {
      "schema": "derivcheck/verdicts/1",
      "derivcheck": "0.1.0",            # version that wrote it
      "seed": 20240410, "samples": null, # run settings (null: each claim's default)
      "summary": {"<paper>": {"PROVED": n, "CONFIRMED": n, "REFUTED": n, "INCONCLUSIVE": n, "NOT ENCODED": n}},
      "claims": [
        {"id": "T-A-47/51",             # claim ID: the spec ID, or spec ID + "/" + suffix for one of its relations
         "spec_id": "T-A-47", "paper": "tangney2024", "location": "Sec. X.B, Eq. 51",
         "title": "...", "name": "...", "headline": true,
         "statement": "<LaTeX as printed>", "encoded": "<LaTeX typeset from the SymPy relation>",
         "assumptions": ["..."], "corrects": null, "corrected_by": [],
         "verdict": "PROVED",           # PROVED | CONFIRMED | REFUTED | INCONCLUSIVE | NOT ENCODED | ERROR
         "reason": "...",
         "evidence": {"symbolic": {...}, "sampling": {...}, "numeric": {...}, "dimensions": {...}}}
      ]
    }

Each evidence layer has ``outcome`` (holds, fails, grey, unknown, timeout, error, absent) and, where they apply,
``method``, ``detail``, ``residual`` (simplified symbolic residual), ``instances``, ``worst_residual``,
``worst_ratio`` (worst residual / allowed), ``tolerance``, ``seed`` and ``counterexample``. Wall times appear only
with ``--timings`` (as ``seconds``), so that the same seed gives byte-identical JSON.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from .claims import PAPERS
from .registry import Catalogue, Entry
from .verdicts import Status, Verdict

__all__ = ["SCHEMA", "record", "document", "write", "read", "summary", "summary_markdown", "STATUS_ORDER"]

SCHEMA = "derivcheck/verdicts/1"
STATUS_ORDER = ("PROVED", "CONFIRMED", "REFUTED", "INCONCLUSIVE", "NOT ENCODED", "ERROR")


def record(entry: Entry, verdict: Verdict | None, timings: bool = False) -> dict[str, Any]:
    c = entry.claim
    out = {"id": entry.id, "spec_id": entry.spec_id, "paper": entry.paper, "location": entry.location,
           "title": entry.title, "name": c.name if c else None, "headline": entry.headline,
           "statement": entry.statement, "encoded": c.latex() if c is not None and c.encoded else None,
           "assumptions": list(c.assumptions) if c else [], "notes": c.notes if c else "",
           "corrects": c.corrects if c else None, "corrected_by": []}
    if entry.error:
        out |= {"verdict": "ERROR", "reason": entry.error, "evidence": {}}
    elif verdict is None:
        out |= {"verdict": Status.NOT_ENCODED.value, "reason": "registered from the spec; not yet checked",
                "evidence": {}}
    else:
        out |= {"verdict": verdict.status.value, "reason": verdict.reason, "evidence": verdict.evidence()}
        if timings and verdict.seconds is not None:
            out["seconds"] = round(verdict.seconds, 2)
            out["layer_seconds"] = {k: round(v, 2) for k, v in (verdict.layer_seconds or {}).items()}
    return out


def summary(claims: list[dict]) -> dict[str, dict[str, int]]:
    out: dict[str, Counter] = {}
    for c in claims:
        out.setdefault(c["paper"], Counter())[c["verdict"]] += 1
    return {p: {s: out[p].get(s, 0) for s in STATUS_ORDER if out[p].get(s, 0)} for p in sorted(out)}


def document(catalogue: Catalogue, entries: list[Entry], verdicts: dict[str, Verdict], *, seed: int,
             samples: int | None, timings: bool = False) -> dict[str, Any]:
    from . import __version__
    claims = [record(e, verdicts.get(e.id), timings) for e in entries]
    by_id = {c["id"]: c for c in claims}
    for c in claims:
        if c["corrects"] in by_id:
            by_id[c["corrects"]]["corrected_by"].append(c["id"])
    doc = {"schema": SCHEMA, "derivcheck": __version__, "seed": seed, "samples": samples,
           "summary": summary(claims), "claims": claims}
    if catalogue.module_errors:
        doc["module_errors"] = {k: v.splitlines()[0] for k, v in sorted(catalogue.module_errors.items())}
    return doc


def write(doc: dict, path: str | Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(doc, indent=1, ensure_ascii=False, sort_keys=False) + "\n", encoding="utf-8")
    return path


def read(path: str | Path) -> dict:
    doc = json.loads(Path(path).read_text(encoding="utf-8"))
    if doc.get("schema") != SCHEMA:
        raise ValueError(f"{path} is not a derivcheck verdict file (schema {doc.get('schema')!r}, "
                         f"expected {SCHEMA!r}); write one with `derivcheck check --all --json {path}`")
    return doc


def summary_markdown(doc: dict, headline_only: bool = False) -> str:
    """Per-paper counts as a Markdown table (the README's verdict section is generated with this)."""
    claims = [c for c in doc["claims"] if c["headline"] or not headline_only]
    table = summary(claims)
    cols = [s for s in STATUS_ORDER if any(s in v for v in table.values())]
    lines = ["| paper | " + " | ".join(cols) + " | total |", "|---|" + "---:|" * (len(cols) + 1)]
    for paper in PAPERS:
        if paper in table:
            row = table[paper]
            lines.append(f"| {paper} | " + " | ".join(str(row.get(s, 0)) for s in cols)
                         + f" | {sum(row.values())} |")
    tot = Counter()
    for row in table.values():
        tot.update(row)
    lines.append("| **all** | " + " | ".join(f"**{tot.get(s, 0)}**" for s in cols) + f" | **{sum(tot.values())}** |")
    return "\n".join(lines)
