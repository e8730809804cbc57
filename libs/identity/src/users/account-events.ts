import { Injectable, Logger } from '@nestjs/common';

export type ErasedListener = (userId: string) => Promise<void>;

/**
 * Tells higher modules (e.g. leaderboards caching display names) that an account was erased
 * or anonymised, since identity may not depend on them. Called after the commit.
 */
@Injectable()
export class AccountEvents {
  private readonly log = new Logger(AccountEvents.name);
  private readonly erasedListeners: ErasedListener[] = [];

  onErased(listener: ErasedListener): void {
    this.erasedListeners.push(listener);
  }

  async erased(userId: string): Promise<void> {
    for (const l of this.erasedListeners) {
      try {
        await l(userId);
      } catch (e) {
        this.log.warn(`account-erased listener failed: ${(e as Error).message}`);
      }
    }
  }
}
