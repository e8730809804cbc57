import ExcelJS from 'exceljs';
import { Http } from '../../../test/harness';
import { Session } from '../../../test/factories';
import type { KnownQuestion } from '../../contests/test/factories';
import { answerBody, type QuestionView } from '../../attempts/test/helpers';

export type Verdict = 'right' | 'wrong' | 'skip';

/** One entry through the real API, each drawn question answered as `how` says (by the bank's question). */
export async function enterAs(
  http: Http,
  who: Session,
  roundId: string,
  bank: KnownQuestion[],
  how: (q: KnownQuestion) => Verdict,
): Promise<{ attemptId: string; score: number }> {
  const start = await http.post(`/rounds/${roundId}/attempts`, {}, who.token);
  if (start.status !== 201) throw new Error(`start: ${start.status} ${JSON.stringify(start.body)}`);
  const a = start.body as { id: string; questions: QuestionView[] };
  for (const q of a.questions) {
    const k = bank.find((b) => b.stem === q.stem)!;
    const v = how(k);
    if (v === 'skip') continue;
    const r = await http.put(`/attempts/${a.id}/answers/${q.id}`, answerBody(q, bank, v === 'right'), who.token);
    if (r.status !== 200) throw new Error(`answer: ${r.status} ${JSON.stringify(r.body)}`);
  }
  const sub = await http.post(`/attempts/${a.id}/submit`, {}, who.token);
  if (sub.status !== 200) throw new Error(`submit: ${sub.status} ${JSON.stringify(sub.body)}`);
  return { attemptId: a.id, score: sub.body.score };
}

/** Downloads a file over real HTTP (the JSON client would mangle the bytes). */
export async function download(base: string, path: string, token: string): Promise<{ status: number; type: string; disposition: string; body: Buffer }> {
  const res = await fetch(`${base}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    disposition: res.headers.get('content-disposition') ?? '',
    body: Buffer.from(await res.arrayBuffer()),
  };
}

export async function openXlsx(body: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb;
}

/** A sheet as rows of plain values (row 1 is the header). */
export function rowsOf(wb: ExcelJS.Workbook, name: string): unknown[][] {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet "${name}" (have: ${wb.worksheets.map((w) => w.name).join(', ')})`);
  const out: unknown[][] = [];
  ws.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}

/** Every cell of a workbook that would run as a formula. */
export function formulas(wb: ExcelJS.Workbook): string[] {
  const found: string[] = [];
  for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => c.type === ExcelJS.ValueType.Formula && found.push(`${ws.name}!${c.address}`)));
  return found;
}
