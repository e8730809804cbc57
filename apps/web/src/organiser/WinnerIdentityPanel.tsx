import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { VerificationOutcome, WinnerIdentity, WinnerItem } from '../shared/api/verification-types';
import { formatDateTime } from '../shared/format';
import { TextArea, TextField } from '../shared/ui/Field';
import { Button, ErrorMessage, Notice } from '../shared/ui/Feedback';
import { ReasonPicker } from './ReasonPicker';
import { verificationApi } from './verification-api';
import { composeReason, disqualificationWarning, disqualifyReason, formatBirthDate, VIEW_REASONS } from './winners-model';

/**
 * One winner's check: the organiser gives a reason, sees the identity in full (the view is
 * recorded), then marks the winner verified or disqualifies them with a reason.
 */
export function WinnerIdentityPanel({
  roundId,
  kind,
  winner,
  onDecided,
  onClose,
}: {
  roundId: string;
  kind: 'quiz' | 'judged';
  winner: WinnerItem;
  onDecided: (o: VerificationOutcome, w: WinnerItem) => void;
  onClose: () => void;
}) {
  const [choice, setChoice] = useState<string>(VIEW_REASONS[0]);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [identity, setIdentity] = useState<WinnerIdentity | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [basis, setBasis] = useState('Đã đối chiếu CCCD bản gốc với thông tin đăng ký');
  const [disqualifying, setDisqualifying] = useState(false);
  const [dqReason, setDqReason] = useState('');
  const [dqProblem, setDqProblem] = useState<string | undefined>();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [winner.userId, identity]);

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const view = (e: FormEvent) => {
    e.preventDefault();
    const r = composeReason(choice, note);
    if ('problem' in r) return setProblem(r.problem);
    setProblem(undefined);
    void run(async () => setIdentity(await verificationApi.identity(roundId, winner.userId, r.reason)));
  };
  const verify = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => onDecided(await verificationApi.decide(roundId, winner.userId, 'verified', basis.trim() || 'Đã xác minh danh tính'), winner));
  };
  const disqualify = (e: FormEvent) => {
    e.preventDefault();
    const r = disqualifyReason(dqReason);
    if ('problem' in r) return setDqProblem(r.problem);
    setDqProblem(undefined);
    void run(async () => onDecided(await verificationApi.decide(roundId, winner.userId, 'disqualified', r.reason), winner));
  };

  const prize = winner.prize.name ?? winner.prize.code;
  return (
    <section className="panel" aria-labelledby="identity-title">
      <h2 id="identity-title" ref={heading} tabIndex={-1}>
        Thông tin xác minh: {winner.fullName} ({prize})
      </h2>
      {!identity ? (
        <form onSubmit={view} noValidate>
          <p>Số điện thoại và số CCCD đầy đủ chỉ dùng để xác minh và trao giải. Mỗi lần xem được ghi vào nhật ký truy cập.</p>
          <ReasonPicker
            name="view-reason"
            label="Lý do xem"
            choices={VIEW_REASONS}
            choice={choice}
            note={note}
            onChoice={setChoice}
            onNote={setNote}
            problem={problem}
          />
          <ErrorMessage error={error} />
          <div className="actions">
            <Button type="submit" busy={busy}>
              Xem thông tin
            </Button>
            <Button type="button" kind="secondary" onClick={onClose}>
              Đóng
            </Button>
          </div>
        </form>
      ) : (
        <>
          <Notice kind="info" live>
            Lần xem lúc {formatDateTime(identity.viewedAt)} đã được ghi vào nhật ký truy cập.
          </Notice>
          <dl className="facts">
            <dt>Họ và tên</dt>
            <dd>{identity.fullName}</dd>
            <dt>Ngày sinh</dt>
            <dd>{formatBirthDate(identity.dateOfBirth)}</dd>
            <dt>Số CCCD</dt>
            <dd>{identity.nationalId ?? '—'}</dd>
            <dt>Số điện thoại</dt>
            <dd>{identity.phone ? <a href={`tel:${identity.phone}`}>{identity.phone}</a> : '—'}</dd>
            <dt>Thư điện tử</dt>
            <dd>{identity.email ?? '—'}</dd>
            <dt>Tỉnh/thành phố</dt>
            <dd>{identity.province ?? '—'}</dd>
            <dt>Xã/phường</dt>
            <dd>{identity.commune ?? '—'}</dd>
            <dt>Đơn vị</dt>
            <dd>{identity.unit ?? '—'}</dd>
          </dl>
          {identity.accountDeleted && <Notice kind="warning">Người này đã xóa tài khoản: thông tin cá nhân không còn.</Notice>}
          <ErrorMessage error={error} />
          <form onSubmit={verify} noValidate>
            <TextField name="verify-basis" label="Căn cứ xác minh" required value={basis} onChange={(e) => setBasis(e.target.value)} />
            <div className="actions">
              <Button type="submit" busy={busy && !disqualifying}>
                Đã xác minh
              </Button>
              {!disqualifying && (
                <Button type="button" kind="danger" onClick={() => setDisqualifying(true)}>
                  Loại (kèm lý do)
                </Button>
              )}
            </div>
          </form>
          {disqualifying && (
            <form className="alert alert-warning" onSubmit={disqualify} noValidate aria-labelledby="dq-title">
              <p id="dq-title">
                <strong>
                  Loại {winner.fullName} khỏi {prize}?
                </strong>{' '}
                {disqualificationWarning(kind)}
              </p>
              <TextArea
                name="dq-reason"
                label="Lý do loại"
                required
                rows={2}
                value={dqReason}
                onChange={(e) => setDqReason(e.target.value)}
                error={dqProblem}
              />
              <div className="actions">
                <Button type="submit" kind="danger" busy={busy}>
                  Xác nhận loại
                </Button>
                <Button type="button" kind="secondary" onClick={() => setDisqualifying(false)}>
                  Thôi
                </Button>
              </div>
            </form>
          )}
          <div className="actions">
            <Button type="button" kind="link" onClick={onClose}>
              Đóng thông tin
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
