# Two commands for a fresh clone: `make run` and `make test`. See README.md.
.DEFAULT_GOAL := help
SHELL := /bin/bash

PORT ?= 8000
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
# Local commands default to development mode; set DEBUG=false (and SECRET_KEY) to override.
MANAGE := DEBUG=$${DEBUG:-true} $(PY) manage.py

# The first interpreter found that is Python 3.12 or newer (pyenv honours .python-version).
PYTHON ?= $(shell for p in python3 python3.14 python3.13 python3.12; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null \
	&& { command -v $$p; break; }; done)

.PHONY: help venv checkers run serve setup load test test-postgres lint format export migrations-check messages lock clean

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

$(BIN)/.installed: requirements/dev.txt
	@if [ -z "$(PYTHON)" ]; then \
		echo "No Python 3.12 or newer was found on PATH (tried python3, python3.14, python3.13, python3.12)."; \
		echo "Install Python 3.12+ or pass one explicitly: make run PYTHON=/path/to/python3.12"; \
		exit 1; fi
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --require-hashes -r requirements/dev.txt
	touch $@

venv: $(BIN)/.installed ## Create the virtual environment from the pinned lock

# axe-core and vnu.jar, pinned in package-lock.json. --ignore-scripts: vnu-jar's install
# script would download a Java runtime of its own; the tests run Debian's.
node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || { \
		echo "npm is missing: the browser tests need it for axe-core and vnu.jar."; \
		echo "Install Node.js and npm (apt-get install nodejs npm), then run make again."; \
		exit 1; }
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

checkers: node_modules/.installed ## Install the browser tests' checkers (axe-core, vnu.jar) with npm

setup: venv ## Migrate and load every fixture (safe to run twice)
	$(MANAGE) setup_directory

run: setup ## Set up and serve the site on http://127.0.0.1:$(PORT)/ (SQLite by default)
	$(MANAGE) runserver 127.0.0.1:$(PORT)

test: venv checkers ## Run the whole test suite (browser tests included)
	$(BIN)/pytest

export: venv ## Write the database back into fixtures/ (DIR=path to write elsewhere)
	$(MANAGE) export_fixtures $(DIR)

lint: venv ## ruff lint and format check, migrations check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(MANAGE) makemigrations --check --dry-run

format: venv ## Format and fix with ruff
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

messages: venv ## Update the Arabic catalogue from the code and compile it (needs GNU gettext)
	$(MANAGE) makemessages -l ar --no-obsolete --ignore=.venv --ignore=node_modules \
		--ignore=tests --ignore=benchmarks --ignore=staticfiles --ignore=scripts
	$(MANAGE) compilemessages -l ar --ignore=.venv --ignore=node_modules

lock: venv ## Re-pin requirements/*.txt from pyproject.toml
	$(BIN)/pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --generate-hashes -q -o requirements/base.txt
	$(BIN)/uv pip compile pyproject.toml --extra dev --generate-hashes -q -o requirements/dev.txt

clean: ## Remove the virtual environment and caches
	rm -rf $(VENV) node_modules .pytest_cache .ruff_cache staticfiles
