import { createHmac } from 'node:crypto';
import { expectError, Res } from '../harness';
import { responseProblems } from './error-shape';

/**
 * The named-attack catalogue: each attack is one test, titled with its expected answer, and
 * counts the hostile requests it sends. Each file prints its tally when it ends.
 */
export class Catalogue {
  private cases = 0;
  private badInputs = 0;

  constructor(private readonly name: string) {
    afterAll(() => process.stdout.write(`abuse attacks (${this.name}): ${this.cases} named cases, ${this.badInputs} bad inputs tried\n`));
  }

  attack(title: string, expected: string, fn: () => Promise<void>, timeoutMs?: number): void {
    this.cases++;
    it(`${title} → ${expected}`, fn, timeoutMs);
  }

  /** Records a hostile response: counted, never a 5xx, errors in the SPEC's shape; with `status`, exactly that. */
  check(res: Res, status?: number | number[]): Res {
    this.badInputs++;
    const problems = responseProblems(res);
    if (problems.length) throw new Error(`${res.status}: ${problems.join('; ')} ${JSON.stringify(res.body).slice(0, 300)}`);
    if (typeof status === 'number') expectError(res, status);
    else if (status && !status.includes(res.status))
      throw new Error(`expected one of ${status.join('/')}, got ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
    return res;
  }

  count(n = 1): void {
    this.badInputs += n;
  }
}

const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');

/** A JWT made by hand: any header, any claims, signed with any secret and HMAC (or unsigned). */
export function craftJwt(claims: Record<string, unknown>, opts: { secret?: string; alg?: 'HS256' | 'HS512' | 'none' } = {}): string {
  const alg = opts.alg ?? 'HS256';
  const head = `${b64({ alg, typ: 'JWT' })}.${b64(claims)}`;
  if (alg === 'none') return `${head}.`;
  const sig = createHmac(alg === 'HS512' ? 'sha512' : 'sha256', opts.secret ?? 'x')
    .update(head)
    .digest('base64url');
  return `${head}.${sig}`;
}
