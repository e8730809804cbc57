#!/usr/bin/env bash
# The scale-out topology on one machine, on spare ports, for tests (issue 19):
#   a 6-node Redis Cluster (3 masters, 3 replicas; Debian's redis-server 7) and
#   a PostgreSQL 15 primary with a streaming replica made by `pg_basebackup -R`.
# Everything lives under .run/cluster; the machine's own PostgreSQL and Redis are never touched.
#   bash scripts/cluster.sh up      start (idempotent: a running topology is left as it is)
#   bash scripts/cluster.sh env     print the variables that point the platform at it
#   bash scripts/cluster.sh down    stop it and delete its data
#   bash scripts/cluster.sh replica-stop | replica-up   kill / restart the PostgreSQL replica (tests)
# Ports: Redis ${LC_CLUSTER_REDIS_BASE:-7101}..+5, PostgreSQL ${LC_CLUSTER_PG_PORT:-55432} (primary), +1 (replica).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD/.run/cluster"
RBASE=${LC_CLUSTER_REDIS_BASE:-7101}
PGPORT=${LC_CLUSTER_PG_PORT:-55432}
PGREP=$((PGPORT + 1))
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
redis_ports() { for i in 0 1 2 3 4 5; do echo $((RBASE + i)); done; }

# initdb refuses root: PostgreSQL tools run as the `postgres` user then (like test/faults).
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

redis_up() {
  mkdir -p "$ROOT/redis"
  local fresh=0
  for p in $(redis_ports); do
    local d="$ROOT/redis/$p"
    mkdir -p "$d"
    if redis-cli -p "$p" ping >/dev/null 2>&1; then continue; fi
    [ -f "$d/nodes.conf" ] || fresh=1
    # AOF every second and noeviction, as production; small timeouts so a failover takes seconds.
    redis-server --port "$p" --bind 127.0.0.1 --dir "$d" --cluster-enabled yes --cluster-config-file nodes.conf \
      --cluster-node-timeout 2000 --appendonly yes --appendfsync everysec --maxmemory-policy noeviction \
      --save '' --daemonize yes --logfile "$d/log" --pidfile "$d/pid" --protected-mode no
  done
  for p in $(redis_ports); do
    for _ in $(seq 50); do redis-cli -p "$p" ping >/dev/null 2>&1 && break; sleep 0.1; done
  done
  if [ $fresh = 1 ] || ! redis-cli -p "$RBASE" cluster info | grep -q 'cluster_state:ok'; then
    if ! redis-cli -p "$RBASE" cluster info | grep -q 'cluster_known_nodes:6'; then
      local nodes=()
      for p in $(redis_ports); do nodes+=("127.0.0.1:$p"); done
      redis-cli --cluster create "${nodes[@]}" --cluster-replicas 1 --cluster-yes >"$ROOT/redis/create.log"
    fi
  fi
  for _ in $(seq 100); do
    redis-cli -p "$RBASE" cluster info | grep -q 'cluster_state:ok' && return 0
    sleep 0.2
  done
  echo "Redis Cluster did not reach cluster_state:ok" >&2
  return 1
}

pg_up() {
  [ -n "$PGBIN" ] || { echo "PostgreSQL server binaries (/usr/lib/postgresql/*/bin) are needed" >&2; exit 1; }
  mkdir -p "$ROOT/pg"
  if [ "$(id -u)" = 0 ]; then chown postgres: "$ROOT/pg"; chmod 755 "$ROOT" "$ROOT/pg"; fi
  local P="$ROOT/pg/primary" R="$ROOT/pg/replica"
  if [ ! -f "$P/PG_VERSION" ]; then
    as_pg "$PGBIN/initdb" -D "$P" -U postgres -A trust -E UTF8 --locale=C --no-sync >/dev/null
    cat >>"$P/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $PGPORT
unix_socket_directories = '$ROOT/pg'
wal_level = replica
max_wal_senders = 5
hot_standby = on
hot_standby_feedback = on
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
    echo "host replication postgres 127.0.0.1/32 trust" >>"$P/pg_hba.conf"
  fi
  as_pg "$PGBIN/pg_ctl" -D "$P" status >/dev/null 2>&1 || as_pg "$PGBIN/pg_ctl" -D "$P" -l "$ROOT/pg/primary.log" -w -t 60 start >/dev/null
  pg_replica_up
}

pg_replica_up() {
  local R="$ROOT/pg/replica"
  if [ ! -f "$R/PG_VERSION" ]; then
    as_pg "$PGBIN/pg_basebackup" -h 127.0.0.1 -p "$PGPORT" -U postgres -D "$R" -R -X stream --no-sync >/dev/null
    sed -i "s/^port = .*/port = $PGREP/" "$R/postgresql.conf"
  fi
  as_pg "$PGBIN/pg_ctl" -D "$R" status >/dev/null 2>&1 || as_pg "$PGBIN/pg_ctl" -D "$R" -l "$ROOT/pg/replica.log" -w -t 60 start >/dev/null
}

down() {
  for p in $(redis_ports); do
    local f="$ROOT/redis/$p/pid"
    [ -f "$f" ] && kill -CONT "$(cat "$f")" 2>/dev/null || true
    redis-cli -p "$p" shutdown nosave >/dev/null 2>&1 || true
  done
  for d in replica primary; do
    [ -f "$ROOT/pg/$d/PG_VERSION" ] && as_pg "$PGBIN/pg_ctl" -D "$ROOT/pg/$d" -m immediate -w stop >/dev/null 2>&1 || true
  done
  rm -rf "$ROOT"
}

env_lines() {
  local nodes=()
  for p in $(redis_ports); do nodes+=("127.0.0.1:$p"); done
  echo "export REDIS_CLUSTER_NODES=$(IFS=,; echo "${nodes[*]}")"
  echo "export DATABASE_URL=postgres://postgres@127.0.0.1:$PGPORT/postgres"
  echo "export DATABASE_REPLICA_URL=postgres://postgres@127.0.0.1:$PGREP/postgres"
}

case "${1:-up}" in
  up)
    redis_up
    pg_up
    echo "cluster up: Redis 127.0.0.1:$RBASE-$((RBASE + 5)), PostgreSQL primary :$PGPORT, replica :$PGREP" >&2
    ;;
  replica-up) pg_replica_up ;;
  replica-stop) as_pg "$PGBIN/pg_ctl" -D "$ROOT/pg/replica" -m immediate -w stop >/dev/null ;;
  env) env_lines ;;
  down) down ;;
  *)
    echo "usage: $0 up|env|down" >&2
    exit 2
    ;;
esac
