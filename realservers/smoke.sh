#!/usr/bin/env bash
# Smoke test of the real servers: start each on 127.0.0.1, wait (bounded) for readiness, one
# add_one V2 REST infer per server (+ V1 predict on KServe), check the answer, stop everything.
# Usage: ./smoke.sh [kserve] [pytriton] [mlserver]      (default: all three; run ./setup.sh first)
# Ports: KServe 18080/18081, PyTriton 18000/18001/18002, MLServer 18280/18281/18282.
set -uo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
cd "$HERE"
. "$HERE/env.sh"
SERVERS=("$@"); [ ${#SERVERS[@]} -eq 0 ] && SERVERS=(kserve pytriton mlserver)
LOGDIR="$(mktemp -d /tmp/inferlink-smoke.XXXXXX)"
MAX_LIFE=180      # every server stops by itself after this many seconds anyway
READY_TIMEOUT=90  # per server
declare -A PIDS=()
FAILED=0

stop_all() {
  for name in "${!PIDS[@]}"; do
    local pid="${PIDS[$name]}"
    kill -TERM "$pid" 2>/dev/null || continue
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    # leader gone or stuck: make sure nothing of its process group survives
    kill -KILL -- "-$pid" 2>/dev/null || true
    echo "stopped $name (pid $pid)"
  done
  PIDS=()
}
trap stop_all EXIT
trap 'exit 130' INT TERM

start() { # name port cmd...   (own session/process group, so the whole tree can be stopped)
  local name="$1" port="$2"; shift 2
  if curl -s -m 2 -o /dev/null "http://127.0.0.1:$port/"; then
    echo "FAIL: something already answers on 127.0.0.1:$port; not starting $name"; return 1
  fi
  setsid "$@" >"$LOGDIR/$name.log" 2>&1 &
  PIDS[$name]=$!
  echo "started $name (pid $!): $*  [log $LOGDIR/$name.log]"
}

wait_ready() { # name url
  local t0; t0=$(date +%s.%N)
  for _ in $(seq 1 $((READY_TIMEOUT * 2))); do
    if curl -sf -m 2 "$2" >/dev/null; then
      printf '%s ready after %.1f s\n' "$1" "$(echo "$(date +%s.%N) - $t0" | bc)"; return 0
    fi
    kill -0 "${PIDS[$1]}" 2>/dev/null || { echo "FAIL: $1 exited; log tail:"; tail -n 20 "$LOGDIR/$1.log"; return 1; }
    sleep 0.5
  done
  echo "FAIL: $1 not ready within ${READY_TIMEOUT}s ($2)"; tail -n 20 "$LOGDIR/$1.log"; return 1
}

check() { # label url body expected-substring
  local out code
  out="$(curl -s -m 10 -w '\n%{http_code}' -H 'content-type: application/json' -d "$3" "$2")"
  code="${out##*$'\n'}"; out="${out%$'\n'*}"
  if [ "$code" = 200 ] && [[ "$out" == *"$4"* ]]; then echo "ok   $1 -> $out"
  else echo "FAIL $1 -> HTTP $code $out (wanted $4)"; FAILED=1; fi
}

V2_REQ='{"id":"smoke-1","inputs":[{"name":"x","shape":[2,2],"datatype":"FP32","data":[1,2,3,4.5]}]}'
V2_WANT='"data":[2.0,3.0,4.0,5.5]'

for s in "${SERVERS[@]}"; do
  case "$s" in
    kserve)
      start kserve 18080 "$VENV_MAIN/bin/python" kserve_models.py --http-port 18080 --grpc-port 18081 --max-seconds $MAX_LIFE
      if [ -n "${PIDS[kserve]:-}" ] && wait_ready kserve http://127.0.0.1:18080/v2/models/add_one/ready; then
        check "kserve V2 add_one" http://127.0.0.1:18080/v2/models/add_one/infer "$V2_REQ" "$V2_WANT"
        check "kserve V1 add_one" http://127.0.0.1:18080/v1/models/add_one:predict '{"instances":[[1,2],[3,4.5]]}' '{"predictions":[[2.0,3.0],[4.0,5.5]]}'
      else FAILED=1; fi;;
    pytriton)
      start pytriton 18000 "$VENV_MAIN/bin/python" pytriton_models.py --http-port 18000 --grpc-port 18001 --metrics-port 18002 --max-seconds $MAX_LIFE
      # the last model bound is 'versioned': once it is ready, all are
      if [ -n "${PIDS[pytriton]:-}" ] && wait_ready pytriton http://127.0.0.1:18000/v2/models/versioned/ready; then
        check "pytriton V2 add_one" http://127.0.0.1:18000/v2/models/add_one/infer "$V2_REQ" "$V2_WANT"
      else FAILED=1; fi;;
    mlserver)
      start mlserver 18280 ./mlserver_serve.sh --http-port 18280 --grpc-port 18281 --metrics-port 18282 --max-seconds $MAX_LIFE
      if [ -n "${PIDS[mlserver]:-}" ] && wait_ready mlserver http://127.0.0.1:18280/v2/models/versioned/versions/2/ready; then
        check "mlserver V2 add_one" http://127.0.0.1:18280/v2/models/add_one/infer "$V2_REQ" "$V2_WANT"
      else FAILED=1; fi;;
    *) echo "unknown server $s"; FAILED=1;;
  esac
done
stop_all
if [ $FAILED = 0 ]; then echo "SMOKE PASSED (${SERVERS[*]})"; else echo "SMOKE FAILED (logs in $LOGDIR)"; fi
exit $FAILED
