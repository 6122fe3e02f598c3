#!/usr/bin/env bash
# Set everything up, then run the whole test suite (exit code non-zero on any failure).
set -euo pipefail
cd "$(dirname "$0")/.."
REGDRAFT_TEST_TOOLS=1 scripts/setup.sh
# pytest keeps each test module as it rewrote it (its asserts) in tests/__pycache__, unless PYTHONDONTWRITEBYTECODE
# is set, as this machine's shell sets it: then both workers rewrote and compiled all ~300 modules at every run, 20 s
# of CPU each to collect against 5. Unset for the run; regdraft's own modules are compiled by setup already.
unset PYTHONDONTWRITEBYTECODE
# Temporary files in memory: the tests' folders (tmp_path: each test's workspaces, their git repositories, the PDFs
# and Word files), and chromium's, LibreOffice's and WeasyPrint's, go to a folder of this run's in /dev/shm where it is
# a tmpfs and TMPDIR does not say otherwise. On a disk each git commit and each file regdraft writes waits for it (a
# journal's fsync, a rename over a file): 1 ms a sync here, 0.015 ms on the tmpfs (docs/performance.md,
# "2026-12-07 (r39)"). pytest removes each passed test's folder as it goes (a whole run writes about 2 GB); the run's
# folder is removed when every test passed, and kept, its place said, when one failed.
run=""
# Only where the tmpfs has room for it (a container's /dev/shm is often 64 MB): 4 GB free, else the disk as before.
if [ -z "${TMPDIR:-}" ] && [ -d /dev/shm ] && [ -w /dev/shm ] && [ "$(stat -f -c %T /dev/shm)" = tmpfs ] \
        && [ "$(df -Pk /dev/shm | awk 'NR==2 {print $4}')" -ge 4194304 ]; then
    run=$(mktemp -d /dev/shm/regdraft-tests.XXXXXX)
    export TMPDIR=$run
    set -- -o tmp_path_retention_policy=failed "$@"
fi
# worksteal: a worker that runs out of tests takes half of the other's, so the run does not end on one worker
# finishing a long module while the other waits.
status=0
# One worker more than the machine has cores: alone on two cores the suite used 168 % of them with two workers (1,219 s
# of CPU in 725 s, r42): a test waiting on a server's timeout, a lock, chromium or LibreOffice left its core idle, which
# a third worker fills (docs/performance.md, "2026-12-07 (r42)").
workers=$(( $(nproc 2>/dev/null || echo 2) + 1 ))
.venv/bin/python -m pytest -q -n "$workers" --dist worksteal -p no:cacheprovider "$@" || status=$?
if [ -n "$run" ]; then
    if [ "$status" -eq 0 ]; then
        rm -rf "$run"
    else
        printf 'test.sh: the failed tests'"'"' folders are kept in %s (in memory: remove it when done)\n' "$run" >&2
    fi
fi
exit "$status"
