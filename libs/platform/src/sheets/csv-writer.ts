import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { csvCell, ExportColumn } from './columns';

export type RowSource<T> = AsyncIterable<T> | Iterable<T>;

/**
 * CSV as a stream: UTF-8 with a BOM (so Excel shows Vietnamese), CRLF line ends, a
 * header line, then one line per row pulled from `rows` only as fast as the consumer
 * reads — the rows are never all in memory.
 */
export function csvStream<T>(rows: RowSource<T>, columns: readonly ExportColumn<T>[]): Readable {
  async function* records() {
    yield columns.map((c) => c.header);
    for await (const row of rows) yield columns.map((c) => csvCell(c.kind, c.value(row)));
  }
  const out = stringify({ bom: true, record_delimiter: 'windows' });
  Readable.from(records())
    .on('error', (e) => out.destroy(e))
    .pipe(out);
  return out;
}

/** Writes the CSV to `out` (a file or a response) and resolves with the number of data rows once it is flushed. */
export async function writeCsv<T>(rows: RowSource<T>, columns: readonly ExportColumn<T>[], out: Writable): Promise<{ rows: number }> {
  let n = 0;
  async function* counted() {
    for await (const r of rows) {
      n++;
      yield r;
    }
  }
  await pipeline(csvStream(counted(), columns), out);
  return { rows: n };
}
