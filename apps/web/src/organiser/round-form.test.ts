import { describe, expect, it } from 'vitest';
import { changedRoundFields, emptyRound, fromRound, roundBody, validateRound, type StaffRound } from './round-form';

const filled = () => ({
  ...emptyRound(),
  title: 'Tuần 1',
  opensAt: '04/05/2026 08:00',
  closesAt: '10/05/2026 20:00',
  selection: [{ bankId: '3f1c1a8e-7b6a-4d5e-9f0a-0b1c2d3e4f50', topic: '', difficulty: '', types: [], count: '20' }],
});

describe('round form', () => {
  it('keeps the prediction figures off the open board unless the organiser unticks it', () => {
    expect(emptyRound().hidePredictionFigures).toBe(true);
    expect(roundBody({ ...filled(), predictionEnabled: true, hidePredictionFigures: false }).leaderboard).toEqual({
      visibility: 'live',
      hidePredictionFigures: false,
    });
    // Without a prediction question there is nothing to hide.
    expect(roundBody({ ...filled(), predictionEnabled: false }).leaderboard).toEqual({ visibility: 'live' });
  });

  it('sends the rule settings in UTC with Vietnam times as typed', () => {
    const body = roundBody({ ...filled(), maxAttempts: '3', predictionEnabled: true });
    expect(body).toMatchObject({
      title: 'Tuần 1',
      kind: 'quiz',
      opensAt: '2026-05-04T01:00:00.000Z',
      closesAt: '2026-05-10T13:00:00.000Z',
      durationSeconds: 1200,
      maxAttempts: 3,
      attemptScoring: 'best',
      selection: [{ bankId: '3f1c1a8e-7b6a-4d5e-9f0a-0b1c2d3e4f50', count: 20 }],
      shuffleQuestions: true,
      shuffleOptions: true,
      predictionQuestion: { target: 'perfect-score-entrants' },
      leaderboard: { visibility: 'live', hidePredictionFigures: true },
      prizes: [
        { name: 'Giải Nhất', count: 1 },
        { name: 'Giải Nhì', count: 2 },
        { name: 'Giải Ba', count: 3 },
        { name: 'Giải Khuyến khích', count: 10 },
      ],
    });
    expect(body).not.toHaveProperty('advancement');
  });

  it('refuses impossible schedules and durations', () => {
    const e = validateRound({
      ...filled(),
      closesAt: '01/05/2026 08:00',
      durationMinutes: '2000',
      selection: [{ bankId: '', topic: '', difficulty: '', types: [], count: '0' }],
    });
    expect(Object.keys(e).sort()).toEqual(['closesAt', 'durationMinutes', 'selection.0.bankId', 'selection.0.count']);
    expect(validateRound(filled())).toEqual({});
  });

  it('reads dates day first, in Vietnam time, and says what is wrong with a typed one', () => {
    // 05/04 is the 5th of April, never May the 4th.
    expect(roundBody({ ...filled(), opensAt: '05/04/2026 7:30' }).opensAt).toBe('2026-04-05T00:30:00.000Z');
    expect(validateRound({ ...filled(), opensAt: '' }).opensAt).toBe('Nhập thời điểm mở.');
    expect(validateRound({ ...filled(), opensAt: '04/05/2026' }).opensAt).toMatch(/^Thiếu giờ/);
    expect(validateRound({ ...filled(), opensAt: '31/02/2026 08:00' }).opensAt).toBe('Ngày 31/02/2026 không có trên lịch.');
    expect(validateRound({ ...filled(), opensAt: '05/04/2026 8:30 PM' }).opensAt).toMatch(/^Nhập theo dạng ngày\/tháng\/năm giờ:phút/);
    expect(validateRound({ ...filled(), visibility: 'frozen', freezeAt: '09/05/2026 24:00' }).freezeAt).toBe('Giờ phải từ 00:00 đến 23:59.');
  });

  it('omits quiz settings for judged rounds and sends advancement', () => {
    const body = roundBody({ ...filled(), kind: 'judged', advancement: 'top', topN: '30' });
    expect(body).not.toHaveProperty('selection');
    expect(body).not.toHaveProperty('durationSeconds');
    expect(body.advancement).toEqual({ mode: 'top', topN: 30 });
  });
});

