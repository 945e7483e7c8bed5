# Two commands do all the set-up on a fresh machine (Python 3.11+, git, make):
#   make serve   build the pages and serve the site on http://127.0.0.1:8000
#   make test    lint, type-check, check docs/ is current, and run every test
# The same site with Zensical: make site-zensical, make serve-zensical (README, "Zensical").
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
ADDR ?= 127.0.0.1:8000
# The Zensical release the site is tested with (requirements.lock pins the same; README says
# what blocks a newer one). The set-up fails if pip resolved anything else.
ZENSICAL_VERSION := 0.0.73
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve serve-zensical test lint site site-zensical check audit bench clean

$(VENV)/.installed: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@$(BIN)/python -c 'import importlib.metadata as m, sys; v = m.version("zensical"); \
	sys.exit(v != "$(ZENSICAL_VERSION)" and f"set-up failed: zensical {v} is installed, the site needs $(ZENSICAL_VERSION) (README: Zensical)")'
	touch $@

# The browser-side checkers (Lighthouse, the Nu HTML checker) come from npm, pinned in
# package-lock.json. Without npm the tests that need them are skipped locally (never in CI).
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm not found: Lighthouse and vnu checks will be skipped outside CI"; fi

serve: $(VENV)/.installed
	$(BIN)/python -m generator build
	$(BIN)/mkdocs serve --dirty -a $(ADDR)

# Zensical runs no hooks: the generator's watcher rebuilds docs/ from seeds/ beside it, and
# `zensical serve` follows docs/ (and hand-written pages, overrides, mkdocs.yml) itself
# (through generator.zensical_run: the same serve, each page's anchor scan remembered).
serve-zensical: $(VENV)/.installed
	$(BIN)/python -m generator build
	@$(BIN)/python -m generator watch & watcher=$$!; \
		trap 'kill $$watcher 2>/dev/null' EXIT INT TERM; \
		$(BIN)/python -m generator.zensical_run serve -a $(ADDR)

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

check: $(VENV)/.installed
	$(BIN)/python -m generator build --check

# Byte-compiled first: the suite starts hundreds of Python processes (builds, mkdocs, kill
# harnesses), and with PYTHONDONTWRITEBYTECODE set none would keep its compiled code (each
# compiled the generator again); a checkout that ran once has these files anyway.
test: $(VENV)/.installed node_modules/.installed lint check
	$(BIN)/python -m compileall -q generator scripts benchmarks tests
	$(BIN)/pytest -q -n 2

site: $(VENV)/.installed
	$(BIN)/python -m generator build
	$(BIN)/mkdocs build

site-zensical: $(VENV)/.installed
	$(BIN)/python -m generator build
	$(BIN)/zensical build --strict  # no --clean: it would delete all of .cache/, the generator's too

audit: $(VENV)/.installed node_modules/.installed
	$(BIN)/python scripts/audit.py

bench: $(VENV)/.installed
	$(BIN)/python -m benchmarks.run

clean:
	rm -rf site .pytest_cache .mypy_cache .ruff_cache
