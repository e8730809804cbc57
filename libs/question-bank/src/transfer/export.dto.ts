import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { EXPORT_FORMATS, ExportFormat } from './formats/types';

export class ExportQuery {
  @ApiProperty({ enum: EXPORT_FORMATS, description: 'answer-sheet: a printable HTML answer key' })
  @IsIn(EXPORT_FORMATS as unknown as string[])
  format!: ExportFormat;
}
