import { setTimeout as sleep } from 'node:timers/promises';
import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { AttemptFinaliser } from '@lc/attempts';

const log = new Logger('CloseRound');

/**
 * Finalises the round's attempts still in progress "with what they saved", through the
 * attempts module's own expiry (one statement per attempt, whoever comes first). By the
 * clock, an attempt inside its grace period is waited for; a forced close ends them now.
 */
export async function finaliseOpenAttempts(db: DataSource, finaliser: AttemptFinaliser, roundId: string, force: boolean): Promise<number> {
  const open: { id: string }[] = await db.query(`SELECT id FROM attempt WHERE round_id = $1 AND status = 'in_progress'`, [roundId]);
  let n = 0;
  for (const { id } of open) {
    for (let tries = 0; tries < 5; tries++) {
      const r = await finaliser.expire(id, { force });
      if (r.r !== 'early') {
        if (r.r === 'expired') n++;
        break;
      }
      await sleep(Math.min(r.waitMs, 5000));
    }
  }
  const left: { n: number }[] = await db.query(`SELECT count(*)::int AS n FROM attempt WHERE round_id = $1 AND status = 'in_progress'`, [roundId]);
  if (left[0].n) log.warn(`round ${roundId}: ${left[0].n} attempt(s) still in progress after closing`);
  return n;
}
