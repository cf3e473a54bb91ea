#!/usr/bin/env bash
# Serve a model repository with MLServer on 127.0.0.1, bounded in time: the kit models
# (mlserver_models/) unless --models names another folder (mlserver_sklearn_serve.sh's).
# Usage: ./mlserver_serve.sh [--http-port 18280] [--grpc-port 18281] [--metrics-port 18282] [--max-seconds 600] [--models DIR]
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
. "$HERE/env.sh"
HTTP=18280 GRPC=18281 METRICS=18282 MAX=600 MODELS="$HERE/mlserver_models"
while [ $# -gt 0 ]; do
  case "$1" in
    --http-port) HTTP="$2"; shift 2;; --grpc-port) GRPC="$2"; shift 2;;
    --metrics-port) METRICS="$2"; shift 2;; --max-seconds) MAX="$2"; shift 2;;
    --models) MODELS="$2"; shift 2;;
    *) echo "unknown argument $1" >&2; exit 2;;
  esac
done
export MLSERVER_HOST=127.0.0.1 MLSERVER_HTTP_PORT="$HTTP" MLSERVER_GRPC_PORT="$GRPC" MLSERVER_METRICS_PORT="$METRICS"
export MLSERVER_PARALLEL_WORKERS=0
# gRPC refuses messages over 4 MiB by default; the kit sends 6 MiB (KServe and Triton take it as is)
export MLSERVER_GRPC_MAX_MESSAGE_LENGTH=$((64 * 1024 * 1024))
cd "$MODELS"
# exec: the caller's PID is timeout's; SIGTERM to it is forwarded to mlserver.
exec timeout --signal=TERM --kill-after=10 "$MAX" "$VENV_ML/bin/mlserver" start .
