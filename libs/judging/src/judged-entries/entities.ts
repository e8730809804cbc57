import { JudgedEntry } from './entry/judged-entry.entity';
import { HandInSettings } from './brief/hand-in-settings.entity';
import { JurySettings } from './jury/jury-settings.entity';
import { JudgeMark } from './marks/judge-mark.entity';

export const JUDGED_ENTRY_ENTITIES: (new () => object)[] = [JurySettings, HandInSettings, JudgedEntry, JudgeMark];
