import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The identical-answers lookup of a submit goes by the answer pattern alone (finalise-store.ts).
 * With the round first, a table without statistics (autovacuum off, a fresh restore) let the
 * planner take uq_attempt_round_user_no instead, which reads every attempt of the round on
 * every submit. A plain CREATE INDEX holds the table's writes while it builds: run it between rounds.
 */
export class AnswerHashIndexFirst1796636887938 implements MigrationInterface {
    name = 'AnswerHashIndexFirst1796636887938'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."ix_attempt_answer_hash"`);
        await queryRunner.query(`CREATE INDEX "ix_attempt_answer_hash" ON "attempt" ("answer_hash") WHERE answer_hash IS NOT NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."ix_attempt_answer_hash"`);
        await queryRunner.query(`CREATE INDEX "ix_attempt_answer_hash" ON "attempt" ("round_id", "answer_hash") WHERE answer_hash IS NOT NULL`);
    }
}
