import { lookup as dnsLookup, type LookupAddress } from 'node:dns'
import { isIP } from 'node:net'
import ipaddr from 'ipaddr.js'
import { AppError } from '../shared/app-error.js'

/*
 * Where a webhook may post (api.md, "Webhooks and jobs"): `http` or `https` without credentials;
 * not a link-local or cloud-metadata address unless the program allows private targets. Loopback
 * and other addresses (a shop's own network) are accepted. The URL is checked when the webhook is
 * saved, and every address a name resolves to is checked again when a delivery connects, so a
 * name that later points at a metadata address (DNS rebinding) is refused then.
 */

// Metadata services outside link-local space, by address and by name.
const METADATA_ADDRESSES = new Set([
  '100.100.100.200', // Alibaba Cloud
  '192.0.0.192', // Oracle Cloud
  'fd00:ec2::254', // AWS over IPv6
])
const METADATA_NAMES = new Set(['metadata.google.internal', 'metadata', 'instance-data'])

/** Why an address may not be a webhook target, or null when it may. */
export function forbiddenAddress(address: string): string | null {
  if (!ipaddr.isValid(address)) return 'is not an IP address'
  // IPv4-mapped IPv6 (::ffff:169.254.169.254) is judged as the IPv4 address it maps.
  const parsed = ipaddr.process(address)
  const normal = parsed.toNormalizedString()
  if (METADATA_ADDRESSES.has(normal) || METADATA_ADDRESSES.has(parsed.toString()))
    return 'is a cloud metadata address'
  const range = parsed.range()
  if (range === 'linkLocal') return 'is a link-local address (169.254.0.0/16, fe80::/10)'
  if (range === 'unspecified') return 'is the unspecified address'
  if (range === 'multicast' || range === 'broadcast') return `is a ${range} address`
  return null
}

function hostOf(url: URL): string {
  // URL keeps IPv6 literals in brackets.
  return url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase()
}

/** Checks a webhook URL as written; throws `400 invalid_request` on `path`. */
export function checkTargetUrl(
  raw: string,
  options: { allowPrivateTargets: boolean; path: string },
): URL {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw AppError.invalid(options.path, 'is not a URL')
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw AppError.invalid(options.path, 'must be an http or https URL')
  if (url.username || url.password)
    throw AppError.invalid(options.path, 'must not carry credentials (user:password@)')
  if (url.hash) throw AppError.invalid(options.path, 'must not have a fragment (#…)')
  const host = hostOf(url)
  if (!host) throw AppError.invalid(options.path, 'has no host')
  if (!options.allowPrivateTargets) {
    const why = isIP(host)
      ? forbiddenAddress(host)
      : METADATA_NAMES.has(host.replace(/\.$/, ''))
        ? 'names a cloud metadata service'
        : null
    if (why)
      throw AppError.invalid(
        options.path,
        `${why}; such targets are refused unless the program allows private webhook targets`,
      )
  }
  return url
}

export class ForbiddenTargetError extends Error {
  readonly code = 'EFORBIDDENTARGET'
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void

/**
 * A `lookup` for node:http that resolves as usual and refuses the connection when any address
 * the name resolves to is forbidden (unless private targets are allowed).
 */
export function guardedLookup(allowPrivateTargets: boolean) {
  return (hostname: string, options: object, callback: LookupCallback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, [])
      const list = addresses as LookupAddress[]
      if (!allowPrivateTargets) {
        for (const { address } of list) {
          const why = forbiddenAddress(address)
          if (why)
            return callback(
              new ForbiddenTargetError(`${hostname} resolves to ${address}, which ${why}`),
              [],
            )
        }
      }
      if ((options as { all?: boolean }).all) return callback(null, list)
      const first = list[0]
      if (!first) return callback(new Error(`${hostname} has no address`), [])
      callback(null, first.address, first.family)
    })
  }
}
