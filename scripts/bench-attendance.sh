#!/usr/bin/env bash
# Sessions and attendance at scale: PARTICIPANTS people imported from CSV, SESSIONS sessions
# of SLOTS half-days with SEATS people each (SESSIONS × SLOTS × SEATS attendance records, a
# million by default), then the attendance grid of one session and everyone's hours over the
# year. Each figure is printed beside sqlite3 doing the same work on the same file.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/bench-result.sh
participants=${PARTICIPANTS:-100000}
sessions=${SESSIONS:-100}
slots=${SLOTS:-100}
seats=${SEATS:-100}
bin=.build/release/allervers
work=Benchmarks/work/attendance
rm -rf "$work" && mkdir -p "$work/sheets"
store="$work/store"
mkdir -p "$store"
$bin init --store "$store" >/dev/null
$bin course import --store "$store" Courses/ >/dev/null


# People, as a spreadsheet would give them.
awk -v n="$participants" 'BEGIN {
  print "first_name;last_name;email;profession;employer;hire_date;external_id"
  split("éducateur spécialisé;assistant de service social;CESF;moniteur-éducateur", jobs, ";")
  for (i = 1; i <= n; i++) printf "Prénom%d;Nom%d;p%d@example.org;%s;Employeur %d;%02d/%02d/20%02d;EXT-%d\n", i, i, i, jobs[i % 4 + 1], i % 300, i % 28 + 1, i % 12 + 1, i % 25, i
}' > "$work/participants.csv"
db="$store/.allervers/store.sqlite"
# The floor under an import: sqlite3 putting the same rows into a copy of the store's own
# tables (their foreign keys, checks, unique and other indexes, synchronous=FULL), as plain SQL
# with nothing checked or hashed on the way, in one process and one transaction where the
# imports are a hundred processes and commits, and without what the store writes beside the
# rows (an employer's spellings, the chain's head): less work than the import does.
sqlite3 "$db" "VACUUM INTO '$work/floor-participants.sqlite'"
import_s=$(seconds $bin participant import --store "$store" "$work/participants.csv")
sqlite3 "$work/reference.sqlite" "CREATE TABLE p (first_name, last_name, email UNIQUE, profession, employer, hire_date, external_id UNIQUE)"
ref_import_s=$(seconds sqlite3 "$work/reference.sqlite" ".mode csv" ".separator ;" ".import --skip 1 $work/participants.csv p")
floor_import_s=$(seconds sqlite3 "$work/floor-participants.sqlite" "PRAGMA foreign_keys = ON" "PRAGMA synchronous = FULL" \
  "PRAGMA journal_mode = WAL" "CREATE TEMP TABLE p (first_name, last_name, email, profession, employer, hire_date, external_id)" \
  ".mode csv" ".separator ;" ".import --skip 1 $work/participants.csv p" "BEGIN;
  INSERT INTO employer (id, name, kind, createdAt) SELECT 'E-' || row_number() OVER (ORDER BY employer), employer, 'other',
    '2025-01-01T00:00:00Z' FROM (SELECT DISTINCT employer FROM p);
  INSERT INTO participant (id, firstName, lastName, email, profession, hireDate, externalID, createdAt, employerID)
    SELECT printf('P-%04d', p.rowid), first_name, last_name, email, profession,
      substr(hire_date, 7, 4) || '-' || substr(hire_date, 4, 2) || '-' || substr(hire_date, 1, 2), external_id,
      '2025-01-01T00:00:00Z', e.id FROM p JOIN employer e ON e.name = p.employer;
  COMMIT")
[ "$(sqlite3 "$work/floor-participants.sqlite" "SELECT count(*) FROM participant")" = "$participants" ] ||
  { echo "the floor's participant import did not store $participants people" >&2; exit 1; }

# The year's half-days: weekdays from 2025-01-06, morning and afternoon.
{
  echo "date;start;end;modules"
  day=0; made=0
  while [ "$made" -lt "$slots" ]; do
    date=$(date -u -d "2025-01-06 + $day days" +%F); weekday=$(date -u -d "$date" +%u); day=$((day + 1))
    [ "$weekday" -ge 6 ] && continue
    echo "$date;09:00;12:30;M1"; made=$((made + 1))
    [ "$made" -lt "$slots" ] && { echo "$date;13:30;17:00;M2"; made=$((made + 1)); }
  done
} > "$work/slots.csv"
slot_ids=$(awk -F';' 'NR > 1 { print $1 "-" ($2 < "13:00" ? "am" : "pm") }' "$work/slots.csv")

start=$(date +%s.%N)
for s in $(seq 1 "$sessions"); do
  $bin session plan AV-FOND --store "$store" --slots "$work/slots.csv" --allow-partial --id "B-$s" --room "Salle $s" \
    --address "Lyon" --trainer "Formateur $s" --capacity "$seats" >/dev/null
  ids=$(seq $(((s - 1) * seats + 1)) $((s * seats)) | awk '{ printf "P-%04d ", $1 }')
  # shellcheck disable=SC2086
  $bin session enrol --store "$store" "B-$s" $ids >/dev/null
  echo "$slot_ids" | awk -v s="$s" -v ids="$ids" 'BEGIN { n = split(ids, p, " "); print "session;slot;participant;status;minutes_late;minutes_left_early;reason" }
    { for (i = 1; i <= n; i++) { k = (NR * 7 + i) % 50
        if (k == 0) printf "B-%s;%s;%s;absent;;;\n", s, $1, p[i]
        else if (k == 1) printf "B-%s;%s;%s;excused;;;arrêt maladie\n", s, $1, p[i]
        else if (k == 2) printf "B-%s;%s;%s;present;%d;;\n", s, $1, p[i], 5 + i % 40
        else printf "B-%s;%s;%s;present;;;\n", s, $1, p[i] } }' > "$work/sheets/B-$s.csv"
done
setup_s=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')
sqlite3 "$db" "VACUUM INTO '$work/floor-attendance.sqlite'"

start=$(date +%s.%N)
for s in $(seq 1 "$sessions"); do $bin attendance import --store "$store" --by "Formateur $s" "$work/sheets/B-$s.csv" >/dev/null; done
record_s=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')
records=$((sessions * slots * seats))
{ echo "session;slot;participant;status;minutes_late;minutes_left_early;reason"; tail -q -n +2 "$work"/sheets/*.csv; } > "$work/all.csv"
sqlite3 "$work/reference.sqlite" "CREATE TABLE a (session, slot, participant, status, minutes_late, minutes_left_early, reason)"
ref_record_s=$(seconds sqlite3 "$work/reference.sqlite" ".mode csv" ".separator ;" ".import --skip 1 $work/all.csv a")
# The floor: the same rows into the store's own attendance table (the foreign keys to the
# half-day and the seat, the checks, the index, synchronous=FULL), one transaction; each row
# with a 64-digit placeholder for its hash, which SQL cannot chain.
floor_record_s=$(seconds sqlite3 "$work/floor-attendance.sqlite" "PRAGMA foreign_keys = ON" "PRAGMA synchronous = FULL" \
  "PRAGMA journal_mode = WAL" "CREATE TEMP TABLE a (session, slot, participant, status, minutes_late, minutes_left_early, reason)" \
  ".mode csv" ".separator ;" ".import --skip 1 $work/all.csv a" "BEGIN;
  INSERT INTO attendanceEvent (sessionID, slotID, participantID, status, minutesLate, minutesLeftEarly, reason, recordedBy,
      recordedAt, source, previousHash, hash)
    SELECT session, slot, participant, status, coalesce(nullif(minutes_late, ''), 0), coalesce(nullif(minutes_left_early, ''), 0),
      nullif(reason, ''), 'Formateur', '2025-12-01T10:00:00Z', 'import', printf('%064d', a.rowid - 1), printf('%064d', a.rowid)
    FROM a;
  COMMIT")
[ "$(sqlite3 "$work/floor-attendance.sqlite" "SELECT count(*) FROM attendanceEvent")" = "$records" ] ||
  { echo "the floor's attendance import did not store $records records" >&2; exit 1; }
rm -f "$work/floor-participants.sqlite" "$work/floor-attendance.sqlite"

current="SELECT e.* FROM attendanceEvent e WHERE e.sequence = (SELECT max(sequence) FROM attendanceEvent
  WHERE sessionID = e.sessionID AND participantID = e.participantID AND slotID = e.slotID)"
minutes="(substr(sl.endTime, 1, 2) * 60 + substr(sl.endTime, 4, 2)) - (substr(sl.startTime, 1, 2) * 60 + substr(sl.startTime, 4, 2))"
attended="sum(CASE WHEN c.status = 'present' THEN max(0, $minutes - c.minutesLate - c.minutesLeftEarly) ELSE 0 END)"
show_s=$(seconds $bin attendance show --store "$store" B-1)
ref_show_s=$(seconds sqlite3 "$db" "WITH c AS ($current AND e.sessionID = 'B-1') SELECT c.participantID, $attended FROM c
  JOIN sessionSlot sl ON sl.sessionID = c.sessionID AND sl.id = c.slotID GROUP BY c.participantID")
hours_s=$(seconds_to "$work/ours.json" $bin attendance hours --store "$store" --from 2025-01-01 --to 2025-12-31 --json)
ref_hours_s=$(seconds_to "$work/theirs.raw" sqlite3 "$db" "WITH c AS ($current) SELECT c.participantID, $attended FROM c
  JOIN sessionSlot sl ON sl.sessionID = c.sessionID AND sl.id = c.slotID WHERE sl.date BETWEEN '2025-01-01' AND '2025-12-31'
  GROUP BY c.participantID")
# The two must agree on the figures the timed runs gave, not only on the time.
python3 -c 'import json, sys
for r in json.load(sys.stdin): print(r["participant"] + "|" + r["attendedMinutes"])' < "$work/ours.json" | sort > "$work/ours.txt"
sort "$work/theirs.raw" > "$work/theirs.txt"
same_figures
agree="same figures"
# The whole log's chain recomputed, beside sqlite3 reading every column of it (the floor of
# any verification that reads the records).
verify_s=$(seconds $bin verify --store "$store")
ref_verify_s=$(seconds sqlite3 "$db" "SELECT count(*), sum(length(sessionID) + length(slotID) + length(participantID) + length(status)
  + minutesLate + minutesLeftEarly + length(reason) + length(recordedBy) + length(recordedAt) + length(source) + length(previousHash)
  + length(hash) + length(correctionReason) + length(evidence)) FROM attendanceEvent")

echo "Sessions and attendance: $participants participants, $sessions sessions × $slots half-days × $seats seats = $records records"
row "participant import ($participants from CSV)" "$import_s" "$ref_import_s" "$(awk -v s="$import_s" -v n="$participants" 'BEGIN { printf "%.0f/s", n / s }')"
row "attendance import ($records records, $sessions files)" "$record_s" "$ref_record_s" "$(awk -v s="$record_s" -v n="$records" 'BEGIN { printf "%.0f/s, hash-chained", n / s }')"
echo "  the floor, sqlite3 putting the same rows into the store's own tables: participants $floor_import_s s, attendance $floor_record_s s"
row "attendance show (one session)" "$show_s" "$ref_show_s" ""
row "attendance hours (everyone, one year)" "$hours_s" "$ref_hours_s" "$agree"
row "verify (the whole log)" "$verify_s" "$ref_verify_s" "target: under 1 s; sqlite3 reads every column"
echo "(planning and enrolling the $sessions sessions took $(awk -v s="$setup_s" 'BEGIN { printf "%.1f", s }') s; sqlite3 references: .import of the same CSV, and one SQL query for the same figures)"
result "participant import ($participants from CSV)" "$import_s" "sqlite3 .import" "$ref_import_s" s 0.5
result "participant import: the store's own floor" "$import_s" "sqlite3 into the store's tables" "$floor_import_s" s -
result "attendance import ($records records, hash-chained)" "$record_s" "sqlite3 .import" "$ref_record_s" s 0.25
result "attendance import: the store's own floor" "$record_s" "sqlite3 into the store's table" "$floor_record_s" s -
result "attendance show (one session)" "$show_s" "sqlite3 query" "$ref_show_s" s 0.33
result "attendance hours (everyone, one year; $agree)" "$hours_s" "sqlite3 query" "$ref_hours_s" s -
result "verify ($records records, the whole chain)" "$verify_s" "target" 1 s 1
