import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { STAFF_COLUMNS } from '../users/staff-import/staff-rows';
import { STAFF_ROLES } from '../users/user.entity';

export class StaffImportQuery {
  @ApiPropertyOptional({ enum: ['xlsx', 'csv'], description: 'Default: from the file name' }) @IsOptional() @IsIn(['xlsx', 'csv']) format?: 'xlsx' | 'csv';
  @ApiPropertyOptional({ description: 'Check the file and report, create nothing' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => value === 'true' || value === true)
  @IsBoolean()
  dryRun?: boolean;
}

export class StaffTemplateQuery {
  @ApiPropertyOptional({ enum: ['xlsx', 'csv'], default: 'xlsx' }) @IsOptional() @IsIn(['xlsx', 'csv']) format?: 'xlsx' | 'csv';
}

export class StaffImportCreated {
  @ApiProperty() row!: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null in a dry run' }) id!: string | null;
  @ApiProperty() fullName!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: STAFF_ROLES }) role!: string;
  @ApiProperty({ type: String, nullable: true }) organisationName!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Generated, shown this once; null in a dry run' }) temporaryPassword!: string | null;
}

export class StaffImportProblem {
  @ApiProperty() row!: number;
  @ApiProperty({ enum: STAFF_COLUMNS }) field!: string;
  @ApiProperty() reason!: string;
}

/** Also the `details` of a 400 import_invalid (then `created` is empty). */
export class StaffImportReport {
  @ApiProperty({ type: [StaffImportCreated] }) created!: StaffImportCreated[];
  @ApiProperty({ type: [StaffImportProblem] }) errors!: StaffImportProblem[];
  @ApiProperty({ type: [String] }) warnings!: string[];
  @ApiProperty() dryRun!: boolean;
}
