/**
 * The portal is opened by a link such as `/portal#token=lb_ps_…&locale=en`. The token sits
 * in the fragment so it never reaches server logs; we move it to sessionStorage at once and
 * strip it from the address bar so it is not bookmarked, shared or left in history.
 */
const STORAGE_KEY = 'lb.portalToken'

// What the link carried, kept for this page load: React may run a component's state
// initializer twice (a render thrown away by Suspense), and the second run finds the
// fragment already gone. Also the fallback when sessionStorage is unavailable.
let tokenInMemory: string | null = null
let localeFromLink: string | null = null

export interface PortalFragment {
  token: string | null
  locale: string | null
  /** What is left of the fragment once token and locale are taken out ('' if nothing). */
  rest: string
}

export function parsePortalFragment(hash: string): PortalFragment {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash)
  const token = params.get('token') || null
  const locale = params.get('locale') || null
  params.delete('token')
  params.delete('locale')
  return { token, locale, rest: params.toString() }
}

export function readPortalToken(): string | null {
  try {
    return window.sessionStorage.getItem(STORAGE_KEY) ?? tokenInMemory
  } catch {
    return tokenInMemory
  }
}

export function clearPortalToken() {
  tokenInMemory = null
  try {
    window.sessionStorage.removeItem(STORAGE_KEY)
  } catch {
    // Storage disabled: nothing was kept.
  }
}

/**
 * Takes a token from the current URL's fragment (if any), stores it, cleans the URL and
 * returns the token to use: the fresh one, else the one stored earlier in this tab.
 */
export function takePortalTokenFromUrl(): { token: string | null; locale: string | null } {
  const fragment = parsePortalFragment(window.location.hash)
  if (fragment.locale) localeFromLink = fragment.locale
  if (fragment.token) {
    tokenInMemory = fragment.token
    try {
      window.sessionStorage.setItem(STORAGE_KEY, fragment.token)
    } catch {
      // Storage disabled: the token still works for this page view.
    }
    const { pathname, search } = window.location
    const hash = fragment.rest ? `#${fragment.rest}` : ''
    window.history.replaceState(window.history.state, '', `${pathname}${search}${hash}`)
    return { token: fragment.token, locale: localeFromLink }
  }
  return { token: readPortalToken(), locale: localeFromLink }
}
