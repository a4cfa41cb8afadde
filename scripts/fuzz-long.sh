#!/usr/bin/env bash
# The long fuzzing run (docs/fuzzing.md): every parser target under Jazzer, one after another, each
# until RUNS executions or MAX_SECONDS, in a child JVM with a HEAP heap. Crash files, reproducers,
# corpora and logs go to pramaan-fuzz/target/fuzz/<target>/; figures to pramaan-fuzz/target/fuzz/summary.tsv.
#   scripts/fuzz-long.sh                      # all targets, 10^6 runs each, at most 30 min each
#   TARGETS=jumbf,cbor RUNS=200000 scripts/fuzz-long.sh
set -euo pipefail
cd "$(dirname "$0")/.."
exec ./mvnw -q -pl pramaan-fuzz -am verify -Dtest=FuzzParsersTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dfuzz.targets="${TARGETS:-all}" -Dfuzz.runs="${RUNS:-1000000}" -Dfuzz.maxSeconds="${MAX_SECONDS:-1800}" -Dfuzz.heap="${HEAP:-512m}" "$@"
