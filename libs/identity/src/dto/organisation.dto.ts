import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { ORGANISATION_LEVELS } from '../organisations/organisation.entity';
import { PROVINCES } from '../pii/provinces';

export class CreateOrganisationDto {
  @ApiProperty({ example: 'Sở Tư pháp tỉnh Quảng Ninh' })
  @IsString()
  @Length(2, 200)
  name!: string;

  @ApiProperty({ enum: ORGANISATION_LEVELS })
  @IsIn(ORGANISATION_LEVELS as unknown as string[])
  level!: (typeof ORGANISATION_LEVELS)[number];

  @ApiPropertyOptional({ enum: PROVINCES })
  @IsOptional()
  @IsIn(PROVINCES as unknown as string[], { message: 'province must be one of the 34 provincial units' })
  province?: string;
}
