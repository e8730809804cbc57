/** The shared command connection (ioredis). */
export const REDIS = Symbol('REDIS');
