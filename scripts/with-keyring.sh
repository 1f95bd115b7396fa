#!/usr/bin/env bash
# Runs a command with a real, private Secret Service: a throw-away D-Bus session with GNOME Keyring
# unlocked, on throw-away XDG_DATA_HOME / XDG_RUNTIME_DIR folders (mode 700), so keychain tests use
# the real thing without touching the user's keyring. Removes the folders afterwards and exits with
# the command's exit code.
#
#   scripts/with-keyring.sh CMD [ARGS...]
#
# Environment:
#   WITH_KEYRING_DATA_HOME  use this folder as XDG_DATA_HOME (created if missing, kept afterwards),
#                           so two runs share one keyring file: that is how tests prove that secrets
#                           survive a restart of the keyring.
#   WITH_KEYRING_PASSWORD   the keyring's unlock password (default: a fixed throw-away one). A wrong
#                           password for an existing keyring leaves it locked, which tests use to
#                           reproduce a locked keychain.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: scripts/with-keyring.sh CMD [ARGS...]" >&2
  exit 64
fi

for tool in dbus-run-session gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "with-keyring: '$tool' is not installed; install the dbus and gnome-keyring packages." >&2
    exit 127
  fi
done

runtime_dir="$(mktemp -d -t with-keyring-run.XXXXXX)"
owned_data_dir=""
cleanup() {
  rm -rf "$runtime_dir"
  if [ -n "$owned_data_dir" ]; then rm -rf "$owned_data_dir"; fi
}
trap cleanup EXIT

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
export WITH_KEYRING_PASSWORD="${WITH_KEYRING_PASSWORD:-with-keyring-throwaway}"

# Not `exec`: the trap above must still run to remove the folders.
set +e
# shellcheck disable=SC2016 # $WITH_KEYRING_PASSWORD and $@ are expanded by the inner shell.
dbus-run-session -- sh -c '
  printf %s "$WITH_KEYRING_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets >/dev/null || {
    echo "with-keyring: gnome-keyring-daemon did not start" >&2
    exit 70
  }
  unset WITH_KEYRING_PASSWORD
  exec "$@"
' sh "$@"
status=$?
set -e
exit "$status"
