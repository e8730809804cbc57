import type { User } from './types';

/** Sign-in, sign-up, password change and reset answers; the refresh token is in the httpOnly cookie, not here. */
export interface SessionResponse {
  accessToken: string;
  expiresIn?: number;
  user: User;
}

/** POST /auth/password-reset/request: the same answer whether or not the account exists. */
export interface PasswordResetRequested {
  message: string;
  codeValidSeconds: number;
}

export interface ChangePasswordBody {
  currentPassword: string;
  newPassword: string;
}

export interface PasswordResetConfirmBody {
  login: string;
  code: string;
  newPassword: string;
}

/** PATCH /me: what a resident corrects themselves (null clears an optional one). */
export interface ProfileUpdateBody {
  email?: string | null;
  province?: string;
  commune?: string | null;
  unit?: string | null;
}
