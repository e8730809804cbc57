import { ChildProcess, spawn } from 'node:child_process';
import { Client } from 'pg';
import { Http } from '../../../test/harness';
import { residentInput } from '../../../test/factories';
import { API_MAIN, freePort, requireBuild, WORKER_MAIN } from '../../../test/processes';

/** The built api and worker as real processes, to read what they really write to their logs. */
function launch(main: string, env: NodeJS.ProcessEnv): { proc: ChildProcess; output: () => string; stop(): Promise<void> } {
  let out = '';
  const proc = spawn(process.execPath, [main], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  return {
    proc,
    output: () => out,
    stop: () =>
      new Promise<void>((done) => {
        if (proc.exitCode !== null || proc.signalCode !== null) return done();
        const t = setTimeout(() => proc.kill('SIGKILL'), 5000);
        proc.once('exit', () => (clearTimeout(t), done()));
        proc.kill('SIGTERM');
      }),
  };
}

// As the browser stack: a loaded CI machine may take well over 30 s to start a process.
async function until<T>(what: string, check: () => Promise<T | undefined>, ms = Number(process.env.STACK_HEALTHY_WITHIN_MS ?? 90_000)): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('personal data in processes: log lines masked, retention purge scheduled by the worker', () => {
  beforeAll(() => requireBuild());

  it('never writes a full phone number or national ID to the log, even at trace level', async () => {
    const port = await freePort();
    const api = launch(API_MAIN, { ...process.env, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'trace', REDIS_PREFIX: `${process.env.REDIS_PREFIX}pl` });
    try {
      const http = new Http(`http://127.0.0.1:${port}`);
      await until('api up', async () => ((await fetch(`http://127.0.0.1:${port}/api/v1/health`)).ok ? true : undefined));
      const input = residentInput();
      const spaced = `+84 ${input.phone.slice(1, 4)} ${input.phone.slice(4, 7)} ${input.phone.slice(7)}`;
      const reg = await http.post('/auth/register', { ...input, phone: spaced });
      expect(reg.status).toBe(201);
      // Error paths log at warn: a duplicate, a bad national ID, a wrong password, an unknown field.
      expect((await http.post('/auth/register', input)).status).toBe(409);
      expect((await http.post('/auth/register', { ...residentInput(), nationalId: `${input.nationalId}9` })).status).toBe(400);
      expect((await http.post('/auth/login', { login: input.phone, password: 'wrong-password' })).status).toBe(401);
      expect((await http.post('/auth/login', { login: input.phone, password: input.password })).status).toBe(200);
      expect((await http.post('/auth/register', { ...input, nationalIdCopy: input.nationalId })).status).toBe(400);
      const data = await http.get('/me/data', reg.body.accessToken);
      expect(data.body.profile.nationalId).toBe(input.nationalId);
      // The capture works: requests were logged (ids, methods, paths). Waited for, not slept on:
      // the process writes its lines asynchronously, later on a loaded machine.
      const log = await until(
        'the requests logged',
        async () => (/"statusCode":409/.test(api.output()) && /\/api\/v1\/me\/data/.test(api.output()) ? api.output() : undefined),
        10_000,
      );
      expect(log).toMatch(/\/api\/v1\/auth\/register/);
      expect(log).toMatch(/"statusCode":409/);
      for (const secret of [input.phone, input.phone.slice(1), input.nationalId, input.password, reg.body.accessToken]) expect(log).not.toContain(secret);
      expect(log).not.toContain(spaced);
    } finally {
      await api.stop();
    }
  }, 150_000);

  it('the worker purges on its schedule what the retention settings no longer allow', async () => {
    const pg = new Client({ connectionString: process.env.DATABASE_URL });
    await pg.connect();
    const worker = launch(WORKER_MAIN, { ...process.env, LOG_LEVEL: 'info', RETENTION_AUDIT_DAYS: '365', REDIS_PREFIX: `${process.env.REDIS_PREFIX}pw` });
    try {
      const [old, kept] = await Promise.all(
        [400, 30].map(
          async (days) =>
            (
              await pg.query(
                `INSERT INTO audit_log (action, entity_type, entity_id, at) VALUES ('retention.test', 'test', 'w', now() - $1 * interval '1 day') RETURNING id`,
                [days],
              )
            ).rows[0].id as string,
        ),
      );
      await until('old audit entry purged', async () => ((await pg.query('SELECT 1 FROM audit_log WHERE id = $1', [old])).rowCount === 0 ? true : undefined));
      expect((await pg.query('SELECT 1 FROM audit_log WHERE id = $1', [kept])).rowCount).toBe(1);
      // The line is written after the purge commits, so it can reach us a moment later.
      await until('the purge logged', async () => (/personal data retention purge/.test(worker.output()) ? true : undefined), 15_000);
    } finally {
      await worker.stop();
      await pg.end();
    }
  }, 150_000);
});
