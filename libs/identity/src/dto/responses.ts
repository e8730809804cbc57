import { ApiProperty } from '@nestjs/swagger';
import type { Session } from '../auth/auth.service';
import type { UserView } from '../users/user-view';
import type { ExportedAttempt, PersonalDataExport } from '../personal-data/personal-data-export';
import { ROLES } from '../users/user.entity';

/** Response bodies of the identity routes, documented in OpenAPI (the web app's types are generated from them). */
export class UserResponse implements UserView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ enum: ROLES }) role!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) organisationId!: string | null;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Masked (e.g. 09•••••123), except in GET /me/data' }) phone!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Masked, except in GET /me/data' }) nationalId!: string | null;
  @ApiProperty({ type: String, nullable: true }) province!: string | null;
  @ApiProperty({ type: String, nullable: true }) commune!: string | null;
  @ApiProperty({ type: String, nullable: true }) unit!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) dateOfBirth!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class SessionResponse implements Session {
  @ApiProperty() accessToken!: string;
  @ApiProperty() refreshToken!: string;
  @ApiProperty({ type: 'integer', description: "Seconds until the access token expires" }) expiresIn!: number;
  @ApiProperty({ type: () => UserResponse }) user!: UserResponse;
}

class ConsentsResponse {
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) personalDataConsentAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) guardianName!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) guardianConsentAt!: string | null;
}

class ExportedRegistration {
  @ApiProperty({ format: 'uuid' }) contestId!: string;
  @ApiProperty() contestTitle!: string;
  @ApiProperty({ type: String, nullable: true }) unit!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) fields!: Record<string, string>;
  @ApiProperty({ format: 'date-time' }) registeredAt!: string;
}

class ExportedAnswer {
  @ApiProperty() questionKey!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'As saved: { optionIds } or { value }' }) value!: unknown;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
}

class ExportedEvent {
  @ApiProperty() kind!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: String, nullable: true }) ip!: string | null;
}

class ExportedAttemptResponse implements ExportedAttempt {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) contestId!: string;
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty() roundTitle!: string;
  @ApiProperty({ type: 'integer' }) attemptNo!: number;
  @ApiProperty() status!: string;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt!: string | null;
  @ApiProperty({ type: Number, nullable: true }) score!: number | null;
  @ApiProperty({ type: Number, nullable: true }) maxScore!: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) timeTakenMs!: number | null;
  @ApiProperty({ type: Number, nullable: true }) prediction!: number | null;
  @ApiProperty({ type: String, nullable: true }) ip!: string | null;
  @ApiProperty({ type: String, nullable: true }) userAgent!: string | null;
  @ApiProperty({ type: String, nullable: true }) deviceId!: string | null;
  @ApiProperty({ type: () => [ExportedAnswer] }) answers!: ExportedAnswer[];
  @ApiProperty({ type: () => [ExportedEvent] }) events!: ExportedEvent[];
}

class ExportedAuditEntry {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() action!: string;
  @ApiProperty() entityType!: string;
  @ApiProperty() entityId!: string;
  @ApiProperty({ type: String, nullable: true }) actorRole!: string | null;
  @ApiProperty() byYou!: boolean;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
}

export class PersonalDataResponse implements PersonalDataExport {
  @ApiProperty({ format: 'date-time' }) exportedAt!: string;
  @ApiProperty({ type: () => UserResponse, description: 'Phone and national ID unmasked: the one place they are shown in full' }) profile!: UserResponse;
  @ApiProperty({ type: () => ConsentsResponse }) consents!: ConsentsResponse;
  @ApiProperty({ type: () => [ExportedRegistration] }) registrations!: ExportedRegistration[];
  @ApiProperty({ type: () => [ExportedAttemptResponse] }) attempts!: ExportedAttemptResponse[];
  @ApiProperty({ type: () => [ExportedAuditEntry] }) auditEntries!: ExportedAuditEntry[];
}
