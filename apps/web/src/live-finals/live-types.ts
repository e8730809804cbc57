/**
 * The live final's shapes. The HTTP ones are the OpenAPI schemas (schema.d.ts, generated);
 * the socket events are not in the OpenAPI document, so they are written here, as the
 * SPEC's "Live finals" contract gives them (libs/live-finals live-finals.types.ts on the server).
 */
export type LiveStatus = 'waiting' | 'question' | 'revealed' | 'paused' | 'ended';

export interface LiveOption {
  id: string;
  text: string;
}
export interface LiveQuestion {
  id: string;
  type: string;
  stem: string;
  options: LiveOption[];
}
export interface LiveBoardRow {
  rank: number;
  userId: string;
  displayName: string;
  score: number;
}
export interface LiveReveal {
  questionId: string;
  correctOptionIds: string[];
  distribution: Record<string, number>;
  explanation?: string | null;
}
export interface LiveMe {
  score: number;
  rank: number | null;
  optionIds: string[] | null;
}
export interface LiveState {
  roundId: string;
  status: LiveStatus;
  index: number;
  total: number;
  question?: LiveQuestion;
  opensAt?: string;
  closesAt?: string;
  pausedFrom?: LiveStatus;
  remainingMs?: number;
  serverTime: string;
  me?: LiveMe;
  reveal?: LiveReveal;
  board?: { top: LiveBoardRow[]; total: number };
  answered?: number;
}
export interface LiveAnswerAccepted {
  ok: true;
  questionId: string;
  receivedAt: string;
}

/** Server → client events of the live final on /live. */
export interface LiveFinalEvents {
  'live:question': { roundId: string; index: number; total: number; question: LiveQuestion; opensAt: string; closesAt: string; serverTime: string };
  'live:reveal': { roundId: string; questionId: string; correctOptionIds: string[]; distribution: Record<string, number>; explanation?: string | null };
  'live:board': { roundId: string; top: LiveBoardRow[]; total: number };
  'live:status': { roundId: string; status: LiveStatus };
}

/** The acknowledgement of `live:answer`. */
export type LiveAnswerAck = { ok: true; receivedAt: string } | { ok: false; code: string };
