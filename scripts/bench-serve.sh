#!/usr/bin/env bash
# `allervers serve` under load (issue 14): 50 phones signing 500 half-day signatures across 10
# sessions, the server killed with SIGKILL halfway and restarted, every signature recorded once
# and `verify` passing; the 99th-percentile latency of a signature against the 100 ms target.
# Then the certificate page under `wrk` against the 1,000 requests a second target.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/bench-result.sh
work=Benchmarks/work/serve
mkdir -p "$work"
# The servers it starts stop with it, however it ends.
trap 'pkill -f -- "--store $PWD/$work/run/store" 2>/dev/null || true' EXIT
out=$(.build/release/allervers-bench-serve .build/release/allervers "$work/run" "${CLIENTS:-50}" "${SIGNATURES:-500}" 10)
echo "$out" | grep -v '^RESULT'
value() { echo "$out" | awk -v k="$1" '$1 == "RESULT" && $2 == k { print $3 }'; }
result "serve: a signature, 50 phones, p99 (ms, median of 3 rounds)" "$(value signing-p99-ms)" "target" 100 ms 1
command -v wrk >/dev/null || { echo "wrk is missing: make bench installs it"; exit 1; }
wrk -t2 -c32 -d5s "$(value verify-url)" | tee "$work/wrk.txt"
rps=$(awk '/^Requests\/sec:/ { print $2 }' "$work/wrk.txt")
non2xx=$(awk '/Non-2xx/ { print $5 }' "$work/wrk.txt")
[ -z "$non2xx" ] || { echo "the certificate page answered $non2xx errors under load"; exit 1; }
result "serve: certificate page under wrk (ms/request)" "$(awk -v r="$rps" 'BEGIN { printf "%.4f", 1000 / r }')" \
  "target 1,000 requests/s" 1 ms 1
