import { useEffect, useState } from 'react';
import { paths } from '../app/routes';
import type { AdvanceBody, AdvancementPreview, AdvancementRule, AdvanceResult, EnrolmentRow } from '../shared/api/jury-types';
import type { Page, Round } from '../shared/api/types';
import { formatDateTime } from '../shared/format';
import { useDocumentTitle, useLoad, useSession } from '../shared/hooks';
import { Link } from '../shared/router';
import { CheckboxField, TextArea, TextField } from '../shared/ui/Field';
import { Button, ErrorMessage, Loading, Notice, PageTitle } from '../shared/ui/Feedback';
import { Pager } from '../shared/ui/Pager';
import { ListStatus, SearchForm } from '../shared/ui/ListPage';
import { residentApi } from '../resident/api';
import { describeApplied, describeRule, emptyQuota, quotaBody, reasonLabel, type QuotaForm } from './advance-model';
import { describeJuryError, juryApi } from './jury-api';
import { organiserApi } from './api';

type Method = 'rule' | 'quota' | 'picked';
const RANKING_PAGE = 50;
const points = (n: number | null) => (n === null ? '—' : String(n).replace('.', ','));

function PreviewTable({ preview }: { preview: AdvancementPreview }) {
  if (preview.advancing.length === 0) return <p>Chưa có ai được vào vòng theo cách chọn này.</p>;
  return (
    <div className="table-wrap">
      <table className="table-stack">
        <caption className="visually-hidden">Danh sách người được vào vòng «{preview.toRoundTitle}»</caption>
        <thead>
          <tr>
            <th scope="col">Hạng</th>
            <th scope="col">Họ và tên</th>
            <th scope="col">Điểm</th>
            <th scope="col">Đơn vị</th>
            <th scope="col">Lý do</th>
          </tr>
        </thead>
        <tbody>
          {preview.advancing.map((a) => (
            <tr key={a.userId}>
              <td data-label="Hạng">{a.rank ?? '—'}</td>
              <td>
                <strong>{a.fullName}</strong>
                {a.alreadyEnrolled && <span className="tag"> đã vào vòng</span>}
              </td>
              <td data-label="Điểm">{points(a.score)}</td>
              <td data-label="Đơn vị">{a.unit ?? '—'}</td>
              <td data-label="Lý do">{reasonLabel(a)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The round's ranking, a page at a time; in "picked" mode each place has a checkbox. */
function RankingTable({
  preview,
  picking,
  picks,
  onPick,
  offset,
  onOffset,
}: {
  preview: AdvancementPreview;
  picking: boolean;
  picks: Set<string>;
  onPick: (id: string, on: boolean) => void;
  offset: number;
  onOffset: (o: number) => void;
}) {
  return (
    <>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Bảng xếp hạng vòng thi</caption>
          <thead>
            <tr>
              {picking && <th scope="col">Chọn</th>}
              <th scope="col">Hạng</th>
              <th scope="col">Họ và tên</th>
              <th scope="col">Điểm</th>
              <th scope="col">Đơn vị</th>
            </tr>
          </thead>
          <tbody>
            {preview.ranking.map((p) => (
              <tr key={p.userId}>
                {picking && (
                  <td>
                    <input
                      type="checkbox"
                      style={{ width: '1.5rem', height: '1.5rem' }}
                      aria-label={`Chọn ${p.fullName}`}
                      checked={picks.has(p.userId)}
                      onChange={(e) => onPick(p.userId, e.target.checked)}
                    />
                  </td>
                )}
                <td>{p.rank}</td>
                <td>{p.fullName}</td>
                <td>{points(p.score)}</td>
                <td>{p.unit ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager offset={offset} limit={RANKING_PAGE} total={preview.rankingTotal} onOffset={onOffset} label="Trang bảng xếp hạng" />
    </>
  );
}

/** Who is enrolled in a round, searchable by name. */
export function EnrolmentList({ roundId, title, version }: { roundId: string; title: string; version: number }) {
  const [query, setQuery] = useState('');
  const [offset, setOffset] = useState(0);
  const list = useLoad<Page<EnrolmentRow>>(() => juryApi.enrolments(roundId, query, 20, offset), [roundId, query, offset, version]);
  return (
    <section aria-labelledby="enrolled-title" className="panel">
      <h2 id="enrolled-title">Danh sách vào vòng «{title}»</h2>
      <SearchForm
        name="enrolment-q"
        label="Tìm theo họ tên"
        onSearch={(q) => {
          setOffset(0);
          setQuery(q);
        }}
      />
      <ListStatus list={list} empty={query ? `Không có ai tên khớp «${query}».` : 'Chưa có ai vào vòng này.'} />
      {list.data && list.data.total > 0 && (
        <>
          <p>{list.data.total} người</p>
          <div className="table-wrap">
            <table className="table-stack">
              <thead>
                <tr>
                  <th scope="col">Họ và tên</th>
                  <th scope="col">Đơn vị</th>
                  <th scope="col">Cách vào vòng</th>
                  <th scope="col">Lúc</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((e) => (
                  <tr key={e.userId}>
                    <td>
                      <strong>{e.fullName}</strong>
                    </td>
                    <td data-label="Đơn vị">{e.unit ?? '—'}</td>
                    <td data-label="Cách vào vòng">{e.source === 'picked' ? 'Ban giám khảo chọn' : 'Theo kết quả'}</td>
                    <td data-label="Lúc">{formatDateTime(e.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager offset={offset} limit={20} total={list.data.total} onOffset={setOffset} label="Trang danh sách vào vòng" />
        </>
      )}
    </section>
  );
}

/** The organiser (or a judge picking) sends entrants on to the next round: the rule, a preview of exactly who, then enrol. */
export function AdvancePage({ roundId }: { roundId: string }) {
  useDocumentTitle('Vào vòng sau');
  const session = useSession();
  const organiser = ['organiser', 'admin'].includes(String(session?.user.role));
  const round = useLoad(() => residentApi.round(roundId) as Promise<Round & { advancement?: AdvancementRule | null }>, [roundId]);
  const contestId = round.data?.contestId;
  const rounds = useLoad(async () => (contestId ? organiserApi.rounds(contestId) : []), [contestId]);
  const rule = round.data?.advancement ?? null;
  const [method, setMethod] = useState<Method | null>(null);
  const [quota, setQuota] = useState<QuotaForm>(emptyQuota);
  const [quotaErrors, setQuotaErrors] = useState<Record<string, string>>({});
  const [picks, setPicks] = useState<Set<string>>(new Set());
  const [offset, setOffset] = useState(0);
  const [preview, setPreview] = useState<{ data?: AdvancementPreview; error?: unknown; busy?: boolean; key?: string }>({});
  const [done, setDone] = useState<{ result?: AdvanceResult; error?: unknown; busy?: boolean }>({});
  const [version, setVersion] = useState(0);
  const chosen: Method = method ?? (!organiser || rule?.mode === 'picked' ? 'picked' : rule ? 'rule' : 'quota');

  const body = (): AdvanceBody | null => {
    if (chosen === 'picked') return { userIds: [...picks] };
    if (chosen === 'rule') return {};
    const q = quotaBody(quota);
    if ('errors' in q) {
      setQuotaErrors(q.errors);
      return null;
    }
    setQuotaErrors({});
    return { quota: q.body };
  };
  const load = async (b: AdvanceBody, page = offset) => {
    setPreview((p) => ({ ...p, busy: true, error: undefined }));
    try {
      setPreview({ data: await juryApi.preview(roundId, b, { limit: RANKING_PAGE, offset: page }), key: JSON.stringify(b) });
    } catch (x) {
      setPreview({ error: x });
    }
  };
  // The ranking to pick from, and the rule's preview, come at once; a quota waits for its numbers.
  useEffect(() => {
    if (round.data && chosen !== 'quota') void load(chosen === 'picked' ? { userIds: [...picks] } : {});
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reload on the method only; picks are previewed on demand
  }, [round.data, chosen]);

  if (round.loading) return <Loading />;
  if (!round.data) return <ErrorMessage error={round.error} onRetry={round.reload} />;
  const r = round.data;
  const target = (rounds.data ?? []).find((x) => x.seq === (rule?.toRoundSeq ?? (r.seq ?? 0) + 1));
  const targetTitle = preview.data?.toRoundTitle ?? target?.title ?? null;
  const currentKey = JSON.stringify(
    chosen === 'picked'
      ? { userIds: [...picks] }
      : chosen === 'rule'
        ? {}
        : (() => {
            const q = quotaBody(quota);
            return 'body' in q ? { quota: q.body } : null;
          })(),
  );
  const stale = Boolean(preview.data && preview.key !== currentKey);

  const confirm = async () => {
    const b = body();
    if (!b) return;
    setDone({ busy: true });
    try {
      const result = await juryApi.advance(roundId, b);
      setDone({ result });
      setVersion((v) => v + 1);
      void load(b);
    } catch (x) {
      setDone({ error: x });
    }
  };
  const methods: { value: Method; label: string }[] = [
    ...(organiser && rule && rule.mode !== 'picked' ? [{ value: 'rule' as const, label: `Theo quy tắc của vòng: ${describeRule(rule, targetTitle)}` }] : []),
    ...(organiser ? [{ value: 'quota' as const, label: 'Theo chỉ tiêu từng đơn vị / nhóm' }] : []),
    { value: 'picked', label: 'Ban giám khảo chọn từng người' },
  ];
  const count = preview.data?.advancing.length ?? 0;

  return (
    <>
      <PageTitle sub={targetTitle ? `Từ «${r.title}» vào «${targetTitle}»` : r.title}>Vào vòng sau</PageTitle>
      <fieldset className="group">
        <legend>Cách chọn người vào vòng{targetTitle ? ` «${targetTitle}»` : ' sau'}</legend>
        {methods.map((m) => (
          <label key={m.value} className="option">
            <input
              type="radio"
              name="advance-method"
              checked={chosen === m.value}
              onChange={() => (setMethod(m.value), setDone({}), setPreview({}), setOffset(0))}
            />{' '}
            {m.label}
          </label>
        ))}
      </fieldset>

      {chosen === 'quota' && (
        <form
          className="panel"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const b = body();
            if (b) void load(b);
          }}
          aria-labelledby="quota-title"
        >
          <h2 id="quota-title">Chỉ tiêu</h2>
          <fieldset className="group">
            <legend>Chia suất theo</legend>
            {quotaErrors.quotaBy && <p className="field-error">{quotaErrors.quotaBy}</p>}
            <CheckboxField
              name="quota-unit"
              label="Đơn vị (cơ quan, xã, phường khi đăng ký)"
              checked={quota.byUnit}
              onChange={(e) => setQuota({ ...quota, byUnit: e.target.checked })}
            />
            <CheckboxField
              name="quota-group"
              label="Nhóm (một trường khi đăng ký, ví dụ báo cáo viên / tuyên truyền viên)"
              checked={quota.byGroup}
              onChange={(e) => setQuota({ ...quota, byGroup: e.target.checked })}
            />
          </fieldset>
          {quota.byGroup && (
            <TextField
              name="groupField"
              label="Tên trường đăng ký chứa nhóm"
              required
              value={quota.groupField}
              onChange={(e) => setQuota({ ...quota, groupField: e.target.value })}
              error={quotaErrors.groupField}
            />
          )}
          <TextField
            name="perBucket"
            label="Số người mỗi đơn vị / nhóm"
            required
            inputMode="numeric"
            value={quota.perBucket}
            onChange={(e) => setQuota({ ...quota, perBucket: e.target.value })}
            error={quotaErrors.perBucket}
          />
          <TextArea
            name="overrides"
            label="Số suất riêng cho một số đơn vị / nhóm"
            hint="Mỗi dòng một đơn vị: «Tên = số suất», ví dụ «Phường Hạ Long = 2». Chia theo cả đơn vị và nhóm thì viết «Đơn vị | Nhóm = số suất»."
            rows={3}
            value={quota.overrides}
            onChange={(e) => setQuota({ ...quota, overrides: e.target.value })}
            error={quotaErrors.overrides}
          />
          <Button type="submit" kind="secondary" busy={preview.busy}>
            Xem trước
          </Button>
        </form>
      )}

      {preview.busy && <Loading label="Đang xếp hạng…" />}
      {preview.error ? <Notice kind="error">{describeJuryError(preview.error)}</Notice> : null}
      {preview.data && (
        <section aria-labelledby="preview-title">
          <h2 id="preview-title">
            Xem trước: {count} người vào vòng «{preview.data.toRoundTitle}»
          </h2>
          <p>{describeApplied(preview.data.rule, preview.data.toRoundTitle)}</p>
          {preview.data.newCount < count && <p>{count - preview.data.newCount} người trong số này đã vào vòng từ trước.</p>}
          {preview.data.shortfalls.length > 0 && (
            <Notice kind="warning">
              Không đủ người cho chỉ tiêu: {preview.data.shortfalls.map((s) => `${s.bucket} (${s.filled}/${s.quota})`).join(', ')}.
            </Notice>
          )}
          {preview.data.unplaced.length > 0 && (
            <Notice kind="warning">
              {preview.data.unplaced.length} người không khai báo đơn vị / nhóm nên không được xét theo chỉ tiêu:{' '}
              {preview.data.unplaced.map((u) => u.fullName).join(', ')}.
            </Notice>
          )}
          <PreviewTable preview={preview.data} />
          {chosen === 'picked' && (
            <>
              <h3>Bảng xếp hạng ({preview.data.rankingTotal} người): đánh dấu người được chọn</h3>
              <RankingTable
                preview={preview.data}
                picking
                picks={picks}
                onPick={(id, on) => setPicks((s) => (on ? new Set(s).add(id) : new Set([...s].filter((x) => x !== id))))}
                offset={offset}
                onOffset={(o) => {
                  setOffset(o);
                  void load({ userIds: [...picks] }, o);
                }}
              />
              <Button kind="secondary" busy={preview.busy} onClick={() => void load({ userIds: [...picks] })}>
                Cập nhật danh sách đã chọn ({picks.size})
              </Button>
            </>
          )}
          {stale && <Notice kind="warning">Bạn đã đổi lựa chọn: bấm «Xem trước» hoặc «Cập nhật danh sách đã chọn» trước khi xác nhận.</Notice>}
          {done.error ? <Notice kind="error">{describeJuryError(done.error)}</Notice> : null}
          {done.result && (
            <Notice kind="success" live>
              Đã cho {done.result.userIds.length} người vào vòng «{preview.data.toRoundTitle}» ({done.result.newlyEnrolled.length} người mới).
            </Notice>
          )}
          <div className="actions">
            <Button busy={done.busy} disabled={stale || count === 0 || preview.data.newCount === 0} onClick={() => void confirm()}>
              Xác nhận cho vào vòng ({preview.data.newCount} người mới)
            </Button>
          </div>
        </section>
      )}
      {(preview.data?.toRoundId ?? target?.id) && <EnrolmentList roundId={preview.data?.toRoundId ?? target!.id} title={targetTitle ?? ''} version={version} />}
      {r.contestId && (
        <p>
          <Link to={paths.contestEdit(r.contestId)}>← Về trang cuộc thi</Link>
        </p>
      )}
    </>
  );
}
