#!/usr/bin/env bash
# Execute-API throughput with 1 and with 3 portal instances (issue #17, item 6). A function with one invokeUrl to
# Sandbox Echo, called through POST /api/v1/functions/echo_once/actions/execute with its API key by wrk, behind
# Debian's nginx as the load balancer (round robin over the instances, keep-alive upstream connections; the same nginx
# in front of the single instance too, so both runs pay the same hop). Everything is a Release build in Production
# mode: the portal instances on one throw-away PostgreSQL database and one key-ring certificate, Sandbox Cloud as its
# own process. Afterwards it counts the run-history rows, which must equal the answered runs.
#
#   tests/Portal.Benchmarks/MultiInstance/multi-instance.sh               # 1 then 3 instances, 16 and 64 connections
#   INSTANCES="3" CONNECTIONS="64" DURATION=30s tests/Portal.Benchmarks/MultiInstance/multi-instance.sh
#   NO_BUILD=1 ...                                                         # reuse the last Release build
#   PGHOST=… PGPORT=… PGUSER=… ...                                         # the PostgreSQL server (default 127.0.0.1:55432, postgres)
#
# The per-user gates and execute rate limits are raised in the portals' environment only (as in run-path.sh): they
# exist to stop a runaway user, and a benchmark is one user calling as fast as it can. nginx balances round robin, not
# ip_hash as README's browser configuration does: wrk is one client address, and API calls need no affinity.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
instance_counts="${INSTANCES:-1 3}"
connections="${CONNECTIONS:-16 64}"
duration="${DURATION:-15s}"
warmup="${WARMUP:-20s}"
threads="${WRK_THREADS:-2}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-55432}" PGUSER="${PGUSER:-postgres}"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

if [ -z "${NO_BUILD:-}" ]; then
  dotnet build "$root/src/Portal.Web/Portal.Web.csproj" -c Release -nologo -v quiet
fi

data="$(mktemp -d /tmp/portal-multi.XXXXXX)"
pids=()
database=""
sandbox_pid=""
stop_all() {
  for pid in "${pids[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi
  done
  pids=()
}
cleanup() {
  stop_all
  if [ -n "$sandbox_pid" ] && kill -0 "$sandbox_pid" 2>/dev/null; then kill "$sandbox_pid"; wait "$sandbox_pid" 2>/dev/null || true; fi
  if [ -n "$database" ]; then dropdb --if-exists "$database" >/dev/null 2>&1 || true; fi
  if [ -z "${KEEP_DATA:-}" ]; then rm -rf "$data"; else echo "data kept in $data"; fi
}
trap cleanup EXIT

wait_healthy() { # url pid log
  for _ in $(seq 1 240); do
    if curl -fsS "$1" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$2" 2>/dev/null; then cat "$3"; echo "$1 did not start" >&2; exit 1; fi
    sleep 0.5
  done
  echo "$1 did not answer within 2 minutes" >&2; exit 1
}

# Sandbox Cloud on its own, quiet (its per-request log lines would cost more than the echo).
sandbox_port="$(free_port)"
sandbox="http://127.0.0.1:$sandbox_port"
(
  export Sandbox__Url="$sandbox" Sandbox__DataDirectory="$data/sandbox" Logging__LogLevel__Default=Warning
  exec dotnet "$root/src/Portal.Sandbox/bin/Release/net10.0/Portal.Sandbox.dll"
) >"$data/sandbox.log" 2>&1 &
sandbox_pid=$!
wait_healthy "$sandbox/api/echo/ping" "$sandbox_pid" "$data/sandbox.log"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), dotnet $(dotnet --version), $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2), $(nginx -v 2>&1 | cut -d' ' -f3)"

