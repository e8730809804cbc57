import { lazy, Suspense } from 'react';
import type { Match } from '../shared/router';
import { EntryPage } from '../judge/EntryPage';
import { JudgeResultsPage } from '../judge/JudgeResultsPage';
import { JudgeRoundPage } from '../judge/JudgeRoundPage';
import { BankPage, BanksPage } from '../organiser/BankPages';
import { AdvancePage } from '../organiser/AdvancePage';
import { ContestEditPage, ContestNewPage, ContestPreviewPage } from '../organiser/ContestPages';
import { ImportPage } from '../organiser/ImportPage';
import { JuryPage } from '../organiser/JuryPage';
import { RoundEditPage, RoundNewPage } from '../organiser/RoundNewPage';
import { StatisticsPage } from '../organiser/StatisticsPage';
import { OrganisationsPage } from '../admin/OrganisationsPage';
import { StaffImportPage } from '../admin/StaffImportPage';
import { StaffPage } from '../admin/StaffPage';
import { RoundJudgesPage } from '../organiser/RoundJudgesPage';
import { useSession } from '../shared/hooks';
import { Notice } from '../shared/ui/Feedback';
import { TopicsPage } from '../organiser/TopicsPage';
import { AwardRulesPage } from '../organiser/rules/AwardRulesPage';
import { RoundRulesPage } from '../organiser/rules/RoundRulesPage';
import { WinnersPage } from '../organiser/WinnersPage';
import { StaffHome } from './StaffHome';
import { Loading } from '../shared/ui/Feedback';

// The live final's console and projector screen: only the few staff running a final load them.
const HostPage = lazy(() => import('../live-finals/HostPage'));
const AudiencePage = lazy(() => import('../live-finals/AudiencePage'));

/** The organiser, judge and admin screens: one lazily loaded chunk. */
export default function StaffRoutes({ match }: { match: Match }) {
  const p = match.params;
  const role = useSession()?.user.role;
  if (match.name.startsWith('admin') && role !== 'admin') return <Notice kind="warning">Trang này dành cho quản trị viên hệ thống.</Notice>;
  switch (match.name) {
    case 'staff':
      return <StaffHome />;
    case 'banks':
      return <BanksPage />;
    case 'bank':
      return <BankPage bankId={p.bankId} />;
    case 'bankImport':
      return <ImportPage bankId={p.bankId} />;
    case 'bankTopics':
      return <TopicsPage bankId={p.bankId} />;
    case 'contestNew':
      return <ContestNewPage />;
    case 'contestEdit':
      return <ContestEditPage contestId={p.contestId} />;
    case 'roundNew':
      return <RoundNewPage contestId={p.contestId} />;
    case 'roundEdit':
      return <RoundEditPage roundId={p.roundId} />;
    case 'contestPreview':
      return <ContestPreviewPage contestId={p.contestId} />;
    case 'statistics':
      return <StatisticsPage contestId={p.contestId} />;
    case 'roundJudges':
      return <RoundJudgesPage roundId={p.roundId} />;
    case 'adminOrganisations':
      return <OrganisationsPage />;
    case 'adminStaff':
      return <StaffPage />;
    case 'adminStaffImport':
      return <StaffImportPage />;
    case 'roundRules':
      return <RoundRulesPage roundId={p.roundId} />;
    case 'awardRules':
      return <AwardRulesPage contestId={p.contestId} />;
    case 'winners':
      return <WinnersPage roundId={p.roundId} />;
    case 'roundJury':
      return <JuryPage roundId={p.roundId} />;
    case 'roundAdvance':
      return <AdvancePage roundId={p.roundId} />;
    case 'liveHost':
      return (
        <Suspense fallback={<Loading />}>
          <HostPage roundId={p.roundId} />
        </Suspense>
      );
    case 'liveStage':
      return (
        <Suspense fallback={<Loading />}>
          <AudiencePage roundId={p.roundId} />
        </Suspense>
      );
    case 'judgeRound':
      return <JudgeRoundPage roundId={p.roundId} />;
    case 'judgeResults':
      return <JudgeResultsPage roundId={p.roundId} />;
    case 'judgeEntry':
      return <EntryPage entryId={p.entryId} />;
    default:
      return null;
  }
}
