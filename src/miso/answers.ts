// Reading Miso's answers: task status, delete answers, ID listings, and Miso's own words in an
// error answer. None of them throws.
//
// Task status
// Reads one answer of `GET /v1/products/_status/{task_id}`. Its body is not documented, so
// the reading is defensive: a few fixed rules, applied in order, decide what an answer means,
// and anything they cannot place is 'unknown' (the poller keeps polling) rather than a guess.
//
// HTTP status first:
//   404                        'not-registered' (the task is not known yet)
//   0 (no answer), 429, 5xx    'unknown', transient: the poller retries, see http-policy.ts
//   3xx, other 4xx             'failed': asking again would get the same refusal (401/403 stop
//                              the whole run, see deletion.ts)
//   1xx                        'unknown'
//   2xx, body not a JSON object 'unknown' ("not a JSON object: ...")
// Then, in the JSON object, the first rule that applies:
//   1. failure: `errors: true` (top level or `data`), a non-empty `errors` array (`data.errors`
//      or top level), or a failure word at any of the status places below. Any failure signal
//      wins, as reporting a false failure is safer than reporting a false success.
//   2. the status word: the first non-empty string at `data.status`, `data.state`, `status`,
//      `state`, trimmed, lower-cased, with spaces and hyphens read as `_` ("In Progress" is
//      `in_progress`). Running, success and failure words are listed below; any other word is
//      'unknown' with `word` set.
//   3. a boolean `data.finished`, else `finished`: true succeeded, false running.
//   4. none of these markers: succeeded (the endpoint knows the task and reports nothing pending).
//
// Counts, from the top-level object and then `data` (which wins a clash), key by key:
//   `name: { count: N }` and `name_count: N` (also `nameCount`) give `name`;
//   `name: N` gives `name`, unless the name says it is no count (a status, code, id, version,
//   time or duration, see NOT_COUNT). N must be a whole number >= 0; names are snake_case.
//
// Reading never throws: it looks at most a few levels into the body, so a hostile answer
// (`{"errors":[[[...100,000 deep...]]]}`) cannot exhaust the stack.

import http from 'node:http'
import { classifyStatus } from '../http-policy.js'
import { idOfValue } from '../ids/id-value.js'
import { isObject, type JsonObject, objectOrEmpty, parseJsonOrUndefined } from '../json.js'
import type { Counts, MisoFailure, StatusAnswer, TaskReading, TaskState } from './types.js'

const RUNNING_WORDS =
  /^(pending|queued|waiting|created|scheduled|accepted|running|processing|in_progress|started)$/
const SUCCESS_WORDS = /^(done|completed|complete|success|succeeded|finished|ok|deleted)$/
const FAILURE_WORDS = /^(failed|failure|error|errored|cancelled|canceled|aborted)$/

const NOT_COUNT =
  /^(status|state|code|http_status|version|timestamp|time|took|elapsed|duration|progress|percent)$|_(at|id|code|version|time|ts|ms|seconds)$/

/** Length of body excerpts in notes. */
const EXCERPT = 80

export function readTaskStatus({ httpStatus, body }: StatusAnswer): TaskReading {
  const policy = classifyStatus(httpStatus)
  if (httpStatus === 404) return reading('not-registered', 'not registered yet')
  if (httpStatus === 0) return reading('unknown', `no answer: ${excerpt(body)}`)
  if (policy === 'retry' || httpStatus < 200 || httpStatus > 599) {
    const kind = httpStatus === 429 ? ' (rate limited)' : ''
    return reading('unknown', `HTTP ${httpStatus}${kind}: ${excerpt(body)}`)
  }
  if (policy !== 'ok') {
    // Asking again would get the same refusal.
    const note =
      httpStatus < 400
        ? `status request redirected (HTTP ${httpStatus}); set api-url to the API's own address`
        : `status request refused (HTTP ${httpStatus}): ${excerpt(misoMessage(httpStatus, body))}`
    return reading('failed', note)
  }

  const top = parseJsonOrUndefined(body)
  if (!isObject(top)) return reading('unknown', `not a JSON object: ${excerpt(body)}`)
  const data = isObject(top.data) ? top.data : undefined
  const counts = countsOf(top)

  if (top.errors === true || data?.errors === true) return reading('failed', 'errors: true', counts)
  const list = [data?.errors, top.errors].find(value => Array.isArray(value) && value.length > 0)
  if (Array.isArray(list)) {
    const note = `${list.length} error${list.length === 1 ? '' : 's'}: ${excerpt(shortJson(list))}`
    return reading('failed', note, counts)
  }

  const words = [data?.status, data?.state, top.status, top.state].flatMap(value => {
    const word = typeof value === 'string' ? value.trim().toLowerCase() : ''
    return word ? [word.replace(/[\s-]+/g, '_')] : []
  })
  const word = words.find(found => FAILURE_WORDS.test(found)) ?? words[0]
  if (word !== undefined) {
    if (FAILURE_WORDS.test(word)) return { state: 'failed', word, counts, note: `status "${word}"` }
    if (RUNNING_WORDS.test(word)) return { state: 'running', word, counts }
    if (SUCCESS_WORDS.test(word)) return { state: 'succeeded', word, counts }
    return { state: 'unknown', word, counts, note: `unknown status word "${word}"` }
  }

  const finished = typeof data?.finished === 'boolean' ? data.finished : top.finished
  if (typeof finished === 'boolean') return { state: finished ? 'succeeded' : 'running', counts }

  return { state: 'succeeded', counts }
}

