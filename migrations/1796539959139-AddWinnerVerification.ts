import { MigrationInterface, QueryRunner } from "typeorm";

export class AddWinnerVerification1796539959139 implements MigrationInterface {
    name = 'AddWinnerVerification1796539959139'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "winner_verification" (
                "round_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "status" character varying(16) NOT NULL,
                "reason" text NOT NULL,
                "prize_name" character varying(200),
                "decided_by" uuid NOT NULL,
                "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_d2794ad34704819f72afcb8066c" PRIMARY KEY ("round_id", "user_id")
            )
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP TABLE "winner_verification"
        `);
    }

}
