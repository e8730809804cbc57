import { checkVnDateTime, formatVnDateTimeInput, parseVnDateTime } from '../shared/vn-datetime';
import type { QuestionType, Round } from '../shared/api/types';

export interface SelectionRow {
  bankId: string;
  topic: string;
  difficulty: string;
  types: QuestionType[];
  count: string;
}

export interface RoundForm {
  title: string;
  description: string;
  kind: 'quiz' | 'judged' | 'live';
  /** Kind live: each question's time on the server clock, and the optional speed bonus. */
  secondsPerQuestion: string;
  speedBonus: boolean;
  speedBonusMaxPoints: string;
  /** Kind live, instead of the rules: question ids, one a line, shown in this order ("Mã câu hỏi"). */
  questionIds: string;
  /** "dd/MM/yyyy HH:mm", Vietnam time, as typed (shared/vn-datetime.ts). */
  opensAt: string;
  closesAt: string;
  durationMinutes: string;
  maxAttempts: string;
  attemptScoring: 'best' | 'last';
  selection: SelectionRow[];
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  partialCredit: boolean;
  predictionEnabled: boolean;
  predictionPrompt: string;
  /** The server's PREDICTION_TARGETS (libs/contests round.types.ts). */
  predictionTarget: 'perfect-score-entrants' | 'entrants' | 'custom';
  /** While the round is open, residents do not see the board figures that would answer the prediction. */
  hidePredictionFigures: boolean;
  visibility: 'live' | 'frozen' | 'hidden';
  freezeAt: string;
  prizes: { name: string; count: string }[];
  advancement: 'none' | 'top' | 'threshold' | 'picked';
  topN: string;
  minScore: string;
  entry: 'open' | 'enrolled';
  /** Integrity flags (quiz): below this many seconds per answered question an attempt is "too fast"; 0 turns it off. */
  minSecondsPerQuestion: string;
  /** More accounts than this on one device / one network address flag their attempts. */
  maxAccountsPerDevice: string;
  maxAccountsPerIp: string;
}

export const emptyRound = (): RoundForm => ({
  title: '',
  description: '',
  kind: 'quiz',
  secondsPerQuestion: '20',
  speedBonus: false,
  speedBonusMaxPoints: '5',
  questionIds: '',
  opensAt: '',
  closesAt: '',
  durationMinutes: '20',
  maxAttempts: '1',
  attemptScoring: 'best',
  selection: [{ bankId: '', topic: '', difficulty: '', types: [], count: '20' }],
  shuffleQuestions: true,
  shuffleOptions: true,
  partialCredit: false,
  predictionEnabled: false,
  predictionPrompt: 'Dự đoán có bao nhiêu người trả lời đúng tất cả các câu hỏi của vòng thi này?',
  predictionTarget: 'perfect-score-entrants',
  hidePredictionFigures: true,
  visibility: 'live',
  freezeAt: '',
  prizes: [
    { name: 'Giải Nhất', count: '1' },
    { name: 'Giải Nhì', count: '2' },
    { name: 'Giải Ba', count: '3' },
    { name: 'Giải Khuyến khích', count: '10' },
  ],
  advancement: 'none',
  topN: '',
  minScore: '',
  entry: 'open',
  // The server's DEFAULT_INTEGRITY (libs/contests round.types.ts).
  minSecondsPerQuestion: '2',
  maxAccountsPerDevice: '2',
  maxAccountsPerIp: '20',
});

/** What is wrong with a typed date-time: `empty` when nothing was typed. */
const dateProblem = (text: string, empty: string): string => (text.trim() ? (checkVnDateTime(text).problem ?? empty) : empty);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The typed question ids, one a line (blank lines and spaces ignored). */
export const questionIdLines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

const int = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : NaN);

