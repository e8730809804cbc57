import { MigrationInterface, QueryRunner } from "typeorm";

export class CreateJudgedEntries1795370245708 implements MigrationInterface {
    name = 'CreateJudgedEntries1795370245708'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "judged_entry" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "round_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "text" text,
                "link" character varying(2000),
                "file_key" character varying(64),
                "file_name" character varying(200),
                "file_type" character varying(100),
                "file_size" integer,
                "file_sha256" character varying(64),
                "duration_seconds" integer,
                "breaches" jsonb NOT NULL DEFAULT '[]',
                "reconciliation" jsonb,
                "version" integer NOT NULL DEFAULT '1',
                "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_dadcc067579bc58068e0d4fbfe8" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_judged_entry_round_user" ON "judged_entry" ("round_id", "user_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "judge_mark" (
                "entry_id" uuid NOT NULL,
                "judge_user_id" uuid NOT NULL,
                "round_id" uuid NOT NULL,
                "scores" jsonb NOT NULL,
                "total" double precision NOT NULL,
                "comment" text,
                "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_478b2e41f2833c416c4a7f024aa" PRIMARY KEY ("entry_id", "judge_user_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_8492ed0824e18c735030a551cb" ON "judge_mark" ("round_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "jury_settings" (
                "round_id" uuid NOT NULL,
                "rubric" jsonb NOT NULL,
                "policy" jsonb NOT NULL,
                "tie_break_criteria" jsonb NOT NULL DEFAULT '[]',
                "head_judge_user_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_59b531ee6612c50be611611b05b" PRIMARY KEY ("round_id")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "judged_entry"
            ADD CONSTRAINT "FK_94e609a0a29261a1e9e78145bf1" FOREIGN KEY ("round_id") REFERENCES "round"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "judged_entry"
            ADD CONSTRAINT "FK_b3677ab408a84c0f8da7b3a9244" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "judge_mark"
            ADD CONSTRAINT "FK_bb26e2feb1a765de17a4d4ce1ba" FOREIGN KEY ("entry_id") REFERENCES "judged_entry"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "judge_mark"
            ADD CONSTRAINT "FK_b46af2c1cf55c33a5b4871760c0" FOREIGN KEY ("judge_user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "jury_settings"
            ADD CONSTRAINT "FK_59b531ee6612c50be611611b05b" FOREIGN KEY ("round_id") REFERENCES "round"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "jury_settings"
            ADD CONSTRAINT "FK_fe7a785de6b65c678e5c9985a86" FOREIGN KEY ("head_judge_user_id") REFERENCES "user"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "jury_settings" DROP CONSTRAINT "FK_fe7a785de6b65c678e5c9985a86"
        `);
        await queryRunner.query(`
            ALTER TABLE "jury_settings" DROP CONSTRAINT "FK_59b531ee6612c50be611611b05b"
        `);
        await queryRunner.query(`
            ALTER TABLE "judge_mark" DROP CONSTRAINT "FK_b46af2c1cf55c33a5b4871760c0"
        `);
        await queryRunner.query(`
            ALTER TABLE "judge_mark" DROP CONSTRAINT "FK_bb26e2feb1a765de17a4d4ce1ba"
        `);
        await queryRunner.query(`
            ALTER TABLE "judged_entry" DROP CONSTRAINT "FK_b3677ab408a84c0f8da7b3a9244"
        `);
        await queryRunner.query(`
            ALTER TABLE "judged_entry" DROP CONSTRAINT "FK_94e609a0a29261a1e9e78145bf1"
        `);
        await queryRunner.query(`
            DROP TABLE "jury_settings"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_8492ed0824e18c735030a551cb"
        `);
        await queryRunner.query(`
            DROP TABLE "judge_mark"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_judged_entry_round_user"
        `);
        await queryRunner.query(`
            DROP TABLE "judged_entry"
        `);
    }

}
