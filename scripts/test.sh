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
