#!/usr/bin/env bash
# Employers' obligations at scale: STAFF people (100,000) across 100 employers, each employer
# with two obligations, and 300,000 completions (two certificates and one record of training
# done elsewhere per person). The compliance counts as of a day, beside one sqlite3 query that
# computes the same counts on the same file; the two must give the same figures.
#
# People, employers and obligations go through the CLI. The certificates and the training
# done elsewhere are written with sqlite3: issuing 200,000 certificates through sessions
# would take the benchmark's whole budget, and the report reads them as rows either way.
# Each certificate's signed payload and credential take the room real ones do (430 and
# 6,800 bytes, as in the demo's): a report that read them would show it.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/bench-result.sh
staff=${STAFF:-100000}
employers=100
as_of=2026-12-31
bin=.build/release/allervers
work=Benchmarks/work/compliance
rm -rf "$work" && mkdir -p "$work"
store="$work/store"
mkdir -p "$store"
$bin init --store "$store" >/dev/null
$bin course import --store "$store" Courses/ >/dev/null
db="$store/.allervers/store.sqlite"


# Staff hired from 2015 to 2026, a fifth of them social-service assistants. Days stop at 28:
# sqlite3's month arithmetic does not clamp to the end of the month, the tool's does.
awk -v n="$staff" -v e="$employers" 'BEGIN {
  print "first_name;last_name;email;profession;employer;hire_date"
  split("éducateur spécialisé;assistant de service social;CESF;moniteur-éducateur;éducateur spécialisé", jobs, ";")
  for (i = 1; i <= n; i++) printf "Prénom%d;Nom%d;p%d@example.org;%s;Employeur %03d;%04d-%02d-%02d\n", i, i, i, jobs[i % 5 + 1], i % e, 2015 + i % 12, i % 12 + 1, i % 28 + 1
}' > "$work/staff.csv"
$bin participant import --store "$store" "$work/staff.csv" >/dev/null
for e in $(seq -f "E-%04g" 1 "$employers"); do
  $bin obligation add --store "$store" --employer "$e" --title "Aller-vers, socle" --course AV-FOND --due-months 12 --validity 36 \
    --grace 30 --lead 30 >/dev/null
  $bin obligation add --store "$store" --employer "$e" --title "Aller-vers, terrain" --course AV-TERRAIN \
    --external "IRTS Hauts-de-France|L'aller-vers" --role "assistant de service social" --due-months 6 --validity 24 --lead 60 >/dev/null
done
# One planned session per course for the certificates to name.
printf 'date;start;end;modules\n2026-01-05;09:00;12:30;M1\n' > "$work/slots.csv"
for course in AV-FOND AV-TERRAIN; do
  $bin session plan "$course" --store "$store" --slots "$work/slots.csv" --allow-partial --id "S-$course" --room "Salle $course" --address Lyon \
    --trainer "Formateur $course" --capacity 10 >/dev/null
done
sqlite3 "$db" <<SQL
PRAGMA foreign_keys = ON;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $staff),
people AS (SELECT i, printf('P-%04d', i) AS id FROM n),
made AS (
  SELECT i, id, 0 AS k, 'AV-FOND' AS course, printf('%04d-%02d-%02d', 2017 + i % 6, (i * 7) % 12 + 1, (i * 5) % 28 + 1) AS day FROM people
  UNION ALL
  SELECT i, id, 1, CASE WHEN i % 5 = 0 THEN 'AV-TERRAIN' ELSE 'AV-FOND' END,
    printf('%04d-%02d-%02d', 2021 + i % 6, (i * 3) % 12 + 1, (i * 11) % 28 + 1) FROM people
)
INSERT INTO certificate (number, year, sequence, sessionID, participantID, courseRowID, eligible, reasons, attendedMinutes,
  plannedMinutes, firstDay, lastDay, issuedOn, validUntil, signedPayload, credential, issuedBy, issuedAt)
SELECT printf('AV-%s-%06d', substr(day, 1, 4), 2 * i + k), CAST(substr(day, 1, 4) AS INTEGER), 2 * i + k, 'S-' || course, id,
  (SELECT rowID FROM course WHERE id = made.course ORDER BY rowID DESC LIMIT 1), 1, '[]', 1260, 1260, day, day, day, NULL,
  printf('%.430c', 'x'), printf('%.6800c', 'x'),
  'Claire Martin', day || 'T17:00:00Z'
