import { describe, expect, it } from 'vitest';
import type { Notification } from '../api/types';
import { LiveClient, type EventSourceLike, type LiveEnvironment, type LiveState } from './LiveClient';

class FakeSource implements EventSourceLike {
  onopen: ((e: Event) => void) | null = null;
  onerror: ((e: Event) => void) | null = null;
  closed = false;
  private listeners: ((e: MessageEvent<string>) => void)[] = [];
  constructor(readonly url: string) {}
  addEventListener(_type: 'notification', l: (e: MessageEvent<string>) => void) {
    this.listeners.push(l);
  }
  close() {
    this.closed = true;
  }
  emit(id: number, data: Partial<Notification>) {
    for (const l of this.listeners) l({ lastEventId: String(id), data: JSON.stringify({ id, ...data }) } as MessageEvent<string>);
  }
}

/** A browser with a hand-driven clock, timers and network. */
function harness({ tickets = ['t1', 't2', 't3', 't4', 't5'] }: { tickets?: (string | Error)[] } = {}) {
  const sources: FakeSource[] = [];
  const timers: { at: number; fn: () => void; every?: number; id: number }[] = [];
  let clock = 0;
  let online = true;
  let nextId = 1;
  const handlers: { online?: () => void; offline?: () => void; visible?: () => void } = {};
  const env: LiveEnvironment = {
    open: (url) => {
      const s = new FakeSource(url);
      sources.push(s);
      return s;
    },
    isOnline: () => online,
    listen: (h) => {
      Object.assign(handlers, h);
      return () => undefined;
    },
    setTimeout: (fn, ms) => {
      timers.push({ at: clock + ms, fn, id: nextId });
      return nextId++;
    },
    clearTimeout: (id) => {
      const i = timers.findIndex((t) => t.id === id);
      if (i >= 0) timers.splice(i, 1);
    },
    setInterval: (fn, ms) => {
      timers.push({ at: clock + ms, fn, every: ms, id: nextId });
      return nextId++;
    },
    clearInterval: (id) => env.clearTimeout(id),
    now: () => clock,
    random: () => 0.999999,
  };
  const states: LiveState[] = [];
  const events: Partial<Notification>[] = [];
  let resyncs = 0;
  const queue = [...tickets];
  const client = new LiveClient({
    ticket: async () => {
      const t = queue.shift() ?? 'spare';
      if (t instanceof Error) throw t;
      return t;
    },
    onState: (s) => states.push(s),
    onNotification: (n) => events.push(n),
    onResync: () => resyncs++,
    env,
  });
  const flush = () => new Promise((r) => setTimeout(r, 0));
  return {
    client,
    sources,
    states,
    events,
    resyncs: () => resyncs,
    handlers,
    flush,
    setOnline: (v: boolean) => (online = v),
    /** Moves the clock forward, firing due timers (a frozen clock jump when `frozen`). */
    async advance(ms: number, { frozen = false } = {}) {
      const end = clock + ms;
      if (frozen) clock = end;
      for (;;) {
        timers.sort((a, b) => a.at - b.at);
        const due = timers.find((t) => t.at <= end);
        if (!due) break;
        clock = Math.max(clock, due.at);
        if (due.every) due.at = clock + due.every;
        else timers.splice(timers.indexOf(due), 1);
        due.fn();
        await flush();
      }
      clock = end;
    },
  };
}

describe('LiveClient', () => {
  it('opens the stream with a ticket and is live once it opens', async () => {
    const h = harness();
    h.client.start();
    await h.flush();
    expect(h.sources.map((s) => s.url)).toEqual(['/api/events/?ticket=t1']);
    expect(h.client.current).toBe('connecting');
    h.sources[0].onopen!(new Event('open'));
    expect(h.client.current).toBe('live');
  });

  it('resyncs once the first stream opens: what changed before it opened is never sent', async () => {
    const h = harness();
    h.client.start();
    await h.flush();
    expect(h.resyncs()).toBe(0);
    h.sources[0].onopen!(new Event('open'));
    expect(h.resyncs()).toBe(1);
    h.sources[0].emit(41, { kind: 'order_placed' });
    expect(h.resyncs()).toBe(1);
  });

  it('hands each event on and resumes after the last one with a fresh ticket', async () => {
    const h = harness();
    h.client.start();
    await h.flush();
    h.sources[0].onopen!(new Event('open'));
    h.sources[0].emit(41, { kind: 'order_placed' });
    h.sources[0].emit(42, { kind: 'order_status' });
    expect(h.events.map((e) => e.id)).toEqual([41, 42]);
    h.sources[0].onerror!(new Event('error'));
    expect(h.sources[0].closed).toBe(true);
    expect(h.client.current).toBe('reconnecting');
    await h.advance(999);
    expect(h.sources).toHaveLength(1);
    await h.advance(1);
    expect(h.sources[1].url).toBe('/api/events/?ticket=t2&last_event_id=42');
    h.sources[1].onopen!(new Event('open'));
    expect(h.client.current).toBe('live');
    expect(h.resyncs()).toBe(2);
  });

  it('backs off longer after each failed attempt, and starts over once connected', async () => {
    const h = harness({ tickets: ['t1', new Error('503'), new Error('503'), 't4', 't5'] });
    h.client.start();
    await h.flush();
    h.sources[0].onerror!(new Event('error'));
    await h.advance(1000); // ticket refused → 2 s
    await h.advance(2000); // refused again → 4 s
    expect(h.sources).toHaveLength(1);
    await h.advance(3999);
    expect(h.sources).toHaveLength(1);
    await h.advance(1);
    expect(h.sources).toHaveLength(2);
    h.sources[1].onopen!(new Event('open'));
    h.sources[1].onerror!(new Event('error'));
    await h.advance(1000);
    expect(h.sources).toHaveLength(3);
  });

  it('waits for the network while offline and reconnects the moment it returns', async () => {
    const h = harness();
    h.client.start();
    await h.flush();
    h.sources[0].onopen!(new Event('open'));
    h.setOnline(false);
    h.handlers.offline!();
    expect(h.client.current).toBe('offline');
    expect(h.sources[0].closed).toBe(true);
    await h.advance(60_000);
    expect(h.sources).toHaveLength(1);
    h.setOnline(true);
    h.handlers.online!();
    await h.flush();
    expect(h.sources).toHaveLength(2);
    h.sources[1].onopen!(new Event('open'));
    expect(h.client.current).toBe('live');
    expect(h.resyncs()).toBe(2);
  });

  it('reconnects after the machine slept, even with no error from the old stream', async () => {
    const h = harness();
    h.client.start();
    await h.flush();
    h.sources[0].onopen!(new Event('open'));
    await h.advance(30_000);
    expect(h.sources).toHaveLength(1);
    await h.advance(600_000, { frozen: true });
    expect(h.sources[0].closed).toBe(true);
    expect(h.sources).toHaveLength(2);
    h.sources[1].onopen!(new Event('open'));
    expect(h.resyncs()).toBe(2);
  });

  it('reconnects at once when the tab comes back while not live', async () => {
    const h = harness();
    h.client.start();
    await h.flush();
    h.sources[0].onerror!(new Event('error'));
    h.handlers.visible!();
    await h.flush();
    expect(h.sources).toHaveLength(2);
  });

  it('stops for good: no retry and no state after stop', async () => {
    const h = harness();
    h.client.start();
    await h.flush();
    h.sources[0].onerror!(new Event('error'));
    h.client.stop();
    await h.advance(120_000);
    expect(h.sources).toHaveLength(1);
    expect(h.states.at(-1)).toBe('off');
  });
});
