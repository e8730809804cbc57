import type { DataSource, EntityManager } from 'typeorm';
import type { PoolQuestion, SelectionRule } from '@lc/question-bank';
import { sqlRows } from '../common/sql';

/** The SQL of a round's frozen pool (RoundPoolService caches it per pool version). */

export function poolRows(db: DataSource | EntityManager, roundId: string): Promise<{ rule_index: number; content: PoolQuestion }[]> {
  return sqlRows(db, 'SELECT rule_index, content FROM round_question WHERE round_id = $1 ORDER BY rule_index, question_version_id', [roundId]);
}

export async function roundSelection(db: DataSource | EntityManager, roundId: string): Promise<SelectionRule[]> {
  const [round] = await sqlRows<{ selection: SelectionRule[] }>(db, 'SELECT selection FROM round WHERE id = $1', [roundId]);
  return round?.selection ?? [];
}
