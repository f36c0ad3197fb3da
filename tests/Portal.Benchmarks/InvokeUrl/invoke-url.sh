#!/usr/bin/env bash
# invokeUrl overhead through the whole portal (issue #18 item 2), the wrk figure next to InvokeUrlBenchmarks: a Release
# build in Production mode with the embedded Sandbox, three functions run through the execute API with their API keys —
#   hello:   return "ok";                                                     (the run itself)
#   echo:    one invokeUrl to the Sandbox's echo endpoint, no connection
#   weather: one invokeUrl to the Sandbox's weather API with an API-key connection (sandbox_weather)
# and wrk straight at the echo and weather endpoints (the request itself). Same approach as RunPath/run-path.sh.
#
#   tests/Portal.Benchmarks/InvokeUrl/invoke-url.sh        # 1 connection, 15 s each after a 20 s warm-up
#   CONNECTIONS="1 4" DURATION=20s NO_BUILD=1 ...
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
lua="$root/tests/Portal.Benchmarks/RunPath/execute.lua"
connections="${CONNECTIONS:-1}"
duration="${DURATION:-15s}"
warmup="${WARMUP:-20s}"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port="$(free_port)"; sport="$(free_port)"
url="http://127.0.0.1:$port"; sandbox="http://127.0.0.1:$sport"

if [ -z "${NO_BUILD:-}" ]; then
  dotnet build "$root/src/Portal.Web/Portal.Web.csproj" -c Release -nologo -v quiet
fi

data="$(mktemp -d /tmp/portal-invokeurl.XXXXXX)"
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
  export Sandbox__Enabled=true
  export Sandbox__Url="$sandbox"
  export Sandbox__DataDirectory="$data/sandbox"
  export Portal__Runs__MaxConcurrentPerUser=10000
  export Portal__Runs__MaxStartsPerMinutePerUser=10000000
  export Portal__FunctionsApi__ExecutePerMinute=100000000
  export Portal__FunctionsApi__ExecutePerMinutePerKey=100000000
  exec dotnet "bin/Release/net10.0/Portal.Web.dll"
) >"$log" 2>&1 &
portal_pid=$!

for _ in $(seq 1 180); do
  if curl -fsS "$url/healthz" >/dev/null 2>&1 && curl -fsS -o /dev/null "$sandbox/" 2>/dev/null; then break; fi
  if ! kill -0 "$portal_pid" 2>/dev/null; then cat "$log"; echo "the portal did not start" >&2; exit 1; fi
  sleep 0.5
done

now="$(date -u '+%Y-%m-%d %H:%M:%S+00:00')"
admin_id="$(sqlite3 "$db" "SELECT Id FROM AspNetUsers WHERE Email = 'admin@bench.local';")"
pat="pat_$(openssl rand -hex 24)"
pat_hash="$(printf '%s' "$pat" | sha256sum | cut -d' ' -f1)"
sqlite3 "$db" "INSERT INTO PersonalAccessTokens (Id, UserId, Name, TokenHash, Prefix, CreatedAt)
  VALUES (upper('$(python3 -c 'import uuid; print(uuid.uuid4())')'), '$admin_id', 'invokeUrl benchmark', '$pat_hash', '${pat:0:12}', '$now');"
api() { curl -fsS -H "Authorization: Bearer $pat" -H 'Content-Type: application/json' "$@"; }

api -X POST "$url/api/v1/connections" -d '{"name":"weather","linkName":"weather","serviceId":"sandbox_weather"}' >/dev/null
api -X POST "$url/api/v1/connections/weather/authorize" -d '{"apiKey":{"X-Weather-Key":"sandbox-weather-demo-key"}}' >/dev/null

declare -A keys
create() { # api name, code
  local body; body="$(python3 -c 'import json,sys; print(json.dumps({"name": sys.argv[1], "api_name": sys.argv[1], "code": sys.argv[2]}))' "$1" "$2")"
  api -X POST "$url/api/v1/functions" -d "$body" >/dev/null
  local key="pfk_$(openssl rand -hex 32)"
  local hash; hash="$(printf '%s' "$key" | sha256sum | cut -d' ' -f1)"
  sqlite3 "$db" "UPDATE Functions SET ApiKeyHash = '$hash', ApiKeyPrefix = '${key:0:12}', ApiKeyUserId = '$admin_id', ApiKeyCreatedAt = '$now' WHERE ApiName = '$1';"
  keys[$1]="$key"
}
create hello 'return "ok";'
create echo "r = invokeUrl [ url: \"$sandbox/api/echo/hello\" type: GET ]; return \"ok\";"
create weather "r = invokeUrl [ url: \"$sandbox/api/weather/v1/forecast?city=Lisbon\" type: GET connection: \"weather\" ]; return r.get(\"city\");"
for f in hello echo weather; do
  echo "first answer of $f: $(curl -sS -X POST "$url/api/v1/functions/$f/actions/execute" -H "X-Portal-Api-Key: ${keys[$f]}" -H 'Content-Type: application/json' -d '{}' | head -c 300)"
done

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "dotnet $(dotnet --version), $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)"
for f in hello echo weather; do
  PORTAL_API_KEY="${keys[$f]}" wrk -t1 -c1 -d"$warmup" -s "$lua" "$url/api/v1/functions/$f/actions/execute" >/dev/null
done
wrk -t1 -c1 -d5s "$sandbox/api/echo/hello" >/dev/null
for c in $connections; do
  t=$c; if [ "$t" -gt 2 ]; then t=2; fi
  for f in hello echo weather; do
    echo "== $f: wrk -t$t -c$c -d$duration --latency (execute API), load average $(cut -d' ' -f1-3 /proc/loadavg)"
    PORTAL_API_KEY="${keys[$f]}" wrk -t"$t" -c"$c" -d"$duration" --latency -s "$lua" "$url/api/v1/functions/$f/actions/execute" | grep -E 'Non-2xx|Socket errors|^status|^p50|^runs/s'
  done
  echo "== raw: wrk -t$t -c$c -d$duration --latency $sandbox/api/echo/hello"
  wrk -t"$t" -c"$c" -d"$duration" --latency "$sandbox/api/echo/hello" | grep -E '^ +(50|99)%|Requests/sec|Non-2xx'
  echo "== raw: wrk -t$t -c$c -d$duration --latency $sandbox/api/weather/v1/forecast?city=Lisbon (X-Weather-Key)"
  wrk -t"$t" -c"$c" -d"$duration" --latency -H 'X-Weather-Key: sandbox-weather-demo-key' "$sandbox/api/weather/v1/forecast?city=Lisbon" | grep -E '^ +(50|99)%|Requests/sec|Non-2xx'
done
