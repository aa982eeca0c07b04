# georisk — `make run` (demo) and `make test` (whole suite) work on a fresh machine with Python 3.11.
PYTHON ?= python3.11
UV_VERSION := 0.13.8
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
BIN := $(VENV)/bin
SHARED_DATA ?= ../shared/data
export UV_PYTHON := $(PYTHON)
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)

.DEFAULT_GOAL := help
.PHONY: help install run test test-unit test-integration lint format eval schemas dashboards bench bench-extraction check-deploy

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-18s %s\n", $$1, $$2}'

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(VENV)/.installed: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen
	@touch $@

install: $(VENV)/.installed ## Create .venv/ from the lock file (georisk in .venv/bin)

run: install ## Embedded broker + worker + synthetic demo feed + live scores (Ctrl-C stops all)
	$(BIN)/georisk demo

test: install ## The whole suite: unit, contract, deploy and integration tests
	$(BIN)/pytest

test-unit: install ## Broker-free tests only
	$(BIN)/pytest -m "not integration"

test-integration: install ## Tests that start the embedded broker and real workers
	$(BIN)/pytest -m integration

lint: install ## ruff, format check and mypy --strict
	$(BIN)/ruff check services tests deploy
	$(BIN)/ruff format --check services tests deploy
	$(BIN)/mypy

format: install ## Apply ruff fixes and formatting
	$(BIN)/ruff check --fix services tests deploy
	$(BIN)/ruff format services tests deploy

eval: install ## Extractor metrics on the labelled development set
	$(BIN)/georisk eval $(SHARED_DATA)/articles_dev.jsonl

schemas: install ## Regenerate schemas/ from the models
	$(BIN)/georisk schemas

dashboards: install ## Regenerate the Grafana dashboards from code
	$(BIN)/python deploy/grafana/generate.py

bench: install ## Throughput/latency benchmark (see README)
	$(BIN)/georisk bench

bench-extraction: install ## The extractor's speed alone: synthetic corpus, then the development set
	$(BIN)/georisk bench --extraction --texts $(SHARED_DATA)/articles_dev.jsonl

check-deploy: install ## Validate deploy/: rules + unit tests, Alertmanager, dashboard drift, compose spec, k8s
	cd deploy/prometheus && promtool check config prometheus.yml && promtool test rules tests/*.yml
	amtool check-config deploy/alertmanager/alertmanager.yml
	$(BIN)/python deploy/grafana/generate.py --check
	$(BIN)/check-jsonschema --builtin-schema vendor.compose-spec deploy/compose.yaml
	$(BIN)/kubernetes-validate --strict --quiet deploy/k8s/*.yaml
	$(BIN)/check-jsonschema --schemafile tests/deploy/schemas/keda-scaledobject.schema.json deploy/k8s/optional/keda-scaledobject.yaml
