import { QuestionContent } from '../questions/question-content';
import { LIMITS } from '../questions/question-limits';
import { normaliseQuestion } from '../questions/question-rules';
import { foldStem } from '../../../platform/src/text/fold';
import { parseQuestionFile } from './formats/registry';
import { fileRefused, ImportFormat, ImportProblem, isFileWarning } from './formats/types';

export interface ValidQuestion {
  ref: string;
  /** "line 12" or "row 12": where the file has it. */
  at: string;
  content: QuestionContent;
  /** foldStem(content.stem): the duplicate key. */
  folded: string;
}

/** A stretch of the file, checked: what to import, and what the report says about the rest. */
export interface ValidatedBatch {
  questions: ValidQuestion[];
  skipped: { ref: string; reason: string }[];
  errors: ImportProblem[];
  warnings: { ref: string; reason: string }[];
}

const emptyBatch = (): ValidatedBatch => ({ questions: [], skipped: [], errors: [], warnings: [] });

/**
 * Parses and validates a file, in batches of `size` good questions. Pure (no database, no
 * Nest), so it runs in the import worker thread as well as inline.
 */
export async function* validateFile(format: ImportFormat, file: Buffer, size = 250): AsyncGenerator<ValidatedBatch> {
  let batch = emptyBatch();
  let seen = 0;
  for await (const item of parseQuestionFile(format, file)) {
    if (isFileWarning(item)) {
      batch.warnings.push({ ref: 'file', reason: item.fileWarning });
      continue;
    }
    if (++seen > LIMITS.importQuestions) throw fileRefused(`The file has more than ${LIMITS.importQuestions} questions; split it`);
    const at = item.row !== undefined ? { row: item.row } : { line: item.line };
    if (item.skip) {
      batch.skipped.push({ ref: item.ref, reason: item.skip });
      continue;
    }
    const normalised = item.input && !item.problems?.length ? normaliseQuestion(item.input) : { problems: item.problems ?? ['unreadable question'] };
    if (normalised.problems) {
      for (const reason of normalised.problems) batch.errors.push({ ...at, reason });
      continue;
    }
    for (const reason of item.warnings ?? []) batch.warnings.push({ ref: item.ref, reason });
    const where = item.row !== undefined ? `row ${item.row}` : `line ${item.line}`;
    batch.questions.push({ ref: item.ref, at: where, content: normalised.content, folded: foldStem(normalised.content.stem) });
    if (batch.questions.length >= size) {
      yield batch;
      batch = emptyBatch();
    }
  }
  yield batch;
}
