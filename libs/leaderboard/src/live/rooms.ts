/** Residents watching a round: they see the board their visibility allows. */
export const roundRoom = (roundId: string) => `round:${roundId}`;
/** Residents of the round's room whose pages take a changed top as a patch (`leaderboard:join { patches: true }`). */
export const patchRoom = (roundId: string) => `patch:${roundId}`;
/** Staff watching a round: always the true board. */
export const staffRoom = (roundId: string) => `round:${roundId}:staff`;
/** Everyone watching a round, residents and staff. */
export const watcherRooms = (roundId: string) => [roundRoom(roundId), staffRoom(roundId)];
