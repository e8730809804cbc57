import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { api } from '../shared/api/client';
import { useOnline, useSession } from '../shared/hooks';
import { hashQuery, Link, matchRoute, navigate, usePath } from '../shared/router';
import { Loading, Notice, PageTitle } from '../shared/ui/Feedback';
import { AccountPage } from '../resident/AccountPage';
import { ChangePasswordPage } from '../resident/account/ChangePasswordPage';
import { DeleteAccountPage } from '../resident/account/DeleteAccountPage';
import { ForgotPasswordPage } from '../resident/account/ForgotPasswordPage';
import { AttemptPage } from '../resident/attempt/AttemptPage';
import { LoginPage, RegisterPage } from '../resident/AuthPages';
import { ContestListPage, ContestPage, JoinPage } from '../resident/ContestPages';
import { LeaderboardPage } from '../resident/LeaderboardPage';
import { HandInPage } from '../resident/handin/HandInPage';
import { AttemptReviewPage } from '../resident/results/AttemptReviewPage';
import { MyResultsPage } from '../resident/results/MyResultsPage';
import { RoundPage } from '../resident/RoundPage';
import { paths, ROUTES, STAFF_ROUTES } from './routes';
import { ErrorBoundary } from './ErrorBoundary';

// Staff screens are a separate chunk: residents on phones never download them.
const StaffRoutes = lazy(() => import('../staff/StaffRoutes'));
// The live final's player screen: only finalists open it, on the day.
const PlayerPage = lazy(() => import('../live-finals/PlayerPage'));

export function App() {
  const path = usePath();
  const session = useSession();
  const online = useOnline();
  const match = matchRoute(ROUTES, path);
  const q = hashQuery(path);
  const staff = session && session.user.role !== 'resident';

  useEffect(() => {
    window.scrollTo(0, 0);
  }, [path]);

  let page: ReactNode;
  if (!match) {
    page = (
      <>
        <PageTitle>Không tìm thấy trang</PageTitle>
        <p>
          <Link to={paths.home()}>Về trang chủ</Link>
        </p>
      </>
    );
  } else if (STAFF_ROUTES.has(match.name)) {
    page = !session ? (
      <RedirectToLogin path={path} />
    ) : !staff ? (
      <Notice kind="warning">Trang này dành cho ban tổ chức và giám khảo.</Notice>
    ) : (
      <Suspense fallback={<Loading />}>
        <StaffRoutes match={match} />
      </Suspense>
    );
  } else {
    const p = match.params;
    switch (match.name) {
      case 'home':
        page = <ContestListPage />;
        break;
      case 'login':
        page = <LoginPage next={q.get('next')} />;
        break;
      case 'register':
        page = <RegisterPage next={q.get('next')} />;
        break;
      case 'contest':
        page = <ContestPage contestId={p.contestId} />;
        break;
      case 'join':
        page = <JoinPage contestId={p.contestId} />;
        break;
      case 'round':
        page = <RoundPage roundId={p.roundId} />;
        break;
      case 'attempt':
        page = session ? <AttemptPage attemptId={p.attemptId} /> : <RedirectToLogin path={path} />;
        break;
      case 'attemptReview':
        page = session ? <AttemptReviewPage attemptId={p.attemptId} /> : <RedirectToLogin path={path} />;
        break;
      case 'leaderboard':
        page = session ? <LeaderboardPage roundId={p.roundId} /> : <RedirectToLogin path={path} />;
        break;
      case 'results':
        page = <MyResultsPage roundId={p.roundId} />;
        break;
      case 'handIn':
        page = session ? <HandInPage roundId={p.roundId} /> : <RedirectToLogin path={path} />;
        break;
      case 'livePlay':
        page = session ? (
          <Suspense fallback={<Loading />}>
            <PlayerPage roundId={p.roundId} />
          </Suspense>
        ) : (
          <RedirectToLogin path={path} />
        );
        break;
      case 'account':
        page = session ? <AccountPage done={q.get('xong')} /> : <RedirectToLogin path={path} />;
        break;
      case 'changePassword':
        page = session ? <ChangePasswordPage /> : <RedirectToLogin path={path} />;
        break;
      case 'deleteAccount':
        page = session ? <DeleteAccountPage /> : <RedirectToLogin path={path} />;
        break;
      case 'forgotPassword':
        page = <ForgotPasswordPage />;
        break;
    }
  }

  return (
    <>
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Bỏ qua, đến nội dung chính
      </a>
      <header className="site-header">
        <div className="container header-row">
          <Link to={paths.home()} className="brand">
            Thi tìm hiểu pháp luật
          </Link>
          <nav aria-label="Chính">
            <ul className="nav">
              <li>
                <Link to={paths.home()} aria-current={match?.name === 'home' ? 'page' : undefined}>
                  Cuộc thi
                </Link>
              </li>
              {staff && (
                <li>
                  <Link to={paths.staff()} aria-current={match && STAFF_ROUTES.has(match.name) ? 'page' : undefined}>
                    Quản trị
                  </Link>
                </li>
              )}
              {session ? (
                <>
                  <li>
                    <Link to={paths.account()} aria-current={match && ['account', 'changePassword', 'deleteAccount'].includes(match.name) ? 'page' : undefined}>
                      Tài khoản
                    </Link>
                  </li>
                  <li>
                    <button
                      type="button"
                      className="btn-link nav-button"
                      onClick={() => {
                        void api.logout();
                        navigate(paths.home());
                      }}
                    >
                      Đăng xuất
                    </button>
                  </li>
                </>
              ) : (
                <li>
                  <Link to={paths.login()} aria-current={match?.name === 'login' ? 'page' : undefined}>
                    Đăng nhập
                  </Link>
                </li>
              )}
            </ul>
          </nav>
        </div>
      </header>
      {!online && (
        <div className="offline-banner" role="status">
          Bạn đang ngoại tuyến. Câu trả lời vẫn được lưu trên máy và sẽ gửi khi có mạng.
        </div>
      )}
      <main id="main" tabIndex={-1} className="container">
        {match?.name === 'home' && q.get('tai-khoan') === 'da-xoa' && (
          <Notice kind="success" live>
            Tài khoản của bạn đã được xóa. Cảm ơn bạn đã tham gia.
          </Notice>
        )}
        <ErrorBoundary key={path}>{page}</ErrorBoundary>
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>Phổ biến, giáo dục pháp luật · Giờ hiển thị theo giờ Việt Nam (UTC+7)</p>
        </div>
      </footer>
    </>
  );
}

function RedirectToLogin({ path }: { path: string }) {
  useEffect(() => {
    navigate(paths.login(path), { replace: true });
  }, [path]);
  return <Notice>Vui lòng đăng nhập để tiếp tục.</Notice>;
}
