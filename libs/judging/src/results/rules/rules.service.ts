import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Round, RoundLookup, RoundStore } from '@lc/contests';
import { type Actor, AccessService } from '@lc/identity';
import { AuditService, conflict, notFound } from '@lc/platform';
import { AcrossRounds, parsePrizePlan } from '../../awards/prize-plan';
import { parseUnitPrizeFormula } from '../../awards/unit-prizes';
import { isRecord, Problems, rejectUnknownKeys } from '../../common/problems';
import { parseRankingRules, rankingRulesView } from '../../ranking/rules';
import { allRoundsPublished } from './rules-store';
import { AwardDocuments, ContestAwardRules, RoundResult, RoundRules } from '../entities';
import { ResultsGate } from '../common/results-gate';
import { checkGroupField, effectiveRules, publicPrizes } from './effective-rules';
import { lockResults } from '../close/result-store';

export interface RoundRulesInput {
  rankingRules?: unknown;
  prizes?: unknown;
  groupField?: unknown;
}

export interface AwardRulesInput {
  acrossRounds?: AcrossRounds;
  unitPrizes?: unknown;
  headcounts?: Record<string, unknown>;
  documents?: Record<string, unknown>;
}

const DOCUMENT_KEYS = ['issuerParent', 'issuerName', 'place', 'signerTitle', 'signerName', 'decisionNumber', 'authority'] as const;

/**
 * The "thể lệ" as configuration: a round's ranking rules and prize quotas, a contest's
 * award rules. Organisers of the owning organisation write them; once a round's results
 * are published its rules are locked (a correction re-ranks by the published rules).
 */
@Injectable()
export class RulesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly gate: ResultsGate,
    private readonly access: AccessService,
    private readonly rounds: RoundLookup,
    private readonly audit: AuditService,
    private readonly roundStore: RoundStore,
  ) {}

  async roundRules(actor: Actor, roundId: string) {
    if (actor.role === 'resident') {
      const info = await this.rounds.get(roundId);
      if (!info || info.status === 'draft' || info.contestStatus === 'draft') throw notFound('Round');
    } else await this.gate.reader(actor, roundId);
    const round = await this.db.getRepository(Round).findOneByOrFail({ id: roundId });
    const row = await this.db.getRepository(RoundRules).findOneBy({ roundId });
    const rules = effectiveRules(round, row);
    return {
      roundId,
      configured: rules.configured,
      locked: await this.published(roundId),
      rankingRules: rankingRulesView(rules.ranking),
      prizes: rules.prizePlan,
      groupField: rules.groupField,
    };
  }

  async putRoundRules(actor: Actor, roundId: string, input: RoundRulesInput) {
    const { organisationId } = await this.gate.organiser(actor, roundId);
    const rankingRules = parseRankingRules(input.rankingRules);
    const prizePlan = input.prizes === undefined || input.prizes === null ? null : parsePrizePlan(input.prizes);
    const groupField = checkGroupField(input.groupField, prizePlan);
    await this.db.transaction(async (m) => {
      await lockResults(m, roundId);
      if ((await m.findOneBy(RoundResult, { roundId }))?.status === 'published')
        throw conflict('rules_locked', 'The results of this round are published: its rules can no longer change');
      const before = await m.findOneBy(RoundRules, { roundId });
      await m.save(m.create(RoundRules, { roundId, rankingRules, prizePlan, groupField, updatedBy: actor.id }));
      await this.roundStore.setPublicPrizes(m, roundId, publicPrizes(prizePlan));
      await this.audit.record(
        actor,
        {
          action: 'round.rules',
          entityType: 'round',
          entityId: roundId,
          before: before && { rankingRules: before.rankingRules, prizePlan: before.prizePlan, groupField: before.groupField },
          after: { rankingRules, prizePlan, groupField },
          organisationId,
        },
        m,
      );
    });
    return this.roundRules(actor, roundId);
  }

  async awardRules(actor: Actor, contestId: string) {
    await this.access.require(actor, 'contest', contestId, 'read');
    const row = await this.db.getRepository(ContestAwardRules).findOneBy({ contestId });
    return {
      contestId,
      configured: !!row,
      locked: await this.contestLocked(contestId),
      acrossRounds: row?.acrossRounds ?? 'highest-only',
      unitPrizes: row?.unitPrizes ?? null,
      headcounts: row?.headcounts ?? {},
      documents: row?.documents ?? {},
    };
  }

  async putAwardRules(actor: Actor, contestId: string, input: AwardRulesInput) {
    const organisationId = await this.access.require(actor, 'contest', contestId, 'write');
    const p = new Problems();
    if (input.acrossRounds !== undefined && input.acrossRounds !== 'highest-only' && input.acrossRounds !== 'each-round')
      p.add('acrossRounds', 'must be highest-only or each-round');
    const headcounts: Record<string, number> = {};
    for (const [k, v] of Object.entries(input.headcounts ?? {})) {
      if (!Number.isInteger(v) || (v as number) < 1 || !k.trim()) p.add(`headcounts.${k}`, 'must be a whole number of at least 1');
      else headcounts[k.trim()] = v as number;
    }
    const documents: AwardDocuments = {};
    if (input.documents !== undefined) {
      if (!isRecord(input.documents)) p.add('documents', 'must be an object');
      else {
        rejectUnknownKeys(input.documents, DOCUMENT_KEYS, 'documents', p);
        for (const k of DOCUMENT_KEYS) {
          const v = input.documents[k];
          if (v === undefined) continue;
          if (typeof v !== 'string' || v.length > 300) p.add(`documents.${k}`, 'must be text of at most 300 characters');
          // A blank setting is no setting: stored as "", it would print an empty issuer instead of the default.
          else if (v.trim()) documents[k] = v.normalize('NFC').trim();
        }
      }
    }
    p.throwIfAny('invalid_award_rules', 'award rules');
    const unitPrizes = input.unitPrizes === undefined || input.unitPrizes === null ? null : parseUnitPrizeFormula(input.unitPrizes);
    await this.db.transaction(async (m) => {
      if (await this.contestLocked(contestId))
        throw conflict('rules_locked', 'Every round of this contest has published results: its award rules can no longer change');
      const before = await m.findOneBy(ContestAwardRules, { contestId });
      const after = { contestId, acrossRounds: input.acrossRounds ?? 'highest-only', unitPrizes, headcounts, documents, updatedBy: actor.id };
      await m.save(m.create(ContestAwardRules, after));
      await this.audit.record(actor, { action: 'contest.award_rules', entityType: 'contest', entityId: contestId, before, after, organisationId }, m);
    });
    return this.awardRules(actor, contestId);
  }

  private async published(roundId: string): Promise<boolean> {
    return (await this.db.getRepository(RoundResult).findOneBy({ roundId }))?.status === 'published';
  }

  /** Locked once every round has published results: the contest's awards are then final. */
  private async contestLocked(contestId: string): Promise<boolean> {
    return allRoundsPublished(this.db, contestId);
  }
}
