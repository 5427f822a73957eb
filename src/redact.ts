// The last line of defence for secrets: every message, body, summary line, output and file
// that may have seen a secret passes through here before it is logged, kept or written, and
// before any escaping (an escaped secret would no longer be recognised).

const MASK = '***'

/**
 * A function that replaces every occurrence of each secret with `***` (the secrets' forms are
 * worked out once, for the paths that clean many strings), also in the forms a secret takes
 * inside URLs, headers, JSON and HTML:
 *
 * - as it is, and base64 (standard and URL-safe, with or without padding: Basic auth), also
 *   inside a longer base64 text at any byte alignment (a token or a body that embeds the
 *   secret), for secrets long enough that those characters cannot match ordinary text;
 * - each character of any of those either as it is or escaped: percent-encoded (UTF-8 bytes,
 *   either hex case; `+` for a space), JSON (`\u00XX` in either case, surrogate pairs, `\/`,
 *   `\"`, `\\`) and HTML (`&#N;`, `&#xH;`, `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`).
 *   Mixed forms match too (`%2F` next to `\u002f`).
 *
 * - a piece of a secret cut at either end (an answer that echoes the request URL and is cut
 *   short): the longest run of at least MIN_FRAGMENT characters that starts or ends it, in
 *   any of those escaped forms.
 *
 * Not covered (see docs/behaviour.md): a secret split across lines or fields, hex or other
 * encodings of the whole secret, encodings applied twice.
 *
 * Any non-empty secret is redacted, however short: a one-letter secret would mask that letter
 * everywhere, which is noisy but never leaks. Empty secrets are ignored.
 */
export function redactor(secrets: readonly string[]): (text: string) => string {
  const forms = new Set(secrets.filter(secret => secret !== '').flatMap(wholeForms))
  if (forms.size === 0) return text => text
  // Longest first, so that a form containing another is masked whole.
  const ordered = [...forms].sort((a, b) => b.length - a.length)
  const cut = [...new Set(secrets)].filter(secret => [...secret].length > MIN_FRAGMENT)
  const heads = cut.map(secret => [...secret].slice(0, MIN_FRAGMENT).join(''))
  const tails = cut.map(secret => [...secret].slice(-MIN_FRAGMENT).join(''))
  const shortest = Math.min(...ordered.map(form => [...form].length), MIN_FRAGMENT)
  const pattern = new RegExp(
    [...ordered.map(charwise), ...cut.map(secret => cutPattern(secret, true))].join('|'),
    'g'
  )
  // Costly where it is tried at every position, so only tried where a secret's end is found.
  const ends = new RegExp(tails.map(charwise).join('|'))
  const startCut = new RegExp(cut.map(secret => cutPattern(secret, false)).join('|'), 'g')
  return text => {
    if (text.length < shortest) return text
    // Without any character that starts an escape, only the forms as they are can match:
    // plain substring search is much faster than the pattern on large, clean text.
    if (!ESCAPE_START.test(text)) {
      let result = ordered.reduce(
        (t, form) => (t.includes(form) ? t.split(form).join(MASK) : t),
        text
      )
      if (heads.some(head => result.includes(head))) result = result.replace(pattern, MASK)
      if (tails.some(tail => result.includes(tail))) result = result.replace(startCut, MASK)
      return result
    }
    const result = text.replace(pattern, MASK)
    return cut.length > 0 && ends.test(result) ? result.replace(startCut, MASK) : result
  }
}

/** The shortest piece of a secret masked on its own: long enough never to be ordinary text. */
const MIN_FRAGMENT = 12

/**
 * The secret cut at one end, each character in any escaped form (as charwise() matches). Cut
 * at its end: its first MIN_FRAGMENT characters and as many of the next as follow. Cut at its
 * start: its last MIN_FRAGMENT and as many of those before as precede them; the leftmost match
 * is then the longest piece, also where the secret ends in a repeating run (`…0000`).
 */
