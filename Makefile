# SDI Desktop: `make run` opens the app, `make test` runs the whole suite headless.
# Both create the virtual environment in .venv on first use.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
CONSTRAINTS := requirements/constraints.txt
PIP_FLAGS := --quiet --disable-pip-version-check

.PHONY: run test lint bench screenshots venv clean bundle

venv: $(STAMP)

$(STAMP): pyproject.toml $(CONSTRAINTS)
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "Installing SDI Desktop and its pinned dependencies into $(VENV) ..."
	$(BIN)/python -m pip install $(PIP_FLAGS) -c $(CONSTRAINTS) -e '.[dev]'
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/sdi-desktop $(ARGS)

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

bench: $(STAMP)
	@for f in benchmarks/*.py; do \
		echo "== $$f"; QT_QPA_PLATFORM=offscreen $(BIN)/python $$f || exit 1; \
	done

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/sdi-desktop screenshots docs/screenshots

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache
