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

// The 63 CCCD province codes (libs/identity/src/pii/cccd.ts), so generated numbers have a real structure.
const CCCD_PROVINCES =
  '001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033 034 035 036 037 038 040 042 044 045 046 048 049 051 052 054 056 058 060 062 064 066 067 068 070 072 074 075 077 079 080 082 083 084 086 087 089 091 092 093 094 095 096'.split(
    ' ',
  );

/**
 * A phone and national ID that no other test in this run uses. The CCCD is structurally real
 * for the date of birth given (province code, century/sex digit, birth year): the file's block and
 * counter (10^8 values) spread over province × sex (126) × 6 serial digits.
 */
export function uniqueIdentity(dateOfBirth = '1990-05-17'): { phone: string; nationalId: string } {
  block ??= claimBlock();
  const n = String(++seq).padStart(4, '0');
  if (seq > 9999) throw new Error('one test file registered more than 9,999 residents');
  const index = Number(block) * 10_000 + seq;
  const high = Math.floor(index / 1_000_000);
  const year = Number(dateOfBirth.slice(0, 4));
  const centuryDigit = (year >= 2000 ? 2 : 0) + (high >= CCCD_PROVINCES.length ? 1 : 0);
  const nationalId = `${CCCD_PROVINCES[high % CCCD_PROVINCES.length]}${centuryDigit}${dateOfBirth.slice(2, 4)}${String(index % 1_000_000).padStart(6, '0')}`;
  return { phone: `09${block}${n}`, nationalId };
}

export function residentInput(over: Record<string, unknown> = {}) {
  const id = uniqueIdentity(typeof over.dateOfBirth === 'string' && /^\d{4}-/.test(over.dateOfBirth) ? over.dateOfBirth : undefined);
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
export async function newOrganisation(
  http: Http,
  admin: Session,
  name = `Sở Tư pháp ${++seq} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`,
): Promise<{ id: string; name: string }> {
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
