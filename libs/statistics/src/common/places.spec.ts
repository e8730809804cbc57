import { splitPlaces } from './places';

const row = (province: string | null, commune: string | null, unit: string | null, g: [number, number, number], entries: number, unique: number) => ({
  province,
  commune,
  unit,
  g_province: g[0],
  g_commune: g[1],
  g_unit: g[2],
  entries,
  unique_entrants: unique,
});

describe('splitPlaces', () => {
  it('tells the grouping sets apart by their GROUPING() flags, keeping unknown places', () => {
    const p = splitPlaces([
      row('Quảng Ninh', null, null, [0, 1, 1], 5, 3),
      row('Quảng Ninh', 'Phường Hạ Long', null, [0, 0, 1], 4, 2),
      row(null, null, 'Trường THPT Hòn Gai', [1, 1, 0], 3, 3),
      row(null, null, null, [1, 1, 0], 1, 1),
      row(null, null, null, [0, 1, 1], 2, 2),
    ]);
    expect(p.byProvince).toEqual([
      { province: 'Quảng Ninh', entries: 5, uniqueEntrants: 3 },
      { province: null, entries: 2, uniqueEntrants: 2 },
    ]);
    expect(p.byCommune).toEqual([{ province: 'Quảng Ninh', commune: 'Phường Hạ Long', entries: 4, uniqueEntrants: 2 }]);
    expect(p.byUnit).toEqual([
      { unit: 'Trường THPT Hòn Gai', entries: 3, uniqueEntrants: 3 },
      { unit: null, entries: 1, uniqueEntrants: 1 },
    ]);
  });
});
