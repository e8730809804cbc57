import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor } from '@lc/identity';
import { escapeLike, foldedSql, foldVietnamese, Page } from '@lc/platform';
import { maskIdentifier } from '@lc/platform';
import { ResultsGate } from '../common/results-gate';

/** A person who took the round, with every attempt a correction could void or reinstate. */
export interface CorrectionCandidate {
  userId: string;
  fullName: string;
  phoneMasked: string | null;
  unit: string | null;
  /** Place in the current result (null: not ranked, e.g. every attempt void). */
  rank: number | null;
  score: number | null;
  prize: string | null;
  attempts: { id: string; attemptNo: number; status: string; score: number | null; submittedAt: string | null; counted: boolean }[];
}

/**
 * The people of a quiz round for the correction screen, found by name (case and diacritics
 * ignored), by digits of the masked phone, or by rank — so staff pick a person, not paste ids.
 */
@Injectable()
export class CorrectionPeople {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly gate: ResultsGate,
  ) {}

  async find(actor: Actor, roundId: string, q: { q?: string; limit: number; offset: number }): Promise<Page<CorrectionCandidate>> {
    await this.gate.organiserOrJudge(actor, roundId);
    const text = (q.q ?? '').trim();
    const params: unknown[] = [roundId];
    let filter = 'TRUE';
    if (text) {
      params.push(`%${escapeLike(foldVietnamese(text))}%`);
      const conds = [`${foldedSql('u.full_name')} LIKE $2`];
      if (/^\d{1,9}$/.test(text)) {
        params.push(Number(text), `%${text}%`);
        conds.push('e.rank = $3', 'u.phone_masked LIKE $4');
      }
      filter = `(${conds.join(' OR ')})`;
    }
    const from = `FROM (SELECT DISTINCT user_id FROM attempt WHERE round_id = $1 AND status <> 'in_progress') p
      JOIN "user" u ON u.id = p.user_id
      LEFT JOIN result_entry e ON e.round_id = $1 AND e.user_id = p.user_id
      WHERE ${filter}`;
    const [{ total }]: { total: number }[] = await this.db.query(`SELECT count(*)::int AS total ${from}`, params);
    const paging = `LIMIT $${params.length + 1} OFFSET $${params.length + 2}`;
    const people: {
      id: string;
      full_name: string;
      phone_masked: string | null;
      unit: string | null;
      rank: number | null;
      score: number | null;
      prize_name: string | null;
      attempt_id: string | null;
    }[] = await this.db.query(
      `SELECT u.id, u.full_name, u.phone_masked, coalesce(e.unit, u.unit) AS unit, e.rank, e.score::float8 AS score, e.prize_name, e.attempt_id
       ${from} ORDER BY e.position NULLS LAST, u.full_name, u.id ${paging}`,
      [...params, q.limit, q.offset],
    );
    const attempts: { id: string; user_id: string; attempt_no: number; status: string; score: number | null; submitted_at: Date | null }[] = people.length
      ? await this.db.query(
          'SELECT id, user_id, attempt_no, status, score::float8 AS score, submitted_at FROM attempt WHERE round_id = $1 AND user_id = ANY($2::uuid[]) ORDER BY attempt_no DESC',
          [roundId, people.map((p) => p.id)],
        )
      : [];
    const items = people.map((p) => ({
      userId: p.id,
      fullName: p.full_name,
      phoneMasked: maskIdentifier(p.phone_masked),
      unit: p.unit,
      rank: p.rank,
      score: p.score,
      prize: p.prize_name,
      attempts: attempts
        .filter((a) => a.user_id === p.id)
        .map((a) => ({
          id: a.id,
          attemptNo: a.attempt_no,
          status: a.status,
          score: a.score,
          submittedAt: a.submitted_at ? new Date(a.submitted_at).toISOString() : null,
          counted: a.id === p.attempt_id,
        })),
    }));
    return { items, total };
  }
}
