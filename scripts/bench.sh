#!/usr/bin/env bash
# Course import benchmark: a generated catalogue of MIB mebibytes, imported end to end
# (validated and stored), beside xmllint reading the same file in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/bench-result.sh
mib=${1:-200}
work=Benchmarks/work
mkdir -p "$work"
file=$work/catalogue-$mib.xml
[ -f "$file" ] || .build/release/allervers-bench-catalogue "$file" "$mib" Courses
size=$(stat -c %s "$file")
mibs=$(awk -v b="$size" 'BEGIN { printf "%.1f", b / 1048576 }')
# Three runs of each: the best of three is as steady as the best of five on this machine, and
# five runs of five commands on 200 MiB took a fifth of the ten minutes make bench allows.
export RUNS=${RUNS:-3}

read -r stream_s stream_k < <(measure xmllint --stream --noout "$file")
read -r schema_s schema_k < <(measure xmllint --stream --noout --schema Courses/schema/course-1.xsd "$file")
read -r validate_s validate_k < <(measure .build/release/allervers course validate "$file")
before='rm -rf "$work/store" && mkdir -p "$work/store" && .build/release/allervers init --store "$work/store" >/dev/null'
read -r import_s import_k < <(measure .build/release/allervers course import --store "$work/store" "$file")
before=""
# The same catalogue again into the store the last run filled: every course found unchanged.
read -r again_s again_k < <(measure .build/release/allervers course import --store "$work/store" "$file")

echo "Course import, $mibs MiB catalogue, best of $RUNS runs ($(grep -c '<course ' "$file") courses), $(nproc) cores"
stream_row "xmllint --stream --noout" "$stream_s" "$stream_k" "$stream_s"
stream_row "xmllint --stream --noout --schema" "$schema_s" "$schema_k" "$stream_s"
stream_row "allervers course validate" "$validate_s" "$validate_k" "$stream_s"
stream_row "allervers course import (validated, stored)" "$import_s" "$import_k" "$stream_s"
stream_row "allervers course import again (all unchanged)" "$again_s" "$again_k" "$stream_s"
# Issue 2 asked a third of xmllint --stream's speed; issue 17 asks half, with memory flat.
echo "Targets: import ≥ 0.5 × xmllint --stream (issue 17; issue 2 asked 0.33), peak RSS < 100 MB."
result "course validate ($mibs MiB catalogue)" "$validate_s" "xmllint --stream --noout --schema" "$schema_s" s -
result "course import ($mibs MiB, validated, stored)" "$import_s" "xmllint --stream --noout" "$stream_s" s 0.5
result "course import again, all unchanged" "$again_s" "xmllint --stream --noout" "$stream_s" s -
result "course import peak RSS (first and again)" "$(awk -v a="$import_k" -v b="$again_k" 'BEGIN { printf "%.1f", (a > b ? a : b) / 1000 }')" "limit" 100 MB -

# Every hostile file refused, and the slowest refusal.
slowest=0
for f in ../shared/corpora/hostile-xml/defusedxml/* ../shared/corpora/hostile-xml/libxml2/test/{errors,recurse}/*; do
  [ -f "$f" ] || continue
  start=$(date +%s.%N)
  if .build/release/allervers course validate "$f" >/dev/null 2>&1; then echo "ACCEPTED hostile file: $f"; exit 1; fi
  slowest=$(awk -v a="$slowest" -v b="$(date +%s.%N)" -v s="$start" 'BEGIN { d = b - s; print (d > a ? d : a) }')
done
echo "Hostile corpus: every file refused; slowest refusal $(awk -v s="$slowest" 'BEGIN { printf "%.3f", s }') s (limit 1 s)"
result "hostile XML corpus, slowest refusal" "$slowest" "limit" 1 s 1
