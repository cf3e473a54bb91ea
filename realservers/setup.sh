#!/usr/bin/env bash
# Creates the virtualenvs for the real-server tests (idempotent; re-run to repair).
#   $VENV_MAIN  kserve + nvidia-pytriton (bundles a CPU-capable tritonserver) + numpy + tritonclient[all]
#   $VENV_ML    mlserver + mlserver-sklearn (its scikit-learn runtime) + scikit-learn + joblib + numpy
# (both under ~/.cache/inferlink by default, see env.sh, so that fresh clones reuse them)
# Two venvs because kserve>=0.17 and mlserver 1.7.1 cannot share one (starlette: kserve 0.21 needs
# >=1.3.1, mlserver's fastapi pin needs <0.46; kserve 0.15/0.16 clash on protobuf instead).
# Usage: ./setup.sh [--force]   (PYTHON=python3.11 to pick the interpreter)
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
. "$HERE/env.sh"
mkdir -p "$REALSERVERS_CACHE"
PY="${PYTHON:-python3}"
# shellcheck source=realservers/pins.sh
. "$HERE/pins.sh"   # MAIN_PINS, ML_PINS: shared with the Docker images (docker.sh)
FORCE=0; [ "${1:-}" = "--force" ] && FORCE=1

die() { echo "setup.sh: FAILED: $*" >&2; exit 1; }
"$PY" -c 'import sys; assert sys.version_info[:2] == (3, 11), sys.version' \
  || die "need Python 3.11 (PyTriton 0.7.0 ships stubs for 3.8-3.13; pins tested with 3.11.7)"

# make_venv DIR PINS... : (re)creates DIR unless it already holds exactly these pins
make_venv() {
  local dir="$1"; shift
  local stamp="$dir/.inferlink-pins"
  local want; want="$(printf '%s\n' "$@")"
  if [ $FORCE = 0 ] && [ -x "$dir/bin/python" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    echo "== $dir: up to date"; return 0
  fi
  echo "== $dir: installing $*"
  local t0; t0=$(date +%s)
  rm -rf "$dir"
  "$PY" -m venv "$dir" || die "venv $dir"
  "$dir/bin/pip" install -q --upgrade pip || die "pip upgrade in $dir"
  "$dir/bin/pip" install -q "$@" || die "pip install $* in $dir"
  echo "$want" > "$stamp"
  echo "== $dir: installed in $(( $(date +%s) - t0 )) s"
}

T0=$(date +%s)
make_venv "$VENV_MAIN" "${MAIN_PINS[@]}"
make_venv "$VENV_ML" "${ML_PINS[@]}"

echo "== checking imports (each in its own process: kserve's and tritonclient's protos both"
echo "   define package 'inference' and cannot be imported into one interpreter)"
"$VENV_MAIN/bin/python" -c 'import kserve, importlib.metadata as m; print("kserve", m.version("kserve"))' || die "import kserve"
"$VENV_MAIN/bin/python" -c 'import pytriton.triton, tritonclient.http, tritonclient.grpc, numpy, importlib.metadata as m; print("nvidia-pytriton", m.version("nvidia-pytriton"), "tritonclient", m.version("tritonclient"), "numpy", numpy.__version__)' || die "import pytriton/tritonclient"
"$VENV_ML/bin/python" -c 'import mlserver, mlserver_sklearn, sklearn, numpy; print("mlserver", mlserver.__version__, "scikit-learn", sklearn.__version__, "numpy", numpy.__version__)' || die "import mlserver/mlserver_sklearn"
TS="$("$VENV_MAIN/bin/python" -c 'import pytriton, pathlib; print(pathlib.Path(pytriton.__file__).parent / "tritonserver/bin/tritonserver")')"
# (--help exits non-zero; what matters is that the binary loads its libraries and prints usage)
TS_OUT="$("$TS" --help 2>&1 || true)"
case "$TS_OUT" in *"Usage: tritonserver"*) ;; *) die "bundled tritonserver does not run: $TS: ${TS_OUT:0:300}";; esac
echo "tritonserver binary OK: $TS ($(du -h "$TS" | cut -f1))"
echo "== sizes: $(du -sh "$VENV_MAIN" | cut -f1) $VENV_MAIN, $(du -sh "$VENV_ML" | cut -f1) $VENV_ML; total $(( $(date +%s) - T0 )) s"
