import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError, forbidden, notFound } from '@lc/platform';
import type { Actor } from '../auth/actor';
import { judgeAssignmentRows, organisationOf, type Resource } from './access-store';

export type { Resource };

/**
 * What judges may read of their own organisation. They see the rounds assigned to them and
 * those rounds' contests (entrants' personal data is on those screens), and no question
 * bank: banks hold every correct answer, and no judge's screen reads them (a judged round
 * has no bank; a flagged attempt is reviewed from the attempt itself).
 */
const JUDGE_READS: Record<Resource, 'all' | 'assigned' | 'none'> = { organisation: 'all', questionBank: 'none', contest: 'assigned', round: 'assigned' };

const judgeRefusal = (r: Resource) =>
  JUDGE_READS[r] === 'none' ? `Judges do not read ${label(r).toLowerCase()}s` : `Only the judges assigned to this ${label(r).toLowerCase()} may see it`;

export interface JudgeAssignment {
  roundId: string;
  contestId: string;
  /** The jury's head judge (assigned or not). */
  head: boolean;
}

/** read: see it; write: change it (organisers of the owning organisation, admins). */
export type AccessMode = 'read' | 'write';

@Injectable()
export class AccessService {
  private readonly owners = new Map<string, string>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Staff of the owning organisation may read (judges only what their rounds need, see
   * JUDGE_READS); its organisers may write; admins may do both everywhere. Anyone else gets
   * the same 404 as for a missing record, so ids of other tenants reveal nothing.
   */
  async require(actor: Actor, resource: Resource, id: string, mode: AccessMode): Promise<string> {
    const owner = await this.ownerOf(resource, id);
    if (owner === null) throw notFound(label(resource));
    if (actor.role === 'admin') return owner;
    if (actor.organisationId !== owner || actor.role === 'resident') throw notFound(label(resource));
    if (mode === 'write' && actor.role !== 'organiser') throw forbidden('Only organisers of this organisation may change it');
    if (actor.role === 'judge') await this.requireJudgeReads(actor, resource, id);
    return owner;
  }

  /** Whether `require(actor, resource, id, 'read')` would pass. */
  async canRead(actor: Actor, resource: Resource, id: string): Promise<boolean> {
    return this.require(actor, resource, id, 'read').then(
      () => true,
      (e: unknown) => {
        if (e instanceof DomainError && (e.status === 403 || e.status === 404)) return false;
        throw e;
      },
    );
  }

  /** For listings of a kind of record (there is no id to check): judges may not browse question banks. */
  requireBrowse(actor: Actor, resource: Resource): void {
    if (actor.role === 'judge' && JUDGE_READS[resource] === 'none') throw forbidden(judgeRefusal(resource));
  }

  /**
   * The rounds a judge sees: assigned and not recused, or the jury's head judge (who
   * reconciles without marking) unless they recused. Not cached: assignments change.
   */
  async judgeAssignments(actor: Actor): Promise<JudgeAssignment[]> {
    if (actor.role !== 'judge') return [];
    return judgeAssignmentRows(this.db, actor.id);
  }

  /** SPEC: a judge sees the rounds assigned to them (and their contests), not every record of their organisation. */
  private async requireJudgeReads(actor: Actor, resource: Resource, id: string): Promise<void> {
    const rule = JUDGE_READS[resource];
    if (rule === 'all') return;
    if (rule === 'assigned') {
      const mine = await this.judgeAssignments(actor);
      if (mine.some((a) => (resource === 'round' ? a.roundId : a.contestId) === id)) return;
    }
    throw forbidden(judgeRefusal(resource));
  }

  /** For rules the table above cannot express: the caller checks, and this gives the error. */
  deny(resource: Resource): DomainError {
    return notFound(label(resource));
  }

  async ownerOf(resource: Resource, id: string): Promise<string | null> {
    const cacheKey = `${resource}:${id}`;
    const hit = this.owners.get(cacheKey);
    if (hit) return hit;
    const owner = await organisationOf(this.db, resource, id);
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
