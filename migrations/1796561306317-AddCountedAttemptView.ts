import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Which attempts count, published by attempts (its owner) for modules below it: leaderboard
 * rebuilds boards from this view instead of repeating the rule. Same rule as
 * libs/attempts/src/attempt/counted.ts. The view names its columns: a column added to
 * `attempt` later is not in it until a migration adds it here.
 */
export class AddCountedAttemptView1796561306317 implements MigrationInterface {
    name = 'AddCountedAttemptView1796561306317'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE VIEW "counted_attempt" AS
            SELECT id, round_id, contest_id, user_id, status, score, max_score, time_taken_ms, started_at, submitted_at, deadline_at
              FROM attempt WHERE status IN ('submitted', 'expired')`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP VIEW "counted_attempt"`);
    }
}
