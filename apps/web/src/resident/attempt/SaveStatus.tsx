/** The autosave state in words: visible to all, announced politely to screen readers. */
export function SaveStatus({
  pending,
  sending,
  online,
  lastSavedAt,
  rejected,
  answered,
}: {
  pending: number;
  sending: boolean;
  online: boolean;
  lastSavedAt: number | null;
  rejected: number;
  answered: number;
}) {
  let text: string;
  let kind: 'ok' | 'busy' | 'warn';
  if (pending > 0 && !online) {
    text = `Mất mạng — ${pending} câu đã lưu trên máy, sẽ gửi khi có mạng`;
    kind = 'warn';
  } else if (pending > 0 && sending) {
    text = 'Đang lưu…';
    kind = 'busy';
  } else if (pending > 0) {
    text = `Chưa gửi được ${pending} câu — đang thử lại`;
    kind = 'warn';
  } else if (rejected > 0) {
    text = `${rejected} câu trả lời không được máy chủ nhận, vui lòng chọn lại`;
    kind = 'warn';
  } else if (lastSavedAt || answered > 0) {
    text = 'Đã lưu';
    kind = 'ok';
  } else {
    text = 'Câu trả lời được lưu tự động';
    kind = 'ok';
  }
  return (
    <p className={`save-status save-${kind}`} role="status" aria-live="polite">
      <span aria-hidden="true">{kind === 'ok' ? '✓ ' : kind === 'busy' ? '↻ ' : '! '}</span>
      {text}
    </p>
  );
}
