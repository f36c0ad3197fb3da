#!/usr/bin/env bash
# The run path benchmark (issue #18, item 1): "hello" (`return "ok";`) through the execute API with the function's
# API key, driven by wrk at 4 and 16 connections against a Release build of the portal in Production mode, with a
# throw-away SQLite database. Afterwards it counts the run-history rows and audit entries: every answered run must be
# recorded in both.
#
#   tests/Portal.Benchmarks/RunPath/run-path.sh            # 4 and 16 connections, 15 s each after a 30 s warm-up
#                                                           # (the JIT's tiering settles in about 30 s)
#   CONNECTIONS="1 4 16" DURATION=30s tests/Portal.Benchmarks/RunPath/run-path.sh
#   NO_BUILD=1 ...                                          # reuse the last Release build
#   DURABLE=1 ...                                           # Portal:Functions:DurableRunCommits=true (fsync per batch)
#   PROFILE=1 ...                                           # also a CPU trace of one 16-connection run (dotnet-trace)
#   COUNTERS=1 ...                                          # also the runtime's counters (GC, thread pool) over one 16-connection run
#
# The per-user gates and execute rate limits are raised in the portal's environment only: they exist to stop a runaway
# user, and a benchmark is one user calling as fast as it can.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
connections="${CONNECTIONS:-4 16}"
duration="${DURATION:-15s}"
warmup="${WARMUP:-30s}"
threads="${WRK_THREADS:-2}"
port="${PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}"
url="http://127.0.0.1:$port"

if [ -z "${NO_BUILD:-}" ]; then
  dotnet build "$root/src/Portal.Web/Portal.Web.csproj" -c Release -nologo -v quiet
fi

data="$(mktemp -d /tmp/portal-runpath.XXXXXX)"
db="$data/portal.db"
log="$data/portal.log"
portal_pid=""
cleanup() {
  if [ -n "$portal_pid" ] && kill -0 "$portal_pid" 2>/dev/null; then
    kill "$portal_pid"
    wait "$portal_pid" 2>/dev/null || true
  fi
  if [ -z "${KEEP_DATA:-}" ]; then rm -rf "$data"; else echo "data kept in $data"; fi
}
trap cleanup EXIT

(
  cd "$root/src/Portal.Web"
  export ASPNETCORE_ENVIRONMENT=Production
  export ASPNETCORE_URLS="$url"
  export ConnectionStrings__Portal="Data Source=$db"
  export DataProtection__CertificatePath="$data/keys/dataprotection.pfx"
  export Portal__Admin__Email=admin@bench.local
  export Portal__Admin__Password=bench-admin-password-123
  export Sandbox__Enabled=false
  export Portal__Runs__MaxConcurrentPerUser=10000
  export Portal__Runs__MaxStartsPerMinutePerUser=10000000
  export Portal__FunctionsApi__ExecutePerMinute=100000000
  export Portal__FunctionsApi__ExecutePerMinutePerKey=100000000
  if [ -n "${DURABLE:-}" ]; then export Portal__Functions__DurableRunCommits=true; fi
  exec dotnet "bin/Release/net10.0/Portal.Web.dll"
) >"$log" 2>&1 &
portal_pid=$!

for _ in $(seq 1 120); do
  if curl -fsS "$url/healthz" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$portal_pid" 2>/dev/null; then cat "$log"; echo "the portal did not start" >&2; exit 1; fi
  sleep 0.5
done

# A personal access token and the function's API key, written as the portal itself stores them (SHA-256, SEC-21):
# both are created in the UI, which a script cannot drive. The key is set before its first use, so no cache has seen it.
now="$(date -u '+%Y-%m-%d %H:%M:%S+00:00')"
admin_id="$(sqlite3 "$db" "SELECT Id FROM AspNetUsers WHERE Email = 'admin@bench.local';")"
pat="pat_$(openssl rand -hex 24)"
pat_hash="$(printf '%s' "$pat" | sha256sum | cut -d' ' -f1)"
sqlite3 "$db" "INSERT INTO PersonalAccessTokens (Id, UserId, Name, TokenHash, Prefix, CreatedAt)
  VALUES (upper('$(python3 -c 'import uuid; print(uuid.uuid4())')'), '$admin_id', 'run path benchmark', '$pat_hash', '${pat:0:12}', '$now');"

