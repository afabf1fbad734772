#!/usr/bin/env bash
# Start-up (issue 17): `allervers --version` and `organisation show` on a small workspace,
# beside sqlite3 starting and reading the same organisation row; the mean of RUNS runs each.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/bench-result.sh
work=Benchmarks/work/startup
bin=.build/release/allervers
runs=${RUNS:-50}
rm -rf "$work" && mkdir -p "$work/store"
$bin init --store "$work/store" >/dev/null
$bin organisation set --store "$work/store" --name "Institut Aller-Vers" --address "12 rue des Lices, 49100 Angers" \
  --declaration-number 52490123449 --signatory "Claire Martin" --signatory-title "Directrice" >/dev/null
# The mean seconds of `runs` runs of a command, its output thrown away.
mean() {
  local start end
  "$@" >/dev/null || exit 1
  start=$(date +%s.%N)
  for _ in $(seq "$runs"); do "$@" >/dev/null || exit 1; done
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" -v n="$runs" 'BEGIN { printf "%.4f", (b - a) / n }'
}
[ "$runs" -gt 0 ] || { echo "RUNS must be at least 1" >&2; exit 1; }
# What is timed must be the answer, not a quick refusal. (Read whole before it is searched:
# `grep -q` stops reading at the first match, and the command writing on would then fail.)
shown=$($bin organisation show --store "$work/store")
grep -q "Institut Aller-Vers" <<<"$shown" || { echo "organisation show did not answer" >&2; exit 1; }
version_s=$(mean $bin --version)
show_s=$(mean $bin organisation show --store "$work/store")
sqlite_s=$(mean sqlite3 "$work/store/.allervers/store.sqlite" "SELECT * FROM organisation")
echo "Start-up, mean of $runs runs: allervers --version $version_s s, organisation show $show_s s, sqlite3 and one query $sqlite_s s"
result "start-up: allervers --version" "$version_s" "sqlite3, one query" "$sqlite_s" s 0.33
result "start-up: organisation show" "$show_s" "sqlite3, one query" "$sqlite_s" s 0.33
