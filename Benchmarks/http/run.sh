#!/usr/bin/env bash
# HTTP load benchmarks of Errata against three baselines measured in the same run:
#   L  nginx serving the exact JSON body of GET /v1/errors/NoSuchKey as a static file (the limit)
#   H  a Hummingbird route answering a constant string, same build settings (the framework ceiling)
#   N  a Node.js peer (node-peer.mjs: `http` module, a cluster worker per core, the body and headers
#      of that answer serialized once, ETag/304): what a lean server in another runtime does
# Runs are interleaved (L, H, Errata…, repeated); medians are reported, with ratios to L and H.
#
# usage: Benchmarks/http/run.sh [--smoke] [--rounds N] [--duration SECONDS] [--connections C]
#                               [--skip-build] [--only seed|scale|publish|client|follow|limits ...]
#   limits    L and Errata's GET at 512 and 2,000 connections, then L, Errata's GET and POST /rpc with the
#             server pinned to core 0 and wrk to core 1 (taskset): the one-core figures
#   --smoke   a few seconds per scenario, a small "large" catalog: proves everything still runs (CI)
# Environment: WORK=dir to keep the servers' files and raw results (default: a new temp dir).
#   PORT_BASE=n  the first of the 9 loopback ports used (default 18080), for runs beside another.
#   ERRATA_SERVER_B=path  another errata-server build (say, main before a change) measured in the same
#                         interleaved rounds on the seed catalog, as "B: …" rows: an A/B in one run.
#                         A script running this build with ERRATA_EVENT_LOOP_READS=false measures the
#                         router's path for the reads the event loop answers otherwise.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD

ROUNDS=3 DURATION=10 CONNECTIONS=32 THREADS=1 SMOKE=0 BUILD=1
CODES=10000 LOCALES=10 PUBLISH_RATE=10 HYPERFINE_RUNS=50 SYNC_ROUNDS=5
SCENARIOS=()
while (($#)); do
  case "$1" in
    --smoke) SMOKE=1 ROUNDS=1 DURATION=2 CODES=500 HYPERFINE_RUNS=5 SYNC_ROUNDS=2 ;;
    --rounds) ROUNDS=$2; shift ;;
    --duration) DURATION=$2; shift ;;
    --connections) CONNECTIONS=$2; shift ;;
    --skip-build) BUILD=0 ;;
    --only) SCENARIOS+=("$2"); shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
