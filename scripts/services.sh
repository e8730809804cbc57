#!/usr/bin/env bash
# Makes sure PostgreSQL and Redis answer at DATABASE_URL / REDIS_URL.
# 1. uses what already runs; 2. else Docker compose where an engine runs; 3. else, as root on
# Debian, installs and starts Debian's postgresql and redis-server (Redis with AOF everysec);
# 4. else says exactly what to do. Never stops or restarts a service it did not start.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

check() { node scripts/check-services.js; }
check; rc=$?
[ $rc -eq 0 ] && exit 0

need_pg=0; need_redis=0
case $rc in 10) need_pg=1 ;; 11) need_redis=1 ;; *) need_pg=1; need_redis=1 ;; esac

host_of() { node -e 'const u=new URL(process.argv[1]);process.stdout.write(u.hostname)' "$1"; }
port_of() { node -e 'const u=new URL(process.argv[1]);process.stdout.write(u.port||process.argv[2])' "$1" "$2"; }
pg_host=$(host_of "$DATABASE_URL"); pg_port=$(port_of "$DATABASE_URL" 5432)
rd_host=$(host_of "$REDIS_URL"); rd_port=$(port_of "$REDIS_URL" 6379)
is_local() { case "$1" in 127.*|localhost|::1|'[::1]') return 0 ;; *) return 1 ;; esac; }

if docker info >/dev/null 2>&1; then
  echo "== starting services with Docker compose"
  svcs=""; [ $need_pg = 1 ] && svcs="$svcs postgres"; [ $need_redis = 1 ] && svcs="$svcs redis"
  docker compose -f docker/compose.yml up -d $svcs
  for _ in $(seq 1 30); do check >/dev/null 2>&1 && break; sleep 2; done
  check && exit 0
fi

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  if [ $need_pg = 1 ] && is_local "$pg_host"; then
    if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
      echo "== installing PostgreSQL (Debian package)"
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    fi
    ver=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -1)
    if [ -z "$ver" ]; then
      ver=$(ls /usr/lib/postgresql | sort -V | tail -1)
      pg_createcluster "$ver" main >/dev/null
    fi
    conf=/etc/postgresql/$ver/main
    # Local development trusts loopback connections, matching DATABASE_URL without a password.
    if ! grep -q '^host all all 127.0.0.1/32 trust' "$conf/pg_hba.conf"; then
      sed -i '/^#/!{/^host/d}' "$conf/pg_hba.conf"
      printf 'host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n' >> "$conf/pg_hba.conf"
    fi
    sed -i "s/^#\?port = .*/port = $pg_port/" "$conf/postgresql.conf"
    echo "== starting PostgreSQL $ver on port $pg_port"
    pg_ctlcluster --skip-systemctl-redirect "$ver" main start 2>/dev/null || pg_ctlcluster --skip-systemctl-redirect "$ver" main reload
  fi
  if [ $need_redis = 1 ] && is_local "$rd_host"; then
    if ! command -v redis-server >/dev/null 2>&1; then
      echo "== installing Redis (Debian package)"
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
    fi
    mkdir -p /var/lib/redis-lc
    echo "== starting Redis on port $rd_port with AOF (appendfsync everysec)"
    redis-server --daemonize yes --bind 127.0.0.1 --port "$rd_port" --dir /var/lib/redis-lc \
      --appendonly yes --appendfsync everysec --maxmemory-policy noeviction --logfile /var/lib/redis-lc/redis.log
  fi
  for _ in $(seq 1 30); do check >/dev/null 2>&1 && break; sleep 1; done
  check && exit 0
fi

cat >&2 <<MSG

PostgreSQL and/or Redis are not reachable, and this script cannot start them here.
Do one of these, then run the command again:
  * point DATABASE_URL and REDIS_URL (in the environment or .env) at running servers, e.g.
      DATABASE_URL=postgres://USER:PASSWORD@HOST:5432/legal_contest
      REDIS_URL=redis://HOST:6379/0
  * with Docker:   docker compose -f docker/compose.yml up -d postgres redis
  * on Debian/Ubuntu as root:  apt-get install postgresql redis-server
      then: redis-server --daemonize yes --appendonly yes --appendfsync everysec
Now:  DATABASE_URL=$DATABASE_URL  REDIS_URL=$REDIS_URL
MSG
exit 1
