#!/usr/bin/env bash
# Makes sure a mediasoup-worker binary is available, in this order:
#   1. MEDIASOUP_WORKER_BIN, if set (mediasoup itself spawns that path);
#   2. the worker already in node_modules/mediasoup/worker/out/Release: mediasoup's own (its install
#      script allowed and online), or one this script installed with the current recipe (a stamp
#      file beside it names the build); one installed by an older recipe is replaced;
#   3. a binary built earlier by build.sh, from the cache outside the repository;
#   4. build.sh from the npm package's sources against Debian libraries, stored in the cache.
# The cache key is the mediasoup version, the libsrtp source package version (built into the
# binary), the Debian library/compiler versions and a hash of the build recipe (these scripts and
# shims), so any change to one of them rebuilds and the next install takes seconds.
#
#   ensure.sh [--force-build]     VISIO_CACHE_DIR overrides ~/.cache/visio-msap
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
force=0
[ "${1:-}" = "--force-build" ] && force=1

log() { printf '[mediasoup-worker] %s\n' "$*" >&2; }
die() {
  log "ERROR: $*"
  log "Set MEDIASOUP_WORKER_BIN to a mediasoup-worker $version binary, or run 'npm run worker:build' as root on Debian 12."
  exit 1
}

pkg="$(cd "$root" && node -p "const p = require('path'); p.resolve(p.dirname(require.resolve('mediasoup')), '../..')" 2>/dev/null)" \
  || { log "ERROR: mediasoup is not installed; run 'npm ci' first"; exit 1; }
version="$(node -p "require('$pkg/package.json').version")"
default_bin="$pkg/worker/out/Release/mediasoup-worker"

if [ -n "${MEDIASOUP_WORKER_BIN:-}" ] && [ "$force" = 0 ]; then
  [ -x "$MEDIASOUP_WORKER_BIN" ] || die "MEDIASOUP_WORKER_BIN=$MEDIASOUP_WORKER_BIN is not an executable file"
  log "using MEDIASOUP_WORKER_BIN=$MEDIASOUP_WORKER_BIN"
  exit 0
fi

# shellcheck source=deps.sh
. "$here/deps.sh"
recipe_hash="$(cd "$here" && find build.sh deps.sh shims -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-12)"
cache_root="$(visio_cache_root)"
stamp="$default_bin.visio-build"

# A binary identical to one in our cache was installed by this script before stamps existed.
built_here() {
  local candidate
  for candidate in "$cache_root"/mediasoup-worker/*/mediasoup-worker; do
    [ -f "$candidate" ] && cmp -s "$candidate" "$1" && return 0
  done
  return 1
}

if [ -x "$default_bin" ] && [ "$force" = 0 ]; then
  if [ -f "$stamp" ]; then
    installed="$(cat "$stamp")"
    # The Debian library versions are not compared: a security update keeps the sonames, and a
    # machine without the -dev packages must not be made to rebuild a working worker.
    case "$installed" in
      "$version-srtp$LIBSRTP_DEB_VERSION-"*"-$recipe_hash") log "worker present: $default_bin ($installed)"; exit 0 ;;
    esac
    log "the installed worker comes from an older build recipe ($installed): replacing it"
  elif built_here "$default_bin"; then
    log "the installed worker comes from an older build recipe: replacing it"
  else
    log "worker present: $default_bin"
    exit 0
  fi
fi

command -v dpkg-query >/dev/null || die "no prebuilt worker and this is not a Debian system: cannot build it here"
ensure_build_deps || die "cannot install the build dependencies"
deps_hash="$(build_deps_fingerprint | sha256sum | cut -c1-12)"
key="$version-srtp$LIBSRTP_DEB_VERSION-$deps_hash-$recipe_hash"
cached="$cache_root/mediasoup-worker/$key/mediasoup-worker"

if [ -x "$cached" ] && [ "$force" = 0 ]; then
  log "using cached worker $cached"
else
  log "no prebuilt worker for mediasoup $version: building it from source (cache: $cached)"
  start=$(date +%s)
  bash "$here/build.sh" "$pkg" "$cached" || die "worker build failed"
  log "built in $(( $(date +%s) - start )) s"
fi

mkdir -p "$(dirname "$default_bin")"
cp "$cached" "$default_bin.tmp.$$"
mv -f "$default_bin.tmp.$$" "$default_bin"
printf '%s\n' "$key" >"$stamp.tmp.$$"
mv -f "$stamp.tmp.$$" "$stamp"
log "installed $default_bin ($key)"
