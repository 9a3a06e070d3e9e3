/**
 * The API pages forward only (`next_cursor`). To offer "previous page" we keep the cursors
 * of the pages visited so far: the last one fetches the current page, and an empty stack
 * means the first page (no cursor).
 */
export type CursorStack = readonly string[]

export function currentCursor(stack: CursorStack): string | undefined {
  return stack.at(-1)
}

export function nextPage(stack: CursorStack, nextCursor: string): CursorStack {
  return [...stack, nextCursor]
}

export function previousPage(stack: CursorStack): CursorStack {
  return stack.slice(0, -1)
}
