import { Readable } from 'node:stream';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type Actor, CurrentActor, Roles } from '@lc/identity';
import { ApiFileResponse, contentDisposition, Page, PageOf, PagingQuery, XLSX_MEDIA_TYPE } from '@lc/platform';
import { CloseRound } from './close/close-round';
import { CorrectResults, CorrectionPreview } from './corrections/correct-results';
import { CorrectionPeople } from './corrections/correction-people';
import { CorrectionPeopleQuery, CorrectionPeoplePageDto, CorrectionPreviewDto } from './corrections/corrections.dto';
import { ResultDocuments } from './documents/result-documents';
import { ExportJobs } from './exports/export-jobs';
import { PublishResults } from './publish/publish-results';
import { ResultsQuery } from './read/results-query';
import { AttemptReview } from './review/attempt-review';
import { CloseRoundDto, CorrectionDto, ExportQueryDto, ExportRequestDto, ReasonDto, ResultsPageQuery, WithheldKeysDto } from './results.dto';
import {
  CloseOutcomeResponse,
  CorrectionResponse,
  ExportResponse,
  PlaceExplanationResponse,
  PublishOutcomeResponse,
  ResidentResultsResponse,
  ReviewOutcomeResponse,
  StaffResultsResponse,
} from './results.responses';

/** Streams a file to the response; a client that goes away stops the producer (and its cursor). */
function attach(reply: FastifyReply, stream: Readable, contentType: string, fileName: string): StreamableFile {
  void reply
    .header('content-type', contentType)
    .header('content-disposition', contentDisposition(fileName))
    .header('access-control-expose-headers', 'content-disposition');
  reply.raw.on('close', () => {
    if (!stream.readableEnded) stream.destroy(new Error('client closed the connection'));
  });
  return new StreamableFile(stream);
}

@ApiTags('results')
@ApiBearerAuth()
@ApiExtraModels(StaffResultsResponse, ResidentResultsResponse)
@Controller()
export class ResultsController {
  constructor(
    private readonly closing: CloseRound,
    private readonly publishing: PublishResults,
    private readonly corrections: CorrectResults,
    private readonly reviews: AttemptReview,
    private readonly queries: ResultsQuery,
    private readonly documents: ResultDocuments,
    private readonly jobs: ExportJobs,
    private readonly people: CorrectionPeople,
  ) {}

  @Post('rounds/:id/close')
  @HttpCode(200)
  @Roles('organiser', 'judge', 'admin')
  @ApiOperation({ summary: 'Close the round: finalise attempts in progress, rank by the rules, store the provisional result with its audit' })
  @ApiOkResponse({ type: CloseOutcomeResponse })
  close(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto?: CloseRoundDto): Promise<CloseOutcomeResponse> {
    return this.closing.execute(actor, id, dto ?? {});
  }

  @Get('rounds/:id/results')
  @ApiOperation({ summary: 'Staff: the full ranking (paged) once closed; residents: winners and their own place once published' })
  @ApiOkResponse({
    description: 'Staff: the full ranking (paged); residents: the winners and their own place, once published',
    schema: { oneOf: [{ $ref: getSchemaPath(StaffResultsResponse) }, { $ref: getSchemaPath(ResidentResultsResponse) }] },
  })
  results(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() q: ResultsPageQuery,
  ): Promise<StaffResultsResponse | ResidentResultsResponse> {
    return this.queries.results(actor, id, q);
  }

  @Get('rounds/:id/results/explain/:userId')
  @ApiOperation({ summary: 'Why this place: the rules, the counted attempt and what separated the neighbours' })
  @ApiOkResponse({ type: PlaceExplanationResponse })
  explain(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('userId', ParseUUIDPipe) userId: string,
  ): Promise<PlaceExplanationResponse> {
    return this.queries.explain(actor, id, userId);
  }

