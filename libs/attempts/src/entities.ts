import { AttemptAnswer } from './attempt/attempt-answer.entity';
import { AttemptEvent } from './attempt/attempt-event.entity';
import { Attempt } from './attempt/attempt.entity';

export const ATTEMPT_ENTITIES = [Attempt, AttemptAnswer, AttemptEvent];
