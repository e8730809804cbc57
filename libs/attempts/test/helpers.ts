import { Http, Res } from '../../../test/harness';
import type { KnownQuestion } from '../../contests/test/factories';

/** Http that keeps every response body, to scan them all for leaks. */
export class RecordingHttp extends Http {
  readonly bodies: unknown[] = [];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- mirrors Http.req
  override async req<T = any>(method: string, path: string, opts: Parameters<Http['req']>[2] = {}): Promise<Res<T>> {
    const r = await super.req<T>(method, path, opts);
    this.bodies.push(r.body);
    return r;
  }
}

export interface QuestionView {
  id: string;
  type: string;
  stem: string;
  options: { id: string; text: string }[];
}

/** The body that answers `q` right (or wrong), knowing the bank's key. */
export function answerBody(q: QuestionView, bank: KnownQuestion[], right: boolean): { optionIds?: string[]; value?: string | number } {
  const k = bank.find((b) => b.stem === q.stem);
  if (!k) throw new Error(`unknown question ${q.stem}`);
  switch (k.type) {
    case 'numeric':
      return { value: right ? k.value! : k.value! + 100 };
    case 'short_text':
      return { value: right ? k.accepted![0] : 'không biết' };
    case 'single':
    case 'multiple':
    case 'true_false': {
      const texts = right ? k.correctTexts : k.wrongTexts.slice(0, 1);
      return { optionIds: q.options.filter((o) => texts.includes(o.text)).map((o) => o.id) };
    }
  }
}

/**
 * Answers the first `right` questions right and the rest wrong (or those the predicate picks,
 * the same whatever the order of the draw); returns the expected score (1 point each).
 */
export async function answerAll(
  http: Http,
  token: string,
  attempt: { id: string; questions: QuestionView[] },
  bank: KnownQuestion[],
  right: number | ((k: KnownQuestion) => boolean),
): Promise<number> {
  let score = 0;
  for (const [i, q] of attempt.questions.entries()) {
    const ok = typeof right === 'number' ? i < right : right(bank.find((b) => b.stem === q.stem)!);
    const r = await http.put(`/attempts/${attempt.id}/answers/${q.id}`, answerBody(q, bank, ok), token);
    if (r.status !== 200) throw new Error(`answer failed: ${r.status} ${JSON.stringify(r.body)}`);
    if (ok) score++;
  }
  return score;
}
