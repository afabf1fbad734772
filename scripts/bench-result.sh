# Sourced by the benchmark scripts: `result` appends one line to the run's table, which
# scripts/bench-table.sh prints at the end of `make bench`.
#   result NAME ALLERVERS REFERENCE-NAME REFERENCE UNIT TARGET
# ALLERVERS and REFERENCE are in UNIT, lower is better (seconds, ms per page); TARGET is
# the least speed relative to the reference an issue asks for, or "-".
BENCH_RESULTS=${BENCH_RESULTS:-Benchmarks/work/results.tsv}
# Figures are read with a decimal point: bash writes $EPOCHREALTIME with the locale's.
export LC_ALL=C
result() {
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" "$6" >> "$BENCH_RESULTS"
}

# The seconds a command takes, to the microsecond (bash's clock: /usr/bin/time counts
# hundredths, and a command on one item takes a few of them), its output thrown away; on
# failure, its error and exit. Needs $work, the benchmark's folder.
seconds() { seconds_to /dev/null "$@"; }
# The same, its output kept in FILE: a benchmark compares the figures of the run it timed.
seconds_to() {
  local out=$1 began
  shift
  began=$EPOCHREALTIME
  "$@" >"$out" 2>"$work/err.txt" || { cat "$work/err.txt" >&2; exit 1; }
  awk -v a="$began" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.6f", b - a }'
}
# The seconds of the fastest of RUNS runs (10 unless set) of a command, its output thrown away.
best() {
  local fastest="" took
  for _ in $(seq "${RUNS:-10}"); do
    took=$(seconds "$@") || exit 1
    fastest=$(awk -v a="$fastest" -v b="$took" 'BEGIN { print (a == "" || b < a) ? b : a }')
  done
  echo "$fastest"
}
# Stops the benchmark when the figures of allervers (ours.txt) and of the reference
# (theirs.txt) in $work differ, or when there are none: a fast wrong answer is no result.
same_figures() {
  [ -s "$work/ours.txt" ] || { echo "allervers gave no figures" >&2; exit 1; }
  cmp -s "$work/ours.txt" "$work/theirs.txt" || { echo "FIGURES DIFFER: diff $work/ours.txt $work/theirs.txt" >&2; exit 1; }
}
# One line of a benchmark's own report: name, seconds, sqlite3's seconds, comment.
row() { awk -v n="$1" -v s="$2" -v r="$3" -v c="$4" 'BEGIN { printf "%-44s %8.3f s   sqlite3 %7.3f s   %6.1f ×   %s\n", n, s, r, (r > 0 ? s / r : 0), c }'; }

# Runs a command RUNS times (5 unless set), prints "seconds peak-kB" of the fastest run: this
# machine shares its cores, and the best run is the least disturbed. `before` (optional) runs
# ahead of each try, untimed. Needs $work.
measure() {
  local best="" line
  for _ in $(seq "${RUNS:-5}"); do
    [ -n "${before:-}" ] && eval "$before"
    /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" || { tail -3 "$work/stderr.txt"; exit 1; }
    line=$(cat "$work/time.txt")
    if [ -z "$best" ] || awk -v a="${line%% *}" -v b="${best%% *}" 'BEGIN { exit !(a < b) }'; then best=$line; fi
  done
  echo "$best"
}
# One line of an import benchmark's report: name, seconds, peak kB, xmllint --stream's seconds;
# needs $mibs, the file's size.
stream_row() {
  awk -v n="$1" -v s="$2" -v k="$3" -v m="$mibs" -v r="$4" \
    'BEGIN { printf "%-44s %8.2f s %8.1f MiB/s %8.1f MB peak %8.2f × xmllint --stream\n", n, s, m / s, k / 1000, (m / s) / (m / r) }'
}
