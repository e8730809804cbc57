import { formatVnDateTime } from '../text/vn-format';
import { neutraliseFormula } from '../files/formula';
import { maskIdentifier } from './sanitise';

/**
 * How a column's value is written: `national-id` and `phone` are always masked, `text`
 * always neutralised, `duration-ms` becomes seconds, `datetime` is shown in Vietnam time.
 */
export type CellKind = 'text' | 'number' | 'datetime' | 'duration-ms' | 'national-id' | 'phone';
export type RawCell = string | number | Date | boolean | null | undefined;

export interface ExportColumn<T> {
  header: string;
  kind: CellKind;
  value: (row: T) => RawCell;
  width?: number;
}

/** The cell as CSV text (the BOM and quoting are the writer's job). */
export function csvCell(kind: CellKind, raw: RawCell): string {
  if (raw === null || raw === undefined || raw === '') return '';
  switch (kind) {
    case 'national-id':
    case 'phone':
      return neutraliseFormula(maskIdentifier(String(raw)) ?? '');
    case 'number':
      return typeof raw === 'number' ? String(raw) : neutraliseFormula(String(raw));
    case 'duration-ms':
      return typeof raw === 'number' ? String(raw / 1000) : '';
    case 'datetime':
      return raw instanceof Date ? formatVnDateTime(raw) : neutraliseFormula(String(raw));
    case 'text':
      return neutraliseFormula(raw instanceof Date ? raw.toISOString() : String(raw));
  }
}

const VN_OFFSET_MS = 7 * 3600_000;

/** The cell as an XLSX value: numbers stay numbers, dates become Vietnam wall-clock dates. */
export function xlsxCell(kind: CellKind, raw: RawCell): string | number | Date | null {
  if (raw === null || raw === undefined || raw === '') return null;
  switch (kind) {
    case 'number':
      return typeof raw === 'number' ? raw : neutraliseFormula(String(raw));
    case 'duration-ms':
      return typeof raw === 'number' ? raw / 1000 : null;
    case 'datetime':
      // Excel has no time zones; shift so the cell reads as the time in Vietnam.
      return raw instanceof Date ? new Date(raw.getTime() + VN_OFFSET_MS) : neutraliseFormula(String(raw));
    case 'national-id':
    case 'phone':
    case 'text':
      return csvCell(kind, raw);
  }
}

export const XLSX_DATETIME_FORMAT = 'dd/mm/yyyy hh:mm:ss.000';
