import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, MaxLength, ValidateIf } from 'class-validator';
import { PagingQuery } from '@lc/platform';
import { ORGANISATION_LEVELS, type OrganisationLevel } from '../organisations/organisation.entity';
import { PROVINCES } from '../pii/provinces';

export class CreateOrganisationDto {
  @ApiProperty({ example: 'Sở Tư pháp tỉnh Quảng Ninh' })
  @IsString()
  @Length(2, 200)
  name!: string;

  @ApiProperty({ enum: ORGANISATION_LEVELS })
  @IsIn(ORGANISATION_LEVELS as unknown as string[])
  level!: OrganisationLevel;

  @ApiPropertyOptional({ enum: PROVINCES, nullable: true, description: 'Required for province and commune levels; none for central' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsIn(PROVINCES as unknown as string[], { message: 'province must be one of the 34 provincial units' })
  province?: string | null;
}

/** Any of the fields; the level and province that result must agree (organisationPlace). */
export class UpdateOrganisationDto extends PartialType(CreateOrganisationDto) {}

export class OrganisationListQuery extends PagingQuery {
  @ApiPropertyOptional({ description: 'Part of the name (case-insensitive)' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
}

export class OrganisationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ORGANISATION_LEVELS }) level!: OrganisationLevel;
  @ApiProperty({ type: String, nullable: true, enum: PROVINCES }) province!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
}

export class OrganisationPage {
  @ApiProperty({ type: [OrganisationView] }) items!: OrganisationView[];
  @ApiProperty() total!: number;
}
