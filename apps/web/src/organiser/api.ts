import { api, seg } from '../shared/api/client';
import type { Contest, Page, Registration, Round } from '../shared/api/types';
import { asPage } from '../resident/api';
import type { StaffRound } from './round-form';
import type { TopicView } from '../shared/api/staff-console-types';
import type { components } from '../shared/api/schema';

/** GET /banks, GET /banks/:id */
export type Bank = components['schemas']['QuestionBankResponse'];

/** A question of a bank as its current version (GET /banks/:id/questions, POST, PATCH). */
export type BankQuestion = components['schemas']['QuestionResponse'];

/** POST /banks/:id/import (dryRun: the check): what was or would be imported, and each problem by line or row. */
export type ImportReport = components['schemas']['ImportReportResponse'];

export const IMPORT_FORMATS = [
  { value: 'xlsx', label: 'Excel (.xlsx)', ext: ['xlsx'] },
  { value: 'csv', label: 'CSV (.csv)', ext: ['csv'] },
  { value: 'gift', label: 'Moodle GIFT (.txt, .gift)', ext: ['gift', 'txt'] },
  { value: 'moodle-xml', label: 'Moodle XML (.xml)', ext: ['xml'] },
  { value: 'aiken', label: 'Aiken (.txt)', ext: [] as string[] },
] as const;

export type ImportFormat = (typeof IMPORT_FORMATS)[number]['value'];

export const EXPORT_FORMATS = [
  ...IMPORT_FORMATS.map((f) => ({
    value: f.value as string,
    label: f.label,
    ext: f.value === 'moodle-xml' ? 'xml' : f.value === 'gift' || f.value === 'aiken' ? 'txt' : f.value,
  })),
  { value: 'answer-sheet', label: 'Đáp án để in (HTML)', ext: 'html' },
];

/** The format a file most likely has, from its name; GIFT wins for .txt (Aiken must be chosen). */
export function guessFormat(fileName: string): ImportFormat | null {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  for (const f of IMPORT_FORMATS) if ((f.ext as readonly string[]).includes(ext)) return f.value;
  return null;
}

export const organiserApi = {
  banks: async () => asPage<Bank>(await api.get('/question-banks', { limit: 200 })),
  createBank: (body: { name: string; description?: string }) => api.post<Bank>('/question-banks', body),
  bank: (id: string) => api.get<Bank>(`/question-banks/${seg(id)}`),
  questions: async (bankId: string, query: { q?: string; limit: number; offset: number }) =>
    asPage<BankQuestion>(await api.get(`/question-banks/${seg(bankId)}/questions`, query)),
  createQuestion: (bankId: string, body: Record<string, unknown>) => api.post<BankQuestion>(`/question-banks/${seg(bankId)}/questions`, body),
  updateQuestion: (bankId: string, questionId: string, body: Record<string, unknown>) =>
    api.patch<BankQuestion & { newVersion?: boolean }>(`/question-banks/${seg(bankId)}/questions/${seg(questionId)}`, body),
  /** Archive: the question leaves the bank's list and new pools; rounds that already froze it keep it. */
  archiveQuestion: (bankId: string, questionId: string) => api.delete<BankQuestion>(`/question-banks/${seg(bankId)}/questions/${seg(questionId)}`),
  importQuestions: (bankId: string, file: File, format: ImportFormat, dryRun: boolean) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api.request<ImportReport>(`/question-banks/${seg(bankId)}/import`, {
      method: 'POST',
      form,
      query: { format, dryRun: dryRun ? 'true' : undefined },
      timeoutMs: 120_000,
    });
  },

  topics: (bankId: string) => api.get<TopicView[]>(`/question-banks/${seg(bankId)}/topics`),
  createTopic: (bankId: string, body: { name: string; parentId?: string }) => api.post<TopicView>(`/question-banks/${seg(bankId)}/topics`, body),
  updateTopic: (bankId: string, topicId: string, body: { name?: string; parentId?: string | null }) =>
    api.patch<TopicView>(`/question-banks/${seg(bankId)}/topics/${seg(topicId)}`, body),
  deleteTopic: (bankId: string, topicId: string) => api.delete<void>(`/question-banks/${seg(bankId)}/topics/${seg(topicId)}`),

  contests: async () => asPage<Contest>(await api.get('/contests', { limit: 100 })),
  contest: (id: string) => api.get<Contest>(`/contests/${seg(id)}`),
  createContest: (body: Record<string, unknown>) => api.post<Contest>('/contests', body),
  updateContest: (id: string, body: Record<string, unknown>) => api.patch<Contest>(`/contests/${seg(id)}`, body),
  /** Who registered, oldest first; personal numbers come masked. */
  registrations: async (contestId: string, query: { limit: number; offset: number }) =>
    asPage<Registration>(await api.get(`/contests/${seg(contestId)}/registrations`, query)),
  publishContest: (id: string) => api.post<Contest>(`/contests/${seg(id)}/publish`),
  rounds: async (contestId: string) => asPage<Round>(await api.get(`/contests/${seg(contestId)}/rounds`)).items,
  createRound: (contestId: string, body: Record<string, unknown>) => api.post<Round>(`/contests/${seg(contestId)}/rounds`, body),
  round: (id: string) => api.get<StaffRound>(`/rounds/${seg(id)}`),
  updateRound: (id: string, body: Record<string, unknown>) => api.patch<StaffRound>(`/rounds/${seg(id)}`, body),
  deleteRound: (id: string) => api.request<void>(`/rounds/${seg(id)}`, { method: 'DELETE' }),
  closeContest: (id: string) => api.post<Contest>(`/contests/${seg(id)}/close`),
  archiveContest: (id: string) => api.post<Contest>(`/contests/${seg(id)}/archive`),
  statistics: (contestId: string) => api.get<unknown>(`/contests/${seg(contestId)}/statistics`, { format: 'json' }),
};

export type { Page };
