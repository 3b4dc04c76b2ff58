# The two commands: `make demo` and `make test`. Both set up everything they need.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TSTAMP := $(VENV)/.installed-test

.PHONY: demo test lint typecheck unit bench clean dovecot systemd chromium

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(TSTAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@ $(STAMP)

demo: $(STAMP)
	$(BIN)/mailflow demo

# Dovecot for the IMAP tests: installed from Debian's packages when missing and we are root.
dovecot:
	@if ! command -v dovecot >/dev/null 2>&1 && [ ! -x /usr/sbin/dovecot ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing dovecot-imapd from Debian's packages"; \
	    (apt-get install -y -q dovecot-imapd >/dev/null 2>&1 || \
	     (apt-get update -q >/dev/null && apt-get install -y -q dovecot-imapd >/dev/null)) || \
	    echo "could not install dovecot-imapd: the IMAP tests will skip (fail under CI=true)"; \
	  else \
	    echo "dovecot is missing and we are not root: install dovecot-imapd for the IMAP tests"; \
	  fi; \
	fi

# Chromium for the digest's browser test: Debian's, installed when missing and we are root.
chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing chromium from Debian's packages"; \
	    (apt-get install -y -q chromium >/dev/null 2>&1 || \
	     (apt-get update -q >/dev/null && apt-get install -y -q chromium >/dev/null)) || \
	    echo "could not install chromium: the browser tests will skip (fail under CI=true)"; \
	  else \
	    echo "chromium is missing and we are not root: install chromium for the browser tests"; \
	  fi; \
	fi

# systemd-analyze, which checks deploy/'s units: Debian's systemd when missing and we are root.
systemd:
	@if ! command -v systemd-analyze >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing systemd (for systemd-analyze) from Debian's packages"; \
	    (apt-get install -y -q --no-install-recommends systemd >/dev/null 2>&1 || \
	     (apt-get update -q >/dev/null && \
	      apt-get install -y -q --no-install-recommends systemd >/dev/null)) || \
	    echo "could not install systemd: the unit-file tests will skip (fail under CI=true)"; \
	  else \
	    echo "systemd-analyze is missing and we are not root: install systemd for the unit tests"; \
	  fi; \
	fi

# ruff over the whole tree, mypy strict over the files pyproject.toml names (mailflow, tests,
# bench); their rules are in pyproject.toml. `make test` runs it first.
lint: $(TSTAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy

test: $(TSTAMP) dovecot systemd chromium lint
	$(BIN)/python -m pytest -q

unit: $(TSTAMP)
	$(BIN)/python -m pytest -q -m "not dovecot and not slow"

bench: $(TSTAMP) dovecot
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
