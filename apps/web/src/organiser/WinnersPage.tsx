import { useState, type FormEvent, type ReactNode } from 'react';
import { paths } from '../app/routes';
import type { VerificationOutcome, WinnerItem, WinnersList } from '../shared/api/verification-types';
import { formatDateTime } from '../shared/format';
import { useDocumentTitle, useLoad } from '../shared/hooks';
import { Link } from '../shared/router';
import { SelectField } from '../shared/ui/Field';
import { Button, ErrorMessage, Loading, Notice, PageTitle } from '../shared/ui/Feedback';
import { residentApi } from '../resident/api';
import { ReasonPicker } from './ReasonPicker';
import { verificationApi } from './verification-api';
import { WinnerIdentityPanel } from './WinnerIdentityPanel';
import { composeReason, describePrizeChange, disqualificationSummary, PAYOUT_REASONS, VERIFICATION_LABEL } from './winners-model';

/** The winners (masked), each with its verification state and the button that opens the check beneath it. */
function WinnerCards({ list, selected, onSelect, panel }: { list: WinnersList; selected: string | null; onSelect: (w: WinnerItem) => void; panel: ReactNode }) {
  if (!list.items.length) return <p>Vòng thi này chưa có ai đạt giải.</p>;
  return (
    <ul className="card-list" aria-label="Người đoạt giải">
      {list.items.map((w) => (
        <li key={w.userId} className="card">
          <p>
            <strong>{w.prize.name ?? w.prize.code}</strong> · hạng {w.rank} ·{' '}
            <span className={`badge ${w.verification.status === 'verified' ? 'badge-success' : 'badge-warning'}`}>
              {VERIFICATION_LABEL[w.verification.status]}
            </span>
          </p>
          <p>
            <strong>{w.fullName}</strong>
            {w.unit ? ` · ${w.unit}` : ''}
          </p>
          <dl className="facts">
            <dt>Số điện thoại</dt>
            <dd>{w.phone ?? '—'}</dd>
            <dt>Số CCCD</dt>
            <dd>{w.nationalId ?? '—'}</dd>
          </dl>
          {w.verification.decidedAt && (
            <p className="field-hint">
              Xác minh lúc {formatDateTime(w.verification.decidedAt)}: {w.verification.reason}
            </p>
          )}
          {list.canDisclose && selected !== w.userId && (
            <Button kind="secondary" onClick={() => onSelect(w)}>
              Xem thông tin xác minh<span className="visually-hidden"> của {w.fullName}</span>
            </Button>
          )}
          {selected === w.userId && panel}
        </li>
      ))}
    </ul>
  );
}

