/** Every BullMQ queue of the platform, by name. */
export const Queues = {
  /** Write autosaved answers behind to PostgreSQL in batches. */
  answerWriteback: 'answer-writeback',
  /** Finalise attempts whose deadline passed. */
  attemptExpiry: 'attempt-expiry',
  /** Open and close rounds on time. */
  roundSchedule: 'round-schedule',
  /** Long-running exports (results, statistics). */
  exports: 'exports',
} as const;
export type QueueName = (typeof Queues)[keyof typeof Queues];
