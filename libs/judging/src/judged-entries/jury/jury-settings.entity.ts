import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { User } from '@lc/identity';
import { Round } from '@lc/contests';
import type { JuryPolicy } from '../../jury/aggregate';
import type { Rubric } from '../../jury/rubric';

/** A judged round's marking scheme and jury rules; fixed once the first mark is in. */
@Entity('jury_settings')
export class JurySettings {
  @PrimaryColumn({ type: 'uuid' }) roundId!: string;
  @OneToOne(() => Round, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
  round?: Round;
  @Column({ type: 'jsonb' }) rubric!: Rubric;
  @Column({ type: 'jsonb' }) policy!: JuryPolicy;
  /** Criterion ids that break ties on the final score, in order (e.g. content before delivery). */
  @Column({ type: 'jsonb', default: () => "'[]'" }) tieBreakCriteria!: string[];
  @Column({ type: 'uuid', nullable: true }) headJudgeUserId!: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'head_judge_user_id' })
  headJudge?: User;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
