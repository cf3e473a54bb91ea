#!/usr/bin/env bash
# Starts and stops the real servers (KServe, Triton through PyTriton, MLServer) that the
# backend-kserve-v2 integration tests run against. Everything binds 127.0.0.1; every server also
# stops by itself after --max-seconds, so nothing outlives a crashed caller for long.
# Two kinds: kserve, pytriton and mlserver host the kit's models (KitModels); kserve-realistic,
# pytriton-realistic and mlserver-sklearn host models written the way each server's own docs and
# quick-starts write them (kserve_realistic.py, pytriton_realistic.py, sklearn_iris.py).
#
#   peers.sh start [--state DIR] [--max-seconds N] [SERVER...]   (default: all six)
#       runs setup.sh (a no-op when the cached virtualenvs are current), starts the servers in
#       parallel, waits (bounded) until each is ready, and writes DIR/peers.properties:
#         kserve.http=18080  kserve.grpc=18081  pytriton.http=...  (and <name>.pid, <name>.log;
#         mlserver-sklearn.models, the folder holding its models and iris-expected.json)
#       A server that does not come up fails the command with the tail of its log, after
#       stopping the ones already started.
#   peers.sh stop [--state DIR]
#       stops every server of DIR by its PID (TERM to its process group, KILL after 20 s).
#
# DIR defaults to $REALSERVERS_CACHE/peers (see env.sh). Ports are fixed (KServe 18080/18081,
# PyTriton 18000/18001/18002, MLServer 18280/18281/18282; the realistic ones the same plus 1000:
# 19080/19081, 19000/19001/19002, 19280/19281/19282): a port already in use fails the start.
# start stops only the servers recorded in DIR's own peers.properties, never other DIRs'.
set -uo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
. "$HERE/env.sh"

CMD="${1:-}"; shift || true
STATE="$REALSERVERS_CACHE/peers"
MAX_SECONDS=1800
READY_TIMEOUT=120
SERVERS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --state) STATE="$2"; shift 2;;
    --max-seconds) MAX_SECONDS="$2"; shift 2;;
    kserve|pytriton|mlserver|kserve-realistic|pytriton-realistic|mlserver-sklearn) SERVERS+=("$1"); shift;;
    *) echo "peers.sh: unknown argument $1" >&2; exit 2;;
  esac
done
[ ${#SERVERS[@]} -eq 0 ] && SERVERS=(kserve pytriton mlserver kserve-realistic pytriton-realistic mlserver-sklearn)
PROPS="$STATE/peers.properties"

http_port() {
  case "$1" in
    kserve) echo 18080;; pytriton) echo 18000;; mlserver) echo 18280;;
    kserve-realistic) echo 19080;; pytriton-realistic) echo 19000;; mlserver-sklearn) echo 19280;;
  esac
}
grpc_port() { echo $(( $(http_port "$1") + 1 )); }
metrics_port() { echo $(( $(http_port "$1") + 2 )); }
# The readiness URL whose success means every model of that server is loaded.
ready_url() {
  case "$1" in
    kserve) echo "http://127.0.0.1:18080/v2/health/ready";;
    pytriton) echo "http://127.0.0.1:18000/v2/models/versioned/ready";;   # bound last
    mlserver) echo "http://127.0.0.1:18280/v2/models/versioned/versions/2/ready";;
    kserve-realistic) echo "http://127.0.0.1:19080/v2/health/ready";;
    pytriton-realistic) echo "http://127.0.0.1:19000/v2/models/half/ready";;       # bound last
    mlserver-sklearn) echo "http://127.0.0.1:19280/v2/health/ready";;             # every model loaded
  esac
}

stop_one() { # name pid
  local name="$1" pid="$2"
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  fi
  # the leader may be gone while a child (tritonserver, an MLServer worker) lingers
  kill -KILL -- "-$pid" 2>/dev/null || true
  echo "peers.sh: stopped $name (pid $pid)"
}

