import { Http, startApi, TestApi } from '../../../test/harness';
import { sampleQuestions } from './sample-questions';
import { allQuestions, exportFile, importFile, newBank, newTenant, Tenant } from './helpers';

/** What a format must carry: everything but ids and timestamps. */
const carried = (q: any) => ({
  type: q.type,
  stem: q.stem,
  options: q.options.map((o: any) => ({ text: o.text, correct: o.correct })),
  answer: q.answer,
  points: q.points,
  difficulty: q.difficulty,
  topic: q.topic,
  legalReference: q.legalReference,
  explanation: q.explanation,
  rubric: q.rubric,
  tags: q.tags,
});
const byStem = (a: { stem: string }, b: { stem: string }) => (a.stem < b.stem ? -1 : a.stem > b.stem ? 1 : 0);

describe('export → import gives back the same questions (over HTTP, real PostgreSQL)', () => {
  let api: TestApi;
  let http: Http;
  let t: Tenant;
  let source: string;
  let original: any[];

  beforeAll(async () => {
    api = await startApi();
    http = new Http(api.url);
    t = await newTenant(http);
    source = await newBank(http, t.organiser, 'Ngân hàng gốc: Luật Bầu cử & PCTN');
    for (const q of sampleQuestions()) {
      const r = await http.post(
        `/question-banks/${source}/questions`,
        { ...q, options: q.options.map((o) => ({ text: o.text, correct: o.correct })) },
        t.organiser.token,
      );
      if (r.status !== 201) throw new Error(JSON.stringify(r.body));
    }
    original = (await allQuestions(http, t.organiser.token, source)).map(carried).sort(byStem);
  });
  afterAll(() => api.close());

  for (const format of ['xlsx', 'csv', 'gift', 'moodle-xml']) {
    it(`${format}`, async () => {
      const file = await exportFile(http, t.organiser.token, source, format);
      expect(file.status).toBe(200);
      expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="ngan-hang-goc-luat-bau-cu-pctn-/);
      const target = await newBank(http, t.organiser);
      const r = await importFile(http, t.organiser.token, target, file.body, `export.${format === 'moodle-xml' ? 'xml' : format}`, { format });
      expect(r.body).toEqual(expect.objectContaining({ imported: original.length, errors: [], skipped: [] }));
      const back = (await allQuestions(http, t.organiser.token, target)).map(carried).sort(byStem);
      expect(back).toEqual(original);
    });
  }

  it('aiken (single-choice questions only; the others are counted as left out)', async () => {
    const file = await exportFile(http, t.organiser.token, source, 'aiken');
    const singles = original.filter((q) => q.type === 'single');
    expect(Number(file.headers.get('x-export-skipped'))).toBe(original.length - singles.length);
    const target = await newBank(http, t.organiser);
    const r = await importFile(http, t.organiser.token, target, file.body, 'export.txt', { format: 'aiken' });
    expect(r.body.imported).toBe(singles.length);
    const stemAndOptions = (q: any) => ({ type: q.type, stem: q.stem, options: q.options });
    expect((await allQuestions(http, t.organiser.token, target)).map(carried).sort(byStem).map(stemAndOptions)).toEqual(singles.map(stemAndOptions));
  });

  it('CSV opens in Excel: BOM first, formulas neutralised', async () => {
    const file = await exportFile(http, t.organiser.token, source, 'csv');
    expect([...file.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(file.body.toString('utf8')).toContain("'=SUM(A1:A3)");
  });

  it('prints an answer sheet with the Vietnamese text intact and the keys marked', async () => {
    const file = await exportFile(http, t.organiser.token, source, 'answer-sheet');
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(file.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    const html = file.body.toString('utf8');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('ĐÁP ÁN — Ngân hàng gốc: Luật Bầu cử &amp; PCTN');
    expect(html).toContain('Công dân đủ bao nhiêu tuổi trở lên thì có quyền bầu cử?');
    expect(html).toContain('<li class="correct">18 tuổi</li>');
    expect(html).toContain('&lt;b&gt;&amp;amp;&lt;/b&gt;');
    expect(html).not.toContain('<b>&amp;</b>');
    expect(html).toContain('Đáp án chấp nhận:</b> Hà Nội | Ha Noi');
    expect(html).toContain(`${original.length} câu hỏi`);
  });

  it('refuses an unknown export format and other tenants', async () => {
    expect((await http.get(`/question-banks/${source}/export?format=pdf`, t.organiser.token)).status).toBe(400);
    const other = await newTenant(http);
    expect((await exportFile(http, other.organiser.token, source, 'csv')).status).toBe(404);
  });
});
