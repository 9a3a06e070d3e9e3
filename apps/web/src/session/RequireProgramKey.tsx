import type { ReactNode } from 'react'
import { Navigate, useLocation } from 'react-router-dom'
import { useAdminSession } from './AdminSession'

/** Sends signed-out operators to the sign-in page, remembering where they were going. */
export function RequireProgramKey({ children }: { children: ReactNode }) {
  const { programKey } = useAdminSession()
  const location = useLocation()
  if (!programKey) {
    const from = `${location.pathname}${location.search}`
    return <Navigate to="/admin/signin" replace state={{ from }} />
  }
  return children
}
