import type { OrganisationLevel } from './organisation.entity';

export type PlaceResult = { province: string | null } | { problem: { field: 'province'; problems: string[] } };

/**
 * Where an organisation sits: a central body belongs to no province; a provincial or commune
 * body belongs to exactly one (its statistics and reports are by province). The province
 * value itself is checked against the list by the DTO.
 */
export function organisationPlace(level: OrganisationLevel, province: string | null | undefined): PlaceResult {
  if (level === 'central') return province ? { problem: { field: 'province', problems: ['a central organisation has no province'] } } : { province: null };
  if (!province) return { problem: { field: 'province', problems: [`required for a ${level}-level organisation`] } };
  return { province };
}
