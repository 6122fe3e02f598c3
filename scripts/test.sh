#!/usr/bin/env bash
# Set everything up, then run the whole test suite (exit code non-zero on any failure).
set -euo pipefail
cd "$(dirname "$0")/.."
REGDRAFT_TEST_TOOLS=1 scripts/setup.sh
# worksteal: a worker that runs out of tests takes half of the other's, so the run does not end on one worker
# finishing a long module while the other waits.
exec .venv/bin/python -m pytest -q -n 2 --dist worksteal -p no:cacheprovider "$@"
