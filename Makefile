# nianbao: two commands do everything on a fresh machine: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
UV := $(shell command -v uv 2>/dev/null || echo "$(PYTHON) -m uv")
VENV := .venv
PY := $(VENV)/bin/python
DBT := $(VENV)/bin/dbt
NIANBAO := $(VENV)/bin/nianbao
export PYTHONWARNINGS ?= ignore::DeprecationWarning,ignore::UserWarning

.PHONY: run test lint eval eval-real bench dev env manifest browser postgres clean docs validate

## env: create .venv from the lock file (installs uv with pip when missing)
env: $(VENV)/.synced

$(VENV)/.synced: pyproject.toml uv.lock
	@command -v uv >/dev/null 2>&1 || $(PYTHON) -m uv --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet uv
	$(UV) sync --frozen --compile-bytecode
	@touch $@

## manifest: dbt parse, so dagster-dbt can import the definitions
manifest: dbt_project/target/manifest.json

dbt_project/target/manifest.json: $(VENV)/.synced $(shell find dbt_project -name '*.sql' -o -name '*.yml' -o -name '*.yaml' 2>/dev/null | grep -v '/target' | grep -v '/logs')
	cd dbt_project && ../$(DBT) parse --quiet --profiles-dir . --target-path target
	@touch $@

## run: ingest raw/, extract, build the dbt models, check, publish
run: manifest
	$(NIANBAO) run

## test: the whole suite (installs headless Chromium for the report test and the PostgreSQL server for the
## parity test when missing), on TEST_WORKERS pytest-xdist workers (default: one per core), a test file
## per worker at a time (module fixtures are built once); `make test TEST_WORKERS=0` runs in one process
TEST_WORKERS ?= auto
test: manifest browser postgres
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile

## lint: ruff (Python: pycodestyle, pyflakes, import order, bugbear, pyupgrade; the ruff formatter's style, checked;
## pyproject.toml) and
## sqlfluff (the dbt SQL: DuckDB dialect, jinja templater; dbt_project/.sqlfluff)
lint: env
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	cd dbt_project && ../$(VENV)/bin/sqlfluff lint models macros tests --processes 2 --disable-progress-bar

## browser: Debian's chromium, for the headless rendering test of the quality report
browser:
	@command -v chromium >/dev/null 2>&1 && fc-list :lang=zh 2>/dev/null | grep -q . || { \
	  echo "installing chromium and a CJK font (apt-get)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null; }

## postgres: Debian's PostgreSQL server, for the tests that build the warehouse on the postgres target
## (tests/pg.py starts a throwaway cluster on 127.0.0.1 in a temporary folder; nothing runs as a service)
postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { \
	  echo "installing postgresql (apt-get)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; }

## export: every mart of the published warehouse as Parquet and CSV, with manifest.json, in export/ beside it
export: env
	$(NIANBAO) export

## docs: the dbt docs site of the published warehouse (dbt docs generate --static, read-only) in dbt_docs/
## beside it, then served on http://127.0.0.1:8080 (Ctrl-C stops); `make docs SERVE=0` only builds it
docs: manifest
	$(NIANBAO) docs $(if $(filter 0,$(SERVE)),,--serve)

## eval: score marts.fct_figures against ../shared/seeds/gold.csv; `make eval GOLD=<dir>` scores the
## extractor on any gold set laid out like ../shared/realdev (docs/ + gold.csv)
eval: env
	$(NIANBAO) eval $(if $(GOLD),--set $(GOLD))

## eval-real: ../shared/realdev and every tests/extract/realdata/batch*/, per set and all together
eval-real: env
	$(NIANBAO) eval --real

## validate: the Great Expectations suites on the published warehouse (`make validate DB=<file>`: any build)
validate: env
	$(NIANBAO) validate --no-docs $(if $(DB),--db $(DB))

## bench: timings (not asserted in tests); `make bench SIZES=100,2000,10000`: the build scaling
## table (full, +1 report, 1 changed, unchanged, floor, peak RSS, stage times) in docs/performance.md
bench: manifest
	$(NIANBAO) bench $(if $(SIZES),--sizes $(SIZES))

## dev: the Dagster UI on http://127.0.0.1:3000, on the instance `make run` records its runs in
## (DAGSTER_HOME, default dagster_home/ beside the warehouse: orchestration/home.py)
dev: manifest
	DAGSTER_HOME="$$($(PY) -m orchestration.home)" && export DAGSTER_HOME && \
	$(VENV)/bin/dg dev

clean:
	rm -rf warehouse dbt_project/target dbt_project/logs .dagster_home
