import { api, seg } from '../../shared/api/client';
import type { BriefView, HandInKind } from '../../shared/api/jury-types';
import { formatDateTime } from '../../shared/format';
import { useLoad } from '../../shared/hooks';

export const KIND_LABEL: Record<HandInKind, string> = { text: 'văn bản', link: 'đường dẫn', file: 'tệp đính kèm' };

export function useBrief(roundId: string) {
  return useLoad(() => api.get<BriefView>(`/rounds/${seg(roundId)}/brief`), [roundId]);
}

/** The judged round's task and what may be handed in; before the round opens, when the task appears. */
export function RoundBrief({ brief }: { brief: BriefView }) {
  return (
    <section className="panel" aria-labelledby="brief-heading">
      <h2 id="brief-heading">Đề bài</h2>
      {brief.brief ? (
        <p className="prewrap">{brief.brief}</p>
      ) : (
        <p>
          {Date.now() < Date.parse(brief.briefFrom)
            ? `Đề bài được công bố khi vòng thi mở (${formatDateTime(brief.briefFrom)}).`
            : 'Ban tổ chức không đưa đề bài riêng: xem thể lệ cuộc thi.'}
        </p>
      )}
      <p>
        Hình thức nộp bài: <strong>{brief.handInKinds.map((k) => KIND_LABEL[k]).join(', ')}</strong>.
      </p>
    </section>
  );
}
