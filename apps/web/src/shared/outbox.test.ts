import { describe, expect, it } from 'vitest';
import type { PendingAnswer, SendResult } from './outbox';
import { Outbox, sameAnswer } from './outbox';
import { MemoryStorage } from './storage';

const ok = async (): Promise<SendResult> => ({ outcome: 'ok' });

describe('Outbox', () => {
  it('numbers answers per question, monotonically, across reloads', () => {
    const storage = new MemoryStorage();
    const a = new Outbox(storage, 'att-1');
    expect(a.record('q1', { optionIds: ['a'] }).seq).toBe(1);
    expect(a.record('q1', { optionIds: ['b'] }).seq).toBe(2);
    expect(a.record('q2', { value: 3 }).seq).toBe(1);

    const reloaded = new Outbox(storage, 'att-1');
    expect(reloaded.record('q1', { optionIds: ['c'] }).seq).toBe(3);
    // Only the latest answer per question is kept.
    expect(reloaded.pending().map((p) => [p.questionId, p.seq])).toEqual([
      ['q2', 1],
      ['q1', 3],
    ]);
  });

  it('keeps unsent answers through network loss and sends them on reconnect', async () => {
    const storage = new MemoryStorage();
    const box = new Outbox(storage, 'att-2');
    box.record('q1', { optionIds: ['a'] });
    box.record('q2', { optionIds: ['b'] });

    let online = false;
    const server: Record<string, PendingAnswer> = {};
    const send = async (p: PendingAnswer): Promise<SendResult> => {
      if (!online) return { outcome: 'retry' };
      server[p.questionId] = p;
      return { outcome: 'ok' };
    };

    const offline = await box.flush(send);
    expect(offline).toMatchObject({ stoppedBy: 'retry', remaining: 2, sent: [] });

    // Page reloads while offline; a new answer is made.
    const after = new Outbox(storage, 'att-2');
    after.record('q3', { value: 'Điều 5' });
    online = true;
    const res = await after.flush(send);
    expect(res).toMatchObject({ stoppedBy: null, remaining: 0 });
    expect(res.sent.sort()).toEqual(['q1', 'q2', 'q3']);
    expect(server.q3.answer.value).toBe('Điều 5');
    expect(new Outbox(storage, 'att-2').size).toBe(0);
  });

  it('does not drop an answer changed while its older version was in flight', async () => {
    const box = new Outbox(new MemoryStorage(), 'att-3');
    box.record('q1', { optionIds: ['a'] });
    const seen: number[] = [];
    const res = await box.flush(async (p) => {
      seen.push(p.seq);
      if (p.seq === 1) box.record('q1', { optionIds: ['b'] });
      return { outcome: 'ok' };
    });
    expect(seen).toEqual([1, 2]);
    expect(res.remaining).toBe(0);
    expect(box.values().q1).toEqual({ optionIds: ['b'] });
  });

  it('drops stale and rejected answers, stops on a closed attempt', async () => {
    const box = new Outbox(new MemoryStorage(), 'att-4');
    box.record('q1', { optionIds: ['a'] });
    box.record('q2', { optionIds: ['a'] });
    box.record('q3', { optionIds: ['a'] });
    const outcomes: Record<string, SendResult['outcome']> = { q1: 'stale', q2: 'closed', q3: 'ok' };
    const res = await box.flush(async (p) => ({ outcome: outcomes[p.questionId] }));
    expect(res.dropped).toEqual(['q1']);
    expect(res.stoppedBy).toBe('closed');
    expect(box.pending().map((p) => p.questionId)).toEqual(['q2', 'q3']);
  });

  it('treats a throwing sender as a network failure', async () => {
    const box = new Outbox(new MemoryStorage(), 'att-5');
    box.record('q1', { value: 1 });
    const res = await box.flush(async () => {
      throw new Error('boom');
    });
    expect(res).toMatchObject({ stoppedBy: 'retry', remaining: 1 });
  });

  it('shares one flush between concurrent callers', async () => {
    const box = new Outbox(new MemoryStorage(), 'att-6');
    box.record('q1', { value: 1 });
    let calls = 0;
    const send = async () => {
      calls++;
      await new Promise((r) => setTimeout(r, 5));
      return { outcome: 'ok' as const };
    };
    await Promise.all([box.flush(send), box.flush(send)]);
    expect(calls).toBe(1);
  });

  it('continues numbering above the server after a resume on another device', () => {
    const box = new Outbox(new MemoryStorage(), 'att-7');
    box.seed({ q1: { optionIds: ['x'], seq: 7 } });
    expect(box.values().q1).toEqual({ optionIds: ['x'], value: undefined });
    expect(box.record('q1', { optionIds: ['y'] }).seq).toBe(8);
  });

  it('uses the clock floor so a fresh device numbers above what another device sent', () => {
    let tenths = 1200;
    const box = new Outbox(new MemoryStorage(), 'att-8', () => tenths);
    expect(box.record('q1', { value: 1 }).seq).toBe(1200);
    expect(box.record('q1', { value: 2 }).seq).toBe(1201);
    tenths = 5000;
    expect(box.record('q1', { value: 3 }).seq).toBe(5000);
  });

  it('keeps a local unsent answer over the server copy when seeding', () => {
    const box = new Outbox(new MemoryStorage(), 'att-9');
    box.record('q1', { optionIds: ['mine'] });
    box.seed({ q1: { optionIds: ['old'], seq: 0 } });
    expect(box.values().q1).toEqual({ optionIds: ['mine'] });
  });

  it('clears after the attempt ends', async () => {
    const storage = new MemoryStorage();
    const box = new Outbox(storage, 'att-10');
    box.record('q1', { value: 1 });
    box.clear();
    expect(new Outbox(storage, 'att-10').size).toBe(0);
    await expect(box.flush(ok)).resolves.toMatchObject({ remaining: 0 });
  });
});

describe('sameAnswer', () => {
  it('ignores option order', () => {
    expect(sameAnswer({ optionIds: ['a', 'b'] }, { optionIds: ['b', 'a'] })).toBe(true);
    expect(sameAnswer({ value: 1 }, { value: 2 })).toBe(false);
  });
});
