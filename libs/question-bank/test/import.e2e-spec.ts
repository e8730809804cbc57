import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { expectError, Http, startApi, TestApi } from '../../../test/harness';
import { allQuestions, fixture, importFile, newBank, newTenant, Tenant } from './helpers';
import { buildZip } from './zip-builder';

describe('question import: every format, all or nothing, hostile files refused', () => {
  let api: TestApi;
  let http: Http;
  let t: Tenant;
  let token: string;

  beforeAll(async () => {
    api = await startApi();
    http = new Http(api.url);
    t = await newTenant(http);
    token = t.organiser.token;
  });
  afterAll(() => api.close());

  const count = async (bankId: string) => (await http.get(`/question-banks/${bankId}/questions?limit=1`, token)).body.total as number;

  describe('the template spreadsheet', () => {
    const templateRows = () => parse(fixture('question-template.csv'), { bom: true }) as string[][];

    it('imports every row of question-template.csv, numeric and essay included', async () => {
      const bank = await newBank(http, t.organiser);
      const r = await importFile(http, token, bank, fixture('question-template.csv'), 'question-template.csv');
      expect(r.status).toBe(200);
      expect(r.body).toEqual(expect.objectContaining({ imported: 18, skipped: [], errors: [], duplicates: 0, dryRun: false }));
      const qs = await allQuestions(http, token, bank);
      expect(qs.map((q) => q.type)).toEqual(
        templateRows()
          .slice(1)
          .map((row) => row[2]),
      );
      const numeric = qs.find((q) => q.type === 'numeric');
      expect(numeric.answer).toEqual({ value: 2021, tolerance: 0 });
      expect(numeric.stem).toContain('"Tăng cường ứng dụng công nghệ thông tin');
      const essay = qs.find((q) => q.type === 'essay');
      expect(essay).toEqual(expect.objectContaining({ points: 10, difficulty: 3, topic: 'Phòng chống tham nhũng - Tự luận' }));
      const multiple = qs.find((q) => q.type === 'multiple');
      expect(multiple.options.map((o: { correct: boolean }) => o.correct)).toEqual([true, false, true, true]);
      const tf = qs.find((q) => q.type === 'true_false');
      expect(tf.options.map((o: { text: string; correct: boolean }) => [o.text, o.correct])).toEqual([
        ['Đúng', false],
        ['Sai', true],
      ]);
      expect(qs[0]).toEqual(
        expect.objectContaining({ legalReference: 'Luật Bầu cử ĐBQH và đại biểu HĐND 2015, Điều 1', explanation: expect.stringContaining('Điều 1') }),
      );

      const again = await importFile(http, token, bank, fixture('question-template.csv'), 'question-template.csv');
      expect(again.body).toEqual(expect.objectContaining({ imported: 0, duplicates: 18 }));
      expect(again.body.skipped[0].reason).toMatch(/^duplicate of question [0-9a-f-]{36} already in the bank$/);
      expect(await count(bank)).toBe(18);
    });

    it("reads Excel's semicolon CSV with a BOM, and UTF-8 without BOM", async () => {
      const semicolon = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(stringify(templateRows(), { delimiter: ';' }), 'utf8')]);
      const bank = await newBank(http, t.organiser);
      const r = await importFile(http, token, bank, semicolon, 'cau-hoi.csv');
      expect(r.body).toEqual(expect.objectContaining({ imported: 18, errors: [] }));
      const plain = Buffer.from(stringify(templateRows()), 'utf8');
      expect(plain[0]).not.toBe(0xef);
      const other = await newBank(http, t.organiser);
      expect((await importFile(http, token, other, plain, 'x.csv', { format: 'csv' })).body.imported).toBe(18);
      expect(await allQuestions(http, token, other)).toEqual(
        expect.arrayContaining([expect.objectContaining({ stem: 'Ngày Pháp luật nước Cộng hòa xã hội chủ nghĩa Việt Nam là ngày nào hằng năm?' })]),
      );
    });

    it('reads the template as XLSX', async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Câu hỏi');
      for (const row of templateRows()) ws.addRow(row.map((c, i) => ((i === 3 || i === 4) && /^\d+$/.test(c) ? Number(c) : c)));
      const file = Buffer.from(await wb.xlsx.writeBuffer());
      const bank = await newBank(http, t.organiser);
      const r = await importFile(http, token, bank, file, 'cau-hoi.xlsx');
      expect(r.body).toEqual(expect.objectContaining({ imported: 18, errors: [] }));
      const qs = await allQuestions(http, token, bank);
      expect(qs.find((q) => q.type === 'numeric').answer).toEqual({ value: 2021, tolerance: 0 });
      expect(qs.filter((q) => q.difficulty === 3)).toHaveLength(4);
    });

    it('imports nothing when any row is broken, and names each row and reason', async () => {
      const rows = templateRows().slice(0, 4);
      rows[2] = [...rows[2]];
      rows[2][10] = 'E';
      rows.push(['', '', 'single', '5', '1', 'Độ khó sai?', 'A', 'B', '', '', 'A', '']);
      rows.push(['', '', 'numeric', '', '', 'Số nào?', '', '', '', '', 'hai', '']);
      const bank = await newBank(http, t.organiser);
      const e = expectError(await importFile(http, token, bank, Buffer.from(stringify(rows)), 'loi.csv'), 400);
      expect(e.code).toBe('import_invalid');
      expect(e.message).toMatch(/3 problems; nothing was imported/);
      expect(e.details.errors).toEqual([
        { row: 3, reason: expect.stringMatching(/correct "E" is not the letter of a filled option/) },
        { row: 5, reason: 'difficulty must be 1, 2 or 3' },
        { row: 6, reason: expect.stringMatching(/correct must be the numeric answer/) },
      ]);
      expect(e.details.imported).toBe(0);
      expect(await count(bank)).toBe(0);
      const dry = await importFile(http, token, bank, Buffer.from(stringify(rows)), 'loi.csv', { dryRun: 'true' });
      expect(dry.status).toBe(200);
      expect(dry.body).toEqual(expect.objectContaining({ dryRun: true, imported: 2, errors: e.details.errors }));
      expect(await count(bank)).toBe(0);
    });

    it('limits rows and cell length', async () => {
      const bank = await newBank(http, t.organiser);
      const header = templateRows()[0].join(',');
      const long = `${header}\n,,essay,,,"${'x'.repeat(10_001)}",,,,,,`;
      const e = expectError(await importFile(http, token, bank, Buffer.from(long), 'dai.csv'), 400);
      expect(e.details.errors).toEqual([{ row: 2, reason: expect.stringMatching(/longer than 10000 characters/) }]);
      const many = [header, ...Array.from({ length: 50_001 }, (_, i) => `,,essay,,,Câu ${i},,,,,,`)].join('\n');
      expect(expectError(await importFile(http, token, bank, Buffer.from(many), 'nhieu.csv'), 400).message).toMatch(/more than 50000 questions/);
      expect(await count(bank)).toBe(0);
    });
  });

  describe('Moodle files (fixtures from moodle/moodle)', () => {
    it('gift-examples: imports the supported types and skips matching with a reason', async () => {
      const bank = await newBank(http, t.organiser);
      const dry = await importFile(http, token, bank, fixture('gift-examples.txt'), 'gift-examples.txt', { format: 'gift', dryRun: 'true' });
      expect(dry.status).toBe(200);
      expect(dry.body.errors).toEqual([]);
      const matching = dry.body.skipped.filter((s: { reason: string }) => /matching/.test(s.reason));
      expect(matching.map((s: { ref: string }) => s.ref)).toEqual(['line 55', 'line 61', 'line 177']);
      expect(dry.body.duplicates).toBeGreaterThan(0);
      expect(await count(bank)).toBe(0);

      const r = await importFile(http, token, bank, fixture('gift-examples.txt'), 'gift-examples.txt', { format: 'gift', duplicates: 'keep' });
      expect(r.body).toEqual(expect.objectContaining({ imported: 40, duplicates: dry.body.duplicates, errors: [] }));
      expect(r.body.skipped).toEqual(matching);
      expect(r.body.warnings).toEqual(expect.arrayContaining([{ ref: 'line 115', reason: expect.stringMatching(/partial-credit options are not kept/) }]));
      const qs = await allQuestions(http, token, bank);
      expect(new Set(qs.map((q) => q.type))).toEqual(new Set(['single', 'multiple', 'true_false', 'short_text', 'numeric']));
      const special = qs.find((q) => q.stem === 'Which answer equals 5?');
      expect(special.options.map((o: { text: string; correct: boolean }) => [o.text, o.correct])).toEqual([
        ['= 2 + 2', false],
        ['= 2 + 3', true],
        ['= 2 + 4', false],
      ]);
      const control = qs.find((q) => q.stem.startsWith('Which of the following is NOT a control character'));
      expect(control.options.map((o: { text: string }) => o.text)).toEqual(['~', '=', '#', '{', '}', '\\']);
      expect(qs.find((q) => q.stem === 'What is the value of pi (to 3 decimal places)?').answer).toEqual({ value: 3.1415, tolerance: 0.0005 });
      expect(qs.filter((q) => q.stem === "Grant is _____ in Grant's tomb.")).toHaveLength(4);
      const multi = qs.find((q) => q.type === 'multiple');
      expect(multi.options.filter((o: { correct: boolean }) => o.correct).map((o: { text: string }) => o.text)).toEqual(['Grant', "Grant's wife"]);
      expect(qs.find((q) => q.stem === 'Two plus two equals _____.').answer).toEqual({
        accepted: ['four', '4'],
        caseSensitive: false,
        diacriticsSensitive: false,
      });
    });

    it('gift-fixture: essay, weighted multiple answers and the numeric with a stray ";', async () => {
      const bank = await newBank(http, t.organiser);
      const r = await importFile(http, token, bank, fixture('gift-fixture.txt'), 'questions.gift', { duplicates: 'keep' });
      expect(r.body).toEqual(expect.objectContaining({ imported: 8, duplicates: 2, errors: [] }));
      expect(r.body.skipped).toEqual([{ ref: 'line 5 (Moodle activities)', reason: 'matching questions are not supported' }]);
      expect(r.body.warnings).toEqual(expect.arrayContaining([{ ref: 'line 31 (Q5)', reason: 'text after the answer block ("";") is ignored' }]));
      const qs = await allQuestions(http, token, bank);
      expect(qs.map((q) => q.type)).toEqual(['essay', 'single', 'multiple', 'numeric', 'short_text', 'true_false', 'true_false', 'true_false']);
      expect(qs[2].options.map((o: { text: string; correct: boolean }) => [o.text, o.correct])).toEqual([
        ['yellow', true],
        ['red', false],
        ['off-beige', true],
        ['blue', false],
      ]);
      expect(qs[3]).toEqual(expect.objectContaining({ stem: 'What is a number from 1 to 5?', answer: { value: 3, tolerance: 2 } }));
      expect(qs[5].explanation).toBe("This is, of course, a Hitchiker's Guide to the Galaxy reference.");
    });

    it('takes the options as multipart fields sent before the file, too', async () => {
      const bank = await newBank(http, t.organiser);
      const form = new FormData();
      form.append('format', 'aiken');
      form.append('dryRun', 'true');
      form.append('file', new Blob([fixture('aiken-questions.txt')]), 'q.txt');
      const r = await http.req('POST', `/question-banks/${bank}/import`, { token, raw: form });
      expect(r.body).toEqual(expect.objectContaining({ imported: 2, dryRun: true }));
      expect(await count(bank)).toBe(0);
    });

    it('aiken-questions: two single-choice questions', async () => {
      const bank = await newBank(http, t.organiser);
      const r = await importFile(http, token, bank, fixture('aiken-questions.txt'), 'q.txt', { format: 'aiken' });
      expect(r.body).toEqual(expect.objectContaining({ imported: 2, errors: [], skipped: [] }));
      const qs = await allQuestions(http, token, bank);
      expect(qs[1].stem).toBe('Moodle\'s abilities include handling user input that includes <html class="cool"> & images:');
      expect(qs[0].options.find((o: { correct: boolean }) => o.correct).text).toBe('Martin Dougiamas');
    });

    it('aiken-errors: reports each broken question with its line and imports nothing', async () => {
      const bank = await newBank(http, t.organiser);
      const e = expectError(await importFile(http, token, bank, fixture('aiken-errors.txt'), 'e.txt', { format: 'aiken' }), 400);
      expect(e.code).toBe('import_invalid');
      expect(e.details.errors.map((x: { line: number }) => x.line)).toEqual([3, 5, 14]);
      expect(e.details.errors[0].reason).toMatch(/at least 2 options/);
      expect(await count(bank)).toBe(0);
      const dry = await importFile(http, token, bank, fixture('aiken-errors.txt'), 'e.txt', { format: 'aiken', dryRun: 'true' });
      expect(dry.body).toEqual(expect.objectContaining({ imported: 2, dryRun: true, errors: e.details.errors }));
    });

    it('xml-nested-categories: nested topics, 4 true/false and 1 essay', async () => {
      const bank = await newBank(http, t.organiser);
      const r = await importFile(http, token, bank, fixture('xml-nested-categories.xml'), 'nested.xml');
      expect(r.body).toEqual(expect.objectContaining({ imported: 5, errors: [], skipped: [] }));
      const qs = await allQuestions(http, token, bank);
      expect(qs.map((q) => [q.type, q.topic, q.stem])).toEqual([
        ['true_false', 'Iota', 'Testing Iota Question'],
        ['essay', 'Iota/Kappa', 'Testing Kappa Essay Question'],
        ['true_false', 'Iota/Kappa', 'Testing Kappa Question'],
        ['true_false', 'Iota/Kappa/Lambda', 'Testing Lambda Question'],
        ['true_false', 'Iota/Mu', 'Testing Mu Question'],
      ]);
      const topics = (await http.get(`/question-banks/${bank}/topics`, token)).body as { id: string; path: string; parentId: string | null }[];
      const byPath = Object.fromEntries(topics.map((x) => [x.path, x]));
      expect(Object.keys(byPath)).toEqual(['Iota', 'Iota/Kappa', 'Iota/Kappa/Lambda', 'Iota/Mu']);
      expect(byPath['Iota/Kappa/Lambda'].parentId).toBe(byPath['Iota/Kappa'].id);
      expect(byPath['Iota/Mu'].parentId).toBe(byPath.Iota.id);
      expect((await http.get(`/question-banks/${bank}/questions?topic=Iota/Kappa`, token)).body.total).toBe(3);
    });
  });

  describe('refusals', () => {
    let bank: string;
    beforeAll(async () => {
      bank = await newBank(http, t.organiser);
    });

    it('refuses XML external entities and entity bombs before parsing', async () => {
      const xxe =
        '<?xml version="1.0"?><!DOCTYPE quiz [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><quiz><question type="essay"><questiontext><text>&xxe;</text></questiontext></question></quiz>';
      const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]><quiz><question type="essay"><questiontext><text>&lol9;</text></questiontext></question></quiz>`;
      for (const body of [xxe, laughs]) {
        const e = expectError(await importFile(http, token, bank, Buffer.from(body), 'evil.xml'), 400);
        expect(e.code).toBe('import_file_refused');
        expect(e.message).toMatch(/DOCTYPE/);
      }
      const broken = expectError(await importFile(http, token, bank, Buffer.from('<quiz><question type="essay"></quiz>'), 'broken.xml'), 400);
      expect(broken.message).toMatch(/malformed/);
      const deep = `<quiz>${'<a>'.repeat(50_000)}${'</a>'.repeat(50_000)}</quiz>`;
      expect(expectError(await importFile(http, token, bank, Buffer.from(deep), 'deep.xml'), 400).code).toBe('import_file_refused');
    });

    it('refuses zip bombs and damaged XLSX files', async () => {
      const sheet = '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>';
      const lying = buildZip([{ name: 'xl/worksheets/sheet1.xml', content: Buffer.alloc(20 * 1024 * 1024, 0x20), declaredSize: 1000 }]);
      expect(lying.length).toBeLessThan(100_000);
      expect(expectError(await importFile(http, token, bank, lying, 'bomb.xlsx'), 400).message).toMatch(/unpacks to more than it declares/);
      const huge = buildZip([{ name: 'xl/worksheets/sheet1.xml', content: Buffer.from(sheet), declaredSize: 1024 * 1024 * 1024 }]);
      expect(expectError(await importFile(http, token, bank, huge, 'huge.xlsx'), 400).message).toMatch(/unpack to more than/);
      const doctype = buildZip([{ name: 'xl/sharedStrings.xml', content: Buffer.from('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><sst/>') }]);
      expect(expectError(await importFile(http, token, bank, doctype, 'dtd.xlsx'), 400).message).toMatch(/DOCTYPE/);
      const garbage = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256));
      expect(expectError(await importFile(http, token, bank, garbage, 'garbage.xlsx'), 400).code).toBe('import_file_refused');
      const valid = buildZip([{ name: 'hello.txt', content: Buffer.from('not a workbook') }]);
      expect(expectError(await importFile(http, token, bank, valid, 'empty.xlsx'), 400).code).toBe('import_file_refused');
    });

    it('refuses text that is not UTF-8, and a GIFT question left open', async () => {
      const latin = Buffer.from('topic,type,question\nx,essay,Caf\xe9 ph\xe1p lu\xe2t\n', 'latin1');
      expect(expectError(await importFile(http, token, bank, latin, 'ansi.csv'), 400).message).toMatch(/not UTF-8/);
      const open = Buffer.from('::Q1:: Câu hỏi mở? {=Đúng ~Sai\n');
      const e = expectError(await importFile(http, token, bank, open, 'open.gift'), 400);
      expect(e.details.errors).toEqual([{ line: 1, reason: expect.stringMatching(/never closed/) }]);
    });

    it('answers clear 4xx for a missing file, a bad format or an unknown option', async () => {
      expect(expectError(await http.post(`/question-banks/${bank}/import`, { format: 'csv' }, token), 400).code).toBe('file_required');
      expect(expectError(await importFile(http, token, bank, Buffer.from('x'), 'x.txt'), 400).code).toBe('format_required');
      expectError(await importFile(http, token, bank, Buffer.from('x'), 'x.txt', { format: 'docx' }), 400);
      expectError(await importFile(http, token, bank, Buffer.from('x'), 'x.csv', { sneaky: '1' }), 400);
      expectError(await importFile(http, token, bank, Buffer.from('x'), 'x.csv', { dryRun: 'maybe' }), 400);
      const form = new FormData();
      form.append('upload', new Blob([Buffer.from('x')]), 'x.csv');
      expect(expectError(await http.req('POST', `/question-banks/${bank}/import`, { token, raw: form }), 400).code).toBe('file_required');
    });

    it('lets only organisers of the bank import', async () => {
      expectError(await importFile(http, t.judge.token, bank, fixture('aiken-questions.txt'), 'a.txt', { format: 'aiken' }), 403);
      const other = await newTenant(http);
      expectError(await importFile(http, other.organiser.token, bank, fixture('aiken-questions.txt'), 'a.txt', { format: 'aiken' }), 404);
    });

    it('harmed nothing: the bank is empty and the api healthy', async () => {
      expect(await count(bank)).toBe(0);
      expect((await http.get('/health')).status).toBe(200);
    });
  });

  it('refuses a file over the configured size with 413 and our error body', async () => {
    const small = await startApi({ IMPORT_MAX_BYTES: '2048' });
    try {
      const h = new Http(small.url);
      const e = expectError(await importFile(h, token, await newBank(h, t.organiser), Buffer.alloc(4096, 0x41), 'big.csv'), 413);
      expect(e.code).toBe('file_too_large');
    } finally {
      await small.close();
    }
  });
});
