/**
 * Every in-process signal one module sends to others, in one place: the event's name and
 * what it carries. Emitters mostly sit below their listeners in the dependency order
 * (contests, identity below leaderboard, attempts, judging; personal-data, on top, also
 * announces an erasure), so payloads use plain types and never import a feature
 * library.
 *
 * Whether the emitter awaits: most are. `EventBus.emit` never rejects,
 * so a fire-and-forget `void bus.emit(…)` would be safe, but
 * - RoundStatusChanged: awaited so that this process's round cache is dropped before the
 *   caller answers (a staff close returns, then this instance reads the round as closed);
 * - AccountErased: awaited so that the erasure answers only once cached display names are gone;
 * - RankPassRequested: not awaited: it comes from a Redis message (the live relay), with nobody to answer;
 * - ContestChanged: awaited so that the organiser's next look at `/` already shows the change;
 * - AccessRevoked: not awaited: it comes from a Redis message, with nobody to answer.
 */
export interface AppEvents {
  /** A round moved (round lifecycle in libs/contests), announced after its transaction committed. */
  RoundStatusChanged: { roundId: string; contestId: string; status: RoundStatusName; at: Date };
  /** A contest's public face changed (edited, published, closed, archived; contests), after the commit: the first screen's list is drawn again. */
  ContestChanged: { contestId: string };
  /**
   * Some of a user's access ended on some instance (a session, every session, the account;
   * identity's TokenService relays its Redis channel, so every instance hears it): holders of
   * live connections re-check them.
   */
  AccessRevoked: { userId: string };
  /** An account was erased or anonymised (an admin's delete in identity, the holder's own in personal-data), after the commit. */
  AccountErased: { userId: string };
  /**
   * The leaderboard pushed a round's board this second (leaderboard's ticker): every api instance
   * checks the ranks of its own sockets watching it, and of `users`, whose entries changed.
   * Heard on every api instance through the live relay (`RELAYED_EVENTS`).
   */
  RankPassRequested: { roundId: string; users: string[] };
}

/** The round's five states (contests' `RoundStatus`, repeated here because platform sits below contests). */
export type RoundStatusName = 'draft' | 'scheduled' | 'open' | 'closed' | 'published';

export type AppEventName = keyof AppEvents;

/**
 * The events that cross processes: `LiveService.toInstances` (libs/realtime) publishes them on
 * the live relay and every api instance emits them on its own bus. Every other event stays in
 * the process that emitted it.
 */
export const RELAYED_EVENTS = ['RankPassRequested'] as const satisfies readonly AppEventName[];
export type RelayedEventName = (typeof RELAYED_EVENTS)[number];
