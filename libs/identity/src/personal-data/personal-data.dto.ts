import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

/** Deleting an account asks for the password again: a stolen access token alone cannot erase it. */
export class DeleteAccountDto {
  @ApiProperty({ description: 'The current password' })
  @IsString()
  @Length(1, 128)
  password!: string;
}
