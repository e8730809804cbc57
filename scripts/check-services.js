// Checks PostgreSQL and Redis at DATABASE_URL / REDIS_URL; creates the database when the
// server answers but the database is missing. Exit 0 ok, 10 postgres down, 11 redis down, 12 both.
// Plain JS so it runs before the TypeScript build.
const { Client } = require('pg');
const Redis = require('ioredis');

async function checkPostgres(url) {
  const u = new URL(url);
  const db = decodeURIComponent(u.pathname.slice(1)) || 'postgres';
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const c = new Client({ connectionString: admin.toString(), connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
  } catch (e) {
    console.error(`postgres: not reachable at ${u.host} (${e.message})`);
    return false;
  }
  try {
    const r = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [db]);
    if (!r.rowCount) {
      await c.query(`CREATE DATABASE "${db.replace(/"/g, '""')}"`);
      console.log(`postgres: created database ${db}`);
    }
    console.log(`postgres: ok at ${u.host}/${db}`);
    return true;
  } finally {
    await c.end();
  }
}

async function checkRedis(url) {
  const r = new Redis(url, { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  r.on('error', () => undefined);
  try {
    await r.connect();
    await r.ping();
    const info = await r.info('persistence');
    const aof = /aof_enabled:1/.test(info) ? 'AOF on' : 'AOF off';
    console.log(`redis: ok at ${new URL(url).host} (${aof})`);
    return true;
  } catch (e) {
    console.error(`redis: not reachable at ${new URL(url).host} (${e.message})`);
    return false;
  } finally {
    r.disconnect();
  }
}

(async () => {
  const pg = await checkPostgres(process.env.DATABASE_URL);
  const rd = await checkRedis(process.env.REDIS_URL);
  process.exit(pg && rd ? 0 : !pg && !rd ? 12 : !pg ? 10 : 11);
})();
