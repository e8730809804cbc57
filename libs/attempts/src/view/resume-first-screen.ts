import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { pageSessionOf, TokenService } from '@lc/identity';
import { PersonalFirstScreen, PersonalFirstScreenSource } from '@lc/platform';
import { AttemptQueryService } from './attempt-query.service';

/**
 * A resumed attempt inside `/` (issue 16): for the resident the first-screen cookie names (under
 * the access tokens' revocation checks), each attempt in progress as GET /attempts/:id answers
 * them, so the first question shows with no request after the page. Usually none or one.
 */
@Injectable()
export class ResumeFirstScreen extends PersonalFirstScreenSource {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tokens: TokenService,
    private readonly queries: AttemptQueryService,
  ) {
    super();
  }

  async render(cookieHeader: string | undefined): Promise<PersonalFirstScreen | null> {
    const actor = await this.tokens.verifyPageSession(pageSessionOf(cookieHeader));
    if (!actor || actor.role !== 'resident') return null;
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM attempt WHERE user_id = $1 AND status = 'in_progress' ORDER BY started_at DESC LIMIT 3`,
      [actor.id],
    );
    const answers: PersonalFirstScreen['answers'] = [];
    for (const { id } of rows) {
      const view = await this.queries.get(actor, id); // the resident's own view: no key while in progress
      if (view.status === 'in_progress') answers.push({ url: `/api/v1/attempts/${id}`, body: view });
    }
    return { userId: actor.id, answers };
  }
}
