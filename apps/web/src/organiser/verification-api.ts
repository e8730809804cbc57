import { api, seg } from '../shared/api/client';
import type { VerificationOutcome, WinnerIdentity, WinnersList } from '../shared/api/verification-types';
import { downloadPosted } from '../shared/download';

export const verificationApi = {
  winners: (roundId: string) => api.request<WinnersList>(`/rounds/${seg(roundId)}/winners`),
  identity: (roundId: string, userId: string, reason: string) =>
    api.request<WinnerIdentity>(`/rounds/${seg(roundId)}/winners/${seg(userId)}/identity`, { method: 'POST', body: { reason } }),
  decide: (roundId: string, userId: string, status: 'verified' | 'disqualified', reason: string) =>
    api.request<VerificationOutcome>(`/rounds/${seg(roundId)}/winners/${seg(userId)}/verification`, { method: 'POST', body: { status, reason } }),
  payout: (roundId: string, format: 'xlsx' | 'csv', reason: string) =>
    downloadPosted(`/rounds/${seg(roundId)}/winners/payout-export`, { reason, format }, `chi-tra-giai-thuong.${format}`),
};
