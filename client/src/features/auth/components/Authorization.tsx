import { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { RETURN_PARAM } from '@shared/auth/return-path';
import { Role, useSession } from '../../../lib/session';

/**
 * Renders its children only for the given audiences. Someone signed out is sent to the sign-in
 * page with the page asked for, to come back to it once signed in; others go home.
 */
export function Authorization({ allow, children }: { allow: Array<Role | 'device'>; children: ReactNode }) {
  const { principal } = useSession();
  const location = useLocation();
  // A booth page without a paired screen (never paired, or unpaired since) asks for a pairing code:
  // the staff's sign-in page has no place on a booth.
  if (!principal && allow.length === 1 && allow[0] === 'device') return <Navigate to="/borne/appairage" replace />;
  if (!principal) return <Navigate to={`/connexion?${new URLSearchParams({ [RETURN_PARAM]: location.pathname + location.search })}`} replace />;
  const audience = principal.kind === 'device' ? 'device' : principal.role;
  if (!allow.includes(audience)) return <Navigate to="/" replace />;
  return <>{children}</>;
}
