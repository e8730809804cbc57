/**
 * Every in-process signal one module sends to others, in one place: the event's name and
 * what it carries. Emitters mostly sit below their listeners in the dependency order
 * (contests, identity, leaderboard below leaderboard, attempts, judging; personal-data, on
 * top, also announces an erasure), so payloads use plain types and never import a feature
 * library.
 *
 * Whether the emitter awaits: all are awaited today. `EventBus.emit` never rejects,
 * so a fire-and-forget `void bus.emit(…)` would be safe, but
 * - RoundStatusChanged: awaited so that this process's round cache is dropped before the
 *   caller answers (a staff close returns, then this instance reads the round as closed);
 * - AccountErased: awaited so that the erasure answers only once cached display names are gone;
 * - AttemptEventReceived: awaited because the socket's ack carries the handler's refusal;
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
   * An integrity event (`attempt:event`) arrived on the live socket (leaderboard's gateway) for
   * the attempts module to record. A handler refuses by throwing a DomainError; the gateway
   * answers the first failure in the ack (see `EmitOutcome`).
   */
  AttemptEventReceived: {
    actor: { id: string; role: string; organisationId: string | null };
    event: { attemptId: string; kind: string; at: string };
    client: { ip: string; userAgent: string };
  };
}

/** The round's five states (contests' `RoundStatus`, repeated here because platform sits below contests). */
export type RoundStatusName = 'draft' | 'scheduled' | 'open' | 'closed' | 'published';

export type AppEventName = keyof AppEvents;
