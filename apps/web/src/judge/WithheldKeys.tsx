import type { WithheldQuestion } from '../shared/api/judging-types';
import { formatDateTime } from '../shared/format';
import { useLoad } from '../shared/hooks';
import { ErrorMessage, Loading } from '../shared/ui/Feedback';
import { judgeApi } from './api';

const SHOWN = 10;

/** The keys publishing keeps back (SPEC "Anti-cheating"), each with the rounds that still draw it. */
export function WithheldKeysList({ questions }: { questions: WithheldQuestion[] }) {
  if (!questions.length) return <p>Đáp án của mọi câu hỏi trong vòng này sẽ hiển thị cho người dự thi.</p>;
  const last = questions.reduce((m, q) => (q.until > m ? q.until : m), questions[0].until);
  return (
    <div className="withheld-keys">
      <p>
        Đáp án của <strong>{questions.length}</strong> câu hỏi sẽ được giữ kín (chậm nhất đến {formatDateTime(last)}) vì vòng thi đang mở hoặc sắp mở còn dùng
        các câu này:
      </p>
      <ul>
        {questions.slice(0, SHOWN).map((q) => (
          <li key={q.questionId}>
            {q.stem} — đến {formatDateTime(q.until)} ({q.rounds.map((r) => `vòng ${r.seq}: ${r.title}`).join('; ')})
          </li>
        ))}
      </ul>
      {questions.length > SHOWN && <p>và {questions.length - SHOWN} câu khác.</p>}
    </div>
  );
}

/** Loaded when the judge asks to publish, so the confirmation says what entrants will and will not see. */
export function WithheldKeysPreview({ roundId }: { roundId: string }) {
  const { data, error, loading, reload } = useLoad(() => judgeApi.withheldKeys(roundId), [roundId]);
  if (loading) return <Loading />;
  if (error || !data) return <ErrorMessage error={error} onRetry={reload} />;
  return <WithheldKeysList questions={data.questions} />;
}

/** The message after publishing. */
export function publishedMessage(withheld: WithheldQuestion[], kind: 'quiz' | 'judged' = 'quiz'): string {
  if (kind === 'judged') return 'Đã công bố kết quả. Người dự thi đã xem được thứ hạng, giải, điểm theo tiêu chí và nhận xét của ban giám khảo.';
  const base = 'Đã công bố kết quả. Người dự thi đã xem được thứ hạng, giải và đáp án';
  return withheld.length ? `${base}, trừ đáp án của ${withheld.length} câu hỏi còn dùng trong vòng thi đang mở.` : `${base}.`;
}
