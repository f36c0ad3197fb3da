#!/usr/bin/env bash
# Connections page benchmark (issue #18, item 4): a Release build of the portal in Production mode on a throw-away
# SQLite database seeded with COUNT connections (half of them authorized), then Chromium opens Connections › All
# Connections and the time until the first rows are visible is taken, TRIES times after one warm-up.
#
#   tests/Portal.Benchmarks/ConnectionsPage/connections-page.sh              # 5,000 connections
#   COUNT=500 TRIES=15 tests/Portal.Benchmarks/ConnectionsPage/connections-page.sh
#   NO_BUILD=1 ...                                                             # reuse the last Release build
#   PORTAL_WEB_DIR=/tmp/before/src/Portal.Web NO_BUILD=1 ...                   # time another checkout's build
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
count="${COUNT:-5000}"
tries="${TRIES:-9}"
web="${PORTAL_WEB_DIR:-$root/src/Portal.Web}"
port="${PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}"
url="http://127.0.0.1:$port"

if [ -z "${NO_BUILD:-}" ]; then
  dotnet build "$web/Portal.Web.csproj" -c Release -nologo -v quiet
fi
dotnet build "$root/tests/Portal.Benchmarks/Portal.Benchmarks.csproj" -c Release -nologo -v quiet

data="$(mktemp -d /tmp/portal-connections-page.XXXXXX)"
db="$data/portal.db"
log="$data/portal.log"
portal_pid=""
cleanup() {
  if [ -n "$portal_pid" ] && kill -0 "$portal_pid" 2>/dev/null; then kill "$portal_pid"; wait "$portal_pid" 2>/dev/null || true; fi
  if [ -z "${KEEP_DATA:-}" ]; then rm -rf "$data"; else echo "data kept in $data"; fi
}
trap cleanup EXIT

(
  cd "$web"
  export ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$url" ConnectionStrings__Portal="Data Source=$db"
  export DataProtection__CertificatePath="$data/keys/dataprotection.pfx" Sandbox__Enabled=false
  export Portal__Admin__Email=admin@bench.local Portal__Admin__Password=bench-admin-password-123
  exec dotnet "bin/Release/net10.0/Portal.Web.dll"
) >"$log" 2>&1 &
portal_pid=$!
for _ in $(seq 1 120); do
  if curl -fsS "$url/healthz" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$portal_pid" 2>/dev/null; then cat "$log"; echo "the portal did not start" >&2; exit 1; fi
  sleep 0.5
done

# Seeded straight into the database (the API would take minutes for 5,000): the admin owns them all, every other one
# is connected; half use the owner's credentials and half each user's own.
admin_id="$(sqlite3 "$db" "SELECT Id FROM AspNetUsers WHERE Email = 'admin@bench.local';")"
sqlite3 "$db" <<SQL
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < $count)
INSERT INTO Connections (Id, Name, LinkName, ServiceId, RequestedScopesJson, OwnerUserId, Mode, CreatedAt, LastUsedAt, ConcurrencyToken)
SELECT upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-A' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
       printf('Bulk %04d', i), printf('bulk_%04d', i), CASE i % 3 WHEN 0 THEN 'sandbox_sheets' WHEN 1 THEN 'sandbox_weather' ELSE 'sandbox_crm' END,
       '["sheets.read"]', '$admin_id', CASE i % 2 WHEN 0 THEN 'OwnerCredentials' ELSE 'LoginUserCredentials' END,
       '2026-12-01 10:00:00+00:00', NULL, upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-A' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))
FROM n;
INSERT INTO ConnectionAuthorizations (Id, ConnectionId, UserId, Status, GrantedScopesJson, RefreshFailureCount, ConcurrencyToken)
SELECT upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-A' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
       Id, '$admin_id', 'Connected', '["sheets.read"]', 0, upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-A' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))
FROM Connections WHERE CAST(substr(LinkName, 6) AS INTEGER) % 2 = 0;
SQL
echo "seeded $(sqlite3 "$db" 'SELECT COUNT(*) FROM Connections;') connections, $(sqlite3 "$db" 'SELECT COUNT(*) FROM ConnectionAuthorizations;') authorizations"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet "$root/tests/Portal.Benchmarks/bin/Release/net10.0/Portal.Benchmarks.dll" --connections-page "$url" admin@bench.local bench-admin-password-123 "$tries"
