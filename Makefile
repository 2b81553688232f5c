# Two commands set everything up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck unit bench accuracy train clean bytecode

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	$(BIN)/python -m verbalkit.pipeline.lemmas sv en  # the lemma tables, built once into the user's cache
	touch $(STAMP)

# Bytecode of the editable install, as `pip install` of a wheel writes it: without it a
# machine that sets PYTHONDONTWRITEBYTECODE compiles every module of verbalkit again on
# every start (about 0.6 s, in each --jobs worker too). Only changed files are recompiled.
bytecode: $(STAMP)
	$(BIN)/python -m compileall -q src

demo: $(STAMP) bytecode
	$(BIN)/verbalkit validate examples/
	$(BIN)/verbalkit score examples/ --out scored/

test: $(STAMP) lint typecheck unit

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy src

unit: $(STAMP)
	$(BIN)/pytest -q

bench: $(STAMP) bytecode
	$(BIN)/python benchmarks/run.py

train: $(STAMP)
	$(BIN)/python -m verbalkit.pipeline.train
	$(BIN)/python -m verbalkit.privacy.train_names
	$(BIN)/python -m verbalkit.pipeline.train_jargon

accuracy: $(STAMP)
	$(BIN)/python benchmarks/accuracy.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .mypy_cache .ruff_cache .pytest_cache scored
