import { paths } from '../app/routes';
import { CONTEST_STATUS_LABEL, formatDateTime } from '../shared/format';
import { useDocumentTitle, useLoad, useSession } from '../shared/hooks';
import { Link } from '../shared/router';
import { ErrorMessage, Loading, PageTitle } from '../shared/ui/Feedback';
import { organiserApi } from '../organiser/api';
import { JudgeHome } from './JudgeHome';

export function StaffHome() {
  const session = useSession();
  const role = String(session?.user.role ?? '');
  useDocumentTitle('Quản trị');
  if (role === 'judge')
    return (
      <>
        <PageTitle sub="Các vòng thi bạn được phân công chấm.">Quản trị</PageTitle>
        <JudgeHome />
      </>
    );
  return <OrganiserHome />;
}

function OrganiserHome() {
  const admin = String(useSession()?.user.role) === 'admin';
  const { data, error, loading, reload } = useLoad(() => organiserApi.contests(), []);
  return (
    <>
      <PageTitle sub="Ngân hàng câu hỏi, cuộc thi, vòng thi và thống kê của đơn vị bạn.">Quản trị</PageTitle>
      {admin && (
        <section aria-labelledby="admin-title" className="panel">
          <h2 id="admin-title">Quản trị hệ thống</h2>
          <div className="actions">
            <Link className="btn btn-primary" to={paths.adminOrganisations()}>
              Đơn vị
            </Link>
            <Link className="btn btn-primary" to={paths.adminStaff()}>
              Tài khoản cán bộ
            </Link>
            <Link className="btn btn-secondary" to={paths.adminStaffImport()}>
              Nhập cán bộ từ tệp
            </Link>
          </div>
        </section>
      )}
      <div className="actions">
        <Link className="btn btn-primary" to={paths.contestNew()}>
          Tạo cuộc thi
        </Link>
        <Link className="btn btn-secondary" to={paths.banks()}>
          Ngân hàng câu hỏi
        </Link>
      </div>
      <h2>Cuộc thi</h2>
      {loading && <Loading />}
      <ErrorMessage error={error} onRetry={reload} />
      {data && data.items.length === 0 && <p>Chưa có cuộc thi nào.</p>}
      {data && data.items.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Cuộc thi</th>
                <th scope="col">Trạng thái</th>
                <th scope="col">Tạo lúc</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={paths.contestEdit(c.id)}>{c.title}</Link>
                    <span className="sub">/{c.slug}</span>
                  </td>
                  <td>{CONTEST_STATUS_LABEL[c.status ?? ''] ?? c.status}</td>
                  <td>{formatDateTime((c as { createdAt?: string }).createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
