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
# Mermaid's own parser, for the test of the Mermaid export (tests/js; needs Node.js and npm).
JS_STAMP := tests/js/node_modules/.installed-stamp

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

test: $(STAMP) $(JS_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

# Without Node.js (or without the registry) the Mermaid parser test skips, naming what to install.
$(JS_STAMP): tests/js/package.json tests/js/package-lock.json
	@if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then \
		echo "Installing Mermaid's parser for the export tests (npm ci --prefix tests/js) ..."; \
		npm ci --prefix tests/js --no-audit --no-fund --loglevel=error && touch $(JS_STAMP) \
			|| echo "npm ci failed: the Mermaid parser test will be skipped"; \
	else \
		echo "Node.js not found: the Mermaid parser test will be skipped (install nodejs and npm)"; \
	fi

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
# It installs PyInstaller first (as `make bundle` does): bundle.py builds and measures the bundle.
bench: $(PACKAGING_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/run_all.py $(BENCH_ARGS)

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/sdi-desktop screenshots docs/screenshots

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache
