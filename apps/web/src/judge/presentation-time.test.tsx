import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PresentationTimeForm } from './PresentationTimeForm';
import { entry } from './test-fixtures';
import { checkPresentationTime, overtimeLine, presentationTimeFields } from './presentation-time';

describe('presentation time', () => {
  it('reads minutes and seconds as whole seconds; nothing typed clears the time', () => {
    expect(checkPresentationTime('12', '30')).toEqual({ durationSeconds: 750, errors: {} });
    expect(checkPresentationTime(' 9 ', '')).toEqual({ durationSeconds: 540, errors: {} });
    expect(checkPresentationTime('', '')).toEqual({ durationSeconds: null, errors: {} });
  });
  it('says in Vietnamese what is wrong', () => {
    expect(checkPresentationTime('mười', '75').errors).toEqual({ minutes: 'Số phút là số nguyên từ 0 đến 1440.', seconds: 'Số giây là số nguyên từ 0 đến 59.' });
    expect(checkPresentationTime('10', '5,5').errors.seconds).toBe('Số giây là số nguyên từ 0 đến 59.');
  });
  it('puts a recorded time back into the fields', () => {
    expect(presentationTimeFields(750)).toEqual({ minutes: '12', seconds: '30' });
    expect(presentationTimeFields(null)).toEqual({ minutes: '', seconds: '' });
  });
  it('says what the overtime rule takes off, a started minute counting whole, up to the cap', () => {
    const rule = { limitSeconds: 600, points: 1, per: 'started-minute' as const, maxPoints: 5 };
    expect(overtimeLine(750, rule)).toBe('Quá 2 phút 30 giây so với 10 phút cho phép: trừ 3 điểm.');
    expect(overtimeLine(600, rule)).toBe('Trong thời gian cho phép (10 phút): không bị trừ điểm.');
    expect(overtimeLine(1500, rule)).toBe('Quá 15 phút 0 giây so với 10 phút cho phép: trừ 5 điểm.');
    expect(overtimeLine(750, { ...rule, per: 'full-minute' })).toBe('Quá 2 phút 30 giây so với 10 phút cho phép: trừ 2 điểm.');
    expect(overtimeLine(750, undefined)).toBeNull();
  });
});

describe('presentation time form (organisers, on the entry)', () => {
  it('shows the recorded time and the overtime limit it is counted against', () => {
    const html = renderToStaticMarkup(<PresentationTimeForm entry={{ ...entry, durationSeconds: 750 }} overtime={{ kind: 'overtime', limitSeconds: 600, points: 1, per: 'started-minute', maxPoints: 5 }} onSaved={() => undefined} />);
    expect(html).toContain('Thời lượng trình bày');
    expect(html).toContain('quá 10 phút bị trừ điểm theo thiết lập ban giám khảo');
    expect(html).toContain('value="12"');
    expect(html).toContain('value="30"');
    expect(html).toContain('Lưu thời lượng');
  });
});
