import type { Notification } from '../api/types';
import { backoffMs, sleptBetween, streamUrl, TICK_MS } from './events';

/**
 * `connecting`: first attempt; `live`: the stream is open; `reconnecting`: it
 * dropped and a new attempt is scheduled or under way; `offline`: the browser
 * says there is no network (it waits for the `online` event); `off`: stopped.
 */
export type LiveState = 'off' | 'connecting' | 'live' | 'reconnecting' | 'offline';

/** The part of EventSource the client uses (a fake in tests). */
export interface EventSourceLike {
  onopen: ((e: Event) => void) | null;
  onerror: ((e: Event) => void) | null;
  addEventListener(type: 'notification', listener: (e: MessageEvent<string>) => void): void;
  close(): void;
}

/** The browser around the client: window events, timers and the clock, replaced in tests. */
export interface LiveEnvironment {
  open: (url: string) => EventSourceLike;
  isOnline: () => boolean;
  /** Subscribes to `online`, `offline` and `visibilitychange`; returns the unsubscribe. */
  listen: (handlers: { online: () => void; offline: () => void; visible: () => void }) => () => void;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
  setInterval: (fn: () => void, ms: number) => unknown;
  clearInterval: (handle: unknown) => void;
  now: () => number;
  random: () => number;
}

export interface LiveClientOptions {
  /** A fresh single-use ticket (`POST /api/events/ticket/`). */
  ticket: () => Promise<string>;
  onNotification: (n: Notification) => void;
  onState: (state: LiveState) => void;
  /**
   * The stream opened after a time it did not cover: the page's first reads
   * (made before it opened), a drop, sleep. Refetch what it keeps fresh.
   */
  onResync: () => void;
  env: LiveEnvironment;
}

/**
 * One user's connection to `GET /api/events/`. A ticket is single use, so the
 * browser's own EventSource retry (same URL) would be refused: on any error the
 * client closes the source and reconnects itself with a new ticket, after a
 * backoff, resuming with `last_event_id`. It reconnects at once when the
 * network returns, when the tab becomes visible while not live, and after the
 * machine slept (a timer that fired far too late). Every open that follows
 * time the stream did not cover, the first one included, asks for a resync.
 */
export class LiveClient {
  private state: LiveState = 'off';
  private source: EventSourceLike | null = null;
  private retryTimer: unknown = null;
  private ticker: unknown = null;
  private unlisten: (() => void) | null = null;
  private attempt = 0;
  private lastEventId: number | null = null;
  private lastTick = 0;
  /** Bumped by every new attempt, so a slow ticket for an abandoned attempt is dropped. */
  private generation = 0;
  private hadGap = false;

  constructor(private readonly options: LiveClientOptions) {}

  get current(): LiveState {
    return this.state;
  }

  start(): void {
    if (this.state !== 'off') return;
    const { env } = this.options;
    this.unlisten = env.listen({
      online: () => this.reconnectNow(),
      offline: () => {
        this.closeSource();
        this.clearRetry();
        this.generation++;
        this.hadGap = true;
        this.setState('offline');
      },
      visible: () => {
        if (this.state !== 'live') this.reconnectNow();
      },
    });
    this.lastTick = env.now();
    this.ticker = env.setInterval(() => this.tick(), TICK_MS);
    // A first stream sends only what happens after it opens, and the page read
    // its data before that: an order placed in between would never show.
    this.hadGap = true;
    this.setState('connecting');
    void this.connect();
  }

  stop(): void {
    const { env } = this.options;
    this.generation++;
    this.closeSource();
    this.clearRetry();
    if (this.ticker !== null) env.clearInterval(this.ticker);
    this.ticker = null;
    this.unlisten?.();
    this.unlisten = null;
    this.setState('off');
  }

  /** Drops the current attempt and connects again now, with a fresh ticket. */
  reconnectNow(): void {
    if (this.state === 'off') return;
    this.closeSource();
    this.clearRetry();
    this.attempt = 0;
    this.hadGap = true;
    this.setState('reconnecting');
    void this.connect();
  }

  private tick(): void {
    const now = this.options.env.now();
    const slept = sleptBetween(this.lastTick, now);
    this.lastTick = now;
    // After sleep the socket is usually dead without an error having fired.
    if (slept) this.reconnectNow();
  }

  private async connect(): Promise<void> {
    const { env } = this.options;
    const generation = ++this.generation;
    if (!env.isOnline()) {
      this.hadGap = true;
      this.setState('offline');
      return;
    }
    let ticket: string;
    try {
      ticket = await this.options.ticket();
    } catch {
      if (generation === this.generation) this.scheduleRetry();
      return;
    }
    if (generation !== this.generation) return;
    const source = env.open(streamUrl(ticket, this.lastEventId));
    this.source = source;
    source.onopen = () => {
      if (this.source !== source) return;
      this.attempt = 0;
      this.setState('live');
      if (this.hadGap) {
        this.hadGap = false;
        this.options.onResync();
      }
    };
    source.addEventListener('notification', (e) => {
      if (this.source !== source) return;
      const id = Number(e.lastEventId);
      if (Number.isSafeInteger(id) && id > 0) this.lastEventId = Math.max(this.lastEventId ?? 0, id);
      let payload: Notification;
      try {
        payload = JSON.parse(e.data) as Notification;
      } catch {
        return;
      }
      this.options.onNotification(payload);
    });
    source.onerror = () => {
      if (this.source !== source) return;
      // Closed here: the browser's own retry would reuse the spent ticket.
      this.closeSource();
      this.hadGap = true;
      this.scheduleRetry();
    };
  }

  private scheduleRetry(): void {
    const { env } = this.options;
    this.clearRetry();
    this.hadGap = true;
    this.setState(env.isOnline() ? 'reconnecting' : 'offline');
    if (!env.isOnline()) return;
    const delay = backoffMs(this.attempt, env.random());
    this.attempt++;
    this.retryTimer = env.setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, delay);
  }

  private clearRetry(): void {
    if (this.retryTimer !== null) this.options.env.clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private closeSource(): void {
    if (!this.source) return;
    const source = this.source;
    this.source = null;
    source.onopen = null;
    source.onerror = null;
    source.close();
  }

  private setState(state: LiveState): void {
    if (state === this.state) return;
    this.state = state;
    this.options.onState(state);
  }
}

/** The real browser. */
export function browserEnvironment(): LiveEnvironment {
  return {
    open: (url) => new EventSource(url) as unknown as EventSourceLike,
    isOnline: () => navigator.onLine !== false,
    listen: ({ online, offline, visible }) => {
      const onVisibility = () => {
        if (document.visibilityState === 'visible') visible();
      };
      window.addEventListener('online', online);
      window.addEventListener('offline', offline);
      document.addEventListener('visibilitychange', onVisibility);
      return () => {
        window.removeEventListener('online', online);
        window.removeEventListener('offline', offline);
        document.removeEventListener('visibilitychange', onVisibility);
      };
    },
    setTimeout: (fn, ms) => window.setTimeout(fn, ms),
    clearTimeout: (h) => window.clearTimeout(h as number),
    setInterval: (fn, ms) => window.setInterval(fn, ms),
    clearInterval: (h) => window.clearInterval(h as number),
    now: () => Date.now(),
    random: () => Math.random(),
  };
}
