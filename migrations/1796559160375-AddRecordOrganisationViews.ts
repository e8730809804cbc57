import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Which organisation a record belongs to, published by the modules that own the records
 * (question-bank: banks; contests: contests and rounds) for identity's AccessService, so
 * identity reads a stated contract instead of naming their tables. A view is inlined by
 * the planner: the lookup is the same index scan as before.
 */
export class AddRecordOrganisationViews1796559160375 implements MigrationInterface {
    name = 'AddRecordOrganisationViews1796559160375'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE VIEW "question_bank_organisation" AS SELECT id, organisation_id FROM question_bank`);
        await queryRunner.query(`CREATE VIEW "contest_organisation" AS SELECT id, organisation_id FROM contest`);
        await queryRunner.query(`CREATE VIEW "round_organisation" AS SELECT r.id, c.organisation_id FROM round r JOIN contest c ON c.id = r.contest_id`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP VIEW "round_organisation"`);
        await queryRunner.query(`DROP VIEW "contest_organisation"`);
        await queryRunner.query(`DROP VIEW "question_bank_organisation"`);
    }
}
