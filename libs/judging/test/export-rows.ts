import { ResultExportRow } from '../src/exports/result-columns';

/** Rows for export tests: row 0 carries every hazard (diacritics, formula, full ID). */
export function resultRow(i: number): ResultExportRow {
  return {
    rank: i + 1,
    fullName: i === 0 ? '=HYPERLINK("http://evil","Nguyễn")' : `Nguyễn Thị Hồng Nhung ${i}`,
    nationalId: i === 0 ? '001203004789' : `0790${String(i).padStart(8, '0')}`,
    phone: i === 0 ? '0912345678' : '098****321',
    province: 'Thành phố Hồ Chí Minh',
    commune: 'Phường Bến Thành',
    unit: i === 1 ? '@Đội tuyên truyền' : 'Sở Tư pháp',
    score: 9.5,
    maxScore: 10,
    timeTakenMs: 754_250,
    prediction: i === 0 ? null : 1200,
    distance: i === 0 ? null : 3,
    submittedAt: new Date('2026-03-01T16:59:59.123Z'),
    attemptNo: 2,
    attemptsCounted: 3,
    award: i === 0 ? 'Giải Nhất' : null,
  };
}

/** An async source that yields `n` rows and notes how much output existed when it reached `probeAt`. */
export function probingSource(n: number, probeAt: number, bytesSoFar: () => number) {
  const seen = { bytesAtProbe: -1, yielded: 0 };
  async function* gen() {
    for (let i = 0; i < n; i++) {
      if (i === probeAt) {
        await new Promise((r) => setImmediate(r));
        seen.bytesAtProbe = bytesSoFar();
      }
      seen.yielded++;
      yield resultRow(i);
    }
  }
  return { rows: gen(), seen };
}
