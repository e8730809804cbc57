import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Session } from '../auth/auth.service';
import type { UserView } from '../users/user-view';
import { ROLES } from '../users/user.entity';

/** Response bodies of the identity routes, documented in OpenAPI (the web app's types are generated from them). */
export class UserResponse implements UserView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ enum: ROLES }) role!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) organisationId!: string | null;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Masked (e.g. 09•••••123), except in GET /me/data' }) phone!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Masked, except in GET /me/data' }) nationalId!: string | null;
  @ApiProperty({ type: String, nullable: true }) province!: string | null;
  @ApiProperty({ type: String, nullable: true }) commune!: string | null;
  @ApiProperty({ type: String, nullable: true }) unit!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) dateOfBirth!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class SessionResponse implements Omit<Session, 'refreshToken'> {
  @ApiProperty() accessToken!: string;
  @ApiPropertyOptional({ description: 'Absent when the request asked for the httpOnly cookie (X-Session-Cookie: 1)' }) refreshToken?: string;
  @ApiProperty({ type: 'integer', description: 'Seconds until the access token expires' }) expiresIn!: number;
  @ApiProperty({ type: () => UserResponse }) user!: UserResponse;
}
