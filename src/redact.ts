// The last line of defence for secrets: every message, body and summary line that may have
// seen a secret passes through here before it is logged, kept or written.

const MASK = '***'

/**
 * Replaces every occurrence of each secret with `***`, also in the forms a secret takes
 * inside URLs and headers: percent-encoded (either hex case, and form-encoded) and base64
 * (standard and URL-safe, with or without padding).
 *
 * Any non-empty secret is redacted, however short: a one-letter secret would mask that letter
 * everywhere, which is noisy but never leaks. Empty secrets are ignored.
 */
export function redact(text: string, secrets: readonly string[]): string {
  return redactor(secrets)(text)
}

/**
 * redact() with the secrets' forms worked out once, for the paths that clean a line per
 * request.
 */
export function redactor(secrets: readonly string[]): (text: string) => string {
  const forms = new Set<string>()
  for (const secret of secrets) {
    if (secret === '') continue
    for (const form of encodedForms(secret)) forms.add(form)
  }
  // Longest first, so that a form containing another is masked whole.
  const ordered = [...forms].sort((a, b) => b.length - a.length)
  return text => {
    let result = text
    for (const form of ordered) {
      if (result.includes(form)) result = result.split(form).join(MASK)
    }
    return result
  }
}

/** The redactor for the `api-key` input: as given, and as used (trimmed). */
export function keyRedactor(apiKey: string): (text: string) => string {
  return redactor([apiKey, apiKey.trim()])
}

function encodedForms(secret: string): string[] {
  const percent = encodeURIComponent(secret)
  const form = new URLSearchParams({ s: secret }).toString().slice(2)
  const base64 = Buffer.from(secret, 'utf8').toString('base64')
  const base64url = Buffer.from(secret, 'utf8').toString('base64url')
  return [
    secret,
    percent,
    lowerHex(percent),
    form,
    lowerHex(form),
    base64,
    base64.replace(/=+$/, ''),
    base64url
  ].filter(f => f !== '')
}

function lowerHex(encoded: string): string {
  return encoded.replace(/%[0-9A-F]{2}/g, escape => escape.toLowerCase())
}
