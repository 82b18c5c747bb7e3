"""The catalogue: every claim of every spec, encoded or registered only.

``derivations/`` modules register claim factories with :func:`register`; :func:`load` imports each module, calls
each factory, and merges the result with ``catalogue.json`` (written from ``shared/spec`` by
``scripts/import_spec.py``), so that every spec ID appears, checked or "not yet checked". A module that fails to
import, or a factory that raises, is recorded against its claims and never stops the others.
"""

from __future__ import annotations

import difflib
import importlib
import json
import pkgutil
import traceback
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable

from .claims import PAPERS, Claim
from .errors import UnknownClaim, UnknownPaper

__all__ = ["register", "load", "build", "Catalogue", "Entry", "spec_entry", "spec_statement"]

_FACTORIES: dict[str, tuple[str, Callable[[], Claim]]] = {}
_DUPLICATES: dict[str, str] = {}


def register(claim_id: str):
    """Decorator: register a factory ``() -> Claim`` under its claim ID (a spec ID, or ``ID/suffix``)."""

    def deco(factory: Callable[[], Claim]):
        where = f"{factory.__module__}.{factory.__qualname__}"
        if claim_id in _FACTORIES and _FACTORIES[claim_id][0] != where:
            _DUPLICATES[claim_id] = f"registered twice: {_FACTORIES[claim_id][0]} and {where}"
        _FACTORIES[claim_id] = (where, factory)
        return factory

    return deco


@lru_cache(maxsize=None)
def _spec() -> dict[str, dict]:
    path = Path(__file__).with_name("catalogue.json")
    return {e["id"]: e for e in json.loads(path.read_text(encoding="utf-8"))}


def spec_entry(spec_id: str) -> dict:
    """The spec record (title, location, statement as printed, headline flag) of a spec ID."""
    try:
        return _spec()[spec_id]
    except KeyError:
        raise UnknownClaim(_unknown(spec_id, list(_spec()))) from None


def spec_statement(spec_id: str) -> str:
    """The statement of ``spec_id`` exactly as the spec prints it (LaTeX)."""
    return spec_entry(spec_id)["statement"]


def _unknown(key: str, known: list[str], what: str = "claim") -> str:
    close = difflib.get_close_matches(key, known, n=3, cutoff=0.6)
    hint = f"; closest: {', '.join(close)}" if close else ""
    return f"no {what} {key!r}{hint} (see `derivcheck list`)"


@dataclass
class Entry:
    """One row of the catalogue: a claim (or a placeholder for an unencoded spec ID) and any load error."""

    id: str
    spec_id: str
    paper: str
    title: str
    location: str
    statement: str
    headline: bool
    claim: Claim | None = None
    error: str | None = None

    @property
    def encoded(self) -> bool:
        return self.claim is not None and self.claim.encoded


@dataclass
class Catalogue:
    entries: dict[str, Entry] = field(default_factory=dict)
    module_errors: dict[str, str] = field(default_factory=dict)

    def select(self, ids=(), paper: str | None = None, headline: bool = False) -> list[Entry]:
        if paper is not None and paper not in PAPERS:
            raise UnknownPaper(_unknown(paper, list(PAPERS), "paper"))
        out = []
        for i in ids:
            if i in self.entries:
                out.append(self.entries[i])
            else:
                subs = [e for e in self.entries.values() if e.spec_id == i]
                if not subs:
                    raise UnknownClaim(_unknown(i, list(self.entries)))
                out += subs
        if not ids:
            out = list(self.entries.values())
        return [e for e in out if (paper is None or e.paper == paper) and (not headline or e.headline)]


def _sort_key(claim_id: str):
    import re
    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", claim_id)]


def _import_all(package: str) -> dict[str, str]:
    """Import every module of ``package`` (registering its factories); returns the modules that failed, with why."""
    errors = {}
    pkg = importlib.import_module(package)
    for info in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda m: m.name):
        try:
            importlib.import_module(f"{package}.{info.name}")
        except Exception as exc:  # noqa: BLE001 - one broken module must not hide the others
            errors[info.name] = f"{type(exc).__name__}: {exc}\n{traceback.format_exc(limit=3)}"
    return errors


def build(ids, package: str = "derivations") -> list[Claim]:
    """The claims with these exact IDs, built from their factories alone (not the whole catalogue, which
    :func:`load` builds); an unknown ID raises :class:`UnknownClaim`."""
    _import_all(package)
    missing = [i for i in ids if i not in _FACTORIES]
    if missing:
        raise UnknownClaim(_unknown(missing[0], list(_FACTORIES)))
    return [_FACTORIES[i][1]() for i in ids]


def load(package: str = "derivations") -> Catalogue:
    """Import every module of ``package``, build every registered claim, and merge with the spec catalogue."""
    cat = Catalogue()
    cat.module_errors.update(_import_all(package))
    spec = _spec()
    for claim_id, (where, factory) in _FACTORIES.items():
        spec_id = claim_id.split("/")[0]
        rec = spec.get(spec_id, {})
        try:
            claim = factory()
            if claim.id != claim_id:
                raise ValueError(f"factory {where} registered as {claim_id!r} but builds claim {claim.id!r}")
            error = _DUPLICATES.get(claim_id)
        except Exception as exc:  # noqa: BLE001
            claim, error = None, f"{type(exc).__name__}: {exc}"
        cat.entries[claim_id] = Entry(
            id=claim_id, spec_id=spec_id, paper=claim.paper if claim else rec.get("paper", "?"),
            title=(claim.title if claim and claim.title else rec.get("title", "")),
            location=claim.location if claim else rec.get("location", ""),
            statement=claim.statement if claim else rec.get("statement", ""),
            headline=rec.get("headline", False) or bool(claim and claim.headline), claim=claim, error=error)
    covered = {e.spec_id for e in cat.entries.values()}
    for spec_id, rec in spec.items():
        if spec_id not in covered:
            cat.entries[spec_id] = Entry(id=spec_id, spec_id=spec_id, paper=rec["paper"], title=rec["title"],
                                         location=rec["location"], statement=rec["statement"],
                                         headline=rec["headline"])
    cat.entries = dict(sorted(cat.entries.items(), key=lambda kv: (kv[1].paper, _sort_key(kv[0]))))
    return cat
