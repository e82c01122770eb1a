# Starts a throw-away PostgreSQL 15 server in a temporary directory and stops it on exit.
# Source this file, then call `start_temp_postgres`; it exports TEST_DATABASE_URL.
# An optional argument adds server options (e.g. "-c shared_buffers=4GB", for the benchmarks).
# As root the server runs as the `postgres` user (PostgreSQL refuses to run as root).

PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"

ensure_postgres_installed() {
  if [ -x "$PG_BIN/postgres" ]; then return 0; fi
  echo "==> installing PostgreSQL 15 (Debian packages)"
  ensure_apt_updated
  # No default cluster: the tests start their own server.
  mkdir -p /etc/postgresql-common/createcluster.d
  echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.d/no-main-cluster.conf
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null
}

as_pg_user() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

start_temp_postgres() {
  ensure_postgres_installed
  PG_TMP="$(mktemp -d /tmp/catalog-guard-pg.XXXXXX)"
  if [ "$(id -u)" = "0" ]; then chown postgres: "$PG_TMP"; fi
  PG_PORT="$(free_port)"
  as_pg_user "$PG_BIN/initdb" -D "$PG_TMP/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$PG_TMP/initdb.log" 2>&1 \
    || { cat "$PG_TMP/initdb.log"; return 1; }
  # Durability is not what these tests measure: fsync off keeps them fast.
  as_pg_user "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/server.log" -w -t 60 \
    -o "-p $PG_PORT -k $PG_TMP -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 ${1:-}" \
    start >/dev/null || { cat "$PG_TMP/server.log"; return 1; }
  export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
  echo "==> PostgreSQL 15 on port $PG_PORT ($PG_TMP)"
}

stop_temp_postgres() {
  if [ -n "${PG_TMP:-}" ] && [ -d "$PG_TMP/data" ]; then
    as_pg_user "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PG_TMP"
  fi
}
