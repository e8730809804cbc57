import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Roles } from '@lc/identity';
import { CreateTopicDto, TopicViewDto, UpdateTopicDto } from './topic.dto';
import { TopicsService, TopicView } from './topics.service';

@ApiTags('question banks')
@ApiBearerAuth()
@Roles('admin', 'organiser', 'judge')
@Controller('question-banks/:id/topics')
export class TopicsController {
  constructor(private readonly topics: TopicsService) {}

  @Get()
  @ApiOperation({ summary: "The bank's topic tree, flat, parents before children" })
  @ApiOkResponse({ type: [TopicViewDto] })
  list(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<TopicView[]> {
    return this.topics.list(actor, id);
  }

  @Post()
  @Roles('admin', 'organiser')
  @ApiOperation({ summary: 'Create a topic (409 topic_exists when the bank has that path)' })
  @ApiCreatedResponse({ type: TopicViewDto })
  create(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateTopicDto): Promise<TopicView> {
    return this.topics.create(actor, id, dto);
  }

  @Patch(':topicId')
  @Roles('admin', 'organiser')
  @ApiOperation({ summary: 'Rename and/or move a topic with its subtopics (400 topic_cycle under itself, 409 topic_exists)' })
  @ApiOkResponse({ type: TopicViewDto })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('topicId', ParseUUIDPipe) topicId: string,
    @Body() dto: UpdateTopicDto,
  ): Promise<TopicView> {
    return this.topics.update(actor, id, topicId, dto);
  }

  @Delete(':topicId')
  @HttpCode(204)
  @Roles('admin', 'organiser')
  @ApiOperation({ summary: 'Delete an empty topic (409 topic_not_empty / topic_in_use says what it still holds)' })
  @ApiNoContentResponse()
  remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('topicId', ParseUUIDPipe) topicId: string): Promise<void> {
    return this.topics.remove(actor, id, topicId);
  }
}
