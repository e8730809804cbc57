export const JUDGED_ENTRY_ENTITIES: Function[] = [];
