import { describe, expect, it } from 'vitest';
import type { PenaltyRule } from '../shared/api/jury-types';
import { checkFacts, factsValues, formatDuration, overtimeHint, penaltyLines } from './entry-facts-model';

const RULES: PenaltyRule[] = [
  { kind: 'overtime', limitSeconds: 900, points: 1, per: 'started-minute', maxPoints: 5 },
  { kind: 'fixed', code: 'notes', label: 'Đọc tài liệu', points: 2 },
  { kind: 'fixed', code: 'late', label: 'Vào muộn', points: 0.5 },
];

describe('entry facts (presentation time and breaches)', () => {
  it('starts from the entry, dropping breaches the jury no longer has', () => {
    expect(factsValues({ durationSeconds: 975, breaches: ['notes', 'gone'] }, RULES)).toEqual({ minutes: '16', seconds: '15', breaches: ['notes'] });
    expect(factsValues({ durationSeconds: null, breaches: [] }, RULES)).toEqual({ minutes: '', seconds: '', breaches: [] });
  });

  it('builds the PATCH body: minutes and seconds to seconds, empty boxes clear the time', () => {
    expect(checkFacts({ minutes: '16', seconds: '15', breaches: ['notes', 'notes'] }, RULES)).toEqual({
      body: { durationSeconds: 975, breaches: ['notes'] },
      errors: {},
    });
    expect(checkFacts({ minutes: ' 15 ', seconds: '', breaches: [] }, RULES).body).toEqual({ durationSeconds: 900, breaches: [] });
    expect(checkFacts({ minutes: '', seconds: '', breaches: ['late'] }, RULES).body).toEqual({ durationSeconds: null, breaches: ['late'] });
  });

  it('says what is wrong with the time in Vietnamese', () => {
    expect(checkFacts({ minutes: '-1', seconds: '', breaches: [] }, RULES)).toEqual({
      body: null,
      errors: { 'facts-minutes': 'Số phút là số nguyên, không âm.' },
    });
    expect(checkFacts({ minutes: '2', seconds: '75', breaches: [] }, RULES).errors).toEqual({ 'facts-seconds': 'Số giây từ 0 đến 59.' });
    expect(checkFacts({ minutes: '1,5', seconds: '', breaches: [] }, RULES).errors['facts-minutes']).toBeDefined();
    expect(checkFacts({ minutes: '1441', seconds: '', breaches: [] }, RULES).errors).toEqual({ 'facts-minutes': 'Thời lượng tối đa 24 giờ (1440 phút).' });
  });

  it('explains the overtime rule, or that there is none', () => {
    expect(overtimeHint(RULES[0] as Extract<PenaltyRule, { kind: 'overtime' }>)).toBe(
      'Giới hạn 15 phút; mỗi phút quá giờ trừ 1 điểm (chưa đủ phút vẫn tính một phút), tối đa 5 điểm. Để trống nếu không đo.',
    );
    expect(overtimeHint(undefined)).toContain('không đặt mức trừ điểm');
    expect(formatDuration(45)).toBe('45 giây');
    expect(formatDuration(975)).toBe('16 phút 15 giây');
  });

  it('reads the penalties the api computed, named in Vietnamese', () => {
    expect(
      penaltyLines(
        {
          total: 4,
          items: [
            { code: 'overtime', points: 2, detail: '75s over 900s: 2 × 1' },
            { code: 'notes', points: 2, detail: 'Đọc tài liệu' },
          ],
        },
        RULES,
      ),
    ).toEqual(['Quá giờ: trừ 2 điểm', 'Đọc tài liệu: trừ 2 điểm', 'Tổng điểm trừ: 4 điểm']);
    expect(penaltyLines({ total: 0.5, items: [{ code: 'late', points: 0.5, detail: 'Vào muộn' }] }, RULES)).toEqual(['Vào muộn: trừ 0,5 điểm']);
    expect(penaltyLines({ total: 0, items: [] }, RULES)).toEqual(['Không bị trừ điểm.']);
  });
});
