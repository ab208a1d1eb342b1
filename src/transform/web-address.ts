import { normalizeUri } from 'micromark-util-sanitize-uri'

/**
 * A web or mail address as a valid URI: written as it stands when it is one;
 * otherwise characters a URI cannot hold are percent-encoded (as CommonMark's
 * reference renderer does) and an international host name is given in its
 * ASCII form. An address whose host cannot be a host (`https://../`) has no
 * valid form: `undefined`.
 */
export function externalHref(url: string, scheme: string): string | undefined {
  const valid = uriCharacters.test(url) && !/%(?![0-9A-Fa-f]{2})/.test(url)
  if (scheme !== 'http' && scheme !== 'https' && scheme !== 'ftp') return valid ? url : normalizeUri(url)
  const match = /^([A-Za-z][A-Za-z0-9+.-]*:)\/\/([^/?#\\]*)(.*)$/s.exec(url)
  if (!match) return valid ? url : normalizeUri(url)
  const [, prefix, authority, written] = match as unknown as [string, string, string, string]
  // A path must start with a slash: `www.example.com\_` percent-encoded as it
  // stands would run its backslash on into the host.
  const rest = /^[^/?#]/.test(written) ? `/${written}` : written
  let parsed: URL
  try {
    parsed = new URL(`${prefix}//${authority}`)
  } catch {
    return undefined
  }
  if (!isHostName(parsed.hostname)) return undefined
  if (valid && !/[^\x21-\x7e]/.test(authority)) return url
  const user = parsed.username === '' ? '' : `${parsed.username}${parsed.password === '' ? '' : `:${parsed.password}`}@`
  return `${prefix}//${user}${parsed.host}${normalizeUri(rest)}`
}

/** The characters RFC 3986 allows in a URI outside a host (brackets only belong around an IPv6 host). */
const uriCharacters = /^[A-Za-z0-9\-._~:/?#@!$&'()*+,;=%]*$/

/** A DNS name (ASCII, as the URL parser gives it) or an IP address. */
function isHostName(host: string): boolean {
  if (host.startsWith('[')) return true
  const labels = host.replace(/\.$/, '').split('.')
  return labels.every((label) => /^[A-Za-z0-9_](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?$/.test(label))
}

/** Percent-decoded text, or the text as written when it is no valid encoding (`100%`). */
export function decode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
