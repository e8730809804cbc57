import { MigrationInterface, QueryRunner } from "typeorm";

export class CreateContestsAndAttempts1795362937243 implements MigrationInterface {
    name = 'CreateContestsAndAttempts1795362937243'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "contest" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organisation_id" uuid NOT NULL,
                "title" character varying(300) NOT NULL,
                "slug" character varying(100) NOT NULL,
                "description" text,
                "rules" text,
                "status" character varying(16) NOT NULL DEFAULT 'draft',
                "unit_list" jsonb,
                "required_fields" jsonb NOT NULL DEFAULT '[]',
                "created_by" uuid,
                "published_at" TIMESTAMP WITH TIME ZONE,
                "closed_at" TIMESTAMP WITH TIME ZONE,
                "archived_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_ba048331bed7d939b857e9c1c63" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_1c8a0d2ca590ecfbb69b554bd8" ON "contest" ("organisation_id", "status")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_contest_slug" ON "contest" ("slug")
        `);
        await queryRunner.query(`
            CREATE TABLE "round" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "contest_id" uuid NOT NULL,
                "seq" integer NOT NULL,
                "title" character varying(300) NOT NULL,
                "description" text,
                "kind" character varying(16) NOT NULL,
                "opens_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "closes_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "duration_seconds" integer NOT NULL,
                "max_attempts" integer NOT NULL DEFAULT '1',
                "attempt_scoring" character varying(8) NOT NULL DEFAULT 'best',
                "selection" jsonb NOT NULL DEFAULT '[]',
                "shuffle_questions" boolean NOT NULL DEFAULT true,
                "shuffle_options" boolean NOT NULL DEFAULT true,
                "partial_credit" boolean NOT NULL DEFAULT false,
                "prediction_question" jsonb,
                "leaderboard" jsonb NOT NULL,
                "advancement" jsonb,
                "prizes" jsonb NOT NULL DEFAULT '[]',
                "ranking_rules" jsonb,
                "integrity" jsonb,
                "entry" character varying(16) NOT NULL DEFAULT 'open',
                "status" character varying(16) NOT NULL DEFAULT 'draft',
                "pool_version" integer NOT NULL DEFAULT '0',
                "opened_at" TIMESTAMP WITH TIME ZONE,
                "closed_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_34bd959f3f4a90eb86e4ae24d2d" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_round_schedule" ON "round" ("status", "opens_at", "closes_at")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_round_contest_seq" ON "round" ("contest_id", "seq")
        `);
        await queryRunner.query(`
            CREATE TABLE "round_question" (
                "round_id" uuid NOT NULL,
                "rule_index" integer NOT NULL,
                "question_version_id" uuid NOT NULL,
                "question_id" uuid NOT NULL,
                "content" jsonb NOT NULL,
                CONSTRAINT "PK_7c2cf2993a8b15ceca3d9cad6e5" PRIMARY KEY ("round_id", "rule_index", "question_version_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_b91af7c56605e27855af7bf80a" ON "round_question" ("question_version_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "registration" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "contest_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "unit" character varying(200),
                "fields" jsonb NOT NULL DEFAULT '{}',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_cb23dc9d28df8801b15e9e2b8d6" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_7df145ec10b504c38049e3253d" ON "registration" ("user_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_f84dea96fe70f68c5291dec968" ON "registration" ("contest_id", "unit")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_registration_contest_user" ON "registration" ("contest_id", "user_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "round_enrolment" (
                "round_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "source" character varying(16) NOT NULL,
                "from_round_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_bbc6280d7290f4a4a3355ae0235" PRIMARY KEY ("round_id", "user_id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "round_judge" (
                "round_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "recused_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_f3774af389e8d09f1cf3b77d5e8" PRIMARY KEY ("round_id", "user_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_d0c66803c6898e9caac36c6b31" ON "round_judge" ("user_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "attempt" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "round_id" uuid NOT NULL,
                "contest_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "attempt_no" integer NOT NULL,
                "status" character varying(16) NOT NULL DEFAULT 'in_progress',
                "started_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "deadline_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "submitted_at" TIMESTAMP WITH TIME ZONE,
                "score" numeric(12, 4),
                "max_score" numeric(12, 4),
                "time_taken_ms" integer,
                "prediction" numeric,
                "questions" jsonb NOT NULL,
                "pool_version" integer NOT NULL DEFAULT '0',
                "ip" character varying(64),
                "user_agent" character varying(300),
                "device_id" character varying(100),
                "flags" jsonb NOT NULL DEFAULT '[]',
                "answer_hash" character varying(64),
                "correct_count" integer,
                "submit_key" character varying(100),
                "void_reason" text,
                CONSTRAINT "PK_5f822b29b3128d1c65d3d6c193d" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_c976ed6445a23f1138e948bc20" ON "attempt" ("user_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_attempt_answer_hash" ON "attempt" ("round_id", "answer_hash")
            WHERE answer_hash IS NOT NULL
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_attempt_round_ranking" ON "attempt" ("round_id", "status", "score", "time_taken_ms")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_attempt_due" ON "attempt" ("deadline_at")
            WHERE status = 'in_progress'
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_attempt_one_in_progress" ON "attempt" ("round_id", "user_id")
            WHERE status = 'in_progress'
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_attempt_round_user_no" ON "attempt" ("round_id", "user_id", "attempt_no")
        `);
        await queryRunner.query(`
            CREATE TABLE "attempt_answer" (
                "attempt_id" uuid NOT NULL,
                "question_key" character varying(32) NOT NULL,
                "value" jsonb NOT NULL,
                "seq" integer NOT NULL,
                "rev" integer NOT NULL,
                "received_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_0041eb07d486d8677f036fb4713" PRIMARY KEY ("attempt_id", "question_key")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "attempt_event" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "attempt_id" uuid NOT NULL,
                "kind" character varying(32) NOT NULL,
                "client_at" TIMESTAMP WITH TIME ZONE,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ip" character varying(64),
                CONSTRAINT "PK_af6156ea191b85ecc6cd83f3117" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_9c5c803a401eba91d483fe4f9b" ON "attempt_event" ("attempt_id", "at")
        `);
        await queryRunner.query(`
            ALTER TABLE "contest"
            ADD CONSTRAINT "FK_14a312740c84bce85e810f9780b" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "round"
            ADD CONSTRAINT "FK_eebbbc235c96c531defec852b7a" FOREIGN KEY ("contest_id") REFERENCES "contest"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "round_question"
            ADD CONSTRAINT "FK_44cd720020de30cff465ef9b173" FOREIGN KEY ("round_id") REFERENCES "round"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "registration"
            ADD CONSTRAINT "FK_72e6e75c2794cae5f980a463292" FOREIGN KEY ("contest_id") REFERENCES "contest"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "registration"
            ADD CONSTRAINT "FK_7df145ec10b504c38049e3253d4" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "round_enrolment"
            ADD CONSTRAINT "FK_7c42c3da70aad6455a920ada394" FOREIGN KEY ("round_id") REFERENCES "round"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "round_enrolment"
            ADD CONSTRAINT "FK_0b35ad57cfba22a1c5bf40f8ae0" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "round_judge"
            ADD CONSTRAINT "FK_d99c9d65e267b778ea82d7f0743" FOREIGN KEY ("round_id") REFERENCES "round"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "round_judge"
            ADD CONSTRAINT "FK_d0c66803c6898e9caac36c6b317" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "attempt"
            ADD CONSTRAINT "FK_b6fdeb23dcdd70ae61b62460363" FOREIGN KEY ("round_id") REFERENCES "round"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "attempt"
            ADD CONSTRAINT "FK_c976ed6445a23f1138e948bc20a" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "attempt_answer"
            ADD CONSTRAINT "FK_cce9ba4bc6f0d60b56acee4be96" FOREIGN KEY ("attempt_id") REFERENCES "attempt"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "attempt_event"
            ADD CONSTRAINT "FK_c6d630e1d54f274a0ab15bc6e21" FOREIGN KEY ("attempt_id") REFERENCES "attempt"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "attempt_event" DROP CONSTRAINT "FK_c6d630e1d54f274a0ab15bc6e21"
        `);
        await queryRunner.query(`
            ALTER TABLE "attempt_answer" DROP CONSTRAINT "FK_cce9ba4bc6f0d60b56acee4be96"
        `);
        await queryRunner.query(`
            ALTER TABLE "attempt" DROP CONSTRAINT "FK_c976ed6445a23f1138e948bc20a"
        `);
        await queryRunner.query(`
            ALTER TABLE "attempt" DROP CONSTRAINT "FK_b6fdeb23dcdd70ae61b62460363"
        `);
        await queryRunner.query(`
            ALTER TABLE "round_judge" DROP CONSTRAINT "FK_d0c66803c6898e9caac36c6b317"
        `);
        await queryRunner.query(`
            ALTER TABLE "round_judge" DROP CONSTRAINT "FK_d99c9d65e267b778ea82d7f0743"
        `);
        await queryRunner.query(`
            ALTER TABLE "round_enrolment" DROP CONSTRAINT "FK_0b35ad57cfba22a1c5bf40f8ae0"
        `);
        await queryRunner.query(`
            ALTER TABLE "round_enrolment" DROP CONSTRAINT "FK_7c42c3da70aad6455a920ada394"
        `);
        await queryRunner.query(`
            ALTER TABLE "registration" DROP CONSTRAINT "FK_7df145ec10b504c38049e3253d4"
        `);
        await queryRunner.query(`
            ALTER TABLE "registration" DROP CONSTRAINT "FK_72e6e75c2794cae5f980a463292"
        `);
        await queryRunner.query(`
            ALTER TABLE "round_question" DROP CONSTRAINT "FK_44cd720020de30cff465ef9b173"
        `);
        await queryRunner.query(`
            ALTER TABLE "round" DROP CONSTRAINT "FK_eebbbc235c96c531defec852b7a"
        `);
        await queryRunner.query(`
            ALTER TABLE "contest" DROP CONSTRAINT "FK_14a312740c84bce85e810f9780b"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_9c5c803a401eba91d483fe4f9b"
        `);
        await queryRunner.query(`
            DROP TABLE "attempt_event"
        `);
        await queryRunner.query(`
            DROP TABLE "attempt_answer"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_attempt_round_user_no"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_attempt_one_in_progress"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_attempt_due"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_attempt_round_ranking"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_attempt_answer_hash"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_c976ed6445a23f1138e948bc20"
        `);
        await queryRunner.query(`
            DROP TABLE "attempt"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_d0c66803c6898e9caac36c6b31"
        `);
        await queryRunner.query(`
            DROP TABLE "round_judge"
        `);
        await queryRunner.query(`
            DROP TABLE "round_enrolment"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_registration_contest_user"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_f84dea96fe70f68c5291dec968"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_7df145ec10b504c38049e3253d"
        `);
        await queryRunner.query(`
            DROP TABLE "registration"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_b91af7c56605e27855af7bf80a"
        `);
        await queryRunner.query(`
            DROP TABLE "round_question"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_round_contest_seq"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_round_schedule"
        `);
        await queryRunner.query(`
            DROP TABLE "round"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_contest_slug"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_1c8a0d2ca590ecfbb69b554bd8"
        `);
        await queryRunner.query(`
            DROP TABLE "contest"
        `);
    }

}
