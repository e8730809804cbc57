import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { TEMPLATE_FORMATS, TEMPLATE_LANGS, TemplateFormat, TemplateLang } from './import-template';

export class TemplateQuery {
  @ApiProperty({ enum: TEMPLATE_FORMATS })
  @IsIn(TEMPLATE_FORMATS as unknown as string[])
  format!: TemplateFormat;

  @ApiPropertyOptional({ enum: TEMPLATE_LANGS, default: 'vi', description: 'The language of the column names (both are accepted on import)' })
  @IsOptional()
  @IsIn(TEMPLATE_LANGS as unknown as string[])
  lang?: TemplateLang;
}
