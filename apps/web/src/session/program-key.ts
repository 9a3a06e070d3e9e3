/** Where the admin console keeps the operator's program key (`lb_sk_…`) between visits. */
const STORAGE_KEY = 'lb.programKey'

export function readProgramKey(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY)
  } catch {
    // Storage can be disabled (privacy modes); the console then asks for the key again.
    return null
  }
}

export function saveProgramKey(key: string) {
  try {
    window.localStorage.setItem(STORAGE_KEY, key)
  } catch {
    // See readProgramKey: the session then lasts until the page is reloaded.
  }
}

export function clearProgramKey() {
  try {
    window.localStorage.removeItem(STORAGE_KEY)
  } catch {
    // Nothing stored, nothing to clear.
  }
}
