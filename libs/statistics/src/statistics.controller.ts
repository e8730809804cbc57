import { Controller, Get, Param, ParseUUIDPipe, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { ContestStatisticsResponse, OrganisationReportResponse } from './common/statistics.responses';
import type { FastifyReply } from 'fastify';
import { type Actor, CurrentActor, Roles } from '@lc/identity';
import { badRequest, contentDisposition, XLSX_MEDIA_TYPE } from '@lc/platform';
import { workbookStream } from './common/workbook';
import { ContestStatisticsService } from './contest/contest-statistics.service';
import { contestSheets } from './contest/contest-workbook';
import { OrganisationReportService } from './report/organisation-report.service';
import { reportSheets } from './report/report-workbook';
import { ContestStatisticsQuery, OrganisationReportQuery } from './statistics.dto';

@ApiTags('statistics')
@ApiBearerAuth()
@ApiExtraModels(ContestStatisticsResponse, OrganisationReportResponse)
@Roles('admin', 'organiser', 'judge')
@Controller()
export class StatisticsController {
  constructor(
    private readonly contests: ContestStatisticsService,
    private readonly reports: OrganisationReportService,
  ) {}

  @Get('contests/:id/statistics')
  @ApiOperation({ summary: 'Entries per day and round, by place and unit, score distribution, per-question correct rate (JSON or XLSX)' })
  @ApiProduces('application/json', XLSX_MEDIA_TYPE)
  @ApiOkResponse({
    description: 'JSON, or the spreadsheet with ?format=xlsx',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(ContestStatisticsResponse) } },
      [XLSX_MEDIA_TYPE]: { schema: { type: 'string', format: 'binary' } },
    },
  })
  async contest(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() q: ContestStatisticsQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ContestStatisticsResponse | StreamableFile> {
    if (q.from && q.to && q.from > q.to)
      throw badRequest('invalid_period', 'from must not be after to', [{ field: 'to', problems: ['to must be on or after from'] }]);
    // A spreadsheet is complete or nothing: it may group every answer itself (the client waits longer for files).
    const stats = await this.contests.compute(actor, id, q.from ?? null, q.to ?? null, q.format === 'xlsx' ? Infinity : undefined);
    if (q.format !== 'xlsx') return stats;
    return this.xlsx(reply, `thong-ke-${stats.contest.slug}.xlsx`, workbookStream(contestSheets(stats), stats.contest.title));
  }

  @Get('organisations/:id/report')
  @ApiOperation({ summary: 'The half-year or annual report of an organisation, compared with the previous period (JSON or XLSX)' })
  @ApiProduces('application/json', XLSX_MEDIA_TYPE)
  @ApiOkResponse({
    description: 'JSON, or the spreadsheet with ?format=xlsx',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(OrganisationReportResponse) } },
      [XLSX_MEDIA_TYPE]: { schema: { type: 'string', format: 'binary' } },
    },
  })
  async report(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() q: OrganisationReportQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OrganisationReportResponse | StreamableFile> {
    const report = await this.reports.compute(actor, id, q.year, q.half ?? null);
    if (q.format !== 'xlsx') return report;
    const name = `bao-cao-${q.year}${q.half ? `-6-thang-${q.half === 1 ? 'dau' : 'cuoi'}` : ''}.xlsx`;
    return this.xlsx(reply, name, workbookStream(reportSheets(report), report.period.label));
  }

  private xlsx(reply: FastifyReply, filename: string, stream: NodeJS.ReadableStream): StreamableFile {
    void reply
      .header('content-type', XLSX_MEDIA_TYPE)
      .header('content-disposition', contentDisposition(filename))
      .header('access-control-expose-headers', 'content-disposition');
    return new StreamableFile(stream as import('node:stream').Readable);
  }
}
