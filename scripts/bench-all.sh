#!/usr/bin/env bash
# Runs every benchmark of `make bench` in turn, each one's output into Benchmarks/work/bench.log,
# and prints how long each took: the whole run must stay under ten minutes on 2 cores.
#   scripts/bench-all.sh [MIB]    MIB: the size of the generated XML catalogues (BENCH_MIB)
set -uo pipefail
cd "$(dirname "$0")/.."
mib=${1:-200}
log=Benchmarks/work/bench.log
mkdir -p Benchmarks/work && rm -f Benchmarks/work/results.tsv Benchmarks/work/durations.tsv
: > "$log"
run() {
  local name=$1 start end
  shift
  start=$(date +%s.%N)
  echo "== $name" >> "$log"
  "$@" >> "$log" 2>&1 || { echo "$name failed:"; tail -20 "$log"; exit 1; }
  end=$(date +%s.%N)
  awk -v n="$name" -v a="$start" -v b="$end" 'BEGIN { printf "%s\t%.0f\n", n, b - a }' >> Benchmarks/work/durations.tsv
}
run "course import" scripts/bench.sh "$mib"
run "LHEO import" scripts/bench-lheo.sh "$mib"
run "attendance" scripts/bench-attendance.sh
run "PostgreSQL" env ALLERVERS_TEST_POSTGRES_FSYNC=on scripts/with-postgres.sh scripts/bench-postgres.sh
run "documents" scripts/bench-documents.sh
run "compliance" scripts/bench-compliance.sh
run "a year" scripts/bench-year.sh
run "serve" scripts/bench-serve.sh
run "start-up" scripts/bench-startup.sh
