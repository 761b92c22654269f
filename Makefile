# The two commands of the README:
#   make serve   run the web service on localhost (creates .venv and installs on first run)
#   make test    run every test (creates .venv and installs on first run)
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: serve test install benchmark benchmark-http benchmark-simulointi benchmark-turva clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

serve: $(STAMP)
	$(BIN)/tartunta serve

test: $(STAMP)
	$(BIN)/python -m pytest

benchmark: $(STAMP)           # the model: 1 000 000 insured, one month
	$(BIN)/python benchmarks/laskenta.py --henkiloita 1000000

benchmark-http: $(STAMP)      # the web service on loopback, 2 workers
	$(BIN)/python benchmarks/kuormitus.py

benchmark-simulointi: $(STAMP) # the population command, 1 000 000 insured, baseline + reform, and Dask
	$(BIN)/python benchmarks/simulointi.py --koko 1000000

benchmark-turva: $(STAMP)     # /calculate p50, secured mode beside open mode
	$(BIN)/python benchmarks/turva.py --pyyntoja 400

clean:
	rm -rf $(VENV) dist build .pytest_cache
