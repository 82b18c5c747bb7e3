"""Tests for reports/: LaTeX escaping of tricky statements, the report files, and PDFs that really compile.

The compile tests use a synthetic verdicts document built from the whole catalogue without running any check
(fast): every claim of ``derivcheck.load()`` appears, with evidence of every kind cycled through the claims
(proved, confirmed, refuted with a counterexample and a repair, inconclusive, not encoded, load error).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import reports
from reports import figures
from reports.latex import (Untypesettable, escape_text, inline_text, looks_like_math, math_display, sanitize_math,
                           statement_to_latex)

HAVE_LATEXMK = shutil.which("latexmk") is not None
needs_latex = pytest.mark.skipif(not HAVE_LATEXMK, reason="latexmk not on PATH: install texlive-latex-base, "
                                                          "texlive-latex-recommended and latexmk to compile reports")


# --- synthetic verdicts --------------------------------------------------------------------------------------------
def _hist(counts_at: dict[int, int]) -> dict:
    counts = [0] * 18
    for k, n in counts_at.items():
        counts[k + 16] += n
    return {"log10_ratio_from": -16, "counts": counts}


_TOL = "|residual| <= 1e-09 + 1e-09*scale (quadrature at round-off level; 1e-9 leaves a wide margin; x_b & 100%)"
EVIDENCE = {
    "PROVED": {
        "symbolic": {"outcome": "holds", "method": "sympy", "detail": "residual simplifies to 0", "residual": "0"},
        "sampling": {"outcome": "holds", "method": "mpmath sampling, 50 digits", "detail": "vanished at 200 points",
                     "instances": 200, "worst_residual": 0.0, "worst_ratio": 0.0,
                     "tolerance": "relative 1e-25 of the largest term (round-off at 50 digits)", "seed": 1158791344,
                     "extra": {"domains": {"a": "positive", "x_b": "real"}, "rejected": 0}},
        "numeric": {"outcome": "holds", "method": "random G1 slabs; S_0 in closed form", "instances": 40,
                    "detail": "all 40 instances within tolerance", "worst_residual": 8.9e-14, "worst_ratio": 6.7e-05,
                    "tolerance": _TOL, "seed": 3587664199, "extra": {"histogram": _hist({-16: 5, -6: 10, -5: 25})}},
        "dimensions": {"outcome": "holds", "method": "sympy.physics.units", "detail": "both sides: charge/length^2",
                       "extra": {"lhs": "charge length^-2", "rhs": "charge length^-2"}}},
    "CONFIRMED": {
        "symbolic": {"outcome": "unknown", "method": "sympy", "detail": "residual did not simplify to 0",
                     "residual": "sin(x)**2 + cos(x)**2 - 1 + exp(I*pi*k) - (-1)**k"},
        "sampling": {"outcome": "absent", "method": "mpmath sampling", "detail": "disabled for this claim"},
        "numeric": {"outcome": "holds", "method": "Green-Kubo vs Einstein-Helfand on AR(1) series", "instances": 30,
                    "worst_residual": 0.012, "worst_ratio": 0.41, "seed": 7,
                    "tolerance": "z = 4 standard errors (statistical: block-averaged stderr of both estimators)",
                    "extra": {"histogram": _hist({-2: 10, -1: 20})}}},
    "REFUTED": {
        "symbolic": {"outcome": "unknown", "method": "sympy", "detail": "residual did not simplify to 0",
                     "residual": "a*(-2*c_1*sin(2*pi*x_b/a) + s_2*cos(4*pi*x_b/a))/(2*pi)"},
        "numeric": {"outcome": "fails", "method": "random slabs", "detail": "an instance violates the relation",
                    "instances": 31, "worst_residual": 0.5, "worst_ratio": 2.857e8, "tolerance": _TOL, "seed": 9675008,
                    "counterexample": {"instance": "(CrystalSlab(a=1.0, tau=(0.0, 0.5), q=(1.0, -1.0), width=0.01, "
                                                   "n_cells=60, b=0.0, x_L=0.0, ads_x=(), ads_q=()), 0.0, 0.0)",
                                       "lhs": 0.5, "rhs": "1.0", "note": "x_b = 20 a; {weird} $chars$ % & # _ ^ ~"},
                    "extra": {"histogram": _hist({-6: 30, 1: 1})}}},
    "INCONCLUSIVE": {
        "symbolic": {"outcome": "timeout", "method": "sympy", "detail": "no answer within the sympy timeout"},
        "numeric": {"outcome": "grey", "method": "time series", "instances": 20, "worst_residual": 3.1,
                    "worst_ratio": 1.2, "tolerance": "z = 4 (statistical)", "seed": 11,
                    "extra": {"histogram": _hist({0: 3, -1: 17}), "grey": 3}}},
}
_CYCLE = ("PROVED", "CONFIRMED", "REFUTED", "INCONCLUSIVE", "NOT ENCODED", "PROVED", "ERROR")


class _SpecEntry:
    """A catalogue row from the spec alone (no factory called): the fast stand-in for a registry entry."""

    def __init__(self, rec: dict):
        self.id = self.spec_id = rec["id"]
        self.paper, self.location, self.title = rec["paper"], rec["location"], rec["title"]
        self.statement, self.headline, self.claim, self.encoded = rec["statement"], rec["headline"], None, False


def spec_entries() -> list:
    """Every spec ID with its statement as printed (derivcheck/catalogue.json), without building any claim."""
    path = Path(__file__).resolve().parents[1] / "derivcheck" / "catalogue.json"
    return [_SpecEntry(r) for r in json.loads(path.read_text(encoding="utf-8"))]


def synthetic_document(entries=None) -> dict:
    """Every catalogue entry as a verdict record, with representative evidence of every kind (no checks run).

    ``entries`` defaults to every spec ID (fast); pass ``derivcheck.load().entries.values()`` for every registered
    claim as well (sub-claims, repairs, encoded relations), which builds every claim and is slow.
    """
    from derivcheck.results import SCHEMA, summary
    claims = []
    for k, e in enumerate(spec_entries() if entries is None else entries):
        verdict = _CYCLE[k % len(_CYCLE)]
        if e.encoded:
            encoded = e.claim.latex()
        elif verdict in ("NOT ENCODED", "ERROR"):
            encoded = None
        else:
            encoded = r"\sigma = - \frac{M}{a} + \sigma_{s} + \sqrt{\alpha_{\mathrm{fs}}} \left(x_{b}\right)^{2}"
        rec = {"id": e.id, "spec_id": e.spec_id, "paper": e.paper, "location": e.location, "title": e.title,
               "name": e.claim.name if e.claim else None, "headline": e.headline, "statement": e.statement,
               "encoded": encoded, "assumptions": ["periodic bulk of period a with neutral cells",
                                                   "x_b deep in the bulk; 0 < \u03b7 \u2264 1 (\u201cweak\u201d)"],
               "notes": "", "corrects": None, "corrected_by": [], "verdict": verdict,
               "reason": {"ERROR": "TypeError: factory failed", "NOT ENCODED": "registered from the spec; not yet "
                          "checked"}.get(verdict, f"synthetic {verdict.lower()} evidence"),
               "evidence": json.loads(json.dumps(EVIDENCE.get(verdict, {})))}
        claims.append(rec)
        if verdict == "REFUTED":  # its repair, with a verdict of its own
            fix = dict(rec, id=e.id + "/fixsynth", corrects=e.id, verdict="PROVED", reason="synthetic repair",
                       statement=r"\sigma=\sigma_s(x_1)-\frac{d_1}{a},\quad d_1=d(x_1+\tfrac a2)",
                       encoded=r"\sigma = \sigma_{s} - \frac{d}{a}", evidence=json.loads(json.dumps(EVIDENCE["PROVED"])))
            rec["corrected_by"] = [fix["id"]]
            claims.append(fix)
    return {"schema": SCHEMA, "derivcheck": "0.1.0", "seed": 20240410, "samples": None, "summary": summary(claims),
            "claims": claims, "module_errors": {"broken_topic": "ImportError: no module named numerics.nothing"}}


@pytest.fixture(scope="module")
def doc() -> dict:
    return synthetic_document()


# --- escaping -----------------------------------------------------------------------------------------------------
TRICKY = {
    "tag": r"$$\sigma=\int_{x_L}^{x_b}\rho\,dx\tag{51}$$",
    "text_with_unicode": r"$$\lambda\propto\int_0^\infty\langle J(t)J(0)\rangle dt\qquad\text{(Green–Kubo “GK” …)}$$",
    "llbracket": r"$$\llbracket f\rrbracket=0,\qquad \boldsymbol\mu\in\mathbb R^3$$",
    "underbrace": r"$$\mathrm{var}[D']=\underbrace{\mathrm{var}[D]}_{\mathcal O(t)}+\underbrace{x}_{\mathcal O(1)}$$",
    "unicode_text": "“quoted” – dash — dash … ≈ ≤ × χ̄_e ḡ_ν Ṗ naïve 2.3% H₂O ω₀ μ = 1 + 4πχ_m (ck/ω)² x⁻¹",
    "specials": r"cost 100% & more #1 under_score ^caret ~tilde {braces} back\slash <less> |bar| $5 alone",
    "bullets": "- first *emphasis* and **bold**\n  * nested with $x_1$\n- second",
    "aligned": r"$$\begin{aligned}a&=b\\c&=d\end{aligned}\qquad(28)$$",
    "top_level_amp": r"$$a&=b\\c&=d$$",
    "bare_formula": r"\sigma=\sigma_s(x_1)-\frac{d_1}{a},\quad d_1=d(x_1+\tfrac a2)",
    "unknown_command": r"$$\frobnicate{x}=1$$ and text after",
    "unbalanced": r"$$\frac{1}{2$$ survives",
    "hash_percent_in_math": r"$$\#(\Omega)=50\%$$",
    "text_accent_in_text": r"$$\text{na\"ive}_{x}$$",
}


@pytest.mark.parametrize("name", TRICKY)
def test_tricky_statement_converts_to_ascii_latex_without_losing_it(name):
    tex, problems = statement_to_latex(TRICKY[name])
    assert tex.strip(), f"{name}: nothing rendered"
    assert all(ord(ch) < 128 for ch in tex), f"{name}: non-ASCII left in {tex!r}"
    assert tex.count("{") - tex.count(r"\{") == tex.count("}") - tex.count(r"\}"), f"{name}: braces {tex!r}"


def test_tag_becomes_a_printed_equation_number():
    tex, problems = statement_to_latex(TRICKY["tag"])
    assert r"\tag" not in tex and r"\text{(51)}" in tex and not problems


def test_unknown_command_falls_back_to_verbatim_and_keeps_the_text():
    tex, problems = statement_to_latex(TRICKY["unknown_command"])
    assert problems == ["unknown command \\frobnicate"]
    assert "frobnicate" in tex and r"\dcverbatimblock" in tex and "text after" in tex


def test_unbalanced_braces_fall_back_to_verbatim():
    tex, problems = statement_to_latex(TRICKY["unbalanced"])
    assert problems and "survives" in tex and r"\dcverbatimblock" in tex


def test_special_characters_in_text_are_escaped():
    tex = escape_text(TRICKY["specials"])
    for raw, esc in [("%", r"\%"), ("&", r"\&"), ("#", r"\#"), ("_", r"\_"), ("$", r"\$"), ("{", r"\{")]:
        assert esc in tex, f"{raw} not escaped in {tex}"
    assert r"\textbackslash{}" in tex and r"\^{}" in tex and r"\textasciitilde{}" in tex


def test_unicode_maps_to_commands_valid_in_text_and_math():
    tex = escape_text("χ ≤ 2 – “x” ω₀ χ̄")
    assert r"\ensuremath{\chi}" in tex and r"\ensuremath{\le}" in tex and r"\textendash{}" in tex
    assert "``x''" in tex and r"\ensuremath{_{0}}" in tex and r"\ensuremath{\bar{\ensuremath{\chi}}}" in tex
    assert r"\text{\textendash{}}" in sanitize_math(r"\text{a–b}")


def test_text_argument_in_math_escapes_underscores():
    assert sanitize_math(r"\text{x_b}") == r"\text{x\_b}"


def test_top_level_alignment_is_wrapped():
    assert sanitize_math(r"a&=b\\c&=d").startswith(r"\begin{aligned}")
    assert sanitize_math(r"a\\b").startswith(r"\begin{gathered}")


@pytest.mark.parametrize("bad", [r"\frac{1}{2", r"\left( x", r"x \right)", r"\begin{tikzpicture}\end{tikzpicture}",
                                 r"\frobnicate", r"\begin{aligned}x\end{cases}", r"x}"])
def test_sanitize_math_rejects_what_would_not_compile(bad):
    with pytest.raises(Untypesettable):
        sanitize_math(bad)


def test_long_display_is_split_at_top_level_quads():
    s = r"A=\frac{1}{2}\left(b+c\right),\qquad " * 6 + r"Z=1\tag{7}"
    tex, problem = math_display(s)
    assert problem is None and tex.count(r"\dcdisplay") == 7 and r"\text{(7)}" in tex.splitlines()[-1]


def test_bare_formula_is_recognised_but_prose_is_not():
    assert looks_like_math(TRICKY["bare_formula"])
    assert not looks_like_math('"Length- and velocity-gauge forms are equivalent in a complete basis."')
    assert not looks_like_math("- The paper uses the kernel in every order of k, with \u03c7_m")


def test_inline_text_keeps_math_in_titles():
    assert inline_text("Period average of $S_0$ for a crystal") == r"Period average of $S_0$ for a crystal"


def test_every_catalogue_statement_converts_without_fallback(doc):
    fallbacks = {}
    for c in doc["claims"]:
        tex, problems = statement_to_latex(c["statement"])
        if problems:
            fallbacks[c["id"]] = problems
        assert all(ord(ch) < 128 for ch in tex)
    assert not fallbacks, f"statements shown verbatim: {fallbacks}"


# --- files ----------------------------------------------------------------------------------------------------------
def test_reports_without_pdf_write_tex_figures_and_summary(doc, tmp_path):
    written = reports.write_reports(doc, tmp_path, pdf=False, command="derivcheck report --all -o build", quiet=True,
                                    only=("catalogue", "cho"))   # the other papers' physics figures: tested below
    names = {p.name for p in written}
    papers = sorted({c["paper"] for c in doc["claims"]})
    assert {"cho.tex", "cho-verdicts.pdf", "cho-residuals.png", "catalogue.tex", "catalogue-verdicts.png",
            "catalogue-residuals.pdf", "summary.json"} <= names
    summary = json.loads((tmp_path / "summary.json").read_text())
    assert set(summary["papers"]) == set(papers)
    assert sum(len(p["claims"]) for p in summary["papers"].values()) == len(doc["claims"])
    cat = (tmp_path / "catalogue.tex").read_text(encoding="ascii")
    for c in doc["claims"]:
        assert f"% <<stmt:{c['id']}" in cat, f"{c['id']} missing from the catalogue report"
    assert "Not yet checked" in cat and "Reproducibility" in cat and "report" in cat


def test_paper_not_in_document_is_a_clear_error(doc, tmp_path):
    with pytest.raises(reports.ReportError, match="no claim of paper 'nosuchpaper'"):
        reports.write_reports(doc, tmp_path, paper="nosuchpaper", quiet=True)


def test_missing_latexmk_is_a_note_not_an_exception(doc, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    small = dict(doc, claims=[c for c in doc["claims"] if c["paper"] == "cho"])
    written = reports.write_reports(small, tmp_path, paper="cho", pdf=True)
    assert tmp_path / "cho.tex" in written and not (tmp_path / "cho.pdf").exists()
    err = capsys.readouterr().err
    assert "latexmk not found: wrote" in err and "cho.tex but no PDF" in err and "texlive-latex-base" in err


def test_finnis_figure_is_flat_in_the_cut(tmp_path):
    fig = pytest.importorskip("reports.figures").finnis_cut_figure(tmp_path, "finnis")
    assert (tmp_path / "finnis.pdf").stat().st_size > 5000 and (tmp_path / "finnis.png").stat().st_size > 5000
    spread = float(re.search(r"peak-to-peak ([0-9.e+-]+)", fig.caption).group(1))
    assert spread < 1e-9, f"Eq. 51 sum not flat in x_b: {spread}"   # quadrature at round-off (numerics/crystals.py)


@pytest.mark.parametrize("paper", sorted(set(figures.PHYSICS_FIGURES) - {"tangney2024"}))
def test_physics_figures_are_drawn_or_dropped_with_a_note(paper, tmp_path):
    figs, notes = figures.physics_figures(paper, tmp_path)
    assert len(figs) + len(notes) == len(figures.PHYSICS_FIGURES[paper])
    for f in figs:
        assert (tmp_path / f"{f.stem}.pdf").exists() and (tmp_path / f"{f.stem}.png").stat().st_size > 5000


def test_missing_numeric_module_drops_only_that_figure(tmp_path, monkeypatch):
    def needs_missing(out, stem):
        import numerics.no_such_module  # noqa: F401
    monkeypatch.setitem(figures.PHYSICS_FIGURES, "cho", [("missing", needs_missing)])
    figs, notes = figures.physics_figures("cho", tmp_path)
    assert figs == [] and "not drawn: its numeric module is not available" in notes[0]


# --- LaTeX ----------------------------------------------------------------------------------------------------------
def _compile_catalogue(doc: dict, tmp_path: Path) -> None:
    """Build catalogue.pdf in strict mode (no verbatim retry): any LaTeX error fails the test, with the log."""
    try:
        written = reports.write_reports(doc, tmp_path, pdf=True, command="pytest", strict=True, quiet=True,
                                        only=("catalogue",))
    except reports.ReportError as exc:
        log = next(tmp_path.glob("*.log"), None)
        pytest.fail(f"LaTeX error: {exc}\n{log.read_text(encoding='latin-1')[-3000:] if log else ''}")
    assert tmp_path / "catalogue.pdf" in written
    assert json.loads((tmp_path / "summary.json").read_text())["reports"]["catalogue"] == "catalogue.pdf"


@needs_latex
def test_catalogue_report_with_every_spec_statement_compiles(doc, tmp_path):
    """Every statement of the spec catalogue, as converted, compiles; the first pages render to real PNGs."""
    _compile_catalogue(doc, tmp_path)
    _render_first_pages(tmp_path / "catalogue.pdf", tmp_path)


@needs_latex
def test_catalogue_report_with_every_registered_claim_compiles(tmp_path):
    """Every claim of ``derivcheck.load()`` (sub-claims, repairs, SymPy-typeset relations) compiles (about a
    minute: every factory runs, then one LaTeX run of the whole catalogue)."""
    from derivcheck import load
    _compile_catalogue(synthetic_document(load().entries.values()), tmp_path)


@needs_latex
def test_paper_report_with_physics_figures_compiles(doc, tmp_path):
    written = reports.write_reports(doc, tmp_path, paper="tangney2024", pdf=True, strict=True, quiet=True)
    assert tmp_path / "tangney2024.pdf" in written and (tmp_path / "tangney2024-finnis-cut.png").exists()


def _render_first_pages(pdf: Path, tmp_path: Path) -> None:
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm not on PATH (poppler-utils): cannot render the PDF to PNG")
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "2", str(pdf), str(tmp_path / "page")],
                   check=True, capture_output=True, timeout=120)
    pages = sorted(tmp_path.glob("page*.png"))
    assert len(pages) == 2, "the PDF has fewer than two pages"
    from matplotlib.image import imread
    img = imread(pages[0])
    gray = img[..., :3].mean(axis=-1)
    ink = float((gray < 0.5).mean())
    assert 0.005 < ink < 0.5, f"first page is nearly blank or black (ink fraction {ink:.4f})"
    assert gray.std() > 0.05


@needs_latex
def test_latex_error_names_the_report_and_its_log(doc, tmp_path):
    broken = json.loads(json.dumps(doc))
    broken["claims"] = [c for c in broken["claims"] if c["paper"] == "cho"][:3]
    broken["claims"][0]["encoded"] = None
    # a statement that passes the static check but breaks TeX (double superscript)
    broken["claims"][0]["statement"] = r"$$x^2^3$$"
    with pytest.raises(reports.ReportError, match=r"LaTeX failed on .*cho\.tex.*see .*cho\.log"):
        reports.write_reports(broken, tmp_path, paper="cho", pdf=True, strict=True, quiet=True)
    # without strict, the offending statement is shown verbatim and the PDF builds
    written = reports.write_reports(broken, tmp_path, paper="cho", pdf=True, quiet=True)
    assert tmp_path / "cho.pdf" in written
    assert "x^2^3" in (tmp_path / "cho.tex").read_text().replace(r"\^{}", "^").replace(r"\allowbreak{}", "")


def test_claim_sources_hold_no_control_characters():
    # a statement like r"\alpha" written through an escaping tool arrives as BEL + "lpha" and breaks LaTeX
    root = Path(__file__).resolve().parents[1]
    bad = [f"{p.relative_to(root)}:{i}" for p in sorted((root / "derivations").glob("*.py"))
           for i, line in enumerate(p.read_text().splitlines(), 1) if re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", line)]
    assert not bad, f"control characters in {bad}"


def test_control_characters_in_a_statement_are_shown_and_flagged_not_passed_to_latex():
    import re

    from reports.latex import statement_to_latex
    tex, problems = statement_to_latex("\x07lpha_{ij}=\x0crac{1}{2}")       # "\alpha", "\frac" read as escapes
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", tex)
    assert "0007" in tex and "000C" in tex and problems and "control characters" in problems[0]
