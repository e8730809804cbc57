/** Fixture data in the API's shapes (libs/judging), for the judge and results screen tests. */
import type {
  CorrectionView,
  EntryMarks,
  EntryView,
  ExportView,
  FlaggedWinner,
  JudgedEntryRow,
  JuryView,
  MarkingSummary,
  PlaceExplanation,
  StaffResultRow,
  StaffResults,
} from '../shared/api/judging-types';

export const ME = '11111111-1111-4111-8111-111111111111';
export const OTHER = '22222222-2222-4222-8222-222222222222';
export const HEAD = '33333333-3333-4333-8333-333333333333';

export const jury: JuryView = {
  roundId: 'r1',
  rubric: [
    { key: 'content', label: 'Nội dung', maxPoints: 50 },
    { key: 'delivery', label: 'Kỹ năng trình bày', maxPoints: 30 },
    { key: 'form', label: 'Hình thức, thời gian', maxPoints: 20 },
  ],
  maxScore: 100,
  aggregate: 'trimmed-mean',
  trimmedMeanThreshold: 5,
  penalties: [],
  reconciliationGap: 15,
  decimals: 2,
  tieBreakCriteria: ['content'],
  headJudgeUserId: HEAD,
  locked: true,
  updatedAt: '2026-05-01T01:00:00.000Z',
};

export const entry: EntryView = {
  id: 'e1',
  roundId: 'r1',
  userId: 'u9',
  text: 'Bài trình bày về Luật Phòng, chống tham nhũng 2018.',
  link: 'https://youtu.be/abc',
  file: { name: 'bai-thuyet-trinh.pdf', type: 'application/pdf', size: 2_500_000, sha256: 'x', url: '/api/v1/entries/e1/file' },
  durationSeconds: 960,
  breaches: [],
  version: 2,
  submittedAt: '2026-05-03T02:30:00.000Z',
  updatedAt: '2026-05-03T02:30:00.000Z',
};

export const marking: MarkingSummary = {
  method: 'mean',
  source: 'jury',
  judgeCount: 2,
  droppedJudgeIds: [],
  aggregate: 71.5,
  score: 71.5,
  penalties: { total: 1, items: [{ code: 'overtime', points: 1, detail: 'Quá giờ 1 phút' }] },
  final: 70.5,
  criterionMeans: { content: 37.5, delivery: 20, form: 14 },
  gap: 21,
  needsReconciliation: true,
  incomplete: false,
  reconciliation: null,
};

export const blindMarks: EntryMarks = { entryId: 'e1', markedByMe: false, marks: [], rubric: jury.rubric };

export const openMarks: EntryMarks = {
  entryId: 'e1',
  rubric: jury.rubric,
  markedByMe: true,
  marks: [
    {
      judgeUserId: ME,
      scores: { content: 45, delivery: 25, form: 12 },
      total: 82,
      comment: 'Nắm vững nội dung',
      submittedAt: '2026-05-04T01:00:00.000Z',
      counts: true,
    },
    {
      judgeUserId: OTHER,
      judgeName: 'Trần Thị B',
      scores: { content: 30, delivery: 15, form: 16 },
      total: 61,
      comment: null,
      submittedAt: '2026-05-04T02:00:00.000Z',
      counts: true,
    },
  ],
  marking,
};

export const judgedRow: JudgedEntryRow = {
  id: 'e1',
  roundId: 'r1',
  userId: 'u9',
  fullName: 'Lê Văn Cường',
  unit: 'Sở Tư pháp',
  submittedAt: entry.submittedAt,
  version: 2,
  hasText: true,
  link: entry.link,
  file: { name: 'bai-thuyet-trinh.pdf', type: 'application/pdf', size: 2_500_000 },
  durationSeconds: null,
  breaches: [],
  judges: 3,
  marked: 2,
  markedByMe: true,
  flagged: true,
  marking,
};

