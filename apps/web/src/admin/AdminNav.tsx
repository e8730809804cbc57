import { paths } from '../app/routes';
import { Link } from '../shared/router';

/** The admin console's sections, as a secondary navigation on each of its screens. */
export function AdminNav({ current }: { current: 'organisations' | 'staff' | 'import' }) {
  const items = [
    { key: 'organisations', to: paths.adminOrganisations(), label: 'Đơn vị' },
    { key: 'staff', to: paths.adminStaff(), label: 'Tài khoản cán bộ' },
    { key: 'import', to: paths.adminStaffImport(), label: 'Nhập cán bộ từ tệp' },
  ] as const;
  return (
    <nav aria-label="Quản trị hệ thống" className="sub-nav">
      <ul>
        {items.map((i) => (
          <li key={i.key}>
            <Link to={i.to} aria-current={current === i.key ? 'page' : undefined}>
              {i.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
