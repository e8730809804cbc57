import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';

export class LiveAnswerDto {
  @ApiProperty({ description: 'The id of the question showing (live:question / GET state)' }) @IsString() @MaxLength(64) questionId!: string;
  @ApiProperty({ type: [String], description: 'The chosen option ids (one for single and true_false)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  optionIds!: string[];
}

/** Host moves may name the index they move from: a second press (or another console) is refused, not applied twice. */
export class LiveMoveDto {
  @ApiPropertyOptional({ type: 'integer', minimum: -1, description: 'next/reveal: the index the host sees now (-1 before the first question)' })
  @IsOptional()
  @IsInt()
  @Min(-1)
  fromIndex?: number;
}
