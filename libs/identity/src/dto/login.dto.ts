import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class LoginDto {
  @ApiProperty({ description: 'Phone number or e-mail' })
  @IsString()
  @Length(3, 254)
  login!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 128)
  password!: string;
}
