#!/usr/bin/env bash
# Installs what the tests need when it is missing, then runs the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${PORTAL_CHROMIUM:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "Installing Debian chromium for the browser tests..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "warning: chromium is missing and cannot be installed here; set PORTAL_CHROMIUM to a Chromium binary." >&2
  fi
fi

# A throw-away PostgreSQL cluster for the run (its own data directory and a free loopback port, as the postgres user
# since CI runs as root), stopped on exit. The database tests run on SQLite and on this server.
if [ -z "${PORTAL_TEST_POSTGRES:-}" ]; then
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
      echo "Installing Debian postgresql for the database tests..."
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    else
      echo "warning: postgresql is missing and cannot be installed here; set PORTAL_TEST_POSTGRES to a server's connection string." >&2
    fi
  fi
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  if [ -n "$pg_bin" ]; then
    pg_dir=$(mktemp -d /tmp/portal-run-pg.XXXXXX)
    as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
    if [ "$(id -u)" = 0 ]; then chown postgres "$pg_dir"; fi
    pg_port=$((20000 + RANDOM % 20000))
    while (exec 3<>"/dev/tcp/127.0.0.1/$pg_port") 2>/dev/null; do pg_port=$((pg_port + 1)); done
    as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -w -l "$pg_dir/server.log" \
      -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=500" start >/dev/null
    trap 'as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1; rm -rf "$pg_dir"' EXIT
    export PORTAL_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres"
    echo "PostgreSQL for the tests on 127.0.0.1:$pg_port ($pg_dir)"
  fi
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build Portal.sln -c Debug -nologo -v quiet
# -m:1 runs one test assembly at a time: the browser and timing tests are reliable on a 2-core machine.
# A test that hangs is named and stopped after 10 minutes instead of eating the CI budget silently.
dotnet test Portal.sln -c Debug --no-build -nologo -m:1 --logger "console;verbosity=minimal" \
  --blame-hang-timeout 10m --blame-hang-dump-type none "$@" | tee /tmp/portal-test-output.txt
status=${PIPESTATUS[0]}

# One closing line with the totals over every test assembly.
awk '/(Passed|Failed)!/ {
  for (i = 1; i <= NF; i++) {
    if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1)
  }
} END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' /tmp/portal-test-output.txt
exit "$status"
