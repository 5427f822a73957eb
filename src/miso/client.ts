// The HTTP client for Miso's bulk delete and task status endpoints: authentication,
// retries with back-off, the shared throttle, time-outs, proxies, and keeping the API key
// out of every message and body it hands back.

import http from 'node:http'
import fetch, { type Response } from 'node-fetch'
import pkg from '../../package.json' with { type: 'json' }
import type { Log } from '../log.js'
import { bound, MESSAGE_LIMIT } from '../channel.js'
import { redactor } from '../redact.js'
import { agentFor, findProxy, proxyFor, proxySecrets } from './proxy.js'
import { abortableSleep, type Clock, Throttle } from './throttle.js'
import { errorText, failureText, misoMessage, readDeleteAnswer, readIdListing } from './answers.js'
import { isObject, type JsonObject, parseJsonOrUndefined } from '../json.js'
import { classifyStatus, parseRetryAfter, retryDelay, timeLimit } from '../http-policy.js'
import type { DeleteOutcome, ListOutcome, MisoApi, MisoFailure, MisoRefusal } from './types.js'
import type { RecordType, StatusAnswer } from './types.js'

export interface MisoClientOptions extends Clock {
  /** Base URL without a trailing slash; may carry a path prefix. */
  apiUrl: string
  apiKey: string
  authMode: 'header' | 'query'
  /** Which records the routes and the delete body name; default products. */
  recordType?: RecordType
  /** Retries per delete request (so retries + 1 attempts at most). */
  retries: number
  requestTimeoutMs: number
  /** Delete requests in flight at once, before any slow-down. */
  concurrency: number
  /** Where proxy settings are read; default process.env. */
  env?: NodeJS.ProcessEnv
  /** Retries, rate limits and the proxy in use, each line already redacted. */
  log: Log
  random?: () => number
}

/** Answers are read up to this size, so a hostile or broken answer cannot exhaust memory. */
const MAX_BODY_BYTES = 1024 * 1024
/**
 * An ID listing is read up to this size: a million IDs of 40 characters are about 45 MB. A
 * longer one fails the reconcile rather than being read in part.
 */
const MAX_LISTING_BYTES = 256 * 1024 * 1024

/**
 * One HTTP answer, body read (up to its cap, else `cut`) and redacted; `raw` is the body as
 * received, never kept or shown: a key-like run inside must not hide a task_id.
 */
type Answer = Pick<Response, 'status' | 'statusText' | 'headers'> & Capped & { body: string }
type Capped = { raw: string; cut: boolean }

/** What one attempt came to: an outcome, or a failure worth another attempt. */
type Failed =
  | { retry: MisoFailure; retryAfterMs?: number; body?: string }
  | { final: MisoFailure; body?: string }
type Verdict<T> = { done: T } | Failed

/** One record read for the backup: undefined when Miso has none (404). */
export type RecordOutcome = { ok: true; record: JsonObject | undefined } | MisoRefusal

type Tried = MisoRefusal & { attempts: number }
/** One request: `route` names it in messages, `path` (with the ID or query) is sent. */
type Request = { method: string; route: string; path: string; body?: string; limit?: number }

const BEFORE_SENT = 'cancelled before the request was sent'

export class MisoClient implements MisoApi {
  readonly throttle: Throttle

  private readonly apiUrl: string
  private readonly basePath: string
  /** `/v1/{type}`, the start of every route. */
  private readonly route: string
  private readonly agent: http.Agent | undefined
  private readonly redact: (text: string) => string
  /** 407: the proxy wants (other) credentials, for every request alike. */
  private readonly proxyRefusal: string

  /** Throws when the proxy settings are unusable (naming the variable, never its value). */
  constructor(private readonly options: MisoClientOptions) {
    this.apiUrl = options.apiUrl.replace(/\/+$/, '')
    const { host, pathname } = new URL(this.apiUrl)
    this.basePath = pathname.replace(/\/+$/, '')
    const env = options.env ?? process.env
    const proxy = proxyFor(this.apiUrl, env)
    this.redact = redactor([options.apiKey, ...(proxy ? proxySecrets(proxy) : [])])
    this.agent = agentFor(this.apiUrl, env)
    this.proxyRefusal = `the proxy refused the request (Proxy Authentication Required): check the proxy credentials in ${findProxy(this.apiUrl, env)?.name ?? 'the proxy variable (HTTPS_PROXY / HTTP_PROXY)'}`
    this.route = `/v1/${options.recordType ?? 'products'}`
    this.throttle = new Throttle(options.concurrency, options)
    if (proxy) this.log(`Reaching ${host} through proxy ${new URL(proxy).origin}`)
  }

