/**
 * Every socket joins its user's room on connection (pushes that follow a person across tabs and
 * instances). Features name their own rooms (the leaderboard's `round:<id>`, …): a room is only a
 * string, and a socket id is a room too.
 */
export const userRoom = (userId: string) => `user:${userId}`;
