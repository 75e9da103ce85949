import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, client } from '../api';
import { isPrivateKey } from '../api/queryKeys';
import { STORAGE_KEYS } from '../api/session';
import type { RegisterRequest, User } from '../api/types';

interface AuthValue {
  user: User | null;
  login: (email: string, password: string) => Promise<User>;
  register: (body: RegisterRequest) => Promise<User>;
  logout: () => Promise<void>;
  /** The last session ended by itself (tokens expired), not by logging out. */
  expired: boolean;
  /** Takes a fresher copy of the signed-in user (after an account change). */
  updateUser: (user: User) => void;
}

const AuthContext = createContext<AuthValue | null>(null);

/**
 * The session as the rest of the app sees it. Tokens and the user live in
 * localStorage (see api/session.ts); this keeps React in step with them,
 * including changes made by other tabs and a refused token refresh.
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(() => (client.session.access || client.session.refresh ? client.session.user : null));
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [expired, setExpired] = useState(false);

  // A refused refresh ends the session. Public pages carry on anonymously (the
  // client re-asks public reads without the token); pages behind a login send
  // the user there through RequireAuth, which says the session ended.
  useEffect(() => {
    client.setSessionExpiredHandler(() => {
      setExpired(true);
      setUser(null);
      queryClient.removeQueries({ predicate: (q) => isPrivateKey(q.queryKey) });
      void queryClient.invalidateQueries();
    });
    return () => client.setSessionExpiredHandler(undefined);
  }, [queryClient]);

  // Logging in or out in another tab applies here too.
  useEffect(() => {
    const onStorage = (e: StorageEvent) => {
      if (e.key === null || e.key === STORAGE_KEYS.user || e.key === STORAGE_KEYS.refresh) {
        const next = client.session.refresh ? client.session.user : null;
        setUser((prev) => {
          if (prev?.id !== next?.id) queryClient.clear();
          return next;
        });
      }
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [queryClient]);

  // Confirm a stored session is still good (and pick up profile changes).
  useEffect(() => {
    if (!user) return;
    let cancelled = false;
    api.auth
      .me()
      .then((me) => {
        if (cancelled) return;
        client.session.setUser(me);
        setUser((prev) => (prev && JSON.stringify(prev) === JSON.stringify(me) ? prev : me));
      })
      .catch(() => {
        // A refused refresh already ended the session; anything else is transient.
      });
    return () => {
      cancelled = true;
    };
    // Once per signed-in user, not on every render.
  }, [user?.id]);

  const login = useCallback(
    async (email: string, password: string) => {
      const res = await api.auth.login(email, password);
      client.session.setTokens(res.access, res.refresh);
      client.session.setUser(res.user);
      queryClient.clear();
      setExpired(false);
      setUser(res.user);
      return res.user;
    },
    [queryClient],
  );

  const register = useCallback(async (body: RegisterRequest) => {
    return api.auth.register(body);
  }, []);

  const logout = useCallback(async () => {
    const refresh = client.session.refresh;
    try {
      if (refresh) await api.auth.logout(refresh);
    } catch {
      // Logging out must always work locally, even if the server is unreachable.
    } finally {
      client.session.clear();
      queryClient.clear();
      setUser(null);
      navigate('/login?loggedout=1', { replace: true });
    }
  }, [navigate, queryClient]);

  const updateUser = useCallback((next: User) => {
    client.session.setUser(next);
    setUser(next);
  }, []);

  const value = useMemo(
    () => ({ user, login, register, logout, expired, updateUser }),
    [user, login, register, logout, expired, updateUser],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth must be used inside <AuthProvider>');
  return ctx;
}
