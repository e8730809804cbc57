import { DataSource } from 'typeorm';
import { expectError, Http, startApi, TestApi } from '../../../test/harness';
import { loginAdmin } from '../../../test/factories';
import { entrant, iso, liveQuiz, orgWithBank, OrgSetup, sleep } from '../../contests/test/factories';
import { AppConfig, REDIS, RedisClient } from '@lc/platform';
import { DeadlineSweeper } from '../src/expiry/deadline-sweeper';
import { AttemptHotStore } from '../src/hot/attempt-hot-store';
import { AttemptFinaliser } from '../src/submit/attempt-finaliser.service';

/**
 * The deadline set (issue 18): a start puts the attempt on it by the start's own script, the
 * finish takes it off, the sweeper finalises what is due on Redis's clock, and an attempt taken
 * by a sweeper that died comes back once its lease lapses. No worker runs here: the test drives
 * the sweeper itself, so nothing else (the SQL sweeper) finalises behind its back.
 */
describe('deadline set and its sweeper (real PostgreSQL + Redis)', () => {
  let api: TestApi;
  let http: Http;
  let db: DataSource;
  let setup: OrgSetup;
  let redis: RedisClient;
  let hot: AttemptHotStore;
  let sweeper: DeadlineSweeper;
  let graceMs: number;

  beforeAll(async () => {
    api = await startApi();
    http = new Http(api.url);
    db = api.app.get(DataSource);
    redis = api.app.get<RedisClient>(REDIS);
    hot = api.app.get(AttemptHotStore);
    const config = api.app.get(AppConfig);
    graceMs = config.answerGraceMs;
    sweeper = new DeadlineSweeper(hot, api.app.get(AttemptFinaliser), config);
    setup = await orgWithBank(http, await loginAdmin(http), 4);
  });
  afterAll(async () => {
    await api.close();
  });

  const statusInDb = async (id: string) => ((await db.query('SELECT status FROM attempt WHERE id = $1', [id])) as { status: string }[])[0]?.status;
  const onSet = async (id: string) => {
    const s = await redis.zscore(hot.deadlineSetOf(id), id);
    return s === null ? null : Number(s);
  };

  it('start puts the attempt on the set at its deadline; submit takes it off', async () => {
    const { contest, round } = await liveQuiz(http, setup, { closesAt: iso(Date.now() + 60_000), selection: [{ bankId: setup.bankId, count: 2 }] });
    const r = await entrant(http, contest.id);
    const at = (await http.post(`/rounds/${round.id}/attempts`, {}, r.token)).body;
    expect(await onSet(at.id)).toBe(Date.parse(at.deadlineAt));
    expect((await http.post(`/attempts/${at.id}/submit`, {}, r.token)).status).toBe(200);
    expect(await onSet(at.id)).toBeNull();
  });

  it('finalises an attempt once due, not before; one taken by a dead sweeper comes back after its lease', async () => {
    const { contest, round } = await liveQuiz(http, setup, { closesAt: iso(Date.now() + 2500), selection: [{ bankId: setup.bankId, count: 2 }] });
    const r = await entrant(http, contest.id);
    const at = (await http.post(`/rounds/${round.id}/attempts`, {}, r.token)).body;
    const deadline = Date.parse(at.deadlineAt);

    // Past the deadline but within the grace: not due yet.
    await sleep(deadline + 300 - Date.now());
    await sweeper.sweep();
    expect(await statusInDb(at.id)).toBe('in_progress');

    await sleep(deadline + graceMs + 200 - Date.now());
    // Another sweeper takes it with a 1 s lease, and dies before finalising it.
    const taken = await hot.takeDue(100, graceMs, 1000);
    expect(taken).toContain(at.id);
    expect(await sweeper.sweep()).toBe(0);
    expect(await statusInDb(at.id)).toBe('in_progress');

    await sleep(1100);
    expect(await sweeper.sweep()).toBeGreaterThanOrEqual(1);
    expect(await statusInDb(at.id)).toBe('expired');
    expect(await onSet(at.id)).toBeNull();
    // Finalised once: the resident's late submit gets the stored result.
    const late = expectError(await http.post(`/attempts/${at.id}/submit`, {}, r.token), 409);
    expect(late.code).toBe('deadline_passed');
  });

  it('a member due too early (the deadline moved) goes back at the attempt deadline, unfinalised', async () => {
    const { contest, round } = await liveQuiz(http, setup, { closesAt: iso(Date.now() + 60_000), selection: [{ bankId: setup.bankId, count: 2 }] });
    const r = await entrant(http, contest.id);
    const at = (await http.post(`/rounds/${round.id}/attempts`, {}, r.token)).body;
    await redis.zadd(hot.deadlineSetOf(at.id), Date.now() - 60_000, at.id);
    await sweeper.sweep();
    expect(await statusInDb(at.id)).toBe('in_progress');
    expect(await onSet(at.id)).toBe(Date.parse(at.deadlineAt));
  });
});
