import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Actor, CurrentActor, Roles } from '@lc/identity';
import { ApiFileResponse, AppConfig, readUpload, XLSX_MEDIA_TYPE } from '@lc/platform';
import { ExportQuery } from './export.dto';
import { ExportQuestions } from './export-questions';
import { IMPORT_FORMATS } from './formats/types';
import { readImportOptions } from './import-options';
import { ImportQuestions } from './import-questions';
import { ImportReportResponse } from '../questions/question.responses';

@ApiTags('question banks')
@ApiBearerAuth()
@Roles('admin', 'organiser', 'judge')
@Controller('question-banks/:id')
export class TransferController {
  constructor(
    private readonly importer: ImportQuestions,
    private readonly exporter: ExportQuestions,
    private readonly config: AppConfig,
  ) {}

  @Post('import')
  @HttpCode(200)
  @ApiOperation({ summary: 'Import questions from a file, all or nothing (400 import_invalid lists every problem)' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiQuery({ name: 'format', enum: IMPORT_FORMATS, required: false })
  @ApiQuery({ name: 'dryRun', type: Boolean, required: false })
  @ApiQuery({ name: 'duplicates', enum: ['skip', 'keep'], required: false })
  @ApiOkResponse({ type: ImportReportResponse })
  async import(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: Record<string, unknown>,
    @Req() req: FastifyRequest,
  ): Promise<ImportReportResponse> {
    const upload = await readUpload(req, this.config.importMaxBytes);
    return this.importer.execute(actor, id, readImportOptions(query, upload.fields, upload.filename), upload.file);
  }

  @Get('export')
  @ApiOperation({ summary: 'Export the bank: xlsx, csv, gift, moodle-xml, aiken, or a printable answer-sheet (HTML)' })
  @ApiFileResponse(
    'The file; X-Export-Skipped counts questions the format cannot hold',
    XLSX_MEDIA_TYPE,
    'text/csv',
    'text/plain',
    'application/xml',
    'text/html',
  )
  async export(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() q: ExportQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const file = await this.exporter.execute(actor, id, q.format);
    void reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename="${file.filename}"`)
      .header('x-export-skipped', String(file.skipped))
      .header('access-control-expose-headers', 'content-disposition, x-export-skipped')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
    return file.content;
  }
}
