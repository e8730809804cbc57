import { DataSource } from 'typeorm';
import { dropRedisPrefix } from '../../../scripts/lib/scratch-db';
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
 * the sweeper itself, on a Redis prefix of its own.
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
    // Its own Redis prefix: no other suite's worker sweeps this deadline set.
    api = await startApi({ REDIS_PREFIX: `${process.env.REDIS_PREFIX}ds` });
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
    await dropRedisPrefix(process.env.REDIS_URL!, `${process.env.REDIS_PREFIX}ds`);
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

  it('finalises an attempt once due, not before, and takes it off the set', async () => {
    const { contest, round } = await liveQuiz(http, setup, { closesAt: iso(Date.now() + 2500), selection: [{ bankId: setup.bankId, count: 2 }] });
    const r = await entrant(http, contest.id);
    const at = (await http.post(`/rounds/${round.id}/attempts`, {}, r.token)).body;
    const deadline = Date.parse(at.deadlineAt);

    // Past the deadline but within the grace: not due yet.
    await sleep(deadline + 300 - Date.now());
    await sweeper.sweep();
    expect(await statusInDb(at.id)).toBe('in_progress');
    expect(await onSet(at.id)).toBe(deadline);

    await sleep(deadline + graceMs + 200 - Date.now());
    await sweeper.sweep();
    // (Another suite's worker may run the SQL sweeper on the shared database: expired either way, once.)
    expect(await statusInDb(at.id)).toBe('expired');
    expect(await onSet(at.id)).toBeNull();
    const late = expectError(await http.post(`/attempts/${at.id}/submit`, {}, r.token), 409);
    expect(late.code).toBe('deadline_passed');
  });

  it('an attempt taken by a sweeper that died comes back due once its lease lapses', async () => {
    const { contest, round } = await liveQuiz(http, setup, { closesAt: iso(Date.now() + 60_000), selection: [{ bankId: setup.bankId, count: 2 }] });
    const r = await entrant(http, contest.id);
    const at = (await http.post(`/rounds/${round.id}/attempts`, {}, r.token)).body;
    // Due now on the set (its real deadline is a minute away: nothing finalises it meanwhile).
    await redis.zadd(hot.deadlineSetOf(at.id), Date.now() - graceMs - 1000, at.id);
    // Another sweeper takes it with a 1 s lease, and dies before settling it.
    expect(await hot.takeDue(100, graceMs, 1000)).toContain(at.id);
    const leased = await onSet(at.id);
    expect(leased).toBeGreaterThan(Date.now() - graceMs);
    await sweeper.sweep();
    expect(await onSet(at.id)).toBe(leased); // not due while leased: the live sweeper leaves it
    await sleep(1100);
    await sweeper.sweep();
    // Taken again, found early (the deadline is ahead), and put back at the attempt's deadline.
    expect(await onSet(at.id)).toBe(Date.parse(at.deadlineAt));
    expect(await statusInDb(at.id)).toBe('in_progress');
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
