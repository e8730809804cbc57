import { formatDateTime } from '../shared/format';

export type MarkingWindow = { open: true } | { open: false; reason: string; opensAt: string | null };

/**
 * Whether a judge may mark now, as the server decides (marks open when hand-ins close and
 * stay open until results are published), with the reason in Vietnamese when not.
 */
export function markingWindow(round: { status?: string; closesAt: string }, now: number): MarkingWindow {
  if (round.status === 'published') return { open: false, reason: 'Kết quả vòng thi đã công bố: điểm không sửa được nữa.', opensAt: null };
  if (round.status !== 'closed' && now < Date.parse(round.closesAt))
    return {
      open: false,
      reason: `Chưa đến lúc chấm: vòng thi còn nhận bài đến ${formatDateTime(round.closesAt)} (giờ Việt Nam). Việc chấm bắt đầu khi hết hạn nộp bài, để bài không thay đổi trong lúc chấm.`,
      opensAt: round.closesAt,
    };
  return { open: true };
}
