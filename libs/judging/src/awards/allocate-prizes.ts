import { fix6 } from '../common/numbers';
import { RankCursor } from './by-rank';
import { AcrossRounds, PrizePlan, planGroups, tierQuota } from './prize-plan';

/** A person's place in a round's final ranking, with the group they compete in (if the plan has groups). */
export interface PrizeCandidate {
  id: string;
  rank: number;
  score: number;
  group?: string | null;
}

export interface RoundPrizeInput {
  roundId: string;
  plan: PrizePlan;
  /** The final ranking, in rank order (void attempts already gone). */
  ranking: readonly PrizeCandidate[];
}

export interface Award {
  personId: string;
  roundId: string;
  tierCode: string;
  tierName: string;
  level: number;
  rank: number;
  group: string | null;
  /** Tied with someone across the quota boundary, so the tier gave more prizes than planned. */
  boundaryTie: boolean;
  /** Published before this allocation and kept as it was. */
  locked?: boolean;
}

export interface Shortfall {
  roundId: string;
  group: string | null;
  tierCode: string;
  planned: number;
  awarded: number;
}

export interface PrizeAllocation {
  awards: Award[];
  /** Tiers left (partly) unawarded: not enough eligible people. */
  shortfalls: Shortfall[];
}

interface Lane {
  input: RoundPrizeInput;
  group: string | null;
  cursor: RankCursor<PrizeCandidate>;
  cumulative: number;
}

/**
 * Allocates every round's prizes by its quotas. With `highest-only`, prizes go out
 * level by level (all first prizes of all rounds, then all second prizes…), skipping
 * people who already hold one, so each person ends with their highest prize (the
 * earlier round on equal levels) and the prize they do not take passes to the next
 * person in that round. `locked` prizes (already published) stay, and their holders
 * win nothing more under `highest-only`.
 */
export function allocatePrizes(rounds: readonly RoundPrizeInput[], across: AcrossRounds, locked: readonly Award[] = []): PrizeAllocation {
  const holder = new Set<string>(across === 'highest-only' ? locked.map((a) => a.personId) : []);
  const wonIn = new Set<string>(locked.map((a) => `${a.roundId}\u0000${a.personId}`));
  const awards: Award[] = locked.map((a) => ({ ...a, locked: true }));
  const shortfalls: Shortfall[] = [];

  const lanes: Lane[] = [];
  for (const input of rounds) {
    const groups = planGroups(input.plan);
    const eligible = input.ranking.filter((c) => input.plan.minScore === undefined || fix6(c.score) >= fix6(input.plan.minScore));
    for (const group of groups ?? [null]) {
      const list = group === null ? eligible : eligible.filter((c) => (c.group ?? null) === group);
      lanes.push({ input, group, cursor: new RankCursor(list), cumulative: 0 });
    }
  }

  const levels = [...new Set(rounds.flatMap((r) => r.plan.tiers.map((t) => t.level)))].sort((a, b) => a - b);
  for (const level of levels) {
    for (const lane of lanes) {
      for (const tier of lane.input.plan.tiers) {
        if (tier.level !== level) continue;
        const planned = tierQuota(tier, lane.group);
        lane.cumulative += planned;
        const before = lane.cursor.used;
        const skip = (c: PrizeCandidate) => holder.has(c.id) || wonIn.has(`${lane.input.roundId}\u0000${c.id}`);
        for (const g of lane.cursor.take(lane.cumulative, skip)) {
          for (const c of g.members) {
            awards.push({
              personId: c.id,
              roundId: lane.input.roundId,
              tierCode: tier.code,
              tierName: tier.name,
              level,
              rank: c.rank,
              group: lane.group,
              boundaryTie: g.boundaryTie,
            });
            if (across === 'highest-only') holder.add(c.id);
            wonIn.add(`${lane.input.roundId}\u0000${c.id}`);
          }
        }
        const awarded = lane.cursor.used - before;
        // Fewer than planned because a tie above used the places is not a shortfall; running out of people is.
        if (lane.cursor.used < lane.cumulative) shortfalls.push({ roundId: lane.input.roundId, group: lane.group, tierCode: tier.code, planned, awarded });
      }
    }
  }
  return { awards, shortfalls };
}
