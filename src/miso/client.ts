// The HTTP client for Miso's bulk delete and task status endpoints: authentication,
// retries with back-off, the shared throttle, time-outs, proxies, and keeping the API key
// out of every message and body it hands back.

import http from 'node:http'
import fetch, { type Response } from 'node-fetch'
import pkg from '../../package.json' with { type: 'json' }
import type { Log } from '../log.js'
import { redactor } from '../redact.js'
import { agentFor, describeProxy, proxyFor, proxySecrets, proxyVariableFor } from './proxy.js'
import { abortableSleep, type Sleep, Throttle } from './throttle.js'
import { readDeleteAnswer } from './delete-answer.js'
import { readIdListing } from './id-listing.js'
import { misoMessage } from './message.js'
import { classifyStatus, parseRetryAfter, retryDelay } from '../http-policy.js'
import type {
  DeleteOutcome,
  ListOutcome,
  MisoApi,
  MisoFailure,
  RecordType,
  StatusAnswer
} from './types.js'

export interface MisoClientOptions {
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
  userAgent?: string
  /** Retries, rate limits and the proxy in use, each line already redacted. */
  log: Log
  random?: () => number
  sleep?: Sleep
}

/** Answers are read up to this size, so a hostile or broken answer cannot exhaust memory. */
const MAX_BODY_BYTES = 1024 * 1024
/**
 * An ID listing is read up to this size: a million IDs of 40 characters are about 45 MB. A
 * longer one fails the reconcile rather than being read in part.
 */
const MAX_LISTING_BYTES = 256 * 1024 * 1024
/** Longest server message kept; HTML error pages can be long. */
const MAX_MESSAGE_CHARS = 500
/** The routes of one record type, e.g. `/v1/users/_delete`. */
function routesFor(recordType: RecordType) {
  return {
    delete: `/v1/${recordType}/_delete`,
    status: `/v1/${recordType}/_status/`,
    ids: `/v1/${recordType}/_ids`,
    /** The delete body's list: `product_ids` or `user_ids`. */
    idsKey: recordType === 'users' ? 'user_ids' : 'product_ids'
  }
}

/** One HTTP answer, body read (up to MAX_BODY_BYTES) and redacted. */
interface Answer {
  status: number
  statusText: string
  headers: Response['headers']
  body: string
  /** The body as received, never kept or shown: a key-like run inside must not hide a task_id. */
  raw: string
  /** The body was longer than MAX_BODY_BYTES and was cut. */
  cut: boolean
}

type Exchange =
  { kind: 'answer'; answer: Answer } | { kind: 'error'; reason: string } | { kind: 'cancelled' }

type Attempt =
  | {
      kind: 'accepted'
      taskId?: string
      counts: Record<string, number>
      httpStatus: number
      body: string
    }
  | { kind: 'retry'; failure: MisoFailure; body?: string; retryAfterMs?: number }
  | { kind: 'final'; failure: MisoFailure; body: string }
  | { kind: 'cancelled' }

export class MisoClient implements MisoApi {
  readonly throttle: Throttle

  private readonly apiUrl: string
  private readonly basePath: string
  private readonly agent: http.Agent | undefined
  private readonly redact: (text: string) => string
  /** The variable naming the proxy in use, for the message of a 407. */
  private readonly proxyVariable: string | undefined
  private readonly userAgent: string
  private readonly random: () => number
  private readonly sleep: Sleep
  private readonly routes: ReturnType<typeof routesFor>

  /** Throws when the proxy settings are unusable (naming the variable, never its value). */
  constructor(private readonly options: MisoClientOptions) {
    this.apiUrl = options.apiUrl.replace(/\/+$/, '')
    this.basePath = new URL(this.apiUrl).pathname.replace(/\/+$/, '')
    const env = options.env ?? process.env
    const proxy = proxyFor(this.apiUrl, env)
    this.redact = redactor([options.apiKey, ...(proxy ? proxySecrets(proxy) : [])])
    this.agent = agentFor(this.apiUrl, env)
    this.proxyVariable = proxyVariableFor(this.apiUrl, env)
    this.userAgent = options.userAgent ?? `miso-bulk-delete/${pkg.version}`
    this.random = options.random ?? Math.random
    this.sleep = options.sleep ?? abortableSleep
    this.routes = routesFor(options.recordType ?? 'products')
    this.throttle = new Throttle(options.concurrency, { sleep: this.sleep })
    if (proxy) {
      this.log(`Reaching ${new URL(this.apiUrl).host} through proxy ${describeProxy(proxy)}`)
    }
  }

