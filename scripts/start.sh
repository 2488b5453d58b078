#!/usr/bin/env bash
# npm start: install what is missing, build, then run the server in the foreground.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh
# glibc gives each thread that allocates its own arena and keeps what it freed: image checks (libvips
# threads) left hundreds of MB held. Two arenas keep the memory bounded at no measurable cost.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
exec node --enable-source-maps dist/server/src/main.js
