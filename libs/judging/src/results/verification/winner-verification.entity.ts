import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { VerificationStatus } from './winner-identity';

/**
 * The organiser's check of a prize winner's identity before the prize is paid: verified,
 * or disqualified with a reason (the prize then passed on through the results). One per
 * round and person; the audit log keeps every decision, this row the latest.
 */
@Entity('winner_verification')
export class WinnerVerification {
  @PrimaryColumn({ type: 'uuid' }) roundId!: string;
  @PrimaryColumn({ type: 'uuid' }) userId!: string;
  @Column({ type: 'varchar', length: 16 }) status!: VerificationStatus;
  @Column({ type: 'text' }) reason!: string;
  /** The prize the person held when the decision was made. */
  @Column({ type: 'varchar', length: 200, nullable: true }) prizeName!: string | null;
  @Column({ type: 'uuid' }) decidedBy!: string;
  @Column({ type: 'timestamptz' }) decidedAt!: Date;
}
