#!/usr/bin/env bash
# npm test: install what is missing (npm packages, worker, Chromium for browser tests), then lint,
# typecheck and run every test suite against the real PostgreSQL, worker and browser.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh
# shellcheck source=mediasoup-worker/deps.sh
. scripts/mediasoup-worker/deps.sh
ensure_debs chromium coturn clamav-daemon

npm run lint
mkdir -p test-results
npx jest --selectProjects unit client --json --outputFile=test-results/jest-unit.json
npx jest --selectProjects integration --runInBand --json --outputFile=test-results/jest-integration.json
npx jest --selectProjects e2e --runInBand --json --outputFile=test-results/jest-e2e.json

# One closing line for all three projects (each run above already stopped the script on a failure).
node -e '
  const runs = ["unit", "integration", "e2e"].map((p) => require(`./test-results/jest-${p}.json`));
  const sum = (k) => runs.reduce((n, r) => n + r[k], 0);
  console.log(`tests: ${sum("numPassedTests")} passed, ${sum("numFailedTests")} failed, ${sum("numPendingTests")} skipped`);
'
