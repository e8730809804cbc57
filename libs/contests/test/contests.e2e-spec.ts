import { DataSource } from 'typeorm';
import { expectError, Http, startApi, TestApi } from '../../../test/harness';
import { loginAdmin, newOrganisation, newResident, newStaff, Session } from '../../../test/factories';
import { entrant, iso, liveQuiz, newContest, orgWithBank, OrgSetup, quizRound } from './factories';

describe('contests, rounds, registration (real PostgreSQL + Redis + HTTP)', () => {
  let api: TestApi;
  let http: Http;
  let admin: Session;
  let setup: OrgSetup;

  beforeAll(async () => {
    api = await startApi();
    http = new Http(api.url);
    admin = await loginAdmin(http);
    setup = await orgWithBank(http, admin, 8);
  });
  afterAll(() => api.close());

  describe('contests', () => {
    it('creates a draft with a slug from the title, visible to its organisation only until published', async () => {
      const c = await newContest(http, setup.organiser, { title: 'Tìm hiểu pháp luật về bầu cử đại biểu Quốc hội' });
      expect(c).toEqual(expect.objectContaining({ status: 'draft', organisationId: setup.org.id }));
      expect(c.slug).toMatch(/^tim-hieu-phap-luat-ve-bau-cu-dai-bieu-quoc-hoi/);

      const resident = await newResident(http);
      expectError(await http.get(`/contests/${c.id}`, resident.token), 404);
      expectError(await http.get(`/contests/${c.slug}`), 404);
      const other = await newStaff(http, admin, 'organiser', (await newOrganisation(http, admin)).id);
      expectError(await http.get(`/contests/${c.id}`, other.token), 404);
      expectError(await http.patch(`/contests/${c.id}`, { title: 'Chiếm quyền' }, other.token), 404);
      expect((await http.get('/contests?limit=200', other.token)).body.items.map((x: any) => x.id)).not.toContain(c.id);
      expect((await http.get('/contests?limit=200', setup.organiser.token)).body.items.map((x: any) => x.id)).toContain(c.id);

      expect(expectError(await http.post('/contests', { title: 'Trùng slug', slug: c.slug }, setup.organiser.token), 409).code).toBe('slug_taken');
      expect(expectError(await http.post('/contests', { title: 'Không có tổ chức' }, admin.token), 400).code).toBe('organisation_required');
      expectError(await http.post('/contests', { title: 'Cư dân' }, resident.token), 403);
      expectError(await http.post('/contests', { title: 'x', unknownField: 1 }, setup.organiser.token), 400);
    });

    it('publishes: validates rounds, freezes pools, then everyone sees it by id or slug', async () => {
      const c = await newContest(http, setup.organiser);
      expect(expectError(await http.post(`/contests/${c.id}/publish`, {}, setup.organiser.token), 400).code).toBe('contest_has_no_rounds');
      const tooMany = await http.post(
        `/contests/${c.id}/rounds`,
        quizRound(setup.bankId, { selection: [{ bankId: setup.bankId, count: 50 }] }),
        setup.organiser.token,
      );
      expect(tooMany.status).toBe(201);
      const refused = expectError(await http.post(`/contests/${c.id}/publish`, {}, setup.organiser.token), 400);
      expect(refused.message).toMatch(/selection|questions/);
      expect((await http.get(`/contests/${c.id}`, setup.organiser.token)).body.status).toBe('draft');

      expect((await http.patch(`/rounds/${tooMany.body.id}`, { selection: [{ bankId: setup.bankId, count: 4 }] }, setup.organiser.token)).status).toBe(200);
      const pub = await http.post(`/contests/${c.id}/publish`, {}, setup.organiser.token);
      expect(pub.status).toBe(200);
      expect(pub.body.status).toBe('published');
      expect(expectError(await http.post(`/contests/${c.id}/publish`, {}, setup.organiser.token), 409).code).toBe('contest_not_draft');

      const pool = await api.app.get(DataSource).query('SELECT count(*)::int AS n FROM round_question WHERE round_id = $1', [tooMany.body.id]);
      expect(pool[0].n).toBe(8);
      const resident = await newResident(http);
      const bySlug = await http.get(`/contests/${c.slug}`, resident.token);
      expect(bySlug.body.id).toBe(c.id);
      const rounds = await http.get(`/contests/${c.slug}/rounds`);
      expect(rounds.body).toHaveLength(1);
      expect(rounds.body[0]).toEqual(expect.objectContaining({ questionCount: 4, timeZone: 'Asia/Ho_Chi_Minh' }));
      // A worker of a parallel suite may already have opened it (it opened a second ago).
      expect(['scheduled', 'open']).toContain(rounds.body[0].status);
      expect(rounds.body[0].opensAtLocal).toMatch(/\+07:00$/);
      // Residents do not see how questions are drawn.
      expect(rounds.body[0].selection).toBeUndefined();
      expect((await http.get(`/rounds/${tooMany.body.id}`, setup.organiser.token)).body.selection).toEqual([{ bankId: setup.bankId, count: 4 }]);
    });

    it('refuses bad round settings with the field named', async () => {
      const c = await newContest(http, setup.organiser);
      const now = Date.now();
      const cases: [Record<string, unknown>, string][] = [
        [{ opensAt: iso(now + 7200_000), closesAt: iso(now + 3600_000) }, 'closesAt'],
        [{ durationSeconds: 5 }, 'durationSeconds'],
        [{ durationSeconds: 86401 }, 'durationSeconds'],
        [{ maxAttempts: 0 }, 'maxAttempts'],
        [{ selection: [] }, 'selection'],
        [{ opensAt: '2026-05-04 08:00' }, 'opensAt'],
        [{ leaderboard: { visibility: 'frozen' } }, 'leaderboard.freezeAt'],
        [{ advancement: { mode: 'top' } }, 'advancement.topN'],
        [{ entry: 'enrolled' }, 'entry'],
      ];
      for (const [over, field] of cases) {
        const r = expectError(await http.post(`/contests/${c.id}/rounds`, quizRound(setup.bankId, over), setup.organiser.token), 400);
        expect(JSON.stringify(r.details)).toContain(field);
      }
      const noDuration = quizRound(setup.bankId) as Record<string, unknown>;
      delete noDuration.durationSeconds;
      expectError(await http.post(`/contests/${c.id}/rounds`, noDuration, setup.organiser.token), 400);
    });

    it('locks what entrants face once a round opens; safe fields still change', async () => {
      const { contest, round } = await liveQuiz(http, setup, { closesAt: iso(Date.now() + 3600_000) });
      const o = setup.organiser.token;
      const title = await http.patch(`/rounds/${round.id}`, { title: 'Tuần 1 (đã sửa)', prizes: [{ name: 'Giải Nhất', count: 1 }] }, o);
      expect(title.status).toBe(200);
      expect(title.body.title).toBe('Tuần 1 (đã sửa)');
      const later = await http.patch(`/rounds/${round.id}`, { closesAt: iso(Date.now() + 7200_000), maxAttempts: 2 }, o);
      expect(later.status).toBe(200);
      for (const body of [
        { durationSeconds: 30 },
        { selection: [{ bankId: setup.bankId, count: 3 }] },
        { closesAt: iso(Date.now() + 600_000) },
        { maxAttempts: 1 },
        { partialCredit: true },
      ]) {
        const r = expectError(await http.patch(`/rounds/${round.id}`, body, o), 409);
        expect(r.code).toBe('round_locked');
      }
      expect((await http.get(`/contests/${contest.id}/rounds`, o)).body[0].durationSeconds).toBe(600);
    });

    it('deletes a round nobody can have entered (draft, or scheduled before it opens), never one that has opened', async () => {
      const o = setup.organiser.token;
      const draft = await newContest(http, setup.organiser);
      const first = (await http.post(`/contests/${draft.id}/rounds`, quizRound(setup.bankId), o)).body;
      const second = (await http.post(`/contests/${draft.id}/rounds`, quizRound(setup.bankId, { title: 'Tuần 2' }), o)).body;
      const other = await newStaff(http, admin, 'organiser', (await newOrganisation(http, admin)).id);
      expectError(await http.delete(`/rounds/${first.id}`, other.token), 404);
      expect((await http.delete(`/rounds/${first.id}`, o)).status).toBe(204);
      expect((await http.get(`/contests/${draft.id}/rounds`, o)).body.map((r: { id: string }) => r.id)).toEqual([second.id]);
      expectError(await http.get(`/rounds/${first.id}`, o), 404);

      const future = await liveQuiz(http, setup, { opensAt: iso(Date.now() + 3600_000), closesAt: iso(Date.now() + 7200_000) });
      expect((await http.delete(`/rounds/${future.round.id}`, o)).status).toBe(204);

      const { round } = await liveQuiz(http, setup);
      const r = expectError(await http.delete(`/rounds/${round.id}`, o), 409);
      expect(r.code).toBe('round_not_deletable');
      expect((await http.get(`/rounds/${round.id}`, o)).status).toBe(200);
    });

    it('closes a contest only when no round is running, then archives it', async () => {
      const { contest } = await liveQuiz(http, setup);
      expect(expectError(await http.post(`/contests/${contest.id}/close`, {}, setup.organiser.token), 409).code).toBe('rounds_running');
      const future = await liveQuiz(http, setup, { opensAt: iso(Date.now() + 3600_000), closesAt: iso(Date.now() + 7200_000) });
      expect(expectError(await http.post(`/contests/${future.contest.id}/archive`, {}, setup.organiser.token), 409).code).toBe('contest_not_closed');
      const closed = await http.post(`/contests/${future.contest.id}/close`, {}, setup.organiser.token);
      expect(closed.body.status).toBe('closed');
      expect((await http.get(`/rounds/${future.round.id}`, setup.organiser.token)).body.status).toBe('closed');
      expect((await http.post(`/contests/${future.contest.id}/archive`, {}, setup.organiser.token)).body.status).toBe('archived');
      expectError(await http.get(`/contests/${future.contest.id}`), 404);
    });
  });

  describe('both contest shapes in SPEC.md', () => {
    it('sets up the weekly election-law contest: several rounds, best of 3, prediction, prizes, frozen board', async () => {
      const o = setup.organiser.token;
      const c = await newContest(http, setup.organiser, {
        title: 'Tìm hiểu pháp luật về bầu cử đại biểu Quốc hội và HĐND các cấp',
        unitList: ['Xã Yên Lạc', 'Phường Hạ Long', 'Sở Tư pháp'],
        requiredFields: ['unit', 'commune'],
      });
      const week = 7 * 86400_000;
      const start = Date.now() + 3600_000;
      for (let w = 0; w < 3; w++) {
        const r = await http.post(
          `/contests/${c.id}/rounds`,
          quizRound(setup.bankId, {
            title: `Tuần ${w + 1}`,
            opensAt: iso(start + w * week),
            closesAt: iso(start + (w + 1) * week - 1000),
            durationSeconds: 1200,
            maxAttempts: 3,
            attemptScoring: 'best',
            selection: [
              { bankId: setup.bankId, count: 3, difficulty: 1 },
              { bankId: setup.bankId, count: 2 },
            ],
            shuffleQuestions: true,
            shuffleOptions: true,
            predictionQuestion: { prompt: 'Dự đoán số người trả lời đúng tất cả các câu hỏi tuần này', target: 'perfect-score-entrants' },
            leaderboard: { visibility: 'frozen', freezeAt: iso(start + (w + 1) * week - 86400_000) },
            prizes: [
              { name: 'Giải Nhất', count: 1 },
              { name: 'Giải Nhì', count: 2 },
              { name: 'Giải Ba', count: 3 },
              { name: 'Giải Khuyến khích', count: 10 },
            ],
          }),
          o,
        );
        expect(r.status).toBe(201);
        expect(r.body.seq).toBe(w + 1);
      }
      const pub = await http.post(`/contests/${c.id}/publish`, {}, o);
      expect(pub.status).toBe(200);
      const rounds = (await http.get(`/contests/${c.id}/rounds`)).body;
      expect(rounds.map((r: any) => [r.title, r.status, r.maxAttempts, r.prizes.length])).toEqual([
        ['Tuần 1', 'scheduled', 3, 4],
        ['Tuần 2', 'scheduled', 3, 4],
        ['Tuần 3', 'scheduled', 3, 4],
      ]);
      expect(rounds[0].predictionQuestion.prompt).toMatch(/Dự đoán/);
      expect(rounds[0].leaderboard.visibility).toBe('frozen');
    });

    it('sets up the rapporteur competition: objective round 1, top N advance to a judged round for enrolled entrants', async () => {
      const o = setup.organiser.token;
      const c = await newContest(http, setup.organiser, {
        title: 'Báo cáo viên, tuyên truyền viên pháp luật giỏi về phòng, chống tham nhũng',
        requiredFields: ['unit', 'position'],
      });
      const r1 = await http.post(
        `/contests/${c.id}/rounds`,
        quizRound(setup.bankId, { title: 'Vòng 1: trắc nghiệm', advancement: { mode: 'top', topN: 10 } }),
        o,
      );
      const r2 = await http.post(
        `/contests/${c.id}/rounds`,
        {
          title: 'Vòng 2: thuyết trình',
          kind: 'judged',
          opensAt: iso(Date.now() + 86400_000),
          closesAt: iso(Date.now() + 3 * 86400_000),
          entry: 'enrolled',
          advancement: { mode: 'picked' },
        },
        o,
      );
      expect(r1.status).toBe(201);
      expect(r2.status).toBe(201);
      expect(r2.body).toEqual(expect.objectContaining({ kind: 'judged', entry: 'enrolled', seq: 2 }));
      expect((await http.post(`/contests/${c.id}/publish`, {}, o)).status).toBe(200);

      const judge = await newStaff(http, admin, 'judge', setup.org.id);
      const assigned = await http.post(`/rounds/${r2.body.id}/judges`, { userId: judge.user.id }, o);
      expect(assigned.status).toBe(201);
      expect(assigned.body.userId).toBe(judge.user.id);
      expect((await http.get(`/rounds/${r2.body.id}/judges`, judge.token)).body.map((j: any) => j.userId)).toEqual([judge.user.id]);
      const foreignJudge = await newStaff(http, admin, 'judge', (await newOrganisation(http, admin)).id);
      expect(expectError(await http.post(`/rounds/${r2.body.id}/judges`, { userId: foreignJudge.user.id }, o), 400).code).toBe('not_a_judge');
      const resident = await newResident(http);
      expect(expectError(await http.post(`/rounds/${r2.body.id}/judges`, { userId: resident.user.id }, o), 400).code).toBe('not_a_judge');
      expectError(await http.post(`/rounds/${r2.body.id}/judges`, { userId: judge.user.id }, judge.token), 403);
    });
  });

  describe('registration', () => {
    it('takes the fields the contest requires, the unit from its list', async () => {
      const { contest } = await liveQuiz(
        http,
        setup,
        {},
        { unitList: ['Ủy ban nhân dân xã Yên Lạc', 'Đoàn Thanh niên'], requiredFields: ['unit', 'position', 'commune'] },
      );
      const r = await newResident(http, { unit: 'Không có trong danh sách' });
      const t = r.token;
      let e = expectError(await http.post(`/contests/${contest.id}/register`, {}, t), 400);
      expect(e.code).toBe('registration_invalid');
      expect(e.details.map((d: any) => d.field).sort()).toEqual(['fields.position', 'unit']);
      e = expectError(await http.post(`/contests/${contest.id}/register`, { unit: 'Hội Nông dân', fields: { position: 'Cán bộ' } }, t), 400);
      expect(e.message).toMatch(/unit list/);
      e = expectError(
        await http.post(`/contests/${contest.id}/register`, { unit: 'Đoàn Thanh niên', fields: { position: 'Cán bộ', nationalId: '001234567890' } }, t),
        400,
      );
      expect(e.details[0].field).toBe('fields.nationalId');

      const ok = await http.post(`/contests/${contest.id}/register`, { unit: 'uy ban nhan dan xa yen lac', fields: { position: 'Báo cáo viên' } }, t);
      expect(ok.status).toBe(201);
      expect(ok.body.unit).toBe('Ủy ban nhân dân xã Yên Lạc');
      expect(ok.body.fields).toEqual({ unit: 'Ủy ban nhân dân xã Yên Lạc', position: 'Báo cáo viên', commune: 'Phường Hạ Long' });
      expect(expectError(await http.post(`/contests/${contest.id}/register`, { unit: 'Đoàn Thanh niên', fields: { position: 'x' } }, t), 409).code).toBe(
        'already_registered',
      );
      expect((await http.get(`/contests/${contest.id}/registration`, t)).body.id).toBe(ok.body.id);
      const list = await http.get(`/contests/${contest.id}/registrations`, setup.organiser.token);
      expect(list.body.total).toBe(1);
      expect(list.body.items[0].userId).toBe(r.user.id);
      expectError(await http.get(`/contests/${contest.id}/registrations`, t), 403);
    });

    it('only residents register, only for published contests', async () => {
      const draft = await newContest(http, setup.organiser);
      const r = await newResident(http);
      expectError(await http.post(`/contests/${draft.id}/register`, {}, r.token), 404);
      const { contest } = await liveQuiz(http, setup);
      expectError(await http.post(`/contests/${contest.id}/register`, {}, setup.organiser.token), 403);
      const reg = await entrant(http, contest.id);
      expect((await http.get(`/contests/${contest.id}/registration`, reg.token)).status).toBe(200);
    });
  });
});
