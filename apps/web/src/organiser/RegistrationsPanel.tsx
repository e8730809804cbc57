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
          <ul className="card-list registrations" aria-label="Danh sách người đăng ký, sớm nhất trước">
            {list.data.items.map((r) => {
              const details = registrationDetails(r);
              return (
                <li key={r.id} className="card">
                  <h3 className="h4">{r.fullName || 'Người dự thi'}</h3>
                  <p>
                    {r.unit ?? 'Chưa ghi đơn vị'} · đăng ký lúc <span className="nowrap">{formatDateTime(r.createdAt)}</span>
                  </p>
                  {details.length > 0 && (
                    <ul className="sub inline-list">
                      {details.map((d) => (
                        <li key={d.name}>
                          {d.label}: {d.value}
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              );
            })}
          </ul>
          <Pager offset={offset} limit={LIMIT} total={list.data.total} onOffset={setOffset} label="Phân trang người đăng ký" />
        </>
      )}
    </section>
  );
}
