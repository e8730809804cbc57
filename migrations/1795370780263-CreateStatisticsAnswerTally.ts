import { MigrationInterface, QueryRunner } from "typeorm";

export class CreateStatisticsAnswerTally1795370780263 implements MigrationInterface {
    name = 'CreateStatisticsAnswerTally1795370780263'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "statistics_answer_tally" (
                "round_id" uuid NOT NULL,
                "day" date NOT NULL,
                "fingerprint" character varying(100) NOT NULL,
                "entries" integer NOT NULL,
                "groups" jsonb NOT NULL,
                "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_157468da7b6f70c82836c7005ec" PRIMARY KEY ("round_id", "day")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "statistics_answer_tally"
            ADD CONSTRAINT "FK_c2cc559732886e66ac6d91cda6f" FOREIGN KEY ("round_id") REFERENCES "round"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "statistics_answer_tally" DROP CONSTRAINT "FK_c2cc559732886e66ac6d91cda6f"
        `);
        await queryRunner.query(`
            DROP TABLE "statistics_answer_tally"
        `);
    }

}
