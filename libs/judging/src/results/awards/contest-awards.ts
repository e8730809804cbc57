import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, AccessService } from '@lc/identity';
import { shortName } from '@lc/leaderboard';
import { notFound } from '@lc/platform';
import { allocateUnitPrizes, RankedUnit, UnitTally } from '../../awards/unit-prizes';
import { maskIdentifier } from '@lc/platform';
import { cursorRows } from '../common/cursor';
import { ContestAwardRules } from '../entities';
import { countedAttemptSql } from '@lc/attempts';

interface WinnerRow {
  round_id: string;
  round_title: string;
  round_seq: number;
  result_status: string;
  rank: number;
  user_id: string;
  full_name: string;
  unit: string | null;
  province: string | null;
  national_id_masked: string | null;
  phone_masked: string | null;
  score: number;
  prize_code: string;
  prize_name: string;
  prize_level: number;
  grp: string | null;
}

/**
 * GET /contests/:id/awards: the winners across the contest's rounds (each person keeps
 * only their highest prize under `highest-only`; the earlier round on equal levels) and
 * the unit prizes by the contest's formula. Residents see published rounds only, names
 * shortened and no personal numbers; organisers see every closed round, judges the published
 * ones, numbers masked.
 */
@Injectable()
export class ContestAwards {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
  ) {}

  async awards(actor: Actor, contestId: string) {
    const staff = actor.role !== 'resident';
    if (staff) await this.access.require(actor, 'contest', contestId, 'read');
    else {
      const [c]: { status: string }[] = await this.db.query('SELECT status FROM contest WHERE id = $1', [contestId]);
      if (!c || c.status === 'draft') throw notFound('Contest');
    }
    const rules = await this.db.getRepository(ContestAwardRules).findOneBy({ contestId });
    const across = rules?.acrossRounds ?? 'highest-only';
    // Judges see published rounds only: a provisional judged round would show the jury's figures early (blind marking).
    const statuses = actor.role === 'organiser' || actor.role === 'admin' ? ['provisional', 'published'] : ['published'];
    const rounds: { round_id: string; title: string; seq: number; status: string }[] = await this.db.query(
      `SELECT rr.round_id, r.title, r.seq, rr.status FROM round_result rr JOIN round r ON r.id = rr.round_id
        WHERE rr.contest_id = $1 AND rr.status = ANY($2) ORDER BY r.seq`,
      [contestId, statuses],
    );
    const rows: WinnerRow[] = await this.db.query(
      `SELECT e.round_id, r.title AS round_title, r.seq AS round_seq, rr.status AS result_status, e.rank, e.user_id, u.full_name, e.unit, u.province,
              u.national_id_masked, u.phone_masked, e.score::float8 AS score, e.prize_code, e.prize_name, e.prize_level, e.grp
         FROM result_entry e JOIN round_result rr ON rr.round_id = e.round_id JOIN round r ON r.id = e.round_id JOIN "user" u ON u.id = e.user_id
        WHERE rr.contest_id = $1 AND rr.status = ANY($2) AND e.prize_code IS NOT NULL
        ORDER BY e.prize_level, r.seq, e.position`,
      [contestId, statuses],
    );
    const kept = across === 'highest-only' ? highestOnly(rows) : rows;
    const winners = kept.map((w) => ({
      roundId: w.round_id,
      roundTitle: w.round_title,
      roundSeq: w.round_seq,
      resultStatus: w.result_status,
      rank: w.rank,
      prize: { code: w.prize_code, name: w.prize_name, level: w.prize_level, group: w.grp },
      unit: w.unit,
      province: w.province,
      score: w.score,
      ...(staff
        ? { userId: w.user_id, fullName: w.full_name, nationalId: maskIdentifier(w.national_id_masked), phone: maskIdentifier(w.phone_masked) }
        : { displayName: shortName(w.full_name) }),
    }));
    const units = rules?.unitPrizes
      ? await this.unitPrizes(
          contestId,
          rounds.map((r) => r.round_id),
          kept,
          rules,
        )
      : null;
    return {
      contestId,
      acrossRounds: across,
      rounds: rounds.map((r) => ({ roundId: r.round_id, title: r.title, seq: r.seq, status: r.status })),
      winners,
      units,
    };
  }

  /** Entrants per unit over the rounds shown (void and unfinished attempts never count), plus their winners' points. */
  private async unitPrizes(contestId: string, roundIds: string[], winners: WinnerRow[], rules: ContestAwardRules): Promise<RankedUnit[]> {
    const tally = new UnitTally();
    await this.db.transaction(async (m) => {
      const rows = cursorRows<{ unit: string | null; user_id: string; n: number }>(
        m,
        `SELECT coalesce(nullif(g.unit, ''), u.unit) AS unit, a.user_id, count(*)::int AS n
           FROM attempt a JOIN "user" u ON u.id = a.user_id LEFT JOIN registration g ON g.contest_id = a.contest_id AND g.user_id = a.user_id
          WHERE a.contest_id = $1 AND a.round_id = ANY($2::uuid[]) AND ${countedAttemptSql('a')}
          GROUP BY 1, 2`,
        [contestId, roundIds],
      );
      for await (const r of rows) for (let i = 0; i < r.n; i++) tally.add({ unit: r.unit, personId: r.user_id });
    });
    return allocateUnitPrizes(
      tally.rows(rules.headcounts),
      winners.map((w) => ({ unit: w.unit, tierCode: w.prize_code })),
      rules.unitPrizes!,
    );
  }
}

/** Rows come best prize first (then round order): the first one per person is their highest. */
function highestOnly(rows: WinnerRow[]): WinnerRow[] {
  const seen = new Set<string>();
  return rows.filter((r) => (seen.has(r.user_id) ? false : (seen.add(r.user_id), true)));
}
