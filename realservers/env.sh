# Sourced by the realservers scripts: where the virtualenvs live.
# They sit outside the checkout so that a fresh clone (CI) reuses them: installing takes about a
# minute and 1 GB, and the pins do not change between clones. REALSERVERS_CACHE moves them (not an
# INFERLINK_* name: ClientOptions.fromEnvironment refuses INFERLINK_* variables it does not know).
REALSERVERS_CACHE="${REALSERVERS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/inferlink}"
VENV_MAIN="$REALSERVERS_CACHE/venv-kserve-pytriton"   # kserve + nvidia-pytriton + tritonclient
# mlserver + its scikit-learn runtime (cannot share a venv with kserve). Named for its contents: a
# clone with other pins (the older "venv-mlserver": mlserver + numpy only) keeps its own folder
# instead of deleting and rebuilding this one under servers that run from it.
VENV_ML="$REALSERVERS_CACHE/venv-mlserver-sklearn"
