import type { Match } from '../shared/router';
import { EntryPage } from '../judge/EntryPage';
import { JudgeResultsPage } from '../judge/JudgeResultsPage';
import { JudgeRoundPage } from '../judge/JudgeRoundPage';
import { BankPage, BanksPage } from '../organiser/BankPages';
import { ContestEditPage, ContestNewPage, ContestPreviewPage } from '../organiser/ContestPages';
import { ImportPage } from '../organiser/ImportPage';
import { RoundEditPage, RoundNewPage } from '../organiser/RoundNewPage';
import { StatisticsPage } from '../organiser/StatisticsPage';
import { WinnersPage } from '../organiser/WinnersPage';
import { StaffHome } from './StaffHome';

/** The organiser and judge screens: one lazily loaded chunk. */
export default function StaffRoutes({ match }: { match: Match }) {
  const p = match.params;
  switch (match.name) {
    case 'staff':
      return <StaffHome />;
    case 'banks':
      return <BanksPage />;
    case 'bank':
      return <BankPage bankId={p.bankId} />;
    case 'bankImport':
      return <ImportPage bankId={p.bankId} />;
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
    case 'winners':
      return <WinnersPage roundId={p.roundId} />;
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
