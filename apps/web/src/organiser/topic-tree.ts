/** Pure helpers of the topic screen: the flat list as a tree, where a topic may move, errors in words. */
import { ApiError } from '../shared/api/errors';
import type { TopicView } from '../shared/api/staff-console-types';

export interface TopicRow extends TopicView {
  /** 0 for a top-level topic. */
  depth: number;
  /** Questions directly here and in every subtopic. */
  totalQuestions: number;
}

const within = (path: string, ancestor: string): boolean => path === ancestor || path.startsWith(`${ancestor}/`);

/**
 * Tree order, level by level: a topic's subtopics right under it ("Bầu cử/Cử tri" before
 * "Bầu cử - Kết quả", which plain text order would put first since "-" sorts before "/").
 */
function treeOrder(a: string, b: string): number {
  const x = a.split('/');
  const y = b.split('/');
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const c = x[i].localeCompare(y[i], 'vi');
    if (c) return c;
  }
  return x.length - y.length;
}

/** The API's list as a tree, with each topic's depth and its subtree's question count. */
export function topicRows(topics: TopicView[]): TopicRow[] {
  const sorted = [...topics].sort((a, b) => treeOrder(a.path, b.path));
  return sorted.map((t) => ({
    ...t,
    depth: t.path.split('/').length - 1,
    totalQuestions: sorted.filter((x) => within(x.path, t.path)).reduce((n, x) => n + x.questionCount, 0),
  }));
}

/** Where `topic` may go: the top level or any topic outside its own subtree (null: a new topic, anywhere). */
export function parentChoices(rows: TopicRow[], topic: TopicView | null): { value: string; label: string }[] {
  const allowed = rows.filter((r) => !topic || !within(r.path, topic.path));
  return [{ value: '', label: '— Cấp cao nhất —' }, ...allowed.map((r) => ({ value: r.id, label: r.path.split('/').join(' › ') }))];
}

/** Topic errors of the API in Vietnamese; null when the shared error text says it well enough. */
export function topicErrorText(x: unknown): string | null {
  if (!(x instanceof ApiError)) return null;
  const d = (x.details && typeof x.details === 'object' ? x.details : {}) as Record<string, unknown>;
  switch (x.code) {
    case 'topic_exists':
      return `Đã có chủ đề “${String(d.path ?? '')
        .split('/')
        .join(' › ')}” trong ngân hàng này.`;
    case 'topic_not_empty': {
      const parts = [Number(d.questions) ? `${Number(d.questions)} câu hỏi` : '', Number(d.subtopics) ? `${Number(d.subtopics)} chủ đề con` : ''].filter(
        Boolean,
      );
      return `Chưa xóa được: chủ đề còn ${parts.join(' và ')}. Hãy chuyển hoặc xóa chúng trước.`;
    }
    case 'topic_in_use':
      return `Chưa xóa được: ${Number(d.versions) || 'một số'} phiên bản cũ của câu hỏi (đã dùng trong vòng thi hoặc đã lưu trữ) vẫn thuộc chủ đề này và được giữ nguyên. Bạn có thể đổi tên chủ đề.`;
    case 'topic_cycle':
      return 'Không thể chuyển một chủ đề vào chính nó hoặc vào chủ đề con của nó.';
    case 'invalid_topic':
      return /"\/"/.test(x.message)
        ? 'Tên chủ đề không được chứa dấu “/”. Muốn tạo chủ đề con, hãy chọn chủ đề cha.'
        : /needs a name/.test(x.message)
          ? 'Nhập tên chủ đề.'
          : 'Tên chủ đề quá dài hoặc lồng quá nhiều cấp (tối đa 10 cấp, 200 ký tự mỗi cấp).';
    case 'parent_not_found':
      return 'Chủ đề cha không còn trong ngân hàng này. Hãy tải lại trang.';
    default:
      return null;
  }
}
