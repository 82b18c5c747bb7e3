"""Mutation testing of the checker: every claim the engine PROVES or CONFIRMS is mutated, and each mutant that is
not equivalent to the original must be REFUTED.

Mutation operators (the mistakes people make when they copy or derive an equation):

* ``flip``: the sign of one additive term;  ``x2`` / ``half``: one term scaled by 2 or 1/2;  ``drop``: one term left
  out;
* ``swap``: two symbols of one side exchanged (indices, arguments);
* ``4pi``, ``eps0``, ``hbar``, ``c`` ...: a factor 4 pi or a physical constant of the formula added or removed;
* ``pow``: an integer power changed by one.

A mutant goes through both layers with the claim's own numeric evaluator: the engine evaluates the mutated formula
on the quantities computed from each instance. A mutant whose own symbolic residual vanishes is a true statement
(an *equivalent* mutant) and is not counted against the tool. The last line of the report is ``kill rate: K/N``.
"""

from __future__ import annotations

import json
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import sympy as sp

from .check import check_many
from .claims import Claim, Relation
from .symbolic import TimeLimitExceeded, time_limit
from .verdicts import Layer, LayerResult, Status, Verdict

__all__ = ["Mutant", "mutants", "relation_equivalent", "run_mutation", "MAX_MUTANTS"]

MAX_MUTANTS = 12           # per claim, the first ones in a fixed operator order
_EQUIVALENCE_SECONDS = 1   # per mutant for the relation-level equivalence test (cancel can blow up on big residuals)
_CONSTANT_NAMES = {"epsilon_0", "varepsilon_0", "eps0", "epsilon0", "hbar", "c", "e", "m_e", "k_B", "mu_0"}


@dataclass(frozen=True)
class Mutant:
    label: str       # e.g. "rhs: flip term 2"
    claim: Claim


def _terms(expr):
    return list(sp.Add.make_args(expr))


def _side_mutations(expr: sp.Expr, side: str):
    terms = _terms(expr)
    if expr == 0:
        return
    for i, t in enumerate(terms):
        rest = sp.Add(*(terms[:i] + terms[i + 1:]))
        tag = f"{side}: term {i + 1}" if len(terms) > 1 else side
        yield f"{tag} sign flipped", rest - t
        yield f"{tag} x2", rest + 2 * t
        yield f"{tag} x1/2", rest + t / 2
        if len(terms) > 1:
            yield f"{tag} dropped", rest
    for node in sp.preorder_traversal(expr):
        if node.is_Pow and node.exp.is_Integer and node.exp not in (0,):
            for d in (1, -1):
                new_exp = node.exp + d
                if new_exp != 0:
                    yield f"{side}: power {sp.sstr(node)} -> exponent {new_exp}", expr.xreplace(
                        {node: sp.Pow(node.base, new_exp, evaluate=False)})
    syms = sorted(expr.free_symbols, key=str)
    for i, a in enumerate(syms):
        for b in syms[i + 1:]:
            if a.assumptions0 == b.assumptions0:
                yield f"{side}: {a} <-> {b}", expr.xreplace({a: b, b: a})
    if expr.has(sp.pi):
        yield f"{side}: factor 4 pi removed", expr / (4 * sp.pi)
    for s in syms:
        if str(s) in _CONSTANT_NAMES:
            yield f"{side}: factor {s} removed", expr.xreplace({s: 1})
            yield f"{side}: extra factor {s}", expr * s


def mutants(claim: Claim, limit: int = MAX_MUTANTS) -> list[Mutant]:
    """Distinct mutants of the claim's relation, at most ``limit``, in a fixed order (deterministic)."""
    out, seen = [], {sp.srepr(sp.expand(claim.residual))}   # a swap of commuting factors gives the claim back
    candidates = []
    for label, new in _side_mutations(claim.rhs, "rhs"):
        candidates.append((label, claim.lhs, new))
    for label, new in _side_mutations(claim.lhs, "lhs"):
        candidates.append((label, new, claim.rhs))
    if not claim.rhs.has(sp.pi) and not claim.lhs.has(sp.pi):
        candidates.append(("rhs: extra factor 4 pi", claim.lhs, 4 * sp.pi * claim.rhs))
    for label, lhs, rhs in candidates:
        key = sp.srepr(sp.expand(lhs - rhs))
        if key in seen:
            continue
        seen.add(key)
        try:
            out.append(Mutant(label, claim.with_formula(lhs, rhs)))
        except Exception:  # noqa: BLE001 - a mutant that is not a valid claim is no mutant
            continue
        if len(out) >= limit:
            break
    return out


