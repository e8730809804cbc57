import { useState, type FormEvent } from 'react';
import { paths } from '../../app/routes';
import { api } from '../../shared/api/client';
import { useDocumentTitle } from '../../shared/hooks';
import { Link, navigate } from '../../shared/router';
import { TextField } from '../../shared/ui/Field';
import { Button, ErrorSummary, PageTitle } from '../../shared/ui/Feedback';
import { accountFieldErrors, newPasswordProblem } from './account-errors';
import { accountApi } from './api';

const LABELS: Record<string, string> = { currentPassword: 'Mật khẩu hiện tại', newPassword: 'Mật khẩu mới', confirm: 'Nhập lại mật khẩu mới' };

/** Every other device is signed out; this one goes on with the new session the server returns. */
export function ChangePasswordPage() {
  useDocumentTitle('Đổi mật khẩu');
  const [f, setF] = useState({ currentPassword: '', newPassword: '', confirm: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof f, v: string) => setF((x) => ({ ...x, [k]: v }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setServerError(null);
    const errs: Record<string, string> = {};
    if (!f.currentPassword) errs.currentPassword = 'Nhập mật khẩu hiện tại.';
    Object.assign(errs, newPasswordProblem(f.newPassword, f.confirm));
    setErrors(errs);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      const r = await accountApi.changePassword({ currentPassword: f.currentPassword, newPassword: f.newPassword });
      api.acceptSession(r);
      navigate(paths.account('doi-mat-khau'), { replace: true });
    } catch (x) {
      const fields = accountFieldErrors(x, 'newPassword');
      if (Object.keys(fields).length) setErrors(fields);
      else setServerError(x);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="narrow">
      <PageTitle sub="Sau khi đổi, tài khoản sẽ tự đăng xuất trên mọi thiết bị khác.">Đổi mật khẩu</PageTitle>
      <ErrorSummary errors={errors} labels={LABELS} serverError={serverError} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          name="currentPassword"
          label={LABELS.currentPassword}
          required
          type="password"
          autoComplete="current-password"
          value={f.currentPassword}
          onChange={(e) => set('currentPassword', e.target.value)}
          error={errors.currentPassword}
        />
        <TextField
          name="newPassword"
          label={LABELS.newPassword}
          required
          type="password"
          autoComplete="new-password"
          hint="Ít nhất 8 ký tự; không dùng mật khẩu phổ biến như 12345678."
          value={f.newPassword}
          onChange={(e) => set('newPassword', e.target.value)}
          error={errors.newPassword}
        />
        <TextField
          name="confirm"
          label={LABELS.confirm}
          required
          type="password"
          autoComplete="new-password"
          value={f.confirm}
          onChange={(e) => set('confirm', e.target.value)}
          error={errors.confirm}
        />
        <Button type="submit" busy={busy}>
          Đổi mật khẩu
        </Button>
      </form>
      <p>
        <Link to={paths.account()}>Quay lại tài khoản</Link>
      </p>
    </div>
  );
}
