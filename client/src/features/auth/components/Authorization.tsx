import { ReactNode } from 'react';
import { Navigate } from 'react-router-dom';
import { Role, useSession } from '../../../lib/session';

/** Renders its children only for the given audiences; sends others to the sign-in page. */
export function Authorization({ allow, children }: { allow: Array<Role | 'device'>; children: ReactNode }) {
  const { principal } = useSession();
  if (!principal) return <Navigate to="/connexion" replace />;
  const audience = principal.kind === 'device' ? 'device' : principal.role;
  if (!allow.includes(audience)) return <Navigate to="/" replace />;
  return <>{children}</>;
}
