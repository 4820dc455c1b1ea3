#!/bin/sh
# clr-pg-run.sh — runs a test program against a PostgreSQL server
#
# Copyright 2026 The Clearance authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   clr-pg-run.sh PROGRAM [ARGUMENTS…]
#
# With $CLEARANCE_TEST_PG set (the libpq address of a server's maintenance
# database) the program runs against that server. Otherwise a private
# cluster is started in a fresh folder under /tmp (clr-pg-cluster.sh), its
# address exported as $CLEARANCE_TEST_PG for the program, and the cluster
# stopped and its folder removed when the program ends. Exits 77 (meson's
# "skipped") when no PostgreSQL server programs are installed; otherwise
# with the program's status.
set -eu

# The store-level tests run on the engine this names (tests/clr-test.h).
export CLEARANCE_TEST_ENGINE=postgresql

if [ -n "${CLEARANCE_TEST_PG:-}" ]; then
  exec "$@"
fi

here=$(cd "$(dirname "$0")" && pwd)
# Under /tmp: the cluster's owner (user postgres when run as root) must reach it.
dir=$(mktemp -d /tmp/clearance-pg.XXXXXX)

cleanup () {
  sh "$here/clr-pg-cluster.sh" stop "$dir" || true
  rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

status=0
CLEARANCE_TEST_PG=$(sh "$here/clr-pg-cluster.sh" start "$dir") || status=$?
if [ "$status" -ne 0 ]; then
  exit "$status"
fi
export CLEARANCE_TEST_PG

"$@" || status=$?
exit "$status"
