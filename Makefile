# briefing: `make site` sets itself up and builds; `make test` runs every test.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TESTED := $(VENV)/.installed-test

.PHONY: site test test-fast lint serve offline screenshots bench build check clean fuzz mutate

# The venv, with the exact versions of requirements.lock and our package:
# what building and serving need. The test tools come with `make test`.
# Debian packages beyond pip's: installed when root, else named in one line.
SYSTEM := PYTHON=$(PYTHON) scripts/system-packages.sh

$(STAMP): requirements.lock pyproject.toml
	@$(SYSTEM) python3-venv
	@$(PYTHON) -m venv $(VENV) || { echo "error: '$(PYTHON) -m venv' failed; on Debian run: apt-get install python3-venv"; exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $(STAMP)

# The test tools of requirements-test.lock, added to the same venv.
$(TESTED): $(STAMP) requirements-test.lock
	$(BIN)/python -m pip install --quiet -r requirements.lock -r requirements-test.lock
	@touch $(TESTED)

build: $(STAMP)            ## convert seeds/ into docs/ and references.bib
	$(BIN)/briefing build

site: build                ## the site, into site/ (built beside it, switched in whole)
	$(BIN)/briefing site

check: $(STAMP)            ## fail if generated files are stale
	$(BIN)/briefing build --check

lint: $(TESTED)
	$(BIN)/ruff check scripts tests
	$(BIN)/ruff format --check scripts tests
	$(BIN)/mypy
	$(BIN)/lint-imports   # stages import only the stages below them

test: $(TESTED) lint       ## every test, browser tests included, on every core
	@$(SYSTEM) chromium poppler-utils
	$(BIN)/python -m pytest -n auto --dist loadfile --no-loadscope-reorder

test-fast: $(TESTED) lint  ## under a minute: lint, types, the tests that need no browser and no site of their own
	$(BIN)/python -m pytest -n auto --dist loadfile --no-loadscope-reorder -m "not browser and not site and not slow"

fuzz: $(TESTED)            ## long property-based runs (10,000 seeds)
	$(BIN)/python -m pytest -m slow

serve: $(STAMP)            ## live site on http://127.0.0.1:8000; an edit rebuilds what it changes
	$(BIN)/briefing serve --dev-addr 127.0.0.1:8000

offline: build              ## a copy for file:// browsing: site-offline/ and dist/briefing-offline.zip
	$(BIN)/briefing site --offline
	@echo "open site-offline/index.html, or unzip dist/briefing-offline.zip anywhere and open its index.html"
	@echo "large archive? search it fast from a local server: python3 -m http.server -d site-offline 8000"

screenshots: build          ## PNGs of the site for the README, into screenshots/
	@$(SYSTEM) chromium
	$(BIN)/python scripts/screenshots.py screenshots

# Mutation testing of the core modules ([tool.mutmut] in pyproject.toml), not
# part of `make test`. Results are kept in mutants/: a second run tests only the
# mutants of functions changed since. MUTANTS='briefing.escape.*' runs one module
# again (all of its mutants); docs-dev/MUTATION.md has the scores and survivors.
MUTANTS ?=
mutate: $(TESTED)          ## mutation testing (mutmut) of the core modules; MUTANTS='briefing.references.ris.*' for one
	ln -sfn scripts src
	HYPOTHESIS_PROFILE=mutate $(BIN)/mutmut run --max-children 2 $(MUTANTS) > mutants.log 2>&1 || { tail -c 3000 mutants.log; exit 1; }
	$(BIN)/python scripts/mutation_score.py

# mkdocs-bibtex, for comparison, in its own venv: never in .venv.
BENCH_VENV := bench/venv-bibtex
$(BENCH_VENV)/.installed:
	$(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet mkdocs-bibtex==4.4.0 \
	  $$(grep -E '^(mkdocs|mkdocs-material|Markdown|pymdown-extensions)==' requirements.lock)
	@touch $@

bench: $(STAMP) $(BENCH_VENV)/.installed   ## timings at scale (not part of test)
	@$(SYSTEM) chromium
	$(BIN)/briefing bench run

clean:
	rm -rf site site-offline dist
