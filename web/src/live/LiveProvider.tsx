import { useEffect, useSyncExternalStore, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../api';
import type { Notification } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { keysForEvent, LIVE_FAMILIES } from './events';
import { browserEnvironment, LiveClient, type LiveState } from './LiveClient';

/*
 * The stream's state and events for the whole app, outside React state so the
 * query hooks (hooks/*.ts) can read it too: they poll only while it is not live.
 */
let currentState: LiveState = 'off';
const stateListeners = new Set<() => void>();
const eventListeners = new Set<(n: Notification) => void>();

function publishState(state: LiveState) {
  currentState = state;
  for (const l of stateListeners) l();
}

function subscribeState(listener: () => void) {
  stateListeners.add(listener);
  return () => stateListeners.delete(listener);
}

/** The stream's state, re-rendering on change. */
export function useLiveState(): LiveState {
  return useSyncExternalStore(subscribeState, () => currentState, () => 'off' as LiveState);
}

/** True while the stream is open: pages then need no polling. */
export function useIsLive(): boolean {
  return useLiveState() === 'live';
}

/** Polling as the fallback: `ms` while the stream is down, never while it is live. */
export function pollUnlessLive(live: boolean, ms: number | false): number | false {
  return live ? false : ms;
}

/** Calls `listener` with each notification the stream delivers (e.g. the queue's sound). */
export function useLiveEvents(listener: (n: Notification) => void) {
  useEffect(() => {
    eventListeners.add(listener);
    return () => {
      eventListeners.delete(listener);
    };
  }, [listener]);
}

/**
 * Opens the stream while someone is signed in (one per tab) and turns each
 * event into cache invalidation, so every mounted page refetches what changed.
 */
export function LiveProvider({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  const queryClient = useQueryClient();
  const userId = user?.id ?? null;

  useEffect(() => {
    if (userId === null || typeof EventSource === 'undefined') return;
    const client = new LiveClient({
      ticket: async () => (await api.events.ticket()).ticket,
      onState: publishState,
      onNotification: (n) => {
        for (const queryKey of keysForEvent(n)) void queryClient.invalidateQueries({ queryKey });
        for (const l of eventListeners) l(n);
      },
      onResync: () => {
        for (const queryKey of LIVE_FAMILIES) void queryClient.invalidateQueries({ queryKey });
      },
      env: browserEnvironment(),
    });
    client.start();
    return () => client.stop();
  }, [userId, queryClient]);

  return <>{children}</>;
}
