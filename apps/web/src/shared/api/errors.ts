/**
 * Errors from the API ({ statusCode, error, message, code?, details? }) and from the network,
 * turned into Vietnamese text a resident can act on. Pure: no fetch, no DOM.
 */
import type { ErrorCode } from './types';

export interface FieldProblem {
  field: string;
  problems: string[];
}

export class ApiError extends Error {
  constructor(
    /** HTTP status; 0 when the request never got an answer (offline, timeout, DNS). */
    readonly status: number,
    readonly code: string | undefined,
    message: string,
    readonly details?: unknown,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get isNetwork(): boolean {
    return this.status === 0;
  }
}

/** Builds an ApiError from a non-2xx response body, whatever shape it has. */
export function apiErrorFromBody(status: number, body: unknown, retryAfter?: string | null): ApiError {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const message = typeof b.message === 'string' ? b.message : Array.isArray(b.message) ? b.message.join('; ') : `HTTP ${status}`;
  const code = typeof b.code === 'string' ? b.code : undefined;
  const ra = retryAfter ? Number(retryAfter) : undefined;
  return new ApiError(status, code, message, b.details, ra !== undefined && Number.isFinite(ra) ? ra : undefined);
}

export function networkError(cause: unknown): ApiError {
  const timedOut = cause instanceof DOMException && (cause.name === 'TimeoutError' || cause.name === 'AbortError');
  return new ApiError(0, timedOut ? 'timeout' : 'network', timedOut ? 'Request timed out' : 'Network error');
}

/** Codes the client itself gives a failed request (no answer from the server). */
export const CLIENT_ERROR_CODES = ['network', 'timeout'] as const;

/**
 * Every code the server's error bodies can carry (ErrorCode, from the OpenAPI document) and
 * the client's own, in Vietnamese: the type makes a missing or unknown code a compile error,
 * and errors.test.ts checks the list against openapi.json.
 */
export const BY_CODE: Record<ErrorCode | (typeof CLIENT_ERROR_CODES)[number], string> = {
  network: 'Không có kết nối mạng. Vui lòng kiểm tra mạng và thử lại.',
  timeout: 'Mạng chậm, máy chủ chưa phản hồi kịp. Vui lòng thử lại.',
  unauthorized: 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.',
  forbidden: 'Bạn không có quyền thực hiện thao tác này.',
  not_found: 'Không tìm thấy nội dung yêu cầu.',
  validation_failed: 'Thông tin chưa hợp lệ. Vui lòng kiểm tra các ô được đánh dấu.',
  invalid_phone: 'Số điện thoại không phải số di động Việt Nam hợp lệ.',
  invalid_date_of_birth: 'Ngày sinh không hợp lệ.',
  guardian_consent_required: 'Người dưới 16 tuổi cần có họ tên và sự đồng ý của người giám hộ.',
  national_id_taken: 'Số CCCD này đã được dùng cho một tài khoản khác.',
  phone_taken: 'Số điện thoại này đã có tài khoản. Vui lòng đăng nhập.',
  email_taken: 'Email này đã có tài khoản. Vui lòng đăng nhập.',
  already_registered: 'Bạn đã đăng ký tham gia cuộc thi này.',
  attempt_in_progress: 'Bạn đang có một lượt thi chưa hoàn thành.',
  round_not_open: 'Vòng thi chưa mở hoặc đã đóng.',
  not_registered: 'Bạn cần đăng ký tham gia cuộc thi trước khi làm bài.',
  deadline_passed: 'Đã hết thời gian làm bài. Bài thi được chấm với các câu trả lời đã lưu.',
  attempt_closed: 'Lượt thi đã kết thúc.',
  stale_answer: 'Câu trả lời mới hơn đã được lưu trước đó.',
  attempt_limit_reached: 'Bạn đã dùng hết số lượt thi của vòng này.',
  not_enrolled: 'Vòng thi này chỉ dành cho người được vào vòng.',
  not_a_quiz: 'Vòng thi này nộp bài dự thi để giám khảo chấm, không làm trắc nghiệm trực tuyến.',
  start_contended: 'Có quá nhiều yêu cầu cùng lúc. Vui lòng thử lại sau vài giây.',
  attempt_void: 'Lượt thi này đã bị ban giám khảo hủy kết quả.',
  bad_idempotency_key: 'Yêu cầu nộp bài không hợp lệ. Vui lòng tải lại trang.',
  leaderboard_hidden: 'Bảng xếp hạng được ẩn cho đến khi công bố kết quả.',
  registration_invalid: 'Thông tin đăng ký tham gia chưa đủ. Vui lòng kiểm tra các ô được đánh dấu.',
  contest_not_open: 'Cuộc thi không còn nhận đăng ký.',
  slug_taken: 'Đường dẫn này đã được cuộc thi khác sử dụng.',
  slug_locked: 'Không đổi được đường dẫn sau khi cuộc thi đã công bố.',
  contest_not_draft: 'Cuộc thi đã được công bố.',
  contest_has_no_rounds: 'Thêm ít nhất một vòng thi trước khi công bố.',
  round_invalid: 'Một số vòng thi chưa đủ điều kiện để công bố.',
  round_locked: 'Vòng thi đã mở: không đổi được các thiết lập người dự thi đã làm bài theo.',
  round_not_deletable: 'Vòng thi đã mở nên không xóa được: người dự thi và kết quả của vòng được giữ lại.',
  rounds_running: 'Còn vòng thi đang mở: đóng cuộc thi sau khi các vòng kết thúc.',
  contest_not_closed: 'Chỉ lưu trữ được cuộc thi đã đóng.',
  duplicate_question: 'Ngân hàng đã có câu hỏi với nội dung này.',
  import_invalid: 'Tệp có lỗi nên chưa câu nào được nhập.',
  organisation_required: 'Cần chọn đơn vị sở hữu.',
  rate_limited: 'Bạn thao tác quá nhanh. Vui lòng chờ giây lát rồi thử lại.',
  // Judging: entries, marks, results (libs/judging)
  entries_closed: 'Vòng thi đã hết hạn nộp bài (hạn tính đến lúc bài tải lên xong): bài vừa gửi không được nhận, không nộp hoặc thay bài được nữa.',
  invalid_entry: 'Bài dự thi chưa hợp lệ: cần có nội dung, đường dẫn http(s) hoặc tệp đính kèm.',
  file_required: 'Chưa chọn tệp để tải lên.',
  file_empty: 'Tệp rỗng. Vui lòng chọn tệp khác.',
  file_too_large: 'Tệp quá lớn so với giới hạn cho phép.',
  unsupported_file_type:
    'Định dạng tệp không được nhận. Dùng PDF, DOCX, PPTX, ODT/ODP, MP4, MOV, WebM, MP3, PNG hoặc JPEG (không dùng tệp có macro hoặc định dạng Office 97-2003).',
  upload_failed: 'Tải tệp lên không thành công. Vui lòng thử lại.',
  upload_timeout: 'Tải tệp lên bị ngắt vì mạng quá chậm hoặc bị gián đoạn. Bài chưa được nộp: vui lòng kiểm tra mạng rồi nộp lại.',
  entry_marked: 'Giám khảo đã chấm bài này nên không thể nộp lại hoặc thay bài nữa.',
  entry_text_too_long: 'Nội dung bài dự thi quá dài: tối đa 50.000 ký tự. Bài chưa được nộp.',
  invalid_text: 'Nội dung có ký tự không hợp lệ (ký tự NUL hoặc ký tự Unicode hỏng). Vui lòng xoá ký tự đó rồi thử lại.',
  jury_not_configured: 'Ban tổ chức chưa thiết lập tiêu chí chấm cho vòng thi này.',
  jury_locked: 'Giám khảo đã bắt đầu chấm: không đổi được tiêu chí và quy tắc chấm nữa.',
  marking_not_open: 'Chưa đến lúc chấm: vòng thi còn đang nhận bài.',
  invalid_scores: 'Điểm chưa hợp lệ. Vui lòng kiểm tra các tiêu chí được đánh dấu.',
  invalid_reconciliation: 'Cần ghi lý do và chọn giữ điểm tổng hợp hoặc cho điểm cuối.',
  not_flagged: 'Bài này không có chênh lệch điểm cần trưởng ban xử lý.',
  marking_incomplete: 'Chưa đủ giám khảo chấm bài này: trưởng ban thống nhất điểm khi tất cả giám khảo đã nộp điểm.',
  marks_sealed: 'Chưa phải mọi giám khảo đã chấm xong mọi bài: kết quả tạm thời chỉ ban tổ chức xem được cho đến lúc đó (chấm độc lập).',
  needs_reconciliation: 'Còn bài có điểm chênh lệch lớn chưa được trưởng ban giám khảo thống nhất.',
  alias_conflict: 'Yêu cầu gửi cùng lúc tên mới và tên cũ của một trường với hai giá trị khác nhau. Vui lòng chỉ gửi tên mới.',
  already_recused: 'Bạn đã xin rút khỏi việc chấm vòng thi này.',
  round_not_over: 'Vòng thi chưa đến giờ đóng. Chỉ ban tổ chức mới đóng sớm được.',
  round_draft: 'Vòng thi còn là bản nháp.',
  round_not_closed: 'Vòng thi chưa đóng nên chưa có kết quả.',
  results_published: 'Kết quả đã công bố: chỉ thay đổi được bằng đính chính có ghi lý do.',
  results_not_published: 'Kết quả vòng thi chưa được công bố.',
  results_stale: 'Có lượt thi vừa bị hủy hoặc khôi phục: hãy đóng vòng lại để tính lại kết quả rồi công bố.',
  prediction_actual_required: 'Cần nhập đáp án (giá trị thực tế) của câu hỏi dự đoán.',
  prediction_actual_counted: 'Đáp án câu dự đoán được hệ thống tự đếm, không nhập tay.',
  no_prediction_question: 'Vòng thi này không có câu hỏi dự đoán.',
  nothing_to_correct: 'Chọn ít nhất một việc cần đính chính.',
  not_in_round: 'Có mã lượt thi không thuộc vòng thi này.',
  contradictory_correction: 'Một lượt thi không thể vừa hủy vừa khôi phục.',
  attempt_already_void: 'Lượt thi này đã bị hủy kết quả trước đó.',
  attempt_not_void: 'Lượt thi này chưa bị hủy nên không cần khôi phục.',
  attempt_not_flagged: 'Lượt thi này không bị gắn cờ nên không cần xem xét.',
  attempt_already_cleared: 'Ban giám khảo đã xem xét và giữ kết quả lượt thi này rồi.',
  flagged_winners_unreviewed:
    'Chưa công bố được: có người đạt giải với lượt thi bị gắn cờ mà ban giám khảo chưa xem xét. Hãy hủy kết quả hoặc giữ kết quả (ghi lý do) cho từng người trong danh sách.',
  export_not_ready: 'Tệp xuất chưa sẵn sàng.',
  not_a_judged_round: 'Vòng thi này là trắc nghiệm, không nộp bài dự thi.',
  // Admin console, round judges (libs/identity, libs/contests)
  account_deactivated: 'Tài khoản này đã bị khoá. Vui lòng liên hệ quản trị viên.',
  cannot_change_self: 'Bạn không thể tự khoá hoặc đổi vai trò của chính mình.',
  not_staff: 'Chỉ quản lý tài khoản cán bộ ở đây.',
  invalid_province: 'Đơn vị cấp tỉnh, cấp xã cần chọn tỉnh, thành phố; đơn vị trung ương thì không.',
  unknown_organisation: 'Đơn vị này không tồn tại.',
  unknown_format: 'Chỉ nhận tệp Excel (.xlsx) hoặc CSV.',
  not_a_judge: 'Người này không phải giám khảo của đơn vị.',
  judge_deactivated: 'Tài khoản giám khảo này đã bị khoá.',
  judge_has_marks: 'Giám khảo này đã chấm bài của vòng thi nên không gỡ được; giám khảo có thể tự xin rút.',
  // Input the server refuses before any rule (libs/platform)
  malformed_request: 'Yêu cầu gửi lên bị lỗi định dạng. Vui lòng tải lại trang rồi thử lại.',
  body_too_large: 'Dữ liệu gửi lên quá lớn.',
  body_too_deep: 'Dữ liệu gửi lên có cấu trúc quá phức tạp.',
  unsupported_media_type: 'Định dạng dữ liệu gửi lên không được hỗ trợ.',
  unavailable: 'Hệ thống đang tạm gián đoạn. Vui lòng thử lại sau ít giây.',
  // Attempts and answers (libs/attempts)
  answer_invalid: 'Câu trả lời chưa hợp lệ: chọn phương án hoặc nhập câu trả lời.',
  not_a_live_round: 'Vòng thi này không phải vòng chung kết trực tiếp.',
  live_no_questions: 'Vòng chung kết chưa có câu hỏi nào để trình chiếu.',
  live_not_started: 'Vòng chung kết chưa bắt đầu.',
  live_state_changed: 'Vòng chung kết vừa chuyển sang bước khác (có thể từ một màn hình điều khiển khác). Đang tải lại trạng thái.',
  live_wrong_status: 'Không thể thực hiện thao tác này ở bước hiện tại của vòng chung kết.',
  live_no_more_questions: 'Đã hết câu hỏi. Hãy kết thúc vòng chung kết.',
  live_not_open: 'Hiện chưa có câu hỏi nào đang nhận câu trả lời.',
  live_paused: 'Vòng chung kết đang tạm dừng.',
  live_question_closed: 'Câu hỏi đã đóng: đáp án đã được công bố.',
  live_questions_conflict: 'Chỉ chọn một cách lấy câu hỏi: theo quy tắc từ ngân hàng câu hỏi hoặc theo mã câu hỏi, không dùng cả hai.',
  live_questions_missing: 'Vòng chung kết cần có câu hỏi: thêm quy tắc lấy từ ngân hàng câu hỏi hoặc danh sách mã câu hỏi.',
  live_questions_duplicate: 'Danh sách mã câu hỏi có mã bị lặp lại. Mỗi câu hỏi chỉ được nêu một lần.',
  live_questions_not_choice: 'Vòng chung kết chỉ dùng câu hỏi trắc nghiệm (một đáp án, nhiều đáp án, đúng/sai). Một số mã câu hỏi không phải loại này.',
  live_questions_not_live: 'Chỉ vòng chung kết trực tiếp mới nhận danh sách mã câu hỏi.',
  questions_not_found: 'Không tìm thấy một số mã câu hỏi trong ngân hàng câu hỏi của đơn vị.',
  live_answer_late: 'Đã hết giờ trả lời câu hỏi này.',
  live_wrong_question: 'Câu hỏi này không còn được trình chiếu.',
  live_already_answered: 'Bạn đã trả lời câu hỏi này; chỉ câu trả lời đầu tiên được tính.',
  one_option_only: 'Câu hỏi này chỉ được chọn một phương án.',
  unknown_option: 'Phương án đã chọn không có trong câu hỏi. Vui lòng tải lại trang.',
  wrong_answer_kind: 'Kiểu câu trả lời không khớp với câu hỏi (số, chữ hoặc phương án).',
  unknown_event: 'Sự kiện gửi lên không được nhận.',
  too_many_rounds: 'Bạn đang theo dõi quá nhiều vòng thi cùng lúc. Hãy đóng bớt một trang.',
  // Contests and rounds (libs/contests)
  contest_archived: 'Cuộc thi đã lưu trữ nên không thay đổi được.',
  contest_closed: 'Cuộc thi đã kết thúc nên không thêm vòng thi được.',
  contest_not_published: 'Chỉ kết thúc được cuộc thi đã công bố.',
  round_changed: 'Vòng thi vừa được người khác thay đổi. Vui lòng tải lại trang rồi thử lại.',
  selection_empty: 'Vòng thi cần ít nhất một quy tắc chọn câu hỏi.',
  selection_invalid: 'Quy tắc chọn câu hỏi chưa hợp lệ: số câu phải là số nguyên từ 1 trở lên.',
  selection_too_few: 'Ngân hàng không đủ câu hỏi phù hợp với quy tắc chọn câu hỏi.',
  selection_topic_unknown: 'Ngân hàng không có chủ đề đã chọn.',
  pool_too_small: 'Ngân hàng không đủ câu hỏi cho một vòng thi.',
  opens_at_required: 'Quy tắc xếp hạng theo thời gian từ lúc mở cần thời điểm mở vòng thi.',
  // Question banks (libs/question-bank)
  question_archived: 'Câu hỏi đã lưu trữ nên không sửa được.',
  invalid_question: 'Câu hỏi chưa hợp lệ. Vui lòng kiểm tra nội dung và đáp án.',
  format_required: 'Chọn định dạng của tệp cần nhập.',
  import_file_refused: 'Tệp không đọc được hoặc không đúng định dạng đã chọn.',
  import_too_large: 'Tệp có quá nhiều câu hỏi cho một lần nhập. Hãy chia thành nhiều tệp.',
  // Statistics (libs/statistics)
  invalid_period: 'Khoảng thời gian chưa hợp lệ: ngày bắt đầu phải trước ngày kết thúc.',
  // Judging: rules, advancement, juries (libs/judging)
  entry_gone: 'Bài dự thi đã bị xoá.',
  invalid_entry_facts: 'Thời lượng trình bày hoặc lỗi vi phạm chưa hợp lệ.',
  invalid_jury: 'Thiết lập ban giám khảo chưa hợp lệ. Vui lòng kiểm tra các ô được đánh dấu.',
  invalid_jury_policy: 'Quy tắc tổng hợp điểm của ban giám khảo chưa hợp lệ.',
  invalid_rubric: 'Tiêu chí chấm chưa hợp lệ. Vui lòng kiểm tra các ô được đánh dấu.',
  invalid_ranking_rules: 'Quy tắc xếp hạng chưa hợp lệ. Vui lòng kiểm tra các ô được đánh dấu.',
  invalid_prize_plan: 'Cơ cấu giải thưởng chưa hợp lệ. Vui lòng kiểm tra các ô được đánh dấu.',
  invalid_award_rules: 'Quy định khen thưởng chưa hợp lệ. Vui lòng kiểm tra các ô được đánh dấu.',
  invalid_unit_prizes: 'Công thức giải tập thể chưa hợp lệ. Vui lòng kiểm tra các ô được đánh dấu.',
  invalid_group_field: 'Trường phân nhóm phải là tên một trường đăng ký (chữ, số, _ hoặc -).',
  group_field_required: 'Giải theo nhóm cần chọn trường đăng ký dùng để phân nhóm.',
  rules_locked: 'Kết quả đã công bố nên không đổi được quy tắc xếp hạng nữa.',
  invalid_attempt_row: 'Có lượt thi thiếu điểm hoặc thời gian nên chưa xếp hạng được.',
  invalid_advancement: 'Quy tắc vào vòng sau chưa hợp lệ. Vui lòng kiểm tra các ô được đánh dấu.',
  no_advancement_rule: 'Vòng thi chưa có quy tắc vào vòng sau: hãy chọn người vào vòng.',
  no_next_round: 'Cuộc thi không có vòng tiếp theo để vào.',
  not_an_entrant: 'Có người được chọn không dự thi vòng này.',
  pick_or_quota: 'Chọn người vào vòng hoặc dùng chỉ tiêu, không dùng cả hai.',
  pick_required: 'Vòng thi này do giám khảo chọn người vào vòng sau: hãy chọn người.',
  brief_locked: 'Vòng thi đã mở nên không đổi được đề bài và cách nộp bài nữa.',
  hand_in_kind_not_allowed: 'Vòng thi này không nhận kiểu bài nộp này. Vui lòng xem hướng dẫn nộp bài.',
  invalid_brief: 'Đề bài hoặc cách nộp bài chưa hợp lệ. Vui lòng kiểm tra các ô được đánh dấu.',
  invalid_topic: 'Tên chủ đề chưa hợp lệ.',
  nothing_to_change: 'Không có gì thay đổi.',
  parent_not_found: 'Không tìm thấy chủ đề cha đã chọn.',
  round_closed: 'Vòng thi đã đóng: không nhận thêm câu trả lời hoặc bài nộp.',
  topic_exists: 'Ngân hàng đã có chủ đề này.',
  topic_in_use: 'Chủ đề đang được dùng trong quy tắc chọn câu hỏi của vòng thi nên chưa xóa được.',
  topic_not_empty: 'Chủ đề còn câu hỏi hoặc chủ đề con nên chưa xóa được.',
  winner_disqualified: 'Người này đã bị loại và giải đã được chuyển cho người khác. Muốn hoàn tác, hãy đính chính kết quả (khôi phục lượt thi).',
  // Accounts (libs/identity)
  login_delayed: 'Đăng nhập sai nhiều lần. Vui lòng chờ một lát rồi thử lại, hoặc dùng "Quên mật khẩu?" để đặt mật khẩu mới.',
  weak_password: 'Mật khẩu này quá phổ biến, dễ bị đoán. Hãy chọn mật khẩu khác.',
  wrong_password: 'Mật khẩu hiện tại không đúng.',
  same_password: 'Mật khẩu mới phải khác mật khẩu hiện tại.',
  invalid_reset_code: 'Mã không đúng hoặc đã hết hạn. Hãy yêu cầu gửi mã mới.',
  invalid_national_id: 'Số CCCD không hợp lệ: kiểm tra mã tỉnh (3 số đầu) và năm sinh (số thứ 5–6) khớp với ngày sinh.',
};

const BY_STATUS: Record<number, string> = {
  400: 'Yêu cầu chưa hợp lệ.',
  408: 'Mạng quá chậm nên máy chủ đã ngắt kết nối. Vui lòng thử lại.',
  401: BY_CODE.unauthorized,
  403: BY_CODE.forbidden,
  404: BY_CODE.not_found,
  409: 'Thao tác xung đột với dữ liệu hiện có. Vui lòng tải lại trang.',
  413: 'Tệp quá lớn.',
  415: 'Định dạng tệp không được hỗ trợ.',
  422: 'Dữ liệu không xử lý được.',
  429: BY_CODE.rate_limited,
};

/** One sentence for the person in front of the screen. */
export function describeError(e: unknown): string {
  if (e instanceof ApiError) {
    if (e.code === 'login_delayed' && e.retryAfterSeconds) return `${BY_CODE.login_delayed} (khoảng ${Math.ceil(e.retryAfterSeconds)} giây)`;
    const text = e.code ? (BY_CODE as Record<string, string | undefined>)[e.code] : undefined;
    if (text) return text;
    if (e.status === 0) return BY_CODE.network;
    if (e.status === 429) {
      return e.retryAfterSeconds ? `${BY_CODE.rate_limited} (khoảng ${Math.ceil(e.retryAfterSeconds)} giây)` : BY_CODE.rate_limited;
    }
    if (e.status >= 500) return 'Máy chủ đang gặp sự cố. Vui lòng thử lại sau ít phút.';
    return BY_STATUS[e.status] ?? `Có lỗi xảy ra (mã ${e.status}).`;
  }
  return 'Có lỗi không mong muốn. Vui lòng tải lại trang.';
}

/** The validation pipe's `details: [{ field, problems }]`, keyed by field for forms. */
export function fieldProblems(e: unknown): Record<string, string[]> {
  if (!(e instanceof ApiError) || !Array.isArray(e.details)) return {};
  const out: Record<string, string[]> = {};
  for (const d of e.details as unknown[]) {
    if (!d || typeof d !== 'object') continue;
    const { field, problems } = d as Partial<FieldProblem>;
    if (typeof field !== 'string') continue;
    out[field] = [...(out[field] ?? []), ...(Array.isArray(problems) ? problems.filter((p): p is string => typeof p === 'string') : [])];
  }
  return out;
}

/** Finds an id carried in an error's details, e.g. the in-progress attempt of a 409. */
export function detailId(e: unknown, ...keys: string[]): string | undefined {
  if (!(e instanceof ApiError) || !e.details || typeof e.details !== 'object') return undefined;
  const d = e.details as Record<string, unknown>;
  for (const k of keys) {
    const v = d[k];
    if (typeof v === 'string' && v) return v;
    if (v && typeof v === 'object' && typeof (v as { id?: unknown }).id === 'string') return (v as { id: string }).id;
  }
  return undefined;
}

export type SaveOutcome = 'ok' | 'retry' | 'stale' | 'rejected' | 'closed';

/**
 * How the outbox treats a failed autosave: `retry` keeps it for later (network, overload),
 * `stale` drops it because the server holds a newer answer, `closed` stops sending because
 * the attempt is over, `rejected` drops this one answer (the server refused its content).
 */
export function classifySaveError(e: unknown): Exclude<SaveOutcome, 'ok'> {
  if (!(e instanceof ApiError)) return 'retry';
  if (e.status === 0 || e.status === 429 || e.status === 408 || e.status >= 500) return 'retry';
  if (e.status === 401) return 'retry';
  const code = e.code ?? '';
  if (/seq|stale|outdated/i.test(code)) return 'stale';
  if (/deadline|expired|closed|submitted|finali[sz]ed|not_in_progress|void/i.test(code)) return 'closed';
  if (e.status === 410) return 'closed';
  if (e.status === 409) return /answer/i.test(code) ? 'stale' : 'closed';
  if (e.status === 404 || e.status === 403) return 'closed';
  return 'rejected';
}
