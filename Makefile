# The two commands of the README. Both work on a machine that has only Python 3.10+.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: demo test install browser system-deps clean

demo: install                ## the main job on the bundled corpus
	$(BIN)/lineage demo

test: install browser system-deps  ## the whole test suite (CI runs exactly this)
	$(BIN)/python -m pytest

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

browser:                     ## headless Chromium for the HTML redline test
	bash scripts/install-browser.sh

system-deps:                 ## LibreOffice (headless) for the Word tests
	bash scripts/install-system-deps.sh

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
