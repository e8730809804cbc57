import { Writable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { ReadReplica, writeCsv, writeXlsx } from '@lc/platform';
import { RESULT_COLUMNS, WINNER_COLUMNS } from '../../exports/result-columns';
import { countRows, ExportFormat, ExportScope, rankingRows, winnerRows } from './export-rows';

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/**
 * Writes a round's ranking or winners list as XLSX or CSV to `out` (a response or a
 * file), reading the stored result through a cursor inside one read-only transaction,
 * so the rows stream from PostgreSQL to the output and never gather in memory. The
 * transaction is the streaming replica's once it has replayed everything the primary had
 * committed when the export began (a result is exported right after it was closed or
 * published or corrected), else the primary's (ReadReplica.snapshot).
 */
@Injectable()
export class ResultExportWriter {
  constructor(private readonly replica: ReadReplica) {}

  async write(
    roundId: string,
    format: ExportFormat,
    scope: ExportScope,
    out: Writable,
    progress?: { total?: (n: number) => void | Promise<void>; rows?: (n: number) => void | Promise<void> },
  ): Promise<{ rows: number }> {
    return this.replica.snapshot(
      async (m) => {
        if (progress?.total) await progress.total(await countRows(m, roundId, scope));
        const counted = async function* <T>(rows: AsyncIterable<T>) {
          let n = 0;
          for await (const r of rows) {
            yield r;
            if (++n % 5000 === 0 && progress?.rows) await progress.rows(n);
          }
        };
        const opts = { sheetName: scope === 'winners' ? 'Người đạt giải' : 'Kết quả', title: `Kết quả vòng thi ${roundId}` };
        if (scope === 'winners') {
          const rows = counted(winnerRows(m, roundId));
          return format === 'xlsx' ? writeXlsx(rows, WINNER_COLUMNS, out, opts) : writeCsv(rows, WINNER_COLUMNS, out);
        }
        const rows = counted(rankingRows(m, roundId));
        return format === 'xlsx' ? writeXlsx(rows, RESULT_COLUMNS, out, opts) : writeCsv(rows, RESULT_COLUMNS, out);
      },
      { caughtUp: true },
    );
  }
}
