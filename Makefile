# The two commands of the README. Each creates (or reuses) the virtual environment .venv from pyproject.toml.
#   make report   check the whole catalogue; write verdicts, LaTeX/PDF reports and figures into build/
#   make test     run the test suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-from-pyproject

.PHONY: report test bench clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

report: $(STAMP)
	$(BIN)/derivcheck report --all -o build --pdf

test: $(STAMP)
	$(BIN)/python -m pytest -n 2 --dist loadfile

bench: $(STAMP)
	$(BIN)/python benchmarks/mutation.py

clean:
	rm -rf build .derivcheck
