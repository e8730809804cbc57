import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, Length, Matches, MaxLength, ValidateIf } from 'class-validator';
import { PROVINCES } from '../pii/provinces';
import { NAME_PATTERN } from './register.dto';

export class ChangePasswordDto {
  @ApiProperty() @IsString() @Length(1, 128) currentPassword!: string;
  @ApiProperty({ minLength: 8, description: 'Not one of the most common passwords' }) @IsString() @Length(8, 128) newPassword!: string;
}

export class PasswordResetRequestDto {
  @ApiProperty({ description: 'The phone number (the code comes by SMS) or e-mail (by e-mail) of the account' })
  @IsString()
  @Length(3, 254)
  login!: string;
}

export class PasswordResetConfirmDto {
  @ApiProperty({ description: 'As given when asking for the code' }) @IsString() @Length(3, 254) login!: string;
  @ApiProperty({ example: '042917', description: 'The 6-digit code sent' })
  @IsString()
  @Matches(/^\d{6}$/, { message: 'code must be the 6 digits sent' })
  code!: string;
  @ApiProperty({ minLength: 8 }) @IsString() @Length(8, 128) newPassword!: string;
}

export class RefreshBodyDto {
  @ApiPropertyOptional({ description: 'Omit when the refresh token is in the httpOnly cookie (web app; send X-Session-Cookie: 1)' })
  @IsOptional()
  @IsString()
  @Length(10, 2000)
  refreshToken?: string;
}

export class PasswordResetRequestedDto {
  @ApiProperty({ description: 'The same answer whether or not an account uses this login' }) message!: string;
  @ApiProperty({ description: 'How long a code sent stays valid' }) codeValidSeconds!: number;
}

/**
 * What a resident corrects themselves. Name, national ID and date of birth decide prizes:
 * they are not here (the validation pipe refuses them), an organiser corrects them.
 */
export class UpdateProfileDto {
  @ApiPropertyOptional({ type: String, nullable: true, description: 'null removes it (sign-in by phone stays)' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsEmail()
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({ enum: PROVINCES })
  @IsOptional()
  @IsIn(PROVINCES as unknown as string[], { message: 'province must be one of the 34 provincial units' })
  province?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @Length(1, 120)
  @Matches(NAME_PATTERN, { message: 'commune contains invisible or control characters' })
  commune?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @Length(1, 200)
  @Matches(NAME_PATTERN, { message: 'unit contains invisible or control characters' })
  unit?: string | null;
}