  async deleteProducts(ids: readonly string[], signal: AbortSignal): Promise<DeleteOutcome> {
    const body = JSON.stringify({ data: { [this.routes.idsKey]: ids } })
    const retries = Math.max(0, Math.floor(this.options.retries))
    let attempts = 0
    for (;;) {
      if (signal.aborted) return cancelled('cancelled before the request was sent')
      const attempt = await this.attemptDelete(body, signal, () => attempts++)
      switch (attempt.kind) {
        case 'accepted':
          return {
            ok: true,
            ...(attempt.taskId !== undefined ? { taskId: attempt.taskId } : {}),
            counts: attempt.counts,
            httpStatus: attempt.httpStatus,
            body: attempt.body
          }
        case 'final':
          return { ok: false, failure: attempt.failure, body: attempt.body }
        case 'cancelled':
          return cancelled('cancelled before Miso answered')
      }
      const reason = this.forLog(attempt.failure)
      if (attempts > retries) {
        if (retries > 0) this.log(`${reason}; giving up after ${attempts} attempts`)
        return { ok: false, failure: attempt.failure, body: attempt.body }
      }
      const delay = this.retryDelay(attempts - 1, attempt.retryAfterMs)
      this.log(`${reason}; retry ${attempts} of ${retries} in ${seconds(delay)}`)
      try {
        await this.sleep(delay, signal)
      } catch {
        const last = explain(attempt.failure)
        return cancelled(`cancelled while waiting to retry (last answer: ${last})`)
      }
    }
  }

  async getStatus(taskId: string, signal: AbortSignal): Promise<StatusAnswer> {
    try {
      // Polls are limited by the caller, but a 429 pause holds for them too.
      await this.throttle.waitForPause(signal)
    } catch {
      return { httpStatus: 0, body: 'cancelled before the request was sent' }
    }
    const path = this.routes.status + encodeURIComponent(taskId)
    const exchange = await this.exchange('GET', path, undefined, signal)
    if (exchange.kind === 'cancelled') {
      return { httpStatus: 0, body: 'cancelled before Miso answered' }
    }
    if (exchange.kind === 'error') return { httpStatus: 0, body: exchange.reason }
    const { answer } = exchange
    if (answer.status === 429) this.rateLimited(`GET ${this.basePath}${path}`, answer)
    // The proxy's own answer says nothing about the task: the message says what to fix.
    if (answer.status === 407) {
      return { httpStatus: 407, body: JSON.stringify({ message: this.proxyRefusal() }) }
    }
    return { httpStatus: answer.status, body: answer.body }
  }

  /**
   * Every ID Miso lists for the record type (`GET /v1/{type}/_ids`, `?type=` when given).
   * Retried like a status poll: no answer (a cut-off body included), 429 and 5xx, up to
   * `retries` times with back-off. Any other answer that is not a readable list fails at once.
   */
  async listIds(productType: string, signal: AbortSignal): Promise<ListOutcome> {
    const path = this.routes.ids + (productType ? `?type=${encodeURIComponent(productType)}` : '')
    const shown = `GET ${this.basePath}${this.routes.ids}`
    const retries = Math.max(0, Math.floor(this.options.retries))
    const cancelled = (attempts: number): ListOutcome => ({
      ok: false,
      failure: { message: 'cancelled', fatal: false },
      attempts
    })
    for (let attempts = 1; ; attempts++) {
      try {
        await this.throttle.waitForPause(signal)
      } catch {
        return cancelled(attempts - 1)
      }
      const exchange = await this.exchange('GET', path, undefined, signal, MAX_LISTING_BYTES)
      if (exchange.kind === 'cancelled') return cancelled(attempts)
      let failure: MisoFailure
      let retryAfterMs: number | undefined
      if (exchange.kind === 'error') {
        failure = { message: exchange.reason, fatal: false }
      } else {
        const { answer } = exchange
        const { status } = answer
        if (status >= 200 && status < 300) {
          // The IDs as sent (before redaction): they are what gets deleted.
          const listing = answer.cut
            ? {
                ok: false as const,
                problem: `the answer is larger than ${MAX_LISTING_BYTES} bytes`
              }
            : readIdListing(answer.raw)
          if (listing.ok) return { ok: true, ids: listing.ids }
          return {
            ok: false,
            failure: { httpStatus: status, message: listing.problem, fatal: false },
            attempts
          }
        }
        const refused = this.refusal(answer, shown)
        if (refused.kind !== 'retry') return { ok: false, failure: refused.failure, attempts }
        failure = refused.failure
        retryAfterMs = refused.retryAfterMs
      }
      if (attempts > retries) return { ok: false, failure, attempts }
      const delay = this.retryDelay(attempts - 1, retryAfterMs)
      const reason =
        failure.httpStatus === undefined ? failure.message : `${shown}: ${explain(failure)}`
      this.log(`${reason}; retry ${attempts} of ${retries} in ${seconds(delay)}`)
      try {
        await this.sleep(delay, signal)
      } catch {
        return cancelled(attempts)
      }
    }
  }