/** One line for the log, e.g. `succeeded "done" [deleted 3, not_found 1]`. */
export function describeReading(r: TaskReading): string {
  const word = r.word !== undefined && r.note === undefined ? ` "${r.word}"` : ''
  const note = r.note !== undefined ? `: ${r.note}` : ''
  return `${r.state}${word}${note}${countsText(r.counts)}`
}

/** ` [deleted 3, not_found 1]`, or nothing without counts. */
export function countsText(counts: Counts): string {
  const entries = Object.entries(counts)
  return entries.length > 0 ? ` [${entries.map(([k, n]) => `${k} ${n}`).join(', ')}]` : ''
}

function reading(state: TaskState, note?: string, counts: Counts = {}): TaskReading {
  return { state, counts, note }
}

/**
 * The counts of an answer (a status body or a delete answer), by the rules above: top level
 * first, then `data`, which wins a clash.
 */
export function countsOf(top: JsonObject): Counts {
  const data = isObject(top.data) ? Object.entries(top.data) : []
  const counts: Counts = {}
  for (const [rawKey, value] of [...Object.entries(top).filter(([k]) => k !== 'data'), ...data]) {
    const key = rawKey.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase()
    if (key.endsWith('_count') && key.length > 6 && isCount(value)) counts[key.slice(0, -6)] = value
    else if (isCount(value) && !NOT_COUNT.test(key)) counts[key] = value
    else if (isObject(value) && isCount(value.count)) counts[key] = value.count
  }
  return counts
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
}

/** Compact JSON of `value`, at most 8 levels (deeper ones show as `[…]` / `{…}`). */
function shortJson(value: unknown): string {
  const clip = (item: unknown, depth: number): unknown => {
    if (!isObject(item) && !Array.isArray(item)) return item
    if (depth >= 8) return Array.isArray(item) ? '\0[…]' : '\0{…}'
    // Every entry shows as one character at least: more than EXCERPT are never seen.
    const entries = Object.entries(item).slice(0, EXCERPT + 1)
    const clipped = entries.map(([key, field]) => [key, clip(field, depth + 1)] as const)
    return Array.isArray(item) ? clipped.map(([, field]) => field) : Object.fromEntries(clipped)
  }
  return JSON.stringify(clip(value, 0)).replace(/"\\u0000(\[…\]|\{…\})"/g, '$1')
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat === '') return '(empty body)'
  return flat.length > EXCERPT ? `${flat.slice(0, EXCERPT)}...` : flat
}

// Miso's own words in an error answer, for messages: the client, the status reader and the
// deletion's report all quote it the same way.

/** The message of a thrown value. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** `HTTP 400: message`, or the message alone when there was no answer. */
export function failureText(failure: MisoFailure): string {
  return (failure.httpStatus !== undefined ? `HTTP ${failure.httpStatus}: ` : '') + failure.message
}

/**
 * Miso's message in an error answer: `message`, else FastAPI's `detail`, else the HTTP
 * status text. Also used for status polls refused by a wrong key.
 */
