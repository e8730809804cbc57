import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { EXPORT_FORMATS, ReasonDto } from '../results.dto';
import { VERIFICATION_STATUSES } from './winner-identity';

export class DisclosureRequestDto extends ReasonDto {}

export class VerificationRequestDto extends ReasonDto {
  @ApiProperty({ enum: VERIFICATION_STATUSES, description: 'disqualified passes the prize on by the rules (after publication through an audited correction)' })
  @IsIn(VERIFICATION_STATUSES)
  status!: 'verified' | 'disqualified';
}

export class PayoutExportRequestDto extends ReasonDto {
  @ApiProperty({ enum: EXPORT_FORMATS }) @IsIn(EXPORT_FORMATS) format!: 'xlsx' | 'csv';
}

class WinnerPrizeDto {
  @ApiProperty() code!: string;
  @ApiProperty({ nullable: true, type: String }) name!: string | null;
  @ApiProperty({ nullable: true, type: Number }) level!: number | null;
}

class VerificationStateDto {
  @ApiProperty({ enum: ['pending', 'verified'] }) status!: string;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) decidedAt!: string | null;
}

export class WinnerItemDto {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() rank!: number;
  @ApiProperty({ description: '1-based place in the ranking' }) position!: number;
  @ApiProperty() fullName!: string;
  @ApiProperty({ nullable: true, type: String, example: '091****678', description: 'Masked here; in full only in the identity disclosure' }) phone!:
    string | null;
  @ApiProperty({ nullable: true, type: String, example: '001******789', description: 'Masked here; in full only in the identity disclosure' }) nationalId!:
    string | null;
  @ApiProperty({ nullable: true, type: String }) province!: string | null;
  @ApiProperty({ nullable: true, type: String }) commune!: string | null;
  @ApiProperty({ nullable: true, type: String }) unit!: string | null;
  @ApiProperty() score!: number;
  @ApiProperty({ type: WinnerPrizeDto }) prize!: WinnerPrizeDto;
  @ApiProperty({ type: VerificationStateDto }) verification!: VerificationStateDto;
}

class DisqualifiedDto {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ nullable: true, type: String, description: 'The prize they held when disqualified' }) prizeName!: string | null;
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date-time' }) decidedAt!: string;
}

class WinnerCountsDto {
  @ApiProperty() winners!: number;
  @ApiProperty() verified!: number;
  @ApiProperty() pending!: number;
}

export class WinnersListDto {
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty({ enum: ['provisional', 'published'] }) resultStatus!: string;
  @ApiProperty() stale!: boolean;
  @ApiProperty() version!: number;
  @ApiProperty({ description: 'The caller may see identities, decide verifications and export the payout list' }) canDisclose!: boolean;
  @ApiProperty({ type: WinnerCountsDto }) counts!: WinnerCountsDto;
  @ApiProperty({ type: [WinnerItemDto] }) items!: WinnerItemDto[];
  @ApiProperty({ type: [DisqualifiedDto] }) disqualified!: DisqualifiedDto[];
}

export class WinnerIdentityDto extends WinnerItemDto {
  @ApiProperty({ nullable: true, type: String, example: '0912345678', description: 'In full' }) declare phone: string | null;
  @ApiProperty({ nullable: true, type: String, example: '001203004789', description: 'In full' }) declare nationalId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) dateOfBirth!: string | null;
  @ApiProperty({ nullable: true, type: String }) email!: string | null;
  @ApiProperty() accountDeleted!: boolean;
  @ApiProperty({ format: 'date-time' }) viewedAt!: string;
  @ApiProperty({ description: 'This view was written to the audit log' }) recorded!: boolean;
}

class PrizeChangeDto {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ nullable: true, type: String }) before!: string | null;
  @ApiProperty({ nullable: true, type: String }) after!: string | null;
}

class ErrorNoteDto {
  @ApiProperty() code!: string;
  @ApiProperty() message!: string;
}

export class VerificationOutcomeDto {
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ enum: VERIFICATION_STATUSES }) status!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date-time' }) decidedAt!: string;
  @ApiProperty({ enum: ['provisional', 'published'] }) resultStatus!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'Published results: the correction that passed the prize on' }) correctionId!:
    string | null;
  @ApiProperty({ description: 'Provisional results: the round was closed again and the prizes recomputed' }) reclosed!: boolean;
  @ApiProperty({ description: 'The provisional results still need closing again' }) resultsStale!: boolean;
  @ApiPropertyOptional({ nullable: true, type: ErrorNoteDto, description: 'Why the automatic re-close was refused' }) recloseError!: ErrorNoteDto | null;
  @ApiProperty({ type: [PrizeChangeDto], description: 'Whose prize changed: who holds each prize now' }) prizeChanges!: PrizeChangeDto[];
}
