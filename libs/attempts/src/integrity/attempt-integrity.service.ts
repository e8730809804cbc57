import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor } from '@lc/identity';
import { badRequest, ClockService, notFound } from '@lc/platform';
import { ATTEMPT_EVENT_KINDS, type AttemptEventKind } from '../attempt/attempt-event.entity';
import { attemptClosed } from '../common/errors';
import { AttemptHotStore } from '../hot/attempt-hot-store';

/** Client clocks may be off; an event claiming a time further than this from ours keeps only ours. */
const CLIENT_SKEW_MS = 24 * 3600_000;

/** Integrity events (focus lost, tab hidden, …) from HTTP and from the socket (`AttemptEventsGateway`). */
@Injectable()
export class AttemptIntegrityService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly hot: AttemptHotStore,
    private readonly clock: ClockService,
  ) {}

  async record(actor: Actor, attemptId: string, kind: string, at?: string | Date | null, ip?: string | null): Promise<{ recorded: true; at: string }> {
    if (!(ATTEMPT_EVENT_KINDS as readonly string[]).includes(kind)) {
      throw badRequest('unknown_event', `Unknown event kind "${kind}"`, { known: ATTEMPT_EVENT_KINDS });
    }
    if (!/^[0-9a-f-]{36}$/i.test(attemptId)) throw notFound('Attempt');
    const owner = await this.ownerAndStatus(attemptId);
    if (!owner || owner.userId !== actor.id) throw notFound('Attempt');
    if (owner.status !== 'in_progress' && owner.status !== 'closing') throw attemptClosed(owner.status);
    const now = this.clock.now();
    const client = at ? new Date(at) : null;
    const clientAt = client && !Number.isNaN(client.getTime()) && Math.abs(client.getTime() - now) < CLIENT_SKEW_MS ? client : null;
    await this.db.query('INSERT INTO attempt_event (attempt_id, kind, client_at, at, ip) VALUES ($1, $2, $3, $4, $5)', [
      attemptId,
      kind as AttemptEventKind,
      clientAt,
      new Date(now),
      ip?.slice(0, 64) ?? null,
    ]);
    return { recorded: true, at: new Date(now).toISOString() };
  }

  /** From Redis while the attempt runs (no SQL), PostgreSQL otherwise. */
  private async ownerAndStatus(attemptId: string): Promise<{ userId: string; status: string } | null> {
    const [userId, status] = await this.hot.redis.hmget(this.hot.meta(attemptId), 'owner', 'status');
    if (userId && status) return { userId, status };
    const rows: { user_id: string; status: string }[] = await this.db.query('SELECT user_id, status FROM attempt WHERE id = $1', [attemptId]);
    return rows[0] ? { userId: rows[0].user_id, status: rows[0].status } : null;
  }
}
