import type { CommuneStatistics, ProvinceStatistics, UnitStatistics } from '../contest/contest-statistics.types';

/** A row of BY_PLACE_SQL: one grouping set at a time, told apart by the GROUPING() flags. */
export interface PlaceRow {
  province: string | null;
  commune: string | null;
  unit: string | null;
  g_province: number;
  g_commune: number;
  g_unit: number;
  entries: number;
  unique_entrants: number;
}

export interface Places {
  byProvince: ProvinceStatistics[];
  byCommune: CommuneStatistics[];
  byUnit: UnitStatistics[];
}

/** Splits the grouping sets into the three lists (each already ordered by entries). */
export function splitPlaces(rows: PlaceRow[]): Places {
  const out: Places = { byProvince: [], byCommune: [], byUnit: [] };
  for (const r of rows) {
    const counts = { entries: Number(r.entries), uniqueEntrants: Number(r.unique_entrants) };
    if (Number(r.g_unit) === 0) out.byUnit.push({ unit: r.unit, ...counts });
    else if (Number(r.g_commune) === 0) out.byCommune.push({ province: r.province, commune: r.commune, ...counts });
    else if (Number(r.g_province) === 0) out.byProvince.push({ province: r.province, ...counts });
  }
  return out;
}
