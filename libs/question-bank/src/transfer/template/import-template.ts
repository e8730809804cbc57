import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import { ExportedFile } from '../formats/types';
import { optionKey, optionVi, SHEET_COLUMNS } from '../formats/sheet/header-map';

export const TEMPLATE_FORMATS = ['xlsx', 'csv'] as const;
export type TemplateFormat = (typeof TEMPLATE_FORMATS)[number];
export const TEMPLATE_LANGS = ['vi', 'en'] as const;
export type TemplateLang = (typeof TEMPLATE_LANGS)[number];

const LETTERS = ['A', 'B', 'C', 'D'];
type Column = (typeof SHEET_COLUMNS)[number]['key'] | `option_${'a' | 'b' | 'c' | 'd'}`;

/** The template's columns in order: the layout of question-template.csv, then the extras. */
const ORDER: Column[] = [
  'topic',
  'legal_reference',
  'type',
  'difficulty',
  'points',
  'question',
  'option_a',
  'option_b',
  'option_c',
  'option_d',
  'correct',
  'explanation',
  'tolerance',
  'tags',
  'rubric',
  'case_sensitive',
  'diacritics_sensitive',
];

const VI = new Map<string, string>([...SHEET_COLUMNS.map((c) => [c.key, c.vi] as const), ...LETTERS.map((l) => [optionKey(l), optionVi(l)] as const)]);

/** Type as each template writes it: the code in English, the question editor's label in Vietnamese. */
const TYPE_TEXT: Record<string, Record<TemplateLang, string>> = {
  single: { en: 'single', vi: 'Một đáp án đúng' },
  multiple: { en: 'multiple', vi: 'Nhiều đáp án đúng' },
  true_false: { en: 'true_false', vi: 'Đúng / Sai' },
  numeric: { en: 'numeric', vi: 'Điền số' },
  short_text: { en: 'short_text', vi: 'Trả lời ngắn' },
  essay: { en: 'essay', vi: 'Tự luận' },
};

type Example = Partial<Record<Column, string | number>> & { type: keyof typeof TYPE_TEXT };

/** One example per question type, so a filled-in template shows every way to write one. */
const EXAMPLES: Example[] = [
  {
    topic: 'Bầu cử/Nguyên tắc',
    legal_reference: 'Luật Bầu cử ĐBQH và đại biểu HĐND 2015, Điều 1',
    type: 'single',
    difficulty: 1,
    points: 1,
    question: 'Việc bầu cử đại biểu Quốc hội được tiến hành theo những nguyên tắc nào?',
    option_a: 'Phổ thông, bình đẳng, trực tiếp và bỏ phiếu kín',
    option_b: 'Phổ thông, công khai, trực tiếp',
    option_c: 'Bình đẳng, gián tiếp và bỏ phiếu kín',
    option_d: 'Tự nguyện, công khai và bỏ phiếu kín',
    correct: 'A',
    explanation: 'Điều 1: phổ thông, bình đẳng, trực tiếp và bỏ phiếu kín.',
    tags: 'bầu cử, nguyên tắc',
  },
  {
    topic: 'Bầu cử/Cử tri',
    legal_reference: 'Luật Bầu cử ĐBQH và đại biểu HĐND 2015, Điều 7',
    type: 'multiple',
    difficulty: 2,
    points: 2,
    question: 'Mỗi cử tri có những quyền nào sau đây? (chọn tất cả đáp án đúng)',
    option_a: 'Được ghi tên vào một danh sách cử tri',
    option_b: 'Được bỏ phiếu nhiều lần ở các khu vực khác nhau',
    option_c: 'Được bỏ một phiếu bầu đại biểu Quốc hội',
    option_d: 'Được nhờ người khác bỏ phiếu thay khi bận',
    correct: 'A,C',
  },
  {
    topic: 'Bầu cử/Cử tri',
    legal_reference: 'Luật Bầu cử ĐBQH và đại biểu HĐND 2015, Điều 69',
    type: 'true_false',
    difficulty: 1,
    points: 1,
    question: 'Cử tri có thể nhờ người khác bỏ phiếu thay mình khi bận việc riêng.',
    option_a: 'Đúng',
    option_b: 'Sai',
    correct: 'B',
  },
  {
    topic: 'Bầu cử/Cử tri',
    legal_reference: 'Luật Bầu cử ĐBQH và đại biểu HĐND 2015, Điều 2',
    type: 'numeric',
    difficulty: 1,
    points: 1,
    question: 'Công dân đủ bao nhiêu tuổi trở lên thì có quyền bầu cử?',
    correct: 18,
    tolerance: 0,
  },
  {
    topic: 'Bầu cử/Tổ chức',
    legal_reference: 'Luật Bầu cử ĐBQH và đại biểu HĐND 2015, Điều 12',
    type: 'short_text',
    difficulty: 2,
    points: 1,
    question: 'Cơ quan nào do Quốc hội thành lập để tổ chức bầu cử đại biểu Quốc hội?',
    correct: 'Hội đồng bầu cử quốc gia|Hội đồng bầu cử',
  },
  {
    topic: 'Phòng chống tham nhũng',
    type: 'essay',
    difficulty: 3,
    points: 10,
    question: 'Trình bày một sáng kiến tuyên truyền pháp luật về phòng, chống tham nhũng cho thanh niên ở địa phương (không quá 1.500 từ).',
    rubric: 'Nội dung pháp lý chính xác (4 điểm), sáng tạo (3 điểm), khả thi (3 điểm).',
  },
];

