import type { RouteDef } from '../shared/router';

/** Every screen of the app. Resident screens are in the main bundle; staff ones load on demand. */
export const ROUTES: RouteDef[] = [
  { name: 'home', pattern: '/' },
  { name: 'login', pattern: '/dang-nhap' },
  { name: 'register', pattern: '/dang-ky' },
  { name: 'contest', pattern: '/cuoc-thi/:contestId' },
  { name: 'join', pattern: '/cuoc-thi/:contestId/tham-gia' },
  { name: 'round', pattern: '/vong/:roundId' },
  { name: 'attempt', pattern: '/bai-thi/:attemptId' },
  { name: 'attemptReview', pattern: '/bai-thi/:attemptId/xem-lai' },
  { name: 'leaderboard', pattern: '/vong/:roundId/bang-xep-hang' },
  { name: 'results', pattern: '/vong/:roundId/ket-qua' },
  { name: 'handIn', pattern: '/vong/:roundId/nop-bai' },
  { name: 'account', pattern: '/tai-khoan' },
  // Staff
  { name: 'staff', pattern: '/quan-tri' },
  { name: 'banks', pattern: '/quan-tri/ngan-hang' },
  { name: 'bank', pattern: '/quan-tri/ngan-hang/:bankId' },
  { name: 'bankImport', pattern: '/quan-tri/ngan-hang/:bankId/nhap' },
  { name: 'contestNew', pattern: '/quan-tri/cuoc-thi/moi' },
  { name: 'contestEdit', pattern: '/quan-tri/cuoc-thi/:contestId' },
  { name: 'roundNew', pattern: '/quan-tri/cuoc-thi/:contestId/vong-moi' },
  { name: 'contestPreview', pattern: '/quan-tri/cuoc-thi/:contestId/xem-truoc' },
  { name: 'statistics', pattern: '/quan-tri/cuoc-thi/:contestId/thong-ke' },
  { name: 'judgeRound', pattern: '/giam-khao/vong/:roundId' },
  { name: 'judgeResults', pattern: '/giam-khao/vong/:roundId/ket-qua' },
  { name: 'judgeEntry', pattern: '/giam-khao/bai/:entryId' },
];

export const STAFF_ROUTES = new Set(['staff', 'banks', 'bank', 'bankImport', 'contestNew', 'contestEdit', 'roundNew', 'contestPreview', 'statistics', 'judgeRound', 'judgeResults', 'judgeEntry']);

export const paths = {
  home: () => '/',
  login: (next?: string) => (next ? `/dang-nhap?next=${encodeURIComponent(next)}` : '/dang-nhap'),
  register: (next?: string) => (next ? `/dang-ky?next=${encodeURIComponent(next)}` : '/dang-ky'),
  contest: (id: string) => `/cuoc-thi/${encodeURIComponent(id)}`,
  join: (id: string) => `/cuoc-thi/${encodeURIComponent(id)}/tham-gia`,
  round: (id: string) => `/vong/${encodeURIComponent(id)}`,
  attempt: (id: string) => `/bai-thi/${encodeURIComponent(id)}`,
  attemptReview: (id: string) => `/bai-thi/${encodeURIComponent(id)}/xem-lai`,
  leaderboard: (id: string) => `/vong/${encodeURIComponent(id)}/bang-xep-hang`,
  results: (id: string) => `/vong/${encodeURIComponent(id)}/ket-qua`,
  handIn: (id: string) => `/vong/${encodeURIComponent(id)}/nop-bai`,
  account: () => '/tai-khoan',
  staff: () => '/quan-tri',
  banks: () => '/quan-tri/ngan-hang',
  bank: (id: string) => `/quan-tri/ngan-hang/${encodeURIComponent(id)}`,
  bankImport: (id: string) => `/quan-tri/ngan-hang/${encodeURIComponent(id)}/nhap`,
  contestNew: () => '/quan-tri/cuoc-thi/moi',
  contestEdit: (id: string) => `/quan-tri/cuoc-thi/${encodeURIComponent(id)}`,
  roundNew: (id: string) => `/quan-tri/cuoc-thi/${encodeURIComponent(id)}/vong-moi`,
  contestPreview: (id: string) => `/quan-tri/cuoc-thi/${encodeURIComponent(id)}/xem-truoc`,
  statistics: (id: string) => `/quan-tri/cuoc-thi/${encodeURIComponent(id)}/thong-ke`,
  judgeRound: (id: string) => `/giam-khao/vong/${encodeURIComponent(id)}`,
  judgeResults: (id: string) => `/giam-khao/vong/${encodeURIComponent(id)}/ket-qua`,
  judgeEntry: (id: string) => `/giam-khao/bai/${encodeURIComponent(id)}`,
};
