#!/usr/bin/env bash
# Starts and stops the Docker daemon the container tests use, and builds the real-server images
# (KServe, PyTriton, MLServer) it runs. No registry is reachable from here, so nothing is pulled:
# the base is made with debootstrap and the servers come from PyPI, at the pins of pins.sh.
#
#   docker.sh start [--max-seconds N]
#       starts our own dockerd (root) on its own socket, data root and exec root, waits (bounded)
#       until it answers, and stops it by itself after N seconds (default 3600). A dockerd already
#       answering on that socket whose pidfile PID is alive is reused as it is (started by hand or
#       by an earlier run); a stale pidfile/socket is cleaned up first. Messages go to stderr;
#       stdout is one line, for `eval "$(bash realservers/docker.sh start)"`:
#         export DOCKER_HOST=unix:///run/inferlink-docker/docker.sock
#       Exit 3: dockerd is not installed (the caller decides whether that fails its run).
#   docker.sh stop
#       stops the dockerd that `start` started (running containers first, then TERM, KILL after
#       30 s), by the PID it recorded. A dockerd that `start` only reused is left running.
#   docker.sh build [--max-seconds N]
#       makes inferlink/debian-base:bookworm if absent (debootstrap), then the three server images
#       from docker/python-server.Dockerfile; an image whose labels already hold the current pins
#       and recipe is kept as is. Prints the time each took. Bounded (default 1800 s in all).
#   docker.sh status
#       the daemon, its containers, and the images with whether each is current.
#
# Where things live (env overrides; not INFERLINK_* names: ClientOptions.fromEnvironment refuses
# INFERLINK_* variables it does not know):
#   REALSERVERS_DOCKER_DATA_ROOT  images and layers; default /var/lib/inferlink-docker, outside the
#                                 checkout so later runs on the same machine reuse the images
#   REALSERVERS_DOCKER_RUN_DIR    socket, pidfile, exec root, log; default /run/inferlink-docker
#   REALSERVERS_DEBIAN_MIRROR     debootstrap's mirror; default: the machine's apt sources
# The daemon runs with --bridge=none --iptables=false --ip-masq=false (this machine allows no
# bridge or NAT), so containers must use --network host; the servers bind 127.0.0.1 themselves.
set -uo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=realservers/pins.sh
. "$HERE/pins.sh"

DATA_ROOT="${REALSERVERS_DOCKER_DATA_ROOT:-/var/lib/inferlink-docker}"
RUN_DIR="${REALSERVERS_DOCKER_RUN_DIR:-/run/inferlink-docker}"
SOCK="$RUN_DIR/docker.sock"
PIDFILE="$RUN_DIR/dockerd.pid"        # written by dockerd itself (--pidfile)
OWNED="$RUN_DIR/started-by-docker.sh" # the PID `start` started; absent when it only reused one
WATCHDOG="$RUN_DIR/watchdog.pid"
LOG="$RUN_DIR/dockerd.log"
export DOCKER_HOST="unix://$SOCK"
BASE_IMAGE="inferlink/debian-base:bookworm"
DOCKERFILE="$HERE/docker/python-server.Dockerfile"
# The Debian client (20.10) matches the daemon (20.10, API 1.41). A newer client in /usr/local/bin
# (28.x) negotiates down to 1.41 and works, but its legacy builder (DOCKER_BUILDKIT=0) is
# deprecated there; the matching client is the one least likely to surprise.
DOCKER="${REALSERVERS_DOCKER_CLIENT:-/usr/bin/docker}"
[ -x "$DOCKER" ] || DOCKER="$(command -v docker || echo docker)"

