import { describe, expect, it } from 'vitest';
import { clockOffset } from '../shared/clock';
import {
  answerCorrect,
  applyBoard,
  applyQuestion,
  applyReveal,
  applyStatus,
  distributionBars,
  fromState,
  hostMoves,
  narrowClock,
  offsetOf,
  questionLabel,
  rereadDelayMs,
  secondsShown,
  timeLeftMs,
  wholePercents,
} from './live-model';
import type { LiveFinalEvents, LiveQuestion, LiveState } from './live-types';

const q1: LiveQuestion = {
  id: 'q1',
  type: 'single',
  stem: 'Cử tri phải đủ bao nhiêu tuổi?',
  options: [
    { id: 'a', text: '16' },
    { id: 'b', text: '18' },
    { id: 'c', text: '21' },
  ],
};
const q2: LiveQuestion = { ...q1, id: 'q2', stem: 'Câu thứ hai' };

const state = (over: Partial<LiveState> = {}): LiveState => ({
  roundId: 'r1',
  status: 'question',
  index: 0,
  total: 5,
  question: q1,
  opensAt: '2026-12-06T10:00:00.000Z',
  closesAt: '2026-12-06T10:00:20.000Z',
  serverTime: '2026-12-06T10:00:05.000Z',
  me: { score: 0, rank: null, optionIds: null },
  ...over,
});

const question = (over: Partial<LiveFinalEvents['live:question']> = {}): LiveFinalEvents['live:question'] => ({
  roundId: 'r1',
  index: 1,
  total: 5,
  question: q2,
  opensAt: '2026-12-06T10:01:00.000Z',
  closesAt: '2026-12-06T10:01:20.000Z',
  serverTime: '2026-12-06T10:01:00.000Z',
  ...over,
});

describe('countdown from the server clock', () => {
  it('counts from the offset to the server, whatever the phone clock says', () => {
    // The phone is 10 minutes behind: it read serverTime 10:00:05 at its own 09:50:05.
    const phoneNow = Date.parse('2026-12-06T09:50:05.000Z');
    const offset = clockOffset('2026-12-06T10:00:05.000Z', phoneNow);
    expect(offset).toBe(600_000);
    const v = fromState(state());
    expect(timeLeftMs(v, offset, phoneNow)).toBe(15_000);
    expect(timeLeftMs(v, offset, phoneNow + 14_200)).toBe(800);
    expect(secondsShown(timeLeftMs(v, offset, phoneNow + 14_200))).toBe(1);
    expect(timeLeftMs(v, offset, phoneNow + 30_000)).toBe(0);
    expect(secondsShown(0)).toBe(0);
  });

  it('takes the midpoint of the request as the moment the server stamped', () => {
    expect(clockOffset('2026-12-06T10:00:05.000Z', Date.parse('2026-12-06T10:00:05.400Z'), Date.parse('2026-12-06T10:00:04.600Z'))).toBe(0);
  });

  it('narrows the offset with every sample, so one slow read does not shift the countdown by seconds', () => {
    // The server's clock is 1000 ms ahead. A cold read: sent at 0, stamped at server 2000 (local 1000), received at 12000.
    let b = narrowClock(null, 2000, 12_000, 0);
    expect(b).toEqual({ low: -10_000, high: 2000 });
    expect(offsetOf(b)).toBe(-4000); // the midpoint alone: 5 s off
    // A push stamped at server 21000 arrives at local 20050 (50 ms on the way).
    b = narrowClock(b, 21_000, 20_050);
    expect(b).toEqual({ low: 950, high: 2000 });
    // A quick read: sent at 30000, stamped at server 31100, received at 30200.
    b = narrowClock(b, 31_100, 30_200, 30_000);
    expect(b).toEqual({ low: 950, high: 1100 });
    expect(offsetOf(b)).toBe(1025);
    // The phone's clock was set back an hour: no offset fits both, so the newest sample wins.
    b = narrowClock(b, 41_000, 40_000 - 3600_000, 40_000 - 3600_000 - 100);
    expect(offsetOf(b)).toBe(3601_050);
    expect(offsetOf(narrowClock(null, 5000, 4000))).toBe(1000);
    expect(offsetOf(null)).toBe(0);
    expect(narrowClock(b, 'not a time', 0)).toBe(b);
  });

  it('shows a paused question the time it had left, and no countdown between questions', () => {
    const paused = fromState(state({ status: 'paused', pausedFrom: 'question', remainingMs: 7_300 }));
    expect(timeLeftMs(paused, 0, 0)).toBe(7_300);
    expect(secondsShown(timeLeftMs(paused, 0, 0))).toBe(8);
    expect(timeLeftMs(fromState(state({ status: 'revealed' })), 0)).toBeNull();
    expect(timeLeftMs(fromState(state({ status: 'paused', pausedFrom: 'revealed' })), 0)).toBeNull();
    expect(secondsShown(null)).toBeNull();
  });
});

