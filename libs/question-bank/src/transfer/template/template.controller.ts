import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '@lc/identity';
import { contentDisposition } from '@lc/platform';
import { TemplateQuery } from './template.dto';
import { templateFileName, writeTemplate } from './import-template';

@ApiTags('question banks')
@ApiBearerAuth()
@Roles('admin', 'organiser', 'judge')
@Controller('question-banks/import-template')
export class ImportTemplateController {
  @Get()
  @ApiOperation({ summary: 'The import template: a header row and one example per question type (XLSX adds a guide sheet; CSV is UTF-8 with BOM)' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv')
  @ApiOkResponse({ description: 'The template file', schema: { type: 'string', format: 'binary' } })
  async download(@Query() q: TemplateQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const lang = q.lang ?? 'vi';
    const file = await writeTemplate(q.format, lang);
    void reply
      .header('content-type', file.contentType)
      .header('content-disposition', contentDisposition(templateFileName(q.format, lang)))
      .header('access-control-expose-headers', 'content-disposition');
    return file.content;
  }
}
