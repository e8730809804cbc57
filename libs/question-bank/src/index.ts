export * from './question-bank.module';
export * from './pool/question-pool.service';
export * from './pool/question-pool.types';