/** What each column means, for the guide sheet (Vietnamese: the organisers' language). */
const GUIDE: Record<Column, string> = {
  topic: 'Không bắt buộc. Chủ đề của câu hỏi; dùng dấu "/" cho chủ đề con, ví dụ "Bầu cử/Nguyên tắc".',
  legal_reference: 'Không bắt buộc. Văn bản, điều khoản làm căn cứ.',
  type: 'Bắt buộc. Một đáp án đúng (single), Nhiều đáp án đúng (multiple), Đúng / Sai (true_false), Điền số (numeric), Trả lời ngắn (short_text), Tự luận (essay).',
  difficulty: 'Không bắt buộc. 1 (dễ), 2 (trung bình) hoặc 3 (khó); bỏ trống là 1.',
  points: 'Không bắt buộc. Số điểm của câu, lớn hơn 0; bỏ trống là 1.',
  question: 'Bắt buộc. Nội dung câu hỏi.',
  option_a:
    'Các phương án trả lời, điền lần lượt từ A. Cần thêm phương án thì thêm cột "Phương án E", "Phương án F"… Câu Điền số, Trả lời ngắn, Tự luận để trống.',
  option_b: '',
  option_c: '',
  option_d: '',
  correct:
    'Chữ cái của phương án đúng, ví dụ "B"; nhiều đáp án: "A,C". Câu Đúng / Sai: "A" (Đúng) hoặc "B" (Sai). Câu Điền số: con số (dấu thập phân là dấu phẩy hoặc dấu chấm). Câu Trả lời ngắn: các đáp án được chấp nhận, cách nhau bởi dấu "|". Câu Tự luận để trống.',
  explanation: 'Không bắt buộc. Giải thích đáp án, hiện cho người thi sau khi công bố kết quả.',
  tolerance: 'Không bắt buộc, chỉ cho câu Điền số: sai số cho phép, ví dụ 0,5.',
  tags: 'Không bắt buộc. Các thẻ, cách nhau bởi dấu phẩy.',
  rubric: 'Không bắt buộc, cho câu Tự luận: hướng dẫn chấm cho giám khảo.',
  case_sensitive: 'Không bắt buộc, cho câu Trả lời ngắn: ghi "Có" nếu phân biệt chữ hoa, chữ thường.',
  diacritics_sensitive: 'Không bắt buộc, cho câu Trả lời ngắn: ghi "Có" nếu phải gõ đúng dấu tiếng Việt.',
};

const headerText = (c: Column, lang: TemplateLang): string => (lang === 'vi' ? VI.get(c)! : c);

/** The template's rows: the header, then one example per question type. */
export function templateRows(lang: TemplateLang): (string | number)[][] {
  const rows = EXAMPLES.map((e) => ORDER.map((c) => (c === 'type' ? TYPE_TEXT[e.type][lang] : (e[c] ?? ''))));
  return [ORDER.map((c) => headerText(c, lang)), ...rows];
}

export function templateFileName(format: TemplateFormat, lang: TemplateLang): string {
  return `${lang === 'vi' ? 'mau-nhap-cau-hoi' : 'question-template'}.${format}`;
}

/** The import template as a file: CSV (UTF-8 with BOM, for Excel) or XLSX with a guide sheet. */
export async function writeTemplate(format: TemplateFormat, lang: TemplateLang): Promise<ExportedFile> {
  const rows = templateRows(lang);
  if (format === 'csv') {
    return {
      content: Buffer.from(stringify(rows, { bom: true, record_delimiter: '\r\n' }), 'utf8'),
      contentType: 'text/csv; charset=utf-8',
      extension: 'csv',
      skipped: 0,
    };
  }
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(lang === 'vi' ? 'Câu hỏi' : 'questions', { views: [{ state: 'frozen', ySplit: 1 }] });
  rows.forEach((r) => sheet.addRow(r));
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((col, i) => (col.width = ORDER[i] === 'question' || ORDER[i]?.startsWith('option_') ? 40 : 18));
  const guide = wb.addWorksheet('Hướng dẫn');
  guide.addRow(['Cột', 'Tên khác được chấp nhận', 'Cách điền']).font = { bold: true };
  for (const c of ORDER) {
    if (!GUIDE[c]) continue;
    guide.addRow([headerText(c, lang), headerText(c, lang === 'vi' ? 'en' : 'vi'), GUIDE[c]]);
  }
  guide.addRow([]);
  guide.addRow([
    '',
    '',
    'Chỉ trang tính đầu tiên được nhập. Tên cột không phân biệt chữ hoa, dấu hay khoảng trắng; cột không có trong danh sách trên làm tệp bị từ chối. Xóa hoặc thay các dòng ví dụ trước khi nhập.',
  ]);
  guide.columns = [{ width: 24 }, { width: 24 }, { width: 100 }];
  guide.getColumn(3).alignment = { wrapText: true, vertical: 'top' };
  return {
    content: Buffer.from(await wb.xlsx.writeBuffer()),
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
    skipped: 0,
  };
}
