import { QuestionContent } from '../../questions/question-content';
import { parseAiken } from './aiken/parse-aiken';
import { writeAiken } from './aiken/write-aiken';
import { decodeText } from '../../../../platform/src/files/decode-text';
import { parseGift } from './gift/parse-gift';
import { writeGift } from './gift/write-gift';
import { parseMoodleXml } from './moodle-xml/parse-moodle-xml';
import { writeMoodleXml } from './moodle-xml/write-moodle-xml';
import { parseCsv, writeCsv } from './sheet/csv';
import { parseXlsx, writeXlsx } from './sheet/xlsx';
import { ExportedFile, ImportFormat, ParseStream } from './types';

/** Reads a file of any supported format as a stream of parsed questions (not yet validated). */
export function parseQuestionFile(format: ImportFormat, file: Buffer): ParseStream {
  switch (format) {
    case 'xlsx':
      return parseXlsx(file);
    case 'csv':
      return parseCsv(file);
    case 'gift':
      return parseGift(file);
    case 'moodle-xml':
      return parseMoodleXml(decodeText(file));
    case 'aiken':
      return parseAiken(file);
  }
}

export async function writeQuestionFile(format: ImportFormat, questions: QuestionContent[]): Promise<ExportedFile> {
  switch (format) {
    case 'xlsx':
      return writeXlsx(questions);
    case 'csv':
      return writeCsv(questions);
    case 'gift':
      return writeGift(questions);
    case 'moodle-xml':
      return writeMoodleXml(questions);
    case 'aiken':
      return writeAiken(questions);
  }
}

/** The format a file name implies, when it is unambiguous (".txt" could be GIFT or Aiken). */
export function formatFromFilename(name: string): ImportFormat | null {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  return ({ xlsx: 'xlsx', csv: 'csv', gift: 'gift', xml: 'moodle-xml' } as Record<string, ImportFormat>)[ext ?? ''] ?? null;
}
