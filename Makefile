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
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test,build,serve,spark]'
	touch $(STAMP)

install: $(STAMP)

## Scan every bundled fixture and print each verdict (masked previews only, never document text).
## Exit code 1 is expected: fixtures carry planted sensitive data and an encrypted PDF on purpose,
## so some are rejected. 2 (usage error) or 3 (a fixture could not be scanned: a crash or a
## timeout) would be a real failure and still fails `make run`.
run: $(STAMP)
	$(BIN)/docscreen scan fixtures/docs || test $$? -eq 1

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
