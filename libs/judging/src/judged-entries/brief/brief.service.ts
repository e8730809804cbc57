import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, AccessService } from '@lc/identity';
import { isRoundLocked, Round, RoundsService } from '@lc/contests';
import { AuditService, ClockService, conflict } from '@lc/platform';
import { requireJudged } from '../jury/judged-round';
import { HAND_IN_KINDS, type HandInKind, parseBriefInput } from './brief-input';
import { HandInSettings } from './hand-in-settings.entity';

export interface BriefView {
  roundId: string;
  /** Null when none is set, or (for entrants) until the round opens: see `briefFrom`. */
  brief: string | null;
  /** Entrants read the brief from this time (the round's opening). */
  briefFrom: string;
  handInKinds: HandInKind[];
  /** Fixed once the round has opened. */
  locked: boolean;
}

/**
 * A judged round's brief and the kinds of hand-in it takes: set by its organisers until the
 * round opens, read by its staff at any time and by entrants once the round has opened.
 */
@Injectable()
export class BriefService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly clock: ClockService,
    private readonly rounds: RoundsService,
  ) {}

  /** Entrants see what the round page shows them; staff need access to the round itself. */
  async get(actor: Actor, roundId: string): Promise<BriefView> {
    const staff = actor.role !== 'resident';
    if (staff) await this.access.require(actor, 'round', roundId, 'read');
    const { round } = await this.rounds.get(actor, roundId);
    requireJudged(round);
    const row = await this.db.getRepository(HandInSettings).findOneBy({ roundId });
    const open = round.opensAt.getTime() <= this.clock.now();
    return this.view(round, row, staff || open);
  }

  async put(actor: Actor, roundId: string, input: unknown): Promise<BriefView> {
    const organisationId = await this.access.require(actor, 'round', roundId, 'write');
    const next = parseBriefInput(input);
    const row = await this.db.transaction(async (m) => {
      // The round row lock orders this after a concurrent publish or opening.
      const round = requireJudged((await m.getRepository(Round).findOne({ where: { id: roundId }, lock: { mode: 'pessimistic_write' } }))!);
      if (isRoundLocked(round.status, round.opensAt, this.clock.now()))
        throw conflict('brief_locked', 'The round has opened: its brief and the kinds of hand-in it takes can no longer change', {
          opensAt: round.opensAt.toISOString(),
        });
      const repo = m.getRepository(HandInSettings);
      const before = await repo.findOneBy({ roundId });
      await repo.save(repo.create({ roundId, ...next }));
      await this.audit.record(
        actor,
        {
          action: 'round.brief',
          entityType: 'round',
          entityId: roundId,
          before: before ? { brief: before.brief, handInKinds: before.handInKinds } : null,
          after: next,
          organisationId,
        },
        m,
      );
      return repo.findOneByOrFail({ roundId });
    });
    const round = await this.db.getRepository(Round).findOneByOrFail({ id: roundId });
    return this.view(round, row, true);
  }

  /** The kinds of hand-in the round takes (all of them unless the organiser narrowed them). */
  async handInKinds(roundId: string): Promise<HandInKind[]> {
    return (await this.db.getRepository(HandInSettings).findOneBy({ roundId }))?.handInKinds ?? [...HAND_IN_KINDS];
  }

  private view(round: Round, row: HandInSettings | null, showBrief: boolean): BriefView {
    return {
      roundId: round.id,
      brief: showBrief ? (row?.brief ?? null) : null,
      briefFrom: round.opensAt.toISOString(),
      handInKinds: row?.handInKinds ?? [...HAND_IN_KINDS],
      locked: isRoundLocked(round.status, round.opensAt, this.clock.now()),
    };
  }
}
