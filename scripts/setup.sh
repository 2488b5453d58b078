#!/usr/bin/env bash
# Installs whatever is missing, idempotently: npm dependencies (whose postinstall provides the
# mediasoup worker, building it from source if needed), then the server and client builds.
#   setup.sh [--no-build]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

log() { printf '[setup] %s\n' "$*" >&2; }

node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' \
  || { log "ERROR: Node.js >= 20.19 is required (found $(node --version))"; exit 1; }

# Dependency install scripts are opt-in through package.json "allowScripts", which npm honours from
# 11.19 on; an older npm would run mediasoup's own install script (a download that fails offline).
npm_ok() { node -e 'const [a,b]=process.argv[1].split(".").map(Number); process.exit(a>11||(a===11&&b>=19)?0:1)' "$(npm --version)"; }
if ! npm_ok; then
  log "upgrading npm $(npm --version) to 11 (needed for allowScripts)"
  npm install -g --no-audit --no-fund 'npm@>=11.19 <12'
fi

# npm ci when node_modules is missing or older than the lockfile; it runs our postinstall (worker).
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing npm dependencies"
  npm ci --no-audit --no-fund
else
  bash scripts/mediasoup-worker/ensure.sh
fi

# The antivirus documents go through (Debian's clamd, started by the server itself when CLAMD_URL
# is unset). Without it the server still runs: documents wait, unscanned and unopened, and the
# health endpoint says why.
if [ -z "${CLAMD_URL:-}" ]; then
  # shellcheck source=mediasoup-worker/deps.sh
  . scripts/mediasoup-worker/deps.sh
  ensure_debs clamav-daemon || log "WARNING: clamav-daemon is missing: documents will wait unscanned (install it, or set CLAMD_URL)"
fi

[ "${1:-}" = "--no-build" ] && exit 0

stamp=dist/.build-stamp
if [ ! -f "$stamp" ] || [ -n "$(find server/src media/src client package-lock.json tsconfig*.json -newer "$stamp" -type f -print -quit)" ]; then
  log "building server and client"
  npm run build
  touch "$stamp"
fi
