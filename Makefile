# The two commands: `make run` and `make test`. Both create the virtualenv themselves.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | cksum | cut -d' ' -f1)

.PHONY: install run test test-fast lint proto proto-check migrate bench manifests targets clean

$(STAMP): requirements.txt requirements-dev.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11+ is required")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@rm -f $(VENV)/.installed-* && touch $(STAMP)

install: $(STAMP)

run: install            ## every function on one port, embedded services when no URLs are set
	$(BIN)/python -m functions serve

test: install lint      ## unit, integration and e2e tests (real PostgreSQL/Redis when their URLs are set)
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/mypy .
	cd proto && ../$(BIN)/buf lint

proto: install          ## regenerate common/gen from proto/
	$(BIN)/python scripts/gen_proto.py

migrate: install        ## alembic upgrade head: DATABASE_MIGRATION_URL (or DATABASE_URL), else the embedded database as make run
	$(BIN)/python -m functions migrate

bench: install          ## benchmarks: ratios against baselines measured in the same run
	$(BIN)/python -m tests.bench

manifests: install      ## regenerate knative/ from the registry and the event catalogue
	$(BIN)/python -m functions manifests

targets: install
	$(BIN)/python -m functions targets

clean:
	rm -rf .mirai .pytest_cache
