import { MigrationInterface, QueryRunner } from "typeorm";

export class CreateIdentityAndAudit1795360895715 implements MigrationInterface {
    name = 'CreateIdentityAndAudit1795360895715'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "audit_log" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "actor_id" uuid,
                "actor_role" character varying(32),
                "organisation_id" uuid,
                "action" character varying(64) NOT NULL,
                "entity_type" character varying(64) NOT NULL,
                "entity_id" character varying(64) NOT NULL,
                "before" jsonb,
                "after" jsonb,
                "reason" text,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_43fef0ec7f613c19c612fffe62" ON "audit_log" ("entity_type", "entity_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "organisation" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" character varying(200) NOT NULL,
                "level" character varying(16) NOT NULL,
                "province" character varying(64),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_c725ae234ef1b74cce43d2d00c1" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "user" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "full_name" character varying(120) NOT NULL,
                "email" character varying(254),
                "phone_hash" character varying(64),
                "phone_encrypted" text,
                "phone_masked" character varying(16),
                "password_hash" character varying(200) NOT NULL,
                "role" character varying(16) NOT NULL,
                "organisation_id" uuid,
                "province" character varying(64),
                "commune" character varying(120),
                "unit" character varying(200),
                "date_of_birth" date,
                "national_id_hash" character varying(64),
                "national_id_encrypted" text,
                "national_id_masked" character varying(16),
                "consent_at" TIMESTAMP WITH TIME ZONE,
                "guardian_name" character varying(120),
                "guardian_consent_at" TIMESTAMP WITH TIME ZONE,
                "token_version" integer NOT NULL DEFAULT '0',
                "deleted_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_cace4a159ff9f2512dd42373760" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_c7a4825eaaf9118259b890ad65" ON "user" ("organisation_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_user_national_id_hash" ON "user" ("national_id_hash")
            WHERE national_id_hash IS NOT NULL
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_user_phone_hash" ON "user" ("phone_hash")
            WHERE phone_hash IS NOT NULL
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_user_email" ON "user" ("email")
            WHERE email IS NOT NULL
        `);
        await queryRunner.query(`
            CREATE TABLE "refresh_token" (
                "id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "family" uuid NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "used_at" TIMESTAMP WITH TIME ZONE,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_b575dd3c21fb0831013c909e7fe" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_6bbe63d2fe75e7f0ba1710351d" ON "refresh_token" ("user_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "user"
            ADD CONSTRAINT "FK_c7a4825eaaf9118259b890ad65d" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "refresh_token"
            ADD CONSTRAINT "FK_6bbe63d2fe75e7f0ba1710351d4" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "refresh_token" DROP CONSTRAINT "FK_6bbe63d2fe75e7f0ba1710351d4"
        `);
        await queryRunner.query(`
            ALTER TABLE "user" DROP CONSTRAINT "FK_c7a4825eaaf9118259b890ad65d"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_6bbe63d2fe75e7f0ba1710351d"
        `);
        await queryRunner.query(`
            DROP TABLE "refresh_token"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_user_email"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_user_phone_hash"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_user_national_id_hash"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_c7a4825eaaf9118259b890ad65"
        `);
        await queryRunner.query(`
            DROP TABLE "user"
        `);
        await queryRunner.query(`
            DROP TABLE "organisation"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_43fef0ec7f613c19c612fffe62"
        `);
        await queryRunner.query(`
            DROP TABLE "audit_log"
        `);
    }

}
