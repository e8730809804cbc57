import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Round } from '@lc/contests';

/** One answer group as cached: question version, the answer given (bank ids or value), entries, time sum and count. */
export interface CachedGroup {
  v: string;
  a: string[] | string | number | null;
  n: number;
  t: number;
  c: number;
}

/**
 * The answers of one round on one Vietnam day, grouped (see ANSWER_GROUPS_SQL), cached
 * because grouping them reads every attempt's draw: seconds per hundred thousand entries.
 * Finalised attempts never change their answers, so a day's groups stay right as long as
 * the same entries make up the day — which `fingerprint` (count and a hash of the ids)
 * tells. Only the day still taking entries, or one where an entry was voided, is redone.
 */
@Entity('statistics_answer_tally')
export class AnswerTally {
  @PrimaryColumn({ type: 'uuid' }) roundId!: string;
  @ManyToOne(() => Round, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
  round?: Round;
  @PrimaryColumn({ type: 'date' }) day!: string;
  @Column({ type: 'varchar', length: 100 }) fingerprint!: string;
  @Column({ type: 'int' }) entries!: number;
  @Column({ type: 'jsonb' }) groups!: CachedGroup[];
  @Column({ type: 'timestamptz' }) computedAt!: Date;
}

export const STATISTICS_ENTITIES = [AnswerTally];