for count in $instance_counts; do
  database="portal_bench_$$_$count"
  createdb "$database"
  portal_db="Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Database=$database"
  keys="$data/keys-$count/dataprotection.pfx"
  ports=()
  for n in $(seq 1 "$count"); do
    port="$(free_port)"
    ports+=("$port")
    (
      cd "$root/src/Portal.Web"
      export ASPNETCORE_ENVIRONMENT=Production
      export ASPNETCORE_URLS="http://127.0.0.1:$port"
      export Database__Provider=PostgreSQL
      export ConnectionStrings__Portal="$portal_db"
      export DataProtection__CertificatePath="$keys"
      export Portal__Admin__Email=admin@bench.local
      export Portal__Admin__Password=bench-admin-password-123
      export Sandbox__Enabled=false
      export Egress__AllowedOrigins__0="$sandbox"
      export Portal__Runs__MaxConcurrentPerUser=10000
      export Portal__Runs__MaxStartsPerMinutePerUser=10000000
      export Portal__FunctionsApi__ExecutePerMinute=100000000
      export Portal__FunctionsApi__ExecutePerMinutePerKey=100000000
      exec dotnet "bin/Release/net10.0/Portal.Web.dll"
    ) >"$data/portal-$count-$n.log" 2>&1 &
    pids+=("$!")
    # The first instance migrates, seeds the admin and writes the certificate; the others start after it.
    if [ "$n" = 1 ]; then wait_healthy "http://127.0.0.1:$port/healthz" "$!" "$data/portal-$count-$n.log"; fi
  done
  for n in $(seq 1 "$count"); do
    wait_healthy "http://127.0.0.1:${ports[$((n - 1))]}/healthz" "${pids[$((n - 1))]}" "$data/portal-$count-$n.log"
  done

  lb_port="$(free_port)"
  mkdir -p "$data/nginx-$count"
  {
    echo "worker_processes 1; pid $data/nginx-$count/nginx.pid; error_log $data/nginx-$count/error.log warn;"
    echo "events { worker_connections 4096; }"
    echo "http { access_log off; client_body_temp_path $data/nginx-$count; proxy_temp_path $data/nginx-$count;"
    echo "  upstream portal {"
    for port in "${ports[@]}"; do echo "    server 127.0.0.1:$port;"; done
    echo "    keepalive 128;"
    echo "  }"
    echo "  server { listen 127.0.0.1:$lb_port; location / { proxy_pass http://portal; proxy_http_version 1.1; proxy_set_header Connection \"\"; proxy_set_header Host \$host; } }"
    echo "}"
  } >"$data/nginx-$count/nginx.conf"
  nginx -p "$data/nginx-$count" -c "$data/nginx-$count/nginx.conf" -g 'daemon off;' &
  pids+=("$!")
  lb="http://127.0.0.1:$lb_port"
  wait_healthy "$lb/healthz" "${pids[-1]}" "$data/nginx-$count/error.log"

  # A personal access token and the function's API key, written as the portal stores them (SHA-256, SEC-21).
  pat="pat_$(openssl rand -hex 24)"
  pat_hash="$(printf '%s' "$pat" | sha256sum | cut -d' ' -f1)"
  psql -q -d "$database" -c "INSERT INTO \"PersonalAccessTokens\" (\"Id\", \"UserId\", \"Name\", \"TokenHash\", \"Prefix\", \"CreatedAt\")
    SELECT gen_random_uuid(), \"Id\", 'multi-instance benchmark', '$pat_hash', '${pat:0:12}', now() FROM \"AspNetUsers\" WHERE \"NormalizedEmail\" = 'ADMIN@BENCH.LOCAL';"
  code="r = invokeUrl [ url: \\\"$sandbox/api/echo/bench\\\" type: GET ]; return r.get(\\\"path\\\");"
  curl -fsS -X POST "$lb/api/v1/functions" -H "Authorization: Bearer $pat" -H 'Content-Type: application/json' \
    -d "{\"name\":\"Echo once\",\"api_name\":\"echo_once\",\"code\":\"$code\"}" >/dev/null
  key="pfk_$(openssl rand -hex 32)"
  key_hash="$(printf '%s' "$key" | sha256sum | cut -d' ' -f1)"
  psql -q -d "$database" -c "UPDATE \"Functions\" SET \"ApiKeyHash\" = '$key_hash', \"ApiKeyPrefix\" = '${key:0:12}', \"ApiKeyCreatedAt\" = now(),
    \"ApiKeyUserId\" = (SELECT \"Id\" FROM \"AspNetUsers\" WHERE \"NormalizedEmail\" = 'ADMIN@BENCH.LOCAL') WHERE \"ApiName\" = 'echo_once';"
  export PORTAL_API_KEY="$key"
  endpoint="$lb/api/v1/functions/echo_once/actions/execute"
  echo "== $count instance(s) behind nginx; first answer: $(curl -sS -X POST "$endpoint" -H "X-Portal-Api-Key: $key" -H 'Content-Type: application/json' -d '{}')"

  answered=1
  ok="$(wrk -t"$threads" -c16 -d"$warmup" -s "$root/tests/Portal.Benchmarks/RunPath/execute.lua" "$endpoint" | awk '/^status 200:/ {print $3}')"
  answered=$((answered + ${ok:-0}))
  for c in $connections; do
    echo "-- $count instance(s), wrk -t$threads -c$c -d$duration --latency, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
    t=$threads; if [ "$c" -lt "$t" ]; then t=$c; fi
    result="$(wrk -t"$t" -c"$c" -d"$duration" --latency -s "$root/tests/Portal.Benchmarks/RunPath/execute.lua" "$endpoint")"
    echo "$result" | grep -E 'requests in|Non-2xx|Socket errors|^status|^p50|^runs/s'
    ok="$(echo "$result" | awk '/^status 200:/ {print $3}')"
    answered=$((answered + ${ok:-0}))
    echo "   load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  done
  sleep 1
  # A run still in flight when wrk stopped is recorded but not counted as answered, so rows >= answered.
  echo "answered with 200: $answered, run history rows: $(psql -At -d "$database" -c 'SELECT COUNT(*) FROM "FunctionRuns";')"

  # Stop this configuration's portals and nginx (not the Sandbox) before the next.
  stop_all
  dropdb "$database"
  database=""
done

kill "$sandbox_pid"; wait "$sandbox_pid" 2>/dev/null || true