curl -fsS -X POST "$url/api/v1/functions" -H "Authorization: Bearer $pat" -H 'Content-Type: application/json' \
  -d '{"name":"Hello","api_name":"hello","code":"return \"ok\";"}' >/dev/null
key="pfk_$(openssl rand -hex 32)"
key_hash="$(printf '%s' "$key" | sha256sum | cut -d' ' -f1)"
sqlite3 "$db" "UPDATE Functions SET ApiKeyHash = '$key_hash', ApiKeyPrefix = '${key:0:12}', ApiKeyUserId = '$admin_id', ApiKeyCreatedAt = '$now' WHERE ApiName = 'hello';"
export PORTAL_API_KEY="$key"
endpoint="$url/api/v1/functions/hello/actions/execute"
answer="$(curl -sS -X POST "$endpoint" -H "X-Portal-Api-Key: $key" -H 'Content-Type: application/json' -d '{}')"
echo "first answer: $answer"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "dotnet $(dotnet --version), $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)"
wrk -t"$threads" -c4 -d"$warmup" -s "$here/execute.lua" "$endpoint" >/dev/null
for c in $connections; do
  echo "== wrk -t$threads -c$c -d$duration --latency -s execute.lua (POST, X-Portal-Api-Key)"
  t=$threads; if [ "$c" -lt "$t" ]; then t=$c; fi
  wrk -t"$t" -c"$c" -d"$duration" --latency -s "$here/execute.lua" "$endpoint" | grep -E 'requests in|Non-2xx|Socket errors|^status|^p50|^runs/s'
done

if [ -n "${PROFILE:-}" ]; then
  trace="$root/tests/artifacts/run-path.nettrace"
  mkdir -p "$(dirname "$trace")"
  wrk -t"$threads" -c16 -d12s -s "$here/execute.lua" "$endpoint" >/dev/null &
  wrk_pid=$!
  sleep 1
  # PROFILE=alloc samples allocations (gc-verbose) instead of stacks; the trace stays in tests/artifacts.
  profile=dotnet-sampled-thread-time; if [ "$PROFILE" = alloc ]; then profile=gc-verbose; fi
  dotnet-trace collect -p "$portal_pid" --profile "$profile" --duration 00:00:00:10 -o "$trace" >/dev/null
  wait "$wrk_pid"
  if [ "$PROFILE" != alloc ]; then
    dotnet-trace report "$trace" topN -n 40 --inclusive || true
    dotnet-trace report "$trace" topN -n 40 || true
  fi
fi

if [ -n "${COUNTERS:-}" ]; then
  counters="$data/counters.csv"
  wrk -t"$threads" -c16 -d12s -s "$here/execute.lua" "$endpoint" >/dev/null &
  wrk_pid=$!
  sleep 1
  dotnet-counters collect -p "$portal_pid" --duration 00:00:00:10 --refresh-interval 2 --format csv -o "$counters" >/dev/null
  wait "$wrk_pid"
  # Rates summed over the run (collections, pause time, allocations, lock contention), gauges at their last value.
  python3 - "$counters" <<'PY'
import csv, sys
sums, last = {}, {}
for row in csv.DictReader(open(sys.argv[1])):
    name, kind, value = row["Counter Name"], row["Counter Type"], float(row["Mean/Increment"] or 0)
    if kind == "Rate":
        sums[name] = sums.get(name, 0) + value
    else:
        last[name] = value
for name in sorted(sums):
    print(f"{name}: {sums[name]:.6g} in 10 s")
for name in sorted(last):
    if any(k in name for k in ("thread", "working_set", "heap.size", "committed")):
        print(f"{name}: {last[name]:.6g}")
PY
fi

# Every answered run is in the history and the audit log (a run still in flight when wrk stopped is counted too).
sleep 1
runs="$(sqlite3 "$db" "SELECT COUNT(*) FROM FunctionRuns;")"
audits="$(sqlite3 "$db" "SELECT COUNT(*) FROM AuditEvents WHERE Action = 'function.run';")"
echo "run history rows: $runs, audit run entries: $audits"
