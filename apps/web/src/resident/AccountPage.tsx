import { formatDateTime } from '../shared/format';
import { useDocumentTitle, useLoad, useSession } from '../shared/hooks';
import { ErrorMessage, PageTitle } from '../shared/ui/Feedback';
import { residentApi } from './api';

const ROLE_LABEL: Record<string, string> = { resident: 'Người dự thi', organiser: 'Ban tổ chức', judge: 'Giám khảo', admin: 'Quản trị hệ thống' };

export function AccountPage() {
  const session = useSession();
  const me = useLoad(() => residentApi.me(), []);
  useDocumentTitle('Tài khoản');
  const u = me.data ?? session?.user;
  if (!u) return null;
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
  return (
    <>
      <PageTitle sub="Số điện thoại và CCCD chỉ hiển thị một phần để bảo vệ dữ liệu cá nhân.">Tài khoản của tôi</PageTitle>
      <ErrorMessage error={me.error} onRetry={me.reload} />
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
    </>
  );
}
