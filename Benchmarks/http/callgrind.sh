#!/usr/bin/env bash
# Instructions and heap allocations per request of one errata-server build, counted by callgrind:
# stable on a busy machine, unlike req/s. Starts the server under valgrind on the seed catalog,
# warms it up, zeroes the counters, sends load with wrk, dumps, and divides by the requests sent.
#
# usage: Benchmarks/http/callgrind.sh SERVER_BINARY PORT SCENARIO
#   SCENARIO: get (GET /v1/errors/NoSuchKey + Accept-Language), 304 (the same with If-None-Match),
#             rpc1 (POST /rpc errors.describe)
# Prints: scenario, requests, instructions per request, malloc calls per request.
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=$1 PORT=$2 SCENARIO=$3
WORK=$(mktemp -d /tmp/errata-callgrind.XXXXXX)
AL='Accept-Language: zh-TW,zh;q=0.8,en;q=0.5'
URL=http://127.0.0.1:$PORT/v1/errors/NoSuchKey

valgrind --tool=callgrind --callgrind-out-file="$WORK/callgrind.out" "$BIN" serve --port "$PORT" \
  --localizations Localizations --database "$WORK/db.sqlite" --log-level warning >"$WORK/server.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true' EXIT
until curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz"; do sleep 0.5; done
ETAG=$(curl -sf -D - -o /dev/null "$URL" -H "$AL" | awk 'tolower($1)=="etag:" {print $2}' | tr -d '\r')
case $SCENARIO in
  get) ARGS=(-H "$AL") ;;
  304) ARGS=(-H "$AL" -H "If-None-Match: $ETAG") ;;
  rpc1)
    URL=http://127.0.0.1:$PORT/rpc
    printf '%s\n' 'wrk.method = "POST"' 'wrk.headers["Content-Type"] = "application/json"' \
      "wrk.body = '{\"jsonrpc\":\"2.0\",\"method\":\"errors.describe\",\"params\":{\"code\":\"NoSuchKey\",\"locale\":\"zh-Hant\"},\"id\":1}'" \
      >"$WORK/rpc1.lua"
    ARGS=(-s "$WORK/rpc1.lua") ;;
  *) echo "unknown scenario $SCENARIO" >&2; exit 2 ;;
esac
wrk -t1 -c4 -d5s "${ARGS[@]}" "$URL" >/dev/null # warm-up: memos filled, pools grown
callgrind_control -z "$PID" >/dev/null
wrk -t1 -c4 -d10s "${ARGS[@]}" "$URL" >"$WORK/wrk.txt"
callgrind_control -d "$PID" >/dev/null
REQUESTS=$(awk '/requests in/ {print $1}' "$WORK/wrk.txt")
python3 - "$WORK" "$REQUESTS" "$SCENARIO" <<'PY'
import glob, re, sys
work, requests, scenario = sys.argv[1], int(sys.argv[2]), sys.argv[3]
# The dump after zeroing: the file with the highest part number.
dump = sorted(glob.glob(f"{work}/callgrind.out*"), key=lambda p: int(p.rsplit(".", 1)[1]) if p.rsplit(".", 1)[1].isdigit() else 0)[-1]
names, total, mallocs, current = {}, 0, 0, None
for line in open(dump, errors="replace"):
    if line.startswith("summary:") or line.startswith("totals:"):
        total = max(total, int(line.split()[1]))
    m = re.match(r"cfn=\((\d+)\)(?: (.*))?", line)
    if m:
        if m.group(2): names[m.group(1)] = m.group(2)
        current = names.get(m.group(1))
    elif line.startswith("calls=") and current in ("malloc", "posix_memalign", "calloc", "realloc", "aligned_alloc"):
        mallocs += int(line.split("=")[1].split()[0])
print(f"{scenario}\t{requests} requests\t{total / requests:,.0f} instructions/request\t{mallocs / requests:.1f} allocations/request")
PY
