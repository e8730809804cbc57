import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Roles } from '@lc/identity';
import { Page } from '@lc/platform';
import { CreateQuestionDto, DuplicatesQuery, ListQuestionsQuery, UpdateQuestionDto } from './question.dto';
import { QuestionView } from './question-view';
import { QuestionsService, QuestionWriteResult } from './questions.service';

@ApiTags('question banks')
@ApiBearerAuth()
@Roles('admin', 'organiser', 'judge')
@Controller('question-banks/:id/questions')
export class QuestionsController {
  constructor(private readonly questions: QuestionsService) {}

  @Post()
  @ApiOperation({ summary: 'Add a question (409 duplicate_question when the bank holds the same text, unless ?duplicates=skip|keep)' })
  create(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateQuestionDto, @Query() q: DuplicatesQuery): Promise<QuestionWriteResult> {
    return this.questions.create(actor, id, dto, q.duplicates);
  }

  @Get()
  @ApiOperation({ summary: 'Search and filter questions (text search ignores case and diacritics)' })
  list(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Query() q: ListQuestionsQuery): Promise<Page<QuestionView>> {
    return this.questions.list(actor, id, q);
  }

  @Get(':questionId')
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('questionId', ParseUUIDPipe) questionId: string): Promise<QuestionView> {
    return this.questions.get(actor, id, questionId);
  }

  @Patch(':questionId')
  @ApiOperation({ summary: 'Edit a question; a version a round has frozen is kept and the edit becomes a new version' })
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
  archive(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('questionId', ParseUUIDPipe) questionId: string): Promise<QuestionView> {
    return this.questions.archive(actor, id, questionId);
  }
}
