export * from './question-bank.module';
export * from './entities';
export * from './pool/question-pool.service';
export * from './pool/question-pool.types';
export type { QuestionContent, OptionContent, AnswerContent, NumericAnswer, ShortTextAnswer } from './questions/question-content';
