import { QuestionBank } from './banks/question-bank.entity';
import { QuestionVersion } from './questions/question-version.entity';
import { Question } from './questions/question.entity';
import { Topic } from './topics/topic.entity';

export const QUESTION_BANK_ENTITIES = [QuestionBank, Topic, Question, QuestionVersion];
export { QuestionBank, Topic, Question, QuestionVersion };
