#!/usr/bin/env bash
# Set everything up, then run the whole test suite (exit code non-zero on any failure).
set -euo pipefail
cd "$(dirname "$0")/.."
REGDRAFT_TEST_TOOLS=1 scripts/setup.sh
# pytest keeps each test module as it rewrote it (its asserts) in tests/__pycache__, unless PYTHONDONTWRITEBYTECODE
# is set, as this machine's shell sets it: then both workers rewrote and compiled all ~300 modules at every run, 20 s
# of CPU each to collect against 5. Unset for the run; regdraft's own modules are compiled by setup already.
unset PYTHONDONTWRITEBYTECODE
# worksteal: a worker that runs out of tests takes half of the other's, so the run does not end on one worker
# finishing a long module while the other waits.
exec .venv/bin/python -m pytest -q -n 2 --dist worksteal -p no:cacheprovider "$@"
