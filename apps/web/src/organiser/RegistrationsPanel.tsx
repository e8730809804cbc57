import { useState } from 'react';
import { formatDateTime } from '../shared/format';
import { useLoad } from '../shared/hooks';
import { ListStatus } from '../shared/ui/ListPage';
import { Pager } from '../shared/ui/Pager';
import { organiserApi } from './api';
import { registrationCount, registrationDetails } from './registrations-model';

const LIMIT = 20;

/**
 * Who registered for the contest (GET /contests/:id/registrations), oldest first: name, unit,
 * when, and the other fields they gave (phone and CCCD masked by the api). Paged; the api has
 * no search on this list.
 */
export function RegistrationsPanel({ contestId }: { contestId: string }) {
  const [offset, setOffset] = useState(0);
  const list = useLoad(() => organiserApi.registrations(contestId, { limit: LIMIT, offset }), [contestId, offset]);
  return (
    <section aria-labelledby="registrations">
      <h2 id="registrations">Người đăng ký</h2>
      <ListStatus list={list} empty="Chưa có ai đăng ký cuộc thi này." />
      {list.data && list.data.total > 0 && (
        <>
          <p role="status">{registrationCount(list.data.total)}</p>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Danh sách người đăng ký, sớm nhất trước</caption>
              <thead>
                <tr>
                  <th scope="col">Họ và tên</th>
                  <th scope="col">Đơn vị</th>
                  <th scope="col">Đăng ký lúc</th>
                  <th scope="col">Thông tin khác</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((r) => {
                  const details = registrationDetails(r);
                  return (
                    <tr key={r.id}>
                      <th scope="row">{r.fullName || '—'}</th>
                      <td>{r.unit ?? '—'}</td>
                      <td className="nowrap">{formatDateTime(r.createdAt)}</td>
                      <td>
                        {details.length === 0
                          ? '—'
                          : details.map((d) => (
                              <span key={d.name} className="sub">
                                {d.label}: {d.value}
                              </span>
                            ))}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <Pager offset={offset} limit={LIMIT} total={list.data.total} onOffset={setOffset} label="Phân trang người đăng ký" />
        </>
      )}
    </section>
  );
}