describe('distribution', () => {
  it('gives whole percents that add up to 100', () => {
    expect(wholePercents([1, 1, 1])).toEqual([34, 33, 33]);
    expect(wholePercents([2, 1, 0])).toEqual([67, 33, 0]);
    expect(wholePercents([0, 0, 0])).toEqual([0, 0, 0]);
    expect(wholePercents([7])).toEqual([100]);
    const many = wholePercents([13, 29, 41, 3]);
    expect(many.reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('lists every option with its count, percent and key (options nobody chose count 0)', () => {
    const bars = distributionBars(q1, { questionId: 'q1', correctOptionIds: ['b'], distribution: { a: 1, b: 3 }, explanation: null });
    expect(bars.map((b) => [b.letter, b.count, b.percent, b.correct])).toEqual([
      ['A', 1, 25, false],
      ['B', 3, 75, true],
      ['C', 0, 0, false],
    ]);
  });
});

describe('folding pushes into the state read over HTTP', () => {
  it('a new question clears the reveal and the answer given', () => {
    const v = fromState(
      state({
        status: 'revealed',
        reveal: { questionId: 'q1', correctOptionIds: ['b'], distribution: { b: 1 }, explanation: null },
        me: { score: 10, rank: 1, optionIds: ['b'] },
        answered: 4,
      }),
    );
    expect(v.reveal?.questionId).toBe('q1');
    const n = applyQuestion(v, question());
    expect(n).toMatchObject({ status: 'question', index: 1, question: q2, reveal: null, answered: 0, me: { score: 10, rank: 1, optionIds: null } });
  });

  it('an older question pushed after a newer state is ignored', () => {
    const v = fromState(state({ index: 2, question: q2 }));
    expect(applyQuestion(v, question({ index: 1, question: q1 }))).toBe(v);
  });

  it('the same question pushed again moves its deadline but keeps the answer', () => {
    const v = fromState(state({ me: { score: 0, rank: null, optionIds: ['a'] } }));
    const n = applyQuestion(v, question({ index: 0, question: q1, closesAt: '2026-12-06T10:00:40.000Z' }));
    expect(n.closesAt).toBe('2026-12-06T10:00:40.000Z');
    expect(n.me?.optionIds).toEqual(['a']);
  });

  it('a reveal applies to the question showing only', () => {
    const v = fromState(state());
    expect(applyReveal(v, { roundId: 'r1', questionId: 'other', correctOptionIds: ['a'], distribution: {} })).toBe(v);
    const r = applyReveal(v, { roundId: 'r1', questionId: 'q1', correctOptionIds: ['b'], distribution: { b: 2 } });
    expect(r.status).toBe('revealed');
    expect(r.reveal).toEqual({ questionId: 'q1', correctOptionIds: ['b'], distribution: { b: 2 }, explanation: null });
  });

  it('a state read while the next question shows does not carry the previous reveal', () => {
    expect(fromState(state({ question: q2, reveal: { questionId: 'q1', correctOptionIds: ['b'], distribution: {}, explanation: null } })).reveal).toBeNull();
  });

  it('board and status pushes', () => {
    const v = fromState(state());
    const b = applyBoard(v, { roundId: 'r1', top: [{ rank: 1, userId: 'u1', displayName: 'Lan', score: 10 }], total: 1 });
    expect(b.board?.top[0].displayName).toBe('Lan');
    const p = applyStatus(v, { roundId: 'r1', status: 'paused' });
    expect(p).toMatchObject({ status: 'paused', pausedFrom: 'question' });
    expect(applyStatus(p, { roundId: 'r1', status: 'question' })).toMatchObject({ status: 'question', pausedFrom: null });
  });
});

describe('player verdict and host moves', () => {
  const reveal = { questionId: 'q1', correctOptionIds: ['a', 'c'], distribution: {}, explanation: null };
  it('all or nothing: the exact set of keys is right', () => {
    expect(answerCorrect(['c', 'a'], reveal)).toBe(true);
    expect(answerCorrect(['a'], reveal)).toBe(false);
    expect(answerCorrect(['a', 'b', 'c'], reveal)).toBe(false);
    expect(answerCorrect(null, reveal)).toBeNull();
    expect(answerCorrect([], reveal)).toBeNull();
  });

  it('offers the moves the server allows in each status', () => {
    expect(hostMoves(null).start).toBe(true);
    expect(hostMoves(fromState(state({ status: 'waiting', index: -1, question: undefined })))).toMatchObject({
      start: true,
      next: true,
      reveal: false,
      pause: true,
      end: true,
    });
    expect(hostMoves(fromState(state()))).toMatchObject({ start: false, next: false, reveal: true, pause: true });
    expect(hostMoves(fromState(state({ status: 'revealed', index: 4 })))).toMatchObject({ next: false, reveal: false, end: true });
    expect(hostMoves(fromState(state({ status: 'paused' })))).toMatchObject({ resume: true, pause: false, next: false });
    expect(hostMoves(fromState(state({ status: 'ended' })))).toMatchObject({ next: false, reveal: false, pause: false, resume: false, end: false });
  });

  it('labels and the spread of rereads', () => {
    expect(questionLabel(-1, 10)).toBe('10 câu hỏi');
    expect(questionLabel(2, 10)).toBe('Câu 3/10');
    expect(rereadDelayMs(0)).toBe(0);
    expect(rereadDelayMs(0.5, 1000)).toBe(500);
    expect(rereadDelayMs(7, 1000)).toBe(1000);
  });
});
