# Bootstraps a virtual environment from the pinned requirements and delegates to
# the invoke tasks in tasks.py. Needs only Python 3.11+ and pip.
PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed

.PHONY: site test check clean

$(STAMP): requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --upgrade pip
	$(VENV)/bin/python -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

site: $(STAMP)
	$(VENV)/bin/invoke build

test: $(STAMP)
	$(VENV)/bin/invoke test

check: $(STAMP)
	$(VENV)/bin/invoke check

clean:
	rm -rf output $(VENV)