function cutPattern(secret: string, atEnd: boolean): string {
  const chars = [...secret].map(char => charwise(char))
  if (atEnd) {
    const rest = chars.slice(MIN_FRAGMENT).reduceRight((inner, c) => `(?:${c}${inner})?`, '')
    return chars.slice(0, MIN_FRAGMENT).join('') + rest
  }
  const lead = chars.slice(0, -MIN_FRAGMENT).reduce((inner, c) => `(?:${inner}${c})?`, '')
  return lead + chars.slice(-MIN_FRAGMENT).join('')
}

/** The characters every escaped form of a character starts with (`+` is a form-encoded space). */
const ESCAPE_START = /[\\%&+]/

/** The secret and its base64 forms; each is then matched character by character. */
function wholeForms(secret: string): string[] {
  const base64 = Buffer.from(secret, 'utf8').toString('base64')
  const unpadded = [base64, ...base64Cores(secret)].map(form => form.replace(/=+$/, ''))
  const urlSafe = unpadded.map(form => form.replace(/\+/g, '-').replace(/\//g, '_'))
  return [secret, base64, ...unpadded, ...urlSafe].filter(form => form !== '')
}

/** Below this length a base64 core could match ordinary text; the whole forms still apply. */
const MIN_CORE = 12

/**
 * The base64 characters a secret always becomes inside a longer base64 text (a token or a
 * body that embeds it), at each of the three byte alignments: the characters that depend on
 * neither the bytes before it nor those after. They are found by encoding the secret between
 * all-zero and all-one neighbours: a character that takes any bit from a neighbour differs.
 */
function base64Cores(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8')
  const cores: string[] = []
  for (const before of [0, 1, 2]) {
    const encode = (fill: number) =>
      Buffer.concat([Buffer.alloc(before, fill), bytes, Buffer.alloc(2, fill)])
        .toString('base64')
        .replace(/=+$/, '')
    const low = encode(0x00)
    const high = encode(0xff)
    let start = 0
    while (start < low.length && low[start] !== high[start]) start++
    let end = low.length
    while (end > start && low[end - 1] !== high[end - 1]) end--
    if (end - start >= MIN_CORE) cores.push(low.slice(start, end))
  }
  return cores
}

// HTML's named references.
const NAMES: Record<string, string> = { '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }

/** A regex source matching `form` with each character as it is or in any escaped form. */
function charwise(form: string): string {
  return [...form].map(char => `(?:${charForms(char).join('|')})`).join('')
}

function charForms(char: string): string[] {
  const code = char.codePointAt(0) ?? 0
  // JSON's short escapes (`\n`, `\"`) and `\/`, HTML's named references, `+` for a space;
  // the character as it is last, so that an escape is read whole.
  const literal = new Set([
    JSON.stringify(char).slice(1, -1),
    char === '/' ? '\\/' : char,
    NAMES[char] ? `&${NAMES[char]};` : char,
    char === ' ' ? '+' : char
  ])
  literal.delete(char)
  return [
    // JSON: \u00XX (surrogate pairs for characters beyond the BMP).
    char.replace(/[^]/g, unit => `\\\\u${hexPattern(unit.charCodeAt(0), 4)}`),
    // Percent-encoding of the UTF-8 bytes.
    [...Buffer.from(char, 'utf8')].map(byte => `%${hexPattern(byte, 2)}`).join(''),
    // HTML character references, decimal and hex, with optional leading zeros.
    `&#0*${code};`,
    `&#[xX]0*${hexPattern(code, 1)};`,
    ...[...literal, char].map(text => text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&'))
  ]
}

/** `n` in hex, at least `width` digits, either case: 0x2f gives `2[fF]`. */
function hexPattern(n: number, width: number): string {
  return [...n.toString(16).padStart(width, '0')]
    .map(d => (/[a-f]/.test(d) ? `[${d}${d.toUpperCase()}]` : d))
    .join('')
}
