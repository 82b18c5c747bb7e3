"""The ``derivcheck`` command line: list, show, check, report, summary, mutate.

Run ``derivcheck --help`` or ``derivcheck COMMAND --help``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import textwrap
from pathlib import Path

from .errors import CheckerError, InvalidArgument

__all__ = ["main"]

STATE = Path(".derivcheck") / "last.json"

EPILOG = """\
verdicts:
  PROVED        the symbolic residual simplifies to 0 and the numeric layer agrees
  CONFIRMED     no symbolic proof, but agreement on many adversarially drawn instances
  REFUTED       a counterexample (shrunk to a small instance), or a dimension mismatch
  INCONCLUSIVE  a timeout, a statistical grey zone, an evaluator error, or the layers disagreeing
  NOT ENCODED   registered from the spec, not yet checked

examples:
  derivcheck list --paper tangney2024          what the catalogue holds
  derivcheck show T-A-48                       a claim as printed, encoded, and its last evidence
  derivcheck check T-A-48 T-A-48/fix           check two claims
  derivcheck check --all --json build/verdicts.json
  derivcheck report --from build/verdicts.json -o build --pdf
"""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="derivcheck", formatter_class=argparse.RawDescriptionHelpFormatter, epilog=EPILOG,
        description="Check the equations of papers on macroscopic electricity in two independent layers: SymPy "
                    "(does the residual vanish identically?) and numpy on random physical instances (does the "
                    "printed formula match what the instance itself gives?).")
    p.add_argument("--debug", action="store_true", help="show Python tracebacks of internal errors")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    sp_list = sub.add_parser("list", help="list the claims of the catalogue")
    sp_list.add_argument("--paper", help="only this paper (tangney2024, sen2024, cho, baroni, tantardini2025)")
    sp_list.add_argument("--headline", action="store_true", help="only the spec's headline identities")
    sp_list.add_argument("--json", action="store_true", help="print JSON instead of a table")

    sp_show = sub.add_parser("show", help="statement, assumptions, source and last evidence of a claim")
    sp_show.add_argument("id", help="claim ID, e.g. T-A-48 (a spec ID shows all of its relations)")

    sp_check = sub.add_parser("check", help="check claims and print their verdicts",
                              formatter_class=argparse.RawDescriptionHelpFormatter, epilog=EPILOG)
    _selection(sp_check)
    _run_options(sp_check)
    sp_check.add_argument("--json", metavar="FILE", help="write the verdicts as JSON (schema: derivcheck/results.py)")

    sp_rep = sub.add_parser("report", help="write LaTeX (and PDF) referee reports with figures")
    _selection(sp_rep)
    _run_options(sp_rep)
    sp_rep.add_argument("--from", dest="source", metavar="FILE",
                        help="verdicts JSON from `derivcheck check --json`; without it the claims are checked now")
    sp_rep.add_argument("-o", "--output", default="build", help="output folder (default: build)")
    sp_rep.add_argument("--pdf", action="store_true", help="also build PDFs with latexmk when a TeX engine exists")

    sp_sum = sub.add_parser("summary", help="per-paper verdict counts as Markdown (optionally into README.md)")
    sp_sum.add_argument("--from", dest="source", metavar="FILE", required=True, help="verdicts JSON")
    sp_sum.add_argument("--readme", metavar="FILE",
                        help="replace the block between <!-- verdicts:start --> and <!-- verdicts:end --> in FILE")

    sp_mut = sub.add_parser("mutate", help="mutation benchmark: do mutants of proved claims get refuted?")
    _selection(sp_mut)
    _run_options(sp_mut)
    sp_mut.add_argument("--json", metavar="FILE", help="write every mutant and its verdict as JSON")
    sp_mut.add_argument("--from", dest="source", metavar="FILE",
                        help="take the originals' verdicts from this `derivcheck check --json` file (same seed and "
                             "samples) instead of checking them again")
    return p


def _selection(p):
    p.add_argument("ids", nargs="*", metavar="ID", help="claim IDs (a spec ID selects all of its relations)")
    p.add_argument("--all", action="store_true", help="every claim of the catalogue")
    p.add_argument("--paper", help="only claims of this paper")
    p.add_argument("--headline", action="store_true", help="only the spec's headline identities")


def _run_options(p):
    from .check import DEFAULT_SEED
    p.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"run seed (default {DEFAULT_SEED}); the same "
                   "seed gives the same instances, verdicts and JSON")
    p.add_argument("--samples", type=_positive_int, default=None,
                   help="random instances per numeric check (default: each claim's own, typically 20-100)")
    p.add_argument("--jobs", "-j", type=_positive_int, default=os.cpu_count() or 1,
                   help="worker processes (default: number of cores)")
    p.add_argument("--timeout", type=_positive_float, default=60.0,
                   help="seconds for a claim's symbolic step; numeric checks get 4x (default 60)")
    p.add_argument("--timings", action="store_true", help="record wall times in the JSON (breaks byte-identity)")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar")


def _positive_int(s: str) -> int:
    try:
        v = int(s)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{s!r} is not a whole number") from None
    if v < 1:
        raise argparse.ArgumentTypeError(f"{v} is not positive; give 1 or more")
    return v


def _positive_float(s: str) -> float:
    try:
        v = float(s)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{s!r} is not a number of seconds") from None
    if not v > 0:
        raise argparse.ArgumentTypeError(f"{v} is not positive; give a number of seconds, e.g. 60")
    return v


def _select(args, catalogue):
    if not (args.ids or args.all or args.paper or args.headline):
        raise InvalidArgument("nothing selected: name claim IDs, or use --all, --paper P or --headline "
                              "(see `derivcheck list`)")
    return catalogue.select(args.ids, paper=args.paper, headline=args.headline)


def _cmd_list(args) -> int:
    from .registry import load
    cat = load()
    entries = cat.select(paper=args.paper, headline=args.headline)
    if args.json:
        print(json.dumps([{"id": e.id, "spec_id": e.spec_id, "paper": e.paper, "title": e.title,
                           "location": e.location, "statement": e.statement, "headline": e.headline,
                           "encoded": e.encoded, "error": e.error} for e in entries], indent=1, ensure_ascii=False))
        return 0
    for e in entries:
        state = "ERROR  " if e.error else ("encoded" if e.encoded else "-      ")
        print(f"{e.id:<14} {e.paper:<15} {'H' if e.headline else ' '} {state} {_clip(e.title, 60):<60} "
              f"{_clip(e.location, 40)}")
    n_enc = sum(e.encoded for e in entries)
    print(f"\n{len(entries)} claims, {n_enc} encoded, {len(entries) - n_enc} not yet checked "
          "(H = headline identity of the spec)", file=sys.stderr)
    _module_errors(cat)
    return 0


def _clip(s: str, n: int) -> str:
    s = " ".join(str(s).split())
    return s if len(s) <= n else s[: n - 1] + "…"


def _module_errors(cat) -> None:
    for mod, err in sorted(cat.module_errors.items()):
        print(f"derivcheck: derivations/{mod}.py failed to import, its claims are missing: "
              f"{err.splitlines()[0]}", file=sys.stderr)


def _cmd_show(args) -> int:
    from .registry import load
    cat = load()
    entries = cat.select([args.id])
    last = {}
    if STATE.exists():
        try:
            last = {c["id"]: c for c in json.loads(STATE.read_text(encoding="utf-8"))["claims"]}
        except (ValueError, KeyError):
            last = {}
    for e in entries:
        c = e.claim
        print(f"{e.id}  {e.title}\n  paper:     {e.paper}\n  location:  {e.location}")
        print("  as printed:\n" + textwrap.indent(e.statement, "    "))
        if e.error:
            print(f"  ERROR: {e.error}")
        if c is None or not c.encoded:
            print("  not yet encoded: registered from the spec, not yet checked\n")
            continue
        print(f"  encoded:   {c.latex()}")
        if c.corrects:
            print(f"  corrects:  {c.corrects}")
        for a in c.assumptions:
            print(f"  assumes:   {a}")
        if c.definitions:
            print("  symbolic model: " + ", ".join(str(k) for k in c.definitions) + " defined from the model")
        if c.numeric:
            print(f"  numeric:   {c.numeric.method}\n  tolerance: {c.numeric.tolerance.describe()}")
        if c.notes:
            print(f"  notes:     {c.notes}")
        if e.id in last:
            rec = last[e.id]
            print(f"  last verdict: {rec['verdict']}: {rec['reason']}")
            print(textwrap.indent(json.dumps(rec["evidence"], indent=1, ensure_ascii=False), "    "))
        else:
            print(f"  last verdict: none yet (run `derivcheck check {e.id}`)")
        print()
    return 0


def _run(args, entries):
    from tqdm import tqdm

    from .check import check_many
    runnable = [e for e in entries if e.encoded and not e.error]
    bar = tqdm(total=len(runnable), unit="claim", file=sys.stderr, dynamic_ncols=True,
               disable=args.quiet or not sys.stderr.isatty())

    def done(v):
        bar.set_postfix_str(f"{v.claim_id}: {v.status.value}", refresh=False)
        bar.update()

    verdicts = check_many([e.claim for e in runnable], seed=args.seed, samples=args.samples, jobs=args.jobs,
                          timeout=args.timeout, on_done=done)
    bar.close()
    return {v.claim_id: v for v in verdicts}


def _print_table(doc) -> None:
    for c in doc["claims"]:
        if c["verdict"] == "NOT ENCODED":
            continue
        ev = c["evidence"].get("numeric", {})
        worst = ev.get("worst_residual")
        extra = f" worst {worst:.2e}" if isinstance(worst, float) else ""
        print(f"{c['id']:<14} {c['verdict']:<12} {_clip(c['reason'], 70)}{extra}")
    counts = {}
    for row in doc["summary"].values():
        for k, v in row.items():
            counts[k] = counts.get(k, 0) + v
    print("\n" + ", ".join(f"{v} {k}" for k, v in counts.items()), file=sys.stderr)


def _cmd_check(args) -> int:
    from .registry import load
    from .results import document, write
    cat = load()
    entries = _select(args, cat)
    verdicts = _run(args, entries)
    doc = document(cat, entries, verdicts, seed=args.seed, samples=args.samples, timings=args.timings)
    _print_table(doc)
    write(doc, STATE)
    if args.json:
        print(f"wrote {write(doc, args.json)}", file=sys.stderr)
    _module_errors(cat)
    errors = [e.id for e in entries if e.error]
    if errors or cat.module_errors:
        print(f"derivcheck: internal errors in {len(errors)} claims ({', '.join(errors[:5])}) and "
              f"{len(cat.module_errors)} modules; the other claims were checked", file=sys.stderr)
        return 1
    return 0


def _cmd_report(args) -> int:
    from .registry import load
    from .results import document, read, write
    if args.source:
        doc = read(args.source)
    else:
        cat = load()
        entries = _select(args, cat)
        doc = document(cat, entries, _run(args, entries), seed=args.seed, samples=args.samples)
        write(doc, Path(args.output) / "verdicts.json")
    import reports
    written = reports.write_reports(doc, Path(args.output), paper=args.paper, pdf=args.pdf,
                                    command="derivcheck " + " ".join(sys.argv[1:]))
    for path in written:
        print(f"wrote {path}")
    return 0


def _cmd_summary(args) -> int:
    from .results import read, summary_markdown
    doc = read(args.source)
    table = (summary_markdown(doc) + "\n\nHeadline identities only:\n\n" + summary_markdown(doc, headline_only=True))
    if not args.readme:
        print(table)
        return 0
    path = Path(args.readme)
    text = path.read_text(encoding="utf-8")
    start, end = "<!-- verdicts:start -->", "<!-- verdicts:end -->"
    if start not in text or end not in text:
        raise InvalidArgument(f"{path} has no {start} ... {end} block; add those two lines where the table goes")
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    note = f"\n<!-- generated by `derivcheck summary --from {args.source} --readme {args.readme}` -->\n"
    path.write_text(head + start + note + table + "\n" + end + tail, encoding="utf-8")
    print(f"updated {path}")
    return 0


def _cmd_mutate(args) -> int:
    from .mutation import run_cli
    return run_cli(args)


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    try:
        return {"list": _cmd_list, "show": _cmd_show, "check": _cmd_check, "report": _cmd_report,
                "summary": _cmd_summary, "mutate": _cmd_mutate}[args.command](args)
    except CheckerError as exc:
        print(f"derivcheck: error: {exc}", file=sys.stderr)
        return 2
    except (OSError, ValueError) as exc:
        if args.debug:
            raise
        print(f"derivcheck: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("derivcheck: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001
        if args.debug:
            raise
        print(f"derivcheck: internal error: {type(exc).__name__}: {exc}\n(this is a bug; rerun with --debug for "
              "the traceback)", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
