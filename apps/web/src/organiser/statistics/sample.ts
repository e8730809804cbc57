import type { ContestStatistics } from './types';

/** A small contest's statistics as the API returns them, for tests. */
export function sampleStats(over: Partial<ContestStatistics> = {}): ContestStatistics {
  return {
    contest: { id: 'c1', title: 'Tìm hiểu Luật Bầu cử', slug: 'bau-cu', status: 'published', organisationId: 'o1' },
    period: { from: null, to: null, timeZone: 'Asia/Ho_Chi_Minh' },
    generatedAt: '2026-05-05T03:00:00.000Z',
    totals: { registrations: 12, entries: 10, uniqueEntrants: 5, submitted: 9, expired: 1, voided: 1, averageScorePercent: 45 },
    rounds: [
      {
        id: 'r1',
        seq: 1,
        title: 'Tuần 1',
        kind: 'quiz',
        status: 'open',
        opensAt: '2026-05-01T00:00:00.000Z',
        closesAt: '2026-05-08T00:00:00.000Z',
        entries: 10,
        uniqueEntrants: 5,
        averageScore: 1.8,
        maxScore: 4,
        averageScorePercent: 45,
        averageTimeTakenMs: 60000,
        perfectEntries: 0,
      },
    ],
    perDay: [
      { date: '2026-05-03', entries: 2, uniqueEntrants: 1, rounds: [{ roundId: 'r1', entries: 2, uniqueEntrants: 1 }] },
      { date: '2026-05-04', entries: 0, uniqueEntrants: 0, rounds: [] },
      { date: '2026-05-05', entries: 8, uniqueEntrants: 4, rounds: [{ roundId: 'r1', entries: 8, uniqueEntrants: 4 }] },
    ],
    byProvince: [
      { province: 'Quảng Ninh', entries: 6, uniqueEntrants: 3 },
      { province: null, entries: 4, uniqueEntrants: 2 },
    ],
    byCommune: [{ province: 'Quảng Ninh', commune: 'Phường Hạ Long', entries: 6, uniqueEntrants: 3 }],
    byUnit: [{ unit: 'Trường THPT Hòn Gai', entries: 10, uniqueEntrants: 5 }],
    scoreDistribution: [
      {
        roundId: 'r1',
        entries: 10,
        bands: Array.from({ length: 10 }, (_, i) => ({ fromPercent: i * 10, toPercent: i * 10 + 10, count: i === 5 ? 8 : i === 2 ? 2 : 0 })),
      },
    ],
    questionsStatus: 'complete',
    questions: [
      {
        roundId: 'r1',
        questionId: 'q1',
        versionId: 'v1',
        type: 'single',
        stem: 'Tuổi bầu cử là bao nhiêu?',
        drawn: 10,
        answered: 10,
        correct: 0,
        correctPercent: 0,
        averageTimeMs: 12000,
        choices: null,
        flags: ['too_hard', 'key_suspect'],
      },
      {
        roundId: 'r1',
        questionId: 'q2',
        versionId: 'v2',
        type: 'single',
        stem: 'Ai tổ chức bầu cử?',
        drawn: 10,
        answered: 10,
        correct: 5,
        correctPercent: 50,
        averageTimeMs: null,
        choices: null,
        flags: [],
      },
    ],
    thresholds: { lowCorrectPercent: 20, highCorrectPercent: 95, minDrawn: 10 },
    ...over,
  };
}