  deleteProducts(ids: readonly string[], signal: AbortSignal): Promise<DeleteOutcome> {
    const idsKey = this.options.recordType === 'users' ? 'user_ids' : 'product_ids'
    return this.post(`${this.route}/_delete`, { data: { [idsKey]: ids } }, signal)
  }

  /** Uploads records (`POST /v1/{type}`, the undo's restore), answered like a delete. */
  uploadRecords(records: readonly object[], signal: AbortSignal): Promise<DeleteOutcome> {
    return this.post(this.route, { data: records }, signal)
  }

  /** A POST answered with a task or counts; deleting and uploading are both idempotent. */
  private post(path: string, data: object, signal: AbortSignal): Promise<DeleteOutcome> {
    const request = { method: 'POST', route: path, path, body: JSON.stringify(data) }
    return this.send<DeleteOutcome>(request, signal, answer => {
      const { status: httpStatus, body } = answer
      // Read before redacting: a key-like run inside must not hide a task_id.
      const read = answer.cut
        ? `answer larger than ${MAX_BODY_BYTES} bytes`
        : readDeleteAnswer(answer.raw, answer.headers.get('content-type'))
      // An answer that accepts nothing is sent again (the request is idempotent).
      if (typeof read === 'string')
        return { retry: { httpStatus, message: read, fatal: false }, body }
      return { done: { ok: true, ...read, httpStatus, body } }
    })
  }

  /**
   * One record (`GET /v1/{type}/{id}`, answered `{"data": {...}}`) for the undo's backup, read
   * from the redacted body so the key can never be in it; `undefined` when Miso answers 404 (it
   * has no such record). In a throttle slot and retried like a delete.
   */
  async getRecord(id: string, signal: AbortSignal): Promise<RecordOutcome> {
    // A URL collapses `.` and `..` segments, and servers may decode `%2F` before routing: the
    // answer would be for another path, and its 404 read as "no record".
    if (id === '.' || id === '..' || id.includes('/')) {
      const message =
        'the ID cannot be asked for as one URL path segment (`.`, `..` or `/`): set `backup: false` to delete it without a backup'
      return { ok: false, failure: { httpStatus: 0, message, fatal: false }, attempts: 0 }
    }
    const idKey = this.options.recordType === 'users' ? 'user_id' : 'product_id'
    const path = `${this.route}/${encodeURIComponent(id)}`
    const request = { method: 'GET', route: `${this.route}/{id}`, path }
    const outcome = await this.send<RecordOutcome>(request, signal, answer => {
      const data = answer.cut ? undefined : parseJsonOrUndefined(answer.body)
      const record = isObject(data) ? data.data : undefined
      // A record for another ID (or none) cannot undo this deletion: not deleted, fail closed.
      if (isObject(record) && record[idKey] === id) return { done: { ok: true, record } }
      const message = isObject(record)
        ? `the answer's record has no \`${idKey}\` equal to the ID asked for`
        : 'the answer holds no record at `data`'
      return { final: { httpStatus: answer.status, message, fatal: false } }
    })
    const missing = !outcome.ok && outcome.failure.httpStatus === 404
    return missing ? { ok: true, record: undefined } : outcome
  }

  async getStatus(taskId: string, signal: AbortSignal): Promise<StatusAnswer> {
    // Polls are limited by the caller, but a 429 pause holds for them too.
    await this.throttle.acquire(signal, false).catch(() => {})
    if (signal.aborted) return { httpStatus: 0, body: BEFORE_SENT }
    const path = `${this.route}/_status/${encodeURIComponent(taskId)}`
    const answer = await this.exchange({ method: 'GET', route: path, path }, signal)
    if (typeof answer === 'string') return { httpStatus: 0, body: answer }
    this.retryAfter(answer, `GET ${this.basePath}${path}`)
    // The proxy's own answer says nothing about the task: the message says what to fix.
    const body =
      answer.status === 407 ? JSON.stringify({ message: this.proxyRefusal }) : answer.body
    return { httpStatus: answer.status, body }
  }

