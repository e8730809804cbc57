import type { RoleName } from './fixtures';

/**
 * The reviewed authorization table: for every route the api serves, what each caller gets.
 * test/authz/authz.e2e-spec.ts fails for a route without a row here, a row for a route that
 * no longer exists, and any cell the running api does not honour.
 *
 *  'allow' — the call passes authorization: a 2xx, or a 4xx about the request itself
 *            (400 invalid, 409 wrong state), never 401/403/404 or a 5xx.
 *  401     — no valid token.          403 — signed in, but the role (or judge assignment) does not allow it.
 *  404     — another tenant's record, answered exactly like a missing one (ids reveal nothing);
 *            also the caller's own record that does not exist (e.g. a registration staff never have).
 *
 * Roles: organisation A owns the bank, contest, round and attempt the calls name; organiser B
 * belongs to organisation B; judge "assigned" is assigned to A's round, judge "unassigned"
 * belongs to A but is not (SPEC: a judge sees the rounds assigned to them, so 403 on every round and contest read); the resident is registered in A's contest and owns the attempt.
 */
export type Outcome = 'allow' | 401 | 403 | 404;

const A = 'allow' as const;

/** Columns: anonymous, resident, organiser of A, organiser of B, judge assigned, judge unassigned, admin. */
function row(
  anonymous: Outcome,
  resident: Outcome,
  organiserOwn: Outcome,
  organiserOther: Outcome,
  judgeAssigned: Outcome,
  judgeUnassigned: Outcome,
  admin: Outcome,
): Record<RoleName, Outcome> {
  return { anonymous, resident, organiserOwn, organiserOther, judgeAssigned, judgeUnassigned, admin };
}

