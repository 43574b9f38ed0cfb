#!/usr/bin/env bash
# A throwaway PostgreSQL server for the store tests, on 127.0.0.1 and a socket in its own
# temporary folder. Installs Debian's postgresql when initdb/pg_ctl are missing (as root).
#
#   eval "$(scripts/postgres-test-server.sh start [PORT])"   sets OGI_TEST_PG (the DSN) and
#                                                            OGI_TEST_PG_DIR (the server's folder)
#   scripts/postgres-test-server.sh stop "$OGI_TEST_PG_DIR"   stops that server and removes its folder
#
# The tests use the DSN through OGI_TEST_PG; tests/conftest.py runs this script by itself
# when initdb and pg_ctl exist and OGI_TEST_PG is unset.
set -euo pipefail

find_bin() {
  local name=$1 dir
  if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return; fi
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/$name" ] && { echo "$dir/$name"; return; }
  done
  return 1
}

install_postgres() {
  if find_bin initdb >/dev/null && find_bin pg_ctl >/dev/null; then return; fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "postgres-test-server: initdb/pg_ctl not found, and installing them needs root" >&2
    exit 1
  fi
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
}

# Run a command as the server's owner: the `postgres` user when we are root (the server
# refuses to run as root), otherwise as ourselves.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

start() {
  install_postgres
  local initdb pg_ctl port dir
  initdb=$(find_bin initdb)
  pg_ctl=$(find_bin pg_ctl)
  port=${1:-$(free_port)}
  dir=$(mktemp -d /tmp/ogi-pg.XXXXXX)
  chmod 755 "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
  as_owner "$initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  as_owner "$pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >&2 || { cat "$dir/server.log" >&2; exit 1; }
  echo "export OGI_TEST_PG=postgresql://postgres@127.0.0.1:$port/postgres"
  echo "export OGI_TEST_PG_DIR=$dir"
}

stop() {
  local dir=$1 pg_ctl
  pg_ctl=$(find_bin pg_ctl)
  [ -d "$dir/data" ] || { echo "postgres-test-server: no server in $dir" >&2; exit 1; }
  as_owner "$pg_ctl" -D "$dir/data" -m immediate -w stop >&2 || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) shift; stop "$@" ;;
  *) echo "usage: $0 start [PORT] | stop DIR" >&2; exit 2 ;;
esac
