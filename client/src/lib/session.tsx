import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, fetchApi } from './api';
import type { Schemas } from '../api/schemas';

export type Role = Schemas['Role'];

/** Who is signed in: a person with a role, or a paired booth terminal. */
export type Principal = Schemas['UserPrincipalView'] | Schemas['DevicePrincipalView'];

const getMe = () => fetchApi<Principal>('/api/auth/me');
const apiLogout = () => fetchApi<void>('/api/auth/logout', { method: 'POST' });

interface SessionState {
  status: 'loading' | 'ready';
  principal: Principal | null;
  setPrincipal(principal: Principal | null): void;
  logout(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<SessionState['status']>('loading');
  const [principal, setPrincipal] = useState<Principal | null>(null);

  useEffect(() => {
    getMe()
      .then(setPrincipal)
      .catch((error: unknown) => {
        if (!(error instanceof ApiError) || error.status !== 401) console.error(error);
        setPrincipal(null);
      })
      .finally(() => setStatus('ready'));
  }, [setPrincipal]);

  const logout = useCallback(async () => {
    await apiLogout().catch(() => undefined);
    setPrincipal(null);
  }, [setPrincipal]);

  const value = useMemo(() => ({ status, principal, setPrincipal, logout }), [status, principal, setPrincipal, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}
