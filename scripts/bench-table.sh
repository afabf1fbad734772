#!/usr/bin/env bash
# Prints every figure of the run beside its reference, with the ratio: how fast allervers
# is relative to the reference doing the same work (1 × = as fast; above is faster).
set -euo pipefail
cd "$(dirname "$0")/.."
results=${BENCH_RESULTS:-Benchmarks/work/results.tsv}
awk -F '\t' '
  BEGIN { printf "%-50s %12s   %-34s %12s   %8s   %s\n", "benchmark", "allervers", "reference", "", "speed", "target"
          printf "%s\n", "-------------------------------------------------------------------------------------------------------------------------------------" }
  {
    speed = ($2 > 0) ? $4 / $2 : 0
    met = ($6 == "-") ? "" : (speed >= $6 ? sprintf("≥ %s × met", $6) : sprintf("≥ %s × NOT MET", $6))
    printf "%-50s %9.3f %-2s   %-34s %9.3f %-2s   %6.2f ×   %s\n", $1, $2, $5, $3, $4, $5, speed, met
  }' "$results"
