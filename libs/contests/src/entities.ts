import { Contest } from './contest/contest.entity';
import { RoundEnrolment } from './enrolment/round-enrolment.entity';
import { RoundJudge } from './judges/round-judge.entity';
import { RoundQuestion } from './pool/round-question.entity';
import { Registration } from './registration/registration.entity';
import { Round } from './round/round.entity';

export const CONTEST_ENTITIES = [Contest, Round, RoundQuestion, Registration, RoundEnrolment, RoundJudge];
