import type { EntityManager } from 'typeorm';

/** An audit entry as a person's data export shows it: staff reasons are kept, staff identities are not. */
export interface ExportedAuditEntry {
  at: string;
  action: string;
  entityType: string;
  entityId: string;
  actorRole: string | null;
  byYou: boolean;
  reason: string | null;
}

/**
 * Entries about the account, actions it took, and entries about its attempts (`attemptIds`,
 * from the attempts module: the audit log does not know whose an attempt is).
 */
export async function auditEntriesAbout(q: EntityManager, userId: string, attemptIds: string[]): Promise<ExportedAuditEntry[]> {
  const rows: {
    at: Date;
    action: string;
    entity_type: string;
    entity_id: string;
    actor_id: string | null;
    actor_role: string | null;
    reason: string | null;
  }[] = await q.query(
    `SELECT at, action, entity_type, entity_id, actor_id, actor_role, reason FROM audit_log
      WHERE (entity_type = 'user' AND entity_id = $1) OR actor_id = $2::uuid
         OR (entity_type = 'attempt' AND entity_id = ANY($3::text[]))
      ORDER BY at LIMIT 10000`,
    [userId, userId, attemptIds],
  );
  return rows.map((r) => ({
    at: new Date(r.at).toISOString(),
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    actorRole: r.actor_role,
    byYou: r.actor_id === userId,
    reason: r.reason,
  }));
}

/** The retention purge's part in the audit log: entries older than `before` go. Returns how many. */
export async function purgeAuditEntries(m: EntityManager, before: Date): Promise<number> {
  const [, count]: [unknown, number] = await m.query(`DELETE FROM audit_log WHERE at < $1`, [before]);
  return count;
}