export function validateRound(f: RoundForm): Record<string, string> {
  const e: Record<string, string> = {};
  if (!f.title.trim()) e.title = 'Nhập tên vòng thi.';
  const opens = parseVnDateTime(f.opensAt);
  const closes = parseVnDateTime(f.closesAt);
  if (!opens) e.opensAt = dateProblem(f.opensAt, 'Nhập thời điểm mở.');
  if (!closes) e.closesAt = dateProblem(f.closesAt, 'Nhập thời điểm đóng.');
  if (opens && closes && Date.parse(closes) <= Date.parse(opens)) e.closesAt = 'Thời điểm đóng phải sau thời điểm mở.';
  if (f.kind === 'quiz') {
    const seconds = Number(f.durationMinutes.replace(',', '.')) * 60;
    if (!Number.isFinite(seconds) || seconds < 10 || seconds > 86_400) e.durationMinutes = 'Thời gian làm bài từ 10 giây đến 24 giờ (1440 phút).';
    const m = int(f.maxAttempts);
    if (!(m >= 1 && m <= 100)) e.maxAttempts = 'Số lượt thi từ 1 đến 100.';
    const sec = Number(f.minSecondsPerQuestion.replace(',', '.'));
    if (!f.minSecondsPerQuestion.trim() || !(sec >= 0 && sec <= 600)) e.minSecondsPerQuestion = 'Số giây tối thiểu mỗi câu từ 0 đến 600 (0: không kiểm tra).';
    if (!(int(f.maxAccountsPerDevice) >= 2 && int(f.maxAccountsPerDevice) <= 1000)) e.maxAccountsPerDevice = 'Số tài khoản trên một thiết bị từ 2 đến 1000.';
    if (!(int(f.maxAccountsPerIp) >= 2 && int(f.maxAccountsPerIp) <= 100_000)) e.maxAccountsPerIp = 'Số tài khoản trên một địa chỉ mạng từ 2 đến 100000.';
    if (f.selection.length === 0) e.selection = 'Thêm ít nhất một quy tắc chọn câu hỏi.';
    f.selection.forEach((r, i) => {
      if (!r.bankId) e[`selection.${i}.bankId`] = `Quy tắc ${i + 1}: chọn ngân hàng câu hỏi.`;
      const c = int(r.count);
      if (!(c >= 1 && c <= 500)) e[`selection.${i}.count`] = `Quy tắc ${i + 1}: số câu từ 1 đến 500.`;
    });
  }
  if (f.kind === 'live') {
    const sec = int(f.secondsPerQuestion);
    if (!(sec >= 5 && sec <= 600)) e.secondsPerQuestion = 'Thời gian mỗi câu từ 5 đến 600 giây.';
    const bonus = Number(f.speedBonusMaxPoints.replace(',', '.'));
    if (f.speedBonus && !(bonus >= 0.01 && bonus <= 1000)) e.speedBonusMaxPoints = 'Điểm thưởng tốc độ tối đa từ 0,01 đến 1000.';
    const ids = questionIdLines(f.questionIds);
    if (ids.length) {
      // Ids replace the rules (the server takes exactly one of the two).
      const bad = ids.filter((id) => !UUID.test(id));
      const seen = new Set<string>();
      const twice = ids.filter((id) => (seen.has(id.toLowerCase()) ? true : (seen.add(id.toLowerCase()), false)));
      if (bad.length) e.questionIds = `Mã câu hỏi không hợp lệ: ${bad.slice(0, 3).join(', ')}.`;
      else if (twice.length) e.questionIds = `Mã câu hỏi bị lặp lại: ${twice.slice(0, 3).join(', ')}.`;
      else if (ids.length > 200) e.questionIds = 'Tối đa 200 câu hỏi.';
    } else {
      if (f.selection.length === 0) e.selection = 'Thêm ít nhất một quy tắc chọn câu hỏi.';
      f.selection.forEach((r, i) => {
        if (!r.bankId) e[`selection.${i}.bankId`] = `Quy tắc ${i + 1}: chọn ngân hàng câu hỏi.`;
        const c = int(r.count);
        if (!(c >= 1 && c <= 200)) e[`selection.${i}.count`] = `Quy tắc ${i + 1}: số câu từ 1 đến 200.`;
      });
    }
  }
  if (f.predictionEnabled && f.predictionPrompt.trim().length < 3) e.predictionPrompt = 'Nhập câu hỏi dự đoán.';
  if (f.visibility === 'frozen' && !parseVnDateTime(f.freezeAt)) e.freezeAt = dateProblem(f.freezeAt, 'Nhập thời điểm đóng băng bảng xếp hạng.');
  f.prizes.forEach((p, i) => {
    if (p.name.trim() && !(int(p.count) >= 1)) e[`prizes.${i}.count`] = `Giải ${p.name}: số lượng phải là số nguyên dương.`;
  });
  if (f.advancement === 'top' && !(int(f.topN) >= 1)) e.topN = 'Nhập số người vào vòng sau.';
  if (f.advancement === 'threshold' && !Number.isFinite(Number(f.minScore.replace(',', '.')))) e.minScore = 'Nhập điểm tối thiểu.';
  return e;
}

