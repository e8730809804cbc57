#!/usr/bin/env bash
# migrate | generate <Name> | check — TypeORM migrations from the built entities.
#   run:      applies pending migrations to DATABASE_URL
#   generate: diffs the entities against a scratch database migrated to head, writes migrations/<epochms>-<Name>.ts
#   check:    the same diff; fails when entities and migrations drift
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
cmd=${1:-run}
DIST=${LC_DIST:-dist}  # LC_DIST: a build elsewhere, so parallel work does not clobber dist/
[ -f "$DIST/scripts/data-source.js" ] || npm run -s build
typeorm() { node node_modules/typeorm/cli.js -d "$DIST/scripts/data-source.js" "$@"; }

with_scratch_db() {
  local name="lc_scratch_$$_$RANDOM"
  local base="${DATABASE_URL%/*}"
  export DATABASE_URL="$base/$name"
  node scripts/check-services.js >/dev/null
  trap "node -e \"const {Client}=require('pg');const c=new Client({connectionString:'$base/postgres'});c.connect().then(()=>c.query('DROP DATABASE IF EXISTS $name WITH (FORCE)')).finally(()=>c.end())\"" EXIT
  typeorm migration:run >/dev/null
}

case "$cmd" in
  run) typeorm migration:run ;;
  generate)
    name=${2:?usage: npm run migration:generate -- <VerbNoun>}
    with_scratch_db
    typeorm migration:generate "migrations/$name" --pretty
    ls -t migrations/*.ts | head -1 | xargs -I{} echo "review {} and commit it" ;;
  check)
    with_scratch_db
    if typeorm migration:generate migrations/Drift --check --pretty; then echo "migration:check: entities and migrations agree"; else echo "migration:check: entities and migrations drift: run npm run migration:generate -- <Name>" >&2; exit 1; fi ;;
  *) echo "usage: migrations.sh run|generate <Name>|check" >&2; exit 2 ;;
esac
