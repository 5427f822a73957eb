// Every channel the action writes to goes through here, always in one order:
//
//   redact (every form of every secret) → bound (every value cut to a sane length)
//   → escape or neutralise (the channel's own syntax: Markdown, JSON, workflow commands)
//
// Files and outputs hold whole values, so they take the redacted report; the job summary and
// the pull request comment show values to people, so they take the shown report (redacted and
// bounded) and escape it themselves; log lines and annotations take logLine(). A new channel
// picks one of these and cannot skip the redactor.
import { proxySecretsIn } from './miso/proxy.js'
import { mapStrings, redactor } from './redact.js'

/** Characters of one value shown to people: an ID, task ID, file name, status word, count key. */
export const VALUE_LIMIT = 256
/** Characters of one message shown to people: an error, Miso's message, a note. */
export const MESSAGE_LIMIT = 2000
/** Characters of one log line or annotation. */
export const LINE_LIMIT = 4000

/** Report fields that hold messages (sentences around values) rather than single values. */
const MESSAGE_FIELDS = new Set(['message', 'error', 'notes', 'dryRunReason', 'stoppedBy', 'note'])

/** A value every string of which went through the redactor. */
export type Redacted<T> = T & { readonly [redactedMark]: true }
declare const redactedMark: unique symbol

export interface Channel {
  /** Every form of every secret masked: for files and outputs, which keep whole values. */
  redact(text: string): string
  /**
   * The report with every string (and object key) redacted, for files and outputs. Lists in
   * `checked` that redacting left unchanged are taken as they are.
   */
  redacted<T>(report: T, checked?: CheckedLists): Redacted<T>
  /**
   * The redacted report with every value bounded, for the summary and the comment. It takes
   * the redacted report, so that a million IDs are redacted once per run, not once per use.
   */
  shown<T>(report: Redacted<T>, checked?: CheckedLists): Redacted<T>
  /** One value shown to people (an ID in a listing): redacted, then cut to VALUE_LIMIT. */
  value(text: string): string
  /** One line for the log or an annotation: redacted, bounded, neutralised. */
  logLine(text: string): string
}

/**
 * Lists of the report already passed through this channel's redactor elsewhere (the plan's
 * IDs, while their files were written): whether that changed none of their strings, and the
 * longest string. A million IDs are then not gone over again.
 */
export interface CheckedLists {
  lists: readonly (readonly string[])[]
  unchanged: boolean
  longest: number
}

/** The channel for a run: the key as given and as used, and any proxy credentials in `env`. */
export function runChannel(apiKey: string, env: NodeJS.ProcessEnv): Channel {
  return channelFor([apiKey, apiKey.trim(), ...proxySecretsIn(env)])
}

export function channelFor(secrets: readonly string[]): Channel {
  const redact = redactor(secrets)
  const limitOf = (field?: string) =>
    MESSAGE_FIELDS.has(field ?? '') ? MESSAGE_LIMIT : VALUE_LIMIT
  return {
    redact,
    redacted: <T>(report: T, checked?: CheckedLists) => {
      const clean = checked?.unchanged ? new Set(checked.lists) : undefined
      return mapStrings(
        report,
        text => redact(text),
        clean && (texts => clean.has(texts))
      ) as Redacted<T>
    },
    shown: <T>(report: Redacted<T>, checked?: CheckedLists) => {
      const short = new Set(checked && checked.longest <= VALUE_LIMIT ? checked.lists : [])
      return mapStrings(
        report,
        (text, field) => bound(text, limitOf(field)),
        (texts, field) => short.has(texts) || texts.every(text => text.length <= limitOf(field))
      )
    },
    value: text => bound(redact(text), VALUE_LIMIT),
    logLine: text => neutralise(bound(redact(text), LINE_LIMIT))
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
 * A log line that the runner reads as text only: no raw line break or other control
 * character (escaped as in JSON, so the line stays one line), a leading `::` escaped as `\::`
 * and the old `##[` command prefix as `##\[`, wherever the data in it came from.
 */
export function neutralise(line: string): string {
  return line
    .replace(CONTROL, c => SHORT_ESCAPES[c] ?? unicodeEscape(c))
    .replace(/^(\s*)::/, '$1\\::')
    .replace(/##\[/g, '##\\[')
}

/** Control characters bar the tab, and the Unicode line and paragraph separators. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f\u0085\u2028\u2029]/g
const SHORT_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\b': '\\b', '\f': '\\f' }

function unicodeEscape(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`
}

/** slice() that never leaves half of a surrogate pair at either end. */
function safeSlice(text: string, start: number, end = text.length): string {
  let from = start
  let to = end
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from++
  if (to < text.length && to > from && isLowSurrogate(text.charCodeAt(to))) to--
  return text.slice(from, to)
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}
