import { allJudgesFiled, marksVisibleTo, type MarksSeal } from './visibility';

const jury = new Set(['j1', 'j2', 'j3']);
const seal = (markedBy: string[], published = false): MarksSeal => ({ activeJudgeIds: jury, markedBy, published });

describe('blind marking: marksVisibleTo', () => {
  it('shows a judge who has filed only their own marks while another judge has not filed', () => {
    // The attack: file a throw-away mark, read the others', replace one's own.
    expect(marksVisibleTo({ userId: 'j1', role: 'judge' }, seal(['j1']))).toBe('own');
    expect(marksVisibleTo({ userId: 'j1', role: 'judge' }, seal(['j1', 'j2']))).toBe('own');
  });

  it('unseals for every judge once every active judge has filed', () => {
    expect(marksVisibleTo({ userId: 'j1', role: 'judge' }, seal(['j1', 'j2', 'j3']))).toBe('all');
    expect(marksVisibleTo({ userId: 'j2', role: 'judge' }, seal(['j3', 'j2', 'j1']))).toBe('all');
  });

  it("does not count a recused judge's marks as a filing, nor wait for them", () => {
    expect(marksVisibleTo({ userId: 'j1', role: 'judge' }, seal(['j1', 'j2', 'gone']))).toBe('own');
    expect(allJudgesFiled({ activeJudgeIds: new Set(['j1', 'j2']), markedBy: ['j1', 'j2'] })).toBe(true);
  });

  it('keeps the head judge blind until reconciling is due (every judge filed)', () => {
    expect(marksVisibleTo({ userId: 'head', role: 'head' }, seal(['j1', 'j2']))).toBe('own');
    expect(marksVisibleTo({ userId: 'head', role: 'head' }, seal(['j1', 'j2', 'j3']))).toBe('all');
  });

  it('shows everything once results are published, and organisers always', () => {
    expect(marksVisibleTo({ userId: 'j1', role: 'judge' }, seal(['j1'], true))).toBe('all');
    expect(marksVisibleTo({ userId: 'o', role: 'organiser' }, seal([]))).toBe('all');
  });

  it('shows the author nothing before publication', () => {
    expect(marksVisibleTo({ userId: 'a', role: 'owner' }, seal(['j1', 'j2', 'j3']))).toBe('none');
    expect(marksVisibleTo({ userId: 'a', role: 'owner' }, seal(['j1', 'j2', 'j3'], true))).toBe('all');
  });

  it('a jury with no active judge never unseals for judges', () => {
    expect(allJudgesFiled({ activeJudgeIds: new Set(), markedBy: [] })).toBe(false);
  });
});
