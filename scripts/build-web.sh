#!/usr/bin/env bash
# Installs the web app's own dependencies when missing, then builds it to apps/web/dist
# (the api serves that folder at /).
set -euo pipefail
cd "$(dirname "$0")/../apps/web"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
npm run -s build
