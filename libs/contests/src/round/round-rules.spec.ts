import {
  canonicalJson,
  liveRoundInput,
  liveSourceRefusal,
  notChoiceQuestions,
  isRoundAcceptingEntries,
  isRoundLocked,
  lockedChanges,
  mergeRoundSettings,
  roundProblems,
  vietnamTime,
} from './round-rules';

const base = () =>
  mergeRoundSettings({
    title: 'Tuần 1',
    kind: 'quiz',
    opensAt: '2026-05-04T08:00:00+07:00',
    closesAt: '2026-05-10T20:00:00+07:00',
    durationSeconds: 900,
    selection: [{ bankId: 'b', count: 20 }],
  });
const fields = (p: { field: string }[]) => p.map((x) => x.field);

describe('round rules', () => {
  it('fills the defaults a new round gets', () => {
    const s = base();
    expect(s).toEqual(
      expect.objectContaining({ maxAttempts: 1, attemptScoring: 'best', shuffleQuestions: true, shuffleOptions: true, partialCredit: false, entry: 'open' }),
    );
    expect(s.opensAt.toISOString()).toBe('2026-05-04T01:00:00.000Z');
    expect(roundProblems(s, { seq: 1 })).toEqual([]);
  });

  it('names each problem', () => {
    const s = mergeRoundSettings({ durationSeconds: 9, maxAttempts: 0, selection: [], closesAt: '2026-05-04T07:00:00+07:00', entry: 'enrolled' }, base());
    expect(fields(roundProblems(s, { seq: 1 })).sort()).toEqual(['closesAt', 'durationSeconds', 'entry', 'maxAttempts', 'selection']);
    expect(fields(roundProblems(mergeRoundSettings({ durationSeconds: 86401 }, base()), { seq: 1 }))).toEqual(['durationSeconds']);
    expect(roundProblems(mergeRoundSettings({ entry: 'enrolled' }, base()), { seq: 2 })).toEqual([]);
  });

  it('refuses a window already over when going live only', () => {
    const s = base();
    const after = s.closesAt.getTime() + 1;
    expect(roundProblems(s, { seq: 1 })).toEqual([]);
    expect(fields(roundProblems(s, { seq: 1, now: after }))).toEqual(['closesAt']);
  });

  it('checks leaderboard freezing and advancement settings', () => {
    const s = base();
    expect(fields(roundProblems(mergeRoundSettings({ leaderboard: { visibility: 'frozen' } }, s), { seq: 1 }))).toEqual(['leaderboard.freezeAt']);
    expect(fields(roundProblems(mergeRoundSettings({ leaderboard: { visibility: 'frozen', freezeAt: '2027-01-01T00:00:00Z' } }, s), { seq: 1 }))).toEqual([
      'leaderboard.freezeAt',
    ]);
    expect(roundProblems(mergeRoundSettings({ leaderboard: { visibility: 'frozen', freezeAt: '2026-05-09T20:00:00+07:00' } }, s), { seq: 1 })).toEqual([]);
    expect(fields(roundProblems(mergeRoundSettings({ advancement: { mode: 'top' } }, s), { seq: 1 }))).toEqual(['advancement.topN']);
    expect(fields(roundProblems(mergeRoundSettings({ advancement: { mode: 'threshold' } }, s), { seq: 1 }))).toEqual(['advancement.minScore']);
    expect(fields(roundProblems(mergeRoundSettings({ advancement: { mode: 'top', topN: 5, toRoundSeq: 1 } }, s), { seq: 1 }))).toEqual([
      'advancement.toRoundSeq',
    ]);
  });

  it('after opening, only safe fields may change', () => {
    const s = base();
    expect(
      lockedChanges(s, mergeRoundSettings({ title: 'Khác', prizes: [{ name: 'Nhất', count: 1 }], closesAt: '2026-05-11T20:00:00+07:00', maxAttempts: 3 }, s)),
    ).toEqual([]);
    expect(lockedChanges(s, mergeRoundSettings({ durationSeconds: 60 }, s))).toEqual(['durationSeconds']);
    expect(lockedChanges(s, mergeRoundSettings({ selection: [{ bankId: 'b', count: 10 }] }, s))).toEqual(['selection']);
    expect(lockedChanges(s, mergeRoundSettings({ closesAt: '2026-05-09T20:00:00+07:00' }, s))).toEqual(['closesAt (it may only move later)']);
    // jsonb reorders keys: the same selection read back is not a change.
    const reread = { ...s, selection: [JSON.parse('{"count":20,"bankId":"b"}')] };
    expect(lockedChanges(reread, mergeRoundSettings({ title: 'x' }, reread))).toEqual([]);
    expect(canonicalJson({ b: 1, a: [{ d: 1, c: 2 }] })).toBe('{"a":[{"c":2,"d":1}],"b":1}');
  });

  it('decides locking and entry by the clock, not by the job having run', () => {
    const s = base();
    const opens = s.opensAt.getTime();
    expect(isRoundLocked('draft', s.opensAt, opens + 1)).toBe(false);
    expect(isRoundLocked('scheduled', s.opensAt, opens - 1)).toBe(false);
    expect(isRoundLocked('scheduled', s.opensAt, opens)).toBe(true);
    const r = { status: 'scheduled' as const, opensAt: s.opensAt, closesAt: s.closesAt };
    expect(isRoundAcceptingEntries(r, opens - 1)).toBe(false);
    expect(isRoundAcceptingEntries(r, opens)).toBe(true);
    expect(isRoundAcceptingEntries(r, s.closesAt.getTime())).toBe(false);
    expect(isRoundAcceptingEntries({ ...r, status: 'closed' }, opens + 1)).toBe(false);
  });

  it('shows times in Vietnam (UTC+7, no daylight saving)', () => {
    expect(vietnamTime(new Date('2026-05-04T01:00:00Z'))).toBe('2026-05-04T08:00:00+07:00');
    expect(vietnamTime(new Date('2026-12-31T20:30:00Z'))).toBe('2027-01-01T03:30:00+07:00');
  });
});

