import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { PenaltyRule } from '../shared/api/jury-types';
import { EntryFactsForm } from './EntryFacts';
import { EntrySubmission } from './EntryParts';
import { entry, marking } from './test-fixtures';

const noop = () => undefined;
const RULES: PenaltyRule[] = [
  { kind: 'overtime', limitSeconds: 900, points: 1, per: 'started-minute' },
  { kind: 'fixed', code: 'notes', label: 'Đọc tài liệu', points: 2 },
];

describe('entry page: presentation time and breaches (organisers)', () => {
  it('prefills the recorded time, offers each fixed penalty and shows the computed penalty', () => {
    const html = renderToStaticMarkup(
      <EntryFactsForm
        entry={{ ...entry, durationSeconds: 975, breaches: ['notes'] }}
        rules={RULES}
        penalties={marking.penalties}
        published={false}
        onSaved={noop}
      />,
    );
    expect(html).toContain('Giới hạn 15 phút; mỗi phút quá giờ trừ 1 điểm');
    expect(html).toContain('value="16"');
    expect(html).toContain('value="15"');
    expect(html).toContain('Đọc tài liệu (trừ 2 điểm)');
    expect(html).toMatch(/<input type="checkbox"[^>]*checked=""/);
    expect(html).toContain('inputMode="numeric"');
    expect(html).toContain('Thời lượng đã ghi: 16 phút 15 giây.');
    expect(html).toContain('Quá giờ: trừ 1 điểm');
    expect(html).not.toContain('disabled=""');
  });

  it('is read-only once results are published, and says why', () => {
    const html = renderToStaticMarkup(<EntryFactsForm entry={entry} rules={[]} penalties={undefined} published onSaved={noop} />);
    expect(html).toContain('Kết quả vòng thi đã công bố: không sửa được thời lượng và vi phạm nữa.');
    expect(html).toMatch(/<fieldset disabled=""/);
    expect(html).toContain('Ban giám khảo không đặt mức trừ điểm cho vi phạm.');
    expect(html).toContain('Không bị trừ điểm.');
  });

  it('names recorded breaches by their label on the submission', () => {
    const html = renderToStaticMarkup(<EntrySubmission entry={{ ...entry, breaches: ['notes', 'old'] }} breachLabels={{ notes: 'Đọc tài liệu' }} />);
    expect(html).toContain('Vi phạm ghi nhận: Đọc tài liệu, old.');
  });
});
