/**
 * One Idempotency-Key per checkout attempt. The same cart sent again (a retry
 * after a network error, a double click, a reload mid-request) reuses the key,
 * so the server returns the first order instead of creating a second. A
 * different cart is a different attempt and gets a new key (the server refuses
 * a known key with a different body).
 */
export class CheckoutAttempt {
  private key: string | null = null;
  private fingerprint: string | null = null;

  constructor(
    private readonly newKey: () => string = () => crypto.randomUUID(),
    initial?: { key: string; fingerprint: string } | null,
  ) {
    if (initial) {
      this.key = initial.key;
      this.fingerprint = initial.fingerprint;
    }
  }

  /** The key for sending `body`; stable for as long as the body is the same. */
  keyFor(body: unknown): string {
    const fp = stableStringify(body);
    if (this.key === null || this.fingerprint !== fp) {
      this.key = this.newKey();
      this.fingerprint = fp;
    }
    return this.key;
  }

  /** The order was placed: the next checkout is a new attempt. */
  complete(): void {
    this.key = null;
    this.fingerprint = null;
  }

  snapshot(): { key: string; fingerprint: string } | null {
    return this.key && this.fingerprint ? { key: this.key, fingerprint: this.fingerprint } : null;
  }
}

export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
