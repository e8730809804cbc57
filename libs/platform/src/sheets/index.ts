// The spreadsheet toolkit shared by every export (results, winners, payouts, statistics):
// columns with masking and formula neutralising, and streamed CSV / XLSX writers.
export * from './sanitise';
export * from './columns';
export * from './csv-writer';
export * from './xlsx-writer';
