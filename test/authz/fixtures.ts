import { Http } from '../harness';
import { loginAdmin, newOrganisation, newResident, newStaff, ok, Session } from '../factories';
import { entrant, iso, liveQuiz, newContest, orgWithBank, OrgSetup, quizRound } from '../../libs/contests/test/factories';

/** The seven callers of the matrix. Staff "own" and "assigned" refer to organisation A and its round. */
export const ROLES = ['anonymous', 'resident', 'organiserOwn', 'organiserOther', 'judgeAssigned', 'judgeUnassigned', 'admin'] as const;
export type RoleName = (typeof ROLES)[number];

/**
 * Organisation A owns a bank, a published contest with an open quiz round, a judge assigned
 * to that round and one who is not, and a resident (the "resident" role) registered with an
 * attempt in progress. Organisation B has only its organiser.
 */
export interface World {
  http: Http;
  admin: Session;
  a: OrgSetup;
  contestId: string;
  roundId: string;
  resident: Session & { input: { password: string; phone: string } };
  attempt: { id: string; questions: { id: string; options: { id: string }[] }[] };
  judgeAssigned: Session;
  judgeUnassigned: Session;
  /** A judged round of A's contest, open, with the assigned judge, and the resident's entry in it. */
  judgedRoundId: string;
  entryId: string;
  orgB: { id: string };
  organiserB: Session;
  sessions: Record<RoleName, Session | null>;
}

export async function buildWorld(http: Http): Promise<World> {
  const admin = await loginAdmin(http);
  const a = await orgWithBank(http, admin, 6);
  const { contest, round } = await liveQuiz(http, a, { selection: [{ bankId: a.bankId, count: 3 }], maxAttempts: 5 });
  const [judgeAssigned, judgeUnassigned] = await Promise.all([newStaff(http, admin, 'judge', a.org.id), newStaff(http, admin, 'judge', a.org.id)]);
  await ok(http.post(`/rounds/${round.id}/judges`, { userId: judgeAssigned.user.id }, a.organiser.token), 'assign judge');
  const resident = await entrant(http, contest.id);
  const attempt = await ok(http.post(`/rounds/${round.id}/attempts`, {}, resident.token), 'start attempt');
  const judged = await ok(
    http.post(
      `/contests/${contest.id}/rounds`,
      { title: 'Vòng thuyết trình', kind: 'judged', opensAt: iso(Date.now() - 1000), closesAt: iso(Date.now() + 3600_000) },
      a.organiser.token,
    ),
    'judged round',
  );
  await ok(http.post(`/rounds/${judged.id}/judges`, { userId: judgeAssigned.user.id }, a.organiser.token), 'assign judge (judged round)');
  const entry = await ok(http.post(`/rounds/${judged.id}/entries`, { text: 'Đề cương báo cáo: Luật Phòng, chống tham nhũng 2018' }, resident.token), 'hand in');
  const orgB = await newOrganisation(http, admin);
  const organiserB = await newStaff(http, admin, 'organiser', orgB.id);
  return {
    http,
    admin,
    a,
    contestId: contest.id,
    roundId: round.id,
    resident,
    attempt,
    judgeAssigned,
    judgeUnassigned,
    judgedRoundId: judged.id,
    entryId: entry.id,
    orgB,
    organiserB,
    sessions: { anonymous: null, resident, organiserOwn: a.organiser, organiserOther: organiserB, judgeAssigned, judgeUnassigned, admin },
  };
}

/** A draft contest of organisation A with one round, for calls that change a contest's state. */
export async function draftContestOfA(w: World): Promise<string> {
  const c = await newContest(w.http, w.a.organiser);
  await ok(w.http.post(`/contests/${c.id}/rounds`, quizRound(w.a.bankId, { selection: [{ bankId: w.a.bankId, count: 2 }] }), w.a.organiser.token), 'round');
  return c.id;
}

/** A round of a new draft contest of organisation A, with `judgeId` assigned when given. */
export async function roundOfA(w: World, judgeId?: string): Promise<string> {
  const c = await newContest(w.http, w.a.organiser);
  const r = await ok(
    w.http.post(`/contests/${c.id}/rounds`, quizRound(w.a.bankId, { selection: [{ bankId: w.a.bankId, count: 2 }] }), w.a.organiser.token),
    'round',
  );
  if (judgeId) await ok(w.http.post(`/rounds/${r.id}/judges`, { userId: judgeId }, w.a.organiser.token), 'assign judge');
  return r.id;
}

/** A published contest of organisation A (open round), for close and archive. */
export async function publishedContestOfA(w: World): Promise<string> {
  return (await liveQuiz(w.http, w.a, { selection: [{ bankId: w.a.bankId, count: 2 }] })).contest.id;
}

export { newResident, newStaff, ok };
