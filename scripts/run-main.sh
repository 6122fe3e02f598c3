#!/usr/bin/env bash
# Set everything up, then run the main job on the shipped data (Regulation 01-QC/TU).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
out=out
mkdir -p "$out"
.venv/bin/regdraft check
.venv/bin/regdraft show 01-QC/TU d1 | tee "$out/01-QC-TU-d1.txt"
printf '\nResult: %s\n' "$(pwd)/$out/01-QC-TU-d1.txt"
