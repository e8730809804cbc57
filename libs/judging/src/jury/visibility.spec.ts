import { visibleMarks } from './visibility';

const at = new Date('2026-03-01T00:00:00Z');
const marks = [
  { judgeId: 'j1', submittedAt: null, total: 70 },
  { judgeId: 'j2', submittedAt: at, total: 80 },
  { judgeId: 'j3', submittedAt: null, total: 90 },
];

describe('blind marking', () => {
  it('shows a judge only their own marks until they submit', () => {
    expect(visibleMarks({ judgeId: 'j1', isHead: false }, marks).map((m) => m.judgeId)).toEqual(['j1']);
    expect(visibleMarks({ judgeId: 'j4', isHead: false }, marks)).toEqual([]);
  });

  it('shows other submitted marks (never drafts) once the judge has submitted', () => {
    const after = marks.map((m) => (m.judgeId === 'j1' ? { ...m, submittedAt: at } : m));
    expect(visibleMarks({ judgeId: 'j1', isHead: false }, after).map((m) => m.judgeId)).toEqual(['j1', 'j2']);
  });

  it('shows the head judge every submitted mark', () => {
    expect(visibleMarks({ judgeId: 'head', isHead: true }, marks).map((m) => m.judgeId)).toEqual(['j2']);
  });
});
