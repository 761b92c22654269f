# The two commands of the README:
#   make serve   run the web service on localhost (creates .venv and installs on first run)
#   make test    run every test (creates .venv and installs on first run)
#   make lab     open the notebooks (notebooks/) in JupyterLab
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: serve test lab install benchmark benchmark-http benchmark-simulointi benchmark-simulointi-10m benchmark-turva readme-populaatio clean

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

lab: $(STAMP)                 # JupyterLab on the notebooks, with this package's kernel
	$(BIN)/jupyter lab --notebook-dir=notebooks $(if $(filter 0,$(shell id -u)),--allow-root)

benchmark: $(STAMP)           # the model beside the plain-numpy reference (benchmarks/numpy_viite): 1 000 000 insured, one month
	$(BIN)/python benchmarks/laskenta.py --henkiloita 1000000

benchmark-http: $(STAMP)      # the web service on loopback, 2 workers
	$(BIN)/python benchmarks/kuormitus.py

benchmark-simulointi: $(STAMP) # the population command, 1 000 000 insured, baseline + reform (also with the glibc thresholds), and Dask
	$(BIN)/python benchmarks/simulointi.py --koko 1000000 --malloc

benchmark-simulointi-10m: $(STAMP) # 10 000 000 insured in-process, partitioned (not measured on this branch: ~1.4 GiB per million insured at 3 M)
	$(BIN)/python benchmarks/simulointi.py --koko 10000000 --ei-daskia --malloc

readme-populaatio: $(STAMP)  # regenerate the README's population example from a run
	$(BIN)/python -m openfisca_tartunta.populaatio.esimerkki --kirjoita

benchmark-turva: $(STAMP)     # /calculate p50, secured mode beside open mode
	$(BIN)/python benchmarks/turva.py --pyyntoja 400

clean:
	rm -rf $(VENV) dist build .pytest_cache
