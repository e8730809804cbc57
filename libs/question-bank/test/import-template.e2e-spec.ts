import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import { expectError, Http, startApi, TestApi } from '../../../test/harness';
import { allQuestions, importFile, newBank, newTenant, Tenant } from './helpers';

const TYPES = ['single', 'multiple', 'true_false', 'numeric', 'short_text', 'essay'];

describe('import template and column names (English and Vietnamese)', () => {
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

  async function template(query: string, tok = token): Promise<{ status: number; body: Buffer; headers: Headers }> {
    const res = await fetch(`${http.base}/api/v1/question-banks/import-template?${query}`, { headers: { authorization: `Bearer ${tok}` } });
    return { status: res.status, body: Buffer.from(await res.arrayBuffer()), headers: res.headers };
  }

  describe.each([
    ['xlsx', 'vi', 'mau-nhap-cau-hoi.xlsx'],
    ['csv', 'vi', 'mau-nhap-cau-hoi.csv'],
    ['xlsx', 'en', 'question-template.xlsx'],
    ['csv', 'en', 'question-template.csv'],
  ])('the %s template in %s', (format, lang, name) => {
    it('downloads, and imports as it is: one question of each type', async () => {
      const file = await template(`format=${format}&lang=${lang}`);
      expect(file.status).toBe(200);
      expect(file.headers.get('content-disposition')).toBe(`attachment; filename="${name}"; filename*=UTF-8''${name}`);
      const bank = await newBank(http, t.organiser);
      const r = await importFile(http, token, bank, file.body, name);
      expect(r.body).toEqual(expect.objectContaining({ imported: 6, errors: [], skipped: [], warnings: [] }));
      const qs = await allQuestions(http, token, bank);
      expect(qs.map((q) => q.type)).toEqual(TYPES);
      const byType = Object.fromEntries(qs.map((q) => [q.type, q]));
      expect(byType.single).toEqual(
        expect.objectContaining({
          topic: 'Bầu cử/Nguyên tắc',
          legalReference: 'Luật Bầu cử ĐBQH và đại biểu HĐND 2015, Điều 1',
          tags: ['bầu cử', 'nguyên tắc'],
        }),
      );
      expect(byType.single.options.map((o: { correct: boolean }) => o.correct)).toEqual([true, false, false, false]);
      expect(byType.multiple.options.map((o: { correct: boolean }) => o.correct)).toEqual([true, false, true, false]);
      expect(byType.true_false.options.map((o: { text: string; correct: boolean }) => [o.text, o.correct])).toEqual([
        ['Đúng', false],
        ['Sai', true],
      ]);
      expect(byType.numeric.answer).toEqual({ value: 18, tolerance: 0 });
      expect(byType.short_text.answer).toEqual(expect.objectContaining({ accepted: ['Hội đồng bầu cử quốc gia', 'Hội đồng bầu cử'] }));
      expect(byType.essay).toEqual(expect.objectContaining({ points: 10, difficulty: 3, rubric: expect.stringContaining('Nội dung pháp lý') }));
    });
  });

  it('writes the Vietnamese header, a guide sheet, and a CSV with a BOM', async () => {
    const csv = await template('format=csv');
    expect([...csv.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.body.toString('utf8').split('\r\n')[0]).toBe(
      '\ufeffChủ đề,Căn cứ pháp lý,Loại câu hỏi,Độ khó,Điểm,Nội dung câu hỏi,Phương án A,Phương án B,Phương án C,Phương án D,Đáp án,Giải thích,Sai số,Thẻ,Hướng dẫn chấm,Phân biệt chữ hoa,Phân biệt dấu',
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await template('format=xlsx&lang=vi')).body as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Câu hỏi', 'Hướng dẫn']);
    const guide = wb.getWorksheet('Hướng dẫn')!;
    expect(guide.getRow(1).values).toEqual([undefined, 'Cột', 'Tên khác được chấp nhận', 'Cách điền']);
    expect(guide.getColumn(1).values).toEqual(expect.arrayContaining(['Loại câu hỏi', 'Đáp án', 'Phương án A']));
  });

  it('refuses a template request it cannot answer', async () => {
    expect(expectError(await http.get('/question-banks/import-template?format=pdf', token), 400).code).toBe('validation_failed');
    expect(expectError(await http.get('/question-banks/import-template?format=csv&lang=fr', token), 400).code).toBe('validation_failed');
  });

  it('imports the Vietnamese columns of the issue report (Chủ đề, Căn cứ pháp lý, Phương án A…, Đáp án)', async () => {
    const rows = [
      [
        'Chủ đề',
        'Căn cứ pháp lý',
        'Loại câu hỏi',
        'Nội dung câu hỏi',
        'Phương án A',
        'Phương án B',
        'Phương án C',
        'Đáp án',
        'Độ khó',
        'Điểm',
        'Giải thích',
        'Thẻ',
      ],
      [
        'Hiến pháp',
        'Hiến pháp 2013, Điều 2',
        'single',
        'Nhà nước Việt Nam là nhà nước gì?',
        'Pháp quyền xã hội chủ nghĩa',
        'Quân chủ',
        'Liên bang',
        'A',
        '2',
        '1,5',
        'Điều 2.',
        'hiến pháp',
      ],
      ['Hiến pháp', '', 'Nhiều đáp án đúng', 'Chọn các quyền con người.', 'Quyền sống', 'Nghĩa vụ nộp thuế', 'Quyền bí mật đời tư', 'A,C', '', '', '', ''],
    ];
    const bank = await newBank(http, t.organiser);
    const r = await importFile(http, token, bank, Buffer.from(stringify(rows), 'utf8'), 'cau-hoi.csv');
    expect(r.body).toEqual(expect.objectContaining({ imported: 2, errors: [] }));
    const [a, b] = await allQuestions(http, token, bank);
    expect(a).toEqual(
      expect.objectContaining({
        topic: 'Hiến pháp',
        legalReference: 'Hiến pháp 2013, Điều 2',
        difficulty: 2,
        points: 1.5,
        explanation: 'Điều 2.',
        tags: ['hiến pháp'],
      }),
    );
    expect(a.options.map((o: { text: string; correct: boolean }) => [o.text, o.correct])).toEqual([
      ['Pháp quyền xã hội chủ nghĩa', true],
      ['Quân chủ', false],
      ['Liên bang', false],
    ]);
    expect(b.type).toBe('multiple');
    expect(b.options.map((o: { correct: boolean }) => o.correct)).toEqual([true, false, true]);
  });

  it.each(['csv', 'xlsx'])('refuses a %s whose columns are not recognised with one 400 before any row error, importing nothing', async (format) => {
    const rows = [
      ['Loại câu hỏi', 'Câu hỏi chính', 'Phương án A', 'Phương án B', 'Đáp án', 'Ghi chú'],
      ...Array.from({ length: 30 }, (_, i) => ['single', `Câu ${i}?`, 'a', 'b', 'Z', '']),
    ];
    let file: Buffer;
    if (format === 'csv') file = Buffer.from(stringify(rows), 'utf8');
    else {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Câu hỏi');
      rows.forEach((r) => ws.addRow(r));
      file = Buffer.from(await wb.xlsx.writeBuffer());
    }
    const bank = await newBank(http, t.organiser);
    for (const dryRun of ['true', 'false']) {
      const r = await importFile(http, token, bank, file, `cau-hoi.${format}`, { dryRun });
      expect(expectError(r, 400).code).toBe('import_columns_unrecognised');
      expect(r.body.message).toBe('The header row does not match the template (unknown columns: Câu hỏi chính, Ghi chú; missing columns: question)');
      expect(r.body.details).toEqual({
        unknown: ['Câu hỏi chính', 'Ghi chú'],
        missing: ['question'],
        repeated: [],
        accepted: expect.arrayContaining(['question', 'Nội dung câu hỏi', 'Phương án A', 'Đáp án']),
      });
      expect(r.body.details.errors).toBeUndefined();
    }
    expect(await allQuestions(http, token, bank)).toEqual([]);
  });
});
