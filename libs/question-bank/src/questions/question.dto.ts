import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { PagingQuery } from '@lc/platform';
import { QUESTION_TYPES, QuestionType } from '../pool/question-pool.types';
import { LIMITS } from './question-limits';

export class OptionDto {
  @ApiPropertyOptional({ description: "Keep an option's id when editing, so answer keys stay stable" })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  id?: string;

  @ApiProperty()
  @IsString()
  @MaxLength(LIMITS.option)
  text!: string;

  @ApiProperty()
  @IsBoolean()
  correct!: boolean;
}

export class AnswerDto {
  @ApiPropertyOptional({ description: 'numeric: the correct value' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value?: number;

  @ApiPropertyOptional({ description: 'numeric: accepted distance from value', default: 0 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  tolerance?: number;

  @ApiPropertyOptional({ type: [String], description: 'short_text: accepted answers' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIMITS.accepted)
  @IsString({ each: true })
  accepted?: string[];

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  caseSensitive?: boolean;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  diacriticsSensitive?: boolean;
}

export class CreateQuestionDto {
  @ApiProperty({ enum: QUESTION_TYPES })
  @IsIn(QUESTION_TYPES as unknown as string[])
  type!: QuestionType;

  @ApiProperty({ example: 'Công dân đủ bao nhiêu tuổi trở lên thì có quyền bầu cử?' })
  @IsString()
  @MaxLength(LIMITS.stem)
  stem!: string;

  @ApiPropertyOptional({ type: [OptionDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIMITS.options)
  @ValidateNested({ each: true })
  @Type(() => OptionDto)
  options?: OptionDto[];

  @ApiPropertyOptional({ type: AnswerDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => AnswerDto)
  answer?: AnswerDto | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Luật Bầu cử 2015/Chương I', description: 'Topic path, levels separated by /' })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.topicPath)
  topic?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Luật Bầu cử ĐBQH và đại biểu HĐND 2015, Điều 2' })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.legalReference)
  legalReference?: string | null;

  @ApiPropertyOptional({ minimum: 1, maximum: 3, default: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3)
  difficulty?: number;

  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  points?: number;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.explanation)
  explanation?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Essay: guidance for judges' })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.rubric)
  rubric?: string | null;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIMITS.tags)
  @IsString({ each: true })
  tags?: string[];
}

export class UpdateQuestionDto extends PartialType(CreateQuestionDto) {}

const DUPLICATE_MODES = ['skip', 'keep'] as const;
export type DuplicateMode = (typeof DUPLICATE_MODES)[number];

export class DuplicatesQuery {
  @ApiPropertyOptional({
    enum: DUPLICATE_MODES,
    description: 'When the bank already holds the same text: skip (return the existing question) or keep (add it anyway). Default: 409.',
  })
  @IsOptional()
  @IsIn(DUPLICATE_MODES as unknown as string[])
  duplicates?: DuplicateMode;
}

export class ListQuestionsQuery extends PagingQuery {
  @ApiPropertyOptional({ description: 'Topic id or path; subtopics included' })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.topicPath)
  topic?: string;

  @ApiPropertyOptional({ enum: QUESTION_TYPES })
  @IsOptional()
  @IsIn(QUESTION_TYPES as unknown as string[])
  type?: QuestionType;

  @ApiPropertyOptional({ minimum: 1, maximum: 3 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3)
  difficulty?: number;

  @ApiPropertyOptional({ description: 'Text search ignoring case and diacritics ("bau cu" finds "bầu cử")' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.tag)
  tag?: string;

  @ApiPropertyOptional({ description: 'true: list archived questions instead' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  archived?: boolean;
}
