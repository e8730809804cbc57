import { Socket } from 'socket.io-client';
import { startApi, TestApi } from '../../../test/harness';
import { loginAdmin } from '../../../test/factories';
import { entrant, liveQuiz, orgWithBank, OrgSetup } from '../../contests/test/factories';
import { connect, connected } from '../../leaderboard/test/helpers';
import { answerBody, QuestionView, RecordingHttp } from './helpers';

type Ack = { ok: true; questionId: string; seq: number; savedAt: string } | { ok: false; error: Record<string, unknown> };

/** `attempt:answer` on /live: the autosave over the attempt page's socket, the same store and refusals as the PUT. */
describe('answers over the /live socket', () => {
  let api: TestApi;
  let http: RecordingHttp;
  let setup: OrgSetup;
  const sockets: Socket[] = [];
  const open = async (token: string) => {
    const s = connect(api.url, { token });
    sockets.push(s);
    await connected(s);
    return s;
  };
  const send = (s: Socket, body: unknown) => s.timeout(5000).emitWithAck('attempt:answer', body) as Promise<Ack>;
  const withoutRequestId = ({ requestId: _, ...rest }: Record<string, unknown>) => rest;

  beforeAll(async () => {
    api = await startApi();
    http = new RecordingHttp(api.url);
    setup = await orgWithBank(http, await loginAdmin(http), 4, ['single', 'numeric']);
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await api.close();
  });

  it('saves what the resident answers, and the submit scores it', async () => {
    const { contest, round } = await liveQuiz(http, setup, { selection: [{ bankId: setup.bankId, count: 4 }], durationSeconds: 300 });
    const r = await entrant(http, contest.id);
    const at = (await http.post(`/rounds/${round.id}/attempts`, {}, r.token)).body as { id: string; questions: QuestionView[] };
    const s = await open(r.token);
    for (const [i, q] of at.questions.entries()) {
      const ack = await send(s, { attemptId: at.id, questionId: q.id, ...answerBody(q, setup.questions, i < 3), seq: 5 });
      expect(ack).toEqual({ ok: true, questionId: q.id, seq: 5, savedAt: expect.any(String) });
    }
    // The attempt as a reload shows it: every answer there, with its seq.
    const view = (await http.get(`/attempts/${at.id}`, r.token)).body as { answers: Record<string, { seq?: number }> };
    expect(Object.keys(view.answers).sort()).toEqual(at.questions.map((q) => q.id).sort());
    const submitted = await http.post(`/attempts/${at.id}/submit`, {}, r.token);
    expect(submitted.status).toBe(200);
    expect(submitted.body.score).toBe(3);
  });

  it('refuses exactly as PUT /attempts/:id/answers/:questionId does', async () => {
    const { contest, round } = await liveQuiz(http, setup, { selection: [{ bankId: setup.bankId, count: 4 }], durationSeconds: 300 });
    const r = await entrant(http, contest.id);
    const other = await entrant(http, contest.id);
    const at = (await http.post(`/rounds/${round.id}/attempts`, {}, r.token)).body as { id: string; questions: QuestionView[] };
    const q = at.questions.find((x) => x.options.length)!;
    const mine = await open(r.token);
    expect((await send(mine, { attemptId: at.id, questionId: q.id, optionIds: [q.options[0].id], seq: 9 })).ok).toBe(true);

    const cases: {
      who: 'mine' | 'other' | 'organiser';
      attemptId: string;
      questionId: string;
      change: Record<string, unknown>;
      status: number;
      code: string;
    }[] = [
      { who: 'mine', attemptId: at.id, questionId: q.id, change: { optionIds: ['a1'], colour: 'red' }, status: 400, code: 'validation_failed' },
      { who: 'mine', attemptId: at.id, questionId: q.id, change: { optionIds: ['a1'], value: 3 }, status: 400, code: 'answer_invalid' },
      { who: 'mine', attemptId: at.id, questionId: q.id, change: { optionIds: ['zz'] }, status: 400, code: 'unknown_option' },
      { who: 'mine', attemptId: at.id, questionId: q.id, change: { seq: -1, optionIds: [] }, status: 400, code: 'validation_failed' },
      { who: 'mine', attemptId: at.id, questionId: q.id, change: { optionIds: [q.options[0].id], seq: 9 }, status: 409, code: 'stale_answer' },
      { who: 'mine', attemptId: at.id, questionId: `${q.id} x`, change: { optionIds: [] }, status: 404, code: 'not_found' },
      { who: 'other', attemptId: at.id, questionId: q.id, change: { optionIds: [] }, status: 404, code: 'not_found' },
      { who: 'organiser', attemptId: at.id, questionId: q.id, change: { optionIds: [] }, status: 403, code: 'forbidden' },
    ];
    const socketOf = { mine, other: await open(other.token), organiser: await open(setup.organiser.token) };
    const tokenOf = { mine: r.token, other: other.token, organiser: setup.organiser.token };
    for (const c of cases) {
      const ack = await send(socketOf[c.who], { attemptId: c.attemptId, questionId: c.questionId, ...c.change });
      const put = await http.put(`/attempts/${c.attemptId}/answers/${encodeURIComponent(c.questionId)}`, c.change, tokenOf[c.who]);
      expect(ack.ok).toBe(false);
      if (ack.ok) continue;
      expect({ case: c, body: withoutRequestId(ack.error) }).toEqual({ case: c, body: withoutRequestId(put.body) });
      expect(ack.error).toEqual(expect.objectContaining({ statusCode: c.status, code: c.code }));
    }
    // What only the socket can get wrong: the ids it carries in the body.
    for (const body of [
      null,
      'x',
      [],
      { questionId: q.id, optionIds: [] },
      { attemptId: 'nope', questionId: q.id, optionIds: [] },
      { attemptId: at.id, questionId: 7 },
    ]) {
      const ack = await send(mine, body);
      expect(ack).toEqual({ ok: false, error: expect.objectContaining({ statusCode: 400, code: 'validation_failed', details: expect.any(Array) }) });
    }
  });
});
