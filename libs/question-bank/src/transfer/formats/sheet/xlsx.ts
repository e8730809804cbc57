import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { QuestionContent } from '../../../questions/question-content';
// By relative path, not '@lc/platform': this runs in the import worker thread, where Nest must not load.
import { readXlsxRows } from '../../../../../platform/src/files/sheet-rows';
import { ExportedFile, ParseItem } from '../types';
import { exportHeader, parseSheet, questionToRow, SHEET_LIMITS } from './sheet-columns';

/** The first worksheet, in the template's columns (zip checks and streaming: readXlsxRows). */
export function parseXlsx(buf: Buffer): AsyncGenerator<ParseItem> {
  return parseSheet(readXlsxRows(buf, SHEET_LIMITS), 'The first worksheet is empty');
}

export async function writeXlsx(questions: QuestionContent[]): Promise<ExportedFile> {
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on('data', (c: Buffer) => chunks.push(c));
  // Shared strings: exceljs writes inline strings as t="str" and decodes them twice on reading.
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('questions', { views: [{ state: 'frozen', ySplit: 1 }] });
  const optionCount = Math.max(0, ...questions.map((q) => q.options.length));
  const header = ws.addRow(exportHeader(optionCount));
  header.font = { bold: true };
  header.commit();
  for (const q of questions) ws.addRow(questionToRow(q, optionCount)).commit();
  ws.commit();
  await wb.commit();
  return {
    content: Buffer.concat(chunks),
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
    skipped: 0,
  };
}
