import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '@lc/identity';
import { Round } from '@lc/contests';
import type { DrawnQuestion } from '../draw/draw';
import type { AttemptFlag } from '../integrity/integrity';

export const ATTEMPT_STATUSES = ['in_progress', 'submitted', 'expired', 'void'] as const;
export type AttemptStatus = (typeof ATTEMPT_STATUSES)[number];

/** numeric columns come back from pg as strings; scores are read as numbers. */
const numeric = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

@Entity('attempt')
@Index('uq_attempt_round_user_no', ['roundId', 'userId', 'attemptNo'], { unique: true })
@Index('uq_attempt_one_in_progress', ['roundId', 'userId'], { unique: true, where: "status = 'in_progress'" })
@Index('ix_attempt_due', ['deadlineAt'], { where: "status = 'in_progress'" })
@Index('ix_attempt_round_ranking', ['roundId', 'status', 'score', 'timeTakenMs'])
@Index('ix_attempt_answer_hash', ['answerHash'], { where: 'answer_hash IS NOT NULL' })
@Index(['userId'])
export class Attempt {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) roundId!: string;
  @ManyToOne(() => Round, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
  round?: Round;
  @Column({ type: 'uuid' }) contestId!: string;
  @Column({ type: 'uuid' }) userId!: string;
  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;
  @Column({ type: 'int' }) attemptNo!: number;
  @Column({ type: 'varchar', length: 16, default: 'in_progress' }) status!: AttemptStatus;
  @Column({ type: 'timestamptz' }) startedAt!: Date;
  @Column({ type: 'timestamptz' }) deadlineAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) submittedAt!: Date | null;
  @Column({ type: 'numeric', precision: 12, scale: 4, nullable: true, transformer: numeric }) score!: number | null;
  @Column({ type: 'numeric', precision: 12, scale: 4, nullable: true, transformer: numeric }) maxScore!: number | null;
  @Column({ type: 'int', nullable: true }) timeTakenMs!: number | null;
  @Column({ type: 'numeric', nullable: true, transformer: numeric }) prediction!: number | null;
  /** The draw: per question its version, the opaque ids sent to the client and the option order. */
  @Column({ type: 'jsonb' }) questions!: DrawnQuestion[];
  @Column({ type: 'int', default: 0 }) poolVersion!: number;
  @Column({ type: 'varchar', length: 64, nullable: true }) ip!: string | null;
  @Column({ type: 'varchar', length: 300, nullable: true }) userAgent!: string | null;
  @Column({ type: 'varchar', length: 100, nullable: true }) deviceId!: string | null;
  @Column({ type: 'jsonb', default: () => "'[]'" }) flags!: AttemptFlag[];
  /** Fingerprint of the answers given, to find identical patterns cheaply (null when not telling). */
  @Column({ type: 'varchar', length: 64, nullable: true }) answerHash!: string | null;
  @Column({ type: 'int', nullable: true }) correctCount!: number | null;
  @Column({ type: 'varchar', length: 100, nullable: true }) submitKey!: string | null;
  @Column({ type: 'text', nullable: true }) voidReason!: string | null;
  /**
   * A judge's review that keeps the attempt ("clear", or a reinstatement): how many of its
   * flags it covered (flags are only ever appended, so a later flag needs a new review), by
   * whom, when and why. A flagged attempt with more flags than this is unreviewed.
   */
  @Column({ type: 'int', default: 0 }) clearedFlags!: number;
  @Column({ type: 'timestamptz', nullable: true }) clearedAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) clearedBy!: string | null;
  @Column({ type: 'text', nullable: true }) clearReason!: string | null;
}
