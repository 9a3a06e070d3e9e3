/**
 * What a process keeps of a program's live configuration (earning rules, benefits, releases),
 * tagged with the program's rules version it was read at or after. A request carries the version
 * its key's query saw; an entry older than that is read again. Every change of that
 * configuration moves the version in its own transaction, so a change that has answered reaches
 * every later request on every process, and no clock or time-to-live is involved.
 */
export class RulesVersionCache<T> {
  private readonly entries = new Map<string, { value: T; version: number }>()

  /** The value kept under `key` when it is at least `version`, else `read()` and kept. */
  async get(key: string, version: number, read: () => Promise<T>): Promise<T> {
    const cached = this.entries.get(key)
    if (cached && cached.version >= version) return cached.value
    // Read after the request's version was: the value is at least that new.
    const value = await read()
    const latest = this.entries.get(key)
    if (!latest || latest.version <= version) this.entries.set(key, { value, version })
    return value
  }

  forget(key: string): void {
    this.entries.delete(key)
  }
}
