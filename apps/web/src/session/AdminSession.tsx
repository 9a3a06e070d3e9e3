import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react'
import { type ApiClient, createApiClient } from '../api/client'
import { getProgram, type Program } from '../api/program'
import { useQuery } from '../api/use-query'
import { clearProgramKey, readProgramKey, saveProgramKey } from './program-key'

export interface AdminSession {
  /** The operator's program key, or null when signed out. */
  programKey: string | null
  /** Calls the API with the program key; any 401 signs the operator out. */
  api: ApiClient
  /** The signed-in program, once loaded (used for its name and currency). */
  program: Program | undefined
  signIn: (programKey: string, program: Program) => void
  signOut: () => void
}

const AdminSessionContext = createContext<AdminSession | null>(null)

export function AdminSessionProvider({ children }: { children: ReactNode }) {
  const [programKey, setProgramKey] = useState<string | null>(readProgramKey)
  const [signedInProgram, setSignedInProgram] = useState<Program | undefined>()

  const signOut = useCallback(() => {
    clearProgramKey()
    setProgramKey(null)
    setSignedInProgram(undefined)
  }, [])

  const signIn = useCallback((key: string, program: Program) => {
    saveProgramKey(key)
    setProgramKey(key)
    setSignedInProgram(program)
  }, [])

  // A revoked or rotated key answers 401 on its next call: drop it and go back to sign-in.
  const api = useMemo(
    () => createApiClient({ getToken: () => programKey, onUnauthorized: signOut }),
    [programKey, signOut],
  )

  // After a reload only the key is known; fetch the program it belongs to.
  const needsProgram = programKey !== null && signedInProgram === undefined
  const loaded = useQuery(needsProgram ? `program:${programKey}` : null, (signal) =>
    getProgram(api, signal),
  )
  const program = signedInProgram ?? loaded.data

  const value = useMemo<AdminSession>(
    () => ({ programKey, api, program, signIn, signOut }),
    [programKey, api, program, signIn, signOut],
  )
  return <AdminSessionContext.Provider value={value}>{children}</AdminSessionContext.Provider>
}

export function useAdminSession(): AdminSession {
  const session = useContext(AdminSessionContext)
  if (!session) throw new Error('useAdminSession must be used inside <AdminSessionProvider>')
  return session
}
