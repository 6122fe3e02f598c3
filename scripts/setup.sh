#!/usr/bin/env bash
# Set up everything regdraft needs on a Debian/Ubuntu machine; safe to run again.
# - Debian packages (fonts with full Vietnamese coverage, Pango for WeasyPrint, poppler) are
#   installed only when missing, with sudo only when not root.
# - A virtual environment .venv (Python >= 3.11) with regdraft and its test tools.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive

say() { printf 'setup: %s\n' "$*" >&2; }

required_packages=(fonts-croscore fonts-liberation2 libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0)
# poppler-utils: the tests read the PDFs regdraft prints with its pdftotext (tests/pdf_text.py; pypdf, ten times
# slower, where it is missing) and render pages with pdftoppm.
optional_packages=(poppler-utils)
# The test suite also opens exported DOCX files in LibreOffice (headless) when it can, and drives
# Debian's chromium (through the playwright package, never a browser download) for the review server.
if [ "${REGDRAFT_TEST_TOOLS:-0}" = 1 ]; then
    optional_packages+=(libreoffice-writer-nogui chromium)
fi

missing() {
    local pkg
    for pkg in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
            printf '%s\n' "$pkg"
        fi
    done
}

install_debian_packages() {
    command -v dpkg-query >/dev/null 2>&1 || { say "not a Debian system; skipping system packages"; return 0; }
    local need=() optional=()
    mapfile -t need < <(missing "${required_packages[@]}")
    mapfile -t optional < <(missing "${optional_packages[@]}")
    if [ ${#need[@]} -eq 0 ] && [ ${#optional[@]} -eq 0 ]; then
        return 0
    fi
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then
            sudo=(sudo -n)
        else
            say "cannot install ${need[*]} ${optional[*]}: not root and no sudo"
            [ ${#need[@]} -eq 0 ] && return 0
            return 1
        fi
    fi
    say "installing ${need[*]} ${optional[*]}"
    "${sudo[@]}" apt-get update -qq </dev/null
    if [ ${#need[@]} -gt 0 ]; then
        "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" </dev/null
    fi
    local pkg
    for pkg in "${optional[@]}"; do  # one by one: a package that cannot be installed spares the others
        "${sudo[@]}" apt-get install -y -qq --no-install-recommends "$pkg" </dev/null \
            || say "optional $pkg could not be installed; continuing"
    done
}

find_python() {
    local candidate
    for candidate in python3.11 python3 python3.12 python3.13; do
        if command -v "$candidate" >/dev/null 2>&1 \
            && "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            command -v "$candidate"
            return 0
        fi
    done
    return 1
}

make_venv() {
    if [ ! -x .venv/bin/python ]; then
        local python
        python=$(find_python) || { say "Python 3.11 or newer is required"; return 1; }
        say "creating .venv with $python"
        "$python" -m venv .venv
    fi
    # Reinstall only when the project definition changed since the last successful install.
    local stamp=.venv/.regdraft-installed
    if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] || ! .venv/bin/python -c 'import regdraft, pytest' 2>/dev/null; then
        say "installing regdraft and its test tools into .venv"
        .venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test]' </dev/null
        touch "$stamp"
    fi
}

install_debian_packages
make_venv
# regdraft's own modules compiled once (an editable install leaves them to the first run, and a shell with
# PYTHONDONTWRITEBYTECODE set compiles them again in every process: 0.3 s of each `regdraft` run, and of each of
# the test suite's regdraft processes). Python checks each file's time against its source, so an edit is never stale.
.venv/bin/python -m compileall -q regdraft >/dev/null
