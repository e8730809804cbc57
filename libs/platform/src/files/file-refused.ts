/**
 * The whole file is refused (unreadable, hostile, too big): nothing about single rows.
 * A plain error, not a DomainError: parsers run in worker threads, away from Nest; the
 * importer that called them answers 400.
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
