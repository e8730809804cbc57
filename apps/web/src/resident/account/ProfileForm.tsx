import { useState, type FormEvent } from 'react';
import type { ProfileUpdateBody } from '../../shared/api/account-types';
import type { User } from '../../shared/api/types';
import { ApiError } from '../../shared/api/errors';
import { PROVINCES } from '../../shared/provinces';
import { SelectField, TextField } from '../../shared/ui/Field';
import { Button, ErrorSummary } from '../../shared/ui/Feedback';
import { accountApi } from './api';

const LABELS: Record<string, string> = {
  email: 'Email',
  province: 'Tỉnh, thành phố',
  commune: 'Xã, phường, đặc khu',
  unit: 'Đơn vị, nơi công tác hoặc học tập',
};
const orNull = (s: string) => (s.trim() ? s.trim() : null);

/** The details a resident corrects themselves; the rest goes through the organiser. */
export function ProfileForm({ user, onSaved, onCancel }: { user: User; onSaved: (u: User) => void; onCancel: () => void }) {
  const [f, setF] = useState({ email: user.email ?? '', province: user.province ?? '', commune: user.commune ?? '', unit: user.unit ?? '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof f, v: string) => setF((x) => ({ ...x, [k]: v }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setServerError(null);
    const errs: Record<string, string> = {};
    if (f.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(f.email.trim())) errs.email = 'Email chưa đúng dạng, ví dụ ten@example.vn.';
    if (!f.province) errs.province = 'Chọn tỉnh, thành phố.';
    setErrors(errs);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      onSaved(
        await accountApi.updateProfile({
          email: orNull(f.email),
          province: f.province as ProfileUpdateBody['province'],
          commune: orNull(f.commune),
          unit: orNull(f.unit),
        }),
      );
    } catch (x) {
      if (x instanceof ApiError && x.code === 'email_taken') setErrors({ email: 'Email này đã được dùng cho một tài khoản khác.' });
      else setServerError(x);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="narrow">
      <ErrorSummary errors={errors} labels={LABELS} serverError={serverError} />
      <TextField
        name="email"
        label={LABELS.email}
        type="email"
        autoComplete="email"
        hint="Dùng để đăng nhập và nhận mã khi quên mật khẩu."
        value={f.email}
        onChange={(e) => set('email', e.target.value)}
        error={errors.email}
      />
      <SelectField
        name="province"
        label={LABELS.province}
        required
        placeholder="— Chọn tỉnh, thành phố —"
        options={PROVINCES}
        value={f.province}
        onChange={(e) => set('province', e.target.value)}
        error={errors.province}
      />
      <TextField
        name="commune"
        label={LABELS.commune}
        autoComplete="address-level3"
        value={f.commune}
        onChange={(e) => set('commune', e.target.value)}
        error={errors.commune}
      />
      <TextField name="unit" label={LABELS.unit} autoComplete="organization" value={f.unit} onChange={(e) => set('unit', e.target.value)} error={errors.unit} />
      <div className="actions">
        <Button type="submit" busy={busy}>
          Lưu thay đổi
        </Button>
        <Button kind="secondary" onClick={onCancel} disabled={busy}>
          Hủy
        </Button>
      </div>
    </form>
  );
}