FROM made;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $staff)
INSERT INTO externalTraining (id, participantID, provider, title, completedOn, minutes, verifiedBy, recordedBy, recordedAt)
SELECT printf('X-%04d', i), printf('P-%04d', i), 'IRTS Hauts-de-France', 'L''aller-vers',
  printf('%04d-%02d-%02d', 2018 + i % 9, (i * 5) % 12 + 1, (i * 3) % 28 + 1), 840, CASE WHEN i % 3 = 0 THEN NULL ELSE 'Claire Martin' END,
  'Claire Martin', '2026-11-01 10:00:00.000'
FROM n;
COMMIT;
-- Statistics a real store does not have (the tool never runs ANALYZE): both queries are
-- planned the same without them, checked with EXPLAIN QUERY PLAN on the certificates.
ANALYZE;
SQL
completions=$(sqlite3 "$db" "SELECT (SELECT count(*) FROM certificate) + (SELECT count(*) FROM externalTraining)")

# The same counts, as one query: the latest completion each obligation accepts on or before
# the day, the validity it starts (or the first due date), and the state on the day.
reference="WITH comp AS (
    SELECT c.participantID AS p, co.id AS course, NULL AS provider, c.lastDay AS day FROM certificate c
    JOIN course co ON co.rowID = c.courseRowID
    WHERE c.eligible AND NOT EXISTS (SELECT 1 FROM certificateRevocation r WHERE r.number = c.number)
    UNION ALL
    SELECT participantID, countsAs, provider || '|' || title, completedOn FROM externalTraining
    WHERE removedAt IS NULL AND verifiedBy IS NOT NULL),
  a AS (SELECT p, max(day) AS last FROM comp WHERE course = 'AV-FOND' AND day <= '$as_of' GROUP BY p),
  b AS (SELECT p, max(day) AS last FROM comp WHERE (course = 'AV-TERRAIN' OR provider = 'IRTS Hauts-de-France|L''aller-vers')
    AND day <= '$as_of' GROUP BY p),
  lines AS (
    SELECT s.employerID AS e, a.last AS last, max(coalesce(date(a.last, '+36 months'), ''), date(s.hireDate, '+12 months')) AS due,
      30 AS grace, 30 AS lead
    FROM participant s LEFT JOIN a ON a.p = s.id WHERE s.employerID IS NOT NULL AND s.hireDate <= '$as_of'
    UNION ALL
    SELECT s.employerID, b.last, max(coalesce(date(b.last, '+24 months'), ''), date(s.hireDate, '+6 months')), 0, 60
    FROM participant s LEFT JOIN b ON b.p = s.id
    WHERE s.employerID IS NOT NULL AND s.hireDate <= '$as_of' AND s.profession = 'assistant de service social')
  SELECT e, CASE
      WHEN '$as_of' <= due THEN CASE WHEN julianday(due) - julianday('$as_of') < lead THEN 'due-soon'
        WHEN last IS NULL THEN 'not-yet-due' ELSE 'compliant' END
      WHEN julianday('$as_of') < julianday(due) + grace + 1 THEN 'in-grace' ELSE 'overdue' END AS state, count(*)
  FROM lines GROUP BY e, state"

# The fastest of three runs of each: this machine shares its cores, and one run can be
# twice another.
report_s=$(RUNS=3 best $bin compliance --counts --as-of "$as_of" --store "$store")
ref_report_s=$(RUNS=3 best sqlite3 "$db" "$reference")
$bin compliance --counts --json --as-of "$as_of" --store "$store" | python3 -c 'import json, sys
for c in json.load(sys.stdin)["counts"]:
    if "profession" not in c:
        for state, n in c["states"].items():
            if n: print("%s|%s|%d" % (c["employerID"], state, n))' | sort > "$work/ours.txt"
sqlite3 "$db" "$reference" | sort > "$work/theirs.txt"
same_figures
agree="same figures"
one_s=$(RUNS=3 best $bin compliance --employer E-0001 --as-of "$as_of" --store "$store")

echo "Compliance: $staff staff of $employers employers, two obligations each, $completions certificates and records of training done elsewhere"
row "compliance counts (everyone, as of $as_of)" "$report_s" "$ref_report_s" "$agree"
row "compliance report (one employer, every line)" "$one_s" "$ref_report_s" ""
result "compliance counts ($staff staff; $agree)" "$report_s" "sqlite3 query" "$ref_report_s" s 1
result "compliance counts ($staff staff), its own target" "$report_s" "target" 0.5 s 1
