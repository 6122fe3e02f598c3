#!/usr/bin/env bash
# Set everything up, then run the whole test suite (exit code non-zero on any failure).
set -euo pipefail
cd "$(dirname "$0")/.."
REGDRAFT_TEST_TOOLS=1 scripts/setup.sh
exec .venv/bin/python -m pytest -q -n 2 -p no:cacheprovider "$@"
