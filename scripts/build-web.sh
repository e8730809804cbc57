#!/usr/bin/env bash
# Installs the web app's own dependencies when missing, then builds it to apps/web/dist
# (the api serves that folder at /, nginx in deploy/ too). Always a production build, whatever
# NODE_ENV the caller has (scripts/env.sh loads NODE_ENV=development from .env.example): Vite
# would otherwise bundle React's development build. WEB_OUT_DIR builds elsewhere.
set -euo pipefail
cd "$(dirname "$0")/../apps/web"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --include=dev --no-audit --no-fund
fi
# After the install: npm ci under NODE_ENV=production would leave out Vite itself.
NODE_ENV=production npm run -s build
