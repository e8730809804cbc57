import { badRequest } from '@lc/platform';
import { isRecord, Problems, rejectUnknownKeys } from '../../common/problems';

export const HAND_IN_KINDS = ['text', 'link', 'file'] as const;
export type HandInKind = (typeof HAND_IN_KINDS)[number];
export const MAX_BRIEF = 20_000;

export interface BriefInput {
  brief: string | null;
  handInKinds: HandInKind[];
}

/** PUT /rounds/:id/brief: the brief (optional text) and at least one kind of hand-in, each once. */
export function parseBriefInput(input: unknown): BriefInput {
  const p = new Problems();
  if (!isRecord(input)) {
    p.add('body', 'must be an object { brief, handInKinds }');
    p.throwIfAny('invalid_brief', 'brief');
  }
  const o = input as Record<string, unknown>;
  rejectUnknownKeys(o, ['brief', 'handInKinds'], '', p);
  let brief: string | null = null;
  if (o.brief !== undefined && o.brief !== null) {
    if (typeof o.brief !== 'string') p.add('brief', 'must be text or null');
    else if (o.brief.normalize('NFC').length > MAX_BRIEF) p.add('brief', `must be at most ${MAX_BRIEF} characters`);
    else brief = o.brief.normalize('NFC').trim() || null;
  }
  const kinds = o.handInKinds;
  if (!Array.isArray(kinds) || kinds.length === 0 || kinds.some((k) => !HAND_IN_KINDS.includes(k as HandInKind)) || new Set(kinds).size !== kinds.length)
    p.add('handInKinds', 'must list text, link and/or file, each once');
  p.throwIfAny('invalid_brief', 'brief');
  return { brief, handInKinds: HAND_IN_KINDS.filter((k) => (kinds as string[]).includes(k)) };
}

/** An entry may only hold the kinds the round takes. */
export function requireHandInKinds(allowed: readonly HandInKind[], used: { text: unknown; link: unknown; file: boolean }): void {
  const refused = HAND_IN_KINDS.filter((k) => (k === 'file' ? used.file : Boolean(used[k])) && !allowed.includes(k));
  if (refused.length)
    throw badRequest(
      'hand_in_kind_not_allowed',
      `This round takes only: ${allowed.join(', ')}`,
      refused.map((k) => ({ field: k, problems: ['is not taken by this round'] })),
    );
}
