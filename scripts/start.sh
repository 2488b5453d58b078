#!/usr/bin/env bash
# npm start: install what is missing, build, then run the server in the foreground.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh
exec node --enable-source-maps dist/server/src/main.js
