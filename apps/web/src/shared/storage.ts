/** The slice of localStorage the app uses, so pure modules can be tested with a Map. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export class MemoryStorage implements KeyValueStorage {
  private readonly map = new Map<string, string>();
  getItem(key: string): string | null {
    return this.map.has(key) ? this.map.get(key)! : null;
  }
  setItem(key: string, value: string): void {
    this.map.set(key, value);
  }
  removeItem(key: string): void {
    this.map.delete(key);
  }
}

/**
 * localStorage when it works; some in-app browsers and private modes throw on access or on
 * quota, and the app must still run (answers then live only as long as the page).
 */
export function browserStorage(): KeyValueStorage {
  try {
    const probe = '__lc_probe__';
    window.localStorage.setItem(probe, '1');
    window.localStorage.removeItem(probe);
    const ls = window.localStorage;
    const fallback = new MemoryStorage();
    return {
      getItem: (k) => {
        try {
          return ls.getItem(k) ?? fallback.getItem(k);
        } catch {
          return fallback.getItem(k);
        }
      },
      setItem: (k, v) => {
        try {
          ls.setItem(k, v);
        } catch {
          fallback.setItem(k, v);
        }
      },
      removeItem: (k) => {
        try {
          ls.removeItem(k);
        } catch {
          /* ignore */
        }
        fallback.removeItem(k);
      },
    };
  } catch {
    return new MemoryStorage();
  }
}

export function readJson<T>(storage: KeyValueStorage, key: string): T | null {
  const raw = storage.getItem(key);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

export const storage: KeyValueStorage = typeof window === 'undefined' ? new MemoryStorage() : browserStorage();

export function randomId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // Older WebViews: RFC 4122 v4 from getRandomValues.
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
