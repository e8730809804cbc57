import { MigrationInterface, QueryRunner } from "typeorm";

export class CreateQuestionBanks1795362787356 implements MigrationInterface {
    name = 'CreateQuestionBanks1795362787356'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "question_bank" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organisation_id" uuid NOT NULL,
                "name" character varying(200) NOT NULL,
                "description" text,
                "created_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_ddf9cd18bcda25d31e7ef21b519" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_45de6136a55d07f76c40c25716" ON "question_bank" ("organisation_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "topic" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "bank_id" uuid NOT NULL,
                "parent_id" uuid,
                "name" character varying(200) NOT NULL,
                "path" character varying(500) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_33aa4ecb4e4f20aa0157ea7ef61" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_40d1ab0ce240d3e8183ca56705" ON "topic" ("parent_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_topic_bank_path" ON "topic" ("bank_id", "path")
        `);
        await queryRunner.query(`
            CREATE TABLE "question" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "bank_id" uuid NOT NULL,
                "current_version_id" uuid NOT NULL,
                "seq" BIGSERIAL NOT NULL,
                "archived_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_21e5786aa0ea704ae185a79b2d5" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_1f832fcd4092ad902de736546d" ON "question" ("bank_id", "seq")
        `);
        await queryRunner.query(`
            CREATE TABLE "question_version" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "question_id" uuid NOT NULL,
                "version_no" integer NOT NULL,
                "type" character varying(16) NOT NULL,
                "stem" text NOT NULL,
                "stem_folded" text NOT NULL,
                "options" jsonb NOT NULL,
                "answer" jsonb,
                "points" numeric(8, 2) NOT NULL DEFAULT '1',
                "difficulty" smallint NOT NULL DEFAULT '1',
                "topic_id" uuid,
                "legal_reference" character varying(500),
                "explanation" text,
                "rubric" text,
                "tags" text array NOT NULL DEFAULT '{}',
                "locked_at" TIMESTAMP WITH TIME ZONE,
                "created_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_536fa313bdfc73a7694128dcf6e" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_a1cee4cb8d4aa7f69d254fb633" ON "question_version" ("topic_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_question_version_no" ON "question_version" ("question_id", "version_no")
        `);
        // Written by hand (TypeORM cannot express them; the entity marks them synchronize: false):
        // trigram search on the folded stem ("bau cu" finds "bầu cử"), and equality lookups for
        // duplicate detection (a hash index, since stems can exceed a btree entry).
        await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
        await queryRunner.query(`
            CREATE INDEX "idx_question_version_stem_trgm" ON "question_version" USING gin ("stem_folded" gin_trgm_ops)
        `);
        await queryRunner.query(`
            CREATE INDEX "idx_question_version_stem_hash" ON "question_version" USING hash ("stem_folded")
        `);
        await queryRunner.query(`
            ALTER TABLE "question_bank"
            ADD CONSTRAINT "FK_45de6136a55d07f76c40c25716b" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "topic"
            ADD CONSTRAINT "FK_156acb9e7926315e04d2f096944" FOREIGN KEY ("bank_id") REFERENCES "question_bank"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "topic"
            ADD CONSTRAINT "FK_40d1ab0ce240d3e8183ca56705f" FOREIGN KEY ("parent_id") REFERENCES "topic"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "question"
            ADD CONSTRAINT "FK_ddf9cd18bcda25d31e7ef21b519" FOREIGN KEY ("bank_id") REFERENCES "question_bank"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "question"
            ADD CONSTRAINT "FK_1b109dc2287df3e6463033290c2" FOREIGN KEY ("current_version_id") REFERENCES "question_version"("id") ON DELETE RESTRICT ON UPDATE NO ACTION DEFERRABLE INITIALLY DEFERRED
        `);
        await queryRunner.query(`
            ALTER TABLE "question_version"
            ADD CONSTRAINT "FK_52195709bb83807f7bf7b537a36" FOREIGN KEY ("question_id") REFERENCES "question"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "question_version"
            ADD CONSTRAINT "FK_a1cee4cb8d4aa7f69d254fb6339" FOREIGN KEY ("topic_id") REFERENCES "topic"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "question_version" DROP CONSTRAINT "FK_a1cee4cb8d4aa7f69d254fb6339"
        `);
        await queryRunner.query(`
            ALTER TABLE "question_version" DROP CONSTRAINT "FK_52195709bb83807f7bf7b537a36"
        `);
        await queryRunner.query(`
            ALTER TABLE "question" DROP CONSTRAINT "FK_1b109dc2287df3e6463033290c2"
        `);
        await queryRunner.query(`
            ALTER TABLE "question" DROP CONSTRAINT "FK_ddf9cd18bcda25d31e7ef21b519"
        `);
        await queryRunner.query(`
            ALTER TABLE "topic" DROP CONSTRAINT "FK_40d1ab0ce240d3e8183ca56705f"
        `);
        await queryRunner.query(`
            ALTER TABLE "topic" DROP CONSTRAINT "FK_156acb9e7926315e04d2f096944"
        `);
        await queryRunner.query(`
            ALTER TABLE "question_bank" DROP CONSTRAINT "FK_45de6136a55d07f76c40c25716b"
        `);
        await queryRunner.query(`DROP INDEX "public"."idx_question_version_stem_hash"`);
        await queryRunner.query(`DROP INDEX "public"."idx_question_version_stem_trgm"`);
        await queryRunner.query(`
            DROP INDEX "public"."uq_question_version_no"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_a1cee4cb8d4aa7f69d254fb633"
        `);
        await queryRunner.query(`
            DROP TABLE "question_version"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_1f832fcd4092ad902de736546d"
        `);
        await queryRunner.query(`
            DROP TABLE "question"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_topic_bank_path"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_40d1ab0ce240d3e8183ca56705"
        `);
        await queryRunner.query(`
            DROP TABLE "topic"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_45de6136a55d07f76c40c25716"
        `);
        await queryRunner.query(`
            DROP TABLE "question_bank"
        `);
    }

}
