#!/usr/bin/env bash
# npm start: install what is missing, build, then run the server in the foreground.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh
# glibc gives each thread that allocates its own arena and keeps what it freed: image checks (libvips
# threads) left hundreds of MB held. Two arenas keep the memory bounded at no measurable cost.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
# V8 lets the old generation grow to 4× its live size before a full collection when the heap limit
# is ≥ 2 GB (the default on a large machine): short-lived garbage promoted while a long CSV export
# streams then piled up to +130 MB RSS. A 1 GB limit (~15× the server's live heap) lowers that factor
# to ~1.6: +25–36 MB for the same export, at the same speed (issue 15, test/bench/stats.ts).
exec node --enable-source-maps --max-old-space-size=1024 dist/server/src/main.js
