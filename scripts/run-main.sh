#!/usr/bin/env bash
# Set everything up, then run the main job on the shipped data: the redline PDF of
# Regulation 01-QC/TU against its pending draft amendment (05-QC/TU, draft 2).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
.venv/bin/regdraft check
.venv/bin/regdraft amend check qc-sua-doi-2025
out="$(pwd)/out/redline-01-QC-TU-qc-sua-doi-2025.pdf"
.venv/bin/regdraft redline 01-QC/TU -o "$out"
printf '\nResult: %s\n' "$out"
