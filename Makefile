# One entry point for people and CI alike: `make serve`, `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Material prints an end-of-life notice on every build; we know (see README).
export NO_MKDOCS_2_WARNING := 1
# Values a person or CI passes in (YEAR, ARGS, BASE, HEAD, SCALES …) reach the recipes only as
# environment variables, read by the shell ("$$YEAR"): make never pastes them into a command line,
# so a crafted tag or branch name is an argument, never a command. CI sets them in the
# environment (YEAR=2026 make release), which make passes on unexpanded; defaults are exported
# for their own targets only.

.PHONY: serve build test validate release draft lint bench lighthouse clean golden new-region governance fork-test site-sources figures

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

## figures: fetch the indicators' figures from Kolada and SCB into strategy/ (make figures ARGS="--summary pr.md")
# KOLADA_API_URL and SCB_API_URL (a mirror, a local stand-in) reach the command through the environment.
figures: $(STAMP)
	set -f; scripts/fetch-figures $${ARGS-}

## site-sources: the site as plain files for any engine in OUT (make site-sources OUT=build/sources), built and revealed
# OUT reaches the recipe through the environment, quoted by the shell. The build, the reveal and
# the search index of the revealed pages are the steps any engine that reads mkdocs.yml needs.
site-sources: export OUT ?= build/sources
site-sources: $(STAMP)
	scripts/site-sources "$$OUT"
	$(BIN)/mkdocs build --strict --config-file "$$OUT/mkdocs.yml"
	scripts/site-sources --reveal "$$OUT"
	$(BIN)/python -m strategy_as_code.publishing.search_index "$$OUT/site"

## release: publish the adopted version YEAR (make release YEAR=2026) with mike to gh-pages
# ARGS (e.g. --from-tag) is split into words by the shell, with globbing off, and never evaluated.
release: $(STAMP)
	set -f; scripts/release "$${YEAR-}" $${ARGS-}

## draft: publish the working tree as the draft version /utkast/
draft: $(STAMP)
	scripts/release utkast

## new-region: replace the example in strategy/ with a clean start for a real region (make new-region REGION="Region Gävleborg")
# REGION reaches the command through the environment and is quoted by the shell, never pasted
# into the command line; ARGS passes options (ARGS="--site-url https://… --yes").
new-region: $(STAMP)
	set -f; scripts/new-region $${REGION:+"$$REGION"} $${ARGS-}

## fork-test: the template as a region takes it: in a scratch copy, make new-region, validate and build for each of the 21 regions, then the whole test suite for REGION (default "Region Gävleborg")
# REGION reaches the script through the environment and is quoted by the shell.
fork-test: $(STAMP)
	scripts/fork-test $${REGION:+"$$REGION"}

## governance: write .github/CODEOWNERS, the issue forms' contact link, the PR template and CONTRIBUTING.md's region lines from strategy/strategy.yml
governance: $(STAMP)
	scripts/governance

## lint: static checks of the Python code (ruff, and mypy on the core) and the YAML files
lint: $(STAMP)
	$(BIN)/ruff check src macros tests
	$(BIN)/mypy
	$(BIN)/yamllint --strict strategy examples

## test: every test, browser tests included (they need Debian's chromium: apt-get install chromium)
test: $(STAMP)
	$(BIN)/ruff check src macros tests
	$(BIN)/mypy
	$(BIN)/yamllint --strict strategy examples
	$(BIN)/python -m pytest

## golden: write the golden files of tests/golden/ and the reports of tests/broken/ anew after a deliberate change of output (review with git diff)
golden: $(STAMP)
	UPDATE_GOLDEN=1 $(BIN)/python -m pytest -q tests/test_golden.py tests/test_broken_fixtures.py

## bench: validation and build time, memory and page weight at several scales; writes BENCHMARKS.md
bench: export SCALES ?= 1 10 100
bench: export RUNS ?= 3
bench: export INSTRUCTIONS ?= 10
bench: $(STAMP)
	set -f; scripts/bench --scales $$SCALES --runs "$$RUNS" --instructions-up-to "$$INSTRUCTIONS"

## lighthouse: Lighthouse's phone scores for four pages of the example, served with gzip; writes its section of BENCHMARKS.md
lighthouse: export RUNS ?= 3
lighthouse: $(STAMP)
	scripts/lighthouse --runs "$$RUNS"

clean:
	rm -rf site build $(VENV) .pytest_cache .bench

# Comparing two versions of the strategy (issue 3). Both read git, never the working tree.
diff pr-summary: export BASE ?= main
diff pr-summary: export HEAD ?= HEAD
.PHONY: diff pr-summary

## diff: what changed in the strategy between two git revisions, in Swedish (make diff BASE=main HEAD=HEAD)
diff: $(STAMP)
	scripts/strategy-diff "$$BASE" "$$HEAD"

## pr-summary: the pull request's review comment: is HEAD valid, and what changed since BASE (CI runs this)
pr-summary: $(STAMP)
	$(BIN)/python -m strategy_as_code review "$$BASE" "$$HEAD" --base-label "$${BASE_LABEL-}" --head-label "$${HEAD_LABEL-}"
