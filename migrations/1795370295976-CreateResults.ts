import { MigrationInterface, QueryRunner } from "typeorm";

export class CreateResults1795370295976 implements MigrationInterface {
    name = 'CreateResults1795370295976'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "round_rules" (
                "round_id" uuid NOT NULL,
                "ranking_rules" jsonb NOT NULL,
                "prize_plan" jsonb,
                "group_field" character varying(64),
                "updated_by" uuid,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_d3116e717633aedd6c79394c802" PRIMARY KEY ("round_id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "contest_award_rules" (
                "contest_id" uuid NOT NULL,
                "across_rounds" character varying(16) NOT NULL DEFAULT 'highest-only',
                "unit_prizes" jsonb,
                "headcounts" jsonb NOT NULL DEFAULT '{}',
                "documents" jsonb NOT NULL DEFAULT '{}',
                "updated_by" uuid,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_bbcac5950d662c2b9c48d58358e" PRIMARY KEY ("contest_id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "round_result" (
                "round_id" uuid NOT NULL,
                "contest_id" uuid NOT NULL,
                "status" character varying(16) NOT NULL,
                "version" integer NOT NULL DEFAULT '1',
                "rules" jsonb NOT NULL,
                "prediction_actual" numeric,
                "audit" jsonb NOT NULL,
                "ranked_count" integer NOT NULL,
                "winner_count" integer NOT NULL DEFAULT '0',
                "stale" boolean NOT NULL DEFAULT false,
                "shortfalls" jsonb NOT NULL DEFAULT '[]',
                "closed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "closed_by" uuid,
                "published_at" TIMESTAMP WITH TIME ZONE,
                "published_by" uuid,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_be214f8cebbb9ac95181987bb6e" PRIMARY KEY ("round_id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "result_entry" (
                "round_id" uuid NOT NULL,
                "position" integer NOT NULL,
                "rank" integer NOT NULL,
                "user_id" uuid NOT NULL,
                "attempt_id" uuid NOT NULL,
                "attempt_no" integer,
                "score" numeric(12, 4) NOT NULL,
                "max_score" numeric(12, 4) NOT NULL,
                "time_taken_ms" integer NOT NULL,
                "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "prediction" numeric,
                "distance" numeric,
                "attempts_counted" integer NOT NULL DEFAULT '1',
                "vs_previous" character varying(32),
                "unit" character varying(200),
                "grp" character varying(200),
                "prize_code" character varying(40),
                "prize_name" character varying(200),
                "prize_level" integer,
                "prize_boundary_tie" boolean NOT NULL DEFAULT false,
                CONSTRAINT "PK_5aced713b0b7da18c48c7fd3133" PRIMARY KEY ("round_id", "position")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_result_entry_round_prize" ON "result_entry" ("round_id")
            WHERE prize_code IS NOT NULL
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_result_entry_round_user" ON "result_entry" ("round_id", "user_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "result_correction" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "round_id" uuid NOT NULL,
                "reason" text NOT NULL,
                "request" jsonb NOT NULL,
                "changes" jsonb NOT NULL,
                "before_hash" character varying(64) NOT NULL,
                "after_hash" character varying(64) NOT NULL,
                "version" integer NOT NULL,
                "created_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_980ac47ecbe0163042a5fb7a517" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_480618e3fb6fa35d511a2a9ff7" ON "result_correction" ("round_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "result_export" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organisation_id" uuid NOT NULL,
                "round_id" uuid NOT NULL,
                "requested_by" uuid,
                "format" character varying(8) NOT NULL,
                "scope" character varying(16) NOT NULL,
                "status" character varying(16) NOT NULL DEFAULT 'queued',
                "rows_written" integer NOT NULL DEFAULT '0',
                "rows_total" integer,
                "file_name" character varying(200),
                "bytes" bigint,
                "error" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "finished_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_d1de4dc35b40e39748e2e4dd794" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_d0f08c3c4e33474a0acbe5ffd3" ON "result_export" ("round_id", "created_at")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."IDX_d0f08c3c4e33474a0acbe5ffd3"
        `);
        await queryRunner.query(`
            DROP TABLE "result_export"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_480618e3fb6fa35d511a2a9ff7"
        `);
        await queryRunner.query(`
            DROP TABLE "result_correction"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_result_entry_round_user"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_result_entry_round_prize"
        `);
        await queryRunner.query(`
            DROP TABLE "result_entry"
        `);
        await queryRunner.query(`
            DROP TABLE "round_result"
        `);
        await queryRunner.query(`
            DROP TABLE "contest_award_rules"
        `);
        await queryRunner.query(`
            DROP TABLE "round_rules"
        `);
    }

}
