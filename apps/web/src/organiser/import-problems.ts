/**
 * The import report in Vietnamese. The server words each problem in English (libs/question-bank:
 * questions/question-rules.ts, topics/topic-path.ts, transfer/**), one sentence per kind with
 * values in it; these rules read those sentences back, values included, and say them in
 * Vietnamese. Anything not recognised is shown as the server wrote it, never dropped.
 * import-problems.test.ts reads the server's sources, so a new English sentence there fails
 * the tests until it has a Vietnamese one here.
 */

type Rule = [RegExp, (...groups: string[]) => string];

/** What an English sentence names ("the rubric", "option B", "the cell in column question"). */
function thing(what: string): string {
  const option = /^option ([A-Z])$/.exec(what);
  if (option) return `Phương án ${option[1]}`;
  const column = /^the cell in column (.+)$/.exec(what);
  if (column) return `Ô ở cột ${col(column[1])}`;
  const known: Record<string, string> = {
    'the question text': 'Nội dung câu hỏi',
    'the legal reference': 'Căn cứ pháp lý',
    'the explanation': 'Phần giải thích',
    'the rubric': 'Hướng dẫn chấm',
    'an accepted answer': 'Một đáp án được chấp nhận',
  };
  return known[what] ?? what;
}

const KIND: Record<string, string> = { single: 'một lựa chọn', multiple: 'nhiều lựa chọn' };

/** A spreadsheet column as the Vietnamese template names it, the English name after it ("Đáp án (correct)"). */
const COLUMN_VI: Record<string, string> = {
  topic: 'Chủ đề',
  legal_reference: 'Căn cứ pháp lý',
  type: 'Loại câu hỏi',
  difficulty: 'Độ khó',
  points: 'Điểm',
  question: 'Nội dung câu hỏi',
  correct: 'Đáp án',
  explanation: 'Giải thích',
  tolerance: 'Sai số',
  tags: 'Thẻ',
  rubric: 'Hướng dẫn chấm',
  case_sensitive: 'Phân biệt chữ hoa',
  diacritics_sensitive: 'Phân biệt dấu',
};
function col(name: string): string {
  const option = /^option_([a-z])$/.exec(name);
  if (option) return `Phương án ${option[1].toUpperCase()} (${name})`;
  return COLUMN_VI[name] ? `${COLUMN_VI[name]} (${name})` : name;
}

/** Technical reasons an XLSX (a zip) is refused, for the few a person can act on. */
function zipWhy(why: string): string {
  if (why === 'encrypted parts are not accepted') return 'tệp có mật khẩu hoặc bị mã hóa; hãy bỏ mật khẩu rồi lưu lại';
  if (why === 'ZIP64 is not accepted') return 'tệp quá lớn (định dạng ZIP64); hãy chia nhỏ tệp';
  const mb = /^it would unpack to more than (\d+) MB$/.exec(why);
  if (mb) return `giải nén ra hơn ${mb[1]} MB; hãy chia nhỏ tệp`;
  const doctype = /^(\S+) declares a DOCTYPE or entities$/.exec(why);
  if (doctype) return `phần ${doctype[1]} có khai báo DOCTYPE hoặc ENTITY`;
  const bomb = /^(\S+) unpacks to more than it declares/.exec(why);
  if (bomb) return `phần ${bomb[1]} giải nén ra lớn hơn kích thước khai báo`;
  const parts = /^more than (\d+) parts$/.exec(why);
  if (parts) return `có hơn ${parts[1]} thành phần`;
  return `cấu trúc tệp không hợp lệ (${why})`;
}

