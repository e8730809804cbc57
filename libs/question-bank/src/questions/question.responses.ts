import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { QUESTION_TYPES, type QuestionType } from '../pool/question-pool.types';
import type { QuestionBankView } from '../banks/question-banks.service';
import type { ImportReport } from '../transfer/import-run';
import type { AnswerContent, NumericAnswer, OptionContent, ShortTextAnswer } from './question-content';
import type { QuestionWriteResult } from './questions.service';

/** Response bodies of the question-bank routes (OpenAPI; the web app's types are generated from them). */
export class QuestionBankResponse implements QuestionBankView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ type: 'integer', description: 'Current, non-archived questions' }) questionCount!: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: Date;
}

class QuestionOption implements OptionContent {
  @ApiProperty({ description: 'Stable across versions' }) id!: string;
  @ApiProperty() text!: string;
  @ApiProperty() correct!: boolean;
}

export class NumericAnswerResponse implements NumericAnswer {
  @ApiProperty() value!: number;
  @ApiProperty() tolerance!: number;
}

export class ShortTextAnswerResponse implements ShortTextAnswer {
  @ApiProperty({ type: [String] }) accepted!: string[];
  @ApiProperty() caseSensitive!: boolean;
  @ApiProperty() diacriticsSensitive!: boolean;
}

export class QuestionResponse implements QuestionWriteResult {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) bankId!: string;
  @ApiProperty({ format: 'uuid' }) versionId!: string;
  @ApiProperty({ type: 'integer', description: '1 for the original; an edit of a locked version adds one' }) version!: number;
  @ApiProperty({ description: "A round's pool holds this version: the next edit makes a new version" }) locked!: boolean;
  @ApiProperty({ enum: QUESTION_TYPES }) type!: QuestionType;
  @ApiProperty() stem!: string;
  @ApiProperty({ type: () => [QuestionOption] }) options!: QuestionOption[];
  @ApiProperty({
    nullable: true,
    oneOf: [{ $ref: getSchemaPath(NumericAnswerResponse) }, { $ref: getSchemaPath(ShortTextAnswerResponse) }],
    description: 'numeric: { value, tolerance }; short_text: { accepted, … }; otherwise null',
  })
  answer!: AnswerContent;
  @ApiProperty() points!: number;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 3 }) difficulty!: number;
  @ApiProperty({ type: String, nullable: true }) topic!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) topicId!: string | null;
  @ApiProperty({ type: String, nullable: true }) legalReference!: string | null;
  @ApiProperty({ type: String, nullable: true }) explanation!: string | null;
  @ApiProperty({ type: String, nullable: true }) rubric!: string | null;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) archivedAt!: Date | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: Date;
  @ApiPropertyOptional({ description: 'Create: false when an existing duplicate was returned (duplicates=skip)' }) created?: boolean;
  @ApiPropertyOptional({ description: 'Edit: true when the edit made a new version' }) newVersion?: boolean;
}

class ImportNote {
  @ApiProperty({ description: 'Where in the file: "line 12", "row 7" or the question\'s own ref' }) ref!: string;
  @ApiProperty() reason!: string;
}

class ImportProblemResponse {
  @ApiPropertyOptional({ type: 'integer' }) line?: number;
  @ApiPropertyOptional({ type: 'integer' }) row?: number;
  @ApiProperty() reason!: string;
}

export class ImportReportResponse implements ImportReport {
  @ApiProperty({ type: 'integer', description: 'Questions created (dryRun: that would be created)' }) imported!: number;
  @ApiProperty({ type: () => [ImportNote] }) skipped!: ImportNote[];
  @ApiProperty({ type: () => [ImportProblemResponse] }) errors!: ImportProblemResponse[];
  @ApiProperty({ type: 'integer' }) duplicates!: number;
  @ApiProperty({ type: () => [ImportNote] }) warnings!: ImportNote[];
  @ApiProperty() dryRun!: boolean;
}
