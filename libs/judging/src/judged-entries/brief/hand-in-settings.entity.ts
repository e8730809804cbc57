import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Round } from '@lc/contests';
import type { HandInKind } from './brief-input';

/** A judged round's brief (the task entrants answer) and what an entry may consist of. */
@Entity('hand_in_settings')
export class HandInSettings {
  @PrimaryColumn({ type: 'uuid' }) roundId!: string;
  @OneToOne(() => Round, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
  round?: Round;
  @Column({ type: 'text', nullable: true }) brief!: string | null;
  @Column({ type: 'jsonb', default: () => `'["text", "link", "file"]'` }) handInKinds!: HandInKind[];
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
