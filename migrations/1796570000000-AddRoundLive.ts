import { MigrationInterface, QueryRunner } from "typeorm";

/** Live finals (round kind `live`): seconds per question and the speed bonus, on the round row contests owns. */
export class AddRoundLive1796570000000 implements MigrationInterface {
    name = 'AddRoundLive1796570000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "round" ADD "live" jsonb`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "round" DROP COLUMN "live"`);
    }
}
