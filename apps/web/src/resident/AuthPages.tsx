import { useState, type FormEvent } from 'react';
import { paths } from '../app/routes';
import { api } from '../shared/api/client';
import { fieldProblems } from '../shared/api/errors';
import { useDocumentTitle } from '../shared/hooks';
import { PROVINCES } from '../shared/provinces';
import { Link, navigate } from '../shared/router';
import { CheckboxField, SelectField, TextField } from '../shared/ui/Field';
import { Button, ErrorSummary, PageTitle } from '../shared/ui/Feedback';
import { accountFieldErrors } from './account/account-errors';
import { residentApi } from './api';
import { needsGuardian, registrationBody, validateRegistration, type RegistrationForm } from './registration';

function safeNext(next: string | null | undefined): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : null;
}

function afterSignIn(role: string, next: string | null) {
  const target = safeNext(next) ?? (role === 'resident' ? paths.home() : paths.staff());
  navigate(target, { replace: true });
}

export function LoginPage({ next }: { next: string | null }) {
  useDocumentTitle('Đăng nhập');
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (login.trim().length < 3) errs.login = 'Nhập số điện thoại hoặc email.';
    if (!password) errs.password = 'Nhập mật khẩu.';
    setErrors(errs);
    setServerError(null);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      const r = await residentApi.login(login.trim(), password);
      api.acceptSession(r);
      afterSignIn(String(r.user.role), next);
    } catch (err) {
      setServerError((err as { status?: number }).status === 401 ? new LoginFailed() : err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="narrow">
      <PageTitle>Đăng nhập</PageTitle>
      {serverError instanceof LoginFailed ? (
        <div className="alert alert-error" role="alert">
          Số điện thoại/email hoặc mật khẩu không đúng.
        </div>
      ) : (
        <ErrorSummary errors={errors} labels={{ login: 'Số điện thoại hoặc email', password: 'Mật khẩu' }} serverError={serverError} />
      )}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          name="login"
          label="Số điện thoại hoặc email"
          required
          autoComplete="username"
          inputMode="email"
          value={login}
          onChange={(e) => setLogin(e.target.value)}
          error={errors.login}
        />
        <TextField
          name="password"
          label="Mật khẩu"
          required
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.password}
        />
        <Button type="submit" busy={busy}>
          Đăng nhập
        </Button>
      </form>
      <p>
        <Link to={paths.forgotPassword()}>Quên mật khẩu?</Link>
      </p>
      <p>
        Chưa có tài khoản? <Link to={paths.register(next ?? undefined)}>Đăng ký tài khoản dự thi</Link>
      </p>
    </div>
  );
}

class LoginFailed {}

const EMPTY: RegistrationForm = {
  fullName: '',
  phone: '',
  email: '',
  password: '',
  passwordConfirm: '',
  nationalId: '',
  dateOfBirth: '',
  province: '',
  commune: '',
  unit: '',
  consent: false,
  guardianName: '',
  guardianConsent: false,
};

const LABELS: Record<string, string> = {
  fullName: 'Họ và tên',
  phone: 'Số điện thoại',
  email: 'Email',
  password: 'Mật khẩu',
  passwordConfirm: 'Nhập lại mật khẩu',
  nationalId: 'Số CCCD',
  dateOfBirth: 'Ngày sinh',
  province: 'Tỉnh, thành phố',
  commune: 'Xã, phường, đặc khu',
  unit: 'Đơn vị, nơi công tác hoặc học tập',
  consent: 'Đồng ý xử lý dữ liệu cá nhân',
  guardianName: 'Họ tên người giám hộ',
  guardianConsent: 'Sự đồng ý của người giám hộ',
};

