import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Attempt } from './attempt.entity';

export interface SavedAnswer {
  /** Opaque option ids as the client saw them. */
  optionIds?: string[];
  value?: string | number | null;
}

/** Autosaved answers, written behind from Redis in batches and in full at submit. */
@Entity('attempt_answer')
export class AttemptAnswer {
  @PrimaryColumn({ type: 'uuid' }) attemptId!: string;
  @ManyToOne(() => Attempt, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'attempt_id' })
  attempt?: Attempt;
  @PrimaryColumn({ type: 'varchar', length: 32 }) questionKey!: string;
  @Column({ type: 'jsonb' }) value!: SavedAnswer;
  /** The client's sequence number for this answer (or the server's count when none was sent). */
  @Column({ type: 'int' }) seq!: number;
  /** Server write order within the attempt: a later write-behind never overwrites a newer row. */
  @Column({ type: 'int' }) rev!: number;
  @Column({ type: 'timestamptz' }) receivedAt!: Date;
}
