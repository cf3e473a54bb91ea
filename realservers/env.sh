# Sourced by the realservers scripts: where the virtualenvs live.
# They sit outside the checkout so that a fresh clone (CI) reuses them: installing takes about a
# minute and 1 GB, and the pins do not change between clones. INFERLINK_CACHE moves them.
INFERLINK_CACHE="${INFERLINK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/inferlink}"
VENV_MAIN="$INFERLINK_CACHE/venv-kserve-pytriton"   # kserve + nvidia-pytriton + tritonclient
VENV_ML="$INFERLINK_CACHE/venv-mlserver"            # mlserver (cannot share a venv with kserve)
