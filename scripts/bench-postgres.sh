#!/usr/bin/env bash
# The same year on PostgreSQL, run by `make bench` inside scripts/with-postgres.sh after
# scripts/bench-attendance.sh, whose people, half-days and attendance sheets it imports again:
# the million attendance records imported and chained (beside SQLite's figure of the same run
# and beside PostgreSQL's own COPY of the same rows), everyone's hours over the year (beside
# one SQL statement in psql), and `attendance record` of one half-day by 8 writer processes
# at once (chained records per second).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/bench-result.sh
bin=.build/release/allervers
source_work=Benchmarks/work/attendance
work=Benchmarks/work/postgres
[ -f "$source_work/all.csv" ] || { echo "run scripts/bench-attendance.sh first" >&2; exit 1; }
server=${ALLERVERS_TEST_POSTGRES:?run inside scripts/with-postgres.sh}
psql_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/psql
rm -rf "$work" && mkdir -p "$work/store"
database=allervers_bench_$$
"$psql_bin" -X -q "$server" -c "CREATE DATABASE $database"
url="${server%/*}/$database"
psql_args=(-X -q -v ON_ERROR_STOP=1 "$url")
psql() { "$psql_bin" "${psql_args[@]}" "$@"; }

store="$work/store"
$bin init --store "$store" --database "$url" >/dev/null
$bin course import --store "$store" Courses/ >/dev/null
participants=$(($(wc -l < "$source_work/participants.csv") - 1))
participants_s=$(seconds $bin participant import --store "$store" "$source_work/participants.csv")
# SQLite's figures of the same run, which scripts/bench-attendance.sh wrote.
sqlite_figure() {
  local figure
  figure=$(awk -F '\t' -v name="$1" 'index($1, name) == 1 { print $2 }' "$BENCH_RESULTS" 2>/dev/null | tail -1)
  [ -n "$figure" ] || { echo "no '$1' row in $BENCH_RESULTS: run scripts/bench-attendance.sh first" >&2; exit 1; }
  echo "$figure"
}
sqlite_participants_s=$(sqlite_figure "participant import (")
sessions=$(ls "$source_work"/sheets/B-*.csv | wc -l)
seats=$(awk -F';' 'NR > 1 { print $3 }' "$source_work/sheets/B-1.csv" | sort -u | wc -l)
for s in $(seq 1 "$sessions"); do
  $bin session plan AV-FOND --store "$store" --slots "$source_work/slots.csv" --allow-partial --id "B-$s" --room "Salle $s" \
    --address "Lyon" --trainer "Formateur $s" --capacity "$seats" >/dev/null
  ids=$(awk -F';' 'NR > 1 { print $3 }' "$source_work/sheets/B-$s.csv" | sort -u)
  # shellcheck disable=SC2086
  $bin session enrol --store "$store" "B-$s" $ids >/dev/null
done

start=$(date +%s.%N)
for s in $(seq 1 "$sessions"); do $bin attendance import --store "$store" --by "Formateur $s" "$source_work/sheets/B-$s.csv" >/dev/null; done
import_s=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')
records=$(psql -At -c "SELECT count(*) FROM attendanceEvent")
psql -c "CREATE TABLE copied (session text, slot text, participant text, status text, minutes_late text, minutes_left_early text, reason text)"
copy_s=$(seconds "$psql_bin" "${psql_args[@]}" -c "\\copy copied FROM '$source_work/all.csv' WITH (FORMAT csv, DELIMITER ';', HEADER true)")
sqlite_s=$(sqlite_figure "attendance import (")

current="SELECT e.* FROM attendanceEvent e WHERE e.sequence = (SELECT max(sequence) FROM attendanceEvent
  WHERE sessionID = e.sessionID AND participantID = e.participantID AND slotID = e.slotID)"
minutes="(substr(sl.endTime, 1, 2)::int * 60 + substr(sl.endTime, 4, 2)::int) - (substr(sl.startTime, 1, 2)::int * 60 + substr(sl.startTime, 4, 2)::int)"
attended="sum(CASE WHEN c.status = 'present' THEN greatest(0, $minutes - c.minutesLate - c.minutesLeftEarly) ELSE 0 END)"
hours_query="WITH c AS ($current) SELECT c.participantID, $attended FROM c JOIN sessionSlot sl ON sl.sessionID = c.sessionID
  AND sl.id = c.slotID WHERE sl.date BETWEEN '2025-01-01' AND '2025-12-31' GROUP BY c.participantID"
