import { correctIds, liveQuestion } from './live-questions';

const pool = {
  versionId: '7d3c2f5e-1111-4a4a-9b9b-000000000001',
  questionId: '7d3c2f5e-1111-4a4a-9b9b-000000000002',
  type: 'single' as const,
  stem: 'Ai tổ chức bầu cử?',
  options: [
    { id: '7d3c2f5e-1111-4a4a-9b9b-0000000000a1', text: 'Hội đồng bầu cử quốc gia', correct: true },
    { id: '7d3c2f5e-1111-4a4a-9b9b-0000000000a2', text: 'Ủy ban nhân dân', correct: false },
  ],
  answer: null,
  points: 2,
  difficulty: 1,
  topic: null,
  explanation: 'Điều 12',
  legalReference: null,
};

describe('a question as a live final shows it', () => {
  it('has opaque ids, the same on every instance, different per round, never the bank ids', () => {
    const a = liveQuestion('round-1', pool);
    expect(liveQuestion('round-1', pool)).toEqual(a);
    const b = liveQuestion('round-2', pool);
    expect(b.id).not.toBe(a.id);
    expect(b.options[0].id).not.toBe(a.options[0].id);
    const shown = JSON.stringify({ id: a.id, options: a.options.map((o) => o.id) });
    for (const id of [pool.versionId, pool.questionId, ...pool.options.map((o) => o.id)]) expect(shown).not.toContain(id);
    expect(new Set(a.options.map((o) => o.id)).size).toBe(2);
    expect(a.options.map((o) => o.ref)).toEqual(pool.options.map((o) => o.id));
  });

  it('keeps its key beside it for the server', () => {
    const q = liveQuestion('round-1', pool);
    expect(correctIds(q)).toEqual([q.options[0].id]);
    expect(q.points).toBe(2);
  });
});
