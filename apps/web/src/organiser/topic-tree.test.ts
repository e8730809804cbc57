import { describe, expect, it } from 'vitest';
import { ApiError } from '../shared/api/errors';
import { parentChoices, topicErrorText, topicRows } from './topic-tree';

const t = (id: string, path: string, questionCount = 0, parentId: string | null = null) => ({
  id,
  path,
  name: path.split('/').pop()!,
  parentId,
  questionCount,
});
const flat = [
  t('3', 'Bầu cử/Nguyên tắc', 1, '1'),
  t('1', 'Bầu cử'),
  t('2', 'Bầu cử/Cử tri', 3, '1'),
  t('4', 'Bầu cử HĐND', 2),
  t('5', 'Bầu cử/Cử tri/Quyền', 1, '2'),
];

describe('topic tree', () => {
  it('orders as a tree, subtopics right under their topic, with depth and the questions of the whole subtree', () => {
    const withDash = [...flat, t('6', 'Bầu cử - Kết quả', 1)];
    expect(topicRows(withDash).map((r) => [r.path, r.depth, r.totalQuestions])).toEqual([
      ['Bầu cử', 0, 5],
      ['Bầu cử/Cử tri', 1, 4],
      ['Bầu cử/Cử tri/Quyền', 2, 1],
      ['Bầu cử/Nguyên tắc', 1, 1],
      ['Bầu cử - Kết quả', 0, 1],
      ['Bầu cử HĐND', 0, 2],
    ]);
  });

  it('offers every parent but the topic itself and its subtopics', () => {
    const rows = topicRows(flat);
    expect(
      parentChoices(
        rows,
        rows.find((r) => r.id === '2')!,
      ).map((o) => o.label),
    ).toEqual(['— Cấp cao nhất —', 'Bầu cử', 'Bầu cử › Nguyên tắc', 'Bầu cử HĐND']);
    expect(parentChoices(rows, null)).toHaveLength(6);
  });

  it('says the API’s topic errors in Vietnamese', () => {
    expect(topicErrorText(new ApiError(409, 'topic_not_empty', 'x', { questions: 3, subtopics: 0 }))).toBe(
      'Chưa xóa được: chủ đề còn 3 câu hỏi. Hãy chuyển hoặc xóa chúng trước.',
    );
    expect(topicErrorText(new ApiError(409, 'topic_not_empty', 'x', { questions: 0, subtopics: 2 }))).toBe(
      'Chưa xóa được: chủ đề còn 2 chủ đề con. Hãy chuyển hoặc xóa chúng trước.',
    );
    expect(topicErrorText(new ApiError(409, 'topic_exists', 'x', { path: 'Bầu cử/Cử tri' }))).toBe('Đã có chủ đề “Bầu cử › Cử tri” trong ngân hàng này.');
    expect(topicErrorText(new ApiError(400, 'topic_cycle', 'x'))).toBe('Không thể chuyển một chủ đề vào chính nó hoặc vào chủ đề con của nó.');
    expect(topicErrorText(new ApiError(400, 'invalid_topic', 'A topic name may not contain "/": create the subtopic under its parent instead'))).toContain(
      'không được chứa dấu “/”',
    );
    expect(topicErrorText(new ApiError(409, 'topic_in_use', 'x', { versions: 2 }))).toContain('2 phiên bản cũ');
    expect(topicErrorText(new ApiError(404, 'not_found', 'Topic not found'))).toBeNull();
  });
});
