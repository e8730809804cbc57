import { randomInt } from 'node:crypto';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Http } from './http';

let seq = 0;
let block: string | undefined;

/**
 * Jest loads this module afresh for every test file, so a counter alone repeats across files.
 * Each file claims a block number no other file of this run holds (an O_EXCL file in a folder
 * named after the run), and counts within it.
 */
function claimBlock(): string {
  const dir = join(tmpdir(), `lc-test-ids-${process.env.REDIS_PREFIX ?? 'local'}`);
  mkdirSync(dir, { recursive: true });
  for (;;) {
    const candidate = String(randomInt(0, 10_000)).padStart(4, '0');
    try {
      closeSync(openSync(join(dir, candidate), 'wx'));
      return candidate;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}

/** A phone and national ID that no other test in this run uses. */
export function uniqueIdentity(): { phone: string; nationalId: string } {
  block ??= claimBlock();
  const n = String(++seq).padStart(4, '0');
  if (seq > 9999) throw new Error('one test file registered more than 9,999 residents');
  return { phone: `09${block}${n}`, nationalId: `0${block}${n}000` };
}

export function residentInput(over: Record<string, unknown> = {}) {
  const id = uniqueIdentity();
  return {
    fullName: 'Nguyễn Thị Bình',
    phone: id.phone,
    password: 'matkhau-an-toan',
    nationalId: id.nationalId,
    dateOfBirth: '1990-05-17',
    province: 'Quảng Ninh',
    commune: 'Phường Hạ Long',
    unit: 'Trường THPT Hòn Gai',
    consent: true,
    ...over,
  };
}

export interface Session {
  token: string;
  refreshToken: string;
  user: { id: string; role: string; organisationId: string | null; [k: string]: unknown };
}

/** Awaits a setup call and returns its body, failing loudly (with `what`) on any other status. */
export async function ok<T>(p: Promise<{ status: number; body: T }>, what = 'factory call', expected = [200, 201]): Promise<T> {
  const r = await p;
  if (!expected.includes(r.status)) throw new Error(`${what} failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

export async function loginAdmin(http: Http): Promise<Session> {
  const b = await ok(http.post('/auth/login', { login: process.env.ADMIN_EMAIL, password: process.env.ADMIN_PASSWORD }));
  return { token: b.accessToken, refreshToken: b.refreshToken, user: b.user };
}

export async function newResident(http: Http, over: Record<string, unknown> = {}): Promise<Session & { input: ReturnType<typeof residentInput> }> {
  const input = residentInput(over);
  const b = await ok(http.post('/auth/register', input));
  return { token: b.accessToken, refreshToken: b.refreshToken, user: b.user, input };
}

// Unique across the test files sharing one database: the staff import finds organisations by name.
export async function newOrganisation(http: Http, admin: Session, name = `Sở Tư pháp ${++seq} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`): Promise<{ id: string; name: string }> {
  return ok(http.post('/organisations', { name, level: 'province', province: 'Quảng Ninh' }, admin.token));
}

export async function newStaff(http: Http, admin: Session, role: 'organiser' | 'judge' | 'admin', organisationId?: string): Promise<Session> {
  // The file's block keeps e-mails apart across test files running at once (seq and the clock alone collided).
  block ??= claimBlock();
  const email = `${role}${++seq}.${block}.${Date.now().toString(36)}@test.local`;
  await ok(http.post('/users', { fullName: `Cán bộ ${seq}`, email, password: 'staff-password-1', role, organisationId }, admin.token));
  const b = await ok(http.post('/auth/login', { login: email, password: 'staff-password-1' }));
  return { token: b.accessToken, refreshToken: b.refreshToken, user: b.user };
}
