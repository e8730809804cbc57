/** A question's stem cut to fit a button's name or a sentence: whole words, with "…" when cut. */
export function shortStem(stem: string, max = 60): string {
  const s = stem.replace(/\s+/g, ' ').trim();
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}

/** What archiving a question does, asked before it happens (DELETE …/questions/:id archives; frozen pools keep it). */
export function archivePrompt(stem: string): string {
  return (
    `Lưu trữ câu hỏi “${shortStem(stem, 80)}”? Câu hỏi sẽ không còn trong danh sách và không được chọn cho đề của các vòng thi chốt bộ câu hỏi sau này. ` +
    'Các vòng thi đã chốt bộ câu hỏi vẫn giữ nguyên câu hỏi này. Không hoàn tác được.'
  );
}

/** The offset to show after one row left the list: the previous page when it was the last row of the last page. */
export function offsetAfterRemoval(offset: number, limit: number, totalBefore: number): number {
  const total = Math.max(0, totalBefore - 1);
  return offset > 0 && offset >= total ? Math.max(0, offset - limit) : offset;
}
