import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { PoolQuestion } from '@lc/question-bank';
import { Round } from '../round/round.entity';

/**
 * The frozen pool of a round: the candidate versions of each selection rule. The content
 * is a copy of the locked (immutable) version, so drawing and scoring need no other module.
 */
@Entity('round_question')
@Index(['questionVersionId'])
export class RoundQuestion {
  @PrimaryColumn({ type: 'uuid' }) roundId!: string;
  @ManyToOne(() => Round, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
  round?: Round;
  @PrimaryColumn({ type: 'int' }) ruleIndex!: number;
  @PrimaryColumn({ type: 'uuid' }) questionVersionId!: string;
  @Column({ type: 'uuid' }) questionId!: string;
  @Column({ type: 'jsonb' }) content!: PoolQuestion;
}