/** The body of POST /contests/:id/rounds. */
export function roundBody(f: RoundForm): Record<string, unknown> {
  const body: Record<string, unknown> = {
    title: f.title.trim(),
    kind: f.kind,
    opensAt: parseVnDateTime(f.opensAt),
    closesAt: parseVnDateTime(f.closesAt),
    entry: f.entry,
    leaderboard: {
      visibility: f.visibility,
      ...(f.visibility === 'frozen' ? { freezeAt: parseVnDateTime(f.freezeAt) } : {}),
      ...(f.kind === 'quiz' && f.predictionEnabled ? { hidePredictionFigures: f.hidePredictionFigures } : {}),
    },
    prizes: f.prizes.filter((p) => p.name.trim()).map((p) => ({ name: p.name.trim(), count: int(p.count) })),
  };
  if (f.description.trim()) body.description = f.description.trim();
  if (f.kind === 'quiz') {
    Object.assign(body, {
      durationSeconds: Math.round(Number(f.durationMinutes.replace(',', '.')) * 60),
      maxAttempts: int(f.maxAttempts),
      attemptScoring: f.attemptScoring,
      selection: f.selection.map((r) => ({
        bankId: r.bankId,
        ...(r.topic.trim() ? { topic: r.topic.trim() } : {}),
        ...(r.difficulty ? { difficulty: Number(r.difficulty) } : {}),
        ...(r.types.length ? { types: r.types } : {}),
        count: int(r.count),
      })),
      shuffleQuestions: f.shuffleQuestions,
      shuffleOptions: f.shuffleOptions,
      partialCredit: f.partialCredit,
      integrity: {
        minSecondsPerQuestion: Number(f.minSecondsPerQuestion.replace(',', '.')),
        maxAccountsPerDevice: int(f.maxAccountsPerDevice),
        maxAccountsPerIp: int(f.maxAccountsPerIp),
      },
    });
    if (f.predictionEnabled) body.predictionQuestion = { prompt: f.predictionPrompt.trim(), target: f.predictionTarget };
  }
  if (f.kind === 'live') {
    // The live final's own contract (SPEC "Live finals"): question rules of choice questions, or
    // their ids, shown in order. Exactly one of the two is sent.
    const ids = questionIdLines(f.questionIds);
    Object.assign(body, {
      ...(ids.length
        ? { questionIds: ids }
        : {
            questions: f.selection.map((r) => ({
              bankId: r.bankId,
              ...(r.topic.trim() ? { topic: r.topic.trim() } : {}),
              ...(r.difficulty ? { difficulty: Number(r.difficulty) } : {}),
              count: int(r.count),
            })),
          }),
      secondsPerQuestion: int(f.secondsPerQuestion),
      speedBonus: f.speedBonus ? { maxPoints: Number(f.speedBonusMaxPoints.replace(',', '.')) } : null,
    });
  }
  if (f.advancement !== 'none') {
    body.advancement = {
      mode: f.advancement,
      ...(f.advancement === 'top' ? { topN: int(f.topN) } : {}),
      ...(f.advancement === 'threshold' ? { minScore: Number(f.minScore.replace(',', '.')) } : {}),
    };
  }
  return body;
}

