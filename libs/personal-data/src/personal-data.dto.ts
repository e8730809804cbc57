import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { UserResponse } from '@lc/identity';
import type { ExportedAttempt, ExportedJudgedEntry, ExportedResult, PersonalDataExport } from './personal-data-export';

/** Deleting an account asks for the password again: a stolen access token alone cannot erase it. */
export class DeleteAccountDto {
  @ApiProperty({ description: 'The current password' })
  @IsString()
  @Length(1, 128)
  password!: string;
}

// The export's documented shape (OpenAPI); `implements` keeps it in step with the service's types.

class ExportedConsentsDto {
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) personalDataConsentAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) guardianName!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) guardianConsentAt!: string | null;
}

class ExportedRegistrationDto {
  @ApiProperty({ format: 'uuid' }) contestId!: string;
  @ApiProperty() contestTitle!: string;
  @ApiProperty({ type: String, nullable: true }) unit!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) fields!: Record<string, string>;
  @ApiProperty({ format: 'date-time' }) registeredAt!: string;
}

class ExportedAnswerDto {
  @ApiProperty({ description: "The question's id in the attempt, as in PUT /attempts/:id/answers/:questionId" }) questionId!: string;
  @ApiPropertyOptional({ deprecated: true, description: 'Deprecated alias of questionId, sent for one release' }) questionKey?: string;
  @ApiProperty({ description: 'As sent: option ids, a number or text' }) value!: unknown;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
}

class ExportedEventDto {
  @ApiProperty() kind!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: String, nullable: true }) ip!: string | null;
}

class ExportedAttemptDto implements ExportedAttempt {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) contestId!: string;
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty() roundTitle!: string;
  @ApiProperty() attemptNo!: number;
  @ApiProperty() status!: string;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt!: string | null;
  @ApiProperty({ type: Number, nullable: true }) score!: number | null;
  @ApiProperty({ type: Number, nullable: true }) maxScore!: number | null;
  @ApiProperty({ type: Number, nullable: true }) timeTakenMs!: number | null;
  @ApiProperty({ type: Number, nullable: true }) prediction!: number | null;
  @ApiProperty({ type: String, nullable: true }) ip!: string | null;
  @ApiProperty({ type: String, nullable: true }) userAgent!: string | null;
  @ApiProperty({ type: String, nullable: true }) deviceId!: string | null;
  @ApiProperty({ type: [ExportedAnswerDto] }) answers!: ExportedAnswerDto[];
  @ApiProperty({ type: [ExportedEventDto] }) events!: ExportedEventDto[];
}

class ExportedEntryFileDto {
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty({ type: String, nullable: true }) type!: string | null;
  @ApiProperty({ type: Number, nullable: true }) size!: number | null;
  @ApiProperty({ type: String, nullable: true }) sha256!: string | null;
  @ApiProperty({ description: 'Where the file itself downloads (GET, with your token)' }) url!: string;
}

class ExportedJudgedEntryDto implements ExportedJudgedEntry {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) contestId!: string;
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty() roundTitle!: string;
  @ApiProperty({ type: String, nullable: true }) text!: string | null;
  @ApiProperty({ type: String, nullable: true }) link!: string | null;
  @ApiProperty({ type: ExportedEntryFileDto, nullable: true }) file!: ExportedEntryFileDto | null;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
}

class ExportedResultDto implements ExportedResult {
  @ApiProperty({ format: 'uuid' }) contestId!: string;
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty() roundTitle!: string;
  @ApiProperty() rank!: number;
  @ApiProperty() score!: number;
  @ApiProperty() maxScore!: number;
  @ApiProperty() timeTakenMs!: number;
  @ApiProperty({ type: Number, nullable: true }) prediction!: number | null;
  @ApiProperty({ type: String, nullable: true }) unit!: string | null;
  @ApiProperty({ type: String, nullable: true }) prizeName!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt!: string | null;
}

class ExportedAuditEntryDto {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() action!: string;
  @ApiProperty() entityType!: string;
  @ApiProperty() entityId!: string;
  @ApiProperty({ type: String, nullable: true }) actorRole!: string | null;
  @ApiProperty() byYou!: boolean;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
}

export class PersonalDataExportDto implements PersonalDataExport {
  @ApiProperty({ format: 'date-time' }) exportedAt!: string;
  @ApiProperty({ type: UserResponse, description: 'Your own phone and national ID in full: the one place they are shown so' }) profile!: UserResponse;
  @ApiProperty({ type: ExportedConsentsDto }) consents!: ExportedConsentsDto;
  @ApiProperty({ type: [ExportedRegistrationDto] }) registrations!: ExportedRegistrationDto[];
  @ApiProperty({ type: [ExportedAttemptDto] }) attempts!: ExportedAttemptDto[];
  @ApiProperty({ type: [ExportedJudgedEntryDto] }) judgedEntries!: ExportedJudgedEntryDto[];
  @ApiProperty({ type: [ExportedResultDto], description: 'Published results only' }) results!: ExportedResultDto[];
  @ApiProperty({ type: [ExportedAuditEntryDto] }) auditEntries!: ExportedAuditEntryDto[];
}
