import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, Matches, Max, Min } from 'class-validator';

export const STATISTICS_FORMATS = ['json', 'xlsx'] as const;
export type StatisticsFormat = (typeof STATISTICS_FORMATS)[number];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class ContestStatisticsQuery {
  @ApiPropertyOptional({ enum: STATISTICS_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(STATISTICS_FORMATS as unknown as string[])
  format?: StatisticsFormat;

  @ApiPropertyOptional({ description: 'First day counted (YYYY-MM-DD, Vietnam time), inclusive', example: '2026-05-01' })
  @IsOptional()
  @Matches(DAY, { message: 'from must be a day written YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'from must be a real calendar day' })
  from?: string;

  @ApiPropertyOptional({ description: 'Last day counted (YYYY-MM-DD, Vietnam time), inclusive', example: '2026-05-31' })
  @IsOptional()
  @Matches(DAY, { message: 'to must be a day written YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'to must be a real calendar day' })
  to?: string;
}

export class OrganisationReportQuery {
  @ApiProperty({ example: 2026 })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiPropertyOptional({ enum: [1, 2], description: '1: January–June, 2: July–December; omit for the whole year' })
  @IsOptional()
  @Type(() => Number)
  @IsIn([1, 2])
  half?: 1 | 2;

  @ApiPropertyOptional({ enum: STATISTICS_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(STATISTICS_FORMATS as unknown as string[])
  format?: StatisticsFormat;
}
