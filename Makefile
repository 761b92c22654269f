# The two commands of the README:
#   make serve   run the web service on localhost (creates .venv and installs on first run)
#   make test    run every test (creates .venv and installs on first run)
#   make lab     open the notebooks (notebooks/) in JupyterLab
#   make lint    ruff check (E4, E7, E9, F) and yamllint (.yamllint.yaml); never a reformatter
#   make test-fast  every test not marked slow (no server start, notebooks, wheel, PostgreSQL, Dask)
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: serve test test-fast lint lab install benchmark benchmark-tarkistus benchmark-http benchmark-simulointi benchmark-simulointi-10m benchmark-turva readme-populaatio clean

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

test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not slow"

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/yamllint -s parameters reforms tests/yaml openfisca_tartunta

lab: $(STAMP)                 # JupyterLab on the notebooks, with this package's kernel
	$(BIN)/jupyter lab --notebook-dir=notebooks $(if $(filter 0,$(shell id -u)),--allow-root)

benchmark: $(STAMP)           # the model beside the plain-numpy reference (benchmarks/numpy_viite): 1 000 000 insured, one month
	$(BIN)/python benchmarks/laskenta.py --henkiloita 1000000

benchmark-tarkistus: $(STAMP)  # revising 1 000 000 cases (one month, previous payments given) beside computing them fresh (issue 14)
	$(BIN)/python benchmarks/tarkistus.py --henkiloita 1000000

benchmark-http: $(STAMP)      # the web service on loopback, 2 workers
	$(BIN)/python benchmarks/kuormitus.py

benchmark-simulointi: $(STAMP) # the population command, 1 000 000 insured, baseline + reform (also with the glibc thresholds raised), and Dask
	$(BIN)/python benchmarks/simulointi.py --koko 1000000 --malloc

benchmark-simulointi-10m: $(STAMP) # 10 000 000 insured in-process, streamed partition by partition (population cached under /tmp)
	$(BIN)/python benchmarks/simulointi.py --koko 10000000 --ei-daskia

readme-populaatio: $(STAMP)  # regenerate the README's population example from a run
	$(BIN)/python -m openfisca_tartunta.populaatio.esimerkki --kirjoita

benchmark-turva: $(STAMP)     # /calculate p50, secured mode beside open mode
	$(BIN)/python benchmarks/turva.py --pyyntoja 400

clean:
	rm -rf $(VENV) dist build .pytest_cache