export const MATRIX: Record<string, Record<RoleName, Outcome>> = {
  //                                                     anon resident orgA orgB judgeAs judgeUn admin
  // Platform and sign-in: public.
  'GET /health': row(A, A, A, A, A, A, A),
  'GET /metrics': row(A, A, A, A, A, A, A),
  'POST /auth/register': row(A, A, A, A, A, A, A),
  'POST /auth/login': row(A, A, A, A, A, A, A),
  'POST /auth/refresh': row(A, A, A, A, A, A, A),
  'POST /auth/logout': row(A, A, A, A, A, A, A),
  'POST /auth/password-reset/request': row(A, A, A, A, A, A, A),
  'POST /auth/password-reset/confirm': row(A, A, A, A, A, A, A),

  // The caller's own account. Deleting it is for residents; staff accounts are closed by admins.
  'GET /me': row(401, A, A, A, A, A, A),
  'GET /me/data': row(401, A, A, A, A, A, A),
  'DELETE /me': row(401, A, 403, 403, 403, 403, 403),
  // Residents correct their own contact and place details (staff accounts are edited by admins).
  'PATCH /me': row(401, A, 403, 403, 403, 403, 403),
  // Everyone signed in keeps their own account safe.
  'POST /me/password': row(401, A, A, A, A, A, A),
  'POST /me/sign-out-everywhere': row(401, A, A, A, A, A, A),
  // A judge's home: the rounds they judge (listed, never drafts). Other roles have no assignments.
  'GET /me/assignments': row(401, 403, 403, 403, A, A, 403),

  // Admin: organisations and staff. Staff read organisations, only their own one by id.
  'POST /organisations': row(401, 403, 403, 403, 403, 403, A),
  'GET /organisations': row(401, 403, A, A, A, A, A),
  'GET /organisations/:id': row(401, 403, A, 404, A, A, A),
  'PATCH /organisations/:id': row(401, 403, 403, 403, 403, 403, A),
  'POST /users': row(401, 403, 403, 403, 403, 403, A),
  // Organisers list the judges of their own organisation (the judge picker); admins any staff.
  'GET /users': row(401, 403, A, A, 403, 403, A),
  'GET /users/import-template': row(401, 403, 403, 403, 403, 403, A),
  'POST /users/import': row(401, 403, 403, 403, 403, 403, A),
  'PATCH /users/:id': row(401, 403, 403, 403, 403, 403, A),
  'POST /users/:id/password-reset': row(401, 403, 403, 403, 403, 403, A),
  'DELETE /users/:id': row(401, 403, 403, 403, 403, 403, A),

  // Question banks: organisers of the owning organisation read and write. Judges read none (issue 14 item 7):
  // banks hold every correct answer and no judge's screen needs them.
  'POST /question-banks': row(401, 403, A, A, 403, 403, A),
  'GET /question-banks': row(401, 403, A, A, 403, 403, A),
  'GET /question-banks/import-template': row(401, 403, A, A, A, A, A),
  'GET /question-banks/:id': row(401, 403, A, 404, 403, 403, A),
  'GET /question-banks/:id/topics': row(401, 403, A, 404, 403, 403, A),
  'POST /question-banks/:id/topics': row(401, 403, A, 404, 403, 403, A),
  'PATCH /question-banks/:id/topics/:topicId': row(401, 403, A, 404, 403, 403, A),
  'DELETE /question-banks/:id/topics/:topicId': row(401, 403, A, 404, 403, 403, A),
  'GET /question-banks/:id/export': row(401, 403, A, 404, 403, 403, A),
  'POST /question-banks/:id/import': row(401, 403, A, 404, 403, 403, A),
  'POST /question-banks/:id/questions': row(401, 403, A, 404, 403, 403, A),
  'GET /question-banks/:id/questions': row(401, 403, A, 404, 403, 403, A),
  'GET /question-banks/:id/questions/:questionId': row(401, 403, A, 404, 403, 403, A),
  'PATCH /question-banks/:id/questions/:questionId': row(401, 403, A, 404, 403, 403, A),
  'DELETE /question-banks/:id/questions/:questionId': row(401, 403, A, 404, 403, 403, A),

  // Contests: published ones are public; organisers of the owner change them; residents join.
  // Judges list and see as staff only contests they judge (others as the public does; drafts 404).
  'POST /contests': row(401, 403, A, A, 403, 403, A),
  'GET /contests': row(A, A, A, A, A, A, A),
  'GET /contests/:id': row(A, A, A, A, A, A, A),
  'PATCH /contests/:id': row(401, 403, A, 404, 403, 403, A),
  'POST /contests/:id/publish': row(401, 403, A, 404, 403, 403, A),
  'POST /contests/:id/close': row(401, 403, A, 404, 403, 403, A),
  'POST /contests/:id/archive': row(401, 403, A, 404, 403, 403, A),
  'POST /contests/:id/register': row(401, A, 403, 403, 403, 403, 403),
  // Staff have no registration of their own: 404 is the honest answer, not a denial.
  'GET /contests/:id/registration': row(401, A, 404, 404, 404, 404, 404),
  'GET /contests/:id/registrations': row(401, 403, A, 404, A, 403, A),

  // Rounds.
  'POST /contests/:id/rounds': row(401, 403, A, 404, 403, 403, A),
  'GET /contests/:id/rounds': row(A, A, A, A, A, A, A),
  'GET /rounds/:id': row(A, A, A, A, A, A, A),
  'PATCH /rounds/:id': row(401, 403, A, 404, 403, 403, A),
  'DELETE /rounds/:id': row(401, 403, A, 404, 403, 403, A),
  'POST /rounds/:id/judges': row(401, 403, A, 404, 403, 403, A),
  'GET /rounds/:id/judges': row(401, 403, A, 404, A, 403, A),
  'DELETE /rounds/:id/judges/:userId': row(401, 403, A, 404, 403, 403, A),
  'GET /rounds/:id/enrolments': row(401, 403, A, 404, A, 403, A),
  // A judge recuses only from a round they are assigned to.
  'POST /rounds/:id/judges/me/recuse': row(401, 403, 403, 403, A, 403, 403),

  // Attempts: the entrant's own; staff of the organisation, of its judges only those of the round.
  'POST /rounds/:id/attempts': row(401, A, 403, 403, 403, 403, 403),
  'GET /rounds/:id/my-attempts': row(401, A, 403, 403, 403, 403, 403),
  'PUT /attempts/:id/answers/:questionId': row(401, A, 403, 403, 403, 403, 403),
  'POST /attempts/:id/events': row(401, A, 403, 403, 403, 403, 403),
  'POST /attempts/:id/submit': row(401, A, 403, 403, 403, 403, 403),
  'GET /attempts/:id': row(401, A, A, 404, A, 403, A),
  'GET /rounds/:id/attempts': row(401, 403, A, 404, A, 403, A),
  // Judges advance only entrants they pick (userIds); the rule-based call is the organisers'.
  'POST /rounds/:id/advance': row(401, 403, A, 404, 403, 403, A),
  'POST /rounds/:id/advance/preview': row(401, 403, A, 404, 403, 403, A),

  // Leaderboards: anyone signed in who may see the round (residents of any organisation).
  'GET /rounds/:id/leaderboard': row(401, A, A, 404, A, 403, A),
  'GET /rounds/:id/leaderboard/me': row(401, A, A, 404, A, 403, A),

  // Judged rounds: entrants hand in; organisers and the round's judges read; judges of the round mark.
  'POST /rounds/:id/entries': row(401, A, 403, 403, 403, 403, 403),
  'GET /rounds/:id/my-entry': row(401, A, 403, 403, 403, 403, 403),
  'GET /rounds/:id/entries': row(401, 403, A, 404, A, 403, A),
  'GET /entries/:id': row(401, A, A, 404, A, 403, A),
  // The fixture's entry is text only: those allowed are told there is no file (404).
  'GET /entries/:id/file': row(401, 404, 404, 404, 404, 403, 404),
  'PATCH /entries/:id': row(401, 403, A, 404, 403, 403, A),
  'GET /entries/:id/scores': row(401, 403, A, 404, A, 403, A),
  'POST /entries/:id/scores': row(401, 403, 403, 403, A, 403, 403),
  // Reconciling is the head judge's; the fixture names none, so every caller is refused.
  'POST /entries/:id/reconcile': row(401, 403, 403, 403, 403, 403, 403),
  // No jury is configured in the fixture: staff of A are told so (404); B gets the tenant 404.
  'GET /rounds/:id/jury': row(401, 403, 404, 404, 404, 403, 404),
  'PUT /rounds/:id/jury': row(401, 403, A, 404, 403, 403, A),
  // The brief: entrants read it (once the round opens), staff of the round too; organisers set it (409 once open).
  'GET /rounds/:id/brief': row(401, A, A, 404, A, 403, A),
  'PUT /rounds/:id/brief': row(401, 403, A, 404, 403, 403, A),

  // Results. Reading is for staff of the organisation (judges included, assigned or not);
  // closing, correcting, voiding and publishing for organisers and the round's own judges.
  'PUT /rounds/:id/rules': row(401, 403, A, 404, 403, 403, A),
  'GET /rounds/:id/rules': row(401, A, A, 404, A, 403, A),
  'PUT /contests/:id/award-rules': row(401, 403, A, 404, 403, 403, A),
  'GET /contests/:id/award-rules': row(401, 403, A, 404, A, 403, A),
  'GET /contests/:id/awards': row(401, A, A, 404, A, 403, A),
  'POST /rounds/:id/close': row(401, 403, A, 404, A, 403, A),
  'POST /attempts/:id/void': row(401, 403, A, 404, A, 403, A),
  'POST /attempts/:id/reinstate': row(401, 403, A, 404, A, 403, A),
  'POST /attempts/:id/clear': row(401, 403, A, 404, A, 403, A),
  'POST /rounds/:id/results/corrections': row(401, 403, A, 404, A, 403, A),
  'POST /rounds/:id/results/corrections/preview': row(401, 403, A, 404, A, 403, A),
  'GET /rounds/:id/results/people': row(401, 403, A, 404, A, 403, A),
  'GET /rounds/:id/results/corrections': row(401, 403, A, 404, A, 403, A),
  'POST /rounds/:id/results/publish': row(401, 403, A, 404, A, 403, A),
  'GET /rounds/:id/results/withheld-keys': row(401, 403, A, 404, A, 403, A),
  'GET /rounds/:id/results': row(401, A, A, 404, A, 403, A),
  // Live finals: the host is an organiser of A or a judge of the round; entrants play; staff who read the round watch.
  'POST /rounds/:id/live/start': row(401, 403, A, 404, A, 403, A),
  'POST /rounds/:id/live/next': row(401, 403, A, 404, A, 403, A),
  'POST /rounds/:id/live/reveal': row(401, 403, A, 404, A, 403, A),
  'POST /rounds/:id/live/pause': row(401, 403, A, 404, A, 403, A),
  'POST /rounds/:id/live/resume': row(401, 403, A, 404, A, 403, A),
  'POST /rounds/:id/live/end': row(401, 403, A, 404, A, 403, A),
  'GET /rounds/:id/live/state': row(401, A, A, 404, A, 403, A),
  'POST /rounds/:id/live/answers': row(401, A, 403, 403, 403, 403, 403),
  'GET /rounds/:id/results/explain/:userId': row(401, A, A, 404, A, 403, A),
  'GET /rounds/:id/results/export': row(401, 403, A, 404, A, 403, A),
  'POST /rounds/:id/results/exports': row(401, 403, A, 404, A, 403, A),
  'GET /rounds/:id/results/decision.pdf': row(401, 403, A, 404, A, 403, A),
  'GET /rounds/:id/results/certificates.pdf': row(401, 403, A, 404, A, 403, A),
  'GET /rounds/:id/results/certificates/:userId.pdf': row(401, A, A, 404, A, 403, A),
  // Winner verification: the list is masked for every reader; identity, decisions and the payout
  // list are for organisers of the organisation only (not judges, not admins: SPEC's one exception).
  'GET /rounds/:id/winners': row(401, 403, A, 404, A, 403, A),
  'POST /rounds/:id/winners/:userId/identity': row(401, 403, A, 404, 403, 403, 403),
  'POST /rounds/:id/winners/:userId/verification': row(401, 403, A, 404, 403, 403, 403),
  'POST /rounds/:id/winners/payout-export': row(401, 403, A, 404, 403, 403, 403),
  // The fixture has made no export: staff are told it does not exist (404), residents are refused by role.
  'GET /exports/:id': row(401, 403, 404, 404, 404, 404, 404),
  'GET /exports/:id/download': row(401, 403, 404, 404, 404, 404, 404),

  // Statistics: staff of the organisation; judges only for contests they judge.
  'GET /contests/:id/statistics': row(401, 403, A, 404, A, 403, A),
  'GET /organisations/:id/report': row(401, 403, A, 404, 403, 403, A),
};
