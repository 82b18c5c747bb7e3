r"""Referee reports: verdicts (schema ``derivcheck/verdicts/1``) -> LaTeX, PDF, figures and a JSON summary.

Overview
    :func:`write_reports` writes, into one folder, a report per paper (``<paper>.tex``) and, when no paper is
    selected, one for the whole catalogue (``catalogue.tex``); the figures next to them (PDF and PNG); and
    ``summary.json`` (per-paper verdict counts and every claim's verdict). Each report opens with a summary table,
    then gives every claim: title, ID and source, the statement as printed (typeset by :mod:`reports.latex`, with a
    verbatim fallback that never drops it), the encoded relation typeset from SymPy, assumptions, verdict and the
    evidence of each layer (simplified residual, instances, worst residual against the tolerance and its reason,
    seed, counterexample); a refuted claim is followed by its repair with its own verdict. Unencoded claims are
    listed, with their statements, as "not yet checked". A reproducibility footer gives package versions, seed and
    the exact command.
PDF
    With ``pdf=True`` and ``latexmk`` on PATH, each report is built with
    ``latexmk -pdf -interaction=nonstopmode -halt-on-error``. Should a statement still break LaTeX, the claim whose
    statement holds the failing line is switched to verbatim and the build retried (``strict=False``, the
    default); anything else is reported as :class:`ReportError` naming the report and its log file.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from derivcheck.errors import CheckerError

from . import figures as _figures
from .latex import (PREAMBLE_MACROS, inline_text, math_display, statement_to_latex, tex_ascii, verbatim)

__all__ = ["write_reports", "render_report", "build_pdf", "ReportError", "LATEXMK_HINT"]

STATUS_ORDER = ("PROVED", "CONFIRMED", "REFUTED", "INCONCLUSIVE", "NOT ENCODED", "ERROR")
_TEMPLATES = Path(__file__).with_name("templates")
LATEXMK_HINT = "install texlive-latex-base, texlive-latex-recommended and latexmk"
_LAYER_TITLES = {"symbolic": "Symbolic layer", "sampling": "Residual sampling", "numeric": "Numeric layer",
                 "dimensions": "Dimensions"}


class ReportError(CheckerError, RuntimeError):
    """A report could not be built (LaTeX error, missing paper); the message names the report and its log."""


@dataclass
class _Build:
    """What one call of :func:`write_reports` produced."""

    written: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    pdfs: dict[str, str | None] = field(default_factory=dict)


# --- helpers: numbers and evidence --------------------------------------------------------------------------------
def _num(x: Any) -> str:
    """A number in LaTeX: 4.77e-05 -> $4.77\\times10^{-5}$; integers as they are."""
    if isinstance(x, bool) or x is None:
        return inline_text(str(x))
    if isinstance(x, int):
        return str(x)
    if isinstance(x, float):
        if x == 0:
            return "0"
        if x != x or x in (float("inf"), float("-inf")):
            return inline_text(str(x))
        if 1e-3 <= abs(x) < 1e4:
            return f"{x:.4g}"
        mant, exp = f"{x:.3e}".split("e")
        mant = mant.rstrip("0").rstrip(".")
        return f"${mant}\\times10^{{{int(exp)}}}$"
    return verbatim(str(x))


def _clip(s: str, n: int = 1200) -> str:
    s = str(s)
    return s if len(s) <= n else s[:n] + f" ... [{len(s) - n} more characters]"


def _residual_tex(residual: str) -> str:
    """The simplified symbolic residual, typeset through SymPy when it parses, else verbatim."""
    if residual in ("0", ""):
        return "$0$"
    if len(residual) < 1500:
        try:
            import sympy as sp
            expr = sp.sympify(residual)
            tex, problem = math_display(sp.latex(expr))
            if problem is None:
                return tex
        except Exception:  # noqa: BLE001 - any parse failure: show the text
            pass
    return r"\dcverbatimblock{" + verbatim(_clip(residual)) + "}"


def _value(v: Any) -> str:
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return _num(v)
    if isinstance(v, str):
        try:
            return _num(float(v)) if re.fullmatch(r"[-+]?\d+(\.\d*)?([eE][-+]?\d+)?", v.strip()) else verbatim(_clip(v))
        except ValueError:
            return verbatim(_clip(v))
    return verbatim(_clip(json.dumps(v, ensure_ascii=False, sort_keys=True)))


def _layer_view(name: str, ev: dict) -> dict:
    rows = []
    if ev.get("method"):
        rows.append(("method", inline_text(ev["method"])))
    if ev.get("instances"):
        rows.append(("instances tried", str(ev["instances"])))
    if ev.get("worst_residual") is not None:
        rows.append(("worst residual", _num(ev["worst_residual"])))
    if ev.get("worst_ratio") is not None:
        ratio = ev["worst_ratio"]
        mark = r" \textcolor{dcREFUTED}{(beyond tolerance)}" if ratio > 1 else " (within tolerance)"
        rows.append(("worst / allowed", _num(ratio) + mark))
    if ev.get("tolerance"):
        rows.append(("tolerance and reason", inline_text(ev["tolerance"])))
    if ev.get("seed") is not None:
        rows.append(("seed", str(ev["seed"])))
    extra = ev.get("extra") or {}
    if extra.get("domains"):
        rows.append(("domains", inline_text(", ".join(f"{k} {v}" for k, v in extra["domains"].items()))))
    for key in ("rejected", "grey"):
        if extra.get(key):
            rows.append((f"{key} instances", str(extra[key])))
    if name == "dimensions" and extra.get("lhs"):
        rows.append(("lhs / rhs", inline_text(f"{extra['lhs']} / {extra.get('rhs', '?')}")))
    cx = ev.get("counterexample")
    cx_rows = [(verbatim(str(k)), _value(v)) for k, v in cx.items()] if isinstance(cx, dict) else []
    residual = ev.get("residual")
    return {"title": _LAYER_TITLES.get(name, name), "outcome": inline_text(ev.get("outcome", "?")),
            "detail": inline_text(ev.get("detail", "")), "rows": rows,
            "residual": _residual_tex(residual) if (residual and name == "symbolic") else None,
            "counterexample": cx_rows}


def _anchor(cid: str) -> str:
    return re.sub(r"[^A-Za-z0-9]", "-", cid)


def _vkey(verdict: str) -> str:
    return verdict.replace(" ", "") if verdict in STATUS_ORDER else "ERROR"


def _statement(c: dict, verbatim_ids: set[str]) -> tuple[str, str | None]:
    tex, problems = statement_to_latex(c.get("statement") or "", force_verbatim=c["id"] in verbatim_ids)
    if not (c.get("statement") or "").strip():
        return r"\textit{(the spec prints no statement for this claim)}", None
    note = ("part of this statement is shown verbatim: " + "; ".join(dict.fromkeys(problems))) if problems else None
    return tex, (inline_text(note) if note else None)


def _encoded(c: dict) -> str | None:
    if not c.get("encoded"):
        return None
    tex, problem = math_display(c["encoded"], split_long=False)
    return tex


def _claim_view(c: dict, by_id: dict[str, dict], verbatim_ids: set[str]) -> dict:
    stmt, note = _statement(c, verbatim_ids)
    ev = c.get("evidence") or {}
    layers = [_layer_view(k, ev[k]) for k in ("symbolic", "sampling", "numeric", "dimensions")
              if k in ev and ev[k].get("outcome") != "absent"]
    absent = [_LAYER_TITLES.get(k, k).lower() for k in ("symbolic", "sampling", "numeric", "dimensions")
              if k in ev and ev[k].get("outcome") == "absent"]
    repairs = []
    for fid in c.get("corrected_by") or []:
        f = by_id.get(fid)
        if f is not None:
            repairs.append({"id": fid, "anchor": _anchor(fid), "verdict": f["verdict"], "vkey": _vkey(f["verdict"]),
                            "reason": inline_text(f.get("reason", "")), "encoded": _encoded(f)})
    reason = inline_text(c.get("reason", ""))
    if absent:
        reason += " " + inline_text("(no " + ", no ".join(absent) + " for this claim)")
    return {"id": inline_text(c["id"]), "raw_id": c["id"].replace("\n", " "), "anchor": _anchor(c["id"]), "title": inline_text(c.get("title") or c["id"]),
            "toc": r"\texttt{" + inline_text(c["id"]) + "}",
            "location": inline_text(c.get("location") or "?"),
            "headline": r"\quad(headline identity)" if c.get("headline") else "",
            "name": verbatim(c["name"]) if c.get("name") else "", "statement": stmt, "statement_note": note,
            "encoded": _encoded(c), "assumptions": [inline_text(a) for a in c.get("assumptions") or []],
            "notes": inline_text(c.get("notes") or ""), "verdict": c["verdict"], "vkey": _vkey(c["verdict"]),
            "reason": reason, "layers": layers, "repairs": repairs, "is_fix": bool(c.get("corrects")),
            "corrects": inline_text(c["corrects"]) if c.get("corrects") else None,
            "corrects_anchor": _anchor(c["corrects"]) if c.get("corrects") else None}


def _ordered(claims: list[dict]) -> list[dict]:
    """Catalogue order, each repair right after the claim it repairs."""
    ids = {c["id"] for c in claims}
    fixes: dict[str, list[dict]] = {}
    main = []
    for c in claims:
        if c.get("corrects") in ids:
            fixes.setdefault(c["corrects"], []).append(c)
        else:
            main.append(c)
    out = []
    for c in main:
        out.append(c)
        out += fixes.get(c["id"], [])
    return out


def _versions() -> list[tuple[str, str]]:
    from importlib.metadata import PackageNotFoundError, version
    rows = []
    for pkg in ("derivcheck", "sympy", "numpy", "scipy", "hypothesis", "mpmath", "matplotlib", "jinja2"):
        try:
            v = version(pkg)
        except PackageNotFoundError:
            try:
                v = getattr(__import__(pkg), "__version__", "?")
            except ImportError:
                v = "not installed"
        rows.append((pkg, v))
    return rows


def _counts_row(label: str, counts: dict[str, int], cols: list[str]) -> dict:
    return {"label": label, "counts": [counts.get(s, 0) for s in cols], "total": sum(counts.values())}


def _paper_name(paper: str) -> str:
    from derivcheck.claims import PAPERS
    return PAPERS.get(paper, paper)


# --- rendering ----------------------------------------------------------------------------------------------------
def _env():
    import jinja2
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(_TEMPLATES)), autoescape=False, undefined=jinja2.StrictUndefined,
        block_start_string=r"\BLOCK{", block_end_string="}", variable_start_string=r"\VAR{",
        variable_end_string="}", comment_start_string=r"\#{", comment_end_string="}",
        line_statement_prefix="%%", line_comment_prefix="%#", trim_blocks=True, lstrip_blocks=True,
        keep_trailing_newline=True)


def render_report(doc: dict, claims: list[dict], *, title: str, subtitle: str, figures: list[_figures.Figure],
                  figure_notes: list[str], command: str, papers: list[str],
                  verbatim_ids: frozenset[str] = frozenset()) -> str:
    """The LaTeX source of one report over ``claims`` (records of the verdicts document)."""
    by_id = {c["id"]: c for c in doc["claims"]}
    counts: dict[str, dict[str, int]] = {}
    for c in claims:
        counts.setdefault(c["paper"], {})
        counts[c["paper"]][c["verdict"]] = counts[c["paper"]].get(c["verdict"], 0) + 1
    cols = [s for s in STATUS_ORDER if any(s in v for v in counts.values())] or ["NOT ENCODED"]
    rows = [_counts_row(inline_text(p), counts[p], cols) for p in papers if p in counts]
    total = None
    if len(rows) > 1:
        tot: dict[str, int] = {}
        for p in counts:
            for k, v in counts[p].items():
                tot[k] = tot.get(k, 0) + v
        total = _counts_row(r"\textbf{all}", tot, cols)
    groups = []
    glance = []
    for p in papers:
        mine = [c for c in claims if c["paper"] == p]
        if not mine:
            continue
        checked = [c for c in _ordered(mine) if c["verdict"] not in ("NOT ENCODED", "ERROR")]
        views = [_claim_view(c, by_id, set(verbatim_ids)) for c in checked]
        for c, v in zip(checked, views):
            ratio = ((c.get("evidence") or {}).get("numeric") or {}).get("worst_ratio")
            glance.append({"id": v["id"], "anchor": v["anchor"], "title": v["title"], "verdict": v["verdict"],
                           "vkey": v["vkey"], "ratio": _num(ratio) if ratio is not None else "--"})
        groups.append({
            "title": inline_text(_paper_name(p)) if len(papers) > 1 else "Claims",
            "paper_note": "" if len(papers) > 1 else "",
            "claims": views,
            "errors": [_claim_view(c, by_id, set(verbatim_ids)) for c in mine if c["verdict"] == "ERROR"],
            "not_checked": [_claim_view(c, by_id, set(verbatim_ids)) for c in mine if c["verdict"] == "NOT ENCODED"],
        })
    n_checked = sum(1 for c in claims if c["verdict"] not in ("NOT ENCODED", "ERROR"))
    intro = (f"This report covers {len(claims)} claims: {n_checked} checked, "
             f"{sum(1 for c in claims if c['verdict'] == 'NOT ENCODED')} registered but not yet checked. Each "
             "checked claim was put through two independent layers: SymPy (does the residual of the encoded "
             "relation vanish identically under the paper's assumptions, and at 50-digit sample points?) and "
             "numpy on random physical instances drawn adversarially by Hypothesis (does the printed formula "
             "match what the instance itself gives, within a tolerance whose reason is stated?).")
    legend = (r"\verdict{PROVED}{PROVED}: residual simplifies to 0 and the numeric layer agrees. "
              r"\verdict{CONFIRMED}{CONFIRMED}: numeric agreement only. "
              r"\verdict{REFUTED}{REFUTED}: a counterexample (shrunk) or a dimension mismatch. "
              r"\verdict{INCONCLUSIVE}{INCONCLUSIVE}: timeout, statistical grey zone, evaluator error, or the "
              r"layers disagree. \verdict{NOTENCODED}{NOT ENCODED}: registered from the spec, not yet checked.")
    module_errors = [{"name": inline_text(k), "error": inline_text(v)}
                     for k, v in sorted((doc.get("module_errors") or {}).items())]
    footer = [(inline_text(k), inline_text(f"{v}")) for k, v in _versions()]
    footer[0] = ("derivcheck", inline_text(f"{doc.get('derivcheck', '?')} (wrote the verdicts); "
                                           f"{footer[0][1]} (wrote this report)"))
    footer += [("run seed", str(doc.get("seed"))),
               ("samples", inline_text(str(doc.get("samples")) if doc.get("samples") else
                                       "each claim's default")),
               ("verdicts schema", inline_text(doc.get("schema", "?"))),
               ("Python", inline_text(sys.version.split()[0]))]
    tex = _env().get_template("report.tex.j2").render(
        macros=PREAMBLE_MACROS, title=inline_text(title), subtitle=inline_text(subtitle),
        pdftitle=re.sub(r"[^A-Za-z0-9 ,.:()-]", "", title), intro=inline_text(intro), legend=legend,
        columns=[{"key": _vkey(s), "label": inline_text(s.lower())} for s in cols], summary_rows=rows,
        summary_total=total, module_errors=module_errors, glance=glance,
        figures=[{"file": f.stem + ".pdf", "caption": inline_text(f.caption), "width": f.width} for f in figures],
        figure_notes=[inline_text(n) for n in figure_notes], groups=groups, footer=footer,
        command=verbatim(command or "(not recorded)"))
    return tex_ascii(tex)


# --- PDF ----------------------------------------------------------------------------------------------------------
def _latex_error(log: Path, tex_name: str) -> tuple[str, int | None]:
    """First LaTeX error in a log (with -file-line-error): (message, line of the .tex or None)."""
    try:
        text = log.read_text(encoding="latin-1")
    except OSError:
        return "no log file was written", None
    m = re.search(rf"^(?:\./)?{re.escape(tex_name)}:(\d+): (.*)$", text, re.M)
    if m:
        return m.group(2).strip(), int(m.group(1))
    m = re.search(r"^! (.*)$", text, re.M)
    if m:
        line = re.search(r"^l\.(\d+)", text[m.end():], re.M)
        return m.group(1).strip(), int(line.group(1)) if line else None
    return "latexmk failed (see the log)", None


def _claim_at_line(tex: str, line: int) -> str | None:
    """The claim whose statement block (between % <<stmt:ID and % >>stmt) holds ``line`` (1-based)."""
    current = None
    for k, text in enumerate(tex.splitlines(), start=1):
        if text.startswith("% <<stmt:"):
            current = text[len("% <<stmt:"):].strip()
        elif text.startswith("% >>stmt"):
            if k > line:
                return None
            current = None
        if k == line:
            return current
    return None


def build_pdf(tex_path: Path, *, timeout: float = 600.0) -> tuple[Path | None, str | None, int | None]:
    """Run latexmk on ``tex_path`` in its folder. Returns (pdf or None, error message or None, failing line)."""
    latexmk = shutil.which("latexmk")
    if latexmk is None:
        return None, f"latexmk not found: wrote {tex_path} but no PDF; {LATEXMK_HINT}", None
    env = dict(os.environ, SOURCE_DATE_EPOCH="0", FORCE_SOURCE_DATE="1", max_print_line="10000")
    cmd = [latexmk, "-pdf", "-interaction=nonstopmode", "-halt-on-error", "-file-line-error", tex_path.name]
    try:
        proc = subprocess.run(cmd, cwd=tex_path.parent, capture_output=True, timeout=timeout, env=env,
                              stdin=subprocess.DEVNULL)  # bytes: TeX output is not always UTF-8
    except subprocess.TimeoutExpired:
        return None, f"LaTeX took longer than {timeout:.0f} s on {tex_path}", None
    pdf = tex_path.with_suffix(".pdf")
    log = tex_path.with_suffix(".log")
    if proc.returncode == 0 and pdf.exists():
        subprocess.run([latexmk, "-c", tex_path.name], cwd=tex_path.parent, capture_output=True, timeout=60,
                       stdin=subprocess.DEVNULL)  # remove .aux/.log/.toc...; the PDF stays
        return pdf, None, None
    msg, line = _latex_error(log, tex_path.name)
    return None, f"LaTeX failed on {tex_path}: {msg}" + (f" (line {line})" if line else "") + f"; see {log}", line


# --- entry point --------------------------------------------------------------------------------------------------
def _summary_json(doc: dict, claims: list[dict], build: _Build, command: str) -> dict:
    papers: dict[str, dict] = {}
    for c in claims:
        p = papers.setdefault(c["paper"], {"counts": {}, "claims": []})
        p["counts"][c["verdict"]] = p["counts"].get(c["verdict"], 0) + 1
        p["claims"].append({"id": c["id"], "verdict": c["verdict"], "headline": bool(c.get("headline")),
                            "corrects": c.get("corrects"), "corrected_by": c.get("corrected_by") or []})
    for p in papers.values():
        p["counts"] = {s: p["counts"][s] for s in STATUS_ORDER if s in p["counts"]}
    totals: dict[str, int] = {}
    for p in papers.values():
        for k, v in p["counts"].items():
            totals[k] = totals.get(k, 0) + v
    return {"schema": "derivcheck/report-summary/1", "derivcheck": doc.get("derivcheck"), "seed": doc.get("seed"),
            "samples": doc.get("samples"), "command": command,
            "totals": {s: totals[s] for s in STATUS_ORDER if s in totals},
            "papers": dict(sorted(papers.items())), "reports": build.pdfs}


def write_reports(doc: dict, out: Path, paper: str | None = None, pdf: bool = False, command: str = "",
                  *, strict: bool = False, quiet: bool = False, only: tuple[str, ...] | None = None) -> list[Path]:
    """Write the referee reports of a verdicts document into ``out``; return the paths written.

    Parameters
    ----------
    doc : dict
        A verdicts document (``derivcheck/results.py``, schema ``derivcheck/verdicts/1``).
    out : Path
        Output folder; created if needed. Receives ``<paper>.tex`` (and ``catalogue.tex`` without ``paper``),
        the figures (``*.pdf``, ``*.png``), ``summary.json`` and, with ``pdf``, the PDFs.
    paper : str, optional
        Only this paper's report.
    pdf : bool
        Build PDFs with latexmk when it is on PATH; without it a note says what to install.
    command : str
        The exact command, for the reproducibility footer.
    strict : bool
        Do not retry a failing LaTeX build with the offending statement shown verbatim (the tests use this to
        prove that every statement compiles as converted).
    quiet : bool
        Do not print notes to stderr.
    only : tuple of str, optional
        Build only these reports (paper keys or ``"catalogue"``); ``summary.json`` still covers every paper.

    Raises
    ------
    ReportError
        After everything else is written, if a PDF could not be built (the message names the report and its
        log), or if ``paper`` is not in the document.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    all_claims = doc["claims"]
    present = sorted({c["paper"] for c in all_claims}, key=_paper_order)
    if paper is not None and paper not in present:
        raise ReportError(f"the verdicts hold no claim of paper {paper!r} (papers present: {', '.join(present)}); "
                          "check it first with `derivcheck check --paper " + paper + " --json FILE`")
    papers = [paper] if paper else present
    build = _Build()
    jobs = [(p, [c for c in all_claims if c["paper"] == p], [p]) for p in papers]
    if paper is None and len(present) > 1:
        jobs.append(("catalogue", list(all_claims), present))
    if only is not None:
        jobs = [j for j in jobs if j[0] in only]
    from derivcheck.claims import PAPERS
    for name, claims, ps in jobs:
        first = len(build.written)
        figs: list[_figures.Figure] = []
        notes: list[str] = []
        summary = {p: {} for p in ps}
        for c in claims:
            summary[c["paper"]][c["verdict"]] = summary[c["paper"]].get(c["verdict"], 0) + 1
        figs.append(_figures.verdict_bars(summary, out, f"{name}-verdicts"))
        hist = _figures.residual_histogram(claims, out, f"{name}-residuals")
        if hist is not None:
            figs.append(hist)
        else:
            notes.append("no residual histogram: no claim here has been through the numeric layer yet")
        if name != "catalogue":
            pf, pn = _figures.physics_figures(name, out)
            figs += pf
            notes += pn
        if name == "catalogue":
            title, subtitle = "derivcheck referee report: the whole catalogue", ", ".join(ps)
        else:
            title, subtitle = f"derivcheck referee report: {name}", PAPERS.get(name, name)
        for f in figs:
            build.written += [out / f"{f.stem}.pdf", out / f"{f.stem}.png"]
        tex_path = out / f"{name}.tex"
        verbatim_ids: set[str] = set()
        for attempt in range(12):
            tex = render_report(doc, claims, title=title, subtitle=subtitle, figures=figs, figure_notes=notes,
                                command=command, papers=ps, verbatim_ids=frozenset(verbatim_ids))
            tex_path.write_text(tex, encoding="ascii")
            if not pdf:
                break
            pdf_path, err, line = build_pdf(tex_path)
            if err is None:
                build.written.append(pdf_path)
                build.pdfs[name] = pdf_path.name
                if verbatim_ids:
                    build.notes.append(f"{tex_path}: statements of {', '.join(sorted(verbatim_ids))} broke LaTeX "
                                       "and are shown verbatim")
                break
            bad = _claim_at_line(tex, line) if line else None
            if pdf_path is None and err.startswith("latexmk not found"):
                build.notes.append(err)
                break
            if strict or bad is None or bad in verbatim_ids:
                build.failures.append(err)
                break
            verbatim_ids.add(bad)
        build.written[first:first] = [tex_path]
        build.pdfs.setdefault(name, None)
    summary_path = out / "summary.json"
    summary_path.write_text(json.dumps(_summary_json(doc, [c for c in all_claims if c["paper"] in papers], build,
                                                     command), indent=1, ensure_ascii=False) + "\n",
                            encoding="utf-8")
    build.written.append(summary_path)
    if not quiet:
        for n in dict.fromkeys(build.notes):
            print(f"derivcheck: {n}", file=sys.stderr)
    if build.failures:
        if not quiet:
            for p in build.written:
                print(f"wrote {p}", file=sys.stderr)
        raise ReportError("; ".join(build.failures))
    return build.written


def _paper_order(p: str):
    from derivcheck.claims import PAPERS
    keys = list(PAPERS)
    return (keys.index(p) if p in keys else len(keys), p)
