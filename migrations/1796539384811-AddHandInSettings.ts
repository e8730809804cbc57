import { MigrationInterface, QueryRunner } from "typeorm";

export class AddHandInSettings1796539384811 implements MigrationInterface {
    name = 'AddHandInSettings1796539384811'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "hand_in_settings" (
                "round_id" uuid NOT NULL,
                "brief" text,
                "hand_in_kinds" jsonb NOT NULL DEFAULT '["text", "link", "file"]',
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_59321dc5e058d190fedcfad75ce" PRIMARY KEY ("round_id")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "hand_in_settings"
            ADD CONSTRAINT "FK_59321dc5e058d190fedcfad75ce" FOREIGN KEY ("round_id") REFERENCES "round"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "hand_in_settings" DROP CONSTRAINT "FK_59321dc5e058d190fedcfad75ce"
        `);
        await queryRunner.query(`
            DROP TABLE "hand_in_settings"
        `);
    }

}
