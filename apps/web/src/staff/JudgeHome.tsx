import { paths } from '../app/routes';
import { CONTEST_STATUS_LABEL, formatDateTime, ROUND_STATUS_LABEL } from '../shared/format';
import { useLoad } from '../shared/hooks';
import { Link } from '../shared/router';
import { ErrorMessage, Loading } from '../shared/ui/Feedback';
import { judgeApi } from '../judge/api';
import { byContest } from '../judge/assignments-model';

/** A judge's home: only the rounds they judge (GET /me/assignments), by contest; drafts never appear. */
export function JudgeHome() {
  const { data, error, loading, reload } = useLoad(() => judgeApi.assignments(), []);
  return (
    <>
      <h2>Vòng thi được phân công</h2>
      {loading && <Loading />}
      <ErrorMessage error={error} onRetry={reload} />
      {data && data.length === 0 && <p>Bạn chưa được phân công chấm vòng thi nào. Khi ban tổ chức phân công, vòng thi sẽ hiện ở đây.</p>}
      {data &&
        byContest(data).map((c) => (
          <section key={c.contestId} aria-labelledby={`contest-${c.contestId}`}>
            <h3 id={`contest-${c.contestId}`}>
              <Link to={paths.contestEdit(c.contestId)}>{c.contestTitle}</Link>{' '}
              <span className="sub">{CONTEST_STATUS_LABEL[c.contestStatus] ?? c.contestStatus}</span>
            </h3>
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">Các vòng thi bạn chấm trong {c.contestTitle}</caption>
                <thead>
                  <tr>
                    <th scope="col">Vòng</th>
                    <th scope="col">Mở – Đóng</th>
                    <th scope="col">Trạng thái</th>
                    <th scope="col">
                      <span className="visually-hidden">Thao tác</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {c.rounds.map((r) => (
                    <tr key={r.roundId}>
                      <td>
                        {r.roundTitle}
                        <span className="sub">
                          {r.roundKind === 'judged' ? 'Chấm điểm' : 'Trắc nghiệm'}
                          {r.head ? ' · Trưởng ban giám khảo' : ''}
                        </span>
                      </td>
                      <td>
                        {formatDateTime(r.opensAt)} – {formatDateTime(r.closesAt)}
                      </td>
                      <td>{ROUND_STATUS_LABEL[r.roundStatus] ?? r.roundStatus}</td>
                      <td>
                        <Link to={paths.judgeRound(r.roundId)} aria-label={`Chấm, kết quả: ${r.roundTitle}`}>
                          Chấm, kết quả
                        </Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        ))}
    </>
  );
}
