import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../auth/session';
import { ErrorAlert, Loading } from './Status';

/** Renders its children for a signed-in user; sends anyone else to the login page and back. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { me, loading, error } = useSession();
  const location = useLocation();
  if (loading) return <Loading />;
  if (error) return <ErrorAlert error={error} />;
  if (!me) return <Navigate to={`/dang-nhap?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <>{children}</>;
}
