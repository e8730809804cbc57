import { useState, type FormEvent } from 'react';
import { paths } from '../../app/routes';
import { api } from '../../shared/api/client';
import { ApiError } from '../../shared/api/errors';
import { useDocumentTitle } from '../../shared/hooks';
import { Link, navigate } from '../../shared/router';
import { CheckboxField, TextField } from '../../shared/ui/Field';
import { Button, ErrorSummary, PageTitle } from '../../shared/ui/Feedback';
import { accountApi } from './api';

const LABELS: Record<string, string> = { password: 'Mật khẩu', understood: 'Xác nhận' };

/** Erasure (Decree 13/2023, art. 16): asks for the password again, says what stays and what goes. */
export function DeleteAccountPage() {
  useDocumentTitle('Xóa tài khoản');
  const [password, setPassword] = useState('');
  const [understood, setUnderstood] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setServerError(null);
    const errs: Record<string, string> = {};
    if (!password) errs.password = 'Nhập mật khẩu để xác nhận.';
    if (!understood) errs.understood = 'Đánh dấu ô xác nhận nếu bạn chắc chắn muốn xóa tài khoản.';
    setErrors(errs);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      await accountApi.deleteAccount(password);
      api.forget();
      navigate(`${paths.home()}?tai-khoan=da-xoa`, { replace: true });
    } catch (x) {
      if (x instanceof ApiError && x.status === 401 && /password/i.test(x.message)) setErrors({ password: 'Mật khẩu không đúng.' });
      else setServerError(x);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="narrow">
      <PageTitle>Xóa tài khoản</PageTitle>
      <div className="alert alert-warning">
        <p>
          <strong>Việc này không hoàn tác được.</strong> Khi xóa tài khoản:
        </p>
        <ul>
          <li>Họ tên, số điện thoại, email, số CCCD, ngày sinh và thông tin đăng ký dự thi của bạn bị xóa.</li>
          <li>Nội dung bài dự thi bạn đã nộp (bài viết, đường dẫn, tệp) bị xóa.</li>
          <li>Điểm và thứ hạng được giữ lại nhưng không còn gắn với danh tính của bạn, để kết quả của người khác không thay đổi.</li>
          <li>Bạn bị đăng xuất trên mọi thiết bị và không đăng nhập lại được.</li>
        </ul>
        <p>
          Nên <Link to={paths.account()}>tải dữ liệu của bạn</Link> trước khi xóa.
        </p>
      </div>
      <ErrorSummary errors={errors} labels={LABELS} serverError={serverError} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          name="password"
          label={LABELS.password}
          required
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.password}
        />
        <CheckboxField
          name="understood"
          label="Tôi hiểu rằng tài khoản và dữ liệu cá nhân của tôi sẽ bị xóa vĩnh viễn."
          checked={understood}
          onChange={(e) => setUnderstood(e.target.checked)}
          error={errors.understood}
        />
        <div className="actions">
          <Button type="submit" kind="danger" busy={busy}>
            Xóa vĩnh viễn tài khoản
          </Button>
          <Link to={paths.account()} className="btn btn-secondary">
            Không xóa
          </Link>
        </div>
      </form>
    </div>
  );
}
