# Debian packages the worker build and the worker binary need. Sourced by build.sh and ensure.sh.
# shellcheck shell=bash
MS_BUILD_DEPS=(build-essential pkg-config meson ninja-build libssl-dev libuv1-dev libabsl-dev
  flatbuffers-compiler libflatbuffers-dev libsrtp2-dev libusrsctp-dev)

missing_debs() {
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || printf '%s ' "$p"
  done
}

# Installs what is missing when we are root with apt; otherwise says exactly what to install.
ensure_debs() {
  local missing
  missing="$(missing_debs "$@")"
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    printf '[setup] installing Debian packages: %s\n' "$missing" >&2
    # A fresh machine has no package lists yet; refresh them once before installing.
    apt-get update -qq >&2
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >&2
  else
    printf '[setup] ERROR: missing Debian packages: %s\n  run: sudo apt-get install %s\n' "$missing" "$missing" >&2
    return 1
  fi
}

ensure_build_deps() { ensure_debs "${MS_BUILD_DEPS[@]}"; }

# A fingerprint of everything the built binary depends on: library and compiler versions.
build_deps_fingerprint() {
  dpkg-query -W -f='${Package}=${Version}\n' libssl-dev libuv1-dev libabsl-dev libflatbuffers-dev \
    flatbuffers-compiler libsrtp2-dev libusrsctp-dev g++ meson 2>/dev/null | sort
}
