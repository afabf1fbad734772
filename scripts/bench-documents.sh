#!/usr/bin/env bash
# Certificate PDFs: COUNT certificats de réalisation rendered, sealed and written by
# allervers, beside Python reportlab drawing the same page in the same run (REFERENCE
# pages: reportlab is slow enough that a sample gives its per-page figure).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/bench-result.sh
count=${1:-1000}
reference=${2:-50}
work=Benchmarks/work
mkdir -p "$work"

# reportlab: Debian's, or installed into a virtual environment when missing.
python=/usr/bin/python3
if ! "$python" -c 'import reportlab' 2>/dev/null; then
  if [ ! -x "$work/venv/bin/python" ]; then
    python3 -m venv "$work/venv" && "$work/venv/bin/pip" install -q reportlab
  fi
  python=$work/venv/bin/python
fi

rm -rf "$work/pdf-allervers" "$work/pdf-reportlab"
read -r ours_s ours_n < <(.build/release/allervers-bench-documents "$count" "$work/pdf-allervers")
# The floor: pango and cairo alone drawing the same page (Benchmarks/PDFFloor/floor.c).
cc -O2 Benchmarks/PDFFloor/floor.c $(pkg-config --cflags --libs pangocairo libqrencode) -o "$work/pdf-floor"
read -r floor_s floor_n _ < <("$work/pdf-floor" "$count")
read -r ref_s ref_n < <("$python" scripts/bench-reportlab.py "$reference" "$work/pdf-reportlab")
qpdf --check "$work/pdf-allervers/AV-2026-000001.pdf" >/dev/null
ours_kb=$(du -k "$work/pdf-allervers/AV-2026-000001.pdf" | cut -f1)
ref_kb=$(du -k "$work/pdf-reportlab/AV-2026-000001.pdf" | cut -f1)
awk -v os="$ours_s" -v on="$ours_n" -v rs="$ref_s" -v rn="$ref_n" -v ok="$ours_kb" -v rk="$ref_kb" -v fs="$floor_s" -v fn="$floor_n" 'BEGIN {
  o = os * 1000 / on; r = rs * 1000 / rn; f = fs * 1000 / fn
  printf "Certificate PDFs (A4, fonts embedded, QR code), %d pages by allervers, %d by reportlab\n", on, rn
  printf "%-44s %8.1f ms/page %6d KB/file\n", "allervers (layout, QR, seal, PAdES, file)", o, ok
  printf "%-44s %8.1f ms/page %6d KB/file\n", "python reportlab (same page)", r, rk
  printf "%-44s %8.1f ms/page\n", "pango and cairo alone (same page, in memory)", f
  printf "allervers is %.1f × faster than reportlab (first target: 5 ×), %.2f × the time of pango and cairo alone (target: 1.5 ×)\n", r / o, o / f
}'
per_page=$(awk -v s="$ours_s" -v n="$ours_n" 'BEGIN { print s * 1000 / n }')
result "certificate PDF ($ours_n pages; reportlab $ref_n)" "$per_page" "python reportlab, same page" \
  "$(awk -v s="$ref_s" -v n="$ref_n" 'BEGIN { print s * 1000 / n }')" ms 5
result "certificate PDF, beside its floor" "$per_page" "pango and cairo alone, same page" \
  "$(awk -v s="$floor_s" -v n="$floor_n" 'BEGIN { print s * 1000 / n }')" ms 0.67
