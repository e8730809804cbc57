import { useState, type FormEvent } from 'react';
import type { Organisation, StaffUser } from '../shared/api/admin-types';
import { useDocumentTitle, useLoad, useSession } from '../shared/hooks';
import { SelectField, TextField } from '../shared/ui/Field';
import { Button, ErrorMessage, ErrorSummary, Notice, PageTitle } from '../shared/ui/Feedback';
import { Pager } from '../shared/ui/Pager';
import { ListStatus } from '../shared/ui/ListPage';
import { adminApi } from './api';
import { AdminNav } from './AdminNav';
import {
  emptyStaff,
  noStaffFilters,
  ROLE_LABEL,
  serverFieldErrors,
  STAFF_ROLE_OPTIONS,
  staffBody,
  staffQuery,
  validateStaff,
  type StaffFilters,
  type StaffForm,
} from './admin-model';

const LABELS: Record<string, string> = {
  fullName: 'Họ và tên',
  email: 'Email',
  phone: 'Số điện thoại',
  password: 'Mật khẩu tạm',
  role: 'Vai trò',
  organisationId: 'Đơn vị',
};
const LIMIT = 20;

type Action = { kind: 'create' } | { kind: 'deactivate'; user: StaffUser } | { kind: 'reset'; user: StaffUser };

