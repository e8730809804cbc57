import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { expectError, Http, Res, startApi, TestApi } from '../../../test/harness';
import { loginAdmin, newOrganisation, newResident, newStaff, ok, Session } from '../../../test/factories';
import { DataSource } from 'typeorm';
import { entrant, liveQuiz, newContest, quizRound, orgWithBank, OrgSetup } from '../../contests/test/factories';

/** POST /users/import with the file in the multipart field "file". */
function importStaff(http: Http, token: string, file: Buffer, filename: string, query = ''): Promise<Res> {
  const form = new FormData();
  form.append('file', new Blob([file]), filename);
  return http.req('POST', `/users/import${query}`, { token, raw: form });
}

const csv = (rows: string[][]) =>
  Buffer.from(`\ufeff${rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n')}\r\n`, 'utf8');
const tag = () => randomUUID().slice(0, 8);

describe('admin console: organisations, staff accounts, staff import, round judges (real PostgreSQL + Redis)', () => {
  let api: TestApi;
  let http: Http;
  let admin: Session;
  let a: OrgSetup;
  let orgB: { id: string; name: string };
  let judgeA: Session;
  let judgeB: Session;

  beforeAll(async () => {
    api = await startApi();
    http = new Http(api.url);
    admin = await loginAdmin(http);
    a = await orgWithBank(http, admin, 5);
    orgB = await newOrganisation(http, admin, `Sở Tư pháp B ${tag()}`);
    judgeA = await newStaff(http, admin, 'judge', a.org.id);
    judgeB = await newStaff(http, admin, 'judge', orgB.id);
  });
  afterAll(() => api.close());

  describe('organisations', () => {
    it('lets the admin search them by name and change name, level and province', async () => {
      const name = `Phòng Tư pháp xã Đông Hòa ${tag()}`;
      const org = await ok(http.post('/organisations', { name, level: 'commune', province: 'Đắk Lắk' }, admin.token));
      const found = await http.get(`/organisations?q=${encodeURIComponent(name.slice(10).toUpperCase())}`, admin.token);
      expect(found.status).toBe(200);
      expect(found.body.items.map((o: { id: string }) => o.id)).toEqual([org.id]);
      expect(found.body.total).toBe(1);
      // Without marks, as typed on a phone.
      const unmarked = await http.get(`/organisations?q=${encodeURIComponent(`xa dong hoa ${name.slice(-8)}`)}`, admin.token);
      expect(unmarked.body.items.map((o: { id: string }) => o.id)).toEqual([org.id]);
      // LIKE's wildcards are literal in a search.
      expect((await http.get('/organisations?q=%25', admin.token)).body.total).toBe(0);

      const moved = await http.patch(`/organisations/${org.id}`, { name: 'Sở Tư pháp tỉnh Đắk Lắk', level: 'province' }, admin.token);
      expect(moved.status).toBe(200);
      expect(moved.body).toEqual(expect.objectContaining({ id: org.id, name: 'Sở Tư pháp tỉnh Đắk Lắk', level: 'province', province: 'Đắk Lắk' }));
      const central = await http.patch(`/organisations/${org.id}`, { level: 'central' }, admin.token);
      expect(central.body).toEqual(expect.objectContaining({ level: 'central', province: null }));
      expect((await http.get(`/organisations/${org.id}`, admin.token)).body.province).toBeNull();
    });

    it('refuses a level and province that disagree, naming the province field', async () => {
      const central = expectError(await http.post('/organisations', { name: 'Bộ Tư pháp', level: 'central', province: 'Hà Nội' }, admin.token), 400);
      expect(central.code).toBe('invalid_province');
      expect(central.details).toEqual([{ field: 'province', problems: ['a central organisation has no province'] }]);
      const org = await ok(http.post('/organisations', { name: `Bộ ${tag()}`, level: 'central' }, admin.token));
      const noProvince = expectError(await http.patch(`/organisations/${org.id}`, { level: 'commune' }, admin.token), 400);
      expect(noProvince.details).toEqual([{ field: 'province', problems: ['required for a commune-level organisation'] }]);
      expect(expectError(await http.patch(`/organisations/${org.id}`, { province: 'Nơi không có' }, admin.token), 400).code).toBe('validation_failed');
      expectError(await http.patch(`/organisations/${randomUUID()}`, { name: 'Không có' }, admin.token), 404);
    });

    it('is changed by admins only', async () => {
      expectError(await http.patch(`/organisations/${a.org.id}`, { name: 'Đổi tên' }, a.organiser.token), 403);
      expectError(await http.patch(`/organisations/${a.org.id}`, { name: 'Đổi tên' }, judgeA.token), 403);
    });
  });

  describe('listing staff', () => {
    it('lets the admin search by name or e-mail and filter by role, organisation and state', async () => {
      const all = await http.get(`/users?organisationId=${a.org.id}&limit=200`, admin.token);
      expect(all.status).toBe(200);
      expect(all.body.items.map((u: { id: string }) => u.id).sort()).toEqual([a.organiser.user.id, judgeA.user.id].sort());
      expect(all.body.items[0]).toEqual(expect.objectContaining({ organisationName: a.org.name, active: true, deactivatedAt: null }));
      const judges = await http.get(`/users?role=judge&organisationId=${a.org.id}`, admin.token);
      expect(judges.body.items.map((u: { id: string }) => u.id)).toEqual([judgeA.user.id]);
      const byEmail = await http.get(`/users?q=${encodeURIComponent(String(judgeB.user.email).toUpperCase())}`, admin.token);
      expect(byEmail.body.items.map((u: { id: string }) => u.id)).toEqual([judgeB.user.id]);
      // A name in capitals or without its marks, as typed on a phone: folded by us, not by the database's locale.
      const t = tag();
      const anh = await ok(
        http.post(
          '/users',
          { fullName: `Đặng Thị Ánh ${t}`, email: `anh.${t}@stp.vn`, password: 'staff-password-1', role: 'judge', organisationId: orgB.id },
          admin.token,
        ),
      );
      for (const q of [`ĐẶNG THỊ ÁNH ${t}`, `dang thi anh ${t}`])
        expect((await http.get(`/users?q=${encodeURIComponent(q)}`, admin.token)).body.items.map((u: { id: string }) => u.id)).toEqual([anh.id]);
      // Without a role: staff only, no residents.
      const resident = await newResident(http);
      expect(
        (await http.get(`/users?q=${encodeURIComponent(resident.input.fullName)}&limit=200`, admin.token)).body.items.every(
          (u: { role: string }) => u.role !== 'resident',
        ),
      ).toBe(true);
    });

    it('gives an organiser the active judges of their own organisation only: name and e-mail, no phone, nothing of other tenants', async () => {
      const mine = await http.get('/users?role=judge', a.organiser.token);
      expect(mine.status).toBe(200);
      expect(mine.body.items.map((u: { id: string }) => u.id)).toEqual([judgeA.user.id]);
      expect(mine.body.items[0]).toEqual(expect.objectContaining({ fullName: expect.any(String), email: judgeA.user.email, phone: null }));
      // Omitting the role still means judges; naming another organisation is a 404 like any foreign id.
      expect((await http.get('/users', a.organiser.token)).body.items.map((u: { id: string }) => u.id)).toEqual([judgeA.user.id]);
      expect((await http.get(`/users?q=${encodeURIComponent(String(judgeB.user.email))}`, a.organiser.token)).body.items).toEqual([]);
      expectError(await http.get(`/users?role=judge&organisationId=${orgB.id}`, a.organiser.token), 404);
      expectError(await http.get('/users?role=organiser', a.organiser.token), 403);
      expectError(await http.get('/users?role=admin', a.organiser.token), 403);
    });

    it('is refused to judges and residents', async () => {
      expectError(await http.get('/users?role=judge', judgeA.token), 403);
      expectError(await http.get('/users', (await newResident(http)).token), 403);
    });
  });

  describe('deactivation and edits', () => {
    it('signs a deactivated account out at once, refuses its sign-in with a clear code, and lets it back in when reactivated', async () => {
      const judge = await newStaff(http, admin, 'judge', a.org.id);
      expect((await http.get('/me', judge.token)).status).toBe(200);
      const off = await http.patch(`/users/${judge.user.id}`, { active: false }, admin.token);
      expect(off.status).toBe(200);
      expect(off.body).toEqual(expect.objectContaining({ id: judge.user.id, active: false, deactivatedAt: expect.any(String) }));

      expectError(await http.get('/me', judge.token), 401);
      expectError(await http.post('/auth/refresh', { refreshToken: judge.refreshToken }), 401);
      const login = expectError(await http.post('/auth/login', { login: judge.user.email, password: 'staff-password-1' }), 403);
      expect(login.code).toBe('account_deactivated');
      // The wrong password still says only that.
      expect(expectError(await http.post('/auth/login', { login: judge.user.email, password: 'wrong-password' }), 401).code).toBe('unauthorized');
      expect((await http.get(`/users?organisationId=${a.org.id}&active=false`, admin.token)).body.items.map((u: { id: string }) => u.id)).toContain(
        judge.user.id,
      );
      // Not offered to organisers, and not assignable.
      expect((await http.get('/users?role=judge', a.organiser.token)).body.items.map((u: { id: string }) => u.id)).not.toContain(judge.user.id);
      const { round } = await roundOfA();
      const refused = expectError(await http.post(`/rounds/${round.id}/judges`, { userId: judge.user.id }, a.organiser.token), 400);
      expect(refused.code).toBe('judge_deactivated');
      expect(refused.details).toEqual([{ field: 'userId', problems: ['account deactivated'] }]);

      expect((await http.patch(`/users/${judge.user.id}`, { active: true }, admin.token)).body.active).toBe(true);
      const back = await http.post('/auth/login', { login: judge.user.email, password: 'staff-password-1' });
      expect(back.status).toBe(200);
      expect((await http.get('/me', back.body.accessToken)).status).toBe(200);
    });

    it("changes name, role and organisation; a changed role or organisation ends the account's sessions", async () => {
      const s = await newStaff(http, admin, 'judge', a.org.id);
      const renamed = await http.patch(`/users/${s.user.id}`, { fullName: 'Nguyễn Thị Hoa' }, admin.token);
      expect(renamed.body).toEqual(expect.objectContaining({ fullName: 'Nguyễn Thị Hoa', role: 'judge' }));
      expect((await http.get('/me', s.token)).status).toBe(200);
      const moved = await http.patch(`/users/${s.user.id}`, { role: 'organiser', organisationId: orgB.id }, admin.token);
      expect(moved.body).toEqual(expect.objectContaining({ role: 'organiser', organisationId: orgB.id, organisationName: orgB.name }));
      expectError(await http.get('/me', s.token), 401);
      const toAdmin = await http.patch(`/users/${s.user.id}`, { role: 'admin' }, admin.token);
      expect(toAdmin.body).toEqual(expect.objectContaining({ role: 'admin', organisationId: null }));
      const back = expectError(await http.patch(`/users/${s.user.id}`, { role: 'judge' }, admin.token), 400);
      expect(back.code).toBe('organisation_required');
      expect(back.details).toEqual([{ field: 'organisationId', problems: ['required for organiser and judge'] }]);
      expect(expectError(await http.patch(`/users/${s.user.id}`, { role: 'judge', organisationId: randomUUID() }, admin.token), 400).code).toBe(
        'unknown_organisation',
      );
    });

    it("refuses an admin's own deactivation or demotion, residents, and non-admins", async () => {
      expect(expectError(await http.patch(`/users/${admin.user.id}`, { active: false }, admin.token), 409).code).toBe('cannot_change_self');
      expect(expectError(await http.patch(`/users/${admin.user.id}`, { role: 'judge', organisationId: orgB.id }, admin.token), 409).code).toBe(
        'cannot_change_self',
      );
      const resident = await newResident(http);
      expect(expectError(await http.patch(`/users/${resident.user.id}`, { role: 'judge' }, admin.token), 400).code).toBe('not_staff');
      expectError(await http.patch(`/users/${randomUUID()}`, { active: false }, admin.token), 404);
      expectError(await http.patch(`/users/${judgeA.user.id}`, { active: false }, a.organiser.token), 403);
      expectError(await http.patch(`/users/${judgeA.user.id}`, { active: false }, judgeA.token), 403);
    });
  });

  describe('password reset', () => {
    it('generates a password shown once, and every old session and password stops working', async () => {
      const s = await newStaff(http, admin, 'organiser', a.org.id);
      const r = await http.post(`/users/${s.user.id}/password-reset`, {}, admin.token);
      expect(r.status).toBe(200);
      expect(r.body.temporaryPassword).toMatch(/^[a-zA-Z2-9]{14}$/);
      expect(r.body.user.id).toBe(s.user.id);
      expectError(await http.get('/me', s.token), 401);
      expectError(await http.post('/auth/refresh', { refreshToken: s.refreshToken }), 401);
      expectError(await http.post('/auth/login', { login: s.user.email, password: 'staff-password-1' }), 401);
      expect((await http.post('/auth/login', { login: s.user.email, password: r.body.temporaryPassword })).status).toBe(200);
    });

    it('takes a password the admin chooses, and returns none', async () => {
      const s = await newStaff(http, admin, 'judge', a.org.id);
      const r = await http.post(`/users/${s.user.id}/password-reset`, { password: 'mat-khau-moi-1' }, admin.token);
      expect(r.body.temporaryPassword).toBeNull();
      expect((await http.post('/auth/login', { login: s.user.email, password: 'mat-khau-moi-1' })).status).toBe(200);
      expect(expectError(await http.post(`/users/${s.user.id}/password-reset`, { password: 'short' }, admin.token), 400).code).toBe('validation_failed');
      expectError(await http.post(`/users/${s.user.id}/password-reset`, {}, a.organiser.token), 403);
      expectError(await http.post(`/users/${randomUUID()}/password-reset`, {}, admin.token), 404);
    });
  });

  describe('importing staff from a file', () => {
    it('creates the accounts of a CSV with Vietnamese headers; each signs in with the password shown once', async () => {
      const t = tag();
      const file = csv([
        ['Họ và tên', 'Email', 'Số điện thoại', 'Vai trò', 'Đơn vị'],
        ['Trần Văn Nam', `nam.${t}@stp.vn`, '', 'Ban tổ chức', a.org.name],
        ['Lê Thị Thu', `thu.${t}@stp.vn`, '', 'giám khảo', orgB.id],
        ['', '', '', '', ''],
        ['Phạm Quản Trị', `qt.${t}@stp.vn`, '', 'quản trị', ''],
      ]);
      const dry = await importStaff(http, admin.token, file, 'can-bo.csv', '?dryRun=true');
      expect({ status: dry.status, body: dry.body }).toMatchObject({ status: 200 }); // the body shows in the diff when refused
      expect(dry.body).toEqual(expect.objectContaining({ dryRun: true, errors: [] }));
      expect(dry.body.created.map((c: { id: string | null }) => c.id)).toEqual([null, null, null]);
      expect((await http.get(`/users?q=${t}`, admin.token)).body.total).toBe(0);

      const res = await importStaff(http, admin.token, file, 'can-bo.csv');
      expect(res.status).toBe(200);
      expect(res.body.created).toEqual([
        expect.objectContaining({
          row: 2,
          fullName: 'Trần Văn Nam',
          role: 'organiser',
          organisationName: a.org.name,
          id: expect.any(String),
          temporaryPassword: expect.any(String),
        }),
        expect.objectContaining({ row: 3, role: 'judge', organisationName: orgB.name }),
        expect.objectContaining({ row: 5, role: 'admin', organisationName: null }),
      ]);
      for (const c of res.body.created) {
        const login = await http.post('/auth/login', { login: c.email, password: c.temporaryPassword });
        expect(login.status).toBe(200);
        expect(login.body.user.role).toBe(c.role);
      }
    });

    it('reads an XLSX with English headers, and the downloadable templates have the columns it reads', async () => {
      const template = await fetch(`${api.url}/api/v1/users/import-template?format=xlsx`, { headers: { authorization: `Bearer ${admin.token}` } });
      expect(template.status).toBe(200);
      expect(template.headers.get('content-disposition')).toContain('mau-nhap-can-bo.xlsx');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await template.arrayBuffer()) as never);
      const sheet = wb.worksheets[0];
      expect((sheet.getRow(1).values as string[]).slice(1)).toEqual(['Họ và tên', 'Email', 'Số điện thoại', 'Vai trò', 'Đơn vị']);
      const t = tag();
      // As a person fills it in Excel: the row under the header (the template pre-formats the rows below).
      sheet.getRow(2).values = ['Hoàng Văn Bình', `binh.${t}@stp.vn`, `09${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`, 'giám khảo', a.org.name];
      const filled = Buffer.from(await wb.xlsx.writeBuffer());
      const fromTemplate = await importStaff(http, admin.token, filled, 'mau.xlsx');
      expect({ status: fromTemplate.status, body: fromTemplate.body }).toMatchObject({ status: 200 });
      expect(fromTemplate.body.created).toEqual([expect.objectContaining({ row: 2, fullName: 'Hoàng Văn Bình', role: 'judge' })]);

      // Names equal but for case, in both directions (the database's lower() may fold ASCII only).
      const doan = await ok(http.post('/organisations', { name: `Đoàn Luật sư ${t}`, level: 'central' }, admin.token));
      const english = new ExcelJS.Workbook();
      english.addWorksheet('staff').addRows([
        ['fullName', 'email', 'role', 'organisation'],
        ['Vũ Thị Lan', `lan.${t}@stp.vn`, 'organiser', a.org.name.toUpperCase()],
        ['Đỗ Văn Hải', `hai.${t}@stp.vn`, 'judge', `đoàn luật sư ${t}`],
      ]);
      const en = await importStaff(http, admin.token, Buffer.from(await english.xlsx.writeBuffer()), 'staff.xlsx');
      expect({ status: en.status, body: en.body }).toMatchObject({ status: 200 }); // the body shows in the diff when refused
      expect(en.body.created[0]).toEqual(expect.objectContaining({ role: 'organiser', organisationName: a.org.name }));
      expect(en.body.created[1]).toEqual(expect.objectContaining({ role: 'judge', organisationName: doan.name }));

      const csvTemplate = await fetch(`${api.url}/api/v1/users/import-template?format=csv`, { headers: { authorization: `Bearer ${admin.token}` } });
      // With a BOM (fetch's text() would drop it), so Excel reads the header as UTF-8.
      expect(Buffer.from(await csvTemplate.arrayBuffer()).toString('utf8')).toBe('\ufeffHọ và tên,Email,Số điện thoại,Vai trò,Đơn vị\r\n');
    });

    it('creates nobody from a file with any problem, and reports every problem by row and column', async () => {
      const t = tag();
      await ok(http.post('/organisations', { name: `Trùng tên ${t}`, level: 'central' }, admin.token));
      await ok(http.post('/organisations', { name: `Trùng tên ${t}`, level: 'central' }, admin.token));
      const file = csv([
        ['Họ và tên', 'Email', 'Số điện thoại', 'Vai trò', 'Đơn vị', 'Ghi chú'],
        ['Người Hợp Lệ', `ok.${t}@stp.vn`, '', 'giám khảo', a.org.name, ''],
        ['Trùng Email', `ok.${t}@stp.vn`, '', 'giám khảo', a.org.name, ''],
        ['Sai Vai Trò', `role.${t}@stp.vn`, '', 'thư ký', a.org.name, ''],
        ['Không Đơn Vị', `org.${t}@stp.vn`, '', 'ban tổ chức', `Không có ${t}`, ''],
        ['Đã Có', String(judgeA.user.email), '', 'giám khảo', a.org.name, ''],
        ['Hai Đơn Vị', `two.${t}@stp.vn`, '12345', 'giám khảo', `trùng tên ${t}`, ''],
      ]);
      const res = await importStaff(http, admin.token, file, 'loi.csv');
      const body = expectError(res, 400);
      expect(body.code).toBe('import_invalid');
      expect(body.details.created).toEqual([]);
      expect(body.details.errors).toEqual([
        { row: 3, field: 'email', reason: 'the same e-mail as row 2' },
        { row: 4, field: 'role', reason: 'unknown role "thư ký": use ban tổ chức, giám khảo, quản trị (or organiser, judge, admin)' },
        { row: 5, field: 'organisation', reason: `no organisation "Không có ${t}"` },
        { row: 6, field: 'email', reason: `an account with the e-mail ${judgeA.user.email} already exists` },
        { row: 7, field: 'phone', reason: '"12345" is not a Vietnamese mobile number' },
      ]);
      expect(body.details.warnings).toEqual(['columns not in the template were ignored: Ghi chú']);
      // Row 7's ambiguous organisation shows once its phone is fixed.
      const again = csv([
        ['Họ và tên', 'Email', 'Vai trò', 'Đơn vị'],
        ['Hai Đơn Vị', `two.${t}@stp.vn`, 'giám khảo', `trùng tên ${t}`],
      ]);
      expect(expectError(await importStaff(http, admin.token, again, 'loi.csv'), 400).details.errors).toEqual([
        { row: 2, field: 'organisation', reason: `several organisations are named "trùng tên ${t}": use the code instead` },
      ]);
      expect((await http.get(`/users?q=${t}`, admin.token)).body.total).toBe(0);
    });

    it('refuses unreadable files whole, with a clear code', async () => {
      expect(expectError(await importStaff(http, admin.token, csv([['Tên', 'Số điện thoại']]), 'x.csv'), 400).message).toBe(
        'The first row must be the template\'s header; missing: "Email", "Vai trò"',
      );
      expect(expectError(await importStaff(http, admin.token, csv([['Họ và tên', 'Email', 'Vai trò']]), 'x.csv'), 400).code).toBe('import_file_refused');
      expect(expectError(await importStaff(http, admin.token, Buffer.from('not a zip'), 'x.xlsx'), 400).code).toBe('import_file_refused');
      expect(expectError(await importStaff(http, admin.token, Buffer.from('a,b'), 'x.txt'), 400).code).toBe('unknown_format');
      expect(expectError(await importStaff(http, admin.token, Buffer.from([0xff, 0xfe, 0x41]).subarray(1), 'x.csv'), 400).code).toBe('import_file_refused');
      const tooMany = csv([['Họ và tên', 'Email', 'Vai trò'], ...Array.from({ length: 301 }, (_, i) => [`Cán Bộ ${i}`, `x${i}@x.vn`, 'quản trị'])]);
      expect(expectError(await importStaff(http, admin.token, tooMany, 'x.csv'), 400).message).toBe('The file has more than 300 accounts; split it');
    });

    it('is for admins only', async () => {
      const file = csv([
        ['Họ và tên', 'Email', 'Vai trò'],
        ['Kẻ Mạo Danh', `x.${tag()}@x.vn`, 'quản trị'],
      ]);
      expectError(await importStaff(http, a.organiser.token, file, 'x.csv'), 403);
      expectError(await http.get('/users/import-template', a.organiser.token), 403);
    });
  });

  describe("a round's judges", () => {
    it('are listed with name, e-mail and recusal, and removed by the organiser', async () => {
      const { round } = await roundOfA();
      const j2 = await newStaff(http, admin, 'judge', a.org.id);
      await ok(http.post(`/rounds/${round.id}/judges`, { userId: judgeA.user.id }, a.organiser.token));
      await ok(http.post(`/rounds/${round.id}/judges`, { userId: j2.user.id }, a.organiser.token));
      await ok(http.post(`/rounds/${round.id}/judges/me/recuse`, { reason: 'Người thân dự thi' }, j2.token));
      const list = await http.get(`/rounds/${round.id}/judges`, a.organiser.token);
      expect(list.body).toEqual([
        expect.objectContaining({ userId: judgeA.user.id, email: judgeA.user.email, fullName: expect.any(String), recusedAt: null }),
        expect.objectContaining({ userId: j2.user.id, recusedAt: expect.any(String) }),
      ]);

      const orgBOrganiser = await newStaff(http, admin, 'organiser', orgB.id);
      expectError(await http.delete(`/rounds/${round.id}/judges/${j2.user.id}`, orgBOrganiser.token), 404);
      expectError(await http.delete(`/rounds/${round.id}/judges/${j2.user.id}`, judgeA.token), 403);
      expect((await http.delete(`/rounds/${round.id}/judges/${j2.user.id}`, a.organiser.token)).status).toBe(204);
      expect((await http.get(`/rounds/${round.id}/judges`, a.organiser.token)).body.map((j: { userId: string }) => j.userId)).toEqual([judgeA.user.id]);
      expectError(await http.delete(`/rounds/${round.id}/judges/${j2.user.id}`, a.organiser.token), 404);
      // The removed judge no longer sees the round.
      expectError(await http.get(`/rounds/${round.id}/judges`, j2.token), 403);
    });

    it('are not removed once they have marked entries (their marks would silently stop counting)', async () => {
      const { contest } = await liveQuiz(http, a, { selection: [{ bankId: a.bankId, count: 3 }] });
      const judged = await ok(
        http.post(
          `/contests/${contest.id}/rounds`,
          {
            title: 'Vòng thuyết trình',
            kind: 'judged',
            opensAt: new Date(Date.now() - 1000).toISOString(),
            closesAt: new Date(Date.now() + 3600_000).toISOString(),
          },
          a.organiser.token,
        ),
      );
      const j = await newStaff(http, admin, 'judge', a.org.id);
      await ok(http.post(`/rounds/${judged.id}/judges`, { userId: j.user.id }, a.organiser.token));
      const resident = await entrant(http, contest.id);
      const entry = await ok(http.post(`/rounds/${judged.id}/entries`, { text: 'Đề cương: Luật Hòa giải ở cơ sở' }, resident.token));
      // A mark as judging stores it (marking needs a closed round and a jury; only the row matters here).
      await api.app
        .get(DataSource)
        .query(`INSERT INTO judge_mark (entry_id, judge_user_id, round_id, scores, total, submitted_at) VALUES ($1, $2, $3, '{}', 7, now())`, [
          entry.id,
          j.user.id,
          judged.id,
        ]);
      expect(expectError(await http.delete(`/rounds/${judged.id}/judges/${j.user.id}`, a.organiser.token), 409).code).toBe('judge_has_marks');
      expect((await http.get(`/rounds/${judged.id}/judges`, a.organiser.token)).body.map((x: { userId: string }) => x.userId)).toEqual([j.user.id]);
    });

    it("refuses another organisation's judge with the picker field named", async () => {
      const { round } = await roundOfA();
      const refused = expectError(await http.post(`/rounds/${round.id}/judges`, { userId: judgeB.user.id }, a.organiser.token), 400);
      expect(refused).toEqual(expect.objectContaining({ code: 'not_a_judge', details: [{ field: 'userId', problems: ['not a judge of this organisation'] }] }));
    });
  });

  async function roundOfA() {
    const contest = await newContest(http, a.organiser);
    const round = await ok(
      http.post(
        `/contests/${contest.id}/rounds`,
        quizRound(a.bankId, { opensAt: new Date(Date.now() + 86400_000).toISOString(), closesAt: new Date(Date.now() + 2 * 86400_000).toISOString() }),
        a.organiser.token,
      ),
    );
    return { contest, round };
  }
});
