"""Error messages of the command line: each says what is wrong and how to fix it, never a traceback."""

import json

import pytest

from derivcheck.cli import main

CASES = [
    (["check", "T-A-99"], r"no claim 'T-A-99'; closest: T-A-"),
    (["check", "--paper", "tangney"], r"no paper 'tangney'; closest: tangney2024"),
    (["check"], r"nothing selected: name claim IDs, or use --all"),
    (["show", "X-1"], r"no claim 'X-1'"),
    (["summary", "--from", "{bad}"], r"is not a derivcheck verdict file .*derivcheck check --all --json"),
    (["summary", "--from", "{good}", "--readme", "{readme}"], r"has no <!-- verdicts:start -->"),
    (["report", "--from", "{missing}"], r"No such file"),
]


@pytest.mark.parametrize("argv, message", CASES)
def test_error_message(argv, message, tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"schema": "other"}))
    good = tmp_path / "good.json"
    good.write_text(json.dumps({"schema": "derivcheck/verdicts/1", "claims": []}))
    readme = tmp_path / "README.md"
    readme.write_text("# no markers\n")
    fill = {"bad": str(bad), "good": str(good), "readme": str(readme), "missing": str(tmp_path / "nope.json")}
    argv = [a.format(**fill) for a in argv]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert __import__("re").search(message, err), err


@pytest.mark.parametrize("argv, message", [
    (["check", "--all", "--samples", "0"], "0 is not positive"),
    (["check", "--all", "--samples", "many"], "'many' is not a whole number"),
    (["check", "--all", "--timeout", "-1"], "is not positive; give a number of seconds"),
])
def test_bad_option_values_are_explained(argv, message, capsys):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    assert message in capsys.readouterr().err


def test_check_of_a_refuted_claim_exits_zero(tmp_path, capsys):
    out = tmp_path / "v.json"
    assert main(["check", "T-A-48", "--samples", "5", "-q", "--json", str(out)]) == 0
    doc = json.loads(out.read_text())
    assert doc["claims"][0]["verdict"] == "REFUTED"
    assert doc["claims"][0]["evidence"]["numeric"]["counterexample"]
