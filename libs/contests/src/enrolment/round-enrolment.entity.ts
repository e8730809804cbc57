import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '@lc/identity';
import { Round } from '../round/round.entity';

export const ENROLMENT_SOURCES = ['advanced', 'picked'] as const;
export type EnrolmentSource = (typeof ENROLMENT_SOURCES)[number];

/** Who may enter a round whose entry is `enrolled`. */
@Entity('round_enrolment')
export class RoundEnrolment {
  @PrimaryColumn({ type: 'uuid' }) roundId!: string;
  @ManyToOne(() => Round, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
  round?: Round;
  @PrimaryColumn({ type: 'uuid' }) userId!: string;
  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;
  @Column({ type: 'varchar', length: 16 }) source!: EnrolmentSource;
  @Column({ type: 'uuid', nullable: true }) fromRoundId!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