export const resultRow = (rank: number, userId: string, over: Partial<StaffResultRow> = {}): StaffResultRow => ({
  position: rank,
  rank,
  userId,
  fullName: `Người dự thi ${rank}`,
  nationalId: '0010******89',
  phone: '09******12',
  province: 'Thừa Thiên Huế',
  commune: null,
  unit: 'UBND phường A',
  group: null,
  score: 10 - rank,
  maxScore: 10,
  timeTakenMs: 95_000,
  submittedAt: '2026-05-04T03:00:00.000Z',
  prediction: 412,
  distance: 3,
  attemptId: `a${rank}`,
  attemptNo: 1,
  attemptsCounted: 2,
  separatedFromPrevious: rank === 1 ? null : 'score',
  prize: rank === 1 ? { code: 'nhat', name: 'Giải Nhất', level: 1, group: null, boundaryTie: false } : null,
  ...over,
});

export const flaggedWinner = (attemptId: string, prize: string): FlaggedWinner => ({
  userId: `u-${attemptId}`,
  displayName: `Bot A. ${attemptId.slice(1)}`,
  attemptId,
  attemptNo: 1,
  prize: { code: 'p', name: prize, level: 1 },
  flags: ['too_fast'],
});

export const staffResults = (over: Partial<StaffResults> = {}): StaffResults => ({
  roundId: 'r1',
  status: 'provisional',
  version: 1,
  stale: false,
  closedAt: '2026-05-05T01:00:00.000Z',
  publishedAt: null,
  predictionActual: 415,
  rankedCount: 2,
  winnerCount: 1,
  rules: null,
  shortfalls: [],
  audit: { version: 1, inputHash: 'in', outputHash: 'out', rowCount: 2, separatorCounts: {} },
  flaggedWinners: [],
  total: 2,
  items: [resultRow(1, ME), resultRow(2, OTHER)],
  ...over,
});

export const explanation: PlaceExplanation = {
  userId: OTHER,
  perspective: 'staff',
  rank: 2,
  total: 2,
  status: 'provisional',
  lines: [
    { key: 'ranking.explain.place', params: { rank: 2, total: 2, name: 'Người D. T. 2' }, vi: 'Người D. T. 2 xếp hạng 2 trên 2 người dự thi.', en: '' },
    { key: 'ranking.explain.behind.score', params: {}, vi: 'Xếp sau người hạng 1 vì điểm thấp hơn: 8 điểm so với 9 điểm.', en: '' },
  ],
  vi: '',
  en: '',
};

export const correction: CorrectionView = {
  id: 'c1',
  roundId: 'r1',
  version: 3,
  reason: 'Lượt thi dùng chung thiết bị với 4 tài khoản',
  request: { voidAttemptIds: ['a1'], reinstateAttemptIds: [] },
  changes: [
    { userId: ME, before: { userId: ME, rank: 1, attemptId: 'a1', score: 9, award: 'Giải Nhất' }, after: null, changed: ['removed'] },
    {
      userId: OTHER,
      before: { userId: OTHER, rank: 2, attemptId: 'a2', score: 8, award: null },
      after: { userId: OTHER, rank: 1, attemptId: 'a2', score: 8, award: 'Giải Nhất' },
      changed: ['rank', 'award'],
    },
  ],
  beforeHash: 'h1',
  afterHash: 'h2',
  createdBy: HEAD,
  createdAt: '2026-05-06T01:00:00.000Z',
};

export const exportJob = (over: Partial<ExportView> = {}): ExportView => ({
  id: 'x1',
  roundId: 'r1',
  format: 'xlsx',
  scope: 'ranking',
  status: 'running',
  progress: { rowsWritten: 1200, rowsTotal: 5000, percent: 24 },
  label: 'Kết quả vòng 1 — Tuần 1 (XLSX)',
  fileName: 'Kết quả vòng 1 - Tuần 1.xlsx',
  bytes: null,
  error: null,
  createdAt: '2026-05-06T01:00:00.000Z',
  finishedAt: null,
  downloadUrl: null,
  ...over,
});
