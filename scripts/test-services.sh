#!/usr/bin/env bash
# Test databases for the PostgreSQL / ClickHouse log-store tests (test/stores/).
#
#   scripts/test-services.sh install   # apt-get the Debian packages if missing (root only)
#   scripts/test-services.sh start     # start both on 127.0.0.1, free ports, temp data dirs;
#                                      # writes "export TEST_…=…" lines to $DIR/env and prints them.
#                                      # Both or neither: nothing starts when one is not installed, and
#                                      # a failure to start one stops the other (exit 1).
#   scripts/test-services.sh stop      # stop both and delete the temp dirs
#
# DIR defaults to ${TMPDIR:-/tmp}/apialerts-test-services. The servers run as their own unprivileged
# system users (postgres, clickhouse) when started as root: PostgreSQL refuses to run as root.
set -euo pipefail

DIR="${TEST_SERVICES_DIR:-${TMPDIR:-/tmp}/apialerts-test-services}"
PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)}"
# Test-only credentials for throw-away local servers.
PG_PASSWORD="pg_test_pw_7f3a"
CH_PASSWORD="ch_test_pw_9c1e"

free_port() {
  node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

as_user() { # as_user USER CMD… — drop root privileges when we have them
  local user="$1"; shift
  if [ "$(id -u)" = 0 ]; then runuser -u "$user" -- "$@"; else "$@"; fi
}

install() {
  local missing=()
  [ -n "$PG_BIN" ] && [ -x "$PG_BIN/postgres" ] || missing+=(postgresql)
  command -v clickhouse-server >/dev/null || missing+=(clickhouse-server clickhouse-client)
  if [ ${#missing[@]} -gt 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    local sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo -E" # hosted runners are not root
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

wait_for() { # wait_for WHAT CMD… — readiness loop, bounded by time (60 s, or $TEST_SERVICES_WAIT s), not by tries
  local what="$1"; shift
  local deadline=$((SECONDS + ${TEST_SERVICES_WAIT:-60}))
  while :; do
    if "$@" >/dev/null 2>&1; then return 0; fi
    [ "$SECONDS" -lt "$deadline" ] || break
    sleep 0.2
  done
  echo "test-services: $what did not become ready in ${TEST_SERVICES_WAIT:-60} s" >&2
  return 1
}

start_postgres() {
  PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)}"
  local data="$DIR/pg" port
  port="$(free_port)"
  mkdir -p "$data"
  printf '%s\n' "$PG_PASSWORD" > "$DIR/pgpw"
  if [ "$(id -u)" = 0 ]; then chown -R postgres: "$data" "$DIR/pgpw"; fi
  as_user postgres "$PG_BIN/initdb" -D "$data" -U postgres --auth=scram-sha-256 --pwfile="$DIR/pgpw" -E UTF8 >/dev/null
  as_user postgres "$PG_BIN/pg_ctl" -D "$data" -l "$data/server.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $data -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
  wait_for postgres env PGPASSWORD="$PG_PASSWORD" psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -c 'select 1'
  echo "export TEST_POSTGRES_URL=postgres://postgres:$PG_PASSWORD@127.0.0.1:$port/postgres" >> "$DIR/env"
  echo "export TEST_PG_BIN=$PG_BIN" >> "$DIR/env"
}

start_clickhouse() {
  local data="$DIR/ch" http tcp
  http="$(free_port)"; tcp="$(free_port)"
  mkdir -p "$data/tmp" "$data/user_files" "$data/format_schemas"
  cat > "$data/config.xml" <<EOF
<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>$data/server.log</log><errorlog>$data/error.log</errorlog></logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>$http</http_port>
  <tcp_port>$tcp</tcp_port>
  <path>$data/</path>
  <tmp_path>$data/tmp/</tmp_path>
  <user_files_path>$data/user_files/</user_files_path>
  <format_schema_path>$data/format_schemas/</format_schema_path>
  <users_config>$data/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <mark_cache_size>268435456</mark_cache_size>
  <max_concurrent_queries>50</max_concurrent_queries>
</yandex>
EOF
  cat > "$data/users.xml" <<EOF
<?xml version="1.0"?>
<yandex>
  <profiles><default><max_memory_usage>4000000000</max_memory_usage></default></profiles>
  <users>
    <default>
      <password>$CH_PASSWORD</password>
      <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
      <profile>default</profile>
      <quota>default</quota>
    </default>
  </users>
  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors><result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
</yandex>
EOF
  if [ "$(id -u)" = 0 ] && id clickhouse >/dev/null 2>&1; then chown -R clickhouse: "$data"; local user=clickhouse; else local user="$(id -un)"; fi
  as_user "$user" clickhouse-server --config-file="$data/config.xml" --pid-file="$data/server.pid" --daemon >/dev/null 2>&1 \
    || as_user "$user" bash -c "nohup clickhouse-server --config-file='$data/config.xml' --pid-file='$data/server.pid' >/dev/null 2>&1 &"
  wait_for clickhouse node -e "fetch('http://127.0.0.1:$http/ping').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
  echo "export TEST_CLICKHOUSE_URL=http://default:$CH_PASSWORD@127.0.0.1:$http/default" >> "$DIR/env"
}

# What `start` needs that is not installed, one name a line.
missing_programs() {
  local bin="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)}"
  { [ -n "$bin" ] && [ -x "$bin/postgres" ] && [ -x "$bin/initdb" ] && [ -x "$bin/pg_ctl" ]; } || echo "PostgreSQL server (postgres, initdb, pg_ctl)"
  command -v psql >/dev/null || echo "psql"
  command -v clickhouse-server >/dev/null || echo "clickhouse-server"
  command -v node >/dev/null || echo "node"
}

start() {
  local missing
  missing="$(missing_programs)"
  if [ -n "$missing" ]; then
    {
      echo "test-services: not installed, so neither database was started:"
      while IFS= read -r m; do echo "  - $m"; done <<< "$missing"
      echo "Install them with:  scripts/test-services.sh install   (root or sudo; Debian/Ubuntu)"
      echo "or:                 sudo apt-get install postgresql clickhouse-server clickhouse-client"
    } >&2
    exit 1
  fi
  stop_quiet
  mkdir -p "$DIR"
  chmod 755 "$DIR"
  : > "$DIR/env"
  # Both or neither: if either fails to start, stop whatever did start.
  trap 'status=$?; echo "test-services: start failed; stopping what was started" >&2; stop_quiet; exit $status' EXIT
  start_postgres
  start_clickhouse
  trap - EXIT
  cat "$DIR/env"
}

stop_quiet() {
  [ -d "$DIR" ] || return 0
  if [ -f "$DIR/pg/postmaster.pid" ]; then
    PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)}"
    as_user postgres "$PG_BIN/pg_ctl" -D "$DIR/pg" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  if [ -f "$DIR/ch/server.pid" ]; then
    local pid; pid="$(cat "$DIR/ch/server.pid")"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -rf "$DIR"
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  stop) stop_quiet ;;
  *) echo "usage: $0 install|start|stop" >&2; exit 64 ;;
esac
