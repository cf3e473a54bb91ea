# Sourced by setup.sh (host virtualenvs) and docker.sh (server images): the ONE place the Python
# packages of the real servers are pinned, so that the venvs and the images cannot drift apart.
# A pin changed here makes setup.sh rebuild its venv and docker.sh rebuild the image holding it
# (the image tags name the server's version; their labels hold all the pins).
# shellcheck shell=bash disable=SC2034  # the names are read by the scripts that source this file
KSERVE_VERSION=0.21.0
PYTRITON_VERSION=0.7.0     # bundles Triton server 2.51.0 (CPU works)
MLSERVER_VERSION=1.7.1
NUMPY_PIN="numpy==1.26.4"  # what pip picks for kserve 0.21 + pytriton 0.7 together
TRITONCLIENT_PIN="tritonclient[all]==2.73.0"

# Images (docker.sh): one server each.
KSERVE_PINS=("kserve==$KSERVE_VERSION" "$NUMPY_PIN")
PYTRITON_PINS=("nvidia-pytriton==$PYTRITON_VERSION" "$NUMPY_PIN")
# Host venvs (setup.sh): kserve and pytriton share one (plus tritonclient for the smoke checks);
# MLServer needs its own (starlette/protobuf clashes, see setup.sh). ML_PINS is also the image's.
MAIN_PINS=("kserve==$KSERVE_VERSION" "nvidia-pytriton==$PYTRITON_VERSION" "$NUMPY_PIN" "$TRITONCLIENT_PIN")
ML_PINS=("mlserver==$MLSERVER_VERSION" "mlserver-sklearn==$MLSERVER_VERSION" "scikit-learn==1.9.1" "joblib==1.6.0" "numpy==2.4.6")
