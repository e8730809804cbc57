#!/usr/bin/env bash
# The one test command: installs what is missing, brings up services, builds (tests start
# built api/worker processes too), then runs every suite against real PostgreSQL and Redis.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
bash scripts/services.sh
npm run -s build
export TZ=UTC
npx jest "$@"
if [ $# -eq 0 ]; then
  echo "== web app unit tests"
  [ -d apps/web/node_modules ] || npm --prefix apps/web ci --no-audit --no-fund
  npm --prefix apps/web test
fi
