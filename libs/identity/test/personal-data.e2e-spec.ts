import { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from '@lc/platform';
import { expectError, Http, startApi, TestApi } from '../../../test/harness';
import { loginAdmin, newResident, ok, Session } from '../../../test/factories';
import { entrant, liveQuiz, orgWithBank, OrgSetup } from '../../contests/test/factories';
import { answerBody } from '../../attempts/test/helpers';
import { DELETED_USER_NAME } from '../src';
import { purgeExpiredPersonalData } from '../../personal-data/src';

/** Decree 13/2023: a resident downloads and erases their data; retention purges what expires. */
describe('personal data: export, deletion, retention (real PostgreSQL + Redis)', () => {
  let api: TestApi;
  let http: Http;
  let db: DataSource;
  let admin: Session;
  let setup: OrgSetup;

  beforeAll(async () => {
    api = await startApi();
    http = new Http(api.url);
    db = api.app.get(DataSource);
    admin = await loginAdmin(http);
    setup = await orgWithBank(http, admin, 4);
  });
  afterAll(() => api.close());

  /** A resident with one submitted attempt (two answers) in a live quiz. */
  async function residentWithAttempt() {
    const { contest, round } = await liveQuiz(http, setup, { selection: [{ bankId: setup.bankId, count: 2 }] });
    const r = await entrant(http, contest.id, { unit: 'Xã Đông Hưng' });
    const at = await ok(http.req('POST', `/rounds/${round.id}/attempts`, { body: {}, token: r.token, headers: { 'x-device-id': 'device-abc-123' } }), 'start');
    for (const q of at.questions) await ok(http.put(`/attempts/${at.id}/answers/${q.id}`, answerBody(q, setup.questions, true), r.token), 'answer');
    await ok(http.post(`/attempts/${at.id}/events`, { kind: 'focus_lost' }, r.token), 'event');
    const submitted = await ok(http.post(`/attempts/${at.id}/submit`, {}, r.token), 'submit');
    return { r, contest, round, attemptId: at.id as string, submitted };
  }

  it("gives a resident all of their own data, their phone and national ID unmasked, and nobody else's", async () => {
    const { r, contest, round, attemptId } = await residentWithAttempt();
    const other = await newResident(http);
    const res = await http.get('/me/data', r.token);
    expect(res.status).toBe(200);
    const d = res.body;
    expect(d.profile).toEqual(
      expect.objectContaining({
        id: r.user.id,
        fullName: r.input.fullName,
        phone: r.input.phone,
        nationalId: r.input.nationalId,
        dateOfBirth: r.input.dateOfBirth,
      }),
    );
    expect(d.consents.personalDataConsentAt).toEqual(expect.any(String));
    expect(d.registrations).toEqual([expect.objectContaining({ contestId: contest.id, unit: 'Xã Đông Hưng' })]);
    expect(d.attempts).toHaveLength(1);
    const a = d.attempts[0];
    expect(a).toEqual(
      expect.objectContaining({ id: attemptId, roundId: round.id, status: 'submitted', score: 2, deviceId: 'device-abc-123', ip: expect.any(String) }),
    );
    expect(a.answers).toHaveLength(2);
    // questionId, as PUT /attempts/:id/answers/:questionId names it; questionKey stays one release as its deprecated alias.
    for (const x of a.answers) expect(x).toEqual(expect.objectContaining({ questionId: expect.any(String), questionKey: x.questionId }));
    expect(a.events).toEqual([expect.objectContaining({ kind: 'focus_lost' })]);
    const text = JSON.stringify(d);
    expect(text).not.toContain(other.user.id);
    expect(text).not.toContain(other.input.phone);
    expect(text).not.toContain('passwordHash');
    expect(text).not.toMatch(/\$argon2/);
    // Only /me/data unmasks: the profile stays masked.
    expect((await http.get('/me', r.token)).body.phone).not.toBe(r.input.phone);
    // Guardian consent travels with a minor's export.
    const minor = await newResident(http, { dateOfBirth: '2015-03-01', guardianName: 'Trần Văn Cha', guardianConsent: true });
    const md = (await http.get('/me/data', minor.token)).body;
    expect(md.consents).toEqual(expect.objectContaining({ guardianName: 'Trần Văn Cha', guardianConsentAt: expect.any(String) }));
  });

  it('masks phone and national ID in every other response that mentions the resident', async () => {
    const { r, contest, round, attemptId } = await residentWithAttempt();
    const seen = [
      await http.get('/me', r.token),
      await http.get(`/contests/${contest.id}/registration`, r.token),
      await http.get(`/contests/${contest.id}/registrations`, setup.organiser.token),
      await http.get(`/rounds/${round.id}/attempts`, setup.organiser.token),
      await http.get(`/attempts/${attemptId}`, setup.organiser.token),
      await http.get(`/rounds/${round.id}/leaderboard`, r.token),
      await http.get('/users?role=resident&limit=100', admin.token),
    ];
    for (const res of seen) {
      expect(res.status).toBe(200);
      const text = JSON.stringify(res.body);
      for (const secret of [r.input.phone, r.input.phone.slice(1), r.input.nationalId]) expect(text).not.toContain(secret);
    }
    expect(JSON.stringify(seen[0].body)).toContain(r.input.nationalId.slice(-3));
  });

  it('needs a signed-in caller', async () => {
    expectError(await http.get('/me/data'), 401);
    expectError(await http.req('DELETE', '/me', { body: { password: 'x' } }), 401);
  });

  it('kills the token on every instance as soon as the account is deleted on one (revocations are published)', async () => {
    const other = await startApi();
    try {
      const b = new Http(other.url);
      const r = await newResident(http);
      // B has checked this token and trusts its version for minutes while it listens for revocations.
      expect((await b.get('/me', r.token)).status).toBe(200);
      expect((await http.req('DELETE', '/me', { body: { password: r.input.password }, token: r.token })).status).toBe(204);
      let status = 200;
      for (const until = Date.now() + 1000; status === 200 && Date.now() < until;) status = (await b.get('/me', r.token)).status;
      expect(status).toBe(401);
    } finally {
      await other.close();
    }
  });

  it('deletes an account on the password: anonymised, no sign-in, tokens dead, results kept, audited', async () => {
    const { r, round, attemptId } = await residentWithAttempt();
    expectError(await http.req('DELETE', '/me', { body: { password: 'wrong-password' }, token: r.token }), 401);
    expectError(await http.req('DELETE', '/me', { body: {}, token: r.token }), 400);
    expectError(await http.req('DELETE', '/me', { body: { password: r.input.password, role: 'admin' }, token: r.token }), 400);
    const boardBefore = await ok(http.get(`/rounds/${round.id}/leaderboard`, admin.token), 'board');

    const del = await http.req('DELETE', '/me', { body: { password: r.input.password }, token: r.token });
    expect(del.status).toBe(204);

    expectError(await http.get('/me', r.token), 401);
    expectError(await http.get('/me/data', r.token), 401);
    expectError(await http.post('/auth/login', { login: r.input.phone, password: r.input.password }), 401);
    expectError(await http.post('/auth/refresh', { refreshToken: r.refreshToken }), 401);

    const [u] = await db.query(`SELECT * FROM "user" WHERE id = $1`, [r.user.id]);
    expect(u).toEqual(
      expect.objectContaining({
        full_name: DELETED_USER_NAME,
        email: null,
        phone_hash: null,
        phone_encrypted: null,
        phone_masked: null,
        national_id_hash: null,
        national_id_encrypted: null,
        national_id_masked: null,
        date_of_birth: null,
      }),
    );
    expect(u.deleted_at).not.toBeNull();
    expect(JSON.stringify(u)).not.toContain(r.input.phone);
    const [at] = await db.query(`SELECT status, score, ip, user_agent, device_id FROM attempt WHERE id = $1`, [attemptId]);
    expect(at).toEqual({ status: 'submitted', score: '2.0000', ip: null, user_agent: null, device_id: null });
    expect(await db.query(`SELECT ip FROM attempt_event WHERE attempt_id = $1`, [attemptId])).toEqual([{ ip: null }]);
    const boardAfter = await ok(http.get(`/rounds/${round.id}/leaderboard`, admin.token), 'board');
    expect(boardAfter.total).toBe(boardBefore.total);
    // The board keeps the place but shows the anonymised name at once, not a cached real one.
    const onBoard = (b: { items: { userId: string; displayName: string }[] }) => b.items.find((i) => i.userId === r.user.id)?.displayName;
    expect(onBoard(boardBefore)).not.toBe(onBoard(boardAfter));
    expect(JSON.stringify(boardAfter)).not.toContain(r.input.fullName.split(' ').pop()!);
    const audit = await db.query(`SELECT actor_id, action FROM audit_log WHERE entity_type = 'user' AND entity_id = $1`, [r.user.id]);
    expect(audit).toEqual([{ actor_id: r.user.id, action: 'user.self_delete' }]);

    // The phone and national ID are free again: the person may come back as a new account.
    const back = await http.post('/auth/register', { ...r.input });
    expect(back.status).toBe(201);
    expect(back.body.user.id).not.toBe(r.user.id);
  });

  it("lets an admin erase a resident's account as completely as the resident can, audited as the admin's", async () => {
    const { r, attemptId, contest } = await residentWithAttempt();
    const [{ id: regId }] = await db.query(`SELECT id FROM registration WHERE user_id = $1 AND contest_id = $2`, [r.user.id, contest.id]);
    await db.query(`UPDATE registration SET fields = '{"workplace":"Trường THCS Đông Hưng"}'::jsonb WHERE id = $1`, [regId]);
    expectError(await http.delete(`/users/${r.user.id}`, setup.organiser.token), 403);

    expect((await http.delete(`/users/${r.user.id}`, admin.token)).status).toBe(204);

    expectError(await http.get('/me', r.token), 401);
    expectError(await http.post('/auth/refresh', { refreshToken: r.refreshToken }), 401);
    const [u] = await db.query(`SELECT full_name, phone_hash, national_id_hash, deleted_at FROM "user" WHERE id = $1`, [r.user.id]);
    expect(u).toEqual(expect.objectContaining({ full_name: DELETED_USER_NAME, phone_hash: null, national_id_hash: null }));
    // What DELETE /me erases beyond the user row, and the admin's DELETE /users/:id used to leave behind.
    expect(await db.query(`SELECT fields FROM registration WHERE id = $1`, [regId])).toEqual([{ fields: {} }]);
    const [at] = await db.query(`SELECT status, ip, user_agent, device_id FROM attempt WHERE id = $1`, [attemptId]);
    expect(at).toEqual({ status: 'submitted', ip: null, user_agent: null, device_id: null });
    expect(await db.query(`SELECT ip FROM attempt_event WHERE attempt_id = $1`, [attemptId])).toEqual([{ ip: null }]);
    expect(await db.query(`SELECT count(*)::int AS n FROM refresh_token WHERE user_id = $1 AND revoked_at IS NULL`, [r.user.id])).toEqual([{ n: 0 }]);
    const audit = await db.query(`SELECT actor_id, action FROM audit_log WHERE entity_type = 'user' AND entity_id = $1`, [r.user.id]);
    expect(audit).toEqual([{ actor_id: admin.user.id, action: 'user.delete' }]);
    expectError(await http.delete(`/users/${r.user.id}`, admin.token), 404);
  });

  it('leaves staff accounts to admins', async () => {
    expectError(await http.req('DELETE', '/me', { body: { password: process.env.ADMIN_PASSWORD }, token: admin.token }), 403);
    expect((await http.get('/me', admin.token)).status).toBe(200);
  });

  it('purges IPs, user agents and device ids past the integrity retention, and old audit entries', async () => {
    const { attemptId: oldId } = await residentWithAttempt();
    const { attemptId: newId } = await residentWithAttempt();
    await db.query(`UPDATE attempt SET started_at = now() - interval '40 days' WHERE id = $1`, [oldId]);
    await db.query(`UPDATE attempt_event SET at = now() - interval '40 days' WHERE attempt_id = $1`, [oldId]);
    const [{ id: oldAudit }] = await db.query(
      `INSERT INTO audit_log (action, entity_type, entity_id, at) VALUES ('test.old', 'test', 'x', now() - interval '400 days') RETURNING id`,
    );
    const [{ id: keptAudit }] = await db.query(
      `INSERT INTO audit_log (action, entity_type, entity_id, at) VALUES ('test.kept', 'test', 'x', now() - interval '300 days') RETURNING id`,
    );

    const counts = await db.transaction((m) => purgeExpiredPersonalData(m, { integrityDays: 30, auditDays: 365 }, new Date()));
    expect(counts.attempts).toBeGreaterThanOrEqual(1);
    expect(counts.attemptEvents).toBeGreaterThanOrEqual(1);
    expect(counts.auditEntries).toBeGreaterThanOrEqual(1);

    const rows: { id: string; ip: string | null; device_id: string | null; user_agent: string | null; score: string }[] = await db.query(
      `SELECT id, ip, device_id, user_agent, score FROM attempt WHERE id = ANY($1::uuid[])`,
      [[oldId, newId]],
    );
    const old = rows.find((x) => x.id === oldId)!;
    const recent = rows.find((x) => x.id === newId)!;
    expect(old).toEqual(expect.objectContaining({ ip: null, device_id: null, user_agent: null, score: '2.0000' }));
    expect(recent.ip).not.toBeNull();
    expect(recent.device_id).toBe('device-abc-123');
    expect(await db.query(`SELECT ip FROM attempt_event WHERE attempt_id = $1`, [oldId])).toEqual([{ ip: null }]);
    expect((await db.query(`SELECT ip FROM attempt_event WHERE attempt_id = $1`, [newId]))[0].ip).not.toBeNull();
    expect(await db.query(`SELECT id FROM audit_log WHERE id = ANY($1::uuid[])`, [[oldAudit, keptAudit]])).toEqual([{ id: keptAudit }]);
  });

  it('validates the retention settings, with defaults', () => {
    const base = { DATABASE_URL: 'postgres://x@127.0.0.1/x', REDIS_URL: 'redis://127.0.0.1:6379/0', JWT_SECRET: 'a'.repeat(32), PII_KEY: 'b'.repeat(32) };
    expect(loadConfig(base)).toEqual(expect.objectContaining({ retentionIntegrityDays: 180, retentionAuditDays: 1825 }));
    expect(loadConfig({ ...base, RETENTION_INTEGRITY_DAYS: '30', RETENTION_AUDIT_DAYS: '365' })).toEqual(
      expect.objectContaining({ retentionIntegrityDays: 30, retentionAuditDays: 365 }),
    );
    expect(() => loadConfig({ ...base, RETENTION_INTEGRITY_DAYS: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, RETENTION_AUDIT_DAYS: 'forever' })).toThrow(/RETENTION_AUDIT_DAYS/);
  });
});
