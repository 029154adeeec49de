# Voucher Kiosk — the two commands that matter: `make demo` and `make test`.
SHELL := /bin/bash
# The distribution's own Python (what a till has), not a newer one that happens to be on PATH.
PYTHON ?= $(shell test -x /usr/bin/python3 && echo /usr/bin/python3 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

# Debian packages the kiosk needs at run time (Qt offscreen/xcb, ZBar, audio)
# and for the GUI under a virtual screen (xdotool: the real-input tests in tests/e2e);
# poppler-utils (pdftoppm, pdftotext) checks PDFs in tests.
SYSTEM_PACKAGES := libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 \
	libglib2.0-0 libzbar0 libpulse0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 \
	libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 xvfb xauth \
	xdotool poppler-utils
# `make package` also needs objdump, as, ld and strip (binutils: PyInstaller, the stub libraries),
# icupkg (icu-devtools: trims the ICU data) and the shared libpython it bundles;
# `make package-test` mount (it hides the system ZBar in a mount namespace) and pulseaudio
# (a silent sound device for the sound check).
PY_VERSION := $(shell $(PYTHON) -c 'import sys; print("%d.%d" % sys.version_info[:2])')
PACKAGE_PACKAGES := binutils icu-devtools libpython$(PY_VERSION)
PACKAGE_TEST_PACKAGES := mount pulseaudio
# The tests of the packaging steps (tests/packaging) build stub libraries and trim ICU data
# themselves, so `make test` needs binutils and icu-devtools too, and libcups2 (the system
# library whose needs the bundle prunes; on a till only recommended, for system printers).
TEST_PACKAGES := binutils icu-devtools libcups2

.PHONY: demo test lint unit sysdeps install package package-test translations clean

# Opens the kiosk on the embedded demo server. With no screen (no $$DISPLAY or
# $$WAYLAND_DISPLAY) it runs on a virtual X screen and says how to look at it.
demo: install
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then $(VENV)/bin/kiosk --demo; else \
		echo "No screen here: running the kiosk on a virtual X display (Xvfb)."; \
		echo "To see a screen as a picture: $(VENV)/bin/kiosk --demo --screenshot out.png --screen card"; \
		xvfb-run -a -s "-screen 0 1280x800x24" $(VENV)/bin/kiosk --demo; fi

test: install lint unit

lint: install
	$(VENV)/bin/ruff check kiosk tests benchmarks packaging
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

unit: install
	$(call apt_ensure,$(TEST_PACKAGES))
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest

install: sysdeps $(STAMP) translations

# Compile resources/translations/*.ts to .qm (pyside6-lrelease).
translations: $(STAMP)
	@$(PY) -m kiosk.ui.i18n >/dev/null

$(STAMP): pyproject.toml
	@if ! $(PYTHON) -c 'import ensurepip, venv' 2>/dev/null; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			echo "Installing python3-venv (needed to create .venv)"; \
			DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
			DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-venv >/dev/null; \
		else echo "Missing python3-venv. Run: sudo apt-get install -y python3-venv"; exit 1; fi; \
	fi
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $(STAMP)

# Installs the Debian packages named in $(1) that are missing (as root), else prints the command.
define apt_ensure
	@missing=""; for p in $(1); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			echo "Installing system packages:$$missing"; \
			DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
			DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
		else \
			echo "Missing system packages. Run:"; \
			echo "  sudo apt-get install -y --no-install-recommends$$missing"; exit 1; \
		fi; \
	fi
endef

sysdeps:
	$(call apt_ensure,$(SYSTEM_PACKAGES))

clean:
	rm -rf build dist .mypy_cache .pytest_cache .ruff_cache

# --- packaging (docs/packaging.md) ---------------------------------------------------
# dist/kiosk/, dist/voucher-kiosk-VERSION-linux-x86_64.tar.xz, dist/voucher-kiosk_VERSION_amd64.deb
# and dist/size-breakdown.md (what each part of the bundle costs)
package: install
	$(call apt_ensure,$(PACKAGE_PACKAGES))
	$(PY) packaging/release.py

# Build, then run the bundle as a clean till would (env -i, fresh HOME, no venv).
package-test: package
	$(call apt_ensure,$(PACKAGE_TEST_PACKAGES))
	$(PY) packaging/smoke_test.py
