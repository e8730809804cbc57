import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError, forbidden, notFound } from '@lc/platform';
import type { Actor } from '../auth/actor';

/**
 * Every kind of record whose access depends on its organisation, and the SQL that finds
 * that organisation. Feature tables are named here (not imported) so identity depends on
 * no feature module. An owner never changes, so answers are cached.
 */
const OWNER_SQL = {
  organisation: 'SELECT id AS organisation_id FROM organisation WHERE id = $1',
  questionBank: 'SELECT organisation_id FROM question_bank WHERE id = $1',
  contest: 'SELECT organisation_id FROM contest WHERE id = $1',
  round: 'SELECT c.organisation_id FROM round r JOIN contest c ON c.id = r.contest_id WHERE r.id = $1',
} as const;
export type Resource = keyof typeof OWNER_SQL;

/** read: see it; write: change it (organisers of the owning organisation, admins). */
export type AccessMode = 'read' | 'write';

@Injectable()
export class AccessService {
  private readonly owners = new Map<string, string>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Staff of the owning organisation may read; its organisers may write; admins may do both
   * everywhere. Anyone else gets the same 404 as for a missing record, so ids of other
   * tenants reveal nothing.
   */
  async require(actor: Actor, resource: Resource, id: string, mode: AccessMode): Promise<string> {
    const owner = await this.ownerOf(resource, id);
    if (owner === null) throw notFound(label(resource));
    if (actor.role === 'admin') return owner;
    if (actor.organisationId !== owner || actor.role === 'resident') throw notFound(label(resource));
    if (mode === 'write' && actor.role !== 'organiser') throw forbidden('Only organisers of this organisation may change it');
    if (actor.role === 'judge' && (resource === 'round' || resource === 'contest') && !(await this.judges(actor.id, resource, id))) {
      throw forbidden(`Only the judges assigned to this ${resource} may see it`);
    }
    return owner;
  }

  /**
   * SPEC: a judge sees the rounds assigned to them (and their contests), not every round of
   * their organisation: entrants' personal data is on those screens. Not cached: assignments change.
   */
  private async judges(userId: string, resource: 'round' | 'contest', id: string): Promise<boolean> {
    const rounds = resource === 'round' ? 'SELECT $1::uuid AS id' : 'SELECT id FROM round WHERE contest_id = $1';
    // Assigned and not recused, or the jury's head judge (who reconciles without marking) unless recused.
    const rows: unknown[] = await this.db.query(
      `WITH r AS (${rounds})
       SELECT 1 FROM r
        WHERE EXISTS (SELECT 1 FROM round_judge j WHERE j.round_id = r.id AND j.user_id = $2 AND j.recused_at IS NULL)
           OR (EXISTS (SELECT 1 FROM jury_settings s WHERE s.round_id = r.id AND s.head_judge_user_id = $2)
               AND NOT EXISTS (SELECT 1 FROM round_judge j WHERE j.round_id = r.id AND j.user_id = $2 AND j.recused_at IS NOT NULL))
        LIMIT 1`,
      [id, userId],
    );
    return rows.length > 0;
  }

  /** For rules the table above cannot express: the caller checks, and this gives the error. */
  deny(resource: Resource): DomainError {
    return notFound(label(resource));
  }

  async ownerOf(resource: Resource, id: string): Promise<string | null> {
    const cacheKey = `${resource}:${id}`;
    const hit = this.owners.get(cacheKey);
    if (hit) return hit;
    const rows: { organisation_id: string }[] = await this.db.query(OWNER_SQL[resource], [id]);
    const owner = rows[0]?.organisation_id ?? null;
    if (owner) {
      if (this.owners.size > 50_000) this.owners.clear();
      this.owners.set(cacheKey, owner);
    }
    return owner;
  }
}

function label(r: Resource): string {
  return { organisation: 'Organisation', questionBank: 'Question bank', contest: 'Contest', round: 'Round' }[r];
}
