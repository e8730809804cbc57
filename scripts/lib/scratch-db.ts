import { Client } from 'pg';
import Redis, { Cluster } from 'ioredis';
import { DataSource } from 'typeorm';
// Relative, not '@lc/platform': Jest's global setup imports this file and gets no path aliases.
import { dataSourceOptions } from '../../libs/platform/src/database/data-source-options';

/** A database of its own, migrated to head, so tests and benches never touch real data. */
export async function createScratchDatabase(baseUrl: string, name: string): Promise<string> {
  const admin = new URL(baseUrl);
  admin.pathname = '/postgres';
  const c = new Client({ connectionString: admin.toString() });
  await c.connect();
  try {
    // The C locale, whatever the server's default: lower(), upper() and ILIKE then fold ASCII
    // only, as on a server initialised without a locale, so code that relies on the
    // database to fold Vietnamese fails here rather than on one customer's server.
    await c.query(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`);
  } finally {
    await c.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const ds = new DataSource(dataSourceOptions(url.toString(), [], 2));
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await ds.destroy();
  }
  return url.toString();
}

export async function dropScratchDatabase(baseUrl: string, name: string): Promise<void> {
  const admin = new URL(baseUrl);
  admin.pathname = '/postgres';
  const c = new Client({ connectionString: admin.toString() });
  await c.connect();
  try {
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await c.end();
  }
}

export async function dropRedisPrefix(redisUrl: string, prefix: string): Promise<void> {
  // REDIS_CLUSTER_NODES (scripts/cluster.sh env): the run's keys are spread over every master,
  // and one UNLINK may only name keys of one slot there.
  const nodes = (process.env.REDIS_CLUSTER_NODES ?? '').split(',').filter(Boolean);
  if (nodes.length) {
    const c = new Cluster(nodes.map((n) => ({ host: n.slice(0, n.lastIndexOf(':')), port: Number(n.slice(n.lastIndexOf(':') + 1)) })));
    try {
      await c.ping();
      for (const m of c.nodes('master')) {
        for await (const keys of m.scanStream({ match: `*${prefix}*`, count: 5000 })) {
          const mine = (keys as string[]).filter((k) => k.startsWith(`${prefix}:`) || k.startsWith(`{${prefix}:`));
          if (mine.length) await Promise.all(mine.map((k) => m.unlink(k)));
        }
      }
    } finally {
      c.disconnect();
    }
    return;
  }
  const r = new Redis(redisUrl);
  try {
    const stream = r.scanStream({ match: `${prefix}:*`, count: 5000 });
    for await (const keys of stream) if ((keys as string[]).length) await r.unlink(...(keys as string[]));
  } finally {
    r.disconnect();
  }
}
