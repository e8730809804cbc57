import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { IsAnswerValue } from '../common/is-answer-value';

export const OPAQUE_ID = /^[A-Za-z0-9_-]{1,32}$/;

export class SaveAnswerDto {
  @ApiPropertyOptional({ isArray: true, type: String, description: 'Option ids as given in this attempt (choice questions)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @Matches(OPAQUE_ID, { each: true, message: 'each option id must be an id from this attempt' })
  optionIds?: string[];

  @ApiPropertyOptional({
    oneOf: [{ type: 'string' }, { type: 'number' }],
    nullable: true,
    description: 'A number (numeric questions) or text (short answers); null clears the answer',
  })
  @IsOptional()
  @IsAnswerValue()
  value?: string | number | null;

  @ApiPropertyOptional({ description: 'Increases with each change of this answer on the client; an older one is refused as stale' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2_000_000_000)
  seq?: number;
}
