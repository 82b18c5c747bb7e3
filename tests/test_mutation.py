"""The mutation benchmark: operators, equivalent-mutant detection, and kills through both layers."""

import sympy as sp

from derivcheck import Claim, Status, check
from derivcheck.mutation import mutants, report_lines, run_mutation
from derivations import finnis

x = sp.Symbol("x", real=True)
y = sp.Symbol("y", real=True)


def test_mutants_cover_the_operators():
    labels = [m.label for m in mutants(finnis.sigma_eq51(), limit=100)]
    assert any("sign flipped" in lb for lb in labels)
    assert any("x2" in lb for lb in labels) and any("x1/2" in lb for lb in labels)
    assert any("dropped" in lb for lb in labels)
    assert any("power" in lb for lb in labels)
    assert any("<->" in lb for lb in labels)


def test_mutants_are_distinct_and_deterministic():
    a = [(m.label, sp.srepr(m.claim.residual)) for m in mutants(finnis.sigma_eq51())]
    b = [(m.label, sp.srepr(m.claim.residual)) for m in mutants(finnis.sigma_eq51())]
    assert a == b and len({r for _, r in a}) == len(a)


def test_equivalent_mutant_is_not_counted_against_the_tool():
    # x + y = (x**2 - y**2)/(x - y): swapping x and y on the right gives (y**2 - x**2)/(y - x), still true
    claim = Claim(id="M-1", name="difference_of_squares", paper="cho", location="-", statement="-", lhs=x + y,
                  rhs=(x**2 - y**2) / (x - y))
    results = run_mutation([claim], {}, seed=1, samples=5, jobs=1, timeout=20)
    swaps = [r for r in results if "<->" in r.label]
    assert swaps and all(r.status == "equivalent" for r in swaps)
    assert all(r.status in ("killed", "equivalent") for r in results)


def test_every_mutant_of_the_finnis_family_is_killed():
    claims = [finnis.sigma_eq51(), finnis.sigma_is_independent_of_cut(), finnis.sigma_fig11_caption_corrected()]
    results = run_mutation(claims, {}, seed=3, samples=8, jobs=2, timeout=30)
    survivors = [(r.claim_id, r.label, r.reason) for r in results if r.status == "survived"]
    assert not survivors
    assert report_lines(results)[-1].strip() == f"kill rate: {len(results)}/{len(results)}"


def test_a_mutant_is_killed_by_the_numeric_layer_alone():
    # with the symbolic model and sampling switched off, only the numeric evaluator sees the mutated formula
    import dataclasses
    claim = dataclasses.replace(finnis.sigma_eq51(), definitions={}, sample_residual=False)
    mutant = mutants(claim)[0].claim
    verdict = check(mutant, samples=8)
    assert verdict.status is Status.REFUTED and verdict.numeric.counterexample


def test_mutate_takes_the_originals_verdicts_from_a_previous_run(tmp_path, capsys):
    import json

    import pytest

    from derivcheck.cli import main
    from derivcheck.errors import InvalidArgument
    from derivcheck.mutation import _passed_in
    from derivcheck.results import SCHEMA
    doc = {"schema": SCHEMA, "seed": 5, "samples": 4, "summary": {}, "claims": [
        {"id": "F-51", "verdict": "PROVED"}, {"id": "F-fig11", "verdict": "REFUTED"},
        {"id": "X-1", "verdict": "CONFIRMED"}]}
    path = tmp_path / "v.json"
    path.write_text(json.dumps(doc))
    assert _passed_in(path, 5, 4) == {"F-51", "X-1"}
    with pytest.raises(InvalidArgument, match="--seed 5 --samples 4"):
        _passed_in(path, 6, 4)
    # through the CLI: a mismatching file is a clear error (exit 2), not a traceback
    assert main(["mutate", "T-A-47/51", "--from", str(path), "--seed", "7", "-q"]) == 2
    assert "drop --from" in capsys.readouterr().err


def test_relations_equivalent_or_implied_are_set_aside_without_a_check():
    from derivcheck import Relation
    from derivcheck.mutation import relation_equivalent
    q = sp.Symbol("q", positive=True)
    mu = sp.Symbol("mu", positive=True)

    def c(lhs, rhs, **kw):
        return Claim(id="M-2", name="m", paper="cho", location="-", statement="-", lhs=lhs, rhs=rhs, **kw)
    zero = c(x - y, 0)
    assert relation_equivalent(zero, zero.with_formula(2 * (x - y), 0))            # 2X = 0 iff X = 0
    assert relation_equivalent(zero, zero.with_formula(-(x - y), 0))
    eq = c(x, y)
    assert relation_equivalent(eq, eq.with_formula(x, 2 * y)) is None             # x = 2y is a different claim
    le = c(mu, 1, relation=Relation.LE)
    assert "weaker" in relation_equivalent(le, le.with_formula(mu, 2))            # mu <= 1 implies mu <= 2
    assert relation_equivalent(le, le.with_formula(mu, sp.Rational(1, 2))) is None
    assert relation_equivalent(le, le.with_formula(2 * mu, 1)) is None
    ge = c(mu, 1, relation=Relation.GE)
    assert relation_equivalent(ge, ge.with_formula(2 * mu, 1))                    # mu >= 1 implies 2 mu >= 1
    mod = c(x, 0, relation=Relation.MOD, quantum=q)
    assert "same relation" in relation_equivalent(mod, mod.with_formula(-x, 0))
    assert "implied" in relation_equivalent(mod, mod.with_formula(2 * x, 0))      # x in qZ implies 2x in qZ
    assert relation_equivalent(mod, mod.with_formula(x / 2, 0)) is None
    ge0 = c(x, 0, relation=Relation.GE)
    assert "same inequality" in relation_equivalent(ge0, ge0.with_formula(2 * x, 0))   # 2x >= 0 iff x >= 0
    assert relation_equivalent(ge0, ge0.with_formula(-x, 0)) is None


def test_a_swap_that_gives_the_claim_back_is_no_mutant():
    claim = Claim(id="M-3", name="m", paper="cho", location="-", statement="-", lhs=sp.Symbol("B", real=True),
                  rhs=x * y)                      # x <-> y gives y * x, the same expression
    assert not [m for m in mutants(claim, limit=100) if "<->" in m.label]
