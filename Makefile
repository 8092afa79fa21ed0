# SDI Desktop: `make run` opens the app, `make test` runs the whole suite headless.
# Both create the virtual environment in .venv on first use. `make bundle` builds the
# double-clickable app in dist/sdi-desktop/ (it adds PyInstaller to .venv first).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
PACKAGING_STAMP := $(VENV)/.packaging-stamp
CONSTRAINTS := requirements/constraints.txt
PIP_FLAGS := --quiet --disable-pip-version-check

.PHONY: run test test-packaging lint bench screenshots venv clean bundle

venv: $(STAMP)

$(STAMP): pyproject.toml $(CONSTRAINTS)
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "Installing SDI Desktop and its pinned dependencies into $(VENV) ..."
	$(BIN)/python -m pip install $(PIP_FLAGS) -c $(CONSTRAINTS) -e '.[dev]'
	@touch $(STAMP)

# PyInstaller and its pinned dependencies: only for bundling, never for `make test`.
$(PACKAGING_STAMP): $(STAMP)
	@echo "Installing the packaging tools (PyInstaller) into $(VENV) ..."
	$(BIN)/python -m pip install $(PIP_FLAGS) -c $(CONSTRAINTS) -e '.[dev,packaging]'
	@touch $(PACKAGING_STAMP)

run: $(STAMP)
	$(BIN)/sdi-desktop $(ARGS)

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

# The bundle and wheel tests (tests/packaging): they build dist/ and a wheel, so they run
# only where PyInstaller is installed; this target installs it. CI runs it after `make test`.
test-packaging: $(PACKAGING_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest tests/packaging $(PYTEST_ARGS)

bundle: $(PACKAGING_STAMP)
	$(BIN)/python packaging/build.py

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

# Every benchmark, even after one fails; a summary table at the end; exit 1 unless all OK.
bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/run_all.py $(BENCH_ARGS)

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/sdi-desktop screenshots docs/screenshots

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache
