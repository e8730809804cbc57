/**
 * Server → client events on the /live namespace (SPEC.md "Realtime"): the transport's own here;
 * each feature adds its events to this interface by module augmentation, beside its gateway:
 *
 * ```ts
 * declare module '@lc/realtime' {
 *   interface LiveEvents { 'round:status': { roundId: string; status: string; at: string } }
 * }
 * ```
 * so `LiveService.toUser` / `toRooms` type-check every payload without the transport naming a feature.
 */
export interface LiveEvents {
  /** Sent once on connection: who the server thinks you are and its clock. */
  session: { userId: string; role: string; serverTime: string };
  /** The socket's token no longer holds (sign-out, password change, deletion); the server disconnects it next. */
  'session:ended': { reason: 'revoked' };
}
