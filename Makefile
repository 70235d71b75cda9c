# VillageDesk: `make run` starts the app on a demo hall, `make test` runs the whole suite.
# Both create the virtual environment and install what they need on a fresh machine.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
# Defined before the rules that name it: make expands prerequisites as it reads them.
DIST_STAMP := $(VENV)/.dist-stamp
DEMO_DIR ?= demo-data
APT_GET := DEBIAN_FRONTEND=noninteractive apt-get

.PHONY: run test bench translations system-deps screenshots dist clean lint

$(PY):
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[dev]"
	touch $@

translations: $(STAMP)
	@for ts in resources/translations/*.ts; do \
		$(VENV)/bin/pyside6-lrelease -silent "$$ts" -qm "$${ts%.ts}.qm" || exit 1; \
	done

run: $(STAMP) translations
	@if [ ! -f $(DEMO_DIR)/villagedesk.sqlite ]; then \
		$(PY) -m villagedesk --data-dir $(DEMO_DIR) demo seed --residents 3000; fi
	$(PY) -m villagedesk --data-dir $(DEMO_DIR)

# Every page (all modules in the registry) on a fresh demo hall, 1366x768, plus large-font variants.
SHOTS_DATA ?= /tmp/villagedesk-screenshots
screenshots: $(STAMP) translations
	rm -rf $(SHOTS_DATA)
	$(PY) -m villagedesk --data-dir $(SHOTS_DATA) demo seed --residents 2000 >/dev/null
	QT_QPA_PLATFORM=offscreen $(PY) -m villagedesk.ui.screenshot --data-dir $(SHOTS_DATA) \
		--out docs/screenshots --roster tests/fixtures/roster-sample.xlsx
	QT_QPA_PLATFORM=offscreen $(PY) -m villagedesk.ui.screenshot --data-dir $(SHOTS_DATA) \
		--out docs/screenshots --font-size large --pages home,residents,residents.detail --suffix=-large

# System packages the tests use: poppler (pdftotext, pdffonts, pdftoppm), headless Chromium,
# zbar (reads the receipt QR codes back), and what the .deb build and its smoke test need:
# binutils (objdump, readelf), icu-devtools (icupkg) and gcc (the trimmed ICU data), dpkg-deb.
system-deps:
	@missing=""; \
	command -v pdftotext >/dev/null || missing="$$missing poppler-utils"; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v chromedriver >/dev/null || missing="$$missing chromium-driver"; \
	command -v zbarimg >/dev/null || missing="$$missing zbar-tools"; \
	command -v objdump >/dev/null || missing="$$missing binutils"; \
	command -v icupkg >/dev/null || [ -x /usr/sbin/icupkg ] || missing="$$missing icu-devtools"; \
	command -v gcc >/dev/null || missing="$$missing gcc"; \
	command -v dpkg-deb >/dev/null || missing="$$missing dpkg"; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = "0" ]; then \
			echo "installing:$$missing"; $(APT_GET) update -qq && $(APT_GET) install -y -qq $$missing >/dev/null; \
		else echo "please install:$$missing (tests that need them are skipped)"; fi; \
	fi

# With the dist extras (PyInstaller): tests/packaging/test_deb.py builds the .deb (cached by
# source hash under build/packaging/) and runs the bundled app from it.
test: $(DIST_STAMP) system-deps translations
	$(PY) -m pytest

bench: $(STAMP) translations
	@for b in bench/bench_*.py; do echo "== $$b"; $(PY) "$$b" || exit 1; done

# The Linux one-dir bundle (PyInstaller) and the .deb, into dist/ (see docs/packaging.md).
# Cached under build/packaging/<hash of the sources>: a second run with no changes is quick.
$(DIST_STAMP): pyproject.toml | $(STAMP)
	$(PY) -m pip install -q -e ".[dev,dist]"
	touch $@

dist: $(DIST_STAMP) translations
	$(PY) installer/build_linux.py --out dist

lint: $(STAMP)
	$(VENV)/bin/ruff check villagedesk tests bench tools

clean:
	rm -rf build dist $(DEMO_DIR) bench-data .pytest_cache