const RULES: Rule[] = [
  // One question (questions/question-rules.ts, topics/topic-path.ts).
  [
    /^type must be one of ([^(]+?)(?: \(got "(.*)"\))?$/,
    (list, got) => `Loại câu hỏi phải là một trong: ${list}${got !== undefined ? ` (đang ghi "${got}")` : ''}.`,
  ],
  [/^the question text is empty$/, () => 'Nội dung câu hỏi đang trống.'],
  [/^difficulty must be 1, 2 or 3$/, () => 'Độ khó phải là 1, 2 hoặc 3.'],
  [
    /^points must be a number above 0 and at most (\S+), with at most 2 decimals$/,
    (max) => `Điểm phải là số lớn hơn 0 và không quá ${max}, tối đa 2 chữ số thập phân.`,
  ],
  [/^each topic level must be at most (\d+) characters$/, (n) => `Mỗi cấp của chủ đề dài tối đa ${n} ký tự.`],
  [/^topic must be at most (\d+) characters$/, (n) => `Chủ đề dài tối đa ${n} ký tự.`],
  [/^topics nest at most (\d+) levels deep$/, (n) => `Chủ đề lồng nhau tối đa ${n} cấp.`],
  [/^tag "(.*)" is longer than (\d+) characters$/, (tag, n) => `Nhãn "${tag}" dài quá ${n} ký tự.`],
  [/^tag "(.*)" may not contain , ; or \|$/, (tag) => `Nhãn "${tag}" không được chứa dấu , ; hoặc |.`],
  [/^(.+) is longer than (\d+) characters$/, (what, n) => `${thing(what)} dài quá ${n} ký tự.`],
  [/^at most (\d+) tags$/, (n) => `Tối đa ${n} nhãn.`],
  [/^at most (\d+) options$/, (n) => `Tối đa ${n} phương án.`],
  [/^at most (\d+) accepted answers$/, (n) => `Tối đa ${n} đáp án được chấp nhận.`],
  [/^option ([A-Z]) is empty$/, (l) => `Phương án ${l} đang trống.`],
  [/^option ([A-Z]) repeats another option \("(.*)"\)$/s, (l, text) => `Phương án ${l} trùng với một phương án khác ("${text}").`],
  [/^a (single|multiple)-choice question needs at least 2 options$/, (k) => `Câu ${KIND[k]} cần ít nhất 2 phương án.`],
  [/^a single-choice question must have exactly one correct option$/, () => 'Câu một lựa chọn phải có đúng một phương án đúng.'],
  [/^a multiple-choice question needs at least one correct option$/, () => 'Câu nhiều lựa chọn cần ít nhất một phương án đúng.'],
  [/^a (single|multiple)-choice question takes options, not an answer$/, (k) => `Câu ${KIND[k]} dùng các phương án, không dùng ô đáp án riêng.`],
  [/^a true\/false question takes its two options, not an answer$/, () => 'Câu Đúng/Sai dùng hai phương án Đúng và Sai, không dùng ô đáp án riêng.'],
  [
    /^a numeric question takes an answer \{ value, tolerance \}, not options$/,
    () => 'Câu trả lời bằng số cần một đáp án số (và sai số cho phép), không dùng phương án.',
  ],
  [/^a short-text question takes accepted answers, not options$/, () => 'Câu trả lời ngắn cần các đáp án được chấp nhận, không dùng phương án.'],
  [
    /^an essay question has no options or answer \(put guidance for judges in the rubric\)$/,
    () => 'Câu tự luận không có phương án hay đáp án (ghi hướng dẫn cho giám khảo vào phần hướng dẫn chấm).',
  ],
  [/^a true\/false question has exactly two options, Đúng and Sai$/, () => 'Câu Đúng/Sai có đúng hai phương án: Đúng và Sai.'],
  [
    /^the options of a true\/false question must be Đúng and Sai \(or True and False\)$/,
    () => 'Hai phương án của câu Đúng/Sai phải là Đúng và Sai (hoặc True và False).',
  ],
  [/^a true\/false question must have exactly one correct option$/, () => 'Câu Đúng/Sai phải có đúng một phương án đúng.'],
  [/^a numeric question needs answer\.value, a number$/, () => 'Câu trả lời bằng số cần đáp án là một con số.'],
  [/^answer\.tolerance must be a number of at least 0$/, () => 'Sai số cho phép phải là một số không âm.'],
  [/^a numeric question takes answer\.value, not answer\.accepted$/, () => 'Câu trả lời bằng số cần một con số, không dùng danh sách đáp án chữ.'],
  [/^accepted answer "(.*)" may not contain \|$/s, (a) => `Đáp án "${a}" không được chứa dấu |.`],
  [/^a short-text question needs at least one accepted answer$/, () => 'Câu trả lời ngắn cần ít nhất một đáp án được chấp nhận.'],
  [/^a short-text question takes answer\.accepted, not answer\.value$/, () => 'Câu trả lời ngắn dùng danh sách đáp án được chấp nhận, không dùng giá trị số.'],
  [/^unreadable question$/, () => 'Không đọc được câu hỏi.'],

  // Excel / CSV rows (transfer/formats/sheet).
  [/^correct must be the numeric answer \(got "(.*)"\)$/s, (got) => `Cột ${col('correct')} phải là đáp án bằng số (đang ghi "${got}").`],
  [/^(\w+) must be a number \(got "(.*)"\)$/s, (c, got) => `Cột ${col(c)} phải là một số (đang ghi "${got}").`],
  [
    /^a numeric question has no options: put the number in the correct column$/,
    () => `Câu trả lời bằng số không có phương án: ghi con số vào cột ${col('correct')}.`,
  ],
  [
    /^a short-text question has no options: put the accepted answers in the correct column, separated by \|$/,
    () => `Câu trả lời ngắn không có phương án: ghi các đáp án được chấp nhận vào cột ${col('correct')}, cách nhau bởi dấu |.`,
  ],
  [/^an essay question has no options or correct answer$/, () => 'Câu tự luận không có phương án hay đáp án đúng.'],
  [
    /^the correct column is empty: give the letter\(s\) of the correct option\(s\), e\.g\. B or A,C$/,
    () => `Cột ${col('correct')} đang trống: ghi chữ cái của phương án đúng, ví dụ B hoặc A,C.`,
  ],
  [
    /^correct "(.*)" is not the letter of a filled option \(A–([A-Z])\)$/s,
    (got, last) => `Cột ${col('correct')} ghi "${got}", không phải chữ cái của một phương án đã điền (A–${last}).`,
  ],
  [/^columns not in the template were ignored: (.*)$/s, (cols) => `Đã bỏ qua các cột không có trong tệp mẫu: ${cols}.`],

  // Aiken (transfer/formats/aiken).
  [/^options without a question before them$/, () => 'Có phương án nhưng không có câu hỏi đứng trước.'],
  [
    /^the question starting here has no ANSWER line before the next question on line (\d+)$/,
    (n) => `Câu hỏi bắt đầu ở dòng này chưa có dòng ANSWER trước câu hỏi tiếp theo ở dòng ${n}.`,
  ],
  [/^the question starting here has no ANSWER line before the end of the file$/, () => 'Câu hỏi bắt đầu ở dòng này chưa có dòng ANSWER trước khi hết tệp.'],
  [/^ANSWER line without a question before it$/, () => 'Dòng ANSWER không có câu hỏi đứng trước.'],
  [/^a question needs at least 2 options$/, () => 'Câu hỏi cần ít nhất 2 phương án.'],
  [/^ANSWER must be one option letter \(got "(.*)"\)$/s, (got) => `Dòng ANSWER phải ghi một chữ cái của phương án (đang ghi "${got}").`],
  [/^ANSWER (\S+) is not one of the options$/, (l) => `Dòng ANSWER ghi ${l} nhưng không có phương án ${l}.`],

  // GIFT (transfer/formats/gift).
  [/^no answer block in braces: a description, not a question$/, () => 'Không có phần đáp án trong ngoặc { }: đây là đoạn mô tả, không phải câu hỏi.'],
  [/^the answer block opened with \{ is never closed by \}$/, () => 'Phần đáp án mở bằng { nhưng không có dấu } đóng lại.'],
  [/^the (\S+) comment is not a JSON object$/, (c) => `Dòng chú thích ${c} không phải một đối tượng JSON.`],
  [/^matching questions are not supported$/, () => 'Chưa hỗ trợ câu hỏi ghép đôi (matching).'],
  [/^text "(.*)" before the first = or ~ in the answer block$/s, (t) => `Có chữ "${t}" đứng trước dấu = hoặc ~ đầu tiên trong phần đáp án.`],
  [/^no fully correct answer \(=\) in a short-answer question$/, () => 'Câu trả lời ngắn chưa có đáp án đúng hoàn toàn (dấu =).'],
  [
    /^no correct option: mark the right answer with = \(or a positive %weight%\)$/,
    () => 'Chưa có phương án đúng: đánh dấu đáp án đúng bằng dấu = (hoặc trọng số %…% dương).',
  ],
  [/^a numeric question needs a number after #$/, () => 'Câu trả lời bằng số cần một con số sau dấu #.'],
  [/^"(.*)" is not a number, number:tolerance or min\.\.max$/s, (t) => `"${t}" không phải là số, số:sai số hay khoảng nhỏ..lớn.`],
  [/^per-answer feedback is not kept$/, () => 'Không giữ phản hồi riêng của từng đáp án.'],
  [
    /^answers with partial credit \(or the \* wildcard\) are not kept; only fully correct answers are accepted$/,
    () => 'Không giữ đáp án được điểm một phần (hoặc ký tự đại diện *): chỉ nhận các đáp án đúng hoàn toàn.',
  ],
  [
    /^partial-credit options are not kept: only the fully correct option counts$/,
    () => 'Không giữ phương án được điểm một phần: chỉ phương án đúng hoàn toàn được tính.',
  ],
  [
    /^partial-credit options are not kept: only the = options count as correct$/,
    () => 'Không giữ phương án được điểm một phần: chỉ các phương án có dấu = được tính là đúng.',
  ],
  [/^numeric answers with partial credit are not kept$/, () => 'Không giữ đáp án số được điểm một phần.'],
  [/^only the first fully correct numeric answer is kept$/, () => 'Chỉ giữ đáp án số đúng hoàn toàn đầu tiên.'],
  [/^images in the text are not kept$/, () => 'Không giữ hình ảnh trong nội dung.'],
  [/^text after the answer block \("(.*)"\) is ignored$/s, (t) => `Bỏ qua phần chữ sau phần đáp án ("${t}").`],

  // Moodle XML (transfer/formats/moodle-xml).
  [/^a true\/false question needs an answer "true"$/, () => 'Câu Đúng/Sai cần có đáp án "true".'],
  [/^a numerical question needs a fully correct numeric answer$/, () => 'Câu trả lời bằng số cần một đáp án số đúng hoàn toàn.'],
  [/^a description is not a question$/, () => 'Đoạn mô tả, không phải câu hỏi.'],
  [/^Moodle question type "(.*)" is not supported$/, (t) => `Chưa hỗ trợ loại câu hỏi Moodle "${t}".`],

  // Duplicates (transfer/import-run.ts).
  [/^duplicate of question (\S+) already in the bank$/, (id) => `Trùng với câu hỏi đã có trong ngân hàng (mã ${id.slice(0, 8)}).`],
  [/^duplicate of (row|line) (\d+) in this file$/, (_, n) => `Trùng với câu ở dòng ${n} của tệp này.`],

  // The whole file refused (400 import_file_refused, 413 import_too_large).
  [/^The file has more than (\d+) questions; split it$/, (n) => `Tệp có hơn ${n} câu hỏi: hãy chia thành nhiều tệp.`],
  [/^The file is empty$/, () => 'Tệp trống.'],
  [/^The first worksheet is empty$/, () => 'Trang tính đầu tiên của tệp trống.'],
  [
    /^The header row does not match the template \((.*)\)$/s,
    (why) =>
      `Dòng tiêu đề không khớp tệp mẫu (${why.replace('unknown columns:', 'cột không nhận ra:').replace('repeated columns:', 'cột bị lặp:').replace('missing columns:', 'thiếu cột:')}).`,
  ],
  [/^The CSV could not be read near line (\S+): (.*)$/s, (n, why) => `Không đọc được tệp CSV ở khoảng dòng ${n} (${why}).`],
  [/^The XLSX file could not be read: (.*)$/s, (why) => `Không đọc được tệp Excel (${why}).`],
  [/^The XLSX file is damaged or unsafe: (.*)$/s, (why) => `Tệp Excel bị hỏng hoặc không an toàn: ${zipWhy(why)}.`],
  [/^This is not an XLSX file(?: \(no zip directory found\))?$/, () => 'Đây không phải tệp Excel (.xlsx).'],
  [
    /^The file is not UTF-8 text\./,
    () => 'Tệp không phải văn bản UTF-8. Trong Excel, hãy lưu bằng "CSV UTF-8"; với trình soạn thảo khác, hãy lưu ở bảng mã UTF-8.',
  ],
  [/^XML with a DOCTYPE or entity declarations is refused$/, () => 'Không nhận tệp XML có khai báo DOCTYPE hoặc ENTITY.'],
  [/^The XML is malformed: (.*) \(line (\d+)\)$/s, (why, n) => `Tệp XML sai cấu trúc ở dòng ${n} (${why}).`],
  [/^The XML could not be read: (.*)$/s, (why) => `Không đọc được tệp XML (${why}).`],
  [/^This is not a Moodle XML question file: the root element must be <quiz>$/, () => 'Đây không phải tệp câu hỏi Moodle XML: phần tử gốc phải là <quiz>.'],
  [/^The file needs too much memory to import at once; split it$/, () => 'Tệp cần quá nhiều bộ nhớ để nhập một lần: hãy chia thành nhiều tệp.'],
];

/** A problem, warning or skip reason of the import report in Vietnamese; the server's text if unknown. */
export function importProblemText(reason: string): string {
  const text = reason.trim();
  for (const [pattern, say] of RULES) {
    const m = pattern.exec(text);
    if (m) return say(...m.slice(1));
  }
  return reason;
}

/** Whether a reason has a Vietnamese text (for tests and for marking the rest). */
export function isKnownImportProblem(reason: string): boolean {
  return importProblemText(reason) !== reason;
}

/** Where the report places a question: "row 5", "line 12 (Title)", "question 3 (Name) on line 40", "file". */
export function importRefText(ref: string | number | undefined): string {
  if (ref === undefined || ref === '') return '—';
  const r = String(ref);
  if (r === 'file') return 'Cả tệp';
  let m = /^(?:row|line) (\d+)(?: \((.*)\))?$/s.exec(r);
  if (m) return `Dòng ${m[1]}${m[2] ? ` (${m[2]})` : ''}`;
  m = /^question (\d+)(?: \((.*)\))?(?: on line (\d+))?$/s.exec(r);
  if (m) return `Câu ${m[1]}${m[2] ? ` (${m[2]})` : ''}${m[3] ? `, dòng ${m[3]}` : ''}`;
  return r;
}
