import type { EntityManager } from 'typeorm';

/** A registration as the person's data export shows it. */
export interface ExportedRegistration {
  contestId: string;
  contestTitle: string;
  unit: string | null;
  fields: Record<string, string>;
  registeredAt: string;
}

/** The person's registrations, for their data export (bounded by the contests they joined). */
export async function exportRegistrations(q: EntityManager, userId: string): Promise<ExportedRegistration[]> {
  const rows: { contest_id: string; title: string; unit: string | null; fields: Record<string, string>; created_at: Date }[] = await q.query(
    `SELECT rg.contest_id, c.title, rg.unit, rg.fields, rg.created_at
       FROM registration rg JOIN contest c ON c.id = rg.contest_id
      WHERE rg.user_id = $1 ORDER BY rg.created_at`,
    [userId],
  );
  return rows.map((r) => ({
    contestId: r.contest_id,
    contestTitle: r.title,
    unit: r.unit,
    fields: r.fields,
    registeredAt: new Date(r.created_at).toISOString(),
  }));
}

/** Erasure's part in registrations, in the caller's transaction: the answers to the contest's form go, the row stays. */
export async function eraseRegistrationAnswers(m: EntityManager, userId: string): Promise<void> {
  await m.query(`UPDATE registration SET fields = '{}'::jsonb WHERE user_id = $1`, [userId]);
}
