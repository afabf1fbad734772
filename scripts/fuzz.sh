#!/usr/bin/env bash
# Fuzzes the course importer with libFuzzer for SECONDS, seeded with Courses/ and the
# shared corpora. Findings land in Benchmarks/work/fuzz-findings/; each becomes a file in
# Tests/TrainingXMLTests/FuzzRegressions/, which the tests replay.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
binary=.build-fuzz/debug/allervers-fuzz-course
work=Benchmarks/work
corpus=$work/fuzz-corpus
findings=$work/fuzz-findings
mkdir -p "$corpus" "$findings"
# Seeds: the shipped courses, the regressions, and the shared corpora's XML (hostile files,
# LHEO and SCORM manifests: other formats, which the importer must refuse cleanly).
cp Courses/*.xml "$corpus"/
cp Tests/TrainingXMLTests/FuzzRegressions/* "$corpus"/ 2>/dev/null || true
if [ -d ../shared/corpora ]; then
  find ../shared/corpora/hostile-xml ../shared/corpora/lheo/samples ../shared/corpora/scorm-imscp -type f -size -64k \
    -name '*.xml' -exec cp {} "$corpus"/ \; 2>/dev/null || true
fi
echo "Fuzzing the course importer for $seconds s with $(ls "$corpus" | wc -l) seeds"
SWIFT_BACKTRACE=enable=no "$binary" "$corpus" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
  -rss_limit_mb=2048 -artifact_prefix="$findings/" -print_final_stats=1 2>"$work/fuzz.log" || {
  tail -40 "$work/fuzz.log"
  echo "FINDING: see $findings/ — copy it into Tests/TrainingXMLTests/FuzzRegressions/ and fix"
  exit 1
}
grep -E "^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb|new_units_added)" "$work/fuzz.log"
tail -1 "$work/fuzz.log" | grep -q "Done" && tail -1 "$work/fuzz.log"
echo "No crash, hang or broken round trip in $seconds s"
