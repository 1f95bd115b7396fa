#!/usr/bin/env bash
# Runs a command with a real, private Secret Service: a throw-away D-Bus session with GNOME Keyring
# unlocked, on throw-away XDG_DATA_HOME / XDG_RUNTIME_DIR folders (mode 700), so keychain tests use
# the real thing without touching the user's keyring. Afterwards it stops the D-Bus daemon and the
# keyring daemon it started and removes the folders — when the command succeeds, when it fails and
# when this script gets SIGINT, SIGTERM or SIGHUP (passed on to the command first) — and exits with
# the command's exit code, or 128+N after signal N. Linux only (it reads /proc).
#
#   scripts/with-keyring.sh CMD [ARGS...]
#
# Environment:
#   WITH_KEYRING_DATA_HOME  use this folder as XDG_DATA_HOME (created if missing, kept afterwards),
#                           so two runs share one keyring file: that is how tests prove that secrets
#                           survive a restart of the keyring.
#   WITH_KEYRING_PASSWORD   the keyring's unlock password (default: a fixed throw-away one). A wrong
#                           password for an existing keyring leaves it locked, which tests use to
#                           reproduce a locked keychain. The command does not see it.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: scripts/with-keyring.sh CMD [ARGS...]" >&2
  exit 64
fi

# dbus-send comes with dbus-daemon (Debian: dbus-bin, a dependency of the dbus-daemon package).
for tool in dbus-daemon dbus-send gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "with-keyring: '$tool' is not installed; install the dbus-daemon and gnome-keyring packages." >&2
    exit 127
  fi
done

password="${WITH_KEYRING_PASSWORD:-with-keyring-throwaway}"
unset WITH_KEYRING_PASSWORD

runtime_dir="$(mktemp -d -t with-keyring-run.XXXXXX)"
owned_data_dir=""
bus_pid=""
keyring_pid=""
command_pid=""

# Both daemons run in the foreground as this script's own children, so their PIDs are known and
# nothing outlives the run. (dbus-run-session plus a self-daemonizing `gnome-keyring-daemon
# --unlock` left the keyring daemon behind, reparented to init, whenever it missed the session
# bus going away.)
#
# Processes are watched through /proc rather than with a second `wait`: after a trap has run,
# bash's `wait` can miss a child that ended meanwhile and block for good. bash reaps them itself.
is_running() {
  local line
  {
    while read -r line; do
      case "$line" in
        State:*'(zombie)'* | State:*'(dead)'*) return 1 ;;
        State:*) return 0 ;;
      esac
    done <"/proc/$1/status"
  } 2>/dev/null
  return 1
}

# stop PID: SIGTERM, up to 5 s to end, then SIGKILL.
stop() {
  local tries=50
  if [ -z "$1" ] || ! kill -TERM "$1" 2>/dev/null; then return 0; fi
  while is_running "$1" && [ "$tries" -gt 0 ]; do
    tries=$((tries - 1))
    sleep 0.1
  done
  if is_running "$1"; then kill -KILL "$1" 2>/dev/null; fi
  return 0
}

cleanup() {
  set +e
  # A second Ctrl-C must not cut the clean-up short.
  trap '' HUP INT TERM
  stop "$command_pid"
  stop "$keyring_pid"
  # Anything the bus started on demand (a second keyring for org.freedesktop.secrets, a prompter).
  if [ -n "$bus_pid" ] && command -v pkill >/dev/null 2>&1; then
    pkill -TERM -P "$bus_pid" 2>/dev/null
  fi
  stop "$bus_pid"
  rm -rf "$runtime_dir"
  if [ -n "$owned_data_dir" ]; then rm -rf "$owned_data_dir"; fi
}
trap cleanup EXIT

# While the command runs, a signal goes on to it and the script ends with the shell's usual 128+N
# once the command has; before that, the script ends at once (the EXIT trap still cleans up).
signal_status=""
on_signal() {
  if [ -n "$command_pid" ]; then
    signal_status="$2"
    kill -s "$1" "$command_pid" 2>/dev/null || true
  else
    exit "$2"
  fi
}
trap 'on_signal HUP 129' HUP
trap 'on_signal INT 130' INT
trap 'on_signal TERM 143' TERM

if [ -n "${WITH_KEYRING_DATA_HOME:-}" ]; then
  data_home="$WITH_KEYRING_DATA_HOME"
  mkdir -p "$data_home"
else
  data_home="$(mktemp -d -t with-keyring-data.XXXXXX)"
  owned_data_dir="$data_home"
fi
chmod 700 "$runtime_dir" "$data_home"

export XDG_DATA_HOME="$data_home"
export XDG_RUNTIME_DIR="$runtime_dir"
export DBUS_SESSION_BUS_ADDRESS="unix:path=$runtime_dir/bus"

bus_call() {
  dbus-send --session --print-reply --dest=org.freedesktop.DBus / "org.freedesktop.DBus.$1" "${@:2}"
}
bus_is_up() { bus_call GetId >/dev/null 2>&1; }
# NameHasOwner, not a call to the service itself: a call would make the bus start another keyring.
secret_service_is_up() {
  bus_call NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'
}

# wait_for PID WHAT CHECK: polls CHECK for up to 10 s while PID runs.
wait_for() {
  local tries=100
  until "$3"; do
    if ! is_running "$1" || [ "$tries" -eq 0 ]; then
      echo "with-keyring: $2 did not start" >&2
      if [ -s "$runtime_dir/daemons.log" ]; then cat "$runtime_dir/daemons.log" >&2; fi
      exit 70
    fi
    tries=$((tries - 1))
    sleep 0.1
  done
}

# Their chatter (such as dbus-daemon's "Failed to set fd limit") is shown only when a start fails.
dbus-daemon --session --nofork --nopidfile --address="$DBUS_SESSION_BUS_ADDRESS" \
  >/dev/null 2>>"$runtime_dir/daemons.log" &
bus_pid=$!
wait_for "$bus_pid" dbus-daemon bus_is_up

printf %s "$password" |
  gnome-keyring-daemon --foreground --unlock --components=secrets \
    >/dev/null 2>>"$runtime_dir/daemons.log" &
keyring_pid=$!
wait_for "$keyring_pid" gnome-keyring-daemon secret_service_is_up

# In the background so that the traps above run while it does; `trap -` undoes the SIGINT/SIGQUIT
# ignoring bash gives background jobs, and `<&0` keeps the caller's stdin (not /dev/null).
set +e
(
  trap - INT QUIT
  exec "$@"
) <&0 &
command_pid=$!
wait "$command_pid"
status=$?
if [ -n "$signal_status" ]; then
  # `wait` returned for the signal; the command ends on the one passed on to it.
  while is_running "$command_pid"; do sleep 0.1; done
  status="$signal_status"
fi
command_pid=""
exit "$status"
