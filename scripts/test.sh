#!/usr/bin/env bash
# npm test: install what is missing (npm packages, worker, Chromium for browser tests), then lint,
# typecheck and run every test suite against the real PostgreSQL, worker and browser.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh
# shellcheck source=mediasoup-worker/deps.sh
. scripts/mediasoup-worker/deps.sh
ensure_debs chromium

npm run lint
npx jest --selectProjects unit
npx jest --selectProjects integration --runInBand
npx jest --selectProjects e2e --runInBand
