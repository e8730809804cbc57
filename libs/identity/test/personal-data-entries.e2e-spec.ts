import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Http, startApi, TestApi } from '../../../test/harness';
import { loginAdmin, ok } from '../../../test/factories';
import { entrant, iso, liveQuiz, newContest, orgWithBank } from '../../contests/test/factories';
import { handInFile, pdfBytes } from '../../judging/test/judged-entries-helpers';
import { takeAttempt } from '../../judging/test/results-helpers';

/**
 * Issue 15: a resident's data export and erasure cover what they handed in to judged rounds
 * (text, link, file) and their places in published results, not only attempts.
 */
describe('personal data: judged entries and results', () => {
  const uploadDir = mkdtempSync(join(tmpdir(), 'lc-pd-uploads-'));
  let api: TestApi;
  let http: Http;
  let db: DataSource;

  beforeAll(async () => {
    api = await startApi({ UPLOAD_DIR: uploadDir });
    http = new Http(api.url);
    db = api.app.get(DataSource);
  });
  afterAll(() => api.close());

  it('GET /me/data lists them; DELETE /me erases the hand-in and its file, keeps the score without the person', async () => {
    const admin = await loginAdmin(http);
    const setup = await orgWithBank(http, admin, 6);
    const o = setup.organiser.token;
    const { contest, round: quiz } = await liveQuiz(http, setup, {}, { unitList: ['Phường Hạ Long'] });
    const r = await entrant(http, contest.id, { unit: 'Phường Hạ Long' });
    await takeAttempt(http, r.token, quiz.id, setup.questions, 4);
    await ok(http.post(`/rounds/${quiz.id}/close`, { force: true }, o), 'close');
    await ok(http.post(`/rounds/${quiz.id}/results/publish`, {}, o), 'publish results');

    const judgedContest = await newContest(http, setup.organiser, { title: 'Báo cáo viên pháp luật giỏi' });
    const judged = await ok(
      http.post(
        `/contests/${judgedContest.id}/rounds`,
        { title: 'Vòng bài viết', kind: 'judged', opensAt: iso(Date.now() - 1000), closesAt: iso(Date.now() + 3600_000) },
        o,
      ),
      'judged round',
    );
    await ok(http.post(`/contests/${judgedContest.id}/publish`, {}, o), 'publish contest');
    await ok(http.post(`/contests/${judgedContest.id}/register`, {}, r.token), 'register');
    const entry = await handInFile(
      http,
      judged.id,
      r.token,
      { bytes: pdfBytes('Đề cương'), name: 'de-cuong.pdf', type: 'application/pdf' },
      { text: 'Bài viết về phòng, chống tham nhũng', link: 'https://video.example.vn/bai-thuyet-trinh' },
    );
    expect(entry.status).toBe(201);

    const data = (await http.get('/me/data', r.token)).body;
    expect(data.judgedEntries).toEqual([
      expect.objectContaining({
        id: entry.body.id,
        roundId: judged.id,
        roundTitle: 'Vòng bài viết',
        text: 'Bài viết về phòng, chống tham nhũng',
        link: 'https://video.example.vn/bai-thuyet-trinh',
        file: expect.objectContaining({ name: 'de-cuong.pdf', type: 'application/pdf', url: `/api/v1/entries/${entry.body.id}/file` }),
      }),
    ]);
    expect((await http.get(`/entries/${entry.body.id}/file`, r.token)).status).toBe(200);
    expect(data.results).toEqual([
      expect.objectContaining({ roundId: quiz.id, rank: 1, score: 4, maxScore: 5, unit: 'Phường Hạ Long', publishedAt: expect.any(String) }),
    ]);

    const [{ file_key: fileKey }] = await db.query(`SELECT file_key FROM judged_entry WHERE id = $1`, [entry.body.id]);
    expect(existsSync(join(uploadDir, 'entries', fileKey))).toBe(true);
    expect((await http.req('DELETE', '/me', { body: { password: r.input.password }, token: r.token })).status).toBe(204);
    expect(await db.query(`SELECT text, link, file_key, file_name FROM judged_entry WHERE id = $1`, [entry.body.id])).toEqual([
      { text: null, link: null, file_key: null, file_name: null },
    ]);
    expect(existsSync(join(uploadDir, 'entries', fileKey))).toBe(false);
    expect(await db.query(`SELECT unit, score FROM result_entry WHERE user_id = $1`, [r.user.id])).toEqual([{ unit: null, score: '4.0000' }]);
  });
});
