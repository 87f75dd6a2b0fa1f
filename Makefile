# briefing: `make site` sets itself up and builds; `make test` runs every test.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test lint serve offline bench build check clean

# The venv, with the exact versions of requirements.lock and our package.
$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -m venv $(VENV) || { echo "error: '$(PYTHON) -m venv' failed; on Debian run: apt-get install python3-venv"; exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $(STAMP)

build: $(STAMP)            ## convert seeds/ into docs/ and references.bib
	$(BIN)/briefing build

site: build                ## the site, into site/
	$(BIN)/mkdocs build --strict

check: $(STAMP)            ## fail if generated files are stale
	$(BIN)/briefing build --check

lint: $(STAMP)
	$(BIN)/ruff check scripts tests
	$(BIN)/mypy

test: $(STAMP) lint        ## every test, browser tests included
	$(BIN)/python -m pytest

serve: $(STAMP)            ## live site on http://127.0.0.1:8000
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

# mkdocs-bibtex, for comparison, in its own venv: never in .venv.
BENCH_VENV := bench/venv-bibtex
$(BENCH_VENV)/.installed:
	$(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet mkdocs-bibtex==4.4.0 \
	  $$(grep -E '^(mkdocs|mkdocs-material|Markdown|pymdown-extensions)==' requirements.lock)
	@touch $@

bench: $(STAMP) $(BENCH_VENV)/.installed   ## timings at scale (not part of test)
	$(BIN)/briefing bench run

clean:
	rm -rf site site-offline dist
