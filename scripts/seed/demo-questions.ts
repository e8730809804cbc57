import type { DemoQuestion } from './types';
import { ESSAY } from './questions/essay';
import { MULTIPLE } from './questions/multiple';
import { NUMERIC } from './questions/numeric';
import { SHORT_TEXT } from './questions/short-text';
import { SINGLE } from './questions/single';
import { TRUE_FALSE } from './questions/true-false';

export type { DemoQuestion } from './types';

export const DEMO_QUESTIONS: DemoQuestion[] = [...SINGLE, ...MULTIPLE, ...TRUE_FALSE, ...NUMERIC, ...SHORT_TEXT, ...ESSAY];
