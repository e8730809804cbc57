import { api } from '../../shared/api/client';
import type { ChangePasswordBody, PasswordResetConfirmBody, PasswordResetRequested, ProfileUpdateBody, SessionResponse } from '../../shared/api/account-types';
import type { User } from '../../shared/api/types';
import { downloadFile } from '../../shared/download';

export const accountApi = {
  requestReset: (login: string) => api.post<PasswordResetRequested>('/auth/password-reset/request', { login }, { auth: false }),
  confirmReset: (body: PasswordResetConfirmBody) => api.post<SessionResponse>('/auth/password-reset/confirm', body, { auth: false }),
  changePassword: (body: ChangePasswordBody) => api.post<SessionResponse>('/me/password', body),
  updateProfile: (body: ProfileUpdateBody) => api.patch<User>('/me', body),
  signOutEverywhere: () => api.post<void>('/me/sign-out-everywhere', {}),
  deleteAccount: (password: string) => api.request<void>('/me', { method: 'DELETE', body: { password } }),
  downloadData: () => downloadFile('/me/data', {}, 'du-lieu-cua-toi.json'),
};
