#!/usr/bin/env bash
# Sourced by the PostGIS tests: starts a throw-away PostgreSQL + PostGIS cluster in a temp dir on a
# free local port (unix socket in the temp dir, no TCP listener), as the unprivileged `postgres`
# user when run as root. Sets PGTEST_DIR, PGTEST_PORT, PGTEST_CONN (a GDAL "PG:" string) and
# pg_test_stop (registered by the caller in a trap).
set -euo pipefail
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[[ -x "$pg_bin/initdb" ]] || { echo "postgis test: PostgreSQL server binaries not found (scripts/setup.sh installs them)" >&2; exit 1; }
PGTEST_DIR=$(mktemp -d /tmp/gridplan-pg.XXXXXX)
chmod 755 "$PGTEST_DIR"
as_db_user=()
if [[ $(id -u) -eq 0 ]]; then
  chown postgres: "$PGTEST_DIR"
  as_db_user=(runuser -u postgres --)
fi
# A free port: the first in 25432.. with no socket file and nothing listening.
PGTEST_PORT=25432
while (echo >/dev/tcp/127.0.0.1/$PGTEST_PORT) 2>/dev/null || [[ -e /tmp/.s.PGSQL.$PGTEST_PORT ]]; do
  PGTEST_PORT=$((PGTEST_PORT + 1))
done
"${as_db_user[@]}" "$pg_bin/initdb" -D "$PGTEST_DIR/data" -U gridplan --auth=trust -E UTF8 --locale=C.UTF-8 >"$PGTEST_DIR/initdb.log" 2>&1
pg_test_stop() {
  "${as_db_user[@]}" "$pg_bin/pg_ctl" -D "$PGTEST_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PGTEST_DIR"
}
"${as_db_user[@]}" "$pg_bin/pg_ctl" -D "$PGTEST_DIR/data" -w -t 60 -l "$PGTEST_DIR/server.log" \
  -o "-p $PGTEST_PORT -k $PGTEST_DIR -c listen_addresses='' -c fsync=off" start >/dev/null
PGTEST_CONN="PG:host=$PGTEST_DIR port=$PGTEST_PORT user=gridplan dbname=gridplan"
"${as_db_user[@]}" "$pg_bin/createdb" -h "$PGTEST_DIR" -p "$PGTEST_PORT" -U gridplan gridplan
psql_test() { psql -X -q -v ON_ERROR_STOP=1 -h "$PGTEST_DIR" -p "$PGTEST_PORT" -U gridplan -d gridplan "$@"; }
psql_test -c "CREATE EXTENSION postgis"
