import { RefreshToken } from './auth/refresh-token.entity';
import { Organisation } from './organisations/organisation.entity';
import { User } from './users/user.entity';

export const IDENTITY_ENTITIES = [Organisation, User, RefreshToken];
