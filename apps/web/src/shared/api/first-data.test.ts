import { describe, expect, it } from 'vitest';
import { takeEarly } from './early';
import { firstDataEntry } from './first-data';
import type { Session } from './session';

const json = JSON.stringify({ url: '/api/v1/contests?limit=50&offset=0', body: { items: [{ id: 'c1', title: '<b>Thi</b>' }], total: 1 } });
const resident = { accessToken: 'tok', user: { role: 'resident' } } as unknown as Session;
const organiser = { accessToken: 'tok', user: { role: 'organiser' } } as unknown as Session;

describe('firstDataEntry', () => {
  it('turns the embedded list into the answer the list page takes, for a visitor or a resident', async () => {
    const visitor = firstDataEntry({ textContent: json }, null, 1000)!;
    expect(takeEarly('/api/v1/contests?limit=50&offset=0', undefined, [visitor], 2000)).toBe(visitor);
    expect(await (await visitor.response).json()).toEqual({ items: [{ id: 'c1', title: '<b>Thi</b>' }], total: 1 });
    const signedIn = firstDataEntry({ textContent: json }, resident, 1000)!;
    expect(takeEarly('/api/v1/contests?limit=50&offset=0', 'tok', [signedIn], 2000)).toBe(signedIn);
  });

  it('leaves staff, a page without data and broken data to the api', () => {
    expect(firstDataEntry({ textContent: json }, organiser)).toBeNull();
    expect(firstDataEntry(null, null)).toBeNull();
    expect(firstDataEntry({ textContent: '{"url":' }, null)).toBeNull();
    expect(firstDataEntry({ textContent: JSON.stringify({ url: 'https://elsewhere/x', body: {} }) }, null)).toBeNull();
  });
});
