#!/usr/bin/env bash
# Runs a command beside a throw-away PostgreSQL cluster on loopback (Debian's postgresql,
# started by hand: no service, no root needed), with ALLERVERS_TEST_POSTGRES naming it; the
# cluster is stopped and removed when the command ends, whatever its exit status.
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$bin/initdb" ] || { echo "PostgreSQL is missing: make deps installs it" >&2; exit 1; }
dir=$(mktemp -d /tmp/allervers-postgres.XXXXXX)
# Below Linux's ephemeral ports (32768–60999): a loopback connection the benches or the tests
# left in TIME-WAIT or still open cannot hold it.
port=${ALLERVERS_TEST_POSTGRES_PORT:-25432}
# initdb refuses to run as root: as root (CI), the cluster belongs to the postgres user.
if [ "$(id -u)" -eq 0 ]; then chown postgres "$dir"; as() { su postgres -s /bin/sh -c "$1"; }; else as() { sh -c "$1"; }; fi
stop() { as "'$bin/pg_ctl' -D '$dir/data' stop -m fast >/dev/null 2>&1" || true; rm -rf "$dir"; }
trap stop EXIT
# A French collation (ICU, no system locale needed), so that the tests see what an
# organisation's server does: text that does not sort byte by byte unless told to.
as "'$bin/initdb' -D '$dir/data' -A trust -U postgres -E UTF8 --locale=C.UTF-8 --locale-provider=icu --icu-locale=fr-FR >/dev/null" \
  || { rm -rf "$dir/data"; as "'$bin/initdb' -D '$dir/data' -A trust -U postgres >/dev/null"; }
as "'$bin/pg_ctl' -D '$dir/data' -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c fsync=${ALLERVERS_TEST_POSTGRES_FSYNC:-off}\" -l '$dir/log' start -w >/dev/null" \
  || { cat "$dir/log" >&2; exit 1; }
export ALLERVERS_TEST_POSTGRES="postgres://postgres@127.0.0.1:$port/postgres"
"$@"