say() { echo "docker.sh: $*" >&2; }
die() { say "FAILED: $*"; exit 1; }
answering() { timeout 10 "$DOCKER" version --format '{{.Server.Version}}' >/dev/null 2>&1; }
# alive PID: running, and not a zombie (a killed dockerd stays one until init reaps it)
alive() {
  [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null || return 1
  [ "$(ps -o stat= -p "$1" 2>/dev/null | cut -c1)" != Z ]
}
pid_of() { [ -f "$1" ] && tr -dc '0-9' < "$1"; }

# image NAME -> "tag pins..." for the three server images (versions and pins from pins.sh)
image_tag() {
  case "$1" in
    kserve) echo "inferlink/kserve:$KSERVE_VERSION";;
    pytriton) echo "inferlink/pytriton:$PYTRITON_VERSION";;
    mlserver) echo "inferlink/mlserver:$MLSERVER_VERSION";;
  esac
}
image_pins() {
  case "$1" in
    kserve) echo "${KSERVE_PINS[*]}";;
    pytriton) echo "${PYTRITON_PINS[*]}";;
    mlserver) echo "${ML_PINS[*]}";;
  esac
}
# What each image must be able to do, checked right after it is built (by the container's shell).
# shellcheck disable=SC2016  # $(...) in these strings is expanded inside the container, not here
image_check() {
  case "$1" in
    kserve) echo 'python -c "import kserve, numpy"';;
    # the bundled tritonserver must find its shared libraries (--help exits non-zero: match the text)
    pytriton) echo 'python -c "import pytriton.triton, numpy" && "$(python -c "import pytriton, pathlib; print(pathlib.Path(pytriton.__file__).parent / \"tritonserver/bin/tritonserver\")")" --help 2>&1 | grep -q "Usage: tritonserver"';;
    mlserver) echo 'python -c "import mlserver, mlserver_sklearn, sklearn, joblib, numpy" && mlserver --help >/dev/null';;
  esac
}
IMAGES=(kserve pytriton mlserver)
recipe_id() { sha256sum "$DOCKERFILE" | cut -c1-16; }

cmd_start() {
  local max=3600
  while [ $# -gt 0 ]; do
    case "$1" in --max-seconds) max="$2"; shift 2;; *) say "unknown argument $1"; exit 2;; esac
  done
  command -v dockerd >/dev/null 2>&1 || { say "dockerd is not installed (Debian: apt-get install docker.io)"; exit 3; }
  [ "$(id -u)" = 0 ] || die "dockerd must be started as root"
  mkdir -p "$RUN_DIR" "$DATA_ROOT" || die "cannot create $RUN_DIR / $DATA_ROOT"

  local pid; pid="$(pid_of "$PIDFILE")"
  if answering; then
    if alive "$pid"; then
      if [ "$(pid_of "$OWNED")" = "$pid" ]; then
        say "reusing the dockerd (pid $pid) an earlier 'docker.sh start' left running on $SOCK"
      else
        say "reusing the dockerd (pid $pid) already running on $SOCK; not ours: 'stop' will leave it running"
      fi
      echo "export DOCKER_HOST=$DOCKER_HOST"
      return 0
    fi
    die "something answers on $SOCK but its pidfile $PIDFILE names no live process (pid '${pid}'); stop it by hand"
  fi
  if alive "$pid"; then
    # alive but not answering: hung, or still starting; do not guess, do not kill what may not be ours
    die "dockerd pid $pid (from $PIDFILE) is alive but does not answer on $SOCK; see $LOG, stop it by hand"
  fi
  if [ -e "$PIDFILE" ] || [ -e "$SOCK" ]; then
    say "cleaning up a stale pidfile/socket in $RUN_DIR (pid '${pid}' is gone)"
  fi
  rm -f "$PIDFILE" "$SOCK" "$OWNED" "$WATCHDOG"

  local t0; t0=$(date +%s)
  # setsid: its own session, so the caller's terminal or CI step ending does not signal it
  setsid dockerd --data-root "$DATA_ROOT" --exec-root "$RUN_DIR/exec" --pidfile "$PIDFILE" \
    -H "$DOCKER_HOST" --bridge=none --iptables=false --ip-masq=false \
    </dev/null >"$LOG" 2>&1 &
  local started=$!
  echo "$started" > "$OWNED"
  local ok=0
  for _ in $(seq 1 60); do
    answering && { ok=1; break; }
    alive "$started" || break
    sleep 1
  done
  if [ $ok = 0 ]; then
    say "dockerd did not answer within 60 s; last lines of $LOG:"
    tail -n 20 "$LOG" >&2
    stop_daemon "$started"
    rm -f "$OWNED"
    exit 1
  fi
  # The watchdog bounds the daemon's life like peers.sh's servers bound theirs: a crashed caller
  # that never runs 'stop' leaves it running for at most --max-seconds.
  setsid bash "$HERE/docker.sh" _watchdog "$max" "$started" </dev/null >"$RUN_DIR/watchdog.log" 2>&1 &
  echo $! > "$WATCHDOG"
  say "started dockerd pid $started in $(( $(date +%s) - t0 )) s (data root $DATA_ROOT, log $LOG; stops by itself after $max s)"
  echo "export DOCKER_HOST=$DOCKER_HOST"
}

