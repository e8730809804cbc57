import type { ExportColumn } from '@lc/platform';

/** Who a line is about, as every result export shows a person (IDs and phones always masked by their kinds). */
export interface ExportedPerson {
  fullName: string;
  nationalId: string | null;
  phone: string | null;
  province: string | null;
  commune: string | null;
  unit: string | null;
}

function personColumns<R extends ExportedPerson>(): ExportColumn<R>[] {
  return [
    { header: 'Họ và tên', kind: 'text', value: (r) => r.fullName, width: 28 },
    { header: 'Số CCCD', kind: 'national-id', value: (r) => r.nationalId, width: 15 },
    { header: 'Số điện thoại', kind: 'phone', value: (r) => r.phone, width: 13 },
    { header: 'Tỉnh/thành phố', kind: 'text', value: (r) => r.province, width: 20 },
    { header: 'Xã/phường', kind: 'text', value: (r) => r.commune, width: 20 },
    { header: 'Đơn vị', kind: 'text', value: (r) => r.unit, width: 28 },
  ];
}

/** One line of a round's full ranking export (joined with the person's registration). */
export interface ResultExportRow extends ExportedPerson {
  rank: number;
  score: number;
  maxScore: number;
  timeTakenMs: number;
  prediction: number | null;
  distance: number | null;
  submittedAt: Date;
  attemptNo: number | null;
  attemptsCounted: number;
  award: string | null;
}

/** One line of the winners list. */
export interface WinnerExportRow extends ExportedPerson {
  round: string;
  prize: string;
  rank: number;
  score: number;
  timeTakenMs: number | null;
  submittedAt: Date | null;
}

export const RESULT_COLUMNS: ExportColumn<ResultExportRow>[] = [
  { header: 'Hạng', kind: 'number', value: (r) => r.rank, width: 7 },
  ...personColumns(),
  { header: 'Điểm', kind: 'number', value: (r) => r.score, width: 8 },
  { header: 'Điểm tối đa', kind: 'number', value: (r) => r.maxScore, width: 8 },
  { header: 'Thời gian làm bài (giây)', kind: 'duration-ms', value: (r) => r.timeTakenMs, width: 12 },
  { header: 'Dự đoán', kind: 'number', value: (r) => r.prediction, width: 10 },
  { header: 'Chênh lệch dự đoán', kind: 'number', value: (r) => r.distance, width: 10 },
  { header: 'Nộp bài lúc (giờ Việt Nam)', kind: 'datetime', value: (r) => r.submittedAt, width: 24 },
  { header: 'Lần thi được tính', kind: 'number', value: (r) => r.attemptNo, width: 8 },
  { header: 'Số lượt thi', kind: 'number', value: (r) => r.attemptsCounted, width: 8 },
  { header: 'Giải', kind: 'text', value: (r) => r.award, width: 18 },
];

export const WINNER_COLUMNS: ExportColumn<WinnerExportRow>[] = [
  { header: 'Vòng thi', kind: 'text', value: (r) => r.round, width: 20 },
  { header: 'Giải', kind: 'text', value: (r) => r.prize, width: 18 },
  { header: 'Hạng', kind: 'number', value: (r) => r.rank, width: 7 },
  ...personColumns(),
  { header: 'Điểm', kind: 'number', value: (r) => r.score, width: 8 },
  { header: 'Thời gian làm bài (giây)', kind: 'duration-ms', value: (r) => r.timeTakenMs, width: 12 },
  { header: 'Nộp bài lúc (giờ Việt Nam)', kind: 'datetime', value: (r) => r.submittedAt, width: 24 },
];
