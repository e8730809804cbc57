import { expectError, Http, startApi, TestApi } from '../../../test/harness';
import { loginAdmin, ok } from '../../../test/factories';
import { entrant, iso, newContest, orgWithBank } from '../../contests/test/factories';
import { handInFile, pdfBytes } from './judged-entries-helpers';

describe('a judged round brief and the kinds of hand-in it takes', () => {
  let api: TestApi;
  let http: Http;

  beforeAll(async () => {
    api = await startApi();
    http = new Http(api.url);
  });
  afterAll(() => api.close());

  it('is set by organisers until the round opens, shown to entrants once it has, and holds hand-ins to its kinds', async () => {
    const admin = await loginAdmin(http);
    const setup = await orgWithBank(http, admin, 1);
    const o = setup.organiser.token;
    const c = await newContest(http, setup.organiser, { title: 'Báo cáo viên pháp luật giỏi' });
    const judged = (over: Record<string, unknown>) =>
      ok(http.post(`/contests/${c.id}/rounds`, { kind: 'judged', closesAt: iso(Date.now() + 3600_000), ...over }, o));
    const now = await judged({ title: 'Bài viết', opensAt: iso(Date.now() - 1000) });
    const later = await judged({ title: 'Thuyết trình', opensAt: iso(Date.now() + 1800_000) });

    expect(await ok(http.get(`/rounds/${now.id}/brief`, o))).toMatchObject({
      roundId: now.id,
      brief: null,
      handInKinds: ['text', 'link', 'file'],
      locked: false,
    });
    const brief = 'Trình bày bốn nguyên tắc bầu cử đại biểu Quốc hội (không quá 1.000 từ).';
    expect(await ok(http.put(`/rounds/${now.id}/brief`, { brief, handInKinds: ['text'] }, o))).toMatchObject({ brief, handInKinds: ['text'] });
    await ok(http.put(`/rounds/${later.id}/brief`, { brief: 'Thuyết trình 10 phút về phòng, chống tham nhũng', handInKinds: ['file', 'link'] }, o));
    const bad = expectError(await http.put(`/rounds/${now.id}/brief`, { brief: 1, handInKinds: ['video'] }, o), 400);
    expect(bad.code).toBe('invalid_brief');
    expect(bad.details.map((d: any) => d.field).sort()).toEqual(['brief', 'handInKinds']);
    const other = await orgWithBank(http, admin, 1);
    expectError(await http.put(`/rounds/${now.id}/brief`, { handInKinds: ['text'] }, other.organiser.token), 404);
    expectError(await http.get(`/rounds/${now.id}/brief`, other.organiser.token), 404);

    await ok(http.post(`/contests/${c.id}/publish`, {}, o));
    const e = await entrant(http, c.id);
    expect(await ok(http.get(`/rounds/${now.id}/brief`, e.token))).toMatchObject({ brief, handInKinds: ['text'], locked: true });
    // Before the round opens the entrant learns when, and what to prepare, not the task.
    expect(await ok(http.get(`/rounds/${later.id}/brief`, e.token))).toMatchObject({ brief: null, briefFrom: later.opensAt, handInKinds: ['link', 'file'] });

    // Only text is taken in the open round.
    const link = expectError(await http.post(`/rounds/${now.id}/entries`, { text: 'Bài viết', link: 'https://video.example.vn/bai' }, e.token), 400);
    expect(link.code).toBe('hand_in_kind_not_allowed');
    expect(link.details).toEqual([{ field: 'link', problems: ['is not taken by this round'] }]);
    expect(expectError(await handInFile(http, now.id, e.token, { bytes: pdfBytes(), name: 'bai.pdf' }), 400).code).toBe('hand_in_kind_not_allowed');
    expect((await http.post(`/rounds/${now.id}/entries`, { text: 'Bài viết về bốn nguyên tắc bầu cử' }, e.token)).status).toBe(201);

    expect(expectError(await http.put(`/rounds/${now.id}/brief`, { brief: 'Đề khác', handInKinds: ['text'] }, o), 409).code).toBe('brief_locked');
    expect((await http.put(`/rounds/${later.id}/brief`, { brief: 'Đề sửa trước giờ mở', handInKinds: ['file'] }, o)).status).toBe(200);
  }, 60_000);
});
