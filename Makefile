# Fresh-machine entry points. Everything Python lives in .venv; nothing is downloaded at run time.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
SCENARIO ?= default
# Qt (xcb) + OpenGL (Mesa) + a virtual X server for headless machines, and the .desktop
# validator used by the packaging tests (Debian package names).
APT_PACKAGES := xvfb xauth libegl1 libegl-mesa0 libgl1 libgl1-mesa-dri libdbus-1-3 libfontconfig1 \
	libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 \
	libxcb-render-util0 libxcb-shape0 libxkbcommon-x11-0 desktop-file-utils

.PHONY: run test bench lint system-deps clean app app-check install-desktop

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

# Installs the system libraries when we may (root with apt-get); otherwise says what is needed.
system-deps:
	@if dpkg -s $(APT_PACKAGES) >/dev/null 2>&1; then :; \
	elif command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
		DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
			$(APT_PACKAGES) >/dev/null; \
	else echo "note: install these system packages for the desktop app: $(APT_PACKAGES)"; fi

# Modules byte-compiled first, as pip does for an installed package: where
# PYTHONDONTWRITEBYTECODE is set, Python would compile them all at every launch (~0.3 s).
run: system-deps $(VENV)/.installed
	@$(BIN)/python -m compileall -q src/orbitdc
	$(BIN)/orbitdc $(SCENARIO)

# Two test processes (pytest-xdist; each starts its own Xvfb), tests handed out as they free
# up: 1.6x faster than one on two cores. TEST_WORKERS=0 runs them in this process.
TEST_WORKERS ?= 2
test: system-deps $(VENV)/.installed
	$(BIN)/ruff check src tests bench tools packaging
	$(BIN)/python -m pytest -q $(if $(filter 0,$(TEST_WORKERS)),,-n $(TEST_WORKERS) --dist worksteal)

bench: system-deps $(VENV)/.installed
	$(BIN)/python -m bench

lint: $(VENV)/.installed
	$(BIN)/ruff check src tests bench tools packaging
	$(BIN)/lint-imports

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache

# The installed app: dist/OrbitDC/OrbitDC (PyInstaller, one folder; see build.spec).
$(VENV)/.installed-build: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e ".[test,build]"
	touch $@

app: system-deps $(VENV)/.installed-build
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN build.spec
	@du -sh dist/OrbitDC

# Self-test with no display, a screenshot under Xvfb, start-up time and bundle size.
app-check: app
	$(BIN)/python packaging/check_app.py dist/OrbitDC

# Menu entry, icon and .toml file type for this user (~/.local/share), pointing at dist/.
install-desktop:
	packaging/install_desktop.sh dist/OrbitDC/OrbitDC

# Qt translations: refresh the .ts sources from the code (new strings come in unfinished,
# vanished ones are dropped), then compile them to the .qm files the app loads.
I18N_TS := src/orbitdc/assets/i18n/orbitdc_fr.ts
.PHONY: translations
translations: $(VENV)/.installed
	$(BIN)/pyside6-lupdate $$(find src/orbitdc/app src/orbitdc/widgets -name "*.py" | sort) \
		-ts $(I18N_TS) -target-language fr_FR -no-obsolete
	$(BIN)/pyside6-lrelease $(I18N_TS) -qm $(I18N_TS:.ts=.qm)
