import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateIf } from 'class-validator';
import { PagingQuery } from '@lc/platform';
import { ROLES, STAFF_ROLES, type StaffRole } from '../users/user.entity';

export class CreateStaffUserDto {
  @ApiProperty() @IsString() @Length(2, 120) fullName!: string;
  @ApiProperty() @IsEmail() @MaxLength(254) email!: string;
  @ApiProperty({ required: false }) @IsOptional() @IsString() @MaxLength(20) phone?: string;
  @ApiProperty() @IsString() @Length(8, 128) password!: string;
  @ApiProperty({ enum: STAFF_ROLES }) @IsIn(STAFF_ROLES as unknown as string[]) role!: StaffRole;
  @ApiProperty({ required: false, description: 'Required for organisers and judges' }) @IsOptional() @IsUUID() organisationId?: string;
}

export class UserListQuery extends PagingQuery {
  @ApiPropertyOptional({ enum: ROLES, description: 'Without it: staff accounts only' }) @IsOptional() @IsIn(ROLES as unknown as string[]) role?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() organisationId?: string;
  @ApiPropertyOptional({ description: 'Part of the name or e-mail (case-insensitive)' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional({ description: 'true: active accounts only; false: deactivated only' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;
}

export class UpdateStaffUserDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(2, 120) fullName?: string;
  @ApiPropertyOptional({ enum: STAFF_ROLES }) @IsOptional() @IsIn(STAFF_ROLES as unknown as string[]) role?: StaffRole;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'null only for admins' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  organisationId?: string | null;
  @ApiPropertyOptional({ description: 'false deactivates (signs the user out everywhere), true reactivates' }) @IsOptional() @IsBoolean() active?: boolean;
}

export class ResetPasswordDto {
  @ApiPropertyOptional({ description: 'The new temporary password; omit to have one generated (returned once)' })
  @IsOptional()
  @IsString()
  @Length(8, 128)
  password?: string;
}

export class StaffUserView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Masked; null for organisers looking up judges' }) phone!: string | null;
  @ApiProperty({ enum: ROLES }) role!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) organisationId!: string | null;
  @ApiProperty({ type: String, nullable: true }) organisationName!: string | null;
  @ApiProperty() active!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deactivatedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
}

export class StaffUserPage {
  @ApiProperty({ type: [StaffUserView] }) items!: StaffUserView[];
  @ApiProperty() total!: number;
}

export class PasswordResetView {
  @ApiProperty({ type: StaffUserView }) user!: StaffUserView;
  @ApiProperty({ type: String, nullable: true, description: 'The generated password, shown this once; null when the admin chose it' }) temporaryPassword!:
    string | null;
}