/** Admin: staff accounts — search and filter, create, deactivate or reactivate, reset a password. */
export function StaffPage() {
  useDocumentTitle('Tài khoản cán bộ');
  const me = useSession()?.user.id;
  const orgs = useLoad(() => adminApi.organisations({ limit: 200, offset: 0 }), []);
  const [filters, setFilters] = useState<StaffFilters>(noStaffFilters);
  const [applied, setApplied] = useState(filters);
  const [offset, setOffset] = useState(0);
  const list = useLoad(() => adminApi.staff(staffQuery(applied, LIMIT, offset)), [applied, offset]);
  const [action, setAction] = useState<Action | null>(null);
  const [message, setMessage] = useState<{ text: string; password?: string } | null>(null);
  const [rowError, setRowError] = useState<unknown>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const orgOptions = (orgs.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }));

  const done = (text: string, password?: string) => {
    setAction(null);
    setMessage({ text, password });
    list.reload();
  };

  const reactivate = async (u: StaffUser) => {
    setRowError(null);
    setMessage(null);
    setBusyId(u.id);
    try {
      await adminApi.updateStaff(u.id, { active: true });
      done(`Đã mở khoá tài khoản ${u.fullName}.`);
    } catch (x) {
      setRowError(x);
    } finally {
      setBusyId(null);
    }
  };

  return (
    <>
      <AdminNav current="staff" />
      <PageTitle sub="Ban tổ chức, giám khảo và quản trị viên. Người dự thi tự đăng ký tài khoản.">Tài khoản cán bộ</PageTitle>
      {message && (
        <Notice kind="success" live>
          <p>{message.text}</p>
          {message.password && (
            <p>
              Mật khẩu tạm (chỉ hiện một lần, hãy gửi riêng cho người dùng): <code className="secret">{message.password}</code>
            </p>
          )}
        </Notice>
      )}
      <ErrorMessage error={rowError} />
      {action === null && (
        <div className="actions">
          <Button
            onClick={() => {
              setMessage(null);
              setAction({ kind: 'create' });
            }}
          >
            Tạo tài khoản
          </Button>
        </div>
      )}
      {action?.kind === 'create' && (
        <CreateStaff
          organisations={orgs.data?.items ?? []}
          onCancel={() => setAction(null)}
          onCreated={(u) => done(`Đã tạo tài khoản ${u.fullName} (${ROLE_LABEL[u.role] ?? u.role}).`)}
        />
      )}
      {action?.kind === 'deactivate' && (
        <ConfirmDeactivate
          user={action.user}
          onCancel={() => setAction(null)}
          onDone={() => done(`Đã khoá tài khoản ${action.user.fullName}. Người này đã bị đăng xuất.`)}
        />
      )}
      {action?.kind === 'reset' && (
        <ResetPassword
          user={action.user}
          onCancel={() => setAction(null)}
          onDone={(password) => done(`Đã đặt lại mật khẩu cho ${action.user.fullName}. Các phiên đăng nhập cũ đã kết thúc.`, password ?? undefined)}
        />
      )}

      <form
        className="search-row"
        role="search"
        aria-label="Lọc tài khoản"
        onSubmit={(e) => {
          e.preventDefault();
          setOffset(0);
          setApplied({ ...filters, q: filters.q.trim() });
        }}
      >
        <TextField name="q" type="search" label="Tìm theo tên hoặc email" value={filters.q} onChange={(e) => setFilters({ ...filters, q: e.target.value })} />
        <SelectField
          name="filter-role"
          label="Vai trò"
          placeholder="Tất cả"
          options={STAFF_ROLE_OPTIONS}
          value={filters.role}
          onChange={(e) => setFilters({ ...filters, role: e.target.value })}
        />
        <SelectField
          name="filter-organisation"
          label="Đơn vị"
          placeholder="Tất cả"
          options={orgOptions}
          value={filters.organisationId}
          onChange={(e) => setFilters({ ...filters, organisationId: e.target.value })}
        />
        <SelectField
          name="filter-active"
          label="Trạng thái"
          placeholder="Tất cả"
          options={[
            { value: 'true', label: 'Đang hoạt động' },
            { value: 'false', label: 'Đã khoá' },
          ]}
          value={filters.active}
          onChange={(e) => setFilters({ ...filters, active: e.target.value })}
        />
        <Button type="submit" kind="secondary">
          Lọc
        </Button>
      </form>
      <ListStatus list={list} empty="Không có tài khoản nào khớp bộ lọc." />
      {list.data && list.data.items.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Danh sách tài khoản cán bộ</caption>
            <thead>
              <tr>
                <th scope="col">Cán bộ</th>
                <th scope="col">Trạng thái</th>
                <th scope="col">
                  <span className="visually-hidden">Thao tác</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((u) => (
                <tr key={u.id}>
                  <td>
                    {u.fullName}
                    <span className="sub">{u.email}</span>
                    <span className="sub">
                      {ROLE_LABEL[u.role] ?? u.role}
                      {u.organisationName ? ` · ${u.organisationName}` : ''}
                    </span>
                  </td>
                  <td>{u.active ? <span className="tag tag-ok">Đang hoạt động</span> : <span className="tag tag-off">Đã khoá</span>}</td>
                  <td className="row-actions">
                    {u.id !== me &&
                      (u.active ? (
                        <Button
                          kind="link"
                          aria-label={`Khoá tài khoản ${u.fullName}`}
                          onClick={() => {
                            setMessage(null);
                            setAction({ kind: 'deactivate', user: u });
                          }}
                        >
                          Khoá
                        </Button>
                      ) : (
                        <Button kind="link" busy={busyId === u.id} aria-label={`Mở khoá tài khoản ${u.fullName}`} onClick={() => void reactivate(u)}>
                          Mở khoá
                        </Button>
                      ))}
                    <Button
                      kind="link"
                      aria-label={`Đặt lại mật khẩu cho ${u.fullName}`}
                      onClick={() => {
                        setMessage(null);
                        setAction({ kind: 'reset', user: u });
                      }}
                    >
                      Đặt lại mật khẩu
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.data && <Pager offset={offset} limit={LIMIT} total={list.data.total} onOffset={setOffset} />}
    </>
  );
}

/** A password an admin can read out or paste: no look-alike characters. */
function randomPassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = crypto.getRandomValues(new Uint8Array(14));
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

function CreateStaff({ organisations, onCancel, onCreated }: { organisations: Organisation[]; onCancel: () => void; onCreated: (u: StaffUser) => void }) {
  const [f, setF] = useState<StaffForm>(emptyStaff);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof StaffForm>(k: K, v: StaffForm[K]) => setF((x) => ({ ...x, [k]: v }));
  const server = serverFieldErrors(serverError);
  const err = (k: string) => errors[k] ?? server[k];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const errs = validateStaff(f);
    setErrors(errs);
    setServerError(null);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      onCreated(await adminApi.createStaff(staffBody(f)));
    } catch (x) {
      setServerError(x);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="panel narrow" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="staff-form-title">
      <h2 id="staff-form-title">Tạo tài khoản cán bộ</h2>
      <ErrorSummary errors={{ ...server, ...errors }} labels={LABELS} serverError={Object.keys(server).length ? null : serverError} />
      <TextField
        name="fullName"
        label={LABELS.fullName}
        required
        autoComplete="off"
        value={f.fullName}
        onChange={(e) => set('fullName', e.target.value)}
        error={err('fullName')}
      />
      <TextField
        name="email"
        type="email"
        label={LABELS.email}
        required
        autoComplete="off"
        hint="Cán bộ đăng nhập bằng email này."
        value={f.email}
        onChange={(e) => set('email', e.target.value)}
        error={err('email')}
      />
      <TextField
        name="phone"
        type="tel"
        label={LABELS.phone}
        autoComplete="off"
        value={f.phone}
        onChange={(e) => set('phone', e.target.value)}
        error={err('phone')}
      />
      <SelectField
        name="role"
        label={LABELS.role}
        required
        placeholder="— Chọn vai trò —"
        options={STAFF_ROLE_OPTIONS}
        value={f.role}
        onChange={(e) => set('role', e.target.value as StaffForm['role'])}
        error={err('role')}
      />
      {f.role !== 'admin' && (
        <SelectField
          name="organisationId"
          label={LABELS.organisationId}
          required={f.role !== ''}
          placeholder="— Chọn đơn vị —"
          options={organisations.map((o) => ({ value: o.id, label: o.name }))}
          value={f.organisationId}
          onChange={(e) => set('organisationId', e.target.value)}
          error={err('organisationId')}
        />
      )}
      <TextField
        name="password"
        type="text"
        label={LABELS.password}
        required
        autoComplete="new-password"
        spellCheck={false}
        hint="Ít nhất 8 ký tự. Gửi riêng cho người dùng."
        value={f.password}
        onChange={(e) => set('password', e.target.value)}
        error={err('password')}
      />
      <div className="actions">
        <Button kind="secondary" onClick={() => set('password', randomPassword())}>
          Tạo mật khẩu ngẫu nhiên
        </Button>
      </div>
      <div className="actions">
        <Button type="submit" busy={busy}>
          Tạo tài khoản
        </Button>
        <Button kind="secondary" onClick={onCancel}>
          Hủy
        </Button>
      </div>
    </form>
  );
}

