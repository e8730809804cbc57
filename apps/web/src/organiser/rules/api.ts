import { api, seg } from '../../shared/api/client';
import type { ContestAwardsView } from './contest-awards-model';
import type { AwardRulesBody, AwardRulesView, RoundRulesBody, RoundRulesView } from '../../shared/api/rules-types';

export const rulesApi = {
  roundRules: (roundId: string) => api.get<RoundRulesView>(`/rounds/${seg(roundId)}/rules`),
  putRoundRules: (roundId: string, body: RoundRulesBody) => api.put<RoundRulesView>(`/rounds/${seg(roundId)}/rules`, body),
  awardRules: (contestId: string) => api.get<AwardRulesView>(`/contests/${seg(contestId)}/award-rules`),
  putAwardRules: (contestId: string, body: AwardRulesBody) => api.put<AwardRulesView>(`/contests/${seg(contestId)}/award-rules`, body),
  contestAwards: (contestId: string) => api.get<ContestAwardsView>(`/contests/${seg(contestId)}/awards`),
};
