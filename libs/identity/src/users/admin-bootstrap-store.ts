import type { DataSource, EntityManager } from 'typeorm';

/** The SQL of the first admin account (AdminBootstrapService, from ADMIN_EMAIL / ADMIN_PASSWORD). */

export async function userWithEmailExists(db: DataSource | EntityManager, email: string): Promise<boolean> {
  const rows: unknown[] = await db.query('SELECT 1 FROM "user" WHERE email = $1', [email]);
  return rows.length > 0;
}

/** Creates the admin unless the e-mail is taken meanwhile (another instance starting); true when created. */
export async function insertAdmin(db: DataSource | EntityManager, fullName: string, email: string, passwordHash: string): Promise<boolean> {
  const rows: unknown[] = await db.query(
    `INSERT INTO "user" (full_name, email, password_hash, role) VALUES ($1, $2, $3, 'admin')
     ON CONFLICT (email) WHERE email IS NOT NULL DO NOTHING RETURNING id`,
    [fullName, email, passwordHash],
  );
  return rows.length > 0;
}
