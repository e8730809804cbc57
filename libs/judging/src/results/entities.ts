export const RESULT_ENTITIES: Function[] = [];
