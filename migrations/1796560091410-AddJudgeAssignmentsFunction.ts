import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The rounds a judge sees, published for identity's AccessService by the modules that know
 * (contests: round, round_judge; judging: jury_settings, the head judge): assigned and not
 * recused, or the jury's head judge unless they recused. A view with a parameter: a SQL
 * function of one SELECT is inlined by the planner, so the plan is the query identity ran.
 */
export class AddJudgeAssignmentsFunction1796560091410 implements MigrationInterface {
    name = 'AddJudgeAssignmentsFunction1796560091410'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE FUNCTION judge_assignments(judge uuid) RETURNS TABLE (round_id uuid, contest_id uuid, head boolean)
            LANGUAGE sql STABLE AS $$
              SELECT r.id, r.contest_id, coalesce(s.head_judge_user_id = judge, false)
                FROM round r
                LEFT JOIN round_judge j ON j.round_id = r.id AND j.user_id = judge
                LEFT JOIN jury_settings s ON s.round_id = r.id
               WHERE j.recused_at IS NULL AND (j.user_id IS NOT NULL OR s.head_judge_user_id = judge)
            $$
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP FUNCTION judge_assignments(uuid)`);
    }
}
