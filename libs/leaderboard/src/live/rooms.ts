/** Every socket joins its user's room on connection (pushes that follow a person across tabs and instances). */
export const userRoom = (userId: string) => `user:${userId}`;
/** Residents watching a round: they see the board their visibility allows. */
export const roundRoom = (roundId: string) => `round:${roundId}`;
/** Staff watching a round: always the true board. */
export const staffRoom = (roundId: string) => `round:${roundId}:staff`;
