/** Turns the statistics JSON into figures and bar series, whatever its exact keys. */
export interface Series {
  key: string;
  rows: { label: string; value: number }[];
}

export interface StatsView {
  figures: { key: string; value: number }[];
  series: Series[];
}

const LABEL_KEYS = ['label', 'name', 'day', 'date', 'province', 'commune', 'unit', 'bucket', 'range', 'questionId', 'stem'];
const VALUE_KEYS = ['count', 'entries', 'value', 'entrants', 'uniqueEntrants', 'correctRate', 'rate', 'total'];

function pick(o: Record<string, unknown>, keys: string[], test: (v: unknown) => boolean): unknown {
  for (const k of keys) if (test(o[k])) return o[k];
  return Object.values(o).find(test);
}

export function readStats(input: unknown, prefix = ''): StatsView {
  const out: StatsView = { figures: [], series: [] };
  if (!input || typeof input !== 'object') return out;
  for (const [k, v] of Object.entries(input as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'number' && Number.isFinite(v)) out.figures.push({ key, value: v });
    else if (Array.isArray(v)) {
      const rows = v
        .filter((x): x is Record<string, unknown> => Boolean(x) && typeof x === 'object')
        .map((x) => {
          const label = pick(x, LABEL_KEYS, (y) => typeof y === 'string' || typeof y === 'number');
          const value = pick(x, VALUE_KEYS, (y) => typeof y === 'number' && Number.isFinite(y));
          return typeof value === 'number' ? { label: String(label ?? ''), value } : null;
        })
        .filter((x): x is { label: string; value: number } => x !== null);
      if (rows.length) out.series.push({ key, rows });
    } else if (v && typeof v === 'object') {
      const inner = readStats(v, key);
      out.figures.push(...inner.figures);
      out.series.push(...inner.series);
    }
  }
  return out;
}

const NAMES: Record<string, string> = {
  entries: 'Lượt dự thi',
  entrants: 'Người dự thi',
  uniqueEntrants: 'Người dự thi (không trùng)',
  registrations: 'Lượt đăng ký',
  perDay: 'Theo ngày',
  byDay: 'Theo ngày',
  entriesPerDay: 'Lượt dự thi theo ngày',
  byProvince: 'Theo tỉnh, thành phố',
  byCommune: 'Theo xã, phường',
  byUnit: 'Theo đơn vị',
  scoreDistribution: 'Phân bố điểm',
  questionCorrectRate: 'Tỷ lệ trả lời đúng theo câu',
  perQuestion: 'Theo câu hỏi',
  averageScore: 'Điểm trung bình',
};

export function statName(key: string): string {
  const last = key.split('.').pop() ?? key;
  return NAMES[last] ?? NAMES[key] ?? key;
}
