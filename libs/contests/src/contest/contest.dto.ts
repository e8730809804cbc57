import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { PagingQuery } from '@lc/platform';
import { CONTEST_STATUSES, type ContestStatus } from './contest.entity';
import { REGISTRATION_FIELD_NAME } from '../registration/registration-rules';

export class CreateContestDto {
  @ApiProperty() @IsString() @MinLength(3) @MaxLength(300) title!: string;
  @ApiPropertyOptional({ description: 'Lower-case letters, digits and dashes; made from the title when absent' })
  @IsOptional()
  @Matches(/^[a-z0-9](?:[a-z0-9-]{1,78}[a-z0-9])$/, { message: 'slug must be 3-80 lower-case letters, digits and dashes' })
  slug?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20_000) description?: string;
  @ApiPropertyOptional({ description: 'Rules text (thể lệ)' }) @IsOptional() @IsString() @MaxLength(100_000) rules?: string;
  @ApiPropertyOptional({ isArray: true, type: String })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  unitList?: string[];
  @ApiPropertyOptional({ isArray: true, type: String, example: ['unit', 'commune', 'dateOfBirth'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @Matches(REGISTRATION_FIELD_NAME, { each: true, message: 'each required field must be a camelCase name' })
  requiredFields?: string[];
  @ApiPropertyOptional({ description: 'Admins only: the owning organisation' }) @IsOptional() @IsUUID() organisationId?: string;
}

export class UpdateContestDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(3) @MaxLength(300) title?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[a-z0-9](?:[a-z0-9-]{1,78}[a-z0-9])$/, { message: 'slug must be 3-80 lower-case letters, digits and dashes' })
  slug?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() @MaxLength(20_000) description?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() @MaxLength(100_000) rules?: string | null;
  @ApiPropertyOptional({ isArray: true, type: String })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  unitList?: string[] | null;
  @ApiPropertyOptional({ isArray: true, type: String })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @Matches(REGISTRATION_FIELD_NAME, { each: true, message: 'each required field must be a camelCase name' })
  requiredFields?: string[];
}

export class ContestListQuery extends PagingQuery {
  @ApiPropertyOptional({ enum: CONTEST_STATUSES }) @IsOptional() @IsIn(CONTEST_STATUSES as unknown as string[]) status?: ContestStatus;
}
