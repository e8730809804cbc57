import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { JudgedStandings } from '@lc/judging';
import { expectError, Http, startApi, TestApi } from '../../../test/harness';
import { loginAdmin, newOrganisation, newResident, newStaff, ok, Session } from '../../../test/factories';
import { entrant, iso, liveQuiz, newContest, orgWithBank, sleep } from '../../contests/test/factories';
import { answerAll } from '../../attempts/test/helpers';
import { docxBytes, handInFile, marksFor, mp4Bytes, pdfBytes, pptxBytes, RUBRIC, zipBytes } from './judged-entries-helpers';

/**
 * One judged round of the rapporteur competition, in order: hand-ins while it is open,
 * then (after closesAt) five judges marking blind, a recusal, the head judge reconciling,
 * penalties, and who may see what.
 */
describe('judged rounds: entries, jury marks, recusal and reconciliation', () => {
  const uploadDir = mkdtempSync(join(tmpdir(), 'lc-j2-uploads-'));
  const MAX = 64 * 1024;
  let api: TestApi;
  let http: Http;
  let db: DataSource;
  let admin: Session;
  let organiser: Session;
  let otherOrganiser: Session;
  let judges: Session[];
  let head: Session;
  let outsider: Session; // a judge of the organisation, not on this jury
  let roundId: string;
  let closesAt: number;
  const people: Record<'a' | 'b' | 'c', Session> = {} as never;
  const entries: Record<'a' | 'b' | 'c', string> = {} as never;

  const entryFiles = () => readdirSync(join(uploadDir, 'entries'));
  const audit = (entityId: string, action: string) =>
    db.query(`SELECT actor_id, action, before, after, reason FROM audit_log WHERE entity_id = $1 AND action = $2 ORDER BY at`, [entityId, action]);
  const score = (j: Session, entryId: string, total: number, comment = 'Nhận xét') =>
    http.post(`/entries/${entryId}/scores`, { scores: marksFor(total), comment }, j.token);

  beforeAll(async () => {
    api = await startApi({ UPLOAD_DIR: uploadDir, ENTRY_MAX_BYTES: String(MAX) });
    http = new Http(api.url);
    db = api.app.get(DataSource);
    admin = await loginAdmin(http);
    const org = await newOrganisation(http, admin);
    organiser = await newStaff(http, admin, 'organiser', org.id);
    judges = [];
    for (let i = 0; i < 5; i++) judges.push(await newStaff(http, admin, 'judge', org.id));
    head = await newStaff(http, admin, 'judge', org.id);
    outsider = await newStaff(http, admin, 'judge', org.id);
    otherOrganiser = await newStaff(http, admin, 'organiser', (await newOrganisation(http, admin)).id);

    const c = await newContest(http, organiser, { title: 'Báo cáo viên pháp luật giỏi về phòng, chống tham nhũng' });
    closesAt = Date.now() + 20_000;
    const round = await ok(
      http.post(
        `/contests/${c.id}/rounds`,
        { title: 'Vòng thi thuyết trình', kind: 'judged', opensAt: iso(Date.now() - 1000), closesAt: iso(closesAt) },
        organiser.token,
      ),
      'judged round',
    );
    roundId = round.id;
    await ok(http.post(`/contests/${c.id}/publish`, {}, organiser.token), 'publish');
    for (const k of ['a', 'b', 'c'] as const) people[k] = await entrant(http, c.id);
    for (const j of judges) await ok(http.post(`/rounds/${roundId}/judges`, { userId: j.user.id }, organiser.token), 'assign judge');
  });
  afterAll(() => api.close());

  it('takes an entry as JSON, replaces it, and refuses what is not an entry', async () => {
    const a = people.a.token;
    expectError(await http.get(`/rounds/${roundId}/my-entry`, a), 404);
    const first = await http.post(
      `/rounds/${roundId}/entries`,
      { text: '  Đề cương báo cáo: Luật Phòng, chống tham nhũng 2018  ', link: 'https://video.example.vn/bai-thi' },
      people.b.token,
    );
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      roundId,
      userId: people.b.user.id,
      text: 'Đề cương báo cáo: Luật Phòng, chống tham nhũng 2018',
      link: 'https://video.example.vn/bai-thi',
      file: null,
      version: 1,
    });
    entries.b = first.body.id;
    const again = await http.post(`/rounds/${roundId}/entries`, { text: 'Bản sửa' }, people.b.token);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: entries.b, text: 'Bản sửa', link: null, version: 2 });
    expect((await http.get(`/rounds/${roundId}/my-entry`, people.b.token)).body.id).toBe(entries.b);

    const bad = async (body: unknown, field: string) =>
      expect(expectError(await http.post(`/rounds/${roundId}/entries`, body, a), 400).details.map((d: any) => d.field)).toContain(field);
    await bad({ link: 'javascript:alert(1)' }, 'link');
    await bad({}, 'body');
    await bad({ text: 'x', path: '/etc/passwd' }, 'path');
    await bad({ text: 'x'.repeat(50_001) }, 'text');

    // Only registered entrants, only residents, only judged rounds.
    const stranger = await newResident(http);
    expect(expectError(await http.post(`/rounds/${roundId}/entries`, { text: 'x' }, stranger.token), 403).code).toBe('not_registered');
    expectError(await http.post(`/rounds/${roundId}/entries`, { text: 'x' }, organiser.token), 403);
  });

  it('stores a file under a random name after checking its bytes, and refuses bad files', async () => {
    const a = people.a.token;
    const pdf = pdfBytes();
    const up = await handInFile(http, roundId, a, { bytes: pdf, name: '../../../etc/Đề cương <cuối>.pdf', type: 'text/html' }, { text: 'Tóm tắt' });
    expect(up.status).toBe(201);
    expect(up.body.file).toMatchObject({ name: 'Đề cương cuối.pdf', type: 'application/pdf', size: pdf.length, url: `/api/v1/entries/${up.body.id}/file` });
    expect(up.body.text).toBe('Tóm tắt');
    entries.a = up.body.id;
    expect(entryFiles()).toEqual([expect.stringMatching(/^[a-f0-9]{32}$/)]);

    const got = await fetch(`${api.url}/api/v1/entries/${entries.a}/file`, { headers: { authorization: `Bearer ${a}` } });
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(got.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(Buffer.from(await got.arrayBuffer()).equals(pdf)).toBe(true);

    // Sniffed, whatever the name says: slides, a Word file, a video.
    expect((await handInFile(http, roundId, people.c.token, { bytes: pptxBytes(), name: 'slides.pdf' })).body.file).toMatchObject({
      type: expect.stringContaining('presentationml'),
      name: 'slides.pptx',
    });
    expect((await handInFile(http, roundId, people.c.token, { bytes: mp4Bytes(), name: 'video' })).body.file).toMatchObject({
      type: 'video/mp4',
      name: 'video.mp4',
    });
    const docx = await handInFile(http, roundId, people.c.token, { bytes: docxBytes(), name: 'bai-du-thi.docx' });
    expect(docx.status).toBe(200);
    expect(docx.body).toMatchObject({ version: 3, file: { type: expect.stringContaining('wordprocessingml') } });
    entries.c = docx.body.id;
    expect(entryFiles()).toHaveLength(2); // replaced files are removed

    const refuse = async (bytes: Buffer, name: string, status: number, code: string) => {
      const r = await handInFile(http, roundId, people.c.token, { bytes, name });
      expect(expectError(r, status).code).toBe(code);
    };
    await refuse(Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]), 'slides.pptx', 415, 'unsupported_file_type');
    await refuse(Buffer.from('<html><script>alert(1)</script></html>'), 'bai.pdf', 415, 'unsupported_file_type');
    await refuse(docxBytes({ 'word/vbaProject.bin': 'macro' }), 'bai.docx', 415, 'unsupported_file_type');
    await refuse(zipBytes({ 'a.txt': 'x' }), 'bai.zip', 415, 'unsupported_file_type');
    await refuse(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'bai.doc', 415, 'unsupported_file_type');
    await refuse(Buffer.alloc(0), 'bai.pdf', 400, 'file_empty');
    await refuse(Buffer.concat([pdfBytes(), Buffer.alloc(MAX)]), 'big.pdf', 413, 'file_too_large');
    expect(expectError(await handInFile(http, roundId, people.c.token, { bytes: pdfBytes(), name: 'x.pdf' }, {}, 'attachment'), 400).code).toBe(
      'file_required',
    );
    expect(expectError(await handInFile(http, roundId, people.c.token, { bytes: pdfBytes(), name: 'x.pdf' }, { link: 'file:///etc/passwd' }), 400).code).toBe(
      'invalid_entry',
    );
    // None of the refused uploads left anything behind, and the entry is unchanged.
    expect(entryFiles()).toHaveLength(2);
    expect((await http.get(`/rounds/${roundId}/my-entry`, people.c.token)).body.version).toBe(3);
  });

  it('lets the author, the organisers and the jury read an entry; nobody else', async () => {
    const url = `/entries/${entries.a}`;
    expect((await http.get(url, people.a.token)).status).toBe(200);
    expect((await http.get(url, organiser.token)).status).toBe(200);
    expect((await http.get(url, judges[0].token)).status).toBe(200);
    expect((await http.get(`${url}/file`, judges[0].token)).status).toBe(200);
    expectError(await http.get(url, people.b.token), 404);
    expectError(await http.get(`${url}/file`, people.b.token), 404);
    expectError(await http.get(url, otherOrganiser.token), 404);
    expectError(await http.get(`${url}/file`, otherOrganiser.token), 404);
    expectError(await http.get(url, outsider.token), 403);
    expectError(await http.get(`${url}/file`, outsider.token), 403);
    expectError(await http.get(`/entries/${entries.b}/file`, people.b.token), 404); // no file
  });

  it('takes jury settings from the organiser only, naming every bad field', async () => {
    const body = {
      rubric: RUBRIC,
      penalties: [
        { kind: 'overtime', limitSeconds: 600, points: 1, per: 'started-minute', maxPoints: 5 },
        { kind: 'fixed', code: 'notes', label: 'Đọc văn bản khi thuyết trình', points: 3 },
      ],
      reconciliationGap: 30,
      headJudgeUserId: head.user.id,
      tieBreakCriteria: ['content'],
    };
    expectError(await http.get(`/rounds/${roundId}/jury`, organiser.token), 404);
    expectError(await http.put(`/rounds/${roundId}/jury`, body, judges[0].token), 403);
    expectError(await http.put(`/rounds/${roundId}/jury`, body, otherOrganiser.token), 404);
    const bad = expectError(
      await http.put(
        `/rounds/${roundId}/jury`,
        {
          ...body,
          rubric: [
            { key: 'content', label: 'Nội dung', maxPoints: 0 },
            { key: 'content', label: '' },
          ],
          trimmedMeanThreshold: 3,
          reconciliationGap: -1,
          tieBreakCriteria: ['nope'],
          headJudgeUserId: people.a.user.id,
        },
        organiser.token,
      ),
      400,
    );
    expect(bad.details.map((d: any) => d.field).sort()).toEqual(
      ['reconciliationGap', 'rubric[0].maxPoints', 'rubric[1].key', 'rubric[1].label', 'rubric[1].maxPoints', 'trimmedMeanThreshold'].sort(),
    );
    expect(expectError(await http.put(`/rounds/${roundId}/jury`, { ...body, headJudgeUserId: otherOrganiser.user.id }, organiser.token), 400).code).toBe(
      'not_a_judge',
    );

    const put = await http.put(`/rounds/${roundId}/jury`, body, organiser.token);
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      maxScore: 100,
      aggregate: 'trimmed-mean',
      trimmedMeanThreshold: 5,
      reconciliationGap: 30,
      headJudgeUserId: head.user.id,
      locked: false,
    });
    expect((await http.get(`/rounds/${roundId}/jury`, judges[0].token)).body.rubric).toEqual(RUBRIC);
    expect(await audit(roundId, 'jury.create')).toHaveLength(1);
    // Marking waits for the hand-in deadline.
    expect(expectError(await score(judges[0], entries.a, 80), 409).code).toBe('marking_not_open');
  });

  it('closes hand-ins at closesAt; then judges mark against the rubric, blind to each other', async () => {
    await sleep(closesAt + 300 - Date.now());
    expect(expectError(await http.post(`/rounds/${roundId}/entries`, { text: 'muộn' }, people.a.token), 409).code).toBe('entries_closed');

    const invalid = expectError(await http.post(`/entries/${entries.a}/scores`, { scores: { content: 51, delivery: -1, style: 3 } }, judges[0].token), 400);
    expect(invalid.details.map((d: any) => d.field).sort()).toEqual(['scores.content', 'scores.delivery', 'scores.form', 'scores.style']);
    expectError(await score(organiser as Session, entries.a, 80), 403);
    expectError(await score(outsider, entries.a, 80), 403);
    expectError(await score(head, entries.a, 80), 403); // the head judge reconciles; not on the jury here

    expect((await score(judges[0], entries.a, 50, 'Chưa bám sát đề')).status).toBe(200);
    const blind = await http.get(`/entries/${entries.a}/scores`, judges[1].token);
    expect(blind.body).toEqual({ entryId: entries.a, markedByMe: false, marks: [], rubric: RUBRIC });
    const listBlind = await http.get(`/rounds/${roundId}/entries`, judges[1].token);
    expect(listBlind.body.items.find((r: any) => r.id === entries.a)).toMatchObject({ judges: 5, marked: 1, markedByMe: false });
    expect(listBlind.body.items.find((r: any) => r.id === entries.a).marking).toBeUndefined();

    // Having marked is not enough: the others' marks stay hidden until all five have filed.
    const mine = await score(judges[1], entries.a, 70);
    expect(mine.body.markedByMe).toBe(true);
    expect(mine.body.marks.map((m: any) => [m.judgeUserId, m.total])).toEqual([[judges[1].user.id, 70]]);
    expect(mine.body.marking).toBeUndefined();
    // A re-submission replaces, audited with before and after.
    expect((await score(judges[1], entries.a, 80)).body.marks.find((m: any) => m.judgeUserId === judges[1].user.id).total).toBe(80);
    const replaced = await audit(entries.a, 'entry.mark.replace');
    expect(replaced).toHaveLength(1);
    expect([replaced[0].before.total, replaced[0].after.total]).toEqual([70, 80]);
    expect(expectError(await http.get(`/entries/${entries.a}/scores`, people.a.token), 403).message).toMatch(/published/);
  });

  it('takes the trimmed mean of five judges and flags a wide gap for the head judge', async () => {
    for (const [j, total] of [
      [2, 82],
      [3, 99],
      [4, 84],
    ] as const)
      expect((await score(judges[j], entries.a, total)).status).toBe(200);
    const all = await http.get(`/entries/${entries.a}/scores`, organiser.token);
    expect(all.body.marks).toHaveLength(5);
    expect(all.body.marks.every((m: any) => typeof m.judgeName === 'string' && m.counts)).toBe(true);
    expect(all.body.marking).toMatchObject({ method: 'trimmed-mean', aggregate: 82, final: 82, gap: 49, needsReconciliation: true, incomplete: false });
    expect(all.body.marking.droppedJudgeIds.sort()).toEqual([judges[0].user.id, judges[3].user.id].sort());

    const flagged = await http.get(`/rounds/${roundId}/entries?flagged=true`, head.token);
    expect(flagged.body.total).toBe(1);
    expect(flagged.body.items[0]).toMatchObject({ id: entries.a, flagged: true, fullName: expect.any(String) });
    // The head judge sees every mark without having marked.
    expect((await http.get(`/entries/${entries.a}/scores`, head.token)).body.marks).toHaveLength(5);

    // The rules are fixed once marks are in; the head judge may still change.
    const jury = (await http.get(`/rounds/${roundId}/jury`, organiser.token)).body;
    expect(jury.locked).toBe(true);
    const { roundId: _r, maxScore: _m, locked: _l, updatedAt: _u, ...settings } = jury;
    expect(expectError(await http.put(`/rounds/${roundId}/jury`, { ...settings, reconciliationGap: 60 }, organiser.token), 409).code).toBe('jury_locked');
    expect((await http.put(`/rounds/${roundId}/jury`, { ...settings, headJudgeUserId: head.user.id }, organiser.token)).status).toBe(200);

    expectError(await http.post(`/entries/${entries.a}/reconcile`, { reason: 'Đồng ý', acceptAggregate: true }, judges[0].token), 403);
    const noReason = expectError(await http.post(`/entries/${entries.a}/reconcile`, { acceptAggregate: true, scores: marksFor(80) }, head.token), 400);
    expect(noReason.details.map((d: any) => d.field).sort()).toEqual(['reason', 'scores']);
    const settled = await http.post(
      `/entries/${entries.a}/reconcile`,
      { reason: 'Hội đồng đã trao đổi, giữ điểm trung bình', acceptAggregate: true },
      head.token,
    );
    expect(settled.status).toBe(200);
    expect(settled.body.marking).toMatchObject({ needsReconciliation: false, final: 82, reconciliation: { mode: 'accept-aggregate', byUserId: head.user.id } });
    expect((await http.get(`/rounds/${roundId}/entries?flagged=true`, organiser.token)).body.total).toBe(0);
    const rec = await audit(entries.a, 'entry.reconcile');
    expect(rec).toEqual([expect.objectContaining({ actor_id: head.user.id, reason: 'Hội đồng đã trao đổi, giữ điểm trung bình' })]);
    // Entry b: reconciling waits for every judge.
    await score(judges[0], entries.b, 70);
    expect(expectError(await http.post(`/entries/${entries.b}/reconcile`, { reason: 'x y z', acceptAggregate: true }, head.token), 409).code).toBe(
      'marking_incomplete',
    );
  });

  it('subtracts penalties the organiser records (time over the limit, breaches)', async () => {
    expectError(await http.patch(`/entries/${entries.a}`, { overtimeMinutes: 2.5 }, judges[0].token), 403);
    const bad = expectError(await http.patch(`/entries/${entries.a}`, { breaches: ['notes', 'late'], durationSeconds: -1 }, organiser.token), 400);
    expect(bad.details.map((d: any) => d.field).sort()).toEqual(['breaches[1]', 'durationSeconds']);
    const p = await http.patch(`/entries/${entries.a}`, { overtimeMinutes: 2.5, breaches: ['notes'] }, organiser.token);
    expect(p.status).toBe(200);
    expect(p.body).toMatchObject({ durationSeconds: 750, breaches: ['notes'] });
    // The marking screen names whose entry it is, as the round's entry list does.
    expect(p.body.author).toEqual({ fullName: 'Nguyễn Thị Bình', unit: 'Trường THPT Hòn Gai' });
    expect((await http.get(`/entries/${entries.a}`, judges[0].token)).body.author).toEqual({ fullName: 'Nguyễn Thị Bình', unit: 'Trường THPT Hòn Gai' });
    const m = (await http.get(`/entries/${entries.a}/scores`, organiser.token)).body.marking;
    expect(m.penalties.items.map((i: any) => [i.code, i.points])).toEqual([
      ['overtime', 3],
      ['notes', 3],
    ]);
    expect(m).toMatchObject({ aggregate: 82, final: 76, needsReconciliation: false });
    expect(await audit(entries.a, 'entry.facts')).toHaveLength(1);
  });

  it("drops a recused judge's marks, which reopens the reconciliation; the head judge's final marks settle it", async () => {
    const reason = 'Người dự thi là đồng nghiệp cùng phòng với tôi';
    expectError(await http.post(`/rounds/${roundId}/judges/me/recuse`, { reason }, outsider.token), 403);
    expectError(await http.post(`/rounds/${roundId}/judges/me/recuse`, { reason: '' }, judges[3].token), 400);
    const r = await http.post(`/rounds/${roundId}/judges/me/recuse`, { reason }, judges[3].token);
    expect(r.status).toBe(200);
    expect(r.body.recusedAt).toEqual(expect.any(String));
    expect(expectError(await http.post(`/rounds/${roundId}/judges/me/recuse`, { reason }, judges[3].token), 409).code).toBe('already_recused');
    expect(await audit(roundId, 'round.judge.recuse')).toEqual([expect.objectContaining({ actor_id: judges[3].user.id, reason })]);
    expectError(await score(judges[3], entries.a, 90), 403);
    expectError(await http.get(`/entries/${entries.a}`, judges[3].token), 403);

    // 50, 80, 82, 84 count: four judges, so the plain mean; the gap (34) is over 30 again.
    const m = (await http.get(`/entries/${entries.a}/scores`, organiser.token)).body;
    expect(m.marks.find((x: any) => x.judgeUserId === judges[3].user.id).counts).toBe(false);
    expect(m.marking).toMatchObject({ method: 'mean', judgeCount: 4, aggregate: 74, final: 68, needsReconciliation: true, reconciliation: null });

    const final = await http.post(
      `/entries/${entries.a}/reconcile`,
      { reason: 'Chủ tịch hội đồng chấm lại', scores: { content: 45, delivery: 25, form: 15 } },
      head.token,
    );
    expect(final.status).toBe(200);
    expect(final.body.marking).toMatchObject({ source: 'head-judge', score: 85, final: 79, needsReconciliation: false });
    const bad = expectError(await http.post(`/entries/${entries.a}/reconcile`, { reason: 'Chấm lại', scores: { content: 60 } }, head.token), 400);
    expect(bad.details.map((d: any) => d.field).sort()).toEqual(['scores.content', 'scores.delivery', 'scores.form']);
  });

  it("gives results the standings they close on, and lists a quiz round's flagged attempts at the same route", async () => {
    const standings = await api.app.get(JudgedStandings).forRound(roundId);
    const byEntry = Object.fromEntries(standings.map((s) => [s.entryId, s]));
    expect(byEntry[entries.a]).toMatchObject({
      personId: people.a.user.id,
      aggregate: 85,
      penalties: 6,
      final: 79,
      maxScore: 100,
      needsReconciliation: false,
      incomplete: false,
      judgeCount: 4,
    });
    expect(byEntry[entries.b]).toMatchObject({ final: 70, incomplete: true, judgeCount: 1 });
    expect(byEntry[entries.c]).toMatchObject({ final: 0, incomplete: true, judgeCount: 0 });

    const all = await http.get(`/rounds/${roundId}/entries?limit=2`, organiser.token);
    expect(all.body.total).toBe(3);
    expect(all.body.items).toHaveLength(2);
    expectError(await http.get(`/rounds/${roundId}/entries`, otherOrganiser.token), 404);
    expectError(await http.get(`/rounds/${roundId}/entries`, outsider.token), 403);
    expectError(await http.get(`/rounds/${roundId}/entries`, people.a.token), 403);

    const setup = await orgWithBank(http, admin, 3);
    const quiz = await liveQuiz(http, setup, { selection: [{ bankId: setup.bankId, count: 3 }], integrity: { minSecondsPerQuestion: 600 } });
    for (const fast of [true, false]) {
      const p = await entrant(http, quiz.contest.id);
      const at = (await http.post(`/rounds/${quiz.round.id}/attempts`, {}, p.token)).body;
      if (fast) {
        await answerAll(http, p.token, at, setup.questions, 3);
        await ok(http.post(`/attempts/${at.id}/submit`, {}, p.token), 'submit');
      }
    }
    const quizEntrant = await entrant(http, quiz.contest.id);
    expect(expectError(await http.post(`/rounds/${quiz.round.id}/entries`, { text: 'x' }, quizEntrant.token), 400).code).toBe('not_a_judged_round');
    const flagged = await http.get(`/rounds/${quiz.round.id}/entries?flagged=true`, setup.organiser.token);
    expect(flagged.status).toBe(200);
    expect(flagged.body.total).toBe(1);
    expect(flagged.body.items[0]).toMatchObject({ status: 'submitted', flags: [expect.objectContaining({ code: expect.any(String) })] });
    expect((await http.get(`/rounds/${quiz.round.id}/entries`, setup.organiser.token)).body.total).toBe(2);
  });

  it("shows the author, once published, their counted marks with the rubric's labels and no judge's identity", async () => {
    expect((await http.post(`/rounds/${roundId}/close`, {}, organiser.token)).status).toBe(200);
    expect(expectError(await http.get(`/entries/${entries.a}/scores`, people.a.token), 403).message).toMatch(/published/);
    expect((await http.post(`/rounds/${roundId}/results/publish`, {}, organiser.token)).status).toBe(200);

    const mine = await http.get(`/entries/${entries.a}/scores`, people.a.token);
    expect(mine.status).toBe(200);
    expect(mine.body.rubric).toEqual(RUBRIC);
    expect(mine.body.marks.map((m: any) => m.total).sort()).toEqual([50, 80, 82, 84]); // the recused judge's 99 no longer counts
    expect(mine.body.marking).toMatchObject({ final: 79, droppedJudgeIds: [], reconciliation: { mode: 'head-judge-marks', byUserId: '' } });
    // Nobody on the jury is named or identified anywhere in the author's view.
    const text = JSON.stringify(mine.body);
    for (const j of [...judges, head]) {
      expect(text).not.toContain(j.user.id);
      expect(text).not.toContain(String(j.user.fullName ?? j.user.id));
    }
    // Staff still see the labels and every judge's mark.
    const staff = (await http.get(`/entries/${entries.a}/scores`, organiser.token)).body;
    expect(staff.rubric).toEqual(RUBRIC);
    expect(staff.marks.every((m: any) => m.judgeUserId && m.judgeName)).toBe(true);
    expectError(await http.get(`/entries/${entries.a}/scores`, people.b.token), 404);
  });
});