  /** One delete request inside a throttle slot, read into what to do next. */
  private async attemptDelete(
    body: string,
    signal: AbortSignal,
    onSend: () => void
  ): Promise<Attempt> {
    let release: () => void
    try {
      release = await this.throttle.acquire(signal)
    } catch {
      return { kind: 'cancelled' }
    }
    try {
      onSend()
      const exchange = await this.exchange('POST', this.routes.delete, body, signal)
      if (exchange.kind === 'cancelled') return exchange
      if (exchange.kind === 'error') {
        return { kind: 'retry', failure: { message: exchange.reason, fatal: false } }
      }
      return this.readDeleteAnswer(exchange.answer)
    } finally {
      // After readDeleteAnswer, so a 429's pause is in force before the slot is handed on.
      release()
    }
  }

  private readDeleteAnswer(answer: Answer): Attempt {
    const { status, body } = answer
    if (status >= 200 && status < 300) {
      // Read before redacting: a key-like run inside must not hide a task_id.
      const read = answer.cut
        ? { kind: 'invalid' as const, reason: `answer larger than ${MAX_BODY_BYTES} bytes` }
        : readDeleteAnswer(answer.raw, answer.headers.get('content-type'))
      if (read.kind !== 'invalid') {
        this.throttle.onSuccess()
        const taskId = read.kind === 'task' ? { taskId: read.taskId } : {}
        return { kind: 'accepted', ...taskId, counts: read.counts, httpStatus: status, body }
      }
      // Deleting is idempotent, so an answer that accepts nothing is sent again.
      const failure = { httpStatus: status, message: read.reason, fatal: false }
      return { kind: 'retry', failure, body }
    }
    return { ...this.refusal(answer, `POST ${this.basePath}${this.routes.delete}`), body }
  }

  /** A non-2xx answer read by the one HTTP policy: retry (with its wait) or give up. */
  private refusal(
    answer: Answer,
    request: string
  ):
    | { kind: 'retry'; failure: MisoFailure; retryAfterMs?: number }
    | { kind: 'final'; failure: MisoFailure } {
    const { status } = answer
    const policy = classifyStatus(status)
    let message: string
    if (status === 407) message = this.proxyRefusal()
    else if (status >= 300 && status < 400) message = redirectMessage(answer, this.apiUrl)
    else message = misoMessage(status, answer.body, answer.statusText)
    const failure = {
      httpStatus: status,
      message: this.clean(message),
      fatal: policy === 'stops-run'
    }
    if (policy !== 'retry') return { kind: 'final', failure }
    const retryAfterMs =
      status === 429
        ? this.rateLimited(request, answer)
        : parseRetryAfter(answer.headers.get('retry-after'), Date.now())
    return { kind: 'retry', failure, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) }
  }

  /** Tells the throttle about a 429; returns the Retry-After wait, if any. */
  private rateLimited(request: string, answer: Answer): number | undefined {
    const retryAfterMs = parseRetryAfter(answer.headers.get('retry-after'), Date.now())
    this.throttle.onRateLimited(retryAfterMs)
    this.log(
      `${request}: rate limited (HTTP 429); ${this.throttle.limit} request(s) in flight at most`
    )
    return retryAfterMs
  }

  /**
   * Sends one request with its own time-out, also ended by the run's signal. Never throws:
   * network errors and time-outs come back as a redacted reason built from the path only.
   */
  private async exchange(
    method: 'GET' | 'POST',
    path: string,
    body: string | undefined,
    signal: AbortSignal,
    limit = MAX_BODY_BYTES
  ): Promise<Exchange> {
    if (signal.aborted) return { kind: 'cancelled' }
    const url = this.urlFor(path)
    const shown = `${method} ${this.basePath}${path}`
    const controller = new AbortController()
    let timedOut = false
    const onAbort = () => controller.abort()
    signal.addEventListener('abort', onAbort, { once: true })
    const timer = setTimeout(() => {
      timedOut = true
      controller.abort()
    }, this.options.requestTimeoutMs)
    let reading: number | undefined
    try {
      const response = await fetch(url, {
        method,
        headers: this.headers(body !== undefined),
        body,
        agent: this.agent,
        signal: controller.signal,
        // A redirect could carry the key elsewhere, or turn the POST into a GET.
        redirect: 'manual'
      })
      reading = response.status
      const { text, cut } = await readCapped(response.body, limit)
      return {
        kind: 'answer',
        answer: {
          status: response.status,
          statusText: response.statusText,
          headers: response.headers,
          body: this.clean(text, false),
          raw: text,
          cut
        }
      }
    } catch (error) {
      if (signal.aborted) return { kind: 'cancelled' }
      if (timedOut) {
        const limit = seconds(this.options.requestTimeoutMs)
        const reason = `${shown}: no complete answer within ${limit} (request-timeout)`
        return { kind: 'error', reason: this.clean(reason) }
      }
      let reason = networkReason(error).split(url).join(`${this.basePath}${path}`)
      if (reading !== undefined) reason = `answer cut off after HTTP ${reading}: ${reason}`
      return { kind: 'error', reason: this.clean(`${shown}: ${reason}`) }
    } finally {
      clearTimeout(timer)
      signal.removeEventListener('abort', onAbort)
    }
  }

  private urlFor(path: string): string {
    const url = new URL(this.apiUrl + path)
    if (this.options.authMode === 'query') url.searchParams.set('api_key', this.options.apiKey)
    return url.href
  }

  private headers(withBody: boolean): Record<string, string> {
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'User-Agent': this.userAgent
    }
    if (withBody) headers['Content-Type'] = 'application/json'
    if (this.options.authMode === 'header') headers['X-API-KEY'] = this.options.apiKey
    return headers
  }

  /** 407: the proxy wants (other) credentials, for every request alike. */
  private proxyRefusal(): string {
    const where = this.proxyVariable ?? 'the proxy variable (HTTPS_PROXY / HTTP_PROXY)'
    return `the proxy refused the request (Proxy Authentication Required): check the proxy credentials in ${where}`
  }

  private retryDelay(retryIndex: number, retryAfterMs: number | undefined): number {
    return retryDelay(retryIndex, retryAfterMs, this.random)
  }

  /** A delete failure with its request: network reasons name it already, HTTP ones do not. */
  private forLog(failure: MisoFailure): string {
    return failure.httpStatus === undefined
      ? failure.message
      : `POST ${this.basePath}${this.routes.delete}: ${explain(failure)}`
  }

  /** Redacts secrets and, for messages, cuts overly long text. */
  private clean(text: string, shorten = true): string {
    const safe = this.redact(text)
    return shorten && safe.length > MAX_MESSAGE_CHARS
      ? `${safe.slice(0, MAX_MESSAGE_CHARS)}…`
      : safe
  }

  /** Rare lines that explain a slow run: retries, rate limits, the proxy in use. */
  private log(message: string): void {
    this.options.log.info(this.redact(message))
  }
}

