import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Roles } from '@lc/identity';
import { Page } from '@lc/platform';
import { CreateQuestionBankDto, ListQuestionBanksQuery } from './question-bank.dto';
import { QuestionBanksService, QuestionBankView } from './question-banks.service';

@ApiTags('question banks')
@ApiBearerAuth()
@Roles('admin', 'organiser', 'judge')
@Controller('question-banks')
export class QuestionBanksController {
  constructor(private readonly banks: QuestionBanksService) {}

  @Post()
  @Roles('admin', 'organiser')
  @ApiOperation({ summary: 'Create a question bank (organisers: in their organisation)' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateQuestionBankDto): Promise<QuestionBankView> {
    return this.banks.create(actor, dto);
  }

  @Get()
  list(@CurrentActor() actor: Actor, @Query() q: ListQuestionBanksQuery): Promise<Page<QuestionBankView>> {
    return this.banks.list(actor, q);
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<QuestionBankView> {
    return this.banks.get(actor, id);
  }
}
