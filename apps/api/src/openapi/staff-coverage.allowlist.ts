/**
 * Staff operations (organiser, judge or admin only) that no screen of the web app calls.
 * staff-coverage.spec.ts fails for a staff operation the web app does not call that is in
 * neither list, and for an entry the web app calls or the api no longer has, so both lists
 * stay short and true. Keys as in the OpenAPI document without the /api/v1 prefix.
 */

/** API-only by design: each with the one-line reason no screen needs it. */
export const STAFF_API_ONLY: Record<string, string> = {
  'DELETE /users/{id}': 'Irreversible erasure for a data-subject request; the admin console deactivates staff instead (PATCH active: false)',
  'GET /organisations/{id}': 'Screens read organisations from GET /organisations (the same fields); by id is for integrations',
  'GET /question-banks/{id}/questions/{questionId}': 'The bank page edits from the list rows (the same QuestionResponse); by id is for integrations',
  'GET /rounds/{id}/attempts': "The judges' screen reads the same attempts and flags from GET /rounds/{id}/entries; for integrations",
};

/**
 * Reviewed gaps (issue 13): a screen should call these and does not yet. Each line goes
 * when its screen lands (the test then asks for its removal); do not add to this list
 * to make a new route pass.
 */
export const STAFF_SCREEN_GAPS: Record<string, string> = {};
