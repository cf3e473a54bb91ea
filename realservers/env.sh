# Sourced by the realservers scripts: where the virtualenvs live.
# They sit outside the checkout so that a fresh clone (CI) reuses them: installing takes about a
# minute and 1 GB, and the pins do not change between clones. REALSERVERS_CACHE moves them (not an
# INFERLINK_* name: ClientOptions.fromEnvironment refuses INFERLINK_* variables it does not know).
REALSERVERS_CACHE="${REALSERVERS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/inferlink}"
VENV_MAIN="$REALSERVERS_CACHE/venv-kserve-pytriton"   # kserve + nvidia-pytriton + tritonclient
VENV_ML="$REALSERVERS_CACHE/venv-mlserver"            # mlserver (cannot share a venv with kserve)