describe('live round form', () => {
  const live = () => ({ ...filled(), kind: 'live' as const, secondsPerQuestion: '25', speedBonus: true, speedBonusMaxPoints: '5' });

  it('sends the live final contract: question rules, seconds per question, speed bonus', () => {
    const body = roundBody(live());
    expect(body).toMatchObject({
      kind: 'live',
      questions: [{ bankId: '3f1c1a8e-7b6a-4d5e-9f0a-0b1c2d3e4f50', count: 20 }],
      secondsPerQuestion: 25,
      speedBonus: { maxPoints: 5 },
    });
    expect(body).not.toHaveProperty('selection');
    expect(body).not.toHaveProperty('durationSeconds');
    expect(roundBody({ ...live(), speedBonus: false }).speedBonus).toBeNull();
  });

  it('refuses a question time outside 5–600 s and a bonus outside 0.01–1000', () => {
    expect(validateRound({ ...live(), secondsPerQuestion: '3' }).secondsPerQuestion).toBeDefined();
    expect(validateRound({ ...live(), secondsPerQuestion: '601' }).secondsPerQuestion).toBeDefined();
    expect(validateRound({ ...live(), speedBonusMaxPoints: '0' }).speedBonusMaxPoints).toBeDefined();
    expect(validateRound({ ...live(), speedBonus: false, speedBonusMaxPoints: '0' }).speedBonusMaxPoints).toBeUndefined();
    expect(validateRound(live())).toEqual({});
  });

  const A = '11111111-1111-4111-8111-111111111111';
  const B = '22222222-2222-4222-8222-222222222222';

  it('sends question ids (one a line, in order) instead of the rules when given', () => {
    const body = roundBody({ ...live(), questionIds: `${B}\n\n  ${A}  \n` });
    expect(body.questionIds).toEqual([B, A]);
    expect(body).not.toHaveProperty('questions');
    expect(validateRound({ ...live(), questionIds: `${B}\n${A}`, selection: [] })).toEqual({});
    expect(validateRound({ ...live(), questionIds: `${A}\nabc` }).questionIds).toContain('abc');
    expect(validateRound({ ...live(), questionIds: `${A}\n${A.toUpperCase()}` }).questionIds).toContain('lặp lại');
  });

  it('keeps a round given by ids as ids when edited, and switching sends the other source as null', () => {
    const saved = {
      ...(roundBody(live()) as object),
      id: 'r1',
      status: 'draft',
      kind: 'live',
      title: 'Chung kết',
      opensAt: '2026-05-04T01:00:00.000Z',
      closesAt: '2026-05-10T13:00:00.000Z',
      durationSeconds: 86400,
      maxAttempts: 1,
      attemptScoring: 'best',
      prizes: [],
      leaderboard: { visibility: 'live' },
      live: { secondsPerQuestion: 25, speedBonus: null },
      selection: [
        { bankId: 'b1', questionId: B, count: 1, types: ['single', 'multiple', 'true_false'] },
        { bankId: 'b1', questionId: A, count: 1, types: ['single', 'multiple', 'true_false'] },
      ],
    } as unknown as StaffRound;
    const f = fromRound(saved);
    expect(f.questionIds).toBe(`${B}\n${A}`);
    expect(changedRoundFields(f, { ...f, title: 'Chung kết mới' })).toEqual({ title: 'Chung kết mới' });
    const toRules = changedRoundFields(f, { ...f, questionIds: '' });
    expect(toRules).toMatchObject({ questionIds: null, questions: [{ count: 20 }] });
  });

  it('fills the form back from a saved live round', () => {
    const f = fromRound({
      ...(roundBody(live()) as object),
      id: 'r1',
      status: 'draft',
      kind: 'live',
      title: 'Chung kết',
      opensAt: '2026-05-04T01:00:00.000Z',
      closesAt: '2026-05-10T13:00:00.000Z',
      durationSeconds: 86400,
      maxAttempts: 1,
      attemptScoring: 'best',
      prizes: [],
      leaderboard: { visibility: 'live' },
      live: { secondsPerQuestion: 25, speedBonus: { maxPoints: 5 } },
      selection: [{ bankId: 'b1', count: 3, types: ['single', 'multiple', 'true_false'] }],
    } as unknown as StaffRound);
    expect(f).toMatchObject({ kind: 'live', secondsPerQuestion: '25', speedBonus: true, speedBonusMaxPoints: '5' });
    expect(roundBody(f).questions).toEqual([{ bankId: 'b1', count: 3 }]);
  });
});
