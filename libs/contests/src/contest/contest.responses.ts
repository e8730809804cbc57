import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { RegistrationView } from '../registration/registrations.service';
import { CONTEST_STATUSES } from './contest.entity';
import type { ContestView } from './contest-view';

/** Response bodies of the contest routes (OpenAPI; the web app's types are generated from them). */
export class ContestResponse implements ContestView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() slug!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ type: String, nullable: true }) rules!: string | null;
  @ApiProperty({ enum: CONTEST_STATUSES }) status!: string;
  @ApiProperty({ type: [String], nullable: true, description: 'The units (e.g. communes) a resident picks from when registering' }) unitList!: string[] | null;
  @ApiProperty({ type: [String], description: 'Registration fields the contest requires' }) requiredFields!: string[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class RegistrationResponse implements RegistrationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) contestId!: string;
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ type: String, nullable: true }) unit!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) fields!: Record<string, string>;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({ description: 'In the staff list' }) fullName?: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'In the staff list' }) province?: string | null;
}
