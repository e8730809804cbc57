import { JudgedEntry } from './entry/judged-entry.entity';
import { JurySettings } from './jury/jury-settings.entity';
import { JudgeMark } from './marks/judge-mark.entity';

export const JUDGED_ENTRY_ENTITIES: (new () => object)[] = [JurySettings, JudgedEntry, JudgeMark];
