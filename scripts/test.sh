#!/usr/bin/env bash
# The one test command: installs what is missing, brings up services, builds (tests start
# built api/worker processes too), then runs every suite against real PostgreSQL and Redis,
# and the web app's unit tests. Ends with one line: "tests: N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
bash scripts/services.sh
npm run -s build
# The browser journeys (test/browser) drive Debian's Chromium against the api serving the
# built web app: build it once into apps/web/dist, again only when its sources are newer.
bash scripts/ensure-browser.sh
if [ ! -f apps/web/dist/index.html ] || [ -n "$(find apps/web/src apps/web/public apps/web/index.html apps/web/vite.config.ts apps/web/package-lock.json -newer apps/web/dist/index.html -print -quit 2>/dev/null)" ]; then
  echo "== build web app"
  bash scripts/build-web.sh
fi
export TZ=UTC
mkdir -p .run
rm -f .run/jest.json .run/vitest.json
rc=0
npx jest --json --outputFile=.run/jest.json "$@" || rc=$?
if [ $# -eq 0 ]; then
  echo "== web app unit tests"
  [ -d apps/web/node_modules ] || npm --prefix apps/web ci --no-audit --no-fund
  npm --prefix apps/web test -- --reporter=default --reporter=json --outputFile="$PWD/.run/vitest.json" || rc=$?
fi
node -e '
  const fs = require("fs");
  let passed = 0, failed = 0;
  for (const f of [".run/jest.json", ".run/vitest.json"]) {
    if (!fs.existsSync(f)) continue;
    const r = JSON.parse(fs.readFileSync(f, "utf8"));
    passed += r.numPassedTests; failed += r.numFailedTests + (r.numRuntimeErrorTestSuites || 0);
  }
  console.log(`tests: ${passed} passed, ${failed} failed`);
'
exit $rc
