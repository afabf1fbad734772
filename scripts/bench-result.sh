# Sourced by the benchmark scripts: `result` appends one line to the run's table, which
# scripts/bench-table.sh prints at the end of `make bench`.
#   result NAME ALLERVERS REFERENCE-NAME REFERENCE UNIT TARGET
# ALLERVERS and REFERENCE are in UNIT, lower is better (seconds, ms per page); TARGET is
# the least speed relative to the reference an issue asks for, or "-".
BENCH_RESULTS=${BENCH_RESULTS:-Benchmarks/work/results.tsv}
result() {
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" "$6" >> "$BENCH_RESULTS"
}
