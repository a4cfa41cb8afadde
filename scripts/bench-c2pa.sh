#!/usr/bin/env bash
# C2PA read + validation speed, Pramaan and the reference SDK on the same files in the same run.
#   scripts/bench-c2pa.sh [DIR] [WARMUP] [ROUNDS]     (default ../shared/testdata/c2pa 3 5)
# Needs pramaan-app/target/pramaan.jar and the reference installed by the tests in
# pramaan-core/target/c2pa-node (run C2paPeerTest once). Prints load, then both tables.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-../shared/testdata/c2pa}; warmup=${2:-3}; rounds=${3:-5}
list=$(mktemp); trap 'rm -f "$list"' EXIT
echo "load: $(uptime)"
java -jar pramaan-app/target/pramaan.jar bench c2pa "$dir" --warmup "$warmup" --rounds "$rounds" --list "$list"
node scripts/bench-c2pa-reference.mjs pramaan-core/target/c2pa-node "$list" "$warmup" "$rounds"
echo "load: $(uptime)"