hours_s=$(seconds_to "$work/ours.json" $bin attendance hours --store "$store" --from 2025-01-01 --to 2025-12-31 --json)
ref_hours_s=$(seconds_to "$work/theirs.raw" "$psql_bin" "${psql_args[@]}" -At -c "$hours_query")
# The figures of the timed runs, compared.
python3 -c 'import json, sys
for r in json.load(sys.stdin): print(r["participant"] + "|" + r["attendedMinutes"])' < "$work/ours.json" | sort > "$work/ours.txt"
sort "$work/theirs.raw" > "$work/theirs.txt"
same_figures
agree="same figures"

# Eight trainers at once, each recording the half-days of a session of their own, one
# `attendance record` (every seat present) per half-day.
writers=8
halfdays=${HALFDAYS:-25}
first=$((sessions * seats))
for w in $(seq 1 $writers); do
  $bin session plan AV-FOND --store "$store" --slots "$source_work/slots.csv" --allow-partial --id "W-$w" --room "Atelier $w" \
    --address "Lyon" --trainer "Équipe $w" --capacity "$seats" >/dev/null
  # shellcheck disable=SC2046
  $bin session enrol --store "$store" "W-$w" $(seq $((first + (w - 1) * seats + 1)) $((first + w * seats)) | awk '{ printf "P-%04d ", $1 }') >/dev/null
done
slot_ids=$(awk -F';' 'NR > 1 { print $1 "-" ($2 < "13:00" ? "am" : "pm") }' "$source_work/slots.csv" | head -n "$halfdays")
before=$(psql -At -c "SELECT count(*) FROM attendanceEvent")
start=$(date +%s.%N)
for w in $(seq 1 $writers); do
  ( for slot in $slot_ids; do $bin attendance record "W-$w" --store "$store" --slot "$slot" --others-present --by "Équipe $w" >/dev/null || exit 1; done ) &
done
failed=0
for job in $(jobs -p); do wait "$job" || failed=1; done
concurrent_s=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')
[ "$failed" -eq 0 ] || { echo "a writer failed" >&2; exit 1; }
written=$(($(psql -At -c "SELECT count(*) FROM attendanceEvent") - before))
$bin verify --store "$store" >/dev/null
rate=$(awk -v n="$written" -v s="$concurrent_s" 'BEGIN { printf "%.0f", n / s }')
"$psql_bin" -X -q "$server" -c "DROP DATABASE $database"

echo "PostgreSQL: the same $records attendance records, $sessions sessions"
printf "%-52s %8.3f s   SQLite %7.3f s\n" "participant import ($participants from CSV)" "$participants_s" "$sqlite_participants_s"
printf "%-52s %8.3f s   SQLite %7.3f s   COPY %7.3f s\n" "attendance import ($records records, chained)" "$import_s" "$sqlite_s" "$copy_s"
printf "%-52s %8.3f s   psql   %7.3f s   %s\n" "attendance hours (everyone, one year)" "$hours_s" "$ref_hours_s" "$agree"
printf "%-52s %8.3f s   %s records/s, chain intact\n" "attendance record, $writers writers × $halfdays half-days × $seats seats" "$concurrent_s" "$rate"
result "PostgreSQL: participant import ($participants)" "$participants_s" "allervers on SQLite" "$sqlite_participants_s" s -
result "PostgreSQL: attendance import (vs SQLite)" "$import_s" "allervers on SQLite" "$sqlite_s" s 0.5
result "PostgreSQL: attendance import (vs COPY)" "$import_s" "psql \\copy (no checks, no chain)" "$copy_s" s -
result "PostgreSQL: attendance hours (one year; $agree)" "$hours_s" "psql query" "$ref_hours_s" s -
# Records per second against the target rate: the time for 1,000 records, beside 1 s.
result "PostgreSQL: 8 writers, attendance record ($rate/s)" "$(awk -v r="$rate" 'BEGIN { printf "%.3f", 1000 / r }')" "1,000 records/s target" 1 s 1
