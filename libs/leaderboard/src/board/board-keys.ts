import { RedisKeys } from '@lc/platform';

export type BoardName = 'live' | 'frozen' | 'tmp';

/** Who a push goes to: the staff room (the true board) or the residents' room (what they may see). */
export type Audience = 'staff' | 'residents';

/**
 * Every key of one round's board shares the {lb:<roundId>} hash tag, so the Lua scripts that
 * touch several of them stay valid on Redis Cluster.
 */
export class RoundKeys {
  readonly tag: string;
  constructor(
    keys: RedisKeys,
    readonly roundId: string,
  ) {
    this.tag = keys.key('lb', `{${roundId}}`);
  }
  /** The sorted set of a board and its userId → member index. */
  board(name: BoardName): string {
    return `${this.tag}:${name}`;
  }
  who(name: BoardName): string {
    return `${this.tag}:${name}:who`;
  }
  /** Set while the frozen snapshot exists: the freeze instant (ms) it was taken for. */
  get frozenAt(): string {
    return `${this.tag}:frozen:at`;
  }
  /** Set once the frozen snapshot has been filled from PostgreSQL. */
  get frozenReady(): string {
    return `${this.tag}:frozen:ready`;
  }
  get frozenBuilding(): string {
    return `${this.tag}:frozen:building`;
  }
  /** Set while a rebuild fills the tmp board; records then write there too. */
  get rebuilding(): string {
    return `${this.tag}:rebuilding`;
  }
  /** Users whose entry changed since the last tick (for rank:update). */
  get changed(): string {
    return `${this.tag}:changed`;
  }
  /** userId → JSON [displayName, unit, province] for this round's contest. */
  get names(): string {
    return `${this.tag}:names`;
  }
  /** The last second (Redis clock) a push of this round was claimed for. */
  get tickSecond(): string {
    return `${this.tag}:tick:sec`;
  }
  /** Held for a little less than a second after each claim: pushes stay a second apart. */
  get tickSpacing(): string {
    return `${this.tag}:tick:spacing`;
  }
  get frozenAnnounced(): string {
    return `${this.tag}:frozen:announced`;
  }
  /** The hash of the top last pushed to an audience's room (leaderboard:update leaves unchanged rows out). */
  pushedTop(audience: Audience): string {
    return `${this.tag}:pushed:${audience}`;
  }
  all(): string[] {
    return [
      this.board('live'),
      this.who('live'),
      this.board('frozen'),
      this.who('frozen'),
      this.board('tmp'),
      this.who('tmp'),
      this.frozenAt,
      this.frozenReady,
      this.frozenBuilding,
      this.rebuilding,
      this.changed,
      this.names,
      this.frozenAnnounced,
      this.tickSecond,
      this.tickSpacing,
      this.pushedTop('staff'),
      this.pushedTop('residents'),
    ];
  }
}

/** Rounds whose live board changed since the last tick (global, not per round). */
export const dirtyRoundsKey = (keys: RedisKeys) => keys.key('lb', 'dirty');
