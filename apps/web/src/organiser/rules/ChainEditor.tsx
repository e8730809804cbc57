import { useState } from 'react';
import type { TieBreakStep } from '../../shared/api/rules-types';
import { Button } from '../../shared/ui/Feedback';
import { addableSteps, chainNotes, chainSentence, STEP_WORDS, type ChainContext } from './chain-words';
import { addStep, moveStep, removeStep } from './round-rules-model';

/**
 * The tie-break chain as an ordered list: up, down and remove buttons per step (each names
 * its step for screen readers), a list of the steps still allowed, and the preview in plain
 * Vietnamese under it, updated as the organiser edits.
 */
export function ChainEditor({
  chain,
  onChange,
  ctx,
  errors,
  readOnly,
}: {
  chain: TieBreakStep[];
  onChange: (c: TieBreakStep[]) => void;
  ctx: ChainContext;
  errors: Record<string, string>;
  readOnly: boolean;
}) {
  const [adding, setAdding] = useState<TieBreakStep | ''>('');
  const [said, setSaid] = useState('');
  const addable = addableSteps(chain, ctx.kind);
  const pick = adding && addable.includes(adding) ? adding : (addable[0] ?? '');
  const change = (next: TieBreakStep[], message: string) => {
    onChange(next);
    setSaid(message);
  };

  return (
    <fieldset className="group" data-field="chain" tabIndex={-1}>
      <legend>Thứ tự xét xếp hạng</legend>
      <p className="field-hint">
        Tiêu chí trên cùng được xét trước; tiêu chí sau chỉ dùng khi mọi tiêu chí trước đều bằng nhau. Bảng xếp hạng áp dụng đúng danh sách này, không thêm tiêu
        chí nào khác.
      </p>
      {errors.chain && <p className="field-error">⚠ {errors.chain}</p>}
      <ol className="chain-list">
        {chain.map((s, i) => {
          const label = STEP_WORDS[s].label;
          const err = errors[`chain.${i}`];
          return (
            <li key={s} className={err ? 'has-error' : undefined} data-field={`chain.${i}`} tabIndex={-1} aria-describedby={err ? `chain-err-${i}` : undefined}>
              <span className="chain-step">
                <span className="chain-no" aria-hidden="true">
                  {i + 1}.
                </span>{' '}
                {label}
              </span>
              {!readOnly && (
                <span className="chain-buttons">
                  <Button
                    kind="secondary"
                    aria-label={`Đưa “${label}” lên trên`}
                    disabled={i === 0}
                    onClick={() => change(moveStep(chain, i, -1), `Đã đưa “${label}” lên vị trí ${i}.`)}
                  >
                    ↑ Lên
                  </Button>
                  <Button
                    kind="secondary"
                    aria-label={`Đưa “${label}” xuống dưới`}
                    disabled={i === chain.length - 1}
                    onClick={() => change(moveStep(chain, i, 1), `Đã đưa “${label}” xuống vị trí ${i + 2}.`)}
                  >
                    ↓ Xuống
                  </Button>
                  <Button kind="link" aria-label={`Bỏ tiêu chí “${label}”`} onClick={() => change(removeStep(chain, i), `Đã bỏ tiêu chí “${label}”.`)}>
                    Bỏ
                  </Button>
                </span>
              )}
              {err && (
                <p id={`chain-err-${i}`} className="field-error">
                  ⚠ {err}
                </p>
              )}
            </li>
          );
        })}
      </ol>
      {!readOnly && addable.length > 0 && (
        <div className="inline-form">
          <div className="field">
            <label htmlFor="chain-add" className="field-label">
              Thêm tiêu chí
            </label>
            <select id="chain-add" value={pick} onChange={(e) => setAdding(e.target.value as TieBreakStep)}>
              {addable.map((s) => (
                <option key={s} value={s}>
                  {STEP_WORDS[s].label}
                </option>
              ))}
            </select>
          </div>
          <Button kind="secondary" onClick={() => pick && change(addStep(chain, pick), `Đã thêm “${STEP_WORDS[pick].label}” ở vị trí ${chain.length + 1}.`)}>
            Thêm vào cuối
          </Button>
        </div>
      )}
      <p className="visually-hidden" role="status">
        {said}
      </p>
      <section className="panel chain-preview" aria-labelledby="chain-preview-title">
        <h3 id="chain-preview-title" className="h4">
          Thể lệ sẽ ghi
        </h3>
        <p>{chainSentence(chain)}</p>
        {chainNotes(chain, ctx).length > 0 && (
          <ul>
            {chainNotes(chain, ctx).map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        )}
      </section>
    </fieldset>
  );
}
