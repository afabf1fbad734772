#!/usr/bin/env bash
# LHEO import benchmark: a catalogue of MIB mebibytes made of the real Intercarif feeds
# replicated (scripts/lheo-catalogue.py), read and stored, beside xmllint on the same file.
# The sessions' dates are left out of the copies: the row measures reading, checking and
# storing courses and their session templates, not planning thousands of sessions at one place.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/bench-result.sh
mib=${1:-200}
work=Benchmarks/work
mkdir -p "$work"
file=$work/lheo-$mib.xml
[ -f "$file" ] || python3 scripts/lheo-catalogue.py "$file" "$mib" --dateless
size=$(stat -c %s "$file")
mibs=$(awk -v b="$size" 'BEGIN { printf "%.1f", b / 1048576 }')
schema=Courses/schema/lheo/lheo-2.2.xsd
export RUNS=${RUNS:-3}

read -r stream_s stream_k < <(measure xmllint --stream --noout "$file")
read -r schema_s schema_k < <(measure xmllint --stream --noout --schema "$schema" "$file")
read -r validate_s validate_k < <(measure .build/release/allervers course validate "$file")
before='rm -rf "$work/lheo-store" && mkdir -p "$work/lheo-store" && .build/release/allervers init --store "$work/lheo-store" >/dev/null'
read -r import_s import_k < <(measure .build/release/allervers course import --store "$work/lheo-store" "$file")
before=""

echo "LHEO import, $mibs MiB catalogue, best of $RUNS runs ($(grep -c '<formation ' "$file") formations), $(nproc) cores"
stream_row "xmllint --stream --noout" "$stream_s" "$stream_k" "$stream_s"
stream_row "xmllint --stream --noout --schema (LHEO 2.2)" "$schema_s" "$schema_k" "$stream_s"
stream_row "allervers course validate (LHEO)" "$validate_s" "$validate_k" "$stream_s"
stream_row "allervers course import (LHEO, stored)" "$import_s" "$import_k" "$stream_s"
echo "Target: import ≥ 0.33 × xmllint --stream, memory flat."
result "LHEO validate ($mibs MiB)" "$validate_s" "xmllint --stream --noout --schema" "$schema_s" s -
result "LHEO import ($mibs MiB, stored)" "$import_s" "xmllint --stream --noout" "$stream_s" s 0.33
result "LHEO import peak RSS" "$(awk -v a="$import_k" 'BEGIN { printf "%.1f", a / 1000 }')" "limit" 100 MB -
