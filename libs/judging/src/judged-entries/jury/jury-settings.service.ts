import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, AccessService, User } from '@lc/identity';
import { Round } from '@lc/contests';
import { AuditService, badRequest, conflict, notFound } from '@lc/platform';
import { canonicalJson } from '../../common/canonical-json';
import { JudgeMark } from '../marks/judge-mark.entity';
import { type JuryConfig, juryView, type JuryView, parseJuryInput } from './jury-input';
import { JurySettings } from './jury-settings.entity';
import { requireJudged } from './judged-round';
import { lockRoundRow } from '../round-locks';

/** A judged round's rubric and jury rules: written by its organisers, read by its staff. */
@Injectable()
export class JurySettingsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async get(actor: Actor, roundId: string): Promise<JuryView> {
    await this.access.require(actor, 'round', roundId, 'read');
    requireJudged(await this.db.getRepository(Round).findOneByOrFail({ id: roundId }));
    const row = await this.db.getRepository(JurySettings).findOneBy({ roundId });
    if (!row) throw notFound('Jury settings', { roundId });
    return juryView(roundId, toConfig(row), await this.marked(roundId), row.updatedAt);
  }

  /**
   * Replaces the settings. Once any judge has marked, the rubric and rules are fixed
   * (409): changing them would re-score marks given under other rules. Only the head
   * judge may still change (e.g. the head judge recused).
   */
  async put(actor: Actor, roundId: string, input: unknown): Promise<JuryView> {
    const organisationId = await this.access.require(actor, 'round', roundId, 'write');
    requireJudged(await this.db.getRepository(Round).findOneByOrFail({ id: roundId }));
    const next = parseJuryInput(input);
    if (next.headJudgeUserId) await this.requireJudgeOf(organisationId, next.headJudgeUserId);
    const saved = await this.db.transaction(async (m) => {
      const repo = m.getRepository(JurySettings);
      // Serialises with marks: a mark takes the same row lock before it is written.
      await lockRoundRow(m, roundId);
      const before = await repo.findOneBy({ roundId });
      const marked = (await m.getRepository(JudgeMark).countBy({ roundId })) > 0;
      if (before && marked) {
        const was = toConfig(before);
        const changed = (['rubric', 'policy', 'tieBreakCriteria'] as const).filter((k) => canonicalJson(was[k]) !== canonicalJson(next[k]));
        if (changed.length)
          throw conflict('jury_locked', 'Judges have started marking: the rubric and jury rules can no longer change (only the head judge can)', { changed });
      }
      await repo.save(repo.create({ roundId, ...next }));
      await this.audit.record(
        actor,
        {
          action: before ? 'jury.update' : 'jury.create',
          entityType: 'round',
          entityId: roundId,
          before: before ? toConfig(before) : null,
          after: next,
          organisationId,
        },
        m,
      );
      return repo.findOneByOrFail({ roundId });
    });
    return juryView(roundId, toConfig(saved), await this.marked(roundId), saved.updatedAt);
  }

  /** The settings the marking services work with; a judged round without them cannot be marked. */
  async config(roundId: string): Promise<JuryConfig | null> {
    const row = await this.db.getRepository(JurySettings).findOneBy({ roundId });
    return row ? toConfig(row) : null;
  }

  private async marked(roundId: string): Promise<boolean> {
    return (await this.db.getRepository(JudgeMark).countBy({ roundId })) > 0;
  }

  private async requireJudgeOf(organisationId: string, userId: string): Promise<void> {
    const u = await this.db.getRepository(User).findOneBy({ id: userId });
    if (!u || u.deletedAt || u.role !== 'judge' || u.organisationId !== organisationId) {
      throw badRequest('not_a_judge', 'The head judge must be a judge of this organisation', [
        { field: 'headJudgeUserId', problems: ['is not a judge of this organisation'] },
      ]);
    }
  }
}

export function toConfig(row: JurySettings): JuryConfig {
  return { rubric: row.rubric, policy: row.policy, tieBreakCriteria: row.tieBreakCriteria, headJudgeUserId: row.headJudgeUserId };
}
