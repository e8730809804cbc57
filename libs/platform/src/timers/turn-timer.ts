/**
 * A worker loop: runs `turn` every `everyMs`, counted from the end of the previous turn, so a
 * slow turn never overlaps the next or piles them up; `stop()` ends the loop and waits for a
 * turn in flight (a graceful shutdown finishes what it started). A failed turn goes to
 * `onError` and the loop goes on.
 */
export class TurnTimer {
  private timer?: NodeJS.Timeout;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly everyMs: number,
    private readonly turn: () => Promise<unknown>,
    private readonly onError: (e: Error) => void,
  ) {}

  start(): void {
    this.schedule();
  }

  /** True once stop() was called: a long turn may end early. */
  get stopping(): boolean {
    return this.stopped;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.turn()
        .then(
          () => undefined,
          (e: Error) => this.onError(e),
        )
        .finally(() => {
          this.running = null;
          this.schedule();
        });
    }, this.everyMs);
  }
}