export function misoMessage(status: number, text: string, statusText = ''): string {
  const body = parseJsonOrUndefined(text)
  if (isObject(body)) {
    // The spec's own 400 example spells the field `message:`.
    const said = ['message', 'message:', 'error', 'detail'].map(key => body[key])
    const text = said.find(value => typeof value === 'string' && value.trim() !== '')
    if (typeof text === 'string') return text.trim()
    const { detail } = body
    if (Array.isArray(detail) && detail.length > 0) {
      // FastAPI validation detail as `body.data.product_ids.3: str type expected; …`, five at
      // most: the rest are counted.
      const parts = detail.slice(0, 5).map(item => {
        const entry = objectOrEmpty(item)
        const loc = Array.isArray(entry.loc) ? entry.loc.map(String).join('.') : ''
        const msg = typeof entry.msg === 'string' ? entry.msg : JSON.stringify(item)
        return loc ? `${loc}: ${msg}` : msg
      })
      return parts.join('; ') + (detail.length > 5 ? ` (and ${detail.length - 5} more)` : '')
    }
  }
  return statusText || http.STATUS_CODES[status] || `HTTP ${status}`
}

// Reads a 2xx answer of `POST /v1/{products|users}/_delete`. Miso answers in one of three
// forms, and the batch's fate depends on which:
//
//   - `data.task_id`, with or without counts: accepted; the task is polled.
//   - no task ID, but deletion counts (`deleted.count` / `not_found.count`, under `data` or
//     not, which Miso's own SDK reads from this answer): done at once, nothing to poll.
//   - neither (or not JSON, or a task ID that is no usable path segment): not an answer;
//     retried like a 5xx, as deleting is idempotent.
//
// Counts are read by the one counts rule above, so a batch's counts mean the same
// whichever answer carried them.

/** The task (none: done at once) and counts of a delete answer, or why it is not one. */
export function readDeleteAnswer(body: string, contentType: string | null) {
  const parsed = parseJsonOrUndefined(body)
  const type = contentType ? ` (${contentType.split(';')[0]})` : ''
  if (parsed === undefined) return `answer is not JSON${type}`
  if (!isObject(parsed)) return 'answer is not a JSON object'
  const counts = countsOf(parsed)
  const taskId = isObject(parsed.data) ? parsed.data.task_id : undefined
  if (taskId !== undefined && taskId !== null) {
    // Every character is percent-encoded into one path segment, but `.` and `..` stay dot
    // segments, which a URL resolves away (`..` would poll `/v1/products/` itself, with the key).
    const trimmed = typeof taskId === 'string' ? taskId.trim() : undefined
    if (trimmed === undefined || trimmed === '' || trimmed === '.' || trimmed === '..') {
      const what = trimmed === undefined ? `a ${typeof taskId}` : trimmed ? `"${trimmed}"` : 'empty'
      return `answer has an unusable data.task_id (${what})`
    }
    return { taskId: taskId as string | undefined, counts }
  }
  // The counts that say what a delete did: any one of them makes an answer without a task final.
  if (counts.deleted !== undefined || counts.not_found !== undefined) return { counts }
  return 'answer has no data.task_id and no deletion counts'
}

// Reads an answer of `GET /v1/{products|users}/_ids`: `{"data":{"ids":[...]}}`, as Miso's own
// SDK reads it. Reconcile deletes what this list holds and the repository does not, so the
// reading is strict: anything but an array of strings under `data.ids` is refused, naming the
// first problem, and no ID is guessed.

/** The IDs listed, or the first problem (a string). */
export function readIdListing(body: string): string[] | string {
  const parsed = parseJsonOrUndefined(body)
  if (parsed === undefined) return 'the answer is not JSON'
  if (!isObject(parsed)) return 'the answer is not a JSON object'
  if (!isObject(parsed.data)) return 'the answer has no `data` object'
  const list = parsed.data.ids
  if (list === undefined) return '`data.ids` is missing'
  if (!Array.isArray(list)) return `\`data.ids\` is ${kindOf(list)}, not an array`
  for (let i = 0; i < list.length; i++) {
    const value: unknown = list[i]
    if (typeof value !== 'string') return `\`data.ids\` item ${i} is ${kindOf(value)}, not a string`
    // Taken exactly as Miso lists it (idOfValue keeps a string): a trimmed ID would name
    // another record than the listed one.
    const id = idOfValue(value)
    if (typeof id !== 'string') return `\`data.ids\` item ${i}: ${id.problem}`
  }
  return list as string[]
}

function kindOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`
}
