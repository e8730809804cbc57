import { Socket } from 'socket.io-client';
import { LeaderboardService } from '@lc/leaderboard';
import { Http, startApi, TestApi } from '../../../test/harness';
import { loginAdmin } from '../../../test/factories';
import { entrant, liveQuiz, orgWithBank, OrgSetup } from '../../contests/test/factories';
import { FULL_PASS_EVERY, RankPusher } from '../src/live/rank-pusher.service';
import { collect, connect, connected, enter, until } from './helpers';

/**
 * rank:update's passes (issue 18): a watcher off the board costs no rank lookup per second —
 * only an entry of their own puts them on it, and that names them — but every FULL_PASS_EVERY
 * passes they are looked up all the same (a board rebuilt from PostgreSQL).
 */
describe('rank passes skip watchers off the board (real Redis, PostgreSQL, sockets)', () => {
  let api: TestApi;
  let http: Http;
  let setup: OrgSetup;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    api = await startApi();
    http = new Http(api.url);
    setup = await orgWithBank(http, await loginAdmin(http), 6);
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await api.close();
  });

  it('looks a watcher off the board up only when named or on a full pass; their own entry still pushes their rank', async () => {
    const { round, contest } = await liveQuiz(http, setup, { maxAttempts: 2 });
    const leader = await entrant(http, contest.id);
    const watcher = await entrant(http, contest.id);
    await enter(http, leader, round.id, setup.questions, 2);
    const s = connect(api.url, { token: watcher.token });
    sockets.push(s);
    await connected(s);
    const joined = await s.timeout(5000).emitWithAck('leaderboard:join', { roundId: round.id });
    expect(joined.me).toEqual(expect.objectContaining({ rank: null }));
    const ranks = collect(s, 'rank:update');

    const pusher = api.app.get(RankPusher);
    const lookups = jest.spyOn(api.app.get(LeaderboardService), 'ranksOf');
    const looked = () => lookups.mock.calls.flatMap(([, , users]) => users as string[]);
    try {
      // The ticker's own passes (the leader's entry made the round dirty) are over by now.
      await new Promise((r) => setTimeout(r, 1500));
      // Passes until a full one (the ticker's passes count too, hence the margin).
      for (let i = 0; i < 3 * FULL_PASS_EVERY; i++) {
        lookups.mockClear();
        await pusher.push(round.id, []);
        if (looked().includes(watcher.user.id)) break;
      }
      // The full pass looked them up; the next one does not.
      expect(looked()).toContain(watcher.user.id);
      lookups.mockClear();
      await pusher.push(round.id, []);
      expect(looked()).not.toContain(watcher.user.id);
      // Named by an entry of their own: looked up, and the rank goes out.
      await pusher.push(round.id, [watcher.user.id]);
      expect(looked()).toContain(watcher.user.id);
    } finally {
      lookups.mockRestore();
    }
    await enter(http, watcher, round.id, setup.questions, 4);
    expect(await until(ranks, (u: any) => u.rank === 1, 4000)).toEqual(expect.objectContaining({ roundId: round.id, rank: 1, score: 4 }));
  });
});
