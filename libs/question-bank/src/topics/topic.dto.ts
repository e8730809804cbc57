import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';

export class CreateTopicDto {
  @ApiProperty({ maxLength: 200, example: 'Nguyên tắc bầu cử', description: 'One level: no "/"' }) @IsString() @MaxLength(200) name!: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'The parent topic; absent or null: a top-level topic' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  parentId?: string | null;
}

export class UpdateTopicDto {
  @ApiPropertyOptional({ maxLength: 200, description: 'A new name' }) @IsOptional() @IsString() @MaxLength(200) name?: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'Move under this topic; null: to the top level; absent: stay' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  parentId?: string | null;
}

export class TopicViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) parentId!: string | null;
  @ApiProperty({ example: 'Nguyên tắc' }) name!: string;
  @ApiProperty({ example: 'Bầu cử/Nguyên tắc', description: 'Levels joined by "/"; the list is in path order, parents first' }) path!: string;
  @ApiProperty({ description: 'Current questions filed directly under this topic' }) questionCount!: number;
}