((${#SCENARIOS[@]})) || SCENARIOS=(seed scale publish client follow)
want() { [[ " ${SCENARIOS[*]} " == *" $1 "* ]]; }

section() { printf '\n=== %s ===\n' "$*" >&2; }
log() { printf '%s\n' "$*" >&2; }

# --- tools -----------------------------------------------------------------------------------------
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || missing+=(nginx-light)
command -v hyperfine >/dev/null || missing+=(hyperfine)
command -v curl >/dev/null || missing+=(curl)
command -v node >/dev/null || missing+=(nodejs)
# The statically linked CLI links FoundationNetworking, which needs libcurl's development files.
dpkg -s libcurl4-openssl-dev >/dev/null 2>&1 || missing+=(libcurl4-openssl-dev)
if ((${#missing[@]})); then
  section "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "${missing[@]}" >&2
fi

# --- build -----------------------------------------------------------------------------------------
SCRATCH=$ROOT/.build-release
BIN=$SCRATCH/release
# The CLI's own scratch path: --static-swift-stdlib changes how every module is compiled, and sharing
# .build-release would rebuild the server's dependencies each time the flag flips.
CLI_SCRATCH=$ROOT/.build-cli
CLI_BIN=$CLI_SCRATCH/release
if ((BUILD)); then
  section "release build ($SCRATCH)"
  for product in errata-server hummingbird-ceiling errata-sync-timer; do
    ERRATA_BENCHMARKS=1 swift build -c release --scratch-path "$SCRATCH" --product "$product" >&2
  done
  # The CLI as users should build it: Swift runtime and Foundation linked in, so that start-up does
  # not spend a third of its time loading and relocating shared libraries.
  swift build -c release --static-swift-stdlib --scratch-path "$CLI_SCRATCH" --product errata >&2
fi

WORK=${WORK:-$(mktemp -d /tmp/errata-http-bench.XXXXXX)}
mkdir -p "$WORK"
log "work directory: $WORK"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  [[ -f $WORK/nginx/nginx.pid ]] && kill "$(cat "$WORK/nginx/nginx.pid")" 2>/dev/null || true
}
trap cleanup EXIT

SYNTH_CODE=$(printf "SynthErr%05d" $((CODES / 2)))
PORT_BASE=${PORT_BASE:-18080}
P_L=$PORT_BASE P_H=$((PORT_BASE + 1)) P_SEED=$((PORT_BASE + 2)) P_LARGE=$((PORT_BASE + 3)) P_PUB=$((PORT_BASE + 4))
P_AUTH=$((PORT_BASE + 5)) P_B=$((PORT_BASE + 6)) P_N=$((PORT_BASE + 7)) P_FOLLOW=$((PORT_BASE + 8))
AL='Accept-Language: zh-TW,zh;q=0.8,en;q=0.5'

now_ms() { date +%s%3N; }
wait_healthy() { # port timeout_s → ms it took from now, or fails
  local start; start=$(now_ms)
  local deadline=$((start + $2 * 1000))
  until curl -sf -o /dev/null "http://127.0.0.1:$1/healthz"; do
    (($(now_ms) > deadline)) && { log "server on :$1 did not come up"; return 1; }
    sleep 0.01
  done
}
rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }

# start_errata NAME PORT LOCALIZATIONS [serve options…] → pid in $STARTED_PID, start-up ms in $STARTED_MS
start_errata() {
  local name=$1 port=$2 localizations=$3; shift 3
  local t0; t0=$(now_ms)
  "$BIN/errata-server" serve --port "$port" --localizations "$localizations" --database "$WORK/$name.sqlite" \
    --log-level warning "$@" >"$WORK/$name.log" 2>&1 &
  STARTED_PID=$!
  PIDS+=("$STARTED_PID")
  wait_healthy "$port" 120
  STARTED_MS=$(($(now_ms) - t0))
}

# --- wrk scripts -----------------------------------------------------------------------------------
cat >"$WORK/rpc1.lua" <<'EOF'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"jsonrpc":"2.0","method":"errors.describe","params":{"code":"NoSuchKey","locale":"zh-Hant"},"id":1}'
EOF
python3 - "$ROOT/Localizations/catalog.json" >"$WORK/rpc50.lua" <<'EOF'
import json, sys
codes = list(dict.fromkeys(e["code"] for e in json.load(open(sys.argv[1]))["entries"]))
calls = [{"jsonrpc": "2.0", "method": "errors.describe",
          "params": {"code": codes[i % len(codes)], "locale": ["en", "zh-Hans", "zh-Hant"][i % 3]}, "id": i + 1}
         for i in range(50)]
print('wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"')
print("wrk.body = [==[" + json.dumps(calls, ensure_ascii=False, separators=(",", ":")) + "]==]")
EOF

# run_wrk LABEL PID URL [wrk args…]: one load run; appends a row to results.tsv
RESULTS=$WORK/results.tsv
: >"$RESULTS"
ROUND=0
run_wrk() {
  local label=$1 pid=$2 url=$3; shift 3
  local out=$WORK/wrk-$label-$ROUND.txt maxrss=0
  ${WRK_PREFIX:-} wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$@" "$url" >"$out" 2>&1 &
  local wrk_pid=$!
  while kill -0 "$wrk_pid" 2>/dev/null; do
    local rss; rss=$(rss_kb "$pid"); ((rss > maxrss)) && maxrss=$rss
    sleep 0.5
  done
  wait "$wrk_pid"
  python3 - "$out" "$label" "$ROUND" "$maxrss" >>"$RESULTS" <<'EOF'
import re, sys
text = open(sys.argv[1]).read()
def ms(v):
    n, unit = re.match(r"([\d.]+)(us|ms|s)", v).groups()
    return float(n) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
p50 = ms(re.search(r"^\s+50%\s+(\S+)", text, re.M).group(1))
p99 = ms(re.search(r"^\s+99%\s+(\S+)", text, re.M).group(1))
bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
err = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
print(f"{sys.argv[2]}\t{sys.argv[3]}\t{rps:.0f}\t{p50:.3f}\t{p99:.3f}\t{int(sys.argv[4]) // 1024}\t"
      f"{bad.group(1) if bad else 0}\t{sum(map(int, err.groups())) if err else 0}")
EOF
  log "$(tail -1 "$RESULTS")"
}

# --- servers ---------------------------------------------------------------------------------------
section "starting servers"
"$BIN/hummingbird-ceiling" "$P_H" >"$WORK/ceiling.log" 2>&1 &
H_PID=$!
PIDS+=("$H_PID")
start_errata seed "$P_SEED" "$ROOT/Localizations"
SEED_PID=$STARTED_PID
log "errata (seed) up in ${STARTED_MS} ms (first start, imports Localizations/)"
curl -sf "http://127.0.0.1:$P_SEED/v1/errors/NoSuchKey" -H "$AL" -D "$WORK/get.headers" -o "$WORK/NoSuchKey.json"
ETAG=$(awk 'tolower($1)=="etag:" {print $2}' "$WORK/get.headers" | tr -d '\r')
until curl -sf -o /dev/null "http://127.0.0.1:$P_H/"; do sleep 0.05; done

mkdir -p "$WORK/nginx/root/v1/errors"
cp "$WORK/NoSuchKey.json" "$WORK/nginx/root/v1/errors/NoSuchKey"
cat >"$WORK/nginx/nginx.conf" <<EOF
worker_processes auto;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx/tmp; proxy_temp_path $WORK/nginx/tmp; fastcgi_temp_path $WORK/nginx/tmp;
  uwsgi_temp_path $WORK/nginx/tmp; scgi_temp_path $WORK/nginx/tmp;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$P_L;
    root $WORK/nginx/root;
    default_type application/json;
  }
}
EOF
mkdir -p "$WORK/nginx/tmp"
nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" 2>&1 | grep -v 'could not open error log' >&2 || true
until curl -sf -o /dev/null "http://127.0.0.1:$P_L/v1/errors/NoSuchKey"; do sleep 0.05; done
L_PID=$(cat "$WORK/nginx/nginx.pid")
cmp -s <(curl -s "http://127.0.0.1:$P_L/v1/errors/NoSuchKey") "$WORK/NoSuchKey.json" || { log "nginx body differs"; exit 1; }

CONTENT_LANGUAGE=$(awk 'tolower($1)=="content-language:" {print $2}' "$WORK/get.headers" | tr -d '\r')
node "$ROOT/Benchmarks/http/node-peer.mjs" "$P_N" "$WORK/NoSuchKey.json" "$ETAG" "$CONTENT_LANGUAGE" >"$WORK/node.log" 2>&1 &
N_PID=$!
PIDS+=("$N_PID")
until curl -sf -o /dev/null "http://127.0.0.1:$P_N/v1/errors/NoSuchKey"; do sleep 0.05; done
cmp -s <(curl -s "http://127.0.0.1:$P_N/v1/errors/NoSuchKey") "$WORK/NoSuchKey.json" || { log "node body differs"; exit 1; }

declare -A FACTS
FACTS[startup_seed_ms]=$STARTED_MS

if want seed; then # the same catalog, with --require-read-token: reads carry a bearer token
  cp "$WORK/seed.sqlite" "$WORK/auth.sqlite"
  READ_TOKEN=$("$BIN/errata-server" token create --name "bench-read-$$" --scope read --database "$WORK/auth.sqlite" | tail -1)
  start_errata auth "$P_AUTH" "$ROOT/Localizations" --require-read-token
  AUTH_PID=$STARTED_PID
  if [[ -n ${ERRATA_SERVER_B:-} ]]; then
    cp "$WORK/seed.sqlite" "$WORK/b.sqlite"
    "$ERRATA_SERVER_B" serve --port "$P_B" --localizations "$ROOT/Localizations" --database "$WORK/b.sqlite" \
      --log-level warning >"$WORK/b.log" 2>&1 &
    B_PID=$!
    PIDS+=("$B_PID")
    wait_healthy "$P_B" 60
  fi
fi

if want scale || want publish || want follow; then
  section "scale: ${CODES} codes x ${LOCALES} locales"
  python3 "$ROOT/Benchmarks/http/generate-catalog.py" "$WORK/large" --codes "$CODES" --locales "$LOCALES" >&2
  start_errata large "$P_LARGE" "$WORK/large"
  FACTS[startup_large_first_ms]=$STARTED_MS
  LARGE_PID=$STARTED_PID
  FACTS[rss_large_idle_mb]=$(($(rss_kb "$LARGE_PID") / 1024))
  kill "$LARGE_PID"; wait "$LARGE_PID" 2>/dev/null || true
  start_errata large "$P_LARGE" "$WORK/large"
  FACTS[startup_large_restart_ms]=$STARTED_MS
  LARGE_PID=$STARTED_PID
  log "errata (large) up in ${FACTS[startup_large_first_ms]} ms on first start (import), ${FACTS[startup_large_restart_ms]} ms on restart"
  curl -s -o /dev/null -D "$WORK/gzip.headers" -w '%{size_download}' -H 'Accept-Encoding: gzip' \
    "http://127.0.0.1:$P_LARGE/v1/catalog?locale=en" >"$WORK/gzip.size"
  FACTS[catalog_en_bytes]=$(cat "$WORK/gzip.size")
  FACTS[catalog_en_content_encoding]=$(awk 'tolower($1)=="content-encoding:" {print $2}' "$WORK/gzip.headers" | tr -d '\r')
  FACTS[catalog_en_content_encoding]=${FACTS[catalog_en_content_encoding]:-none}
  FACTS[catalog_en_gzip_would_be]=$(curl -s "http://127.0.0.1:$P_LARGE/v1/catalog?locale=en" | gzip -6 | wc -c)
fi

if want follow; then # a follower of the large primary, on an empty database: it takes the whole catalog first
  section "follow: a follower of the ${CODES} x ${LOCALES} primary"
  t0=$(now_ms)
  start_errata follower "$P_FOLLOW" "$WORK/large" --follow "http://127.0.0.1:$P_LARGE"
  FOLLOW_PID=$STARTED_PID
  until curl -sf -o /dev/null "http://127.0.0.1:$P_FOLLOW/readyz"; do
    (($(now_ms) - t0 > 120000)) && { log "the follower did not catch up"; exit 1; }
    sleep 0.01
  done
  FACTS[follower_ready_ms]=$(($(now_ms) - t0))
  FACTS[rss_follower_idle_mb]=$(($(rss_kb "$FOLLOW_PID") / 1024))
  log "follower ready (whole catalog taken) in ${FACTS[follower_ready_ms]} ms, RSS ${FACTS[rss_follower_idle_mb]} MB"
fi

# --- interleaved load ------------------------------------------------------------------------------
section "interleaved load: $ROUNDS rounds x ${DURATION}s, wrk -t$THREADS -c$CONNECTIONS"
for ((ROUND = 1; ROUND <= ROUNDS; ROUND++)); do
  log "--- round $ROUND"
  run_wrk L "$L_PID" "http://127.0.0.1:$P_L/v1/errors/NoSuchKey" -H "$AL"
  run_wrk H "$H_PID" "http://127.0.0.1:$P_H/v1/errors/NoSuchKey" -H "$AL"
  run_wrk N "$N_PID" "http://127.0.0.1:$P_N/v1/errors/NoSuchKey" -H "$AL"
  run_wrk N-304 "$N_PID" "http://127.0.0.1:$P_N/v1/errors/NoSuchKey" -H "$AL" -H "If-None-Match: $ETAG"
  if want seed; then
    run_wrk errata-get "$SEED_PID" "http://127.0.0.1:$P_SEED/v1/errors/NoSuchKey" -H "$AL"
    run_wrk errata-page "$SEED_PID" "http://127.0.0.1:$P_SEED/docs/errors/NoSuchKey" -H "$AL"
    run_wrk errata-304 "$SEED_PID" "http://127.0.0.1:$P_SEED/v1/errors/NoSuchKey" -H "$AL" -H "If-None-Match: $ETAG"
    run_wrk errata-rpc1 "$SEED_PID" "http://127.0.0.1:$P_SEED/rpc" -s "$WORK/rpc1.lua"
    run_wrk errata-rpc50 "$SEED_PID" "http://127.0.0.1:$P_SEED/rpc" -s "$WORK/rpc50.lua"
    if [[ -n ${B_PID:-} ]]; then
      run_wrk b-get "$B_PID" "http://127.0.0.1:$P_B/v1/errors/NoSuchKey" -H "$AL"
      run_wrk b-304 "$B_PID" "http://127.0.0.1:$P_B/v1/errors/NoSuchKey" -H "$AL" -H "If-None-Match: $ETAG"
      run_wrk b-rpc50 "$B_PID" "http://127.0.0.1:$P_B/rpc" -s "$WORK/rpc50.lua"
    fi
    run_wrk errata-get-token "$AUTH_PID" "http://127.0.0.1:$P_AUTH/v1/errors/NoSuchKey" -H "$AL" -H "Authorization: Bearer $READ_TOKEN"
  fi
  if want scale; then
    run_wrk errata-get-large "$LARGE_PID" "http://127.0.0.1:$P_LARGE/v1/errors/NoSuchKey" -H "$AL"
    run_wrk errata-get-large-synth "$LARGE_PID" "http://127.0.0.1:$P_LARGE/v1/errors/$SYNTH_CODE" -H "Accept-Language: de-CH,de;q=0.9"
  fi
  if want follow; then
    run_wrk follower-get-large "$FOLLOW_PID" "http://127.0.0.1:$P_FOLLOW/v1/errors/NoSuchKey" -H "$AL"
    run_wrk follower-get-large-synth "$FOLLOW_PID" "http://127.0.0.1:$P_FOLLOW/v1/errors/$SYNTH_CODE" -H "Accept-Language: de-CH,de;q=0.9"
  fi
done

# --- connections and cores ------------------------------------------------------------------------
if want limits; then
  section "limits: 512 and 2,000 connections; the server on one core, wrk on the other"
  pin() { # pin CPUS PID…: every thread of each process
    local cpus=$1; shift
    for pid in "$@"; do taskset -a -cp "$cpus" "$pid" >/dev/null; done
  }
  L_ALL=("$L_PID" $(pgrep -P "$L_PID"))
  for ((ROUND = 1; ROUND <= ROUNDS; ROUND++)); do
    log "--- round $ROUND"
    for c in 512 2000; do
      CONNECTIONS=$c run_wrk "L-c$c" "$L_PID" "http://127.0.0.1:$P_L/v1/errors/NoSuchKey" -H "$AL"
      CONNECTIONS=$c run_wrk "errata-get-c$c" "$SEED_PID" "http://127.0.0.1:$P_SEED/v1/errors/NoSuchKey" -H "$AL"
    done
    pin 0 "${L_ALL[@]}" "$SEED_PID"
    WRK_PREFIX="taskset -c 1" run_wrk L-1core "$L_PID" "http://127.0.0.1:$P_L/v1/errors/NoSuchKey" -H "$AL"
    WRK_PREFIX="taskset -c 1" run_wrk errata-get-1core "$SEED_PID" "http://127.0.0.1:$P_SEED/v1/errors/NoSuchKey" -H "$AL"
    WRK_PREFIX="taskset -c 1" run_wrk errata-rpc1-1core "$SEED_PID" "http://127.0.0.1:$P_SEED/rpc" -s "$WORK/rpc1.lua"
    pin "0-$(($(nproc) - 1))" "${L_ALL[@]}" "$SEED_PID"
  done
fi

# --- publishes under load --------------------------------------------------------------------------
if want publish; then
  section "publish: one-text publish latency, delta feed size, reads under ${PUBLISH_RATE} publishes/s"
  export ERRATA_TOKEN
  for target in seed large; do
    db=$WORK/$target.sqlite port=$P_SEED pid=$SEED_PID
    [[ $target == large ]] && port=$P_LARGE pid=$LARGE_PID
    if [[ $target == seed ]]; then # its own copy, so that the seed server's ETags stay put
      cp "$WORK/seed.sqlite" "$WORK/pub.sqlite"
      start_errata pub "$P_PUB" "$ROOT/Localizations"
      db=$WORK/pub.sqlite port=$P_PUB pid=$STARTED_PID
    fi
    ERRATA_TOKEN=$("$BIN/errata-server" token create --name "bench-$target-$$" --scope admin --database "$db" | tail -1)
    # One-text publishes, timed client-side, and the feed for one of them.
    python3 "$ROOT/Benchmarks/http/publisher.py" 127.0.0.1 "$port" 2 "$((SMOKE ? 2 : 5))" >"$WORK/publish-$target.txt"
    FACTS[publish_$target]=$(cat "$WORK/publish-$target.txt")
    rev=$(curl -s "http://127.0.0.1:$port/healthz" | python3 -c 'import json,sys; print(json.load(sys.stdin)["revision"])')
    FACTS[feed_bytes_$target]=$(curl -s "http://127.0.0.1:$port/v1/catalog/changes?since=$((rev - 1))" | wc -c)
    for ((ROUND = 1; ROUND <= ROUNDS; ROUND++)); do
      run_wrk "reads-quiet-$target" "$pid" "http://127.0.0.1:$port/v1/errors/NoSuchKey" -H "$AL"
      python3 "$ROOT/Benchmarks/http/publisher.py" 127.0.0.1 "$port" "$PUBLISH_RATE" "$DURATION" >"$WORK/publisher-$target-$ROUND.txt" &
      pub=$!
      run_wrk "reads-publishing-$target" "$pid" "http://127.0.0.1:$port/v1/errors/NoSuchKey" -H "$AL"
      wait "$pub"
      FACTS[publisher_${target}_$ROUND]=$(cat "$WORK/publisher-$target-$ROUND.txt")
    done
  done
fi

# --- client ----------------------------------------------------------------------------------------
if want client; then
  section "client: errata explain vs rustc --explain; sync of one change"
  export XDG_CACHE_HOME=$WORK/xdg
  "$CLI_BIN/errata" sync --server "http://127.0.0.1:$P_SEED" >&2
  test -s "$XDG_CACHE_HOME/errata/catalog.json"
  hyperfine -N --warmup 5 --runs "$HYPERFINE_RUNS" --export-json "$WORK/hyperfine.json" \
    "$CLI_BIN/errata explain NoSuchKey" "rustc --explain E0308" >&2
  FACTS[hyperfine]=$(python3 - "$WORK/hyperfine.json" <<'EOF'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    name = r["command"].split("/")[-1]
    print(f"{name}: median {r['median'] * 1000:.1f} ms, mean {r['mean'] * 1000:.1f} ms;", end=" ")
EOF
)
  if want scale; then
    ERRATA_TOKEN=$("$BIN/errata-server" token create --name "bench-sync-$$" --scope admin --database "$WORK/large.sqlite" | tail -1)
    export ERRATA_TOKEN
    FACTS[sync_large]=$("$BIN/errata-sync-timer" "http://127.0.0.1:$P_LARGE" "$WORK/sync-cache" "$SYNC_ROUNDS" | tr '\n' ' ')
  fi
fi

# --- report ----------------------------------------------------------------------------------------
for key in "${!FACTS[@]}"; do printf '%s\t%s\n' "$key" "${FACTS[$key]}"; done | sort >"$WORK/facts.tsv"
section "results (medians of $ROUNDS rounds; raw: $RESULTS, $WORK/facts.tsv)"
log "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores; max RSS of N is its primary process only"
python3 - "$RESULTS" "$WORK/facts.tsv" "$CONNECTIONS" "$DURATION" "$ROUNDS" <<'EOF'
import collections, statistics, sys
rows = collections.defaultdict(list)
for line in open(sys.argv[1]):
    f = line.rstrip("\n").split("\t")
    rows[f[0]].append((float(f[2]), float(f[3]), float(f[4]), int(f[5]), int(f[6]), int(f[7] or 0)))
med = {k: (statistics.median(r[0] for r in v), statistics.median(r[1] for r in v),
           statistics.median(r[2] for r in v), max(r[3] for r in v), sum(r[4] for r in v), sum(r[5] for r in v))
       for k, v in rows.items()}
L, H, N = (med.get(k, (float("nan"),))[0] for k in ("L", "H", "N"))
# A 304 is compared with the peer's 304; every other row with the peer's 200.
N304 = med.get("N-304", (N,))[0]
names = {
    "L": "L: nginx static file", "H": "H: Hummingbird constant route",
    "N": "N: Node.js http peer (cluster)", "N-304": "N: Node.js peer, If-None-Match → 304",
    "errata-get": "GET /v1/errors/NoSuchKey + Accept-Language",
    "errata-page": "GET /docs/errors/NoSuchKey (HTML page) + Accept-Language", "errata-304": "same JSON read, If-None-Match → 304",
    "errata-rpc1": "POST /rpc errors.describe", "errata-rpc50": "POST /rpc batch of 50 describes",
    "errata-get-token": "GET with --require-read-token (bearer token)",
    "b-get": "B (ERRATA_SERVER_B): GET NoSuchKey + Accept-Language", "b-304": "B: same, If-None-Match → 304", "b-rpc50": "B: POST /rpc batch of 50",
    "errata-get-large": "10k×10 catalog: GET NoSuchKey", "errata-get-large-synth": "10k×10 catalog: GET a synthetic code (de-CH)",
    "follower-get-large": "10k×10 follower: GET NoSuchKey", "follower-get-large-synth": "10k×10 follower: GET a synthetic code (de-CH)",
    "reads-quiet-seed": "seed: GET, no publishes", "reads-publishing-seed": "seed: GET under 10 publishes/s",
    "reads-quiet-large": "10k: GET, no publishes", "reads-publishing-large": "10k: GET under 10 publishes/s",
    "L-c512": "L at 512 connections", "errata-get-c512": "Errata GET at 512 connections",
    "L-c2000": "L at 2,000 connections", "errata-get-c2000": "Errata GET at 2,000 connections",
    "L-1core": "L, 1 core (wrk on the other)", "errata-get-1core": "Errata GET, 1 core (wrk on the other)",
    "errata-rpc1-1core": "Errata POST /rpc describe, 1 core (wrk on the other)",
}
# Rows measured apart from L's own conditions are compared with L's row of the same conditions.
same_conditions = {"errata-get-c512": "L-c512", "errata-get-c2000": "L-c2000", "errata-get-1core": "L-1core", "errata-rpc1-1core": "L-1core"}
print(f"| scenario | req/s | p50 ms | p99 ms | × L | × H | × N | max RSS MB | non-2xx/3xx | socket errors |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for key in names:
    if key not in med: continue
    rps, p50, p99, rss, bad, errors = med[key]
    extra = f" ({rps * 50:,.0f} described/s)" if key.endswith("rpc50") else ""
    n = N304 if key.endswith("304") else N
    if key in same_conditions or key.startswith("L-"):
        base = med.get(same_conditions.get(key, key), (float("nan"),))[0]
        print(f"| {names[key]} | {rps:,.0f} | {p50:.2f} | {p99:.2f} | {rps / base:.2f} (of its L) | – | – | {rss} | {bad} | {errors} |")
        continue
    print(f"| {names[key]}{extra} | {rps:,.0f} | {p50:.2f} | {p99:.2f} | {rps / L:.2f} | {rps / H:.2f} | {rps / n:.2f} | {rss} | {bad} | {errors} |")
print()
for line in open(sys.argv[2]):
    k, v = line.rstrip("\n").split("\t", 1)
    print(f"- {k}: {v}")
EOF
