import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { PagingQuery } from '@lc/platform';

export class CreateQuestionBankDto {
  @ApiProperty({ example: 'Ngân hàng câu hỏi Luật Bầu cử' })
  @IsString()
  @Length(2, 200)
  name!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiPropertyOptional({ description: 'Admins choose the organisation; organisers create banks in their own' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;
}

export class ListQuestionBanksQuery extends PagingQuery {
  @ApiPropertyOptional({ description: 'Admins: only this organisation' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;
}
