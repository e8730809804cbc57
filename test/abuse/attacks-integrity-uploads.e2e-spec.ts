import { existsSync, mkdirSync, mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Http, Res, startApi, TestApi } from '../harness';
import { loginAdmin, newOrganisation, newStaff, ok, Session } from '../factories';
import { entrant, iso, newContest, sleep } from '../../libs/contests/test/factories';
import { handInFile, marksFor, pdfBytes, RUBRIC } from '../../libs/judging/test/judged-entries-helpers';
import { Catalogue } from './catalogue';
import { multipartParts, RawUpload } from './raw-upload';

const cat = new Catalogue('integrity-uploads');
const IDLE_MS = 2000;

/** A real text of the rapporteur competition, repeated to `length` UTF-16 units (NFC, no edge spaces). */
function vietnameseText(length: number, newlineEvery = 0): string {
  const sentence = 'Điều 3. Tham nhũng là hành vi của người có chức vụ, quyền hạn đã lợi dụng chức vụ, quyền hạn đó vì vụ lợi; ';
  let s = '';
  let i = 0;
  while (s.length < length) s += newlineEvery && ++i % newlineEvery === 0 ? `${sentence.trim()}\n` : sentence;
  s = s.slice(0, length - 1) + 'ệ';
  return s.normalize('NFC');
}

/** Waits for a raw upload's answer, or gives up after `ms` (a server that never answers is the bug). */
async function answerWithin(up: RawUpload, ms: number): Promise<Res | 'no answer'> {
  return Promise.race([up.response, sleep(ms).then(() => 'no answer' as const)]);
}

