import type { ExportColumn } from '@lc/platform';
import { formatDay, labelOf, KIND_LABELS, FLAG_LABELS, QUESTION_TYPE_LABELS, STATUS_LABELS } from '../common/labels';
import { sheet, type SheetSpec } from '../common/workbook';
import type { ContestStatistics, DayStatistics, RoundStatistics } from './contest-statistics.types';
import type { QuestionStat } from './question-stats';

type Figure = { label: string; value: string | number | null };
const figureColumns: ExportColumn<Figure>[] = [
  { header: 'Chỉ tiêu', kind: 'text', value: (f) => f.label, width: 36 },
  { header: 'Giá trị', kind: 'number', value: (f) => f.value, width: 48 },
];

const counts = <T extends { entries: number; uniqueEntrants: number }>(): ExportColumn<T>[] => [
  { header: 'Lượt dự thi', kind: 'number', value: (r) => r.entries, width: 14 },
  { header: 'Người dự thi', kind: 'number', value: (r) => r.uniqueEntrants, width: 14 },
];

/** The statistics as sheets: one per section, Vietnamese headers, numbers as numbers. */
export function contestSheets(s: ContestStatistics): SheetSpec[] {
  const seqOf = new Map(s.rounds.map((r) => [r.id, r.seq]));
  const roundLabel = (id: string) => `Vòng ${seqOf.get(id) ?? '?'}`;
  const overview: Figure[] = [
    { label: 'Cuộc thi', value: s.contest.title },
    { label: 'Từ ngày', value: s.period.from ? formatDay(s.period.from) : 'Từ đầu cuộc thi' },
    { label: 'Đến ngày', value: s.period.to ? formatDay(s.period.to) : 'Đến thời điểm lập báo cáo' },
    { label: 'Lượt đăng ký', value: s.totals.registrations },
    { label: 'Lượt dự thi', value: s.totals.entries },
    { label: 'Người dự thi (không trùng)', value: s.totals.uniqueEntrants },
    { label: 'Bài nộp đúng hạn', value: s.totals.submitted },
    { label: 'Bài tự nộp khi hết giờ', value: s.totals.expired },
    { label: 'Bài bị hủy kết quả', value: s.totals.voided },
    { label: 'Điểm trung bình (% điểm tối đa)', value: s.totals.averageScorePercent },
    { label: 'Lập lúc (giờ Việt Nam)', value: new Date(s.generatedAt).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }) },
  ];
  const roundColumns: ExportColumn<RoundStatistics>[] = [
    { header: 'Vòng', kind: 'number', value: (r) => r.seq, width: 8 },
    { header: 'Tên vòng', kind: 'text', value: (r) => r.title, width: 30 },
    { header: 'Hình thức', kind: 'text', value: (r) => labelOf(KIND_LABELS, r.kind), width: 14 },
    { header: 'Trạng thái', kind: 'text', value: (r) => labelOf(STATUS_LABELS, r.status), width: 14 },
    { header: 'Mở lúc', kind: 'datetime', value: (r) => new Date(r.opensAt), width: 22 },
    { header: 'Đóng lúc', kind: 'datetime', value: (r) => new Date(r.closesAt), width: 22 },
    ...counts<RoundStatistics>(),
    { header: 'Điểm trung bình', kind: 'number', value: (r) => r.averageScore },
    { header: 'Điểm tối đa', kind: 'number', value: (r) => r.maxScore },
    { header: 'Điểm trung bình (%)', kind: 'number', value: (r) => r.averageScorePercent },
    { header: 'Thời gian làm bài TB (giây)', kind: 'duration-ms', value: (r) => r.averageTimeTakenMs, width: 18 },
    { header: 'Số bài đạt điểm tối đa', kind: 'number', value: (r) => r.perfectEntries, width: 18 },
  ];
  const dayColumns: ExportColumn<DayStatistics>[] = [
    { header: 'Ngày', kind: 'text', value: (d) => formatDay(d.date), width: 12 },
    ...counts<DayStatistics>(),
    ...s.rounds.flatMap((r): ExportColumn<DayStatistics>[] => [
      { header: `Vòng ${r.seq}: lượt dự thi`, kind: 'number', value: (d) => d.rounds.find((x) => x.roundId === r.id)?.entries ?? 0, width: 14 },
      { header: `Vòng ${r.seq}: người dự thi`, kind: 'number', value: (d) => d.rounds.find((x) => x.roundId === r.id)?.uniqueEntrants ?? 0, width: 14 },
    ]),
  ];
  const bands = s.scoreDistribution.flatMap((d) => d.bands.map((b) => ({ roundId: d.roundId, ...b })));
  const questionColumns: ExportColumn<QuestionStat>[] = [
    { header: 'Vòng', kind: 'text', value: (q) => roundLabel(q.roundId), width: 8 },
    { header: 'Mã câu hỏi', kind: 'text', value: (q) => q.questionId, width: 38 },
    { header: 'Loại câu hỏi', kind: 'text', value: (q) => labelOf(QUESTION_TYPE_LABELS, q.type), width: 14 },
    { header: 'Nội dung câu hỏi', kind: 'text', value: (q) => q.stem, width: 60 },
    { header: 'Số lượt ra đề', kind: 'number', value: (q) => q.drawn },
    { header: 'Số lượt trả lời', kind: 'number', value: (q) => q.answered },
    { header: 'Số lượt trả lời đúng', kind: 'number', value: (q) => q.correct },
    { header: 'Tỷ lệ đúng (%)', kind: 'number', value: (q) => q.correctPercent },
    { header: 'Thời gian TB (giây)', kind: 'duration-ms', value: (q) => q.averageTimeMs },
    { header: 'Cảnh báo', kind: 'text', value: (q) => q.flags.map((f) => FLAG_LABELS[f]).join('; '), width: 40 },
  ];
  return [
    sheet('Tổng quan', figureColumns, overview),
    sheet('Theo vòng', roundColumns, s.rounds),
    sheet('Theo ngày', dayColumns, s.perDay),
    sheet(
      'Theo tỉnh, thành phố',
      [{ header: 'Tỉnh, thành phố', kind: 'text', value: (r) => r.province ?? '(Không rõ)', width: 28 }, ...counts()],
      s.byProvince,
    ),
    sheet(
      'Theo xã, phường',
      [
        { header: 'Tỉnh, thành phố', kind: 'text', value: (r) => r.province ?? '(Không rõ)', width: 28 },
        { header: 'Xã, phường, đặc khu', kind: 'text', value: (r) => r.commune ?? '(Không rõ)', width: 28 },
        ...counts(),
      ],
      s.byCommune,
    ),
    sheet('Theo đơn vị', [{ header: 'Đơn vị', kind: 'text', value: (r) => r.unit ?? '(Không rõ)', width: 40 }, ...counts()], s.byUnit),
    sheet(
      'Phân bố điểm',
      [
        { header: 'Vòng', kind: 'text', value: (b) => roundLabel(b.roundId), width: 8 },
        { header: 'Khoảng điểm (% điểm tối đa)', kind: 'text', value: (b) => `${b.fromPercent}–${b.toPercent}%`, width: 24 },
        { header: 'Số bài', kind: 'number', value: (b) => b.count },
      ],
      bands,
    ),
    sheet('Theo câu hỏi', questionColumns, s.questions),
  ];
}
