import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { STAFF_ROLES } from '../users/user.entity';

export class CreateStaffUserDto {
  @ApiProperty() @IsString() @Length(2, 120) fullName!: string;
  @ApiProperty() @IsEmail() @MaxLength(254) email!: string;
  @ApiProperty({ required: false }) @IsOptional() @IsString() @MaxLength(20) phone?: string;
  @ApiProperty() @IsString() @Length(8, 128) password!: string;
  @ApiProperty({ enum: STAFF_ROLES }) @IsIn(STAFF_ROLES as unknown as string[]) role!: (typeof STAFF_ROLES)[number];
  @ApiProperty({ required: false, description: 'Required for organisers and judges' }) @IsOptional() @IsUUID() organisationId?: string;
}
