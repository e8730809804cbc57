import { Injectable } from '@nestjs/common';
import { FrozenPool, PoolQuestion, SelectionRule } from './question-pool.types';

/**
 * The seam between question banks and rounds. STUB: the question-bank module implements it.
 */
@Injectable()
export class QuestionPoolService {
  /**
   * Validates the rules against what the organisation's banks hold (400 naming the rule when
   * a bank is foreign or holds too few matching questions), locks the candidate versions so
   * they never change, and returns them per rule.
   */
  async freeze(_organisationId: string, _rules: SelectionRule[]): Promise<FrozenPool> {
    throw new Error('QuestionPoolService.freeze is not implemented yet');
  }

  /** The frozen versions by id (for scoring and answer keys). */
  async versions(_versionIds: string[]): Promise<PoolQuestion[]> {
    throw new Error('QuestionPoolService.versions is not implemented yet');
  }
}
