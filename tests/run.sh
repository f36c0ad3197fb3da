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
