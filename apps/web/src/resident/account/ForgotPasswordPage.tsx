import { useState, type FormEvent } from 'react';
import { paths } from '../../app/routes';
import { api } from '../../shared/api/client';
import { useDocumentTitle } from '../../shared/hooks';
import { Link, navigate } from '../../shared/router';
import { TextField } from '../../shared/ui/Field';
import { Button, ErrorSummary, Notice, PageTitle } from '../../shared/ui/Feedback';
import { accountFieldErrors, newPasswordProblem } from './account-errors';
import { accountApi } from './api';

const LABELS: Record<string, string> = {
  login: 'Số điện thoại hoặc email',
  code: 'Mã xác nhận',
  newPassword: 'Mật khẩu mới',
  confirm: 'Nhập lại mật khẩu mới',
};

/**
 * Forgotten password: ask for a code (by SMS to a phone, by e-mail to an address), then the
 * code and a new password. The first answer is the same whether or not the account exists.
 */
export function ForgotPasswordPage() {
  useDocumentTitle('Quên mật khẩu');
  const [step, setStep] = useState<'ask' | 'code'>('ask');
  const [login, setLogin] = useState('');
  const [code, setCode] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [resent, setResent] = useState(false);
  const byEmail = login.includes('@');

  const ask = async (e?: FormEvent) => {
    e?.preventDefault();
    setServerError(null);
    if (login.trim().length < 3) {
      setErrors({ login: 'Nhập số điện thoại hoặc email đã dùng để đăng ký.' });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await accountApi.requestReset(login.trim());
      if (step === 'code') setResent(true);
      setStep('code');
    } catch (x) {
      setServerError(x);
    } finally {
      setBusy(false);
    }
  };

  const reset = async (e: FormEvent) => {
    e.preventDefault();
    setServerError(null);
    const errs: Record<string, string> = {};
    if (!/^\d{6}$/.test(code.trim())) errs.code = 'Nhập đủ 6 chữ số của mã.';
    Object.assign(errs, newPasswordProblem(newPassword, confirm));
    setErrors(errs);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      const r = await accountApi.confirmReset({ login: login.trim(), code: code.trim(), newPassword });
      api.acceptSession(r);
      navigate(paths.account('dat-lai-mat-khau'), { replace: true });
    } catch (x) {
      const fields = accountFieldErrors(x, 'newPassword');
      if (Object.keys(fields).length) setErrors(fields);
      else setServerError(x);
    } finally {
      setBusy(false);
    }
  };

  if (step === 'ask') {
    return (
      <div className="narrow">
        <PageTitle sub="Nhập số điện thoại hoặc email của tài khoản. Chúng tôi sẽ gửi một mã gồm 6 chữ số để bạn đặt mật khẩu mới.">Quên mật khẩu</PageTitle>
        <ErrorSummary errors={errors} labels={LABELS} serverError={serverError} />
        <form onSubmit={(e) => void ask(e)} noValidate>
          <TextField
            name="login"
            label={LABELS.login}
            required
            autoComplete="username"
            inputMode="email"
            hint="Số điện thoại: mã gửi qua tin nhắn SMS. Email: mã gửi qua email."
            value={login}
            onChange={(e) => setLogin(e.target.value)}
            error={errors.login}
          />
          <Button type="submit" busy={busy}>
            Gửi mã
          </Button>
        </form>
        <p>
          Đã nhớ mật khẩu? <Link to={paths.login()}>Đăng nhập</Link>
        </p>
      </div>
    );
  }

  return (
    <div className="narrow">
      <PageTitle>Đặt mật khẩu mới</PageTitle>
      <Notice kind="info" live>
        Nếu <strong>{login.trim()}</strong> là {byEmail ? 'email' : 'số điện thoại'} của một tài khoản, mã xác nhận đã được gửi{' '}
        {byEmail ? 'tới hộp thư đó' : 'qua tin nhắn SMS'}. Mã có hiệu lực trong 15 phút.
        {resent && ' Đã gửi lại mã (mỗi phút gửi được một lần).'}
      </Notice>
      <ErrorSummary errors={errors} labels={LABELS} serverError={serverError} />
      <form onSubmit={(e) => void reset(e)} noValidate>
        <TextField
          name="code"
          label={LABELS.code}
          required
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          hint="6 chữ số trong tin nhắn hoặc email."
          value={code}
          onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
          error={errors.code}
        />
        <TextField
          name="newPassword"
          label={LABELS.newPassword}
          required
          type="password"
          autoComplete="new-password"
          hint="Ít nhất 8 ký tự; không dùng mật khẩu phổ biến như 12345678."
          value={newPassword}
          onChange={(e) => setNewPassword(e.target.value)}
          error={errors.newPassword}
        />
        <TextField
          name="confirm"
          label={LABELS.confirm}
          required
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          error={errors.confirm}
        />
        <div className="actions">
          <Button type="submit" busy={busy}>
            Đặt lại mật khẩu
          </Button>
          <Button kind="secondary" onClick={() => void ask()} disabled={busy}>
            Gửi lại mã
          </Button>
        </div>
      </form>
      <p>
        <button type="button" className="btn btn-link" onClick={() => setStep('ask')}>
          Dùng số điện thoại hoặc email khác
        </button>
      </p>
    </div>
  );
}
