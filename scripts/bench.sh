#!/usr/bin/env bash
# npm run bench: every benchmark in turn, each printing its JSON figures.
# Single ones: npm run bench:import | bench:surge | bench:floor | bench:results | bench:live | bench:web
set -uo pipefail
cd "$(dirname "$0")/.."
echo "{\"machine\": {\"cores\": $(nproc), \"memoryGiB\": $(awk '/MemTotal/ {printf "%.1f", $2/1048576}' /proc/meminfo), \"node\": \"$(node --version)\"}}"
rc=0
for b in import surge floor results live web; do
  if node -e "process.exit(require('./package.json').scripts['bench:$b'] ? 0 : 1)"; then
    echo "== bench:$b"
    npm run -s "bench:$b" || rc=1
  fi
done
exit $rc
