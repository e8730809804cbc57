import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { Http } from '../../../test/harness';
import { sleep } from '../../contests/test/factories';
import { answerAll, QuestionView } from '../../attempts/test/helpers';
import type { KnownQuestion } from '../../contests/test/factories';

/** A binary GET over real HTTP (Http.req reads bodies as text, which would break XLSX and PDF). */
export async function download(base: string, path: string, token: string): Promise<{ status: number; headers: Headers; body: Buffer }> {
  const res = await fetch(`${base}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

/** The first sheet as rows of cell values (row 1 = headers). */
export async function readXlsx(buf: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

export function readCsv(buf: Buffer): string[][] {
  return parse(buf.subarray(3).toString('utf8'), { relax_column_count: true }) as string[][];
}

/**
 * Starts an attempt, answers `right` questions right (the first N shown, or those the
 * function picks), waits `delayMs`, submits with the prediction.
 */
export async function takeAttempt(
  http: Http,
  token: string,
  roundId: string,
  bank: KnownQuestion[],
  right: number | ((q: KnownQuestion) => boolean),
  prediction?: number,
  delayMs = 0,
) {
  const at = (await http.post(`/rounds/${roundId}/attempts`, {}, token)).body as { id: string; questions: QuestionView[] };
  if (!at.id) throw new Error(`start failed: ${JSON.stringify(at)}`);
  await answerAll(http, token, at, bank, right);
  if (delayMs) await sleep(delayMs);
  const sub = await http.post(`/attempts/${at.id}/submit`, prediction === undefined ? {} : { prediction }, token);
  if (sub.status !== 200) throw new Error(`submit failed: ${sub.status} ${JSON.stringify(sub.body)}`);
  return { id: at.id, score: sub.body.score as number };
}