describe('live rounds (round kind live)', () => {
  const live = (over: Record<string, unknown> = {}) =>
    mergeRoundSettings(
      liveRoundInput({
        title: 'Chung kết',
        kind: 'live' as const,
        opensAt: '2026-05-04T08:00:00+07:00',
        closesAt: '2026-05-04T11:00:00+07:00',
        questions: [{ bankId: 'b', count: 10, difficulty: 2 }],
        secondsPerQuestion: 20,
        speedBonus: { maxPoints: 5 },
        ...over,
      }),
    );

  it('turns questions into choice-only selection rules and keeps its own settings', () => {
    const s = live();
    expect(s.selection).toEqual([{ bankId: 'b', count: 10, difficulty: 2, types: ['single', 'multiple', 'true_false'] }]);
    expect(s.live).toEqual({ secondsPerQuestion: 20, speedBonus: { maxPoints: 5 } });
    expect(s.durationSeconds).toBe(86400);
    expect(roundProblems(s, { seq: 1 })).toEqual([]);
    expect(live({ speedBonus: undefined }).live).toEqual({ secondsPerQuestion: 20, speedBonus: null });
  });

  it('needs questions and seconds per question; a quiz round has no live settings', () => {
    expect(fields(roundProblems(live({ questions: [], secondsPerQuestion: undefined }), { seq: 1 })).sort()).toEqual(['questions', 'secondsPerQuestion']);
    expect(fields(roundProblems(live({ secondsPerQuestion: 2 }), { seq: 1 }))).toEqual(['secondsPerQuestion']);
    expect(fields(roundProblems(live({ questions: [{ bankId: 'b', count: 201 }] }), { seq: 1 }))).toEqual(['questions']);
    expect(base().live).toBeNull();
  });

  it('edits keep what is not sent, and the live settings are locked once the round opened', () => {
    const before = live();
    const after = mergeRoundSettings(liveRoundInput({ secondsPerQuestion: 30 }, before), before);
    expect(after.live).toEqual({ secondsPerQuestion: 30, speedBonus: { maxPoints: 5 } });
    expect(after.selection).toEqual(before.selection);
    expect(lockedChanges(before, after)).toEqual(['live']);
  });

  describe('live question source (questions xor questionIds)', () => {
    const A = '11111111-1111-4111-8111-111111111111';
    const B = '22222222-2222-4222-8222-222222222222';
    const rule = [{ bankId: 'b', count: 2 }];
    it('a new live round needs exactly one of questions / questionIds', () => {
      expect(liveSourceRefusal({ kind: 'live', questions: rule })).toBeNull();
      expect(liveSourceRefusal({ kind: 'live', questionIds: [A, B] })).toBeNull();
      expect(liveSourceRefusal({ kind: 'live', questions: rule, questionIds: [A] })?.code).toBe('live_questions_conflict');
      expect(liveSourceRefusal({ kind: 'live' })?.code).toBe('live_questions_missing');
    });
    it('a change may keep the source (neither) but not give both; a quiz round takes no ids', () => {
      expect(liveSourceRefusal({ secondsPerQuestion: 20 }, { kind: 'live' })).toBeNull();
      expect(liveSourceRefusal({ questionIds: [A] }, { kind: 'live' })).toBeNull();
      expect(liveSourceRefusal({ questionIds: [A], questions: rule }, { kind: 'live' })?.code).toBe('live_questions_conflict');
      // null is "not this source": switching from rules to ids sends the rules as null.
      expect(liveSourceRefusal({ questionIds: [A], questions: null }, { kind: 'live' })).toBeNull();
      expect(liveSourceRefusal({ kind: 'live', questionIds: null, questions: null })?.code).toBe('live_questions_missing');
      // Turning a quiz round into a live one needs the questions too.
      expect(liveSourceRefusal({ kind: 'live' }, { kind: 'quiz' })?.code).toBe('live_questions_missing');
      expect(liveSourceRefusal({ kind: 'quiz', questionIds: [A] })?.code).toBe('live_questions_not_live');
      expect(liveSourceRefusal({ questionIds: [A] }, { kind: 'quiz' })?.code).toBe('live_questions_not_live');
      expect(liveSourceRefusal({ kind: 'quiz' })).toBeNull();
    });
    it('names the ids listed twice (in any letter case)', () => {
      const r = liveSourceRefusal({ kind: 'live', questionIds: [A, B, A.toUpperCase()] });
      expect(r?.code).toBe('live_questions_duplicate');
      expect(r?.details).toEqual({ questionIds: [A.toUpperCase()] });
    });
    it('pins one rule per question, in the given order, and names the non-choice ones', () => {
      const input: Parameters<typeof liveRoundInput>[0] = { kind: 'live', questionIds: [B, A], secondsPerQuestion: 20 };
      const out = liveRoundInput(input, undefined, [
        { questionId: B, bankId: 'b2' },
        { questionId: A, bankId: 'b1' },
      ]);
      expect(out.selection).toEqual([
        { bankId: 'b2', questionId: B, count: 1, types: ['single', 'multiple', 'true_false'] },
        { bankId: 'b1', questionId: A, count: 1, types: ['single', 'multiple', 'true_false'] },
      ]);
      const s = mergeRoundSettings({ ...out, title: 'CK', opensAt: '2026-05-04T08:00:00+07:00', closesAt: '2026-05-10T20:00:00+07:00' });
      expect(s.selection.map((r) => r.questionId)).toEqual([B, A]);
      expect(roundProblems(s, { seq: 2 })).toEqual([]);
      expect(
        notChoiceQuestions([
          { questionId: A, type: 'single' },
          { questionId: B, type: 'essay' },
        ]),
      ).toEqual([B]);
    });
  });
});
