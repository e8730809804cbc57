import type { QuestionInput } from '../../questions/question-content';

/** One question as a file gave it, before the shared validation. */
export interface ParsedQuestion {
  /** How the report names it, e.g. "line 12 (Kanji Origins)" or "row 5". */
  ref: string;
  line?: number;
  row?: number;
  input?: QuestionInput;
  /** A question of a kind the platform does not support: skipped, with this reason. */
  skip?: string;
  /** Broken: each problem is an import error, and nothing is imported. */
  problems?: string[];
  /** Imported, but something the file said could not be kept. */
  warnings?: string[];
}

export interface ImportProblem {
  line?: number;
  row?: number;
  reason: string;
}

/**
 * What a parser yields, in file order: questions (good, broken or unsupported; a stray line
 * that belongs to no question comes as a broken question at its line) and notes about the
 * file as a whole. Parsers stream, so an import holds one batch at a time.
 */
export type ParseItem = ParsedQuestion | { fileWarning: string };
export type ParseStream = Iterable<ParseItem> | AsyncIterable<ParseItem>;

export const isFileWarning = (item: ParseItem): item is { fileWarning: string } => 'fileWarning' in item;

export const IMPORT_FORMATS = ['xlsx', 'csv', 'gift', 'moodle-xml', 'aiken'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export const EXPORT_FORMATS = [...IMPORT_FORMATS, 'answer-sheet'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * The whole file is refused (unreadable, hostile, too big): nothing about single questions.
 * A plain error (parsers run in a worker thread, away from Nest); the importer answers 400.
 */
export class FileRefusedError extends Error {
  constructor(
    message: string,
    readonly details?: unknown,
    /** The error code the importer answers with (default import_file_refused). */
    readonly code?: string,
  ) {
    super(message);
  }
}

export const fileRefused = (message: string, details?: unknown, code?: string): FileRefusedError => new FileRefusedError(message, details, code);

/** What one export produced. */
export interface ExportedFile {
  content: Buffer;
  contentType: string;
  extension: string;
  /** Questions the format cannot express, left out (Aiken holds single-choice questions only). */
  skipped: number;
}
