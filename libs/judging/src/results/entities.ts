export const RESULT_ENTITIES: (new () => object)[] = [];
