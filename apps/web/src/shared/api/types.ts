/** Shapes of the public API (SPEC.md "HTTP API"), as the web app reads them. */

export type Role = 'resident' | 'organiser' | 'judge' | 'admin';

export interface User {
  id: string;
  fullName: string;
  role: Role | string;
  organisationId: string | null;
  email: string | null;
  phone: string | null;
  nationalId: string | null;
  province: string | null;
  commune: string | null;
  unit: string | null;
  dateOfBirth: string | null;
}

export interface AuthResponse {
  accessToken: string;
  refreshToken: string;
  expiresIn?: number;
  user: User;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export type ContestStatus = 'draft' | 'published' | 'closed' | 'archived';
export type RoundStatus = 'draft' | 'scheduled' | 'open' | 'closed' | 'published';
export type QuestionType = 'single' | 'multiple' | 'true_false' | 'numeric' | 'short_text' | 'essay';

export interface PredictionQuestion {
  prompt: string;
  target?: string;
}

export interface Prize {
  name: string;
  count: number;
}

export interface SelectionRule {
  bankId: string;
  topic?: string;
  difficulty?: number;
  types?: QuestionType[];
  count: number;
}

export interface Round {
  id: string;
  contestId?: string;
  seq?: number;
  title: string;
  kind: 'quiz' | 'judged';
  status?: RoundStatus | string;
  opensAt: string;
  closesAt: string;
  durationSeconds: number;
  maxAttempts: number;
  attemptScoring: 'best' | 'last';
  selection?: SelectionRule[];
  shuffleQuestions?: boolean;
  shuffleOptions?: boolean;
  predictionQuestion?: PredictionQuestion | null;
  leaderboard?: { visibility: 'live' | 'frozen' | 'hidden'; freezeAt?: string | null } | null;
  prizes?: Prize[] | null;
  questionCount?: number;
}

export interface Contest {
  id: string;
  organisationId?: string;
  title: string;
  slug: string;
  description?: string | null;
  status?: ContestStatus | string;
  unitList?: string[] | null;
  requiredFields?: string[] | null;
  rounds?: Round[];
  /** Present when the signed-in resident has joined (name varies by server version). */
  registered?: boolean;
  registration?: { unit?: string | null } | null;
}

export interface AttemptOption {
  id: string;
  text: string;
  /** Only after results are published. */
  correct?: boolean;
}

export interface AttemptQuestion {
  id: string;
  type: QuestionType;
  stem: string;
  options: AttemptOption[];
  points?: number;
  /** Only after results are published. */
  explanation?: string | null;
  legalReference?: string | null;
  correctOptionIds?: string[];
  correctAnswer?: unknown;
  isCorrect?: boolean | null;
  awarded?: number | null;
  /** Published, but another round still draws this question: no key until `until`. */
  keyWithheld?: { reason: string; until: string } | null;
}

/** What a resident has chosen or typed for one question. */
export interface AnswerValue {
  optionIds?: string[];
  value?: string | number;
}

export type AttemptStatus = 'in_progress' | 'submitted' | 'expired' | 'void';

export interface Attempt {
  id: string;
  roundId?: string;
  status: AttemptStatus | string;
  startedAt?: string;
  deadlineAt: string;
  serverTime?: string;
  submittedAt?: string | null;
  questions: AttemptQuestion[];
  answers: Record<string, AnswerValue & { seq?: number }>;
  score?: number | null;
  maxScore?: number | null;
  timeTakenMs?: number | null;
  rank?: number | null;
  prediction?: number | null;
  predictionQuestion?: PredictionQuestion | null;
}

export interface SubmitResult {
  attemptId?: string;
  /** 'expired' when the submit arrived after the deadline and the saved answers were scored. */
  status?: 'submitted' | 'expired';
  score: number;
  maxScore: number;
  timeTakenMs: number;
  rank: number | null;
}

export interface MyAttempt {
  id: string;
  attemptNo?: number;
  status: string;
  startedAt?: string;
  submittedAt?: string | null;
  score?: number | null;
  maxScore?: number | null;
  timeTakenMs?: number | null;
  prediction?: number | null;
}

export interface LeaderboardRow {
  rank: number;
  userId?: string;
  displayName: string;
  unit?: string | null;
  province?: string | null;
  /** null: hidden while the round's prediction question is open. */
  score: number | null;
  timeTakenMs: number;
}

/** What the server keeps off an open round's board so the prediction cannot be read from it. */
export interface BoardConcealment {
  reason: string;
  topN: number;
  hidden: ('total' | 'scores' | 'ranks-beyond-top')[];
}

export interface MyRank {
  rank: number | null;
  score: number | null;
  timeTakenMs?: number | null;
  total?: number | null;
  concealed?: BoardConcealment;
}