/** What the staff view of a round adds to the public one (GET /rounds/:id as staff). */
export type StaffRound = Round & {
  description?: string | null;
  entry?: string;
  partialCredit?: boolean;
  advancement?: { mode: 'top' | 'threshold' | 'picked'; topN?: number; minScore?: number } | null;
  prediction?: { target: string; countBy?: string } | null;
  integrity?: { minSecondsPerQuestion: number; maxAccountsPerDevice: number; maxAccountsPerIp: number };
};

const PREDICTION_TARGETS: RoundForm['predictionTarget'][] = ['perfect-score-entrants', 'entrants', 'custom'];

/** The form filled with a saved round, for editing. */
export function fromRound(r: StaffRound): RoundForm {
  const base = emptyRound();
  const target = r.prediction?.target as RoundForm['predictionTarget'] | undefined;
  const pinned = (r.selection ?? []).filter((s): s is typeof s & { questionId: string } => !!s.questionId);
  const rules = (r.selection ?? []).filter((s) => !s.questionId);
  return {
    ...base,
    title: r.title,
    description: r.description ?? '',
    kind: r.kind,
    secondsPerQuestion: r.live ? String(r.live.secondsPerQuestion) : base.secondsPerQuestion,
    speedBonus: !!r.live?.speedBonus,
    speedBonusMaxPoints: r.live?.speedBonus ? String(r.live.speedBonus.maxPoints) : base.speedBonusMaxPoints,
    // Questions given by id come back as one pinned rule each: shown as the ids again, so the
    // rows never turn them into "any question of the bank".
    questionIds: pinned.map((s) => s.questionId).join('\n'),
    opensAt: formatVnDateTimeInput(r.opensAt),
    closesAt: formatVnDateTimeInput(r.closesAt),
    durationMinutes: String(r.durationSeconds / 60),
    maxAttempts: String(r.maxAttempts),
    attemptScoring: r.attemptScoring,
    selection: rules.length
      ? rules.map((s) => ({
          bankId: s.bankId,
          topic: s.topic ?? '',
          difficulty: s.difficulty ? String(s.difficulty) : '',
          types: s.types ?? [],
          count: String(s.count),
        }))
      : base.selection,
    shuffleQuestions: r.shuffleQuestions ?? true,
    shuffleOptions: r.shuffleOptions ?? true,
    partialCredit: r.partialCredit ?? false,
    predictionEnabled: !!r.predictionQuestion,
    predictionPrompt: r.predictionQuestion?.prompt ?? base.predictionPrompt,
    predictionTarget: target && PREDICTION_TARGETS.includes(target) ? target : base.predictionTarget,
    visibility: r.leaderboard?.visibility ?? 'live',
    freezeAt: formatVnDateTimeInput(r.leaderboard?.freezeAt ?? null),
    prizes: (r.prizes ?? []).map((p) => ({ name: p.name, count: String(p.count) })),
    advancement: r.advancement?.mode ?? 'none',
    topN: r.advancement?.topN !== undefined ? String(r.advancement.topN) : '',
    minScore: r.advancement?.minScore !== undefined ? String(r.advancement.minScore) : '',
    entry: r.entry === 'enrolled' ? 'enrolled' : 'open',
    minSecondsPerQuestion: r.integrity ? String(r.integrity.minSecondsPerQuestion) : base.minSecondsPerQuestion,
    maxAccountsPerDevice: r.integrity ? String(r.integrity.maxAccountsPerDevice) : base.maxAccountsPerDevice,
    maxAccountsPerIp: r.integrity ? String(r.integrity.maxAccountsPerIp) : base.maxAccountsPerIp,
  };
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The PATCH body: only what the organiser changed, so that untouched fields of an opened round
 * (times shown to the minute, for one) are never sent back and refused as changes. A setting
 * the organiser removed is sent as null.
 */
export function changedRoundFields(initial: RoundForm, current: RoundForm): Record<string, unknown> {
  const before = roundBody(initial);
  const after = roundBody(current);
  const out: Record<string, unknown> = {};
  for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (sameJson(before[k], after[k])) continue;
    out[k] = k in after ? after[k] : null;
  }
  return out;
}