# stop_daemon PID: containers first (they would otherwise be killed with no grace), then the daemon
stop_daemon() {
  local pid="$1"
  if answering; then
    local running; running="$("$DOCKER" ps -q 2>/dev/null)"
    if [ -n "$running" ]; then
      say "stopping running containers: $(echo "$running" | tr '\n' ' ')"
      # shellcheck disable=SC2086  # one ID per word
      timeout 60 "$DOCKER" stop -t 10 $running >/dev/null 2>&1 || say "some containers did not stop; dockerd ends them"
    fi
  fi
  alive "$pid" || return 0
  kill -TERM "$pid" 2>/dev/null
  for _ in $(seq 1 60); do alive "$pid" || break; sleep 0.5; done
  if alive "$pid"; then
    say "dockerd pid $pid ignored TERM for 30 s: KILL"
    kill -KILL "$pid" 2>/dev/null
  fi
  say "stopped dockerd pid $pid"
  unmount_leftovers
}

# dockerd leaves two mounts behind when it stops: its data root bind-mounted on itself and the
# exec root's netns/default. Harmless for the next start (it reuses them), but they keep the data
# root from being deleted; deepest first.
unmount_leftovers() {
  local m
  awk -v d="$DATA_ROOT" -v e="$RUN_DIR/exec" '$2 == d || index($2, d "/") == 1 || index($2, e "/") == 1 {print $2}' /proc/mounts \
    | sort -r | while read -r m; do umount "$m" 2>/dev/null || say "could not unmount $m"; done
}

cmd_stop() {
  local pid owned; pid="$(pid_of "$PIDFILE")"; owned="$(pid_of "$OWNED")"
  local wd; wd="$(pid_of "$WATCHDOG")"
  if [ -z "$owned" ]; then
    if alive "$pid"; then say "dockerd pid $pid was not started by 'docker.sh start': left running"
    else say "nothing to stop"; fi
    return 0
  fi
  if alive "$owned"; then
    stop_daemon "$owned"
  else
    say "dockerd pid $owned had already stopped"
  fi
  # the watchdog leads its own session (setsid): its group holds its pending `sleep` too
  alive "$wd" && kill -TERM -- "-$wd" 2>/dev/null
  rm -f "$OWNED" "$WATCHDOG"
  return 0
}

cmd_watchdog() { # _watchdog SECONDS PID: stop PID after SECONDS, unless 'stop' (or a restart) came first
  local max="$1" pid="$2"
  sleep "$max"
  [ "$(pid_of "$OWNED")" = "$pid" ] || exit 0
  say "--max-seconds ($max) reached: stopping dockerd pid $pid"
  stop_daemon "$pid"
  rm -f "$OWNED" "$WATCHDOG"
}

# The machine's Debian mirror (deb822 .sources or one-line sources.list); deb.debian.org otherwise.
debian_mirror() {
  [ -n "${REALSERVERS_DEBIAN_MIRROR:-}" ] && { echo "$REALSERVERS_DEBIAN_MIRROR"; return; }
  local m
  m="$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '/^URIs:/ {print $2}' | grep -v security | head -n 1)"
  [ -z "$m" ] && m="$(awk '$1 == "deb" && $0 !~ /security/ {print $2; exit}' /etc/apt/sources.list 2>/dev/null)"
  echo "${m:-http://deb.debian.org/debian}"
}

build_base() {
  if "$DOCKER" image inspect "$BASE_IMAGE" >/dev/null 2>&1; then
    say "$BASE_IMAGE: present"; return 0
  fi
  command -v debootstrap >/dev/null 2>&1 || die "$BASE_IMAGE is absent and debootstrap is not installed (apt-get install debootstrap)"
  local mirror dir t0; mirror="$(debian_mirror)"; t0=$(date +%s)
  dir="$(mktemp -d "${TMPDIR:-/tmp}/inferlink-rootfs.XXXXXX")" || die "mktemp"
  say "$BASE_IMAGE: debootstrap bookworm from $mirror into $dir"
  if ! remaining_timeout debootstrap --variant=minbase \
      --include=python3,python3-venv,libpython3.11,ca-certificates,curl \
      bookworm "$dir" "$mirror" > "$dir.log" 2>&1; then
    tail -n 20 "$dir.log" >&2; rm -rf "$dir"; die "debootstrap failed (log $dir.log)"
  fi
  tar -C "$dir" -c . | "$DOCKER" import - "$BASE_IMAGE" >/dev/null || { rm -rf "$dir"; die "docker import"; }
  rm -rf "$dir" "$dir.log"
  say "$BASE_IMAGE: made in $(( $(date +%s) - t0 )) s"
}

DEADLINE=0
remaining_timeout() {
  local left=$(( DEADLINE - $(date +%s) ))
  [ "$left" -gt 0 ] || { say "out of time (--max-seconds)"; return 124; }
  timeout --kill-after=10 "$left" "$@"
}

