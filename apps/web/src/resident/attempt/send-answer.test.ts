import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/errors';
import { type AnswerAck, sendAnswer } from './send-answer';

const live = (ack: AnswerAck | undefined) => async () => ack;
const httpOk = async () => ({ questionId: 'q', seq: 3 });
const httpFails = (e: ApiError) => async () => {
  throw e;
};
const body = (statusCode: number, code: string, details?: unknown) => ({ ok: false as const, error: { statusCode, error: 'x', message: 'x', code, details } });

describe('sendAnswer', () => {
  it('takes the socket’s ack and does not touch HTTP', async () => {
    let puts = 0;
    expect(await sendAnswer(3, live({ ok: true, seq: 3 }), async () => void puts++)).toBe('ok');
    expect(puts).toBe(0);
  });

  it('goes over HTTP without a socket, or when no ack came', async () => {
    let puts = 0;
    expect(await sendAnswer(3, live(undefined), async () => void puts++)).toBe('ok');
    expect(puts).toBe(1);
    expect(await sendAnswer(3, live(undefined), httpFails(new ApiError(0, 'network', 'x')))).toBe('retry');
  });

  it('reads a refusal in the ack as the same refusal over HTTP', async () => {
    expect(await sendAnswer(3, live(body(409, 'deadline_passed')), httpOk)).toBe('closed');
    expect(await sendAnswer(3, live(body(400, 'unknown_option')), httpOk)).toBe('rejected');
    expect(await sendAnswer(3, live(body(429, 'rate_limited')), httpOk)).toBe('retry');
    expect(await sendAnswer(3, live(body(409, 'stale_answer', { seq: 7 })), httpOk)).toBe('stale');
  });

  it('lets HTTP refresh an expired token (the socket cannot)', async () => {
    let puts = 0;
    expect(await sendAnswer(3, live(body(401, 'unauthorized')), async () => void puts++)).toBe('ok');
    expect(puts).toBe(1);
  });

  it('counts "stale" naming this very change as saved (an earlier try landed, its answer lost)', async () => {
    expect(await sendAnswer(3, live(body(409, 'stale_answer', { seq: 3 })), httpOk)).toBe('ok');
    expect(await sendAnswer(3, live(undefined), httpFails(new ApiError(409, 'stale_answer', 'x', { seq: 3 })))).toBe('ok');
    expect(await sendAnswer(3, live(undefined), httpFails(new ApiError(409, 'stale_answer', 'x', { seq: 4 })))).toBe('stale');
  });

  it('hands on the server time of each save, from the ack or the PUT’s answer (the countdown re-syncs)', async () => {
    const seen: string[] = [];
    const onTime = (at: string, sentAt: number, receivedAt: number) => void (receivedAt >= sentAt && seen.push(at));
    await sendAnswer(3, live({ ok: true, seq: 3, savedAt: '2026-12-06T10:00:00.000Z' }), httpOk, onTime);
    await sendAnswer(4, live(undefined), async () => ({ questionId: 'q', seq: 4, savedAt: '2026-12-06T10:00:01.000Z' }), onTime);
    // No time from a refusal, nor from a save whose answer was lost.
    await sendAnswer(5, live(body(409, 'stale_answer', { seq: 5 })), httpOk, onTime);
    await sendAnswer(6, live(body(400, 'unknown_option')), httpOk, onTime);
    expect(seen).toEqual(['2026-12-06T10:00:00.000Z', '2026-12-06T10:00:01.000Z']);
  });
});
