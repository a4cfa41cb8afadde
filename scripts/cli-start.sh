#!/usr/bin/env bash
# Times the CLI's start (issue 18, "CLI start"): `--version`, a one-file `c2pa verify` and a one-file
# `hash pdq`, each RUNS times (default 20, after one untimed warm-up run that also lets ./pramaan build
# the jar and its start-up cache), and prints the median wall and CPU (user+sys) seconds per command.
#   scripts/cli-start.sh                       times ./pramaan (the README's launcher)
#   PRAMAAN="java -jar pramaan-app/target/pramaan.jar" scripts/cli-start.sh    times the bare jar
#   RUNS=50 scripts/cli-start.sh photo.jpg signed.jpg                         other files
# Arguments: [pdq image] [c2pa file]; the defaults come from the shared test data
# (PRAMAAN_TESTDATA, default ../shared/testdata next to the checkout).
# Plain bash and /usr/bin/time (GNU time: Debian package `time`); the machine's load is printed with the
# figures because on a shared machine it moves them.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
testdata=${PRAMAAN_TESTDATA:-$root/../shared/testdata}
image=${1:-$testdata/pdq/misc-images/small.jpg}
signed=${2:-$testdata/c2pa/fixtures/CACA.jpg}
runs=${RUNS:-20}
cmd=${PRAMAAN:-$root/pramaan}
for f in "$image" "$signed"; do
  [ -f "$f" ] || { echo "cli-start: no file $f (pass files as arguments or set PRAMAAN_TESTDATA)" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "cli-start: needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 2; }

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "command: $cmd   runs: $runs   java: ${JAVA_HOME:-java on PATH}"
echo "machine: $(nproc) cores, $(uname -sr); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-34s %10s %10s %6s\n' "arguments" "wall (s)" "cpu (s)" "exit"
for args in "--version" "c2pa verify $signed" "hash pdq $image"; do
  # shellcheck disable=SC2086
  $cmd $args >/dev/null 2>&1 || true # warm-up: builds the jar / cache when missing, never timed
  walls=$(mktemp) cpus=$(mktemp) code=0
  for _ in $(seq "$runs"); do
    t=$(mktemp)
    # shellcheck disable=SC2086
    /usr/bin/time -f '%e %U %S' -o "$t" $cmd $args >/dev/null 2>&1 || code=$?
    read -r w u s <"$t"
    rm -f "$t"
    echo "$w" >>"$walls"
    awk -v u="$u" -v s="$s" 'BEGIN { printf "%.2f\n", u + s }' >>"$cpus"
  done
  label=${args//$testdata\//}
  printf '%-34s %10s %10s %6s\n' "${label:0:34}" "$(median <"$walls")" "$(median <"$cpus")" "$code"
  rm -f "$walls" "$cpus"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
