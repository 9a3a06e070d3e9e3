import type { ProgramContext } from '../programs/index.js'
import { AppError } from '../shared/app-error.js'

/*
 * What orders and quotes do when the database finds the request's context out of date: the key
 * it came with revoked, or the program changed since this process read it (both answered from
 * memory, and checked by the order's write or the quote's read).
 */

export interface RequestContextDeps {
  reloadProgram(id: string): Promise<ProgramContext>
  /** Told when a request found the program changed, with the program as it is now. */
  onProgramChanged?(program: ProgramContext): void
  /** Told when a request found its key revoked. */
  onKeyRevoked?(keyId: string): void
}

/** The key was revoked: no remembered identity answers for it any more, and this is `401`. */
export function refuseRevokedKey(deps: RequestContextDeps, keyId: string | undefined): never {
  if (keyId) deps.onKeyRevoked?.(keyId)
  throw new AppError('unauthorized', 'The key is unknown, revoked or expired.')
}

/** The program changed: read again, and told to whoever remembers it. */
export async function reloadChangedProgram(
  deps: RequestContextDeps,
  programId: string,
): Promise<ProgramContext> {
  const current = await deps.reloadProgram(programId)
  deps.onProgramChanged?.(current)
  return current
}
