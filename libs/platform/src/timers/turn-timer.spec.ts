import { TurnTimer } from './turn-timer';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('TurnTimer (the worker loops: write-behind, deadline sweeper)', () => {
  it('never overlaps turns: the next waits for the previous to end', async () => {
    let inFlight = 0;
    let most = 0;
    let turns = 0;
    const t = new TurnTimer(
      1,
      async () => {
        inFlight++;
        most = Math.max(most, inFlight);
        await sleep(15);
        inFlight--;
        turns++;
      },
      (e) => {
        throw e;
      },
    );
    t.start();
    await sleep(120);
    await t.stop();
    expect(turns).toBeGreaterThan(1);
    expect(most).toBe(1);
  });

  it('stop waits for the turn in flight, then runs no more', async () => {
    const done: string[] = [];
    const t = new TurnTimer(
      1,
      async () => {
        done.push('start');
        await sleep(40);
        done.push('end');
      },
      () => undefined,
    );
    t.start();
    await sleep(10);
    expect(t.stopping).toBe(false);
    await t.stop();
    expect(t.stopping).toBe(true);
    expect(done.at(-1)).toBe('end');
    const n = done.length;
    await sleep(30);
    expect(done).toHaveLength(n);
  });

  it('a failed turn goes to onError and the loop goes on', async () => {
    const errors: string[] = [];
    let turns = 0;
    const t = new TurnTimer(
      1,
      async () => {
        turns++;
        if (turns === 1) throw new Error('Redis away');
      },
      (e) => errors.push(e.message),
    );
    t.start();
    await sleep(60);
    await t.stop();
    expect(errors).toEqual(['Redis away']);
    expect(turns).toBeGreaterThan(1);
  });
});