describe('named attacks: late, slow, concurrent and malformed hand-ins of judged entries', () => {
  const uploadDir = mkdtempSync(join(tmpdir(), 'lc-upload-attacks-'));
  const entriesDir = join(uploadDir, 'entries');
  let api: TestApi;
  let http: Http;
  let db: DataSource;
  let admin: Session;
  let organiser: Session;
  let judge: Session;

  const files = () => (existsSync(entriesDir) ? readdirSync(entriesDir).sort() : []);
  const entryOf = async (roundId: string, userId: string) =>
    (await db.query('SELECT id, text, file_key, version FROM judged_entry WHERE round_id = $1 AND user_id = $2', [roundId, userId])) as {
      id: string;
      text: string | null;
      file_key: string | null;
      version: number;
    }[];
  const setClosesAt = (roundId: string, sql: string) => db.query(`UPDATE round SET closes_at = ${sql} WHERE id = $1`, [roundId]);

  /** A published contest with one judged round open for an hour, its rubric set and `judge` on the jury. */
  async function judgedRound(): Promise<{ contestId: string; roundId: string }> {
    const c = await newContest(http, organiser);
    const round = await ok(
      http.post(
        `/contests/${c.id}/rounds`,
        { title: 'Vòng thuyết trình', kind: 'judged', opensAt: iso(Date.now() - 1000), closesAt: iso(Date.now() + 3600_000) },
        organiser.token,
      ),
      'judged round',
    );
    await ok(http.put(`/rounds/${round.id}/jury`, { rubric: RUBRIC }, organiser.token), 'jury');
    await ok(http.post(`/rounds/${round.id}/judges`, { userId: judge.user.id }, organiser.token), 'assign judge');
    await ok(http.post(`/contests/${c.id}/publish`, {}, organiser.token), 'publish');
    return { contestId: c.id, roundId: round.id };
  }

  beforeAll(async () => {
    api = await startApi({ UPLOAD_DIR: uploadDir, UPLOAD_IDLE_TIMEOUT_MS: String(IDLE_MS) });
    http = new Http(api.url);
    db = api.app.get(DataSource);
    admin = await loginAdmin(http);
    const org = await newOrganisation(http, admin);
    organiser = await newStaff(http, admin, 'organiser', org.id);
    judge = await newStaff(http, admin, 'judge', org.id);
  });
  afterAll(() => api.close());

  /** Starts a PDF upload over a raw socket and keeps it alive (a byte every 200 ms) until `finish`. */
  function heldUpload(roundId: string, token: string) {
    const padding = Buffer.alloc(4000, 0x20);
    const parts = multipartParts({ text: 'Bản nộp muộn' }, { name: 'muon.pdf', bytes: Buffer.concat([pdfBytes('nộp muộn'), padding]) });
    const pdfLength = parts.file.length - padding.length;
    const up = RawUpload.start(api.url, `/rounds/${roundId}/entries`, token, parts, pdfLength);
    const stop = up.startTrickle(padding, 200);
    return {
      finish: async (): Promise<Res> => {
        const sent = stop();
        up.write(Buffer.concat([padding.subarray(sent), parts.tail]));
        try {
          return await up.response;
        } finally {
          up.destroy();
        }
      },
      up,
    };
  }

  cat.attack(
    'U01 an upload started in time and completed after closesAt',
    '409 entries_closed, its file removed, the entry as it was',
    async () => {
      const { contestId, roundId } = await judgedRound();
      const a = await entrant(http, contestId);
      const first = await handInFile(http, roundId, a.token, { bytes: pdfBytes('bản đầu'), name: 'ban-dau.pdf' }, { text: 'Bản đầu' });
      expect(first.status).toBe(201);
      const before = await entryOf(roundId, a.user.id);
      const filesBefore = files();
      const held = heldUpload(roundId, a.token);
      await sleep(300); // the upload is under way (its .part file exists) when the round closes
      await setClosesAt(roundId, "now() - interval '1 second'");
      const late = cat.check(await held.finish(), 409);
      expect(late.body.code).toBe('entries_closed');
      expect(await entryOf(roundId, a.user.id)).toEqual(before);
      expect(files()).toEqual(filesBefore);
      expect(filesBefore).toContain(before[0].file_key);
    },
    30_000,
  );

  cat.attack(
    'U02 an upload held open past closesAt while a judge marks the entry',
    '409, the marked entry and its file untouched, nothing else on disk',
    async () => {
      const { contestId, roundId } = await judgedRound();
      const a = await entrant(http, contestId);
      const first = await handInFile(http, roundId, a.token, { bytes: pdfBytes('bản được chấm'), name: 'ban-cham.pdf' }, { text: 'Bản được chấm' });
      expect(first.status).toBe(201);
      const filesBefore = files();
      const held = heldUpload(roundId, a.token);
      await sleep(300);
      await setClosesAt(roundId, "now() - interval '1 second'");
      expect((await http.post(`/entries/${first.body.id}/scores`, { scores: marksFor(80), comment: 'Tốt' }, judge.token)).status).toBe(200);
      const late = cat.check(await held.finish(), 409);
      expect(['entries_closed', 'entry_marked']).toContain(late.body.code);
      const [entry] = await entryOf(roundId, a.user.id);
      expect(entry).toMatchObject({ text: 'Bản được chấm', version: 1, file_key: first.body.file ? expect.any(String) : null });
      expect(files()).toEqual(filesBefore);
    },
    30_000,
  );

  cat.attack(
    'U03 a replacement of an entry a judge has marked, after the organiser moved closesAt later',
    '409 entry_marked (JSON and multipart), the entry and its file kept',
    async () => {
      const { contestId, roundId } = await judgedRound();
      const a = await entrant(http, contestId);
      const first = await handInFile(http, roundId, a.token, { bytes: pdfBytes('bản gốc'), name: 'ban-goc.pdf' }, { text: 'Bản gốc' });
      expect(first.status).toBe(201);
      await setClosesAt(roundId, "now() - interval '1 second'");
      expect((await http.post(`/entries/${first.body.id}/scores`, { scores: marksFor(70) }, judge.token)).status).toBe(200);
      await setClosesAt(roundId, "now() + interval '1 hour'");
      const filesBefore = files();
      expect(cat.check(await http.post(`/rounds/${roundId}/entries`, { text: 'Bản thay' }, a.token), 409).body.code).toBe('entry_marked');
      expect(cat.check(await handInFile(http, roundId, a.token, { bytes: pdfBytes('bản thay'), name: 'ban-thay.pdf' }), 409).body.code).toBe('entry_marked');
      expect((await entryOf(roundId, a.user.id))[0]).toMatchObject({ text: 'Bản gốc', version: 1 });
      expect(files()).toEqual(filesBefore);
    },
  );

  cat.attack(
    'U04 slow loris: the fields and half a file, then silence',
    `408 upload_timeout after ${IDLE_MS} ms idle, connection closed, no file or .part left`,
    async () => {
      const { contestId, roundId } = await judgedRound();
      const a = await entrant(http, contestId);
      const filesBefore = files();
      const parts = multipartParts({ text: 'Chậm' }, { name: 'cham.pdf', bytes: Buffer.concat([pdfBytes('chậm'), Buffer.alloc(8000, 0x20)]) });
      const up = RawUpload.start(api.url, `/rounds/${roundId}/entries`, a.token, parts, 2000);
      try {
        const res = await answerWithin(up, 8 * IDLE_MS);
        expect(res).not.toBe('no answer');
        expect(cat.check(res as Res, 408).body.code).toBe('upload_timeout');
        await up.closed; // the server hangs up rather than reading the rest
        expect(files()).toEqual(filesBefore);
        expect(await entryOf(roundId, a.user.id)).toEqual([]);
      } finally {
        up.destroy();
      }
    },
    30_000,
  );

  cat.attack(
    'U05 eight concurrent first hand-ins by one entrant',
    'one 201 and seven 200s, one entry, exactly one file on disk (its own), no .part',
    async () => {
      const { contestId, roundId } = await judgedRound();
      const a = await entrant(http, contestId);
      const filesBefore = new Set(files());
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) => handInFile(http, roundId, a.token, { bytes: pdfBytes(`bản ${i}`), name: `ban-${i}.pdf` }, { text: `Bản ${i}` })),
      );
      cat.count(8);
      expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
      const rows = await entryOf(roundId, a.user.id);
      expect(rows).toHaveLength(1);
      expect(rows[0].version).toBe(8);
      expect(files().filter((f) => !filesBefore.has(f))).toEqual([rows[0].file_key]);
    },
  );

  cat.attack(
    'U06 leftovers on disk: an old .part, an old file no entry names, fresh ones, a referenced one',
    'the sweep removes the old .part and the old orphan only',
    async () => {
      const { EntryFileSweep } = await import('../../libs/judging/src/judged-entries/files/entry-file-sweep');
      const { contestId, roundId } = await judgedRound();
      const a = await entrant(http, contestId);
      const kept = await handInFile(http, roundId, a.token, { bytes: pdfBytes('được giữ'), name: 'giu.pdf' });
      expect(kept.status).toBe(201);
      const [{ file_key: referenced }] = await entryOf(roundId, a.user.id);
      mkdirSync(entriesDir, { recursive: true });
      const key = (c: string) => c.repeat(32);
      const longAgo = new Date(Date.now() - 7 * 86400_000);
      for (const name of [`${key('a')}.part`, key('b'), `${key('c')}.part`, key('d'), 'ghi-chu.txt']) writeFileSync(join(entriesDir, name), 'x');
      for (const name of [`${key('a')}.part`, key('b'), 'ghi-chu.txt', referenced!]) utimesSync(join(entriesDir, name), longAgo, longAgo);
      const result = await api.app.get(EntryFileSweep).sweep();
      expect(result).toMatchObject({ temporary: 1, orphaned: 1 });
      const left = files();
      expect(left).toEqual(expect.arrayContaining([referenced, `${key('c')}.part`, key('d'), 'ghi-chu.txt']));
      expect(left).not.toContain(`${key('a')}.part`);
      expect(left).not.toContain(key('b'));
    },
  );

  cat.attack('U07 a NUL character in a multipart text or link field', '400 invalid_text, no entry, no file', async () => {
    const { contestId, roundId } = await judgedRound();
    const a = await entrant(http, contestId);
    const filesBefore = files();
    for (const fields of [{ text: 'Bài\u0000 dự thi' }, { link: 'https://video.example.vn/\u0000' }] as Record<string, string>[]) {
      expect(cat.check(await handInFile(http, roundId, a.token, { bytes: pdfBytes(), name: 'bai.pdf' }, fields), 400).body.code).toBe('invalid_text');
    }
    expect(await entryOf(roundId, a.user.id)).toEqual([]);
    expect(files()).toEqual(filesBefore);
  });

  cat.attack(
    'U08 multipart entry text at and over the 50,000-character limit (Vietnamese: multi-byte UTF-8)',
    'accepted whole at 50,000 (NFC, NFD, with line breaks); 400 at 50,001; 413 naming the limit when the field is too large to read',
    async () => {
      const { contestId, roundId } = await judgedRound();
      const a = await entrant(http, contestId);
      const pdf = { bytes: pdfBytes(), name: 'bai.pdf' };
      const whole = vietnameseText(50_000);
      expect(Buffer.byteLength(whole)).toBeGreaterThan(64 * 1024);
      const cases = [whole, whole.normalize('NFD'), vietnameseText(50_000, 5)];
      for (const text of cases) {
        const r = await handInFile(http, roundId, a.token, pdf, { text });
        expect([200, 201]).toContain(r.status);
        const [stored] = await entryOf(roundId, a.user.id);
        expect(stored.text!.length).toBe(50_000);
        expect(stored.text).toBe(text.normalize('NFC'));
      }
      const over = cat.check(await handInFile(http, roundId, a.token, pdf, { text: vietnameseText(50_001) }), 400).body;
      expect(over.message + JSON.stringify(over.details)).toMatch(/50000/);
      const huge = cat.check(await handInFile(http, roundId, a.token, pdf, { text: 'ệ'.repeat(120_000) }), 413).body;
      expect(huge.code).toBe('entry_text_too_long');
      expect(huge.message).toMatch(/50000 characters/);
      expect((await entryOf(roundId, a.user.id))[0].text!.length).toBe(50_000);
    },
  );
});
