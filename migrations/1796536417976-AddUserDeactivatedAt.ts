import { MigrationInterface, QueryRunner } from "typeorm";

export class AddUserDeactivatedAt1796536417976 implements MigrationInterface {
    name = 'AddUserDeactivatedAt1796536417976'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "user" ADD "deactivated_at" TIMESTAMP WITH TIME ZONE`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "user" DROP COLUMN "deactivated_at"`);
    }
}
