import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Roles } from '@lc/identity';
import { Page, PageOf } from '@lc/platform';
import { CreateQuestionDto, DuplicatesQuery, ListQuestionsQuery, UpdateQuestionDto } from './question.dto';
import { QuestionsService, QuestionWriteResult } from './questions.service';
import { NumericAnswerResponse, QuestionResponse, ShortTextAnswerResponse } from './question.responses';

@ApiTags('question banks')
@ApiBearerAuth()
@ApiExtraModels(NumericAnswerResponse, ShortTextAnswerResponse)
@Roles('admin', 'organiser', 'judge')
@Controller('question-banks/:id/questions')
export class QuestionsController {
  constructor(private readonly questions: QuestionsService) {}

  @Post()
  @ApiOperation({ summary: 'Add a question (409 duplicate_question when the bank holds the same text, unless ?duplicates=skip|keep)' })
  @ApiCreatedResponse({ type: QuestionResponse })
  create(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateQuestionDto,
    @Query() q: DuplicatesQuery,
  ): Promise<QuestionResponse> {
    return this.questions.create(actor, id, dto, q.duplicates);
  }

  @Get()
  @ApiOperation({ summary: 'Search and filter questions (text search ignores case and diacritics)' })
  @ApiOkResponse({ type: PageOf(QuestionResponse) })
  list(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Query() q: ListQuestionsQuery): Promise<Page<QuestionResponse>> {
    return this.questions.list(actor, id, q);
  }

  @Get(':questionId')
  @ApiOkResponse({ type: QuestionResponse })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('questionId', ParseUUIDPipe) questionId: string): Promise<QuestionResponse> {
    return this.questions.get(actor, id, questionId);
  }

  @Patch(':questionId')
  @ApiOperation({ summary: 'Edit a question; a version a round has frozen is kept and the edit becomes a new version' })
  @ApiOkResponse({ type: QuestionResponse })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('questionId', ParseUUIDPipe) questionId: string,
    @Body() dto: UpdateQuestionDto,
    @Query() q: DuplicatesQuery,
  ): Promise<QuestionWriteResult> {
    return this.questions.update(actor, id, questionId, dto, q.duplicates);
  }

  @Delete(':questionId')
  @ApiOperation({ summary: 'Archive a question (frozen pools keep it)' })
  @ApiOkResponse({ type: QuestionResponse })
  archive(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('questionId', ParseUUIDPipe) questionId: string,
  ): Promise<QuestionResponse> {
    return this.questions.archive(actor, id, questionId);
  }
}
