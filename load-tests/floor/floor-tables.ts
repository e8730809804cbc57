/** The floor's tables (floor-server.ts): a registration, an attempt and its answers, each keyed as the api's are. */
export const FLOOR_TABLES = `
CREATE TABLE IF NOT EXISTS floor_registration (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), contest_id uuid NOT NULL, user_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(), UNIQUE (contest_id, user_id));
CREATE TABLE IF NOT EXISTS floor_attempt (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), round_id uuid NOT NULL, user_id uuid NOT NULL,
  status text NOT NULL, score int, started_at timestamptz NOT NULL DEFAULT now(), submitted_at timestamptz);
CREATE INDEX IF NOT EXISTS floor_attempt_round_user ON floor_attempt (round_id, user_id);
CREATE TABLE IF NOT EXISTS floor_answer (attempt_id uuid NOT NULL REFERENCES floor_attempt (id), question_key text NOT NULL,
  value jsonb NOT NULL, rev int NOT NULL, PRIMARY KEY (attempt_id, question_key));`;
