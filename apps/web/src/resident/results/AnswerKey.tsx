import type { AnswerValue, Attempt, AttemptQuestion } from '../../shared/api/types';
import { formatDateTime } from '../../shared/format';
import { isAnswered } from '../attempt/attempt-model';

function answerText(q: AttemptQuestion, a: AnswerValue | undefined): string {
  if (!isAnswered(a)) return 'Không trả lời';
  if (a?.optionIds?.length)
    return (
      q.options
        .filter((o) => a.optionIds!.includes(o.id))
        .map((o) => o.text)
        .join('; ') || a.optionIds.join(', ')
    );
  return String(a?.value ?? '');
}

/** Whether the attempt carries the answer key (the server adds it once results are published, or says why not per question). */
export function hasAnswerKey(a: Attempt): boolean {
  return a.questions.some(
    (q) =>
      q.keyWithheld ||
      q.options.some((o) => o.correct !== undefined) ||
      q.correctOptionIds ||
      q.explanation ||
      (q.correctAnswer !== undefined && q.correctAnswer !== null),
  );
}

/** SPEC "Anti-cheating": the reason shown instead of a key another open round still draws. */
export function withheldText(until: string): string {
  return `Đáp án được giữ kín đến ${formatDateTime(until)} vì câu hỏi này còn dùng trong vòng thi đang mở.`;
}

/** Each question with the entrant's answer, the right one, whether it scored, and the explanation. */
export function AnswerKey({ attempt }: { attempt: Attempt }) {
  return (
    <ol className="review-list">
      {attempt.questions.map((q) => {
        const a = attempt.answers[q.id];
        const correctIds = new Set(q.correctOptionIds ?? q.options.filter((o) => o.correct).map((o) => o.id));
        if (q.keyWithheld) {
          return (
            <li key={q.id} className="card">
              <p className="question-stem">{q.stem}</p>
              <p>
                Câu trả lời của bạn: <strong>{answerText(q, a)}</strong>
              </p>
              <p className="key-withheld" role="note">
                {withheldText(q.keyWithheld.until)}
              </p>
            </li>
          );
        }
        return (
          <li key={q.id} className="card">
            <p className="question-stem">{q.stem}</p>
            {q.options.length > 0 ? (
              <ul className="review-options">
                {q.options.map((o) => {
                  const chosen = a?.optionIds?.includes(o.id);
                  const right = correctIds.has(o.id);
                  return (
                    <li key={o.id} className={`${right ? 'is-correct' : ''}${chosen ? ' is-chosen' : ''}`}>
                      {o.text}
                      {chosen && <span className="tag">Bạn chọn</span>}
                      {right && <span className="tag tag-ok">Đáp án đúng</span>}
                    </li>
                  );
                })}
              </ul>
            ) : (
              <p>
                Câu trả lời của bạn: <strong>{answerText(q, a)}</strong>
                {q.correctAnswer !== undefined && q.correctAnswer !== null && (
                  <>
                    {' '}
                    · Đáp án: <strong>{typeof q.correctAnswer === 'object' ? JSON.stringify(q.correctAnswer) : String(q.correctAnswer)}</strong>
                  </>
                )}
              </p>
            )}
            {q.isCorrect !== null && q.isCorrect !== undefined && (
              <p className={q.isCorrect ? 'ok-text' : 'bad-text'}>
                {q.isCorrect ? 'Đúng' : 'Chưa đúng'}
                {q.awarded !== null && q.awarded !== undefined
                  ? ` · ${String(q.awarded).replace('.', ',')}/${String(q.points ?? '—').replace('.', ',')} điểm`
                  : ''}
              </p>
            )}
            {q.explanation && (
              <p className="explanation">
                <strong>Giải thích:</strong> {q.explanation}
              </p>
            )}
            {q.legalReference && <p className="field-hint">Căn cứ: {q.legalReference}</p>}
          </li>
        );
      })}
    </ol>
  );
}
