import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Attempt } from './attempt.entity';

export const ATTEMPT_EVENT_KINDS = [
  'focus_lost',
  'focus_back',
  'visibility_hidden',
  'visibility_visible',
  'copy',
  'paste',
  'fullscreen_exit',
  'reconnect',
  'offline',
  'online',
] as const;
export type AttemptEventKind = (typeof ATTEMPT_EVENT_KINDS)[number];

/** Integrity signals sent by the client while an attempt runs. */
@Entity('attempt_event')
@Index(['attemptId', 'at'])
export class AttemptEvent {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) attemptId!: string;
  @ManyToOne(() => Attempt, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'attempt_id' })
  attempt?: Attempt;
  @Column({ type: 'varchar', length: 32 }) kind!: AttemptEventKind;
  /** When the client says it happened. */
  @Column({ type: 'timestamptz', nullable: true }) clientAt!: Date | null;
  /** When the server received it. */
  @Column({ type: 'timestamptz' }) at!: Date;
  @Column({ type: 'varchar', length: 64, nullable: true }) ip!: string | null;
}
