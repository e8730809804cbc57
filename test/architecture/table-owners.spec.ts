import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * One writing module per table (docs/architecture.md): a table belongs to the library that
 * declares its entity, and only that library's sources INSERT, UPDATE or DELETE it; others
 * read, or call the owner (issue 17: the last foreign writes, erasure and retention in
 * identity and attempt status in judging, moved behind their owners; no allowance is left).
 */
const ROOT = join(__dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !/\.(e2e-)?spec\.ts$/.test(name) ? [path] : [];
  });
}

const libOf = (path: string) => /^libs\/([^/]+)\//.exec(path)![1];

/** Every source file of every library, as repository paths. */
export function librarySources(): { path: string; text: string }[] {
  const libs = readdirSync(join(ROOT, 'libs')).filter((l) => statSync(join(ROOT, 'libs', l)).isDirectory());
  return libs
    .flatMap((l) => sources(join(ROOT, 'libs', l, 'src')))
    .map((abs) => ({ path: relative(ROOT, abs).split('\\').join('/'), text: readFileSync(abs, 'utf8') }));
}

/** table → owning library, and entity class → table, from `@Entity('table') export class X`. */
export function entityOwners(files: { path: string; text: string }[]): { owners: Map<string, string>; classes: Map<string, string> } {
  const owners = new Map<string, string>();
  const classes = new Map<string, string>();
  for (const f of files) {
    for (const m of f.text.matchAll(/@Entity\(\s*'([a-z_]+)'\s*\)\s*(?:@\w+\([^)]*\)\s*)*export class (\w+)/g)) {
      owners.set(m[1], libOf(f.path));
      classes.set(m[2], m[1]);
    }
  }
  return { owners, classes };
}

/** The tables a line of source writes: SQL statements, and TypeORM writes naming an entity class. */
export function writtenTables(line: string, classes: Map<string, string>): string[] {
  const out = new Set<string>();
  for (const m of line.matchAll(/\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM|TRUNCATE(?:\s+TABLE)?)\s+"?([a-z_]+)"?(?![\w"])/gi)) {
    const t = m[1].toLowerCase();
    if (!['set', 'of', 'nowait', 'only'].includes(t)) out.add(t);
  }
  for (const m of line.matchAll(/\b(?:save|insert|update|upsert|delete|remove|softDelete|increment|decrement)\(\s*(\w+)\b/g)) {
    const t = classes.get(m[1]);
    if (t) out.add(t);
  }
  for (const m of line.matchAll(/getRepository\(\s*(\w+)\s*\)\s*\.\s*(?:save|insert|update|upsert|delete|remove|softDelete|increment|decrement)\b/g)) {
    const t = classes.get(m[1]);
    if (t) out.add(t);
  }
  return [...out];
}

/** "lib writes table (path)" for every write outside the table's owner. */
export function foreignWrites(files: { path: string; text: string }[]): string[] {
  const { owners, classes } = entityOwners(files);
  const found = new Set<string>();
  for (const f of files) {
    const lib = libOf(f.path);
    for (const line of f.text.split('\n')) {
      if (/^\s*(\/\/|\*)/.test(line)) continue;
      for (const table of writtenTables(line, classes)) {
        const owner = owners.get(table);
        if (owner && owner !== lib) found.add(`${lib} writes ${table} (${owner}'s): ${f.path}`);
      }
    }
  }
  return [...found].sort();
}

describe('one writing module per table', () => {
  const files = librarySources();

  it('reads ownership from the entities', () => {
    const { owners } = entityOwners(files);
    expect(owners.get('round')).toBe('contests');
    expect(owners.get('attempt')).toBe('attempts');
    expect(owners.get('user')).toBe('identity');
    expect(owners.size).toBeGreaterThan(20);
  });

  it('recognises writes and not reads', () => {
    const classes = new Map([
      ['Round', 'round'],
      ['Attempt', 'attempt'],
    ]);
    expect(writtenTables("await m.query(`UPDATE attempt SET status = 'void' WHERE id = $1`)", classes)).toEqual(['attempt']);
    expect(writtenTables('INSERT INTO "user" (id) VALUES ($1)', classes)).toEqual(['user']);
    expect(writtenTables('DELETE FROM round_judge WHERE round_id = $1', classes)).toEqual(['round_judge']);
    expect(writtenTables('await m.update(Round, { id }, { title })', classes)).toEqual(['round']);
    expect(writtenTables('await this.db.getRepository(Attempt).save(a)', classes)).toEqual(['attempt']);
    expect(writtenTables('SELECT * FROM attempt WHERE round_id = $1 FOR UPDATE', classes)).toEqual([]);
    expect(writtenTables('ON CONFLICT (id) DO UPDATE SET score = EXCLUDED.score', classes)).toEqual([]);
  });

  it('no library writes a table another owns', () => {
    expect(foreignWrites(files)).toEqual([]);
  });

  it('would catch a foreign write', () => {
    const planted = { path: 'libs/identity/src/x.ts', text: 'await m.query(`UPDATE attempt SET ip = NULL WHERE user_id = $1`, [id]);' };
    expect(foreignWrites([...files, planted])).toEqual(["identity writes attempt (attempts's): libs/identity/src/x.ts"]);
  });
});