export function RegisterPage({ next }: { next: string | null }) {
  useDocumentTitle('Đăng ký tài khoản');
  const [f, setF] = useState<RegistrationForm>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof RegistrationForm>(k: K, v: RegistrationForm[K]) => setF((x) => ({ ...x, [k]: v }));
  const guardian = needsGuardian(f.dateOfBirth);
  // Account refusals (an impossible CCCD, a common password) in Vietnamese on their field; other server problems as sent.
  const accountErrs = accountFieldErrors(serverError);
  const server = fieldProblems(serverError);
  const err = (k: string) => errors[k] ?? accountErrs[k] ?? (server[k] ? server[k].join('; ') : undefined);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const errs = validateRegistration(f, PROVINCES);
    setErrors(errs);
    setServerError(null);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      const r = await residentApi.register(registrationBody(f));
      api.acceptSession(r);
      afterSignIn(String(r.user.role), next);
    } catch (x) {
      setServerError(x);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="narrow">
      <PageTitle sub="Tài khoản dùng để tham gia các cuộc thi tìm hiểu pháp luật. Các ô có dấu * là bắt buộc.">Đăng ký tài khoản dự thi</PageTitle>
      <ErrorSummary errors={{ ...accountErrs, ...errors }} labels={LABELS} serverError={Object.keys(accountErrs).length ? null : serverError} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          name="fullName"
          label={LABELS.fullName}
          required
          autoComplete="name"
          value={f.fullName}
          onChange={(e) => set('fullName', e.target.value)}
          error={err('fullName')}
        />
        <TextField
          name="phone"
          label={LABELS.phone}
          required
          type="tel"
          autoComplete="tel"
          inputMode="tel"
          hint="Số di động, ví dụ 0912 345 678. Dùng để đăng nhập."
          value={f.phone}
          onChange={(e) => set('phone', e.target.value)}
          error={err('phone')}
        />
        <TextField
          name="email"
          label={LABELS.email}
          type="email"
          autoComplete="email"
          value={f.email}
          onChange={(e) => set('email', e.target.value)}
          error={err('email')}
        />
        <TextField
          name="password"
          label={LABELS.password}
          required
          type="password"
          autoComplete="new-password"
          hint="Ít nhất 8 ký tự; không dùng mật khẩu phổ biến như 12345678."
          value={f.password}
          onChange={(e) => set('password', e.target.value)}
          error={err('password')}
        />
        <TextField
          name="passwordConfirm"
          label={LABELS.passwordConfirm}
          required
          type="password"
          autoComplete="new-password"
          value={f.passwordConfirm}
          onChange={(e) => set('passwordConfirm', e.target.value)}
          error={err('passwordConfirm')}
        />
        <TextField
          name="nationalId"
          label={LABELS.nationalId}
          required
          inputMode="numeric"
          autoComplete="off"
          maxLength={12}
          hint="12 chữ số trên căn cước công dân. Số CCCD được mã hóa và không hiển thị đầy đủ ở bất kỳ đâu."
          value={f.nationalId}
          onChange={(e) => set('nationalId', e.target.value.replace(/\D/g, ''))}
          error={err('nationalId')}
        />
        <TextField
          name="dateOfBirth"
          label={LABELS.dateOfBirth}
          required
          type="date"
          autoComplete="bday"
          max={new Date().toISOString().slice(0, 10)}
          value={f.dateOfBirth}
          onChange={(e) => set('dateOfBirth', e.target.value)}
          error={err('dateOfBirth')}
        />
        <SelectField
          name="province"
          label={LABELS.province}
          required
          placeholder="— Chọn tỉnh, thành phố —"
          options={PROVINCES}
          value={f.province}
          onChange={(e) => set('province', e.target.value)}
          error={err('province')}
        />
        <TextField
          name="commune"
          label={LABELS.commune}
          autoComplete="address-level3"
          value={f.commune}
          onChange={(e) => set('commune', e.target.value)}
          error={err('commune')}
        />
        <TextField
          name="unit"
          label={LABELS.unit}
          autoComplete="organization"
          value={f.unit}
          onChange={(e) => set('unit', e.target.value)}
          error={err('unit')}
        />
        {guardian && (
          <fieldset className="group">
            <legend>Người dự thi dưới 16 tuổi</legend>
            <p className="field-hint">Theo quy định về bảo vệ dữ liệu cá nhân của trẻ em, cần có sự đồng ý của cha, mẹ hoặc người giám hộ.</p>
            <TextField
              name="guardianName"
              label={LABELS.guardianName}
              required
              value={f.guardianName}
              onChange={(e) => set('guardianName', e.target.value)}
              error={err('guardianName')}
            />
            <CheckboxField
              name="guardianConsent"
              label="Tôi là cha, mẹ hoặc người giám hộ và đồng ý cho con/người được giám hộ tham gia cuộc thi."
              checked={f.guardianConsent}
              onChange={(e) => set('guardianConsent', e.target.checked)}
              error={err('guardianConsent')}
            />
          </fieldset>
        )}
        <CheckboxField
          name="consent"
          label="Tôi đồng ý để ban tổ chức xử lý dữ liệu cá nhân của tôi cho mục đích tổ chức cuộc thi, theo Nghị định 13/2023/NĐ-CP."
          checked={f.consent}
          onChange={(e) => set('consent', e.target.checked)}
          error={err('consent')}
        />
        <Button type="submit" busy={busy}>
          Đăng ký
        </Button>
      </form>
      <p>
        Đã có tài khoản? <Link to={paths.login(next ?? undefined)}>Đăng nhập</Link>
      </p>
    </div>
  );
}