  /**
   * Every ID Miso lists for the record type (`GET /v1/{type}/_ids`, `?type=` when given),
   * retried like a delete; an answer that is not a readable list fails at once.
   */
  listIds(productType: string, signal: AbortSignal): Promise<ListOutcome> {
    const route = `${this.route}/_ids`
    const path = route + (productType ? `?type=${encodeURIComponent(productType)}` : '')
    const request = { method: 'GET', route, path, limit: MAX_LISTING_BYTES }
    return this.send<ListOutcome>(request, signal, answer => {
      // The IDs as sent (before redaction): they are what gets deleted.
      const ids = answer.cut
        ? `the answer is larger than ${MAX_LISTING_BYTES} bytes`
        : readIdListing(answer.raw)
      if (typeof ids !== 'string') return { done: { ok: true, ids } }
      return { final: { httpStatus: answer.status, message: ids, fatal: false } }
    })
  }

  /**
   * Sends a request in a throttle slot until `read` takes a 2xx answer, retrying up to
   * `retries` times with back-off (the one HTTP policy). A cancellation ends it with a
   * failure that says when it came.
   */
  private async send<T>(
    request: Request,
    signal: AbortSignal,
    read: (answer: Answer) => Verdict<T>
  ): Promise<T | Tried> {
    const shown = `${request.method} ${this.basePath}${request.route}`
    const retries = Math.max(0, Math.floor(this.options.retries))
    const { random = Math.random, sleep = abortableSleep } = this.options
    const fail = (failure: MisoFailure, attempts: number, body?: string) =>
      ({ ok: false, failure, attempts, body }) as Tried
    for (let attempts = 1; ; attempts++) {
      let verdict: Verdict<T>
      try {
        const release = await this.throttle.acquire(signal)
        try {
          const answer = await this.exchange(request, signal)
          if (typeof answer === 'string') verdict = { retry: { message: answer, fatal: false } }
          else if (classifyStatus(answer.status) !== 'ok') verdict = this.refusal(answer, shown)
          else {
            this.throttle.onSuccess()
            verdict = read(answer)
          }
        } finally {
          // After reading the answer, so a 429's pause is in force before the slot is handed on.
          release()
        }
      } catch {
        // Only the throttle's waits throw, when the signal aborts.
        return fail({ message: BEFORE_SENT, fatal: false }, attempts - 1)
      }
      if (signal.aborted)
        return fail({ message: 'cancelled before Miso answered', fatal: false }, attempts)
      if ('done' in verdict) return verdict.done
      if ('final' in verdict) return fail(verdict.final, attempts, verdict.body)
      const failure = verdict.retry
      const reason =
        failure.httpStatus === undefined ? failure.message : `${shown}: ${failureText(failure)}`
      if (attempts > retries) {
        if (retries > 0) this.log(`${reason}; giving up after ${attempts} attempts`)
        return fail(failure, attempts, verdict.body)
      }
      const delay = retryDelay(attempts - 1, verdict.retryAfterMs, random)
      this.log(`${reason}; retry ${attempts} of ${retries} in ${seconds(delay)}`)
      await sleep(delay, signal).catch(() => {})
      if (signal.aborted) {
        const message = `cancelled while waiting to retry (last answer: ${failureText(failure)})`
        return fail({ message, fatal: false }, attempts)
      }
    }
  }

  /** A non-2xx answer read by the one HTTP policy: retry (with its wait) or give up. */
  private refusal(answer: Answer, request: string): Failed {
    const { status, body } = answer
    const policy = classifyStatus(status)
    let message = misoMessage(status, body, answer.statusText)
    if (status === 407) message = this.proxyRefusal
    else if (status >= 300 && status < 400) {
      const location = answer.headers.get('location') ?? ''
      const url = location && URL.canParse(location, this.apiUrl) && new URL(location, this.apiUrl)
      const target =
        (url ? url.origin + url.pathname : location && 'an unreadable location') || 'elsewhere'
      message = `redirected to ${target} (HTTP ${status}); set api-url to the API's own address`
    }
    const fatal = policy === 'stops-run'
    const failure = { httpStatus: status, message: this.clean(message), fatal }
    if (policy !== 'retry') return { final: failure, body }
    return { retry: failure, body, retryAfterMs: this.retryAfter(answer, request) }
  }

