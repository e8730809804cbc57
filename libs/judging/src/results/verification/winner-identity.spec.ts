import { decisionConflict, mayDiscloseIdentity, winnerDetailFor } from './winner-identity';

describe("who may see a winner's identity", () => {
  const org = 'org-a';

  it('is the organisers of the organisation that runs the contest, and no one else', () => {
    expect(winnerDetailFor({ role: 'organiser', organisationId: org }, org)).toBe('full');
    expect(mayDiscloseIdentity({ role: 'organiser', organisationId: org }, org)).toBe(true);
  });

  it('masks it for judges, admins, residents and organisers of other organisations', () => {
    for (const viewer of [
      { role: 'judge', organisationId: org },
      { role: 'admin', organisationId: null },
      { role: 'admin', organisationId: org },
      { role: 'resident', organisationId: org },
      { role: 'organiser', organisationId: 'org-b' },
      { role: 'organiser', organisationId: null },
    ]) {
      expect(winnerDetailFor(viewer, org)).toBe('masked');
      expect(mayDiscloseIdentity(viewer, org)).toBe(false);
    }
  });

  it('never matches a missing organisation with a missing one', () => {
    expect(mayDiscloseIdentity({ role: 'organiser', organisationId: null }, null as unknown as string)).toBe(false);
  });
});

describe('verification decisions', () => {
  it('lets a first decision through, and a verified winner be disqualified later', () => {
    expect(decisionConflict(null, 'verified')).toBeNull();
    expect(decisionConflict(null, 'disqualified')).toBeNull();
    expect(decisionConflict('verified', 'disqualified')).toBeNull();
  });

  it('keeps a disqualification final and refuses a repeat', () => {
    expect(decisionConflict('disqualified', 'verified')).toBe('already_disqualified');
    expect(decisionConflict('disqualified', 'disqualified')).toBe('already_disqualified');
    expect(decisionConflict('verified', 'verified')).toBe('unchanged');
  });
});
