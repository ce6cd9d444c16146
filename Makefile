# The README's two commands: `make run` and `make test`. Both build .venv from scratch with
# only Python >= 3.11 and pip.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: install run test test-fast fixtures check-fixtures bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "docscreen needs Python >= 3.11"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test,build]'
	touch $(STAMP)

install: $(STAMP)

## Read every bundled fixture and print what was extracted (no document text is printed).
## Exit code 3 is expected: some fixtures are deliberately unreadable (encrypted, image-only).
run: $(STAMP)
	$(BIN)/docscreen extract fixtures/docs || test $$? -eq 3

## The whole suite, corpus sweeps included.
test: $(STAMP)
	$(BIN)/python -m pytest

## Everything but the slow sweeps.
test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not slow"

fixtures: $(STAMP)
	$(BIN)/python fixtures/generate.py

check-fixtures: $(STAMP)
	$(BIN)/python fixtures/generate.py --check

bench: $(STAMP)
	$(BIN)/python bench/extraction_speed.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache
