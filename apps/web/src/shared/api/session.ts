import { readJson, storage, type KeyValueStorage } from '../storage';
import type { User } from './types';

/**
 * What the page keeps: the short-lived access token and who is signed in. The refresh token
 * lives in an httpOnly cookie the page's scripts cannot read (issue 15); `refreshToken` is
 * only still here in sessions stored before that, and goes at their first refresh.
 */
export interface Session {
  accessToken: string;
  refreshToken?: string;
  user: User;
}

const KEY = 'lc.session';
type Listener = (s: Session | null) => void;

/** The signed-in session (access token and user), kept in localStorage and shared between tabs. */
export class SessionStore {
  private listeners = new Set<Listener>();

  constructor(private readonly store: KeyValueStorage = storage) {
    if (typeof window !== 'undefined') {
      window.addEventListener('storage', (e) => {
        if (e.key === KEY) this.emit();
      });
    }
  }

  get(): Session | null {
    const s = readJson<Session>(this.store, KEY);
    return s && typeof s.accessToken === 'string' && s.user ? s : null;
  }

  set(s: Session | null): void {
    if (s) this.store.setItem(KEY, JSON.stringify(s));
    else this.store.removeItem(KEY);
    this.emit();
  }

  subscribe(fn: Listener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private emit(): void {
    const s = this.get();
    for (const fn of this.listeners) fn(s);
  }
}

export const sessions = new SessionStore();
