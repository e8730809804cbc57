import { useEffect, useState, type FormEvent } from 'react';
import { paths } from '../app/routes';
import { adminApi } from '../admin/api';
import { serverFieldErrors } from '../admin/admin-model';
import { api, seg } from '../shared/api/client';
import type { RoundJudge, StaffUser } from '../shared/api/admin-types';
import type { Round } from '../shared/api/types';
import { formatDateTime } from '../shared/format';
import { useDocumentTitle, useLoad } from '../shared/hooks';
import { Link } from '../shared/router';
import { SelectField, TextField } from '../shared/ui/Field';
import { Button, ErrorMessage, ErrorSummary, Loading, Notice, PageTitle } from '../shared/ui/Feedback';
import { judgePickerHint } from './judge-picker';

const LABELS = { userId: 'Giám khảo' };

/**
 * Organiser: a round's judges. Judges are picked from the organisation's own judges, found by
 * name or e-mail; the assigned ones are listed with their recusal, and can be taken off.
 */
export function RoundJudgesPage({ roundId }: { roundId: string }) {
  const round = useLoad(() => api.get<Round>(`/rounds/${seg(roundId)}`), [roundId]);
  const judges = useLoad(() => adminApi.roundJudges(roundId), [roundId]);
  const [message, setMessage] = useState<string | null>(null);
  const [removeError, setRemoveError] = useState<unknown>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  useDocumentTitle('Giám khảo của vòng thi');

  const remove = async (j: RoundJudge) => {
    setRemoveError(null);
    setMessage(null);
    setRemoving(j.userId);
    try {
      await adminApi.removeJudge(roundId, j.userId);
      setMessage(`Đã gỡ ${j.fullName} khỏi vòng thi.`);
      judges.reload();
    } catch (x) {
      setRemoveError(x);
    } finally {
      setRemoving(null);
    }
  };

  const assigned = new Set((judges.data ?? []).map((j) => j.userId));
  return (
    <>
      <PageTitle sub={round.data ? `Vòng thi: ${round.data.title}` : undefined}>Giám khảo của vòng thi</PageTitle>
      {round.data?.contestId && (
        <p>
          <Link to={paths.contestEdit(round.data.contestId)}>← Quay lại cuộc thi</Link>
        </p>
      )}
      <ErrorMessage error={round.error} />
      {message && (
        <Notice kind="success" live>
          {message}
        </Notice>
      )}
      <AssignJudgeForm
        roundId={roundId}
        assigned={assigned}
        onAssigned={(j) => {
          setMessage(`Đã phân công ${j.fullName} chấm vòng thi.`);
          judges.reload();
        }}
      />
      <h2>Giám khảo đã phân công</h2>
      {judges.loading && <Loading />}
      <ErrorMessage error={judges.error} onRetry={judges.reload} />
      <ErrorMessage error={removeError} />
      {judges.data && judges.data.length === 0 && <p>Chưa phân công giám khảo nào.</p>}
      {judges.data && judges.data.length > 0 && (
        <ul className="judge-list">
          {judges.data.map((j) => (
            <li key={j.userId}>
              <div>
                <strong>{j.fullName}</strong>
                <span className="sub">{j.email}</span>
                {j.recusedAt ? (
                  <span className="tag tag-off">Đã xin rút lúc {formatDateTime(j.recusedAt)}</span>
                ) : (
                  <span className="tag tag-ok">Đang chấm</span>
                )}
              </div>
              <Button kind="secondary" busy={removing === j.userId} aria-label={`Gỡ ${j.fullName} khỏi vòng thi`} onClick={() => void remove(j)}>
                Gỡ
              </Button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function AssignJudgeForm({ roundId, assigned, onAssigned }: { roundId: string; assigned: Set<string>; onAssigned: (j: RoundJudge) => void }) {
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const [userId, setUserId] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // Search as the organiser types, a moment after they stop.
  useEffect(() => {
    const t = setTimeout(() => setQuery(q.trim()), 300);
    return () => clearTimeout(t);
  }, [q]);
  const found = useLoad(() => adminApi.judgesOfMyOrganisation(query), [query]);
  const candidates: StaffUser[] = (found.data?.items ?? []).filter((u) => !assigned.has(u.id));
  const server = serverFieldErrors(serverError);
  const shown = { ...server, ...errors };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setServerError(null);
    if (!userId) {
      setErrors({ userId: 'Chọn một giám khảo trong danh sách.' });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      onAssigned(await adminApi.assignJudge(roundId, userId));
      setUserId('');
    } catch (x) {
      setServerError(x);
    } finally {
      setBusy(false);
    }
  };

  const hint = judgePickerHint({
    typed: q,
    query,
    loading: found.loading,
    found: found.data?.items.length ?? 0,
    candidates: candidates.length,
    total: found.data?.total ?? 0,
  });
  return (
    <form className="panel narrow" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="assign-title">
      <h2 id="assign-title">Phân công giám khảo</h2>
      <ErrorSummary errors={shown} labels={LABELS} serverError={Object.keys(server).length ? null : serverError} />
      <TextField
        name="judgeSearch"
        type="search"
        label="Tìm giám khảo theo tên hoặc email"
        autoComplete="off"
        value={q}
        onChange={(e) => setQ(e.target.value)}
      />
      <SelectField
        name="userId"
        label={LABELS.userId}
        required
        placeholder="— Chọn giám khảo —"
        hint={hint}
        options={candidates.map((u) => ({ value: u.id, label: `${u.fullName} — ${u.email ?? ''}` }))}
        value={userId}
        onChange={(e) => setUserId(e.target.value)}
        error={shown.userId}
      />
      <ErrorMessage error={found.error} onRetry={found.reload} />
      <Button type="submit" busy={busy}>
        Phân công
      </Button>
    </form>
  );
}
