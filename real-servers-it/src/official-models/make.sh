#!/usr/bin/env bash
# Regenerate the models of OfficialImagesIT (real-servers-it/src/test/resources/official/) that are files we
# generate rather than write: the OVMS ONNX add_one, the TF Serving half_plus_two SavedModel and the TorchServe
# add_one.mar. Installs the pinned generators from PyPI into throwaway virtualenvs under ${TMPDIR:-/tmp}
# (tensorflow-cpu is ~600 MB; Python 3.9-3.12). Usage: bash real-servers-it/src/official-models/make.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../test/resources/official"
work="$(mktemp -d "${TMPDIR:-/tmp}/inferlink-official-models.XXXXXX")"
trap 'rm -rf "$work"' EXIT

python3 -m venv "$work/onnx"
"$work/onnx/bin/pip" install -q onnx==1.23.2 torch-model-archiver==0.12.0
mkdir -p "$out/ovms/add_one/1"
"$work/onnx/bin/python" "$here/onnx_add_one.py" "$out/ovms/add_one/1/model.onnx"
mkdir -p "$out/torchserve"
"$work/onnx/bin/torch-model-archiver" --model-name add_one --version 1.0 \
  --handler "$here/torchserve/add_one_handler.py" --export-path "$out/torchserve" --force

python3 -m venv "$work/tf"
"$work/tf/bin/pip" install -q tensorflow-cpu==2.18.0
rm -rf "$out/tfserving/half_plus_two"
mkdir -p "$out/tfserving/half_plus_two"
"$work/tf/bin/python" "$here/tf_half_plus_two.py" "$out/tfserving/half_plus_two/1"
echo "models written under $out"
