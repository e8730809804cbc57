import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { WorkerModule } from '../../../apps/worker/src/worker.module';
import { Http, startApi, TestApi, testConfig } from '../../../test/harness';
import { loginAdmin } from '../../../test/factories';
import { iso, newContest, orgWithBank, quizRound, waitFor } from './factories';

const startWorker = () => NestFactory.createApplicationContext(WorkerModule.forRoot(testConfig()), { logger: false });

describe('rounds open and close on time by delayed jobs in the worker', () => {
  let api: TestApi;
  let http: Http;
  let worker: INestApplicationContext | undefined;

  beforeAll(async () => {
    api = await startApi();
    http = new Http(api.url);
  });
  afterAll(async () => {
    await worker?.close();
    await api.close();
  });

  it('opens and closes each round at its time, after rescheduling and across a worker restart', async () => {
    const admin = await loginAdmin(http);
    const setup = await orgWithBank(http, admin, 5);
    const o = setup.organiser.token;
    const c = await newContest(http, setup.organiser);
    const t0 = Date.now();
    const a = (await http.post(`/contests/${c.id}/rounds`, quizRound(setup.bankId, { opensAt: iso(t0 + 3000), closesAt: iso(t0 + 7000) }), o)).body;
    const b = (await http.post(`/contests/${c.id}/rounds`, quizRound(setup.bankId, { opensAt: iso(t0 + 3000), closesAt: iso(t0 + 60_000) }), o)).body;
    expect((await http.post(`/contests/${c.id}/publish`, {}, o)).status).toBe(200);
    // Moved later before it opens: the old job must not open it early.
    expect((await http.patch(`/rounds/${b.id}`, { opensAt: iso(t0 + 9000) }, o)).status).toBe(200);

    // The jobs were queued while no worker ran; they wait in Redis.
    worker = await startWorker();
    const status = async (id: string) => (await http.get(`/rounds/${id}`, o)).body.status as string;

    const openedAt = await waitFor(async () => ((await status(a.id)) === 'open' ? Date.now() : undefined), 8000, 100);
    expect(openedAt).toBeGreaterThanOrEqual(t0 + 3000);
    // On time, not at some later sweep; the bound is loose because a loaded CI machine starts the worker slowly (latency is the benchmarks' business).
    expect(openedAt - (t0 + 3000)).toBeLessThan(5000);
    expect(await status(b.id)).toBe('scheduled');

    // A worker restart between opening and closing loses nothing.
    await worker.close();
    worker = await startWorker();

    const closedAt = await waitFor(async () => ((await status(a.id)) === 'closed' ? Date.now() : undefined), 8000, 100);
    expect(closedAt).toBeGreaterThanOrEqual(t0 + 7000);
    expect(closedAt - (t0 + 7000)).toBeLessThan(1500);

    const bOpened = await waitFor(async () => ((await status(b.id)) === 'open' ? Date.now() : undefined), 8000, 100);
    expect(bOpened).toBeGreaterThanOrEqual(t0 + 9000);
    expect(bOpened - (t0 + 9000)).toBeLessThan(1500);
  });
});
