import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Http, Res } from '../../../test/harness';
import { loginAdmin, newOrganisation, newStaff, Session } from '../../../test/factories';
import type { QuestionView } from '../src/questions/question-view';

export const fixture = (name: string): Buffer => readFileSync(join(__dirname, 'fixtures', name));

export interface Tenant {
  orgId: string;
  organiser: Session;
  judge: Session;
}

/** An organisation with an organiser and a judge. */
export async function newTenant(http: Http, admin?: Session): Promise<Tenant & { admin: Session }> {
  const a = admin ?? (await loginAdmin(http));
  const org = await newOrganisation(http, a);
  return { admin: a, orgId: org.id, organiser: await newStaff(http, a, 'organiser', org.id), judge: await newStaff(http, a, 'judge', org.id) };
}

export async function newBank(http: Http, organiser: Session, name = `Ngân hàng ${Date.now()}`): Promise<string> {
  const r = await http.post('/question-banks', { name }, organiser.token);
  if (r.status !== 201) throw new Error(`bank: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.id;
}

/** POST /question-banks/:id/import with the file in the multipart field "file". */
export function importFile(http: Http, token: string, bankId: string, file: Buffer, filename: string, query: Record<string, string> = {}): Promise<Res> {
  const form = new FormData();
  form.append('file', new Blob([file]), filename);
  const qs = new URLSearchParams(query).toString();
  return http.req('POST', `/question-banks/${bankId}/import${qs ? `?${qs}` : ''}`, { token, raw: form });
}

/** GET /export as raw bytes. */
export async function exportFile(http: Http, token: string, bankId: string, format: string): Promise<{ status: number; body: Buffer; headers: Headers }> {
  const res = await fetch(`${http.base}/api/v1/question-banks/${bankId}/export?format=${format}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: Buffer.from(await res.arrayBuffer()), headers: res.headers };
}

/** Every question of a bank (pages through the list), as JSON (dates are strings). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON payloads, checked field by field by the tests
export async function allQuestions(http: Http, token: string, bankId: string): Promise<any[]> {
  const out: QuestionView[] = [];
  for (let offset = 0; ; offset += 200) {
    const r = await http.get(`/question-banks/${bankId}/questions?limit=200&offset=${offset}`, token);
    if (r.status !== 200) throw new Error(`list: ${r.status} ${JSON.stringify(r.body)}`);
    out.push(...r.body.items);
    if (out.length >= r.body.total || !r.body.items.length) return out;
  }
}

export const single = (stem: string, correct = 1, extra: Record<string, unknown> = {}) => ({
  type: 'single',
  stem,
  options: ['Phương án A', 'Phương án B', 'Phương án C'].map((text, i) => ({ text, correct: i === correct })),
  ...extra,
});
