/**
 * Spreadsheet programs run a cell that starts with = + - @ (or a tab / carriage return
 * that hides one) as a formula: a name like "=HYPERLINK(…)" typed at registration
 * would run on an organiser's machine. Such text gets a leading apostrophe (OWASP
 * "CSV injection"); the question import removes it again. Numbers are written as numbers
 * and are never touched. Every CSV/XLSX writer (question export, result exports) uses this.
 */
export function neutraliseFormula(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}
