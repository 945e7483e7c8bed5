# Two commands do all the set-up on a fresh machine (Python 3.11+, git, make):
#   make serve   build the pages and serve the site on http://127.0.0.1:8000
#   make test    lint, type-check, check docs/ is current, and run every test
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test lint site check audit bench clean

$(VENV)/.installed: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

# The browser-side checkers (Lighthouse, the Nu HTML checker) come from npm, pinned in
# package-lock.json. Without npm the tests that need them are skipped locally (never in CI).
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm not found: Lighthouse and vnu checks will be skipped outside CI"; fi

serve: $(VENV)/.installed
	$(BIN)/python -m generator build
	$(BIN)/mkdocs serve -a 127.0.0.1:8000

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

check: $(VENV)/.installed
	$(BIN)/python -m generator build --check

test: $(VENV)/.installed node_modules/.installed lint check
	$(BIN)/pytest -q

site: $(VENV)/.installed
	$(BIN)/python -m generator build
	$(BIN)/mkdocs build

audit: $(VENV)/.installed node_modules/.installed
	$(BIN)/python scripts/audit.py

bench: $(VENV)/.installed
	$(BIN)/python -m benchmarks.run

clean:
	rm -rf site .pytest_cache .mypy_cache .ruff_cache