@dataclass
class MutantResult:
    claim_id: str
    family: str
    label: str
    status: str          # killed | equivalent | survived
    reason: str


def relation_equivalent(original: Claim, mutant: Claim) -> str | None:
    """Why the mutant's relation is true whenever the original's is, judged on the relation alone (no model), or
    None. Each case is exact:

    * EQ: the mutant's residual is a nonzero constant times the original's (``X = 0`` and ``2X = 0``);
    * MOD: the mutant's residual is a nonzero integer times the original's (``-Q = 0 mod q``);
    * LE / GE: the mutant's residual is a positive constant times the original's, or differs from it by a term of
      the safe sign under the declared assumptions (``mu <= 1`` implies ``mu <= 2``): a weaker, true inequality,
      which must not be refuted.
    """
    try:
        with time_limit(_EQUIVALENCE_SECONDS):
            return _relation_equivalent(original, mutant)
    except TimeLimitExceeded:
        return None                      # undecided here: the mutant is checked like any other


def _relation_equivalent(original: Claim, mutant: Claim) -> str | None:
    # SymPy's automatic combination already reduces (2 t) / t to 2 and (a + 2 t) - (a + t) to t, which is what the
    # mutation operators need; cancel only on small residuals; anything more is left to the checking layers
    r0, r1 = original.residual, mutant.residual
    ratio = r1 / r0 if r0 != 0 else None
    if ratio is not None and not ratio.is_number and sp.count_ops(ratio) < 20:
        ratio = sp.cancel(ratio)         # small residuals only: 2 x - 2 y over x - y
    if original.relation is Relation.EQ and ratio is not None:
        if ratio.is_number and ratio.is_zero is False and ratio.is_finite:
            return f"the mutant's residual is {sp.sstr(ratio)} times the original's: the same relation"
    if original.relation is Relation.MOD and ratio is not None and mutant.quantum == original.quantum:
        if ratio.is_integer and ratio.is_zero is False:
            return (f"the mutant's residual is {sp.sstr(ratio)} times the original's, a multiple of the quantum "
                    "whenever the original's is: " + ("the same relation" if abs(ratio) == 1 else "implied, true"))
    if original.relation in (Relation.LE, Relation.GE):
        if ratio is not None and ratio.is_number and ratio.is_positive:
            return f"the mutant's residual is {sp.sstr(ratio)} times the original's: the same inequality"
        d = sp.factor_terms(r1 - r0)     # -l/(2 pi) + l/(2 pi^2) -> l (1 - pi)/(2 pi^2): a sign SymPy can see
        safe = d.is_nonpositive if original.relation is Relation.LE else d.is_nonnegative
        if safe:
            return "implied by the original under the declared assumptions: a weaker inequality, true"
    return None


def _classify(v: Verdict, symbolic: LayerResult | None) -> tuple[str, str]:
    if symbolic is not None and symbolic.outcome is Layer.HOLDS:
        return "equivalent", "the mutant's own residual simplifies to 0: a true statement, not a mistake"
    if v.status is Status.REFUTED:
        return "killed", v.reason
    why = {Status.CONFIRMED: "numeric instances cannot tell it apart",
           Status.INCONCLUSIVE: "no layer could decide", Status.PROVED: "proved"}[v.status]
    if symbolic is not None and symbolic.outcome is Layer.FAILS:
        why += f" (its symbolic residual does not vanish: {symbolic.residual})"
    return "survived", f"{why}: {v.reason}"


