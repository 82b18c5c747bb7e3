"""Referee reports (placeholder until the reports issue fills it in): one minimal .tex per paper."""

from __future__ import annotations

from pathlib import Path

__all__ = ["write_reports"]


def write_reports(doc: dict, out: Path, paper: str | None = None, pdf: bool = False, command: str = "") -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    papers = sorted({c["paper"] for c in doc["claims"]} if paper is None else {paper})
    written = []
    for p in papers:
        rows = [c for c in doc["claims"] if c["paper"] == p]
        body = "\n".join(rf"\item \texttt{{{c['id']}}}: {c['verdict']}" for c in rows)
        path = out / f"{p}.tex"
        path.write_text("\\documentclass{article}\n\\begin{document}\n\\begin{itemize}\n" + body +
                        "\n\\end{itemize}\n\\end{document}\n", encoding="utf-8")
        written.append(path)
    return written
