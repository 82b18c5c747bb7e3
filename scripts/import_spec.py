"""Register every claim of ``../shared/spec/*.md`` in ``derivcheck/catalogue.json``.

Run once when a spec changes: ``python scripts/import_spec.py ../shared/spec``. The catalogue keeps, per spec ID,
the paper key, title, location and the statement as printed, and whether the spec lists the ID among the paper's
headline identities. ``derivcheck list`` shows every entry; entries with no encoded claim are "not yet checked".
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

PAPERS = {  # spec file stem -> paper key (shared/README.md)
    "baroni": "baroni",
    "cho": "cho",
    "sen2024": "sen2024",
    "tangney2024_part1": "tangney2024",
    "tangney2024_part2": "tangney2024",
    "tantardini2025": "tantardini2025",
}
ID = r"(?:[A-Z]{1,2}-[A-Z]-\d+[a-z]?|[A-Z]{1,2}-\d+[a-z]?)"
HEADER = re.compile(rf"^#{{2,4}} ({ID})\s*(?:—|:|·)\s*(.*)$")
FIELD = re.compile(r"^\W*\*\*(Title|Location|Statement[^*]*?|Assumptions)[.:]?\*\*[.:]?\s*(.*)$")


def _headline_ids(section: str) -> set[str]:
    """IDs named in a spec's headline section; expands 'T-B-01, 02, 03' and 'LG-03 … LG-10'."""
    ids: set[str] = set()
    for a, b in re.findall(rf"({ID})\s*(?:…|\.\.\.|–)\s*({ID})", section):
        pre = a.rsplit("-", 1)[0]
        lo, hi = int(re.sub(r"\D", "", a.rsplit("-", 1)[1])), int(re.sub(r"\D", "", b.rsplit("-", 1)[1]))
        width = len(re.sub(r"\D", "", a.rsplit("-", 1)[1]))
        ids |= {f"{pre}-{k:0{width}d}" for k in range(lo, hi + 1)}
    for m in re.finditer(rf"({ID})((?:,\s*\d+[a-z]?\b(?!\.))*)", section):
        ids.add(m.group(1))
        pre = m.group(1).rsplit("-", 1)[0]
        ids |= {f"{pre}-{n}" for n in re.findall(r"\d+[a-z]?", m.group(2))}
    return ids


def parse(path: Path) -> list[dict]:
    text = path.read_text(encoding="utf-8")
    head = re.search(r"^## Headline.*?(?=^## )", text, re.S | re.M)
    headline = _headline_ids(head.group(0)) if head else set()
    entries: list[dict] = []
    current: dict | None = None
    field = None
    for line in text.splitlines():
        m = HEADER.match(line)
        if m:
            current = {"id": m.group(1), "paper": PAPERS[path.stem], "spec": path.name,
                       "header": m.group(2).strip(), "title": "", "location": "", "statement": ""}
            entries.append(current)
            field = None
            continue
        if current is None:
            continue
        if re.match(r"^#{1,4} ", line) or line.startswith("-----"):
            field = None
            continue
        f = FIELD.match(line)
        if f:
            name = f.group(1).split()[0].lower()
            field = name if name in ("title", "location", "statement") else None
            if field:
                current[field] = (current[field] + " " + f.group(2)).strip()
            continue
        if field == "statement":
            current["statement"] += "\n" + line
        elif field in ("title", "location") and line.strip() and not line.lstrip().startswith(("*", "-")):
            current[field] += " " + line.strip()
        elif field in ("title", "location"):
            field = None
    for e in entries:
        if not e["title"]:  # formats "## B-01: Title" and "### S-02 — Title" carry the title in the header
            e["title"] = e["header"]
        elif not e["location"]:  # formats "#### T-A-08 — Sec. IV.A" / "#### LG-01 · Sec. II" carry the location
            e["location"] = e["header"]
        del e["header"]
        e["statement"] = e["statement"].strip()
        e["headline"] = e["id"] in headline
    return entries


def main(spec_dir: str) -> None:
    out = []
    for path in sorted(Path(spec_dir).glob("*.md")):
        if path.stem in PAPERS:
            out += parse(path)
    ids = [e["id"] for e in out]
    dupes = {i for i in ids if ids.count(i) > 1}
    if dupes:
        raise SystemExit(f"duplicate spec IDs {sorted(dupes)}: each ID must be registered once")
    target = Path(__file__).resolve().parents[1] / "derivcheck" / "catalogue.json"
    target.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(out)} claims ({sum(e['headline'] for e in out)} headline) -> {target}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(Path(__file__).resolve().parents[2] / "shared" / "spec"))