def run_mutation(claims: list[Claim], families: dict[str, str], *, seed: int, samples: int | None, jobs: int,
                 timeout: float, limit: int = MAX_MUTANTS, progress=None) -> list[MutantResult]:
    """Check every mutant of ``claims`` and classify it.

    Mutants whose relation is equivalent to (or, for inequalities, implied by) the original's are set aside
    without a check. The others go through the dimension, sampling and numeric layers (no shrinking: a kill is
    enough); the symbolic layer then runs on those not refuted, to tell a true (equivalent) mutant from a survivor.
    """
    out: list[MutantResult | None] = []
    todo = []
    for c in claims:
        for m in mutants(c, limit):
            why = relation_equivalent(c, m.claim)
            if why:
                out.append(MutantResult(c.id, families.get(c.id, c.paper), m.label, "equivalent", why))
                if progress:
                    progress(None)
            else:
                todo.append((len(out), c, m))
                out.append(None)
    verdicts = check_many([m.claim for _, _, m in todo], seed=seed, samples=samples, jobs=jobs, timeout=timeout,
                          shrink=False, on_done=progress, layers=("dimensions", "sampling", "numeric"))
    alive = [i for i, v in enumerate(verdicts) if v.status is not Status.REFUTED]
    symbolic: dict[int, LayerResult] = {}
    if alive:
        again = check_many([todo[i][2].claim for i in alive], seed=seed, samples=samples, jobs=jobs,
                           timeout=timeout, shrink=False, layers=("symbolic",))
        symbolic = {i: v.symbolic for i, v in zip(alive, again)}
    for i, ((k, c, m), v) in enumerate(zip(todo, verdicts)):
        status, reason = _classify(v, symbolic.get(i))
        out[k] = MutantResult(c.id, families.get(c.id, c.paper), m.label, status, reason)
    return out


def report_lines(results: list[MutantResult]) -> list[str]:
    lines = []
    by_family = defaultdict(list)
    for r in results:
        by_family[r.family].append(r)
    for fam in sorted(by_family):
        rs = by_family[fam]
        k = sum(r.status == "killed" for r in rs)
        n = sum(r.status != "equivalent" for r in rs)
        eq = sum(r.status == "equivalent" for r in rs)
        lines.append(f"{fam:<28} killed {k:>4}/{n:<4} ({100 * k / n if n else 100:5.1f}%)   equivalent {eq}")
    survivors = [r for r in results if r.status == "survived"]
    if survivors:
        lines.append("\nsurviving mutants:")
        lines += [f"  {r.claim_id:<14} {r.label:<40} {r.reason[:110]}" for r in survivors]
    k = sum(r.status == "killed" for r in results)
    n = sum(r.status != "equivalent" for r in results)
    lines.append(f"\nkill rate: {k}/{n}")
    return lines


def _passed_in(path, seed: int, samples: int | None) -> set[str]:
    """IDs a previous run PROVED or CONFIRMED; its seed and samples must be this run's (else its verdicts differ)."""
    from .errors import InvalidArgument
    from .results import read
    doc = read(path)
    if (doc["seed"], doc["samples"]) != (seed, samples):
        raise InvalidArgument(f"{path} was written with --seed {doc['seed']} --samples {doc['samples']}, this run "
                              f"uses --seed {seed} --samples {samples}; pass the same options or drop --from")
    return {c["id"] for c in doc["claims"] if c["verdict"] in ("PROVED", "CONFIRMED")}


def run_cli(args) -> int:
    """``derivcheck mutate``: check the selection, mutate what it PROVES or CONFIRMS, print the kill rate."""
    from tqdm import tqdm

    from . import registry
    from .cli import _run, _select
    t0 = time.monotonic()
    passed = _passed_in(args.source, args.seed, args.samples) if args.source else None  # fail before the slow load
    cat = registry.load()
    entries = _select(args, cat)
    if passed is None:
        base = _run(args, entries)
        passed = {k for k, v in base.items() if v.status in (Status.PROVED, Status.CONFIRMED)}
    claims = [e.claim for e in entries if e.id in passed and e.claim is not None]
    families = {e.id: f"{e.paper}/{registry._FACTORIES[e.id][0].split('.')[1]}" for e in entries
                if e.id in registry._FACTORIES}
    n_mut = sum(len(mutants(c)) for c in claims)
    bar = tqdm(total=n_mut, unit="mutant", file=sys.stderr, disable=args.quiet or not sys.stderr.isatty())
    results = run_mutation(claims, families, seed=args.seed, samples=args.samples or 10, jobs=args.jobs,
                           timeout=args.timeout, progress=lambda v: bar.update())
    bar.close()
    print(f"{len(claims)} claims PROVED or CONFIRMED, {len(results)} mutants, "
          f"{time.monotonic() - t0:.0f} s", file=sys.stderr)
    for line in report_lines(results):
        print(line)
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps([r.__dict__ for r in results], indent=1) + "\n", encoding="utf-8")
    return 0
