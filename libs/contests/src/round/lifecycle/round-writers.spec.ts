import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Contests owns the round: its status moves only through the round lifecycle, every other
 * write of the row through the round store. This fails when any other file under
 * libs/<lib>/src writes `round` (SQL or TypeORM); reading it stays free for everyone.
 */
const ROOT = join(__dirname, '../../../../..');
const OWNERS = ['libs/contests/src/round/lifecycle/round-lifecycle.service.ts', 'libs/contests/src/round/lifecycle/round-store.ts'];

/** Ways to write the `round` table (not round_result, round_question, …). */
const WRITES: RegExp[] = [
  /\bUPDATE\s+"?round"?(?![\w"])/i,
  /\bINSERT\s+INTO\s+"?round"?(?![\w"])/i,
  /\bDELETE\s+FROM\s+"?round"?(?![\w"])/i,
  /\bTRUNCATE\s+(TABLE\s+)?"?round"?(?![\w"])/i,
  /\b(save|insert|update|upsert|delete|remove|softDelete|increment|decrement)\(\s*Round\b/,
  /getRepository\(\s*Round\s*\)\s*\.\s*(save|insert|update|upsert|delete|remove|softDelete|increment|decrement)\b/,
  /\b(save|insert|upsert)\(\s*\w+\.create\(\s*Round\b/,
  /@InjectRepository\(\s*Round\s*\)/,
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

function writesRound(text: string): string[] {
  return text.split('\n').filter((line) => WRITES.some((w) => w.test(line)));
}

describe('who writes the round row', () => {
  it('only the contests round lifecycle and round store do', () => {
    const libs = readdirSync(join(ROOT, 'libs')).filter((l) => statSync(join(ROOT, 'libs', l, 'src')).isDirectory());
    const offenders = libs
      .flatMap((l) => sources(join(ROOT, 'libs', l, 'src')))
      .map((path) => relative(ROOT, path).split('\\').join('/'))
      .filter((path) => !OWNERS.includes(path))
      .flatMap((path) => writesRound(readFileSync(join(ROOT, path), 'utf8')).map((line) => `${path}: ${line.trim()}`));
    expect(offenders).toEqual([]);
  });

  it('the owners exist and do write it (the allow-list is not stale)', () => {
    for (const path of OWNERS) expect(writesRound(readFileSync(join(ROOT, path), 'utf8')).length).toBeGreaterThan(0);
  });

  it('recognises the ways to write it, and not reads or other tables', () => {
    const writes = [
      "await m.query(`UPDATE round SET status = 'published' WHERE id = $1`, [id]);",
      'UPDATE "round" r SET title = $2',
      'INSERT INTO round (id) VALUES ($1)',
      "await m.query('DELETE FROM round WHERE id = $1', [id]);",
      "await m.update(Round, { id }, { status: 'closed' });",
      '  .update(Round)',
      'await this.db.getRepository(Round).save(round);',
      'await m.getRepository(Round) .insert(r);',
      'await m.save(m.create(Round, { id }));',
      '@InjectRepository(Round) private readonly rounds: Repository<Round>,',
    ];
    const reads = [
      'SELECT id FROM round WHERE id = $1 FOR UPDATE',
      'UPDATE round_result SET stale = true',
      'await m.update(RoundResult, { roundId }, { stale: true });',
      'INSERT INTO round_question (round_id) VALUES ($1)',
      'DELETE FROM round_judge WHERE round_id = $1',
      'const round = await this.db.getRepository(Round).findOneBy({ id });',
      'await m.findOneByOrFail(Round, { id: roundId });',
    ];
    for (const w of writes) expect([w, writesRound(w).length]).toEqual([w, 1]);
    for (const r of reads) expect([r, writesRound(r).length]).toEqual([r, 0]);
  });
});
