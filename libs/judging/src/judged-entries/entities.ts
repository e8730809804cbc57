export const JUDGED_ENTRY_ENTITIES: (new () => object)[] = [];
