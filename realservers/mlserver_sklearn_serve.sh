#!/usr/bin/env bash
# Trains the scikit-learn iris models (sklearn_iris.py) into a fresh repository folder and serves
# them with MLServer's scikit-learn runtime (mlserver_serve.sh) on 127.0.0.1, bounded in time.
# Usage: ./mlserver_sklearn_serve.sh --models DIR [--http-port 19280] [--grpc-port 19281] [--metrics-port 19282] [--max-seconds 600]
# DIR is created if needed and its files overwritten (joblib files, model-settings.json, iris-expected.json for the tests).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
. "$HERE/env.sh"
HTTP=19280 GRPC=19281 METRICS=19282 MAX=600 MODELS=""
while [ $# -gt 0 ]; do
  case "$1" in
    --http-port) HTTP="$2"; shift 2;; --grpc-port) GRPC="$2"; shift 2;;
    --metrics-port) METRICS="$2"; shift 2;; --max-seconds) MAX="$2"; shift 2;;
    --models) MODELS="$2"; shift 2;;
    *) echo "unknown argument $1" >&2; exit 2;;
  esac
done
[ -n "$MODELS" ] || { echo "mlserver_sklearn_serve.sh: --models DIR is required" >&2; exit 2; }
mkdir -p "$MODELS"
"$VENV_ML/bin/python" "$HERE/sklearn_iris.py" --out "$MODELS"
exec "$HERE/mlserver_serve.sh" --http-port "$HTTP" --grpc-port "$GRPC" --metrics-port "$METRICS" \
  --max-seconds "$MAX" --models "$MODELS"
