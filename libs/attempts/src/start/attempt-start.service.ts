import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, type ClientInfo } from '@lc/identity';
import { ENTRANT_SQL, isRoundAcceptingEntries, refuseNonEntrant, type RoundInfo, RoundLookup, RoundPoolService, sqlRows } from '@lc/contests';
import { LiveService } from '@lc/realtime';
import {
  AppConfig,
  ClockService,
  conflict,
  DomainError,
  forbidden,
  isUniqueViolation,
  notFound,
  preparedRows,
  REDIS,
  RedisClient,
  RedisKeys,
} from '@lc/platform';
import { cryptoRng, type DrawnQuestion, drawAttempt } from '../draw/draw';
import { AttemptHotStore } from '../hot/attempt-hot-store';
import { type AttemptFlag, flag } from '../integrity/integrity';
import { AttemptFinaliser } from '../submit/attempt-finaliser.service';
import { type QuestionView, questionViews } from '../view/attempt-view';
import { flagAttemptsOf } from './attempt-start-store';
import { NOTE_ACCOUNT } from './shared-signals';

export interface StartedAttempt {
  id: string;
  roundId: string;
  attemptNo: number;
  status: 'in_progress';
  startedAt: string;
  deadlineAt: string;
  serverTime: string;
  questions: QuestionView[];
  answers: Record<string, never>;
}

const WEEK_MS = 7 * 86400_000;

/**
 * Starting an attempt. One SQL statement inserts it only if the round is still open, the
 * resident is registered (and enrolled where needed) and below the attempt limit; the unique
 * indexes on (round, user, attempt_no) and on the one in-progress attempt make that hold under
 * any number of concurrent requests on any number of instances. The round's row is share-locked
 * by that statement, so a close waits for starts in flight (and then finalises them) and every
 * later start sees it closed, whatever an instance's cached copy of the round says.
 */
@Injectable()
export class AttemptStartService {
  private readonly log = new Logger(AttemptStartService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(REDIS) private readonly redis: RedisClient,
    private readonly keys: RedisKeys,
    private readonly rounds: RoundLookup,
    private readonly pools: RoundPoolService,
    private readonly hot: AttemptHotStore,
    private readonly finaliser: AttemptFinaliser,
    private readonly live: LiveService,
    private readonly clock: ClockService,
    private readonly config: AppConfig,
  ) {}

  async start(actor: Actor, roundId: string, client: ClientInfo): Promise<StartedAttempt> {
    if (actor.role !== 'resident') throw forbidden('Only residents take part in rounds');
    const round = await this.rounds.get(roundId);
    if (!round || round.contestStatus === 'draft' || round.contestStatus === 'archived' || round.status === 'draft') throw notFound('Round');
    if (round.kind !== 'quiz')
      throw conflict(
        'not_a_quiz',
        round.kind === 'live'
          ? 'This round is a live final: it is played on stage, question by question'
          : 'This round is judged: entries are handed in, not answered online',
      );
    const now = this.clock.now();
    if (round.contestStatus !== 'published' || !isRoundAcceptingEntries(round, now)) throw roundNotOpen(round, now);
    const pool = await this.pools.load(round.id, round.poolVersion);
    const draw = drawAttempt(pool.rules, round, cryptoRng());
    const deadlineAt = Math.min(now + round.durationSeconds * 1000, round.closesAt.getTime());
    const shared = await this.sharedSignals(round, actor.id, client);
    const flags = shared.flags.map((f) => flag(f.code, new Date(now), f.detail));

    const row = await this.insert(round, actor.id, now, deadlineAt, draw, client, flags);
    const created = await this.hot.init({
      id: row.id,
      userId: actor.id,
      roundId: round.id,
      contestId: round.contestId,
      attemptNo: row.attempt_no,
      poolVersion: round.poolVersion,
      status: 'in_progress',
      startedAt: now,
      deadlineAt,
      draw,
    });
    // Only a close running at this very moment could have finalised it already (from PostgreSQL).
    if (!created && (await this.hot.read(row.id))?.attempt.status !== 'in_progress') throw roundNotOpen(round, this.clock.now());
    if (shared.crossed.length) void this.flagOthers(round.id, actor.id, shared.crossed, now);
    const serverTime = new Date(this.clock.now()).toISOString();
    this.live.toUser(actor.id, 'attempt:deadline', { attemptId: row.id, deadlineAt: new Date(deadlineAt).toISOString(), serverTime });
    return {
      id: row.id,
      roundId: round.id,
      attemptNo: row.attempt_no,
      status: 'in_progress',
      startedAt: new Date(now).toISOString(),
      deadlineAt: new Date(deadlineAt).toISOString(),
      serverTime,
      questions: questionViews(draw, pool.byVersion),
      answers: {},
    };
  }

