import type { FieldProblem } from '@lc/platform';
import { foldVietnamese } from '../../../platform/src/text/fold';

export const REGISTRATION_FIELD_NAME = /^[a-zA-Z][a-zA-Z0-9]{0,39}$/;

/** Profile fields a contest may require, filled from the account when the entrant gave them there. */
export const PROFILE_FIELDS = ['fullName', 'phone', 'email', 'dateOfBirth', 'nationalId', 'province', 'commune', 'unit'] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];
export type Profile = Partial<Record<ProfileField, string | null>>;

/** Personal numbers are kept masked in registrations (the account holds the protected copy). */
const PERSONAL = new Set<string>(['phone', 'nationalId']);

export interface RegistrationInput {
  unit?: string;
  fields?: Record<string, unknown>;
}

export type Resolved = { ok: true; unit: string | null; fields: Record<string, string> } | { ok: false; problems: FieldProblem[] };

/**
 * What a registration stores, from the contest's requirements, the account profile and what
 * the entrant typed. A unit must come from the contest's list when it has one.
 */
export function resolveRegistration(contest: { requiredFields: string[]; unitList: string[] | null }, profile: Profile, input: RegistrationInput): Resolved {
  const problems: FieldProblem[] = [];
  const given = input.fields ?? {};
  for (const [k, v] of Object.entries(given)) {
    if (!REGISTRATION_FIELD_NAME.test(k)) problems.push({ field: `fields.${k}`, problems: ['not a valid field name'] });
    else if (typeof v !== 'string' || v.length > 300) problems.push({ field: `fields.${k}`, problems: ['must be text of at most 300 characters'] });
    else if (PERSONAL.has(k)) problems.push({ field: `fields.${k}`, problems: ['is taken from your account, not from the registration'] });
  }
  const pick = (name: string): string | null => {
    const typed = name === 'unit' ? (input.unit ?? given.unit) : given[name];
    const v = typeof typed === 'string' && typed.trim() ? typed : (profile as Record<string, string | null | undefined>)[name];
    return typeof v === 'string' && v.trim() ? v.normalize('NFC').trim() : null;
  };

  let unit = pick('unit');
  const list = contest.unitList?.length ? contest.unitList : null;
  if (list) {
    const wanted = unit ? fold(unit) : null;
    const match = wanted ? list.find((u) => fold(u) === wanted) : undefined;
    if (!unit) problems.push({ field: 'unit', problems: ["choose your unit from the contest's unit list"] });
    else if (!match) problems.push({ field: 'unit', problems: [`"${unit}" is not in the contest's unit list`] });
    unit = match ?? null;
  }

  const fields: Record<string, string> = {};
  for (const name of contest.requiredFields) {
    const v = name === 'unit' ? unit : pick(name);
    if (!v) {
      if (name !== 'unit' || !list) problems.push({ field: name === 'unit' ? 'unit' : `fields.${name}`, problems: [`${name} is required by this contest`] });
      continue;
    }
    fields[name] = v;
  }
  // Extra fields the entrant chose to give are kept too (e.g. position, phone of the unit).
  for (const [k, v] of Object.entries(given)) {
    if (typeof v === 'string' && v.trim() && !(k in fields) && !PERSONAL.has(k) && REGISTRATION_FIELD_NAME.test(k) && k !== 'unit')
      fields[k] = v.normalize('NFC').trim();
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, unit, fields };
}

/** Case- and diacritics-insensitive comparison key for unit names. */
export function fold(s: string): string {
  return foldVietnamese(s).replace(/\s+/g, ' ').trim();
}
