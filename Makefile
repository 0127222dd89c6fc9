# One entry point for people and CI alike: `make serve`, `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Material prints an end-of-life notice on every build; we know (see README).
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test validate release draft lint bench clean golden new-region

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

## serve: build the site and serve it on http://127.0.0.1:8000, rebuilding on every change
serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

## build: build the site into site/, failing on any problem
build: $(STAMP)
	$(BIN)/mkdocs build --strict

## validate: check every file in strategy/ and report every problem at once
validate: $(STAMP)
	scripts/validate strategy

## release: publish the adopted version YEAR (make release YEAR=2026) with mike to gh-pages
release: $(STAMP)
	scripts/release $(YEAR) $(ARGS)

## draft: publish the working tree as the draft version /utkast/
draft: $(STAMP)
	scripts/release utkast

## new-region: replace the example in strategy/ with a clean start for a real region (make new-region REGION="Region Gävleborg")
# REGION reaches the command through the environment and is quoted by the shell, never pasted
# into the command line; ARGS passes options (ARGS="--site-url https://… --yes").
new-region: $(STAMP)
	scripts/new-region $${REGION:+"$$REGION"} $(ARGS)

## lint: static checks of the Python code and the YAML files
lint: $(STAMP)
	$(BIN)/ruff check src macros tests
	$(BIN)/yamllint --strict strategy

## test: every test, browser tests included (they need Debian's chromium: apt-get install chromium)
test: $(STAMP)
	$(BIN)/ruff check src macros tests
	$(BIN)/yamllint --strict strategy
	$(BIN)/python -m pytest

## golden: write the golden files of tests/golden/ anew after a deliberate change of output (review with git diff)
golden: $(STAMP)
	UPDATE_GOLDEN=1 $(BIN)/python -m pytest -q tests/test_golden.py

## bench: validation and build time, memory and page weight at several scales; writes BENCHMARKS.md
SCALES ?= 1 10 100
RUNS ?= 3
INSTRUCTIONS ?= 10
bench: $(STAMP)
	scripts/bench --scales $(SCALES) --runs $(RUNS) --instructions-up-to $(INSTRUCTIONS)

clean:
	rm -rf site $(VENV) .pytest_cache .bench

# Comparing two versions of the strategy (issue 3). Both read git, never the working tree.
BASE ?= main
HEAD ?= HEAD
.PHONY: diff pr-summary

## diff: what changed in the strategy between two git revisions, in Swedish (make diff BASE=main HEAD=HEAD)
diff: $(STAMP)
	scripts/strategy-diff "$(BASE)" "$(HEAD)"

## pr-summary: the pull request's review comment: is HEAD valid, and what changed since BASE (CI runs this)
# The labels come from the environment and are expanded by the shell, so CI's values are never
# pasted into the command line.
pr-summary: $(STAMP)
	$(BIN)/python -m strategy_as_code review "$(BASE)" "$(HEAD)" --base-label "$${BASE_LABEL-}" --head-label "$${HEAD_LABEL-}"
