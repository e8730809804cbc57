import { api, seg } from '../shared/api/client';
import { ApiError, describeError } from '../shared/api/errors';
import type { JuryView } from '../shared/api/judging-types';
import type { AdvanceBody, AdvancementPreview, AdvanceResult, BriefView, EnrolmentRow, HandInKind, JuryInput, RoundJudge } from '../shared/api/jury-types';
import type { Page } from '../shared/api/types';

const r = (roundId: string) => `/rounds/${seg(roundId)}`;

/** The jury, brief and advancement calls of the organiser's screens. */
export const juryApi = {
  jury: (roundId: string) => api.get<JuryView>(`${r(roundId)}/jury`),
  saveJury: (roundId: string, body: JuryInput) => api.put<JuryView>(`${r(roundId)}/jury`, body),
  judges: (roundId: string) => api.get<RoundJudge[]>(`${r(roundId)}/judges`),
  brief: (roundId: string) => api.get<BriefView>(`${r(roundId)}/brief`),
  saveBrief: (roundId: string, body: { brief: string | null; handInKinds: HandInKind[] }) => api.put<BriefView>(`${r(roundId)}/brief`, body),
  preview: (roundId: string, body: AdvanceBody, page: { limit: number; offset: number }) =>
    api.request<AdvancementPreview>(`${r(roundId)}/advance/preview`, { method: 'POST', body, query: page }),
  advance: (roundId: string, body: AdvanceBody) => api.post<AdvanceResult>(`${r(roundId)}/advance`, body),
  enrolments: (roundId: string, q: string, limit: number, offset: number) =>
    api.get<Page<EnrolmentRow>>(`${r(roundId)}/enrolments`, { q: q.trim() || undefined, limit, offset }),
};

/** Codes these screens meet that the shared list does not word. */
const WORDS: Record<string, string> = {
  brief_locked: 'Vòng thi đã mở: đề bài và hình thức nộp bài không đổi được nữa.',
  invalid_brief: 'Đề bài hoặc hình thức nộp bài chưa hợp lệ.',
  invalid_jury: 'Thiết lập ban giám khảo chưa hợp lệ. Vui lòng kiểm tra các mục được đánh dấu.',
  not_a_judge: 'Trưởng ban giám khảo phải là giám khảo của đơn vị.',
  round_not_over: 'Vòng thi chưa kết thúc: xét người vào vòng sau khi vòng đã đóng.',
  no_advancement_rule: 'Vòng này chưa có quy tắc vào vòng sau: chọn theo chỉ tiêu hoặc chọn từng người.',
  pick_required: 'Chọn ít nhất một người.',
  group_field_required: 'Nhập tên trường đăng ký chứa nhóm.',
  no_next_round: 'Cuộc thi chưa có vòng sau để cho vào.',
  not_an_entrant: 'Có người được chọn không dự vòng thi này.',
};

export function describeJuryError(e: unknown): string {
  return e instanceof ApiError && e.code && WORDS[e.code] ? WORDS[e.code] : describeError(e);
}