# current NAME: the image exists and its labels hold the current pins and recipe
current() {
  local tag; tag="$(image_tag "$1")"
  local got; got="$("$DOCKER" image inspect -f '{{ index .Config.Labels "org.inferlink.pins" }}|{{ index .Config.Labels "org.inferlink.recipe" }}' "$tag" 2>/dev/null)"
  [ "$got" = "$(image_pins "$1")|$(recipe_id)" ]
}

build_image() {
  local name="$1" tag pins t0 ctx log
  tag="$(image_tag "$name")"; pins="$(image_pins "$name")"; t0=$(date +%s)
  if current "$name"; then
    say "$tag: up to date (pins and recipe unchanged), 0 s"; return 0
  fi
  # A throwaway context: the Dockerfile and the host's CA bundle, nothing of the checkout.
  ctx="$(mktemp -d "${TMPDIR:-/tmp}/inferlink-image.XXXXXX")" || die "mktemp"
  cp "$DOCKERFILE" "$ctx/Dockerfile"
  cp /etc/ssl/certs/ca-certificates.crt "$ctx/host-ca.crt" || { rm -rf "$ctx"; die "no host CA bundle at /etc/ssl/certs/ca-certificates.crt"; }
  log="$ctx.log"
  say "$tag: building ($pins)"
  if ! remaining_timeout env DOCKER_BUILDKIT=0 "$DOCKER" build --network host \
      --build-arg "PINS=$pins" --build-arg "RECIPE=$(recipe_id)" -t "$tag" "$ctx" > "$log" 2>&1; then
    tail -n 30 "$log" >&2; rm -rf "$ctx"; die "building $tag failed (log $log)"
  fi
  rm -rf "$ctx"
  if ! remaining_timeout "$DOCKER" run --rm --network host "$tag" sh -c "$(image_check "$name")" > "$log" 2>&1; then
    tail -n 30 "$log" >&2; die "$tag was built but fails its check: $(image_check "$name") (log $log)"
  fi
  rm -f "$log"
  say "$tag: built and checked in $(( $(date +%s) - t0 )) s"
}

cmd_build() {
  local max=1800
  while [ $# -gt 0 ]; do
    case "$1" in --max-seconds) max="$2"; shift 2;; *) say "unknown argument $1"; exit 2;; esac
  done
  DEADLINE=$(( $(date +%s) + max ))
  answering || die "no dockerd answers on $SOCK (run 'docker.sh start' first)"
  local t0; t0=$(date +%s)
  build_base
  local name
  for name in "${IMAGES[@]}"; do build_image "$name"; done
  say "images ready in $(( $(date +%s) - t0 )) s"
}

cmd_status() {
  local pid owned; pid="$(pid_of "$PIDFILE")"; owned="$(pid_of "$OWNED")"
  echo "socket:    $SOCK"
  echo "data root: $DATA_ROOT"
  echo "client:    $DOCKER"
  if answering; then
    local who="not started by docker.sh (left running by 'stop')"
    [ -n "$owned" ] && [ "$owned" = "$pid" ] && who="started by docker.sh start"
    echo "dockerd:   pid ${pid:-?}, version $("$DOCKER" version --format '{{.Server.Version}}' 2>/dev/null), $who"
  else
    echo "dockerd:   not answering (pidfile pid '${pid}'$(alive "$pid" && echo ", alive"))"
    return 0
  fi
  echo "containers running:"
  "$DOCKER" ps --format '  {{.Names}}  {{.Image}}  {{.Status}}'
  echo "images:"
  local name tag state
  if "$DOCKER" image inspect "$BASE_IMAGE" >/dev/null 2>&1; then echo "  $BASE_IMAGE  present"; else echo "  $BASE_IMAGE  ABSENT"; fi
  for name in "${IMAGES[@]}"; do
    tag="$(image_tag "$name")"
    if current "$name"; then state="current"
    elif "$DOCKER" image inspect "$tag" >/dev/null 2>&1; then state="STALE (pins or recipe changed: run build)"
    else state="ABSENT"; fi
    echo "  $tag  $state"
  done
}

CMD="${1:-}"; shift || true
case "$CMD" in
  start) cmd_start "$@";;
  stop) cmd_stop "$@";;
  build) cmd_build "$@";;
  status) cmd_status "$@";;
  _watchdog) cmd_watchdog "$@";;
  *) say "usage: docker.sh start [--max-seconds N] | stop | build [--max-seconds N] | status"; exit 2;;
esac
