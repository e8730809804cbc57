/**
 * The live final's shapes. The HTTP ones are the OpenAPI schemas (schema.d.ts, generated);
 * the socket events are not in the OpenAPI document, so they are written here, as the
 * SPEC's "Live finals" contract gives them (libs/live-finals live-finals.types.ts on the server).
 */
import type { components } from '../shared/api/schema';

type Schemas = components['schemas'];

export type LiveState = Schemas['LiveStateResponse'];
export type LiveStatus = LiveState['status'];
export type LiveOption = Schemas['LiveOption'];
export type LiveQuestion = Schemas['LiveQuestion'];
export type LiveBoardRow = Schemas['LiveBoardRowResponse'];
export type LiveReveal = Schemas['LiveReveal'];
export type LiveMe = Schemas['LiveMe'];
export type LiveAnswerAccepted = Schemas['LiveAnswerResponse'];

/** Server → client events of the live final on /live. */
export interface LiveFinalEvents {
  'live:question': { roundId: string; index: number; total: number; question: LiveQuestion; opensAt: string; closesAt: string; serverTime: string };
  'live:reveal': { roundId: string; questionId: string; correctOptionIds: string[]; distribution: Record<string, number>; explanation?: string | null };
  'live:board': { roundId: string; top: LiveBoardRow[]; total: number };
  'live:status': { roundId: string; status: LiveStatus };
}

/** The acknowledgement of `live:answer`. */
export type LiveAnswerAck = { ok: true; receivedAt: string } | { ok: false; code: string };
