/** Attempts' server → client events on /live (SPEC.md "Realtime"), added to the transport's map. */
declare module '@lc/realtime' {
  interface LiveEvents {
    /** An attempt started: its deadline, to every tab of the resident (countdowns agree). */
    'attempt:deadline': { attemptId: string; deadlineAt: string; serverTime: string };
  }
}

export {};
