/** What the round's judge picker says under its list (RoundJudgesPage), as a pure function. */
export interface JudgePickerState {
  /** What the organiser has typed (the search runs a moment after they stop). */
  typed: string;
  /** The search the list comes from. */
  query: string;
  loading: boolean;
  /** Judges found, before those already on the round are left out. */
  found: number;
  /** Judges found and not yet on the round. */
  candidates: number;
  /** Judges matching the search in all (more than `found` when the list is cut). */
  total: number;
}

export function judgePickerHint(s: JudgePickerState): string {
  // While the search has not caught up with the typing, the list is the previous search's.
  if (s.loading || s.typed.trim() !== s.query) return 'Đang tìm…';
  if (s.candidates > 0) return `${s.candidates} giám khảo${s.total > s.found ? ' (gõ để tìm thêm)' : ''}.`;
  if (s.found > 0) return s.query ? `Các giám khảo khớp “${s.query}” đều đã được phân công.` : 'Mọi giám khảo của đơn vị đều đã được phân công.';
  return s.query ? `Không có giám khảo nào của đơn vị khớp “${s.query}”.` : 'Đơn vị chưa có giám khảo nào. Quản trị viên tạo tài khoản giám khảo.';
}
