#!/bin/sh
# clr-pg-cluster.sh — a private, throw-away PostgreSQL cluster for the tests
#
# Copyright 2026 The Clearance authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   clr-pg-cluster.sh start DIR   initdb in DIR (created, must not hold a cluster),
#                                 start the server on a Unix socket in DIR (no TCP),
#                                 print the libpq address of its "postgres" database
#   clr-pg-cluster.sh stop DIR    stop that server (DIR stays; remove it yourself)
#   clr-pg-cluster.sh find        print the folder of the server programs, or fail
#
# The server refuses to run as root (CI runs as root): then the cluster
# belongs to the unprivileged user "postgres" (Debian's postgresql package
# makes it) or $CLR_PG_USER. Exits 77 (meson's "skipped") when no server
# programs are installed, so a machine without PostgreSQL skips rather
# than fails; CI installs them (.ci/run, tools/install-deps.sh).
set -eu

find_bindir () {
  if [ -n "${CLR_PG_BINDIR:-}" ] && [ -x "$CLR_PG_BINDIR/initdb" ]; then
    echo "$CLR_PG_BINDIR"; return 0
  fi
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; return 0; fi
  done
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(command -v initdb)"; return 0
  fi
  return 1
}

as_owner () {
  if [ "$(id -u)" = 0 ]; then
    runuser -u "${CLR_PG_USER:-postgres}" -- "$@"
  else
    "$@"
  fi
}

cmd=${1:-}
case "$cmd" in
  find)
    find_bindir || { echo "no PostgreSQL server programs (Debian: apt install postgresql)" >&2; exit 77; }
    ;;
  start)
    dir=${2:?usage: clr-pg-cluster.sh start DIR}
    bindir=$(find_bindir) || { echo "no PostgreSQL server programs (Debian: apt install postgresql)" >&2; exit 77; }
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    if [ "$(id -u)" = 0 ]; then
      owner=${CLR_PG_USER:-postgres}
      id "$owner" >/dev/null 2>&1 || { echo "no user $owner to own the test cluster (set CLR_PG_USER)" >&2; exit 1; }
      chown "$owner" "$dir"
      chmod 700 "$dir"
    fi
    as_owner "$bindir/initdb" -D "$dir/data" -U clearance_test --auth=trust \
      --encoding=UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    # Fast and private: no TCP, the socket in DIR, no durability (a test cluster).
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses='' -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    echo "postgresql:///postgres?host=$dir&user=clearance_test"
    ;;
  stop)
    dir=${2:?usage: clr-pg-cluster.sh stop DIR}
    bindir=$(find_bindir) || exit 0
    [ -f "$dir/data/postmaster.pid" ] || exit 0
    as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    ;;
  *)
    echo "usage: clr-pg-cluster.sh start DIR | stop DIR | find" >&2
    exit 2
    ;;
esac
