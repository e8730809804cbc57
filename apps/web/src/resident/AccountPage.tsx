import { useState } from 'react';
import { paths } from '../app/routes';
import { api } from '../shared/api/client';
import { formatDateTime } from '../shared/format';
import { useDocumentTitle, useLoad, useSession } from '../shared/hooks';
import { Link, navigate } from '../shared/router';
import { ConfirmAction } from '../shared/ui/ConfirmAction';
import { Button, ErrorMessage, Notice, PageTitle } from '../shared/ui/Feedback';
import { accountApi } from './account/api';
import { ProfileForm } from './account/ProfileForm';
import { residentApi } from './api';

const ROLE_LABEL: Record<string, string> = { resident: 'Người dự thi', organiser: 'Ban tổ chức', judge: 'Giám khảo', admin: 'Quản trị hệ thống' };

const DONE: Record<string, string> = {
  'doi-mat-khau': 'Đã đổi mật khẩu. Tài khoản đã được đăng xuất trên mọi thiết bị khác.',
  'dat-lai-mat-khau': 'Đã đặt mật khẩu mới và đăng nhập. Mọi phiên đăng nhập cũ đã kết thúc.',
};

/** The account: profile (identity fields read-only), password, sessions, the person's data. */
export function AccountPage({ done }: { done?: string | null }) {
  const session = useSession();
  const me = useLoad(() => residentApi.me(), []);
  useDocumentTitle('Tài khoản');
  const [download, setDownload] = useState<{ busy?: boolean; error?: unknown; done?: boolean }>({});
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const u = me.data ?? session?.user;
  if (!u) return null;
  const resident = String(u.role) === 'resident';
  const rows: [string, string | null | undefined][] = [
    ['Họ và tên', u.fullName],
    ['Vai trò', ROLE_LABEL[String(u.role)] ?? String(u.role)],
    ['Số điện thoại', u.phone],
    ['Email', u.email],
    ['Số CCCD', u.nationalId],
    ['Ngày sinh', u.dateOfBirth ? u.dateOfBirth.split('-').reverse().join('/') : null],
    ['Tỉnh, thành phố', u.province],
    ['Xã, phường', u.commune],
    ['Đơn vị', u.unit],
  ];
  const downloadData = () => {
    setDownload({ busy: true });
    accountApi.downloadData().then(
      () => setDownload({ done: true }),
      (error: unknown) => setDownload({ error }),
    );
  };
  return (
    <>
      <PageTitle sub="Số điện thoại và CCCD chỉ hiển thị một phần để bảo vệ dữ liệu cá nhân.">Tài khoản của tôi</PageTitle>
      {done && DONE[done] && (
        <Notice kind="success" live>
          {DONE[done]}
        </Notice>
      )}
      <ErrorMessage error={me.error} onRetry={me.reload} />
      <section aria-labelledby="profile-h" className="account-section">
        <h2 id="profile-h">Thông tin cá nhân</h2>
        {saved && (
          <Notice kind="success" live>
            Đã lưu thông tin.
          </Notice>
        )}
        {editing ? (
          <ProfileForm
            user={u}
            onCancel={() => setEditing(false)}
            onSaved={(updated) => {
              me.setData(updated);
              setEditing(false);
              setSaved(true);
            }}
          />
        ) : (
          <dl className="facts">
            {rows
              .filter(([, v]) => v)
              .map(([k, v]) => (
                <div key={k}>
                  <dt>{k}</dt>
                  <dd>{v}</dd>
                </div>
              ))}
            {'createdAt' in u && (
              <div>
                <dt>Ngày tạo</dt>
                <dd>{formatDateTime((u as { createdAt?: string }).createdAt)}</dd>
              </div>
            )}
          </dl>
        )}
        {resident && !editing && (
          <p>
            <Button
              kind="secondary"
              onClick={() => {
                setSaved(false);
                setEditing(true);
              }}
            >
              Sửa email, nơi ở, đơn vị
            </Button>
          </p>
        )}
        {resident && (
          <p className="field-hint">
            Họ tên, số CCCD và ngày sinh dùng để xét và trao giải nên không tự sửa được; nếu có sai sót, hãy liên hệ ban tổ chức cuộc thi để được đính chính.
          </p>
        )}
      </section>

      <section aria-labelledby="security-h" className="account-section">
        <h2 id="security-h">Đăng nhập và bảo mật</h2>
        <p>
          <Link to={paths.changePassword()} className="btn btn-secondary">
            Đổi mật khẩu
          </Link>
        </p>
        <p>Nếu bạn đăng nhập trên máy lạ hoặc nghi ngờ người khác dùng tài khoản, hãy đăng xuất khỏi mọi thiết bị.</p>
        <ConfirmAction
          label="Đăng xuất khỏi mọi thiết bị"
          question="Mọi thiết bị đang đăng nhập tài khoản này, kể cả máy này, sẽ bị đăng xuất ngay. Tiếp tục?"
          confirmLabel="Đăng xuất tất cả"
          run={() => accountApi.signOutEverywhere()}
          onDone={() => {
            api.forget();
            navigate(paths.login(), { replace: true });
          }}
        />
      </section>

      <section aria-labelledby="data-h" className="account-section">
        <h2 id="data-h">Dữ liệu của tôi</h2>
        <p>
          Tải về toàn bộ dữ liệu hệ thống lưu về bạn (tệp JSON): thông tin cá nhân đầy đủ, các lần đăng ký, bài thi và câu trả lời, bài dự thi đã nộp, kết quả
          và nhật ký liên quan.
        </p>
        <Button kind="secondary" busy={download.busy} onClick={downloadData}>
          Tải dữ liệu của tôi
        </Button>
        {download.done && (
          <Notice kind="success" live>
            Đã tải tệp du-lieu-cua-toi.json.
          </Notice>
        )}
        <ErrorMessage error={download.error} />
        {resident && (
          <p>
            <Link to={paths.deleteAccount()} className="danger-link">
              Xóa tài khoản
            </Link>
          </p>
        )}
      </section>
    </>
  );
}
