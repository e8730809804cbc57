import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Equals, IsBoolean, IsEmail, IsIn, IsISO8601, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { PROVINCES } from '../pii/provinces';
import { NoLookalikeScripts } from './name-script';

// Letters and ordinary punctuation only: no control, zero-width or bidi characters, no markup.
// eslint-disable-next-line no-control-regex
export const NAME_PATTERN = /^[^\u0000-\u001f\u007f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff<>]+$/u;

export class SignUpDto {
  @ApiProperty({ example: 'Nguyễn Văn An' })
  @IsString()
  @Length(2, 120)
  @Matches(NAME_PATTERN, { message: 'fullName contains invisible or control characters' })
  @NoLookalikeScripts()
  fullName!: string;

  @ApiProperty({ example: '0912345678', description: 'Vietnamese mobile number' })
  @IsString()
  @MaxLength(20)
  phone!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiProperty({ minLength: 8 })
  @IsString()
  @Length(8, 128)
  password!: string;

  @ApiProperty({ example: '001203004789', description: 'CCCD, 12 digits; stored as a keyed hash and ciphertext, never returned in full' })
  @IsString()
  @Matches(/^\d{12}$/, { message: 'nationalId must be exactly 12 digits' })
  nationalId!: string;

  @ApiProperty({ example: '1990-05-17' })
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dateOfBirth must be YYYY-MM-DD' })
  dateOfBirth!: string;

  @ApiProperty({ enum: PROVINCES })
  @IsIn(PROVINCES as unknown as string[], { message: 'province must be one of the 34 provincial units' })
  province!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 120)
  commune?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 200)
  unit?: string;

  @ApiProperty({ description: 'Explicit consent to the processing of personal data (Decree 13/2023)' })
  @IsBoolean()
  @Equals(true, { message: 'consent must be given to register' })
  consent!: boolean;

  @ApiPropertyOptional({ description: "Required for residents under 16: the guardian's full name" })
  @IsOptional()
  @IsString()
  @Length(2, 120)
  guardianName?: string;

  @ApiPropertyOptional({ description: "Required for residents under 16: the guardian's consent" })
  @IsOptional()
  @IsBoolean()
  guardianConsent?: boolean;
}
