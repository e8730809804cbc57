#!/usr/bin/env bash
# The production topology, tested on this machine (CI runs it): Debian's nginx with
# deploy/nginx/legal-contest.conf in front of two built api processes and the worker, on spare
# ports with its own nginx config, pid and logs (never the system's nginx or port 80), on a
# scratch database and Redis prefix. Runs through nginx: test/deploy/*.deploy-spec.ts (static
# files, body limit, Socket.IO, client addresses) and the resident's browser journey. Also
# validates docker/compose.yml with docker-compose (no engine needed).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
bash scripts/services.sh

apt_install() {
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "== installing $* (Debian packages)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
  else
    echo "missing: $* — install them (apt-get install $*), then run this again" >&2
    exit 1
  fi
}
need=()
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx)
[ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || need+=(libnginx-mod-http-brotli-static)
command -v docker-compose >/dev/null 2>&1 || need+=(docker-compose)
[ ${#need[@]} -eq 0 ] || apt_install "${need[@]}"

echo "== docker-compose config (docker/compose.yml)"
docker-compose -f docker/compose.yml config -q
echo "   valid"

npm run -s build
bash scripts/ensure-browser.sh
echo "== build web app"
bash scripts/build-web.sh | tail -2
echo "== nginx topology: api x2 + worker behind deploy/nginx/legal-contest.conf"
export TZ=UTC LC_STACK=nginx
npx jest --selectProjects e2e --testRegex '(test/deploy/.*\.deploy-spec|test/browser/resident\.e2e-spec)\.ts$' "$@"
