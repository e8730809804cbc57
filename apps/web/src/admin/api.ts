import { api, seg } from '../shared/api/client';
import type { Organisation, PasswordReset, RoundJudge, StaffImportReport, StaffRole, StaffUser } from '../shared/api/admin-types';
import type { components, operations } from '../shared/api/schema';
import type { Page } from '../shared/api/types';
import { downloadFile } from '../shared/download';

/** POST /organisations, PATCH /organisations/:id */
export type OrganisationBody = components['schemas']['CreateOrganisationDto'];

/** POST /users */
export type StaffBody = components['schemas']['CreateStaffUserDto'];

/** GET /users: the staff list's filters and page. */
export type StaffQuery = NonNullable<operations['UsersController_list']['parameters']['query']>;

export const adminApi = {
  organisations: (query: { q?: string; limit: number; offset: number }) => api.get<Page<Organisation>>('/organisations', query),
  createOrganisation: (body: OrganisationBody) => api.post<Organisation>('/organisations', body),
  updateOrganisation: (id: string, body: Partial<OrganisationBody>) => api.patch<Organisation>(`/organisations/${seg(id)}`, body),

  staff: (query: StaffQuery) => api.get<Page<StaffUser>>('/users', { ...query }),
  createStaff: (body: StaffBody) => api.post<StaffUser>('/users', body),
  updateStaff: (id: string, body: { fullName?: string; role?: StaffRole; organisationId?: string | null; active?: boolean }) =>
    api.patch<StaffUser>(`/users/${seg(id)}`, body),
  resetPassword: (id: string, password?: string) => api.post<PasswordReset>(`/users/${seg(id)}/password-reset`, password ? { password } : {}),
  importStaff: (file: File, dryRun: boolean) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api.request<StaffImportReport>('/users/import', { method: 'POST', form, query: { dryRun: dryRun ? 'true' : undefined }, timeoutMs: 120_000 });
  },
  downloadTemplate: (format: 'xlsx' | 'csv') => downloadFile('/users/import-template', { format }, `mau-nhap-can-bo.${format}`),

  /** The organiser's judge picker: active judges of their own organisation. */
  judgesOfMyOrganisation: (q: string) => api.get<Page<StaffUser>>('/users', { role: 'judge', q: q || undefined, limit: 20, offset: 0 }),
  roundJudges: (roundId: string) => api.get<RoundJudge[]>(`/rounds/${seg(roundId)}/judges`),
  assignJudge: (roundId: string, userId: string) => api.post<RoundJudge>(`/rounds/${seg(roundId)}/judges`, { userId }),
  removeJudge: (roundId: string, userId: string) => api.delete<void>(`/rounds/${seg(roundId)}/judges/${seg(userId)}`),
};