function cancelled(message: string): DeleteOutcome {
  return { ok: false, failure: { message, fatal: false } }
}

function redirectMessage(answer: Answer, apiUrl: string): string {
  const location = answer.headers.get('location')
  let target = 'elsewhere'
  if (location) {
    try {
      const url = new URL(location, apiUrl)
      target = `${url.origin}${url.pathname}`
    } catch {
      target = 'an unreadable location'
    }
  }
  return `redirected to ${target} (HTTP ${answer.status}); set api-url to the API's own address`
}

const NETWORK_CODES: Record<string, string> = {
  ECONNRESET: 'connection reset',
  ECONNREFUSED: 'connection refused',
  ECONNABORTED: 'connection aborted',
  EPIPE: 'connection closed while sending',
  ETIMEDOUT: 'connection timed out',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ERR_STREAM_PREMATURE_CLOSE: 'answer cut off'
}

/** A short reason for a network error, from its code where known. */
function networkReason(error: unknown): string {
  const code = errorCode(error)
  const known = code ? NETWORK_CODES[code] : undefined
  if (known) return `${known} (${code})`
  // node-fetch puts the whole URL (with the key, in query mode) before the reason.
  const message = (error instanceof Error ? error.message : String(error)).replace(
    /^request to .* failed, reason: /s,
    ''
  )
  return code ? `${message} (${code})` : message
}

function errorCode(error: unknown): string | undefined {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && code !== '') return code
  }
  return undefined
}

/** Reads a body up to `limit` bytes; the rest is dropped (and the connection closed). */
async function readCapped(
  body: NodeJS.ReadableStream | null,
  limit: number
): Promise<{ text: string; cut: boolean }> {
  if (!body) return { text: '', cut: false }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of body) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
    if (size + buffer.length > limit) {
      chunks.push(buffer.subarray(0, limit - size))
      return { text: Buffer.concat(chunks).toString('utf8'), cut: true }
    }
    chunks.push(buffer)
    size += buffer.length
  }
  return { text: Buffer.concat(chunks).toString('utf8'), cut: false }
}

function explain(failure: MisoFailure): string {
  return failure.httpStatus !== undefined
    ? `HTTP ${failure.httpStatus}: ${failure.message}`
    : failure.message
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`
}
