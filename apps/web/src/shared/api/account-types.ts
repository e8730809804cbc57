/** The account routes' bodies (sign-in, password change and reset, profile): aliases of the generated schemas. */
import type { components } from './schema';

type Schemas = components['schemas'];

/** Sign-in, sign-up, password change and reset answers; the web app asks for the refresh token in the httpOnly cookie, so it is absent. */
export type SessionResponse = Schemas['SessionResponse'];
/** POST /auth/password-reset/request: the same answer whether or not the account exists. */
export type PasswordResetRequested = Schemas['PasswordResetRequestedDto'];
export type ChangePasswordBody = Schemas['ChangePasswordDto'];
export type PasswordResetConfirmBody = Schemas['PasswordResetConfirmDto'];
/** PATCH /me: what a resident corrects themselves (null clears an optional one). */
export type ProfileUpdateBody = Schemas['UpdateProfileDto'];