stop_all() {
  [ -f "$PROPS" ] || { echo "peers.sh: nothing to stop ($PROPS absent)"; return 0; }
  local name pid
  while IFS='=' read -r key pid; do
    case "$key" in *.pid) name="${key%.pid}"; stop_one "$name" "$pid";; esac
  done < "$PROPS"
  rm -f "$PROPS"
}

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start_all() {
  if [ -f "$PROPS" ]; then
    echo "peers.sh: $PROPS exists: stopping those peers first"
    stop_all
  fi
  mkdir -p "$STATE"
  bash "$HERE/setup.sh" || { echo "peers.sh: setup.sh failed" >&2; exit 1; }
  local t0; t0=$(date +%s)
  : > "$PROPS.tmp"
  declare -A pids=()
  for s in "${SERVERS[@]}"; do
    for p in $(http_port "$s") $(grpc_port "$s"); do
      if port_busy "$p"; then
        echo "peers.sh: FAILED: 127.0.0.1:$p is already in use; not starting $s (old peers? try: peers.sh stop)" >&2
        for n in "${!pids[@]}"; do stop_one "$n" "${pids[$n]}"; done
        rm -f "$PROPS.tmp"; exit 1
      fi
    done
    local log="$STATE/$s.log" http grpc metrics
    http="$(http_port "$s")"; grpc="$(grpc_port "$s")"; metrics="$(metrics_port "$s")"
    case "$s" in
      kserve) (cd "$HERE" && exec setsid "$VENV_MAIN/bin/python" kserve_models.py --http-port 18080 --grpc-port 18081 \
                 --max-seconds "$MAX_SECONDS") >"$log" 2>&1 &;;
      pytriton) (cd "$HERE" && exec setsid "$VENV_MAIN/bin/python" pytriton_models.py --http-port 18000 --grpc-port 18001 \
                 --metrics-port 18002 --max-seconds "$MAX_SECONDS") >"$log" 2>&1 &;;
      mlserver) (cd "$HERE" && exec setsid ./mlserver_serve.sh --http-port 18280 --grpc-port 18281 --metrics-port 18282 \
                 --max-seconds "$MAX_SECONDS") >"$log" 2>&1 &;;
      # KServe's own flags, as its quick-start passes them
      kserve-realistic) (cd "$HERE" && exec setsid "$VENV_MAIN/bin/python" kserve_realistic.py --http_port "$http" \
                 --grpc_port "$grpc" --max-seconds "$MAX_SECONDS") >"$log" 2>&1 &;;
      pytriton-realistic) (cd "$HERE" && exec setsid "$VENV_MAIN/bin/python" pytriton_realistic.py --http-port "$http" \
                 --grpc-port "$grpc" --metrics-port "$metrics" --max-seconds "$MAX_SECONDS") >"$log" 2>&1 &;;
      mlserver-sklearn) (cd "$HERE" && exec setsid ./mlserver_sklearn_serve.sh --models "$STATE/mlserver-sklearn-models" \
                 --http-port "$http" --grpc-port "$grpc" --metrics-port "$metrics" --max-seconds "$MAX_SECONDS") \
                 >"$log" 2>&1 &;;
    esac
    pids[$s]=$!
    printf '%s.pid=%s\n%s.log=%s\n%s.http=%s\n%s.grpc=%s\n' "$s" "$!" "$s" "$log" "$s" "$http" "$s" "$grpc" >> "$PROPS.tmp"
    [ "$s" = mlserver-sklearn ] && echo "mlserver-sklearn.models=$STATE/mlserver-sklearn-models" >> "$PROPS.tmp"
    echo "peers.sh: started $s (pid $!, log $log)"
  done
  mv "$PROPS.tmp" "$PROPS"
  local failed=0
  for s in "${SERVERS[@]}"; do
    local url; url="$(ready_url "$s")"
    local ok=0
    while [ $(( $(date +%s) - t0 )) -lt $READY_TIMEOUT ]; do
      if curl -sf -m 2 -o /dev/null "$url"; then ok=1; break; fi
      kill -0 "${pids[$s]}" 2>/dev/null || break
      sleep 0.5
    done
    if [ $ok = 1 ]; then
      echo "peers.sh: $s ready after $(( $(date +%s) - t0 )) s"
    else
      echo "peers.sh: FAILED: $s not ready within ${READY_TIMEOUT} s ($url); last lines of $STATE/$s.log:" >&2
      tail -n 40 "$STATE/$s.log" >&2
      failed=1
    fi
  done
  if [ $failed = 1 ]; then stop_all; exit 1; fi
  echo "peers.sh: all ready in $(( $(date +%s) - t0 )) s; state in $PROPS"
}

case "$CMD" in
  start) start_all;;
  stop) stop_all;;
  *) echo "usage: peers.sh start|stop [--state DIR] [--max-seconds N] [kserve] [pytriton] [mlserver]" \
          "[kserve-realistic] [pytriton-realistic] [mlserver-sklearn]" >&2; exit 2;;
esac
