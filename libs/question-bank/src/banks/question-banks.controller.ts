import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Roles } from '@lc/identity';
import { Page, PageOf } from '@lc/platform';
import { CreateQuestionBankDto, ListQuestionBanksQuery } from './question-bank.dto';
import { QuestionBanksService } from './question-banks.service';
import { QuestionBankResponse } from '../questions/question.responses';

@ApiTags('question banks')
@ApiBearerAuth()
@Roles('admin', 'organiser', 'judge')
@Controller('question-banks')
export class QuestionBanksController {
  constructor(private readonly banks: QuestionBanksService) {}

  @Post()
  @Roles('admin', 'organiser')
  @ApiOperation({ summary: 'Create a question bank (organisers: in their organisation)' })
  @ApiCreatedResponse({ type: QuestionBankResponse })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateQuestionBankDto): Promise<QuestionBankResponse> {
    return this.banks.create(actor, dto);
  }

  @Get()
  @ApiOkResponse({ type: PageOf(QuestionBankResponse) })
  list(@CurrentActor() actor: Actor, @Query() q: ListQuestionBanksQuery): Promise<Page<QuestionBankResponse>> {
    return this.banks.list(actor, q);
  }

  @Get(':id')
  @ApiOkResponse({ type: QuestionBankResponse })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<QuestionBankResponse> {
    return this.banks.get(actor, id);
  }
}
