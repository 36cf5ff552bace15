#!/usr/bin/env bash
# The Postgres runs of the test suite, the multi-instance e2e test and the bench start a
# throwaway cluster with Debian's PostgreSQL server binaries (initdb, pg_ctl, postgres,
# pg_dump). Installs them when missing and we are root; otherwise explains what to do.
# Prints the directory holding the binaries.
set -euo pipefail

find_bin() {
  if [ -n "${POSTGRES_BIN:-}" ] && [ -x "$POSTGRES_BIN/postgres" ]; then
    echo "$POSTGRES_BIN"
    return 0
  fi
  # The newest installed major version.
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [ -n "$dir" ] && [ -x "$dir/postgres" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_dump" ]; then
    echo "$dir"
    return 0
  fi
  return 1
}

if find_bin; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "PostgreSQL server not found: installing Debian's postgresql package…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >/dev/null
  find_bin && exit 0
fi
echo "PostgreSQL server binaries not found (looked in /usr/lib/postgresql/*/bin and \$POSTGRES_BIN). Install them (Debian/Ubuntu: sudo apt-get install -y postgresql) or set POSTGRES_BIN." >&2
exit 1
