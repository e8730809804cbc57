import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, MaxLength } from 'class-validator';

export class ContestRegistrationDto {
  @ApiPropertyOptional({ description: "The entrant's unit; from the contest's unit list when it has one" })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  unit?: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Other fields the contest requires, by name',
    example: { position: 'Báo cáo viên pháp luật' },
  })
  @IsOptional()
  @IsObject()
  fields?: Record<string, string>;
}
