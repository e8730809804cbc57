import type { Match } from '../shared/router';
import { EntryPage } from '../judge/EntryPage';
import { JudgeResultsPage } from '../judge/JudgeResultsPage';
import { JudgeRoundPage } from '../judge/JudgeRoundPage';
import { BankPage, BanksPage } from '../organiser/BankPages';
import { AdvancePage } from '../organiser/AdvancePage';
import { ContestEditPage, ContestNewPage, ContestPreviewPage } from '../organiser/ContestPages';
import { ImportPage } from '../organiser/ImportPage';
import { JuryPage } from '../organiser/JuryPage';
import { RoundNewPage } from '../organiser/RoundNewPage';
import { StatisticsPage } from '../organiser/StatisticsPage';
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
    case 'contestPreview':
      return <ContestPreviewPage contestId={p.contestId} />;
    case 'statistics':
      return <StatisticsPage contestId={p.contestId} />;
    case 'roundJury':
      return <JuryPage roundId={p.roundId} />;
    case 'roundAdvance':
      return <AdvancePage roundId={p.roundId} />;
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