function ConfirmDeactivate({ user, onCancel, onDone }: { user: StaffUser; onCancel: () => void; onDone: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <section className="panel narrow" aria-labelledby="deactivate-title">
      <h2 id="deactivate-title">Khoá tài khoản {user.fullName}?</h2>
      <p>Người này bị đăng xuất ngay trên mọi thiết bị và không đăng nhập được nữa. Dữ liệu (điểm chấm, lịch sử) vẫn được giữ; có thể mở khoá lại.</p>
      <ErrorMessage error={error} />
      <div className="actions">
        <Button
          kind="danger"
          busy={busy}
          onClick={() => {
            setBusy(true);
            setError(null);
            adminApi.updateStaff(user.id, { active: false }).then(onDone, (x: unknown) => {
              setError(x);
              setBusy(false);
            });
          }}
        >
          Khoá tài khoản
        </Button>
        <Button kind="secondary" onClick={onCancel}>
          Hủy
        </Button>
      </div>
    </section>
  );
}

function ResetPassword({ user, onCancel, onDone }: { user: StaffUser; onCancel: () => void; onDone: (generated: string | null) => void }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [serverError, setServerError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="panel narrow"
      aria-labelledby="reset-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (password && password.length < 8) return setError('Mật khẩu tạm cần ít nhất 8 ký tự.');
        setError(null);
        setServerError(null);
        setBusy(true);
        adminApi.resetPassword(user.id, password || undefined).then(
          (r) => onDone(r.temporaryPassword),
          (x: unknown) => {
            setServerError(x);
            setBusy(false);
          },
        );
      }}
    >
      <h2 id="reset-title">Đặt lại mật khẩu cho {user.fullName}</h2>
      <p>Mọi phiên đăng nhập hiện tại của người này sẽ kết thúc.</p>
      <TextField
        name="newPassword"
        type="text"
        label="Mật khẩu mới"
        autoComplete="new-password"
        spellCheck={false}
        hint="Để trống để hệ thống tạo mật khẩu tạm ngẫu nhiên (hiện một lần sau khi đặt lại)."
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={error ?? serverFieldErrors(serverError).password}
      />
      <ErrorMessage error={serverError} />
      <div className="actions">
        <Button type="submit" busy={busy}>
          Đặt lại mật khẩu
        </Button>
        <Button kind="secondary" onClick={onCancel}>
          Hủy
        </Button>
      </div>
    </form>
  );
}
