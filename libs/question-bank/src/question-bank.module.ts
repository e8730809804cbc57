import { Module } from '@nestjs/common';
import { QuestionPoolService } from './pool/question-pool.service';

@Module({ providers: [QuestionPoolService], exports: [QuestionPoolService] })
export class QuestionBankModule {}