  private async insert(round: RoundInfo, userId: string, now: number, deadlineAt: number, draw: DrawnQuestion[], client: ClientInfo, flags: AttemptFlag[]) {
    for (let tries = 0; ; tries++) {
      try {
        const rows = await preparedRows<{ id: string; attempt_no: number }>(
          this.db,
          'attempt-start',
          `INSERT INTO attempt (round_id, contest_id, user_id, attempt_no, status, started_at, deadline_at, questions, pool_version, ip, user_agent, device_id, flags)
           SELECT $1, $2, $3, n.no, 'in_progress', $4, $5, $6, $7, $8, $9, $10, $11
             FROM (SELECT coalesce(max(attempt_no), 0) + 1 AS no FROM attempt WHERE round_id = $1 AND user_id = $3) n
            WHERE n.no <= $12
              AND EXISTS (SELECT 1 FROM registration WHERE contest_id = $2 AND user_id = $3)
              AND ($13 = 'open' OR EXISTS (SELECT 1 FROM round_enrolment WHERE round_id = $1 AND user_id = $3))
              AND EXISTS (SELECT 1 FROM round WHERE id = $1 AND status IN ('scheduled', 'open') FOR SHARE)
           RETURNING id, attempt_no`,
          [
            round.id,
            round.contestId,
            userId,
            new Date(now),
            new Date(deadlineAt),
            JSON.stringify(draw),
            round.poolVersion,
            client.ip?.slice(0, 64) || null,
            client.userAgent || null,
            client.deviceId,
            JSON.stringify(flags),
            round.maxAttempts,
            round.entry,
          ],
        );
        if (rows.length) return rows[0];
        await this.explainRefusal(round, userId, now);
      } catch (e) {
        if (!isUniqueViolation(e) || tries >= 3) throw e;
        await this.explainRefusal(round, userId, now);
      }
      if (tries >= 3) throw conflict('start_contended', 'Too many starts at once for this account; try again');
    }
  }

  /**
   * Why the insert did not happen. An attempt in progress wins: the client resumes it. One
   * whose time is up but which the worker has not finalised yet is finalised here, and the
   * start is tried again.
   */
  private async explainRefusal(round: RoundInfo, userId: string, now: number): Promise<void> {
    const [r] = await sqlRows<{ status: string }>(this.db, `SELECT status FROM round WHERE id = $1`, [round.id]);
    if (r?.status !== 'scheduled' && r?.status !== 'open') throw roundNotOpen({ ...round, status: 'closed' }, now);
    const [open] = await sqlRows<{ id: string; deadline_at: Date }>(
      this.db,
      `SELECT id, deadline_at FROM attempt WHERE round_id = $1 AND user_id = $2 AND status = 'in_progress'`,
      [round.id, userId],
    );
    if (open) {
      if (open.deadline_at.getTime() + this.config.answerGraceMs < now) {
        await this.finaliser.expire(open.id);
        return;
      }
      throw conflict('attempt_in_progress', 'You already have an attempt in progress in this round; resume it', {
        attemptId: open.id,
        deadlineAt: open.deadline_at.toISOString(),
      });
    }
    const [who] = await sqlRows<{ registered: boolean; enrolled: boolean; used: number }>(
      this.db,
      `SELECT ${ENTRANT_SQL},
              (SELECT count(*)::int FROM attempt WHERE round_id = $2 AND user_id = $3) AS used`,
      [round.contestId, round.id, userId],
    );
    refuseNonEntrant(round, who, 'enter it');
    if (who.used >= round.maxAttempts) {
      throw conflict('attempt_limit_reached', `You have used all ${round.maxAttempts} attempt(s) allowed in this round`, {
        maxAttempts: round.maxAttempts,
        used: who.used,
      });
    }
    // Otherwise a concurrent start finished in between: the caller tries again.
  }

