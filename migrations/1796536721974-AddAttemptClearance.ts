import { MigrationInterface, QueryRunner } from "typeorm";

export class AddAttemptClearance1796536721974 implements MigrationInterface {
    name = 'AddAttemptClearance1796536721974'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "attempt"
            ADD "cleared_flags" integer NOT NULL DEFAULT '0'
        `);
        await queryRunner.query(`
            ALTER TABLE "attempt"
            ADD "cleared_at" TIMESTAMP WITH TIME ZONE
        `);
        await queryRunner.query(`
            ALTER TABLE "attempt"
            ADD "cleared_by" uuid
        `);
        await queryRunner.query(`
            ALTER TABLE "attempt"
            ADD "clear_reason" text
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "attempt" DROP COLUMN "clear_reason"
        `);
        await queryRunner.query(`
            ALTER TABLE "attempt" DROP COLUMN "cleared_by"
        `);
        await queryRunner.query(`
            ALTER TABLE "attempt" DROP COLUMN "cleared_at"
        `);
        await queryRunner.query(`
            ALTER TABLE "attempt" DROP COLUMN "cleared_flags"
        `);
    }

}
