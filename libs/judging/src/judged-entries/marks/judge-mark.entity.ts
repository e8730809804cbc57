import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { User } from '@lc/identity';
import { JudgedEntry } from '../entry/judged-entry.entity';

/** One judge's rubric marks for one entry; a re-submission replaces them. */
@Entity('judge_mark')
@Index(['roundId'])
export class JudgeMark {
  @PrimaryColumn({ type: 'uuid' }) entryId!: string;
  @ManyToOne(() => JudgedEntry, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'entry_id' })
  entry?: JudgedEntry;
  @PrimaryColumn({ type: 'uuid' }) judgeUserId!: string;
  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'judge_user_id' })
  judge?: User;
  /** Denormalised so "has marking started in this round" is one index lookup. */
  @Column({ type: 'uuid' }) roundId!: string;
  @Column({ type: 'jsonb' }) scores!: Record<string, number>;
  @Column({ type: 'double precision' }) total!: number;
  @Column({ type: 'text', nullable: true }) comment!: string | null;
  @Column({ type: 'timestamptz' }) submittedAt!: Date;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
