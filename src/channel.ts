// The one text-safety layer. Every channel the action writes to goes through here, in one order:
//
//   redact (every form of every secret, redact.ts) → bound (one cut policy, bound())
//   → escape or neutralise (the channel's own syntax: Markdown, JSON, workflow commands)
//
// Files and outputs hold whole values, so they take the redacted report; the job summary and
// the pull request comment show values to people, so they take the shown report (redacted and
// bounded) and escape it themselves (markdown.ts); log lines and annotations take logLine().
// CONTROL is the one rule for control characters: IDs holding one are refused (plan.ts), the
// log escapes them, Markdown turns them into spaces.
import { proxySecretsIn } from './miso/proxy.js'
import { redactor } from './redact.js'

/** Characters of one value shown to people: an ID, task ID, file name, status word, count key. */
export const VALUE_LIMIT = 256
/** Characters of one message shown to people: an error, Miso's message, a note. */
export const MESSAGE_LIMIT = 2000
/** Characters of one log line or annotation. */
export const LINE_LIMIT = 4000

/** C0 (tab included), DEL, C1, and the Unicode line and paragraph separators. */
// eslint-disable-next-line no-control-regex
export const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g

/** Report fields that hold messages (sentences around values) rather than single values. */
const MESSAGE_FIELDS = new Set(['message', 'error', 'notes', 'dryRunReason', 'stoppedBy', 'note'])

/** What each channel of a run takes its text through (see runChannel). */
export type Channel = ReturnType<typeof runChannel>

/** The channel for a run: the key as given and as used, and any proxy credentials in `env`. */
export function runChannel(apiKey: string, env: NodeJS.ProcessEnv) {
  const redact = redactor([apiKey, apiKey.trim(), ...proxySecretsIn(env)])
  return {
    /** Every form of every secret masked: for files and outputs, which keep whole values. */
    redact,
    /** The value with every string (and object key) redacted, for files and outputs. */
    redacted: <T>(value: T): T => mapStrings(value, redact),
    /** The redacted report with every value bounded, for the summary and the comment. */
    shown: <T>(report: T): T =>
      mapStrings(report, (text, field) =>
        bound(text, MESSAGE_FIELDS.has(field ?? '') ? MESSAGE_LIMIT : VALUE_LIMIT)
      ),
    /** One value shown to people (an ID in a listing): redacted, then cut to VALUE_LIMIT. */
    value: (text: string) => bound(redact(text), VALUE_LIMIT),
    /** One line for the log or an annotation: redacted, bounded, neutralised. */
    logLine: (text: string) => neutralise(bound(redact(text), LINE_LIMIT))
  }
}

/**
 * `text` cut to at most `max` characters, the cut marked with `…` and the length left out.
 * The end is kept too (a third of the room), since a message's end often says what it means.
 */
export function bound(text: string, max: number): string {
  if (text.length <= max) return text
  const marker = `…[${text.length - max} more characters]…`
  const room = Math.max(0, max - marker.length)
  const tail = Math.floor(room / 3)
  return safeSlice(text, 0, room - tail) + marker + safeSlice(text, text.length - tail)
}

/**
 * A log line that the runner reads as text only: control characters escaped as in JSON (the
 * line stays one line), a leading `::` escaped as `\::` and the old `##[` prefix as `##\[`.
 */
export function neutralise(line: string): string {
  return line
    .replace(CONTROL, c => {
      const json = JSON.stringify(c).slice(1, -1)
      return json.length > 1 ? json : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
    })
    .replace(/^(\s*)::/, '$1\\::')
    .replace(/##\[/g, '##\\[')
}

/**
 * A copy of `value` with `f` applied to every string in it, at any depth (arrays and plain
 * objects), object keys included; `f` also gets the name of the nearest property holding the
 * string. Parts in which nothing changed are shared, not copied: a million clean IDs cost one
 * pass and no new array.
 */
function mapStrings<T>(value: T, f: (text: string, field?: string) => string, field?: string): T {
  if (typeof value === 'string') return f(value, field) as T
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined
    for (let i = 0; i < value.length; i++) {
      const mapped = mapStrings(value[i], f, field)
      if (mapped !== value[i]) (copy ??= value.slice())[i] = mapped
    }
    return (copy ?? value) as T
  }
  const proto: unknown = value !== null && typeof value === 'object' && Object.getPrototypeOf(value)
  if (proto !== Object.prototype && proto !== null) return value
  let copy: Record<string, unknown> | undefined
  for (const [key, item] of Object.entries(value as object)) {
    const mapped = mapStrings(item, f, key)
    const mappedKey = f(key)
    if (mapped === item && mappedKey === key) continue
    copy ??= { ...(value as object) }
    if (mappedKey !== key) delete copy[key]
    copy[mappedKey] = mapped
  }
  return (copy ?? value) as T
}

/** slice() that never leaves half of a surrogate pair at either end. */
function safeSlice(text: string, start: number, end = text.length): string {
  const low = (at: number) => text.charCodeAt(at) >= 0xdc00 && text.charCodeAt(at) <= 0xdfff
  const from = start > 0 && low(start) ? start + 1 : start
  const to = end < text.length && end > from && low(end) ? end - 1 : end
  return text.slice(from, to)
}
