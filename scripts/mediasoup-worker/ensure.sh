#!/usr/bin/env bash
# Makes sure a mediasoup-worker binary is available, in this order:
#   1. MEDIASOUP_WORKER_BIN, if set (mediasoup itself spawns that path);
#   2. the worker mediasoup's own install produced (node_modules/mediasoup/worker/out/Release),
#      which happens when mediasoup's install script is allowed and can download its prebuilt;
#   3. a binary built earlier by build.sh, from the cache outside the repository;
#   4. build.sh from the npm package's sources against Debian libraries, stored in the cache.
# The cache key is the mediasoup version, the Debian library/compiler versions and a hash of the
# build recipe, so any change to one of them rebuilds and the next install takes seconds.
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

if [ -x "$default_bin" ] && [ "$force" = 0 ]; then
  log "worker present: $default_bin"
  exit 0
fi

# shellcheck source=deps.sh
. "$here/deps.sh"
command -v dpkg-query >/dev/null || die "no prebuilt worker and this is not a Debian system: cannot build it here"

recipe_hash="$(cd "$here" && find build.sh deps.sh shims -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-12)"
ensure_build_deps || die "cannot install the build dependencies"
deps_hash="$(build_deps_fingerprint | sha256sum | cut -c1-12)"
cache_root="${VISIO_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/visio-msap}"
cached="$cache_root/mediasoup-worker/$version-$deps_hash-$recipe_hash/mediasoup-worker"

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
log "installed $default_bin"
