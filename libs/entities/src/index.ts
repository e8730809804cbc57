import { ATTEMPT_ENTITIES } from '@lc/attempts';
import { CONTEST_ENTITIES } from '@lc/contests';
import { IDENTITY_ENTITIES } from '@lc/identity';
import { JUDGED_ENTRY_ENTITIES, RESULT_ENTITIES } from '@lc/judging';
import { AuditLog } from '@lc/platform';
import { QUESTION_BANK_ENTITIES } from '@lc/question-bank';
import { STATISTICS_ENTITIES } from '@lc/statistics';

/**
 * Every entity of the platform, composed from what each feature library exports (platform
 * cannot import features, so the list lives above them all): the api, the worker, the CLIs,
 * the migration data source and the tests import it as `@lc/entities`.
 */
export const ALL_ENTITIES = [
  AuditLog,
  ...IDENTITY_ENTITIES,
  ...QUESTION_BANK_ENTITIES,
  ...CONTEST_ENTITIES,
  ...ATTEMPT_ENTITIES,
  ...RESULT_ENTITIES,
  ...JUDGED_ENTRY_ENTITIES,
  ...STATISTICS_ENTITIES,
];
