/** Who is signed in (from /api/auth/me) and the session's CSRF token, shared by every screen. */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, ApiFailure, setCsrfToken, type User } from './api.ts';

interface SessionState {
  /** undefined while loading, null when signed out. */
  user: User | null | undefined;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

const Ctx = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);

  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const me = await api<{ user: User }>('GET', '/api/auth/me');
        const csrf = await api<{ csrfToken: string | null }>('GET', '/api/auth/csrf');
        setCsrfToken(csrf.csrfToken);
        if (live) setUser(me.user);
      } catch {
        if (live) setUser(null);
      }
    })();
    return () => {
      live = false;
    };
  }, []);

  const signIn = useCallback(async (email: string, password: string) => {
    const r = await api<{ user: User; csrfToken: string }>('POST', '/api/auth/login', { email, password });
    setCsrfToken(r.csrfToken);
    setUser(r.user);
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api('POST', '/api/auth/logout');
    } catch (e) {
      if (!(e instanceof ApiFailure)) throw e;
    }
    setCsrfToken(null);
    setUser(null);
  }, []);

  return <Ctx.Provider value={{ user, signIn, signOut }}>{children}</Ctx.Provider>;
}

export function useSession(): SessionState {
  const s = useContext(Ctx);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