/** The payout list: full contact details, so it asks for a reason (audited) before downloading. */
function PayoutPanel({ roundId, disabled }: { roundId: string; disabled: boolean }) {
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState<string>(PAYOUT_REASONS[0]);
  const [note, setNote] = useState('');
  const [format, setFormat] = useState<'xlsx' | 'csv'>('xlsx');
  const [problem, setProblem] = useState<string | undefined>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = composeReason(choice, note);
    if ('problem' in r) return setProblem(r.problem);
    setProblem(undefined);
    setBusy(true);
    setError(null);
    try {
      await verificationApi.payout(roundId, format, r.reason);
      setDone(true);
      setOpen(false);
    } catch (x) {
      setError(x);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="payout">
      <h2 id="payout">Danh sách chi trả giải thưởng</h2>
      <p>
        Tệp có họ tên, ngày sinh, số CCCD, số điện thoại đầy đủ và trạng thái xác minh của từng người đoạt giải. Chỉ ban tổ chức tải được; mỗi lần tải được ghi
        nhật ký kèm lý do.
      </p>
      {done && (
        <Notice kind="success" live>
          Đã tải danh sách chi trả; lần tải đã được ghi vào nhật ký truy cập. Hãy lưu tệp ở nơi an toàn.
        </Notice>
      )}
      {!open ? (
        <Button kind="secondary" disabled={disabled} onClick={() => setOpen(true)}>
          Tải danh sách chi trả giải thưởng
        </Button>
      ) : (
        <form className="panel" onSubmit={(e) => void submit(e)} noValidate>
          <ReasonPicker
            name="payout-reason"
            label="Lý do tải"
            choices={PAYOUT_REASONS}
            choice={choice}
            note={note}
            onChoice={setChoice}
            onNote={setNote}
            problem={problem}
          />
          <SelectField
            name="payout-format"
            label="Định dạng"
            required
            options={[
              { value: 'xlsx', label: 'Excel (XLSX)' },
              { value: 'csv', label: 'CSV (UTF-8)' },
            ]}
            value={format}
            onChange={(e) => setFormat(e.target.value as 'xlsx' | 'csv')}
          />
          <ErrorMessage error={error} />
          <div className="actions">
            <Button type="submit" busy={busy}>
              Tải xuống
            </Button>
            <Button type="button" kind="secondary" onClick={() => setOpen(false)}>
              Thôi
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}

/** "Xác minh người đoạt giải": organisers check each winner's identity before prizes are paid. */
export function WinnersPage({ roundId }: { roundId: string }) {
  const round = useLoad(() => residentApi.round(roundId), [roundId]);
  const list = useLoad(() => verificationApi.winners(roundId), [roundId]);
  const [selected, setSelected] = useState<WinnerItem | null>(null);
  const [outcome, setOutcome] = useState<{ o: VerificationOutcome; w: WinnerItem } | null>(null);
  useDocumentTitle('Xác minh người đoạt giải');

  if (list.loading && !list.data) return <Loading />;
  const l = list.data;
  const kind = round.data?.kind === 'judged' ? 'judged' : 'quiz';
  const decided = (o: VerificationOutcome, w: WinnerItem) => {
    setOutcome({ o, w });
    setSelected(null);
    list.reload();
  };
  return (
    <>
      <PageTitle sub={round.data ? `Vòng: ${round.data.title}` : undefined}>Xác minh người đoạt giải</PageTitle>
      <p>
        <Link to={paths.judgeResults(roundId)}>← Kết quả vòng thi</Link>
      </p>
      <ErrorMessage error={list.error} onRetry={list.reload} />
      {outcome && (
        <Notice kind="success" live>
          {outcome.o.status === 'verified' ? (
            <p>Đã ghi nhận: {outcome.w.fullName} đã được xác minh.</p>
          ) : (
            <>
              <p>{disqualificationSummary(outcome.o, outcome.w.fullName, kind)}</p>
              <p>
                <strong>Người nhận giải bây giờ:</strong>
              </p>
              <ul>
                {outcome.o.prizeChanges.map((c) => (
                  <li key={c.userId}>{describePrizeChange(c)}</li>
                ))}
              </ul>
            </>
          )}
        </Notice>
      )}
      {l && (
        <>
          <p>
            Kết quả {l.resultStatus === 'published' ? 'đã công bố' : 'tạm thời'} · {l.counts.winners} người đoạt giải · {l.counts.verified} đã xác minh ·{' '}
            {l.counts.pending} chưa xác minh
          </p>
          {l.stale && <Notice kind="warning">Kết quả tạm thời cần được tính lại (đóng vòng lại) trước khi xác minh.</Notice>}
          {!l.canDisclose && (
            <Notice kind="info">Số điện thoại và số CCCD được che. Chỉ ban tổ chức của đơn vị tổ chức cuộc thi mới xem được thông tin đầy đủ.</Notice>
          )}
          <section aria-labelledby="winners">
            <h2 id="winners">Người đoạt giải</h2>
            <WinnerCards
              list={l}
              selected={selected?.userId ?? null}
              onSelect={(w) => {
                setOutcome(null);
                setSelected(w);
              }}
              panel={
                selected && (
                  <WinnerIdentityPanel
                    key={selected.userId}
                    roundId={roundId}
                    kind={kind}
                    winner={selected}
                    onDecided={decided}
                    onClose={() => setSelected(null)}
                  />
                )
              }
            />
          </section>
          {l.disqualified.length > 0 && (
            <section aria-labelledby="disqualified">
              <h2 id="disqualified">Đã bị loại</h2>
              <ul>
                {l.disqualified.map((d) => (
                  <li key={d.userId}>
                    {d.fullName}
                    {d.prizeName ? ` (${d.prizeName})` : ''} — {d.reason} · {formatDateTime(d.decidedAt)}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {l.canDisclose && <PayoutPanel roundId={roundId} disabled={!l.items.length} />}
        </>
      )}
    </>
  );
}
