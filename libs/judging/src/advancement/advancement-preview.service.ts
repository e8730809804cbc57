import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '@lc/identity';
import { sqlRows } from '@lc/contests';
import type { AdvancementPreview } from './advancement-preview';
import { AdvancementService } from './advancement.service';
import type { QuotaAdvanceDto } from './quota';

/**
 * Shows who an advance would enrol, from the very plan the advance enrols (so the two
 * cannot differ), with names, units, and a page of the ranking to pick from.
 */
@Injectable()
export class AdvancementPreviewService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly advancement: AdvancementService,
  ) {}

  async preview(
    actor: Actor,
    roundId: string,
    picked: string[] | undefined,
    quota: QuotaAdvanceDto | undefined,
    page: { limit: number; offset: number },
  ): Promise<AdvancementPreview> {
    const plan = await this.advancement.plan(actor, roundId, picked, quota, { preview: true });
    const { round, target, selection } = plan;
    const places = await this.advancement.withUnits(round, await this.advancement.ranking(round, page));
    const ids = [...new Set([...selection.advancing.map((a) => a.personId), ...selection.unplaced, ...places.map((p) => p.id)])];
    const people = await sqlRows<{ id: string; full_name: string; enrolled: boolean }>(
      this.db,
      `SELECT u.id, u.full_name, EXISTS (SELECT 1 FROM round_enrolment e WHERE e.round_id = $2 AND e.user_id = u.id) AS enrolled
         FROM "user" u WHERE u.id = ANY($1::uuid[])`,
      [ids, target.id],
    );
    const person = new Map(people.map((p) => [p.id, p]));
    const byId = new Map(plan.candidates.map((c) => [c.id, c]));
    const units = new Map(places.map((p) => [p.id, p.unit]));
    const advancing = selection.advancing.map((a) => {
      const c = byId.get(a.personId);
      return {
        userId: a.personId,
        fullName: person.get(a.personId)?.full_name ?? '',
        rank: a.rank,
        score: c?.score ?? null,
        unit: c?.unit ?? units.get(a.personId) ?? null,
        group: c?.group ?? null,
        reason: a.reason as AdvancementPreview['advancing'][number]['reason'],
        bucket: a.bucket,
        boundaryTie: a.boundaryTie,
        alreadyEnrolled: person.get(a.personId)?.enrolled ?? false,
      };
    });
    const going = new Set(advancing.map((a) => a.userId));
    return {
      fromRoundId: round.id,
      toRoundId: target.id,
      toRoundTitle: target.title,
      mode: plan.mode,
      rule: { ...plan.rule },
      advancing,
      newCount: advancing.filter((a) => !a.alreadyEnrolled).length,
      shortfalls: selection.shortfalls,
      unplaced: selection.unplaced.map((id) => ({ userId: id, fullName: person.get(id)?.full_name ?? '' })),
      ranking: places.map((p) => ({
        userId: p.id,
        fullName: person.get(p.id)?.full_name ?? '',
        rank: p.rank,
        score: p.score,
        unit: p.unit,
        advancing: going.has(p.id),
      })),
      rankingTotal: await this.advancement.rankedCount(round),
    };
  }
}
