import { contentDisposition } from '@lc/platform';
import { exportNames } from './export-names';

describe('export names', () => {
  it('names an export by scope, round and format', () => {
    expect(exportNames({ seq: 1, title: 'Tuần 1' }, 'ranking', 'xlsx')).toEqual({
      label: 'Kết quả vòng 1 — Tuần 1 (XLSX)',
      fileName: 'Kết quả vòng 1 - Tuần 1.xlsx',
    });
    expect(exportNames({ seq: 3, title: '  Chung   kết ' }, 'winners', 'csv')).toEqual({
      label: 'Người đạt giải vòng 3 — Chung kết (CSV)',
      fileName: 'Người đạt giải vòng 3 - Chung kết.csv',
    });
    expect(exportNames({ seq: 2, title: '' }, 'ranking', 'csv').fileName).toBe('Kết quả vòng 2.csv');
  });

  it('keeps the file name safe for every file system and short', () => {
    const n = exportNames({ seq: 1, title: 'Tuần 1/2: "Bầu cử" <HĐND>?\u0007' + 'x'.repeat(300) }, 'ranking', 'xlsx');
    expect(n.fileName).toMatch(/^Kết quả vòng 1 - Tuần 1 2 Bầu cử HĐND x+\.xlsx$/);
    expect(n.fileName.length).toBeLessThanOrEqual(125);
  });

  it('is sent with an ASCII fallback and the Vietnamese name as RFC 5987 filename*', () => {
    expect(contentDisposition('Kết quả vòng 1 - Tuần 1.xlsx')).toBe(
      `attachment; filename="Ket-qua-vong-1-Tuan-1.xlsx"; filename*=UTF-8''K%E1%BA%BFt%20qu%E1%BA%A3%20v%C3%B2ng%201%20-%20Tu%E1%BA%A7n%201.xlsx`,
    );
    expect(contentDisposition("a'b(c).csv")).toBe(`attachment; filename="a-b-c-.csv"; filename*=UTF-8''a%27b%28c%29.csv`);
  });
});
