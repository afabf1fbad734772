#!/usr/bin/env bash
# A large organisation's year (issue 17), made by allervers-bench-year: 20 courses, 10,000
# participants, 600 sessions, 49,560 half-day marks and 8,400 certificates. On it:
#   - the reports over a period (certify --dry-run of the year, attendance hours of the year and
#     of a month, participant list, session list), each beside the plain sqlite3 query that
#     computes the same figures, which must agree;
#   - commands on one item, beside the nearest sqlite3 query, and again on a store twenty times
#     larger (twenty such years, about a million marks): the time must not grow with the store.
# The twenty years take about three minutes to make: they are kept in Benchmarks/work/year/twenty
# and made again when what shapes their records changes (the generator, its arguments, the
# shipped courses, the store's migrations), not on every change of the code that writes them.
# The write timings add a session and a few records to them on each run: a trace in a million.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/bench-result.sh
bin=.build/release/allervers
work=Benchmarks/work/year
last=2025
mkdir -p "$work"
year_store=$work/one
twenty_store=$work/twenty

generate() {  # STORE YEARS
  .build/release/allervers-bench-year "$1" "$2" "$last" 2>"$work/generator.log" || { cat "$work/generator.log" >&2; exit 1; }
}
made_s=$(seconds generate "$year_store" 1 | awk '{ printf "%.1f", $1 }')
key=$( { echo "$last 20"; cat Benchmarks/YearGenerator/main.swift Sources/TrainingStore/Store+Migrations.swift Courses/*.xml; } |
  sha256sum | cut -c1-16)
if [ "$(cat "$twenty_store.key" 2>/dev/null)" != "$key" ]; then
  rm -f "$twenty_store.key"
  generate "$twenty_store" 20
  echo "$key" > "$twenty_store.key"
fi

# sqlite3's side: the half-days' minutes, and each record that is the current one of its half-day.
minutes="(substr(sl.endTime, 1, 2) * 60 + substr(sl.endTime, 4, 2)) - (substr(sl.startTime, 1, 2) * 60 + substr(sl.startTime, 4, 2))"
current="SELECT e.* FROM attendanceEvent e WHERE e.sequence = (SELECT max(sequence) FROM attendanceEvent
  WHERE sessionID = e.sessionID AND participantID = e.participantID AND slotID = e.slotID)"
attended="sum(CASE WHEN c.status = 'present' THEN max(0, $minutes - c.minutesLate - c.minutesLeftEarly) ELSE 0 END)"

# MARK: A period, on the year
db=$year_store/.allervers/store.sqlite
$bin session list --store "$year_store" >/dev/null  # the first command after the generator folds its write-ahead log in

# certify --dry-run of every session that ended in the year: each seat's attended and planned minutes.
dry_s=$(seconds_to "$work/ours.json" $bin certify --dry-run --from "$last-01-01" --to "$last-12-31" --json --store "$year_store")
python3 -c 'import json, sys
for session, decisions in json.load(sys.stdin).items():
    for d in decisions: print("%s|%s|%d|%d" % (session, d["participantID"], d["hours"]["attended"]["minutes"], d["hours"]["planned"]["minutes"]))' \
  < "$work/ours.json" | sort > "$work/ours.txt"
ref_dry_s=$(seconds_to "$work/theirs.raw" sqlite3 "$db" "
  WITH closed AS (SELECT s.id FROM session s WHERE s.status = 'closed'
         AND (SELECT max(date) FROM sessionSlot WHERE sessionID = s.id) BETWEEN '$last-01-01' AND '$last-12-31'),
       planned AS (SELECT sl.sessionID, sum($minutes) AS minutes FROM sessionSlot sl JOIN closed ON closed.id = sl.sessionID
         GROUP BY sl.sessionID),
       c AS ($current AND e.sessionID IN (SELECT id FROM closed)),
       done AS (SELECT c.sessionID, c.participantID, $attended AS minutes FROM c
         JOIN sessionSlot sl ON sl.sessionID = c.sessionID AND sl.id = c.slotID GROUP BY c.sessionID, c.participantID)
  SELECT en.sessionID, en.participantID, coalesce(done.minutes, 0), planned.minutes FROM enrolment en
    JOIN planned ON planned.sessionID = en.sessionID
    LEFT JOIN done ON done.sessionID = en.sessionID AND done.participantID = en.participantID
  WHERE en.status = 'enrolled'")
sort "$work/theirs.raw" > "$work/theirs.txt"
same_figures
seats=$(wc -l < "$work/ours.txt")

# attendance hours over the year and over one month.
hours() {  # FROM TO: the seconds of allervers, then of sqlite3, their figures compared
  local ours theirs
  ours=$(seconds_to "$work/ours.json" $bin attendance hours --store "$year_store" --from "$1" --to "$2" --json)
  python3 -c 'import json, sys
for r in json.load(sys.stdin): print(r["participant"] + "|" + r["attendedMinutes"])' < "$work/ours.json" | sort > "$work/ours.txt"
  theirs=$(seconds_to "$work/theirs.raw" sqlite3 "$db" "WITH c AS ($current) SELECT c.participantID, $attended FROM c
    JOIN sessionSlot sl ON sl.sessionID = c.sessionID AND sl.id = c.slotID WHERE sl.date BETWEEN '$1' AND '$2'
    GROUP BY c.participantID")
  sort "$work/theirs.raw" > "$work/theirs.txt"
  same_figures
  echo "$ours $theirs"
}
# (Each into a variable first: a failure inside `< <(…)` would not stop the script.)
figures=$(hours "$last-01-01" "$last-12-31")
read -r hours_year_s ref_hours_year_s <<<"$figures"
figures=$(hours "$last-03-01" "$last-03-31")
read -r hours_month_s ref_hours_month_s <<<"$figures"

# The lists: every participant, every session with its seats taken.
plist_s=$(seconds_to "$work/ours.json" $bin participant list --json --store "$year_store")
python3 -c 'import json, sys
for p in json.load(sys.stdin): print(p["id"] + "|" + p["lastName"] + "|" + (p.get("email") or ""))' < "$work/ours.json" | sort > "$work/ours.txt"
ref_plist_s=$(seconds_to "$work/theirs.raw" sqlite3 "$db" "SELECT id, lastName, coalesce(email, '') FROM participant WHERE mergedInto IS NULL")
sort "$work/theirs.raw" > "$work/theirs.txt"
same_figures
people=$(wc -l < "$work/ours.txt")
slist_s=$(seconds_to "$work/ours.json" $bin session list --json --store "$year_store")
python3 -c 'import json, sys
for s in json.load(sys.stdin): print("%s|%d|%s|%s" % (s["id"], s["enrolled"], s["firstDay"], s["lastDay"]))' < "$work/ours.json" | sort > "$work/ours.txt"
ref_slist_s=$(seconds_to "$work/theirs.raw" sqlite3 "$db" "SELECT s.id,
    (SELECT count(*) FROM enrolment WHERE sessionID = s.id AND status = 'enrolled'),
    (SELECT min(date) FROM sessionSlot WHERE sessionID = s.id), (SELECT max(date) FROM sessionSlot WHERE sessionID = s.id)
  FROM session s")
sort "$work/theirs.raw" > "$work/theirs.txt"
same_figures
sessions=$(wc -l < "$work/ours.txt")

# A month's records exported (a year's would take minutes of make bench's ten): the sessions
# that ended in March, every file export records writes, on both cores; the year at that pace.
rm -rf "$work/records"
/usr/bin/time -f "%e %P" -o "$work/time.txt" $bin export records --from "$last-03-01" --to "$last-03-31" --out "$work/records" \
  --store "$year_store" >/dev/null 2>"$work/err.txt" || { cat "$work/err.txt" >&2; exit 1; }
read -r month_s month_cpu < "$work/time.txt"
month_sessions=$(find "$work/records" -mindepth 1 -maxdepth 1 -type d | wc -l)
read -r month_pdfs month_pages < <(python3 -c 'import pathlib, re, sys
pages = [re.findall(rb"/Type /Pages[^>]*?/Count (\d+)", p.read_bytes()) for p in pathlib.Path(sys.argv[1]).rglob("*.pdf")]
print(len(pages), sum(int(found[-1]) for found in pages if found))' "$work/records")
month_jwts=$(find "$work/records" -name "*.jwt" | wc -l)
year_documents_s=$(awk -v s="$month_s" -v n="$month_sessions" -v all="$sessions" 'BEGIN { printf "%.1f", s * all / n }')
echo "A year: $seats seats certified (dry run), $people participants, $sessions sessions; made in $made_s s"
row "certify --dry-run (the year, $seats seats)" "$dry_s" "$ref_dry_s" "same figures"
row "attendance hours (the year)" "$hours_year_s" "$ref_hours_year_s" "same figures"
row "attendance hours (a month)" "$hours_month_s" "$ref_hours_month_s" "same figures"
row "participant list ($people)" "$plist_s" "$ref_plist_s" "same people"
row "session list ($sessions)" "$slist_s" "$ref_slist_s" "same seats and days"
echo "export records, a month: $month_sessions sessions, $month_pdfs PDFs of $month_pages pages, $month_jwts credentials in $month_s s," \
  "CPU $month_cpu (both cores: 200 %); the year's $sessions sessions at that pace: $year_documents_s s (target: 60 s)"
result "certify --dry-run, a year ($seats seats; same figures)" "$dry_s" "sqlite3 query" "$ref_dry_s" s 1
result "attendance hours, a year of 600 sessions (same figures)" "$hours_year_s" "sqlite3 query" "$ref_hours_year_s" s 1
result "attendance hours, a month (same figures)" "$hours_month_s" "sqlite3 query" "$ref_hours_month_s" s 1
result "participant list ($people; same people)" "$plist_s" "sqlite3 query" "$ref_plist_s" s 1
result "session list ($sessions; same seats and days)" "$slist_s" "sqlite3 query" "$ref_slist_s" s 1
result "export records, a year (a month's pace: $month_pages pages, CPU $month_cpu)" "$year_documents_s" "target" 60 s 1

# MARK: One item, on one year and on twenty
session="S-$last-001"
person="p$last-1@example.org"
# One line "NAME allervers-seconds sqlite3-seconds": the fastest runs of allervers ARGUMENTS on
# $store and of sqlite3 running SQL on $db (the caller's).
pair() {  # NAME SQL ARGUMENTS...
  local name=$1 sql=$2 ours theirs
  shift 2
  ours=$(best $bin "$@" --store "$store")
  theirs=$(best sqlite3 "$db" "$sql")
  echo "$name $ours $theirs"
}
# The same commands on STORE, as such lines.
one_item() {
  local store=$1 db=$1/.allervers/store.sqlite number pdf stamp fresh people
  number=$(sqlite3 "$db" "SELECT c.number FROM certificate c JOIN participant p ON p.id = c.participantID WHERE p.email = '$person'")
  [ -n "$number" ] || { echo "no certificate for $person in $store" >&2; exit 1; }
  rm -rf "$work/export" && $bin export records "$session" --out "$work/export" --store "$store" >/dev/null
  pdf=$(find "$work/export" -name "$number-certificat-de-realisation.pdf")
  [ -n "$pdf" ] || { echo "no PDF of $number exported" >&2; exit 1; }
  pair session-show "SELECT * FROM session WHERE id = '$session'; SELECT * FROM sessionSlot WHERE sessionID = '$session';
    SELECT count(*) FROM enrolment WHERE sessionID = '$session'" session show "$session"
  pair participant-show "SELECT * FROM participant WHERE email = '$person'" participant show "$person"
  pair attendance-show "WITH c AS ($current AND e.sessionID = '$session') SELECT c.participantID, c.slotID, c.status FROM c" \
    attendance show "$session"
  pair attendance-history "SELECT * FROM attendanceEvent WHERE sessionID = '$session' ORDER BY sequence" attendance history "$session"
  pair certificate-show "SELECT * FROM certificate WHERE number = '$number'" certificate show "$number"
  pair certify-one-dry-run "WITH c AS ($current AND e.sessionID = '$session') SELECT c.participantID, $attended FROM c
    JOIN sessionSlot sl ON sl.sessionID = c.sessionID AND sl.id = c.slotID GROUP BY c.participantID" certify "$session" --dry-run
  pair verify-pdf "SELECT * FROM certificate WHERE number = '$number'" verify "$pdf"
  # Writes: a session planned for the purpose (its own room and trainer, so that the twenty
  # years kept from run to run never clash), people enrolled one at a time, then its
  # half-days recorded one at a time; beside sqlite3 writing one row, synchronous=FULL.
  stamp=$(date +%s%N)
  fresh="S-BENCH-$stamp"
  seconds $bin session plan AV-FOND --start "$last-12-29" --id "$fresh" --room "Salle $stamp" --address "Lyon" \
    --trainer "Formateur $stamp" --capacity 15 --store "$store" >/dev/null
  people=$(sqlite3 "$db" "SELECT id FROM participant WHERE email LIKE 'p$last-%' ORDER BY id LIMIT ${RUNS:-10}")
  sqlite3 "$work/reference.sqlite" "PRAGMA journal_mode = WAL; CREATE TABLE IF NOT EXISTS w (a, b, c)" >/dev/null
  local enrol="" record="" t
  for p in $people; do
    t=$(seconds $bin session enrol "$fresh" "$p" --store "$store") || exit 1
    enrol=$(awk -v a="$enrol" -v b="$t" 'BEGIN { print (a == "" || b < a) ? b : a }')
  done
  for slot in $(sqlite3 "$db" "SELECT id FROM sessionSlot WHERE sessionID = '$fresh' ORDER BY date, startTime"); do
    t=$(seconds $bin attendance record "$fresh" --slot "$slot" --others-present --store "$store") || exit 1
    record=$(awk -v a="$record" -v b="$t" 'BEGIN { print (a == "" || b < a) ? b : a }')
  done
  local write="PRAGMA synchronous = FULL; INSERT INTO w VALUES ('$fresh', 'P-0001', 'x')"
  echo "session-enrol $enrol $(best sqlite3 "$work/reference.sqlite" "$write")"
  echo "attendance-record $record $(best sqlite3 "$work/reference.sqlite" "$write")"
}
one_item "$year_store" > "$work/one.txt"
one_item "$twenty_store" > "$work/twenty.txt"
echo "One item: seconds on one year (and sqlite3), on twenty years (and sqlite3)"
paste -d ' ' "$work/one.txt" "$work/twenty.txt" | while read -r name one one_ref _ twenty twenty_ref; do
  awk -v n="$name" -v a="$one" -v b="$one_ref" -v c="$twenty" -v d="$twenty_ref" \
    'BEGIN { printf "%-22s %7.3f s  sqlite3 %6.3f s   twenty years %7.3f s  sqlite3 %6.3f s   growth %5.2f ×\n", n, a, b, c, d, c / a }'
  result "one item: $name (one year)" "$one" "sqlite3, nearest query" "$one_ref" s 0.33
  result "one item: $name (twenty years vs one)" "$twenty" "the same on one year" "$one" s 0.83
done
