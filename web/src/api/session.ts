import type { User } from './types';

/**
 * Where the session lives. The keys are the ones the product's docs name, so
 * a session survives reloads and is shared by every tab of the site.
 */
export const STORAGE_KEYS = {
  access: 'accessToken',
  refresh: 'refreshToken',
  user: 'user',
} as const;

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export class SessionStore {
  constructor(private readonly storage: KeyValueStorage) {}

  get access(): string | null {
    return this.storage.getItem(STORAGE_KEYS.access);
  }

  get refresh(): string | null {
    return this.storage.getItem(STORAGE_KEYS.refresh);
  }

  get user(): User | null {
    const raw = this.storage.getItem(STORAGE_KEYS.user);
    if (!raw) return null;
    try {
      return JSON.parse(raw) as User;
    } catch {
      return null;
    }
  }

  setTokens(access: string, refresh?: string | null): void {
    this.storage.setItem(STORAGE_KEYS.access, access);
    if (refresh) this.storage.setItem(STORAGE_KEYS.refresh, refresh);
  }

  setUser(user: User): void {
    this.storage.setItem(STORAGE_KEYS.user, JSON.stringify(user));
  }

  clear(): void {
    this.storage.removeItem(STORAGE_KEYS.access);
    this.storage.removeItem(STORAGE_KEYS.refresh);
    this.storage.removeItem(STORAGE_KEYS.user);
  }
}

/** An in-memory storage, for tests and for browsers that refuse localStorage. */
export class MemoryStorage implements KeyValueStorage {
  private readonly map = new Map<string, string>();
  getItem(key: string): string | null {
    return this.map.has(key) ? (this.map.get(key) as string) : null;
  }
  setItem(key: string, value: string): void {
    this.map.set(key, value);
  }
  removeItem(key: string): void {
    this.map.delete(key);
  }
}

export function browserStorage(): KeyValueStorage {
  try {
    const probe = '__probe__';
    window.localStorage.setItem(probe, probe);
    window.localStorage.removeItem(probe);
    return window.localStorage;
  } catch {
    return new MemoryStorage();
  }
}
