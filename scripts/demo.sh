#!/usr/bin/env bash
# npm run demo: install, bring up PostgreSQL + Redis, build, migrate, seed the demo (idempotent),
# then run one api and one worker until Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
bash scripts/services.sh
source scripts/env.sh
echo "== build"
npm run -s build
echo "== build web app"
bash scripts/build-web.sh
echo "== migrate"
mkdir -p .run
# TypeORM prints every statement it runs; a newcomer needs the outcome, the log keeps the rest.
if npm run -s migrate > .run/migrate.log 2>&1; then
  echo "   $(grep -c 'has been executed successfully' .run/migrate.log || true) migration(s) applied (details in .run/migrate.log)"
else
  tail -30 .run/migrate.log; echo "migrations failed; see .run/migrate.log"; exit 1
fi
echo "== seed demo"
node dist/scripts/seed-demo.js

mkdir -p .run
pids=()
cleanup() {
  trap - INT TERM EXIT
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup INT TERM EXIT

node dist/apps/worker/src/main.js > .run/worker.log 2>&1 &
pids+=($!)
node --max-semi-space-size=64 dist/apps/api/src/main.js > .run/api.log 2>&1 &
pids+=($!)

url="http://127.0.0.1:${PORT}"
for _ in $(seq 1 60); do
  curl -fsS -m 2 "$url/api/v1/health" >/dev/null 2>&1 && break
  if ! kill -0 "${pids[1]}" 2>/dev/null; then echo "api exited; last lines of .run/api.log:"; tail -30 .run/api.log; exit 1; fi
  sleep 1
done
curl -fsS -m 2 "$url/api/v1/health" >/dev/null || { echo "api did not become healthy; see .run/api.log"; tail -30 .run/api.log; exit 1; }

cat <<MSG

  Legal-knowledge contest platform is running.
    Web app / API      $url/          (API under $url/api/v1)
    API docs (OpenAPI) $url/docs
    Health             $url/api/v1/health
    Metrics            $url/metrics
    Logs               .run/api.log, .run/worker.log

$(cat .run/demo-logins.txt 2>/dev/null)

  Ctrl-C stops the api and worker (PostgreSQL and Redis keep running).
MSG
wait -n "${pids[@]}"
echo "a process exited; see .run/*.log"