  @Post('rounds/:id/results/publish')
  @HttpCode(200)
  @Roles('organiser', 'judge', 'admin')
  @ApiOperation({
    summary:
      'Publish the provisional results (answer key and true leaderboard become visible; keys another round still draws stay withheld, listed in the answer)',
  })
  @ApiOkResponse({ type: PublishOutcomeResponse })
  publish(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<PublishOutcomeResponse> {
    return this.publishing.execute(actor, id);
  }

  @Get('rounds/:id/results/withheld-keys')
  @Roles('organiser', 'judge', 'admin')
  @ApiOperation({
    summary: 'Before publishing: the questions of this round whose keys entrants will not see yet (another scheduled or open round draws them), and until when',
  })
  @ApiOkResponse({ type: WithheldKeysDto })
  withheldKeys(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.publishing.withheldKeys(actor, id);
  }

  @Post('rounds/:id/results/corrections')
  @Roles('organiser', 'judge', 'admin')
  @ApiOperation({ summary: 'Audited correction of published results: void / reinstate attempts, fix the prediction value, re-rank' })
  @ApiCreatedResponse({ type: CorrectionResponse })
  correct(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CorrectionDto): Promise<CorrectionResponse> {
    return this.corrections.execute(actor, id, dto);
  }

  @Post('rounds/:id/results/corrections/preview')
  @HttpCode(200)
  @Roles('organiser', 'judge', 'admin')
  @ApiOperation({
    summary: 'What a correction would change (rank, score, prize per person), checked and computed exactly as confirming would, without storing anything',
  })
  @ApiOkResponse({ type: CorrectionPreviewDto })
  previewCorrection(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CorrectionDto): Promise<CorrectionPreview> {
    return this.corrections.preview(actor, id, dto);
  }

  @Get('rounds/:id/results/people')
  @Roles('organiser', 'judge', 'admin')
  @ApiOperation({ summary: 'The people of the round with their attempts, found by name, masked phone or rank: whom a correction can concern' })
  @ApiOkResponse({ type: CorrectionPeoplePageDto })
  correctionPeople(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Query() q: CorrectionPeopleQuery) {
    return this.people.find(actor, id, q);
  }

  @Get('rounds/:id/results/corrections')
  @Roles('organiser', 'judge', 'admin')
  @ApiOkResponse({ type: PageOf(CorrectionResponse) })
  listCorrections(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Query() q: PagingQuery): Promise<Page<CorrectionResponse>> {
    return this.corrections.list(actor, id, q);
  }

  @Post('attempts/:id/void')
  @HttpCode(200)
  @Roles('organiser', 'judge', 'admin')
  @ApiOperation({ summary: 'Void an attempt with a reason (before publication)' })
  @ApiOkResponse({ type: ReviewOutcomeResponse })
  void(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReasonDto): Promise<ReviewOutcomeResponse> {
    return this.reviews.execute(actor, id, 'void', dto.reason);
  }

  @Post('attempts/:id/reinstate')
  @HttpCode(200)
  @Roles('organiser', 'judge', 'admin')
  @ApiOperation({ summary: 'Reinstate a void attempt with a reason (before publication)' })
  @ApiOkResponse({ type: ReviewOutcomeResponse })
  reinstate(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReasonDto): Promise<ReviewOutcomeResponse> {
    return this.reviews.execute(actor, id, 'reinstate', dto.reason);
  }

  @Post('attempts/:id/clear')
  @HttpCode(200)
  @Roles('organiser', 'judge', 'admin')
  @ApiOperation({ summary: 'Review a flagged attempt and keep it, with a reason (audited): it may then win a prize' })
  @ApiOkResponse({ type: ReviewOutcomeResponse })
  clear(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReasonDto) {
    return this.reviews.clear(actor, id, dto.reason);
  }

  @Get('rounds/:id/results/export')
  @Roles('organiser', 'judge', 'admin')
  @ApiOperation({ summary: 'The ranking or winners as XLSX / CSV, streamed from PostgreSQL (IDs and phones masked, formulas neutralised)' })
  @ApiFileResponse('The ranking or the winners as a spreadsheet', XLSX_MEDIA_TYPE, 'text/csv')
  async export(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() q: ExportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const f = await this.jobs.now(actor, id, q.format, q.scope ?? 'ranking');
    return attach(reply, f.stream, f.contentType, f.fileName);
  }

  @Post('rounds/:id/results/exports')
  @HttpCode(202)
  @Roles('organiser', 'judge', 'admin')
  @ApiOperation({ summary: 'Queue an export for the worker (big rounds); poll GET /exports/:id' })
  @ApiAcceptedResponse({ type: ExportResponse })
  requestExport(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ExportRequestDto): Promise<ExportResponse> {
    return this.jobs.request(actor, id, dto.format, dto.scope ?? 'ranking');
  }

  @Get('exports/:id')
  @Roles('organiser', 'judge', 'admin')
  @ApiOkResponse({ type: ExportResponse })
  exportStatus(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ExportResponse> {
    return this.jobs.get(actor, id);
  }

  @Get('exports/:id/download')
  @Roles('organiser', 'judge', 'admin')
  @ApiFileResponse('The finished export', XLSX_MEDIA_TYPE, 'text/csv')
  async download(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const f = await this.jobs.download(actor, id);
    if (f.bytes !== null) void reply.header('content-length', String(f.bytes));
    return attach(reply, f.stream, f.contentType, f.fileName);
  }

  @Get('rounds/:id/results/decision.pdf')
  @Roles('organiser', 'judge', 'admin')
  @ApiOperation({ summary: 'The award decision (Quyết định khen thưởng) listing the winners' })
  @ApiFileResponse('The award decision', 'application/pdf')
  async decision(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const doc = await this.documents.decision(actor, id);
    return attach(reply, doc as unknown as Readable, 'application/pdf', 'quyet-dinh-khen-thuong.pdf');
  }

  @Get('rounds/:id/results/certificates.pdf')
  @Roles('organiser', 'judge', 'admin')
  @ApiOperation({ summary: "Every winner's certificate, one page each" })
  @ApiFileResponse("Every winner's certificate", 'application/pdf')
  async certificates(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const doc = await this.documents.certificates(actor, id);
    return attach(reply, doc as unknown as Readable, 'application/pdf', 'giay-chung-nhan.pdf');
  }

  @Get('rounds/:id/results/certificates/:userId.pdf')
  @ApiOperation({ summary: "One winner's certificate (staff, or the winner once published)" })
  @ApiFileResponse("One winner's certificate", 'application/pdf')
  async certificate(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const doc = await this.documents.certificates(actor, id, userId);
    return attach(reply, doc as unknown as Readable, 'application/pdf', `giay-chung-nhan-${userId.slice(0, 8)}.pdf`);
  }
}
