import { useLoad } from '../../shared/hooks';
import { ErrorMessage, Loading } from '../../shared/ui/Feedback';
import { rulesApi } from './api';
import { roundsCounted, unitRow } from './contest-awards-model';

/**
 * "Danh sách đạt giải toàn cuộc thi": GET /contests/:id/awards — each person's prize across
 * the rounds (one per person when the rules say so) and the unit prizes, as the award rules
 * above count them.
 */
export function ContestAwardsPanel({ contestId }: { contestId: string }) {
  const awards = useLoad(() => rulesApi.contestAwards(contestId), [contestId]);
  return (
    <section aria-labelledby="contest-awards" className="panel">
      <h2 id="contest-awards">Danh sách đạt giải toàn cuộc thi</h2>
      {awards.loading && <Loading />}
      {awards.error ? <ErrorMessage error={awards.error} onRetry={awards.reload} /> : null}
      {awards.data && <AwardsTables view={awards.data} />}
    </section>
  );
}

function AwardsTables({ view }: { view: NonNullable<Awaited<ReturnType<typeof rulesApi.contestAwards>>> }) {
  const units = view.units;
  return (
    <>
      <p>{roundsCounted(view)}</p>
      <h3 className="h4">Cá nhân đạt giải{view.acrossRounds === 'highest-only' ? ' (mỗi người một giải, giải cao nhất)' : ''}</h3>
      {view.winners.length === 0 ? (
        <p>Chưa có người đạt giải.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Cá nhân đạt giải toàn cuộc thi</caption>
            <thead>
              <tr>
                <th scope="col">Họ và tên</th>
                <th scope="col">Đơn vị</th>
                <th scope="col">Giải</th>
                <th scope="col">Vòng thi</th>
              </tr>
            </thead>
            <tbody>
              {view.winners.map((w) => (
                <tr key={`${w.roundId}:${w.userId ?? w.rank}`}>
                  <td>{w.fullName ?? w.displayName}</td>
                  <td>{w.unit ?? '—'}</td>
                  <td>{w.prize.name ?? '—'}</td>
                  <td>
                    Vòng {w.roundSeq}: {w.roundTitle}
                    {w.resultStatus === 'published' ? '' : ' (tạm thời)'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3 className="h4">Giải tập thể</h3>
      {units === null ? (
        <p>Cuộc thi không trao giải tập thể.</p>
      ) : units.length === 0 ? (
        <p>Chưa có đơn vị nào có người dự thi.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Xếp hạng đơn vị</caption>
            <thead>
              <tr>
                <th scope="col">Hạng</th>
                <th scope="col">Đơn vị</th>
                <th scope="col">Số người dự thi</th>
                <th scope="col">Điểm</th>
                <th scope="col">Giải</th>
              </tr>
            </thead>
            <tbody>
              {units.map((u) => {
                const r = unitRow(u);
                return (
                  <tr key={u.unit}>
                    <td>{r.rank}</td>
                    <td>{r.unit}</td>
                    <td>{r.entrants}</td>
                    <td>{r.total}</td>
                    <td>{r.prize}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
