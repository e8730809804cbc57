#!/usr/bin/env bash
# The fault suite (issue 7): starts its own PostgreSQL cluster, Redis with AOF, two api
# instances and a worker on 127.0.0.1, breaks them on purpose and checks that nothing
# acknowledged was lost. Prints a JSON summary per fault (also in .run/faults.json).
#   --short   the few faults CI runs (api kill -9, Redis kill -9 + AOF restart)
# Uses built code: $LC_DIST if set, else builds dist/ (like npm test).
set -euo pipefail
cd "$(dirname "$0")/.."
short=0
args=()
for a in "$@"; do
  case "$a" in --short) short=1 ;; *) args+=("$a") ;; esac
done
bash scripts/ensure-deps.sh
command -v redis-server >/dev/null 2>&1 || bash scripts/services.sh
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || ! command -v redis-server >/dev/null 2>&1; then
  echo "PostgreSQL server binaries (/usr/lib/postgresql/*/bin) and redis-server are needed: apt-get install postgresql redis-server" >&2
  exit 1
fi
# The clock fault injects skew with libfaketime (Debian package faketime).
if [ $short = 0 ] && ! ls /usr/lib/*/faketime/libfaketimeMT.so.1 >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "== installing faketime (Debian package) for the clock fault"
  (apt-get install -y -qq faketime >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq faketime >/dev/null)) || echo "faketime could not be installed: the clock fault will fail" >&2
fi
if [ -z "${LC_DIST:-}" ]; then npm run -s build; fi
export TZ=UTC
if [ $short = 1 ]; then
  args+=(-t '(1\. api kill|3\. Redis kill|3b\. a socket broadcast)')
fi
mkdir -p .run
rm -f .run/faults-jest.json
rc=0
npx jest -c test/faults/jest.config.js --runInBand --json --outputFile=.run/faults-jest.json "${args[@]}" || rc=$?
node -e '
  const fs = require("fs");
  const f = ".run/faults-jest.json";
  const r = fs.existsSync(f) ? JSON.parse(fs.readFileSync(f, "utf8")) : { numPassedTests: 0, numFailedTests: 1 };
  console.log(`faults: ${r.numPassedTests} passed, ${r.numFailedTests + (r.numRuntimeErrorTestSuites || 0)} failed`);
'
exit $rc