  /** Accounts seen on this device id and IP in this round (sets in Redis, one round trip). */
  private async sharedSignals(round: RoundInfo, userId: string, client: ClientInfo) {
    const flags: { code: 'shared_device' | 'shared_ip'; detail: Record<string, unknown> }[] = [];
    const crossed: { code: 'shared_device' | 'shared_ip'; key: string }[] = [];
    const expireAt = round.closesAt.getTime() + WEEK_MS;
    const checks: { code: 'shared_device' | 'shared_ip'; key: string; limit: number }[] = [];
    if (client.deviceId)
      checks.push({
        code: 'shared_device',
        key: this.keys.key('round', round.id, 'dev', digest(client.deviceId)),
        limit: round.integrity.maxAccountsPerDevice,
      });
    if (client.ip) checks.push({ code: 'shared_ip', key: this.keys.key('round', round.id, 'ip', client.ip), limit: round.integrity.maxAccountsPerIp });
    if (!checks.length) return { flags, crossed };
    // One call per set: the device and IP sets are in different slots on a Redis Cluster.
    const res = await Promise.all(checks.map((c) => NOTE_ACCOUNT.run<[number, number]>(this.redis, [c.key], [userId, expireAt])));
    const over: typeof checks = [];
    checks.forEach((c, i) => {
      const [added, accounts] = [res[i][0] === 1, Number(res[i][1])];
      if (accounts >= c.limit) {
        flags.push({ code: c.code, detail: { accounts } });
        if (added) over.push(c);
      }
    });
    // The earlier accounts are flagged once, by the first start over the limit: behind a carrier
    // NAT every start re-flagged thousands of attempts (an UPDATE growing with the crowd).
    for (const c of over) {
      if ((await this.redis.set(`${c.key}:flagged`, '1', 'PX', Math.max(1000, expireAt - Date.now()), 'NX')) === 'OK')
        crossed.push({ code: c.code, key: c.key });
    }
    return { flags, crossed };
  }

  /** The earlier accounts on that device or IP get the flag too, once: when the limit is reached. */
  private async flagOthers(roundId: string, userId: string, crossed: { code: 'shared_device' | 'shared_ip'; key: string }[], now: number): Promise<void> {
    try {
      for (const c of crossed) {
        const members = (await this.redis.smembers(c.key)).filter((u) => u !== userId);
        if (!members.length) continue;
        const f = flag(c.code, new Date(now), { accounts: members.length + 1 });
        await flagAttemptsOf(this.db, roundId, members, f);
      }
    } catch (e) {
      this.log.warn(`flagging shared accounts in round ${roundId} failed: ${(e as Error).message}`);
    }
  }
}

function roundNotOpen(round: Pick<RoundInfo, 'opensAt' | 'closesAt' | 'status'>, now: number): DomainError {
  const notYet = round.status !== 'closed' && now < round.opensAt.getTime();
  return conflict('round_not_open', notYet ? 'This round has not opened yet' : 'This round is closed', {
    opensAt: round.opensAt.toISOString(),
    closesAt: round.closesAt.toISOString(),
    serverTime: new Date(now).toISOString(),
  });
}

function digest(s: string): string {
  return createHash('sha256').update(s).digest('base64url').slice(0, 22);
}