  /** The answer's `Retry-After` wait; a 429 also slows the throttle down (and is logged). */
  private retryAfter(answer: Answer, request: string): number | undefined {
    const now = this.options.now?.() ?? Date.now()
    const retryAfterMs = parseRetryAfter(answer.headers.get('retry-after'), now)
    if (answer.status !== 429) return retryAfterMs
    this.throttle.onRateLimited(retryAfterMs)
    const limit = this.throttle.limit
    this.log(`${request}: rate limited (HTTP 429); ${limit} request(s) in flight at most`)
    return retryAfterMs
  }

  /**
   * Sends one request with its own time-out, also ended by the run's signal. Never throws:
   * no answer (network error, time-out, cancellation) comes back as a redacted reason built
   * from the path only.
   */
  private async exchange(request: Request, signal: AbortSignal): Promise<Answer | string> {
    const { method, path, body, limit = MAX_BODY_BYTES } = request
    if (signal.aborted) return BEFORE_SENT
    const { apiKey, authMode, requestTimeoutMs } = this.options
    const url = new URL(this.apiUrl + path)
    if (authMode === 'query') url.searchParams.set('api_key', apiKey)
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'User-Agent': `miso-bulk-delete/${pkg.version}`,
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(authMode === 'header' ? { 'X-API-KEY': apiKey } : {})
    }
    const stop = timeLimit(requestTimeoutMs, signal)
    let reading: Response | undefined
    try {
      // A redirect could carry the key elsewhere, or turn the POST into a GET.
      const init = { method, headers, body, agent: this.agent, signal: stop.signal }
      const response = (reading = await fetch(url.href, { ...init, redirect: 'manual' }))
      const { raw, cut } = await readCapped(response.body, limit)
      const { status, statusText, headers: got } = response
      return { status, statusText, headers: got, body: this.redact(raw), raw, cut }
    } catch (error) {
      if (signal.aborted) return 'cancelled before Miso answered'
      let reason = `no complete answer within ${seconds(requestTimeoutMs)} (request-timeout)`
      if (!stop.signal.aborted) {
        reason = networkReason(error).split(url.href).join(`${this.basePath}${path}`)
        if (reading) reason = `answer cut off after HTTP ${reading.status}: ${reason}`
      }
      return this.clean(`${method} ${this.basePath}${path}: ${reason}`)
    } finally {
      stop.done()
    }
  }

  /** Redacts secrets and cuts overly long text, for messages. */
  private clean = (text: string): string => bound(this.redact(text), MESSAGE_LIMIT)

  /** Rare lines that explain a slow run: retries, rate limits, the proxy in use. */
  private log = (message: string): void => this.options.log.info(this.redact(message))
}

const NETWORK_CODES: Record<string, string> = {
  ECONNRESET: 'connection reset',
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  ERR_STREAM_PREMATURE_CLOSE: 'answer cut off'
}

/** A short reason for a network error, from its code where known. */
function networkReason(error: unknown): string {
  let e = error as { code?: unknown; cause?: unknown } | undefined
  while (e && !(typeof e.code === 'string' && e.code)) e = e.cause as typeof e
  const code = e?.code as string | undefined
  // node-fetch puts the whole URL (with the key, in query mode) before the reason.
  const message = errorText(error).replace(/^request to .* failed, reason: /s, '')
  return code ? `${NETWORK_CODES[code] ?? message} (${code})` : message
}

/** Reads a body up to `limit` bytes; the rest is dropped (and the connection closed). */
async function readCapped(body: NodeJS.ReadableStream | null, limit: number): Promise<Capped> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of body ?? []) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
    chunks.push(buffer)
    size += buffer.length
    if (size > limit) return { raw: Buffer.concat(chunks).subarray(0, limit).toString(), cut: true }
  }
  return { raw: Buffer.concat(chunks).toString(), cut: false }
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`
}
