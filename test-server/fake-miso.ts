// A local stand-in for Miso's bulk delete API, used by the tests, the demo and the benchmarks.
// It follows the OpenAPI text for `POST /v1/products/_delete` (auth, 422 validation shapes,
// the `{message, data: {task_id}}` answer) and gives the undocumented status endpoint a
// plausible body. Faults, latency and odd status answers can be scripted, and every request
// is recorded, so tests can check what a client sent and how it coped.
//
// Users are served the same way under `/v1/users/` (body `{"data":{"user_ids":[...]}}`), and
// `GET /v1/{products|users}/_ids` lists a type's catalog as `{"data":{"ids":[...]}}`, less
// what was deleted (`?type=` picks products of one type). The delete answer takes one of three
// forms (`answerForm`): a task only, a task plus the counts it will have, or the counts only
// (done at once, no task), as Miso's own SDK expects them.
//
// Records (`records`, by product ID): `GET /v1/products/{id}` answers `{"data": {...}}` (404
// when unknown or deleted); `POST /v1/products` with `{"data": [records]}` is answered with a
// task that, when done, stores them (and takes them out of `deleted`). Like Miso, an upload
// is refused (422, one `data.<i>.<field> is invalid. <why>` line each) when a record carries a
// field Miso computes (`product_group_id_or_product_id`, `category_path_*`) or a `price` that
// is not a number.
//
// Clock: every time below (`at`, `acceptedAt`, `doneAt`, the `now` given to `statusBody`) is
// milliseconds since the server started, on a monotonic clock.
//
// Tasks complete lazily: a task is done once its `doneAt` has passed, and its IDs join
// `deleted` the first time anything looks (reading `deleted`, or a status request) after that.
//
// The server acts when it answers: if the client has gone away by then (it timed out during
// the latency or a 'slow' fault), nothing is deleted and no task is created. So a client that
// gives up and retries leaves exactly one task per accepted batch.

import { randomUUID } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export type FaultKind =
  | '429'
  | '500'
  | '502'
  | '503'
  | 'reset'
  | 'hang'
  | 'slow'
  | 'truncated'
  | 'non-json'
  | 'no-task-id'
  | 'html'
  /** A listing without `data.ids`. */
  | 'no-ids'
  /** A listing whose `data.ids` holds a number and a null. */
  | 'non-string-ids'

export type Route = 'delete' | 'status' | 'ids' | 'record' | 'upload'

export type RecordType = 'products' | 'users'

/**
 * The delete answer: `task` `{data: {task_id}}`; `task+counts` adds the counts the task will
 * have; `counts` deletes at once and answers `{data: {deleted: {count}, not_found: {count}}}`
 * with no task; `mixed` takes the three in turn, one per accepted request.
 */
export type AnswerForm = 'task' | 'task+counts' | 'counts' | 'mixed'

export interface Fault {
  route: Route | 'any'
  kind: FaultKind
  /** Only requests to this path (without the prefix), e.g. one record's. */
  path?: string
  /** How many matching requests it applies to (default 1). */
  times?: number
  /** `Retry-After` header value sent with the error statuses (429, 500, 502, 503). */
  retryAfter?: string
  /** 'slow': answer normally after this delay (default 1000 ms). */
  delayMs?: number
}

/** Random faults for the CLI and the benchmarks, drawn from a seeded PRNG (repeatable). */
export interface FailRate {
  /** Share of requests answered 429 (0..1). */
  rate429?: number
  /** Share of requests answered 500, 502 or 503 (0..1). */
  rate5xx?: number
  seed?: number
}

export interface FakeTask {
  id: string
  recordType: RecordType
  /** The IDs sent (empty with `countOnly`, which keeps only `count`). */
  ids: string[]
  count: number
  acceptedAt: number
  doneAt: number
  /** An upload's records, stored when the task is done. */
  records?: Record<string, unknown>[]
}

export interface ScriptedAnswer {
  status: number
  body: string
  headers?: Record<string, string>
}

export interface RecordedRequest {
  method: string
  /** Path without the query. */
  path: string
  query: Record<string, string>
  /** Lower-case header names, as received. */
  headers: Record<string, string>
  /** The HTTP status answered; 0 while unanswered or when dropped (reset, hang, client gone). */
  status: number
  /** Arrival time. */
  at: number
  /** Number of IDs in a delete body, when it held an array. */
  ids?: number
}

export interface FakeMisoStats {
  deleteRequests: number
  statusRequests: number
  /** `_ids` listing requests. */
  idsRequests: number
  maxInFlight: number
  maxDeleteInFlight: number
  inFlight: number
}

export interface FakeMisoOptions {
  /** Default 0: a free port. */
  port?: number
  /** Served under this path, e.g. '/miso'. */
  pathPrefix?: string
  /** Default 'test-key'. */
  apiKey?: string
  /** 401 bodies also echo the request URL and headers, as some services and proxies do. */
  echoRequestOn401?: boolean
  /** More IDs than this in one delete request: 400. */
  maxIdsPerRequest?: number
  /** How long a task stays pending after acceptance (default 0). Fixed per task at acceptance. */
  taskDurationMs?: number
  /**
   * How tasks share the work: 'together' (default) each ends `taskDurationMs` after its own
   * acceptance, so tasks accepted together end together; 'one-after-another' works through
   * them as a queue, each starting when the one before ended (Miso's queue per account).
   */
  taskOrder?: 'together' | 'one-after-another'
  /**
   * Count deleted IDs without keeping them (`deleted` stays empty, `deletedCount` counts), and
   * count those of a compact JSON body without parsing each (see countCompactIds): for
   * benchmarks, where the server shares the cores with the client it measures.
   */
  countOnly?: boolean
  /**
   * Known product IDs: IDs outside it (or deleted already) count as `not_found` and are not
   * deleted. Without it every ID sent counts as deleted. Also what `_ids` lists.
   */
  catalog?: ReadonlySet<string>
  /** The same for users. */
  userCatalog?: ReadonlySet<string>
  /** Product records by ID, served by `GET /v1/products/{id}` and written by uploads. */
  records?: Map<string, Record<string, unknown>>
  /** Product ID → its `type`, for `GET /v1/products/_ids?type=`; products not in it have none. */
  productTypes?: ReadonlyMap<string, string>
  /** Default 'task'. */
  answerForm?: AnswerForm
  /** The status endpoint answers 404 for a task for this long after acceptance. */
  statusNotRegisteredMs?: number
  /** Scripts the status answer for a known task; `undefined` falls back to the default. */
  statusBody?: (task: FakeTask, now: number) => ScriptedAnswer | undefined
  /** Waited before answering every request. */
  latencyMs?: number
  /** Waited, in addition to `latencyMs`, before answering a status request. */
  statusLatencyMs?: number
  failRate?: FailRate
  /** Called once per request when it is over (answered or dropped), e.g. to log it. */
  onRequest?: (request: RecordedRequest) => void
}

/** The options that can change while the server runs. */
export type AdjustableOptions = Omit<FakeMisoOptions, 'port' | 'pathPrefix'>

export interface FakeMiso {
  /** Base URL including the path prefix, e.g. 'http://127.0.0.1:12345/miso'. */
  readonly url: string
  readonly port: number
  readonly apiKey: string
  /** Every product ID deleted so far (by completed tasks and answers done at once). */
  readonly deleted: Set<string>
  /** The same for users. */
  readonly deletedUsers: Set<string>
  /** How many IDs completed tasks deleted (also with `countOnly`). */
  readonly deletedCount: number
  readonly tasks: Map<string, FakeTask>
  /** Product records by ID (`records`), uploads included. */
  readonly records: Map<string, Record<string, unknown>>
  readonly requests: RecordedRequest[]
  /** Queues a fault for the next matching requests (queued faults apply in order). */
  inject(fault: Fault): void
  stats(): FakeMisoStats
  /** Clears the request log, queued faults and stats; keeps tasks and `deleted`. */
  reset(): void
  /** Forgets every task and deleted ID. */
  clearDeleted(): void
  setOptions(options: Partial<AdjustableOptions>): void
  /** Stops listening and ends open connections, hung requests included. */
  close(): Promise<void>
}

interface ValidationIssue {
  loc: (string | number)[]
  msg: string
  type: string
}

interface Answer {
  status: number
  body: string
  headers?: Record<string, string>
}

const json = (status: number, value: unknown, headers?: Record<string, string>): Answer => ({
  status,
  body: JSON.stringify(value),
  headers: { 'content-type': 'application/json', ...headers }
})

const HTML_PAGE =
  '<!DOCTYPE html><html><head><title>Sign in to the network</title></head>' +
  '<body><h1>Welcome</h1><p>Please accept the terms to continue.</p></body></html>'

export async function startFakeMiso(options: FakeMisoOptions = {}): Promise<FakeMiso> {
  const prefix = normalizePrefix(options.pathPrefix ?? '')
  let opts: AdjustableOptions = { ...options }
  const apiKey = () => opts.apiKey ?? 'test-key'

  const started = performance.now()
  const now = () => performance.now() - started

  const records = opts.records ?? new Map<string, Record<string, unknown>>()
  const deletedSets: Record<RecordType, Set<string>> = {
    products: new Set<string>(),
    users: new Set<string>()
  }
  let deletedCount = 0
  let answersGiven = 0
  const tasks = new Map<string, FakeTask>()
  let pending: FakeTask[] = []
  /** When the last task accepted ends: where the queue of 'one-after-another' stands. */
  let queueEndsAt = 0
  const counts = new Map<string, { deleted: number; notFound: number }>()
  const requests: RecordedRequest[] = []
  const faults: { fault: Fault; left: number }[] = []
  let random = seededRandom(opts.failRate?.seed ?? 1)
  const stats: FakeMisoStats = {
    deleteRequests: 0,
    statusRequests: 0,
    idsRequests: 0,
    maxInFlight: 0,
    maxDeleteInFlight: 0,
    inFlight: 0
  }
  let deleteInFlight = 0
  // The waits of every request in flight, ended at once when the server closes.
  const inFlight = new Set<RequestWaits>()

  // Applies every task whose time is up; pending stays small (tasks still running).
  function settle(): void {
    if (pending.length === 0) return
    const t = now()
    const still: FakeTask[] = []
    for (const task of pending) {
      if (task.doneAt > t) {
        still.push(task)
        continue
      }
      if (task.records) {
        for (const record of task.records) {
          const id = String(record.product_id)
          records.set(id, record)
          deletedSets.products.delete(id)
        }
        counts.set(task.id, { deleted: 0, notFound: 0 })
      } else counts.set(task.id, deleteNow(task.recordType, task.ids, task.count))
    }
    pending = still
  }

  function catalogOf(type: RecordType): ReadonlySet<string> | undefined {
    return type === 'users' ? opts.userCatalog : opts.catalog
  }

  /**
   * What deleting these IDs does: with a catalog, IDs it has and that are not deleted yet are
   * `deleted`, the rest `not_found`; without one, every ID is `deleted`. `apply` false only
   * works it out (the counts a task will have).
   */
  function deleteNow(
    type: RecordType,
    ids: readonly string[],
    count: number,
    apply = true
  ): { deleted: number; notFound: number } {
    if (opts.countOnly) {
      if (apply) deletedCount += count
      return { deleted: count, notFound: 0 }
    }
    const catalog = catalogOf(type)
    const gone = deletedSets[type]
    let found = 0
    let notFound = 0
    for (const id of new Set(ids)) {
      if (catalog && (!catalog.has(id) || gone.has(id))) {
        notFound++
        continue
      }
      found++
      if (!apply) continue
      if (!gone.has(id)) deletedCount++
      gone.add(id)
    }
    return { deleted: found, notFound }
  }

  /** `data.ids`: the type's catalog less what was deleted, products of one `type` if asked. */
  function listIds(type: RecordType, query: Record<string, string>): Answer {
    settle()
    const gone = deletedSets[type]
    const wanted = type === 'products' ? query.type : undefined
    const ids: string[] = []
    for (const id of catalogOf(type) ?? []) {
      if (gone.has(id)) continue
      if (wanted !== undefined && opts.productTypes?.get(id) !== wanted) continue
      ids.push(id)
    }
    return json(200, { data: { ids } })
  }

  function takeFault(route: Route, path: string): Fault | undefined {
    const index = faults.findIndex(
      ({ fault }) =>
        (fault.route === 'any' || fault.route === route) &&
        (fault.path === undefined || prefix + fault.path === path)
    )
    if (index >= 0) {
      const queued = faults[index]
      if (--queued.left <= 0) faults.splice(index, 1)
      return queued.fault
    }
    const rates = opts.failRate
    if (!rates) return undefined
    const roll = random()
    if (roll < (rates.rate429 ?? 0)) return { route, kind: '429' }
    if (roll < (rates.rate429 ?? 0) + (rates.rate5xx ?? 0)) {
      const kinds = ['500', '502', '503'] as const
      return { route, kind: kinds[Math.floor(random() * kinds.length)] }
    }
    return undefined
  }

  function authorize(req: http.IncomingMessage, query: Record<string, string>): Answer | undefined {
    const header = req.headers['x-api-key']
    const presented = [typeof header === 'string' ? header : undefined, query.api_key].filter(
      (k): k is string => k !== undefined
    )
    // Every key presented must be right, so a client sending a stale second key is caught.
    if (presented.length > 0 && presented.every(k => k === apiKey())) return undefined
    const body: Record<string, unknown> = { message: 'invalid api key.' }
    if (opts.echoRequestOn401) body.request = { url: req.url, headers: req.headers }
    return json(401, body)
  }

  function acceptDelete(
    req: http.IncomingMessage,
    raw: Buffer,
    record: RecordedRequest,
    recordType: RecordType
  ): Answer {
    // countOnly: the body the action writes is counted without a string per ID, which would
    // cost the cores the action runs on; any other shape takes the full check below.
    const compact =
      opts.countOnly && recordType === 'products'
        ? countCompactIds(req.headers['content-type'], raw)
        : undefined
    let ids: string[] = []
    let count = compact ?? 0
    if (compact === undefined) {
      const parsed = parseDeleteBody(req.headers['content-type'], raw, recordType)
      if (!parsed.ok) {
        record.ids = parsed.count
        return json(422, { detail: parsed.issues })
      }
      ids = opts.countOnly ? [] : parsed.ids
      count = parsed.ids.length
    }
    record.ids = count
    const max = opts.maxIdsPerRequest
    if (max !== undefined && count > max) {
      return json(400, { message: `Too many ${idsKeyOf(recordType)}: ${count} (at most ${max}).` })
    }
    const form = answerFormFor(opts.answerForm ?? 'task', answersGiven++)
    if (form === 'counts') {
      const done = deleteNow(recordType, ids, count)
      return json(200, { message: 'deleted', data: countsBody(done) })
    }
    const acceptedAt = now()
    const startsAt =
      opts.taskOrder === 'one-after-another' ? Math.max(acceptedAt, queueEndsAt) : acceptedAt
    const task: FakeTask = {
      id: randomUUID(),
      recordType,
      ids,
      count,
      acceptedAt,
      doneAt: startsAt + (opts.taskDurationMs ?? 0)
    }
    queueEndsAt = Math.max(queueEndsAt, task.doneAt)
    const planned = form === 'task+counts' ? deleteNow(recordType, ids, count, false) : undefined
    tasks.set(task.id, task)
    pending.push(task)
    settle()
    return json(200, {
      message: 'deleted',
      data: { task_id: task.id, ...(planned ? countsBody(planned) : {}) }
    })
  }

  function readRecord(id: string): Answer {
    settle()
    const record = records.get(id)
    if (!record || deletedSets.products.has(id)) return json(404, { message: 'not found.' })
    return json(200, { data: record })
  }

  function acceptUpload(raw: Buffer, record: RecordedRequest): Answer {
    const body = JSON.parse(raw.toString('utf8') || 'null') as { data?: unknown } | null
    const data = Array.isArray(body?.data) ? (body.data as Record<string, unknown>[]) : undefined
    if (!data) return json(422, { detail: [missing(['body', 'data'])] })
    record.ids = data.length
    const refused = data.flatMap((r, i) =>
      Object.keys(r)
        .filter(
          key =>
            key === 'product_group_id_or_product_id' ||
            key.startsWith('category_path_') ||
            (key === 'price' && typeof r.price !== 'number')
        )
        .map(
          key =>
            `data.${i}.${key} is invalid. ${key === 'price' ? 'Expected a number.' : 'This field is computed by Miso.'}`
        )
    )
    if (refused.length > 0)
      return json(422, { errors: true, message: 'invalid records', data: refused })
    const acceptedAt = now()
    const task: FakeTask = {
      id: randomUUID(),
      recordType: 'products',
      ids: data.map(r => String(r.product_id)),
      count: data.length,
      acceptedAt,
      doneAt: acceptedAt + (opts.taskDurationMs ?? 0),
      records: data
    }
    tasks.set(task.id, task)
    pending.push(task)
    settle()
    return json(200, { message: 'success', data: { task_id: task.id } })
  }

  function readStatus(recordType: RecordType, taskId: string): Answer {
    settle()
    const task = tasks.get(taskId)
    const t = now()
    if (
      !task ||
      task.recordType !== recordType ||
      t - task.acceptedAt < (opts.statusNotRegisteredMs ?? 0)
    ) {
      return json(404, { message: 'task not found.' })
    }
    const scripted = opts.statusBody?.(task, t)
    if (scripted) return scripted
    const done = counts.get(task.id)
    if (!done) return json(200, { data: { task_id: task.id, status: 'pending' } })
    const doneCounts = task.records ? {} : countsBody(done)
    return json(200, { data: { task_id: task.id, status: 'done', ...doneCounts } })
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // Split by hand: `new URL` would read a path like '//v1/...' as a host name.
    const target = req.url ?? '/'
    const mark = target.indexOf('?')
    const record: RecordedRequest = {
      method: req.method ?? '',
      path: mark < 0 ? target : target.slice(0, mark),
      query: mark < 0 ? {} : Object.fromEntries(new URLSearchParams(target.slice(mark + 1))),
      headers: flattenHeaders(req.headers),
      status: 0,
      at: now()
    }
    requests.push(record)

    const route = routeOf(req.method, record.path, prefix)
    stats.inFlight++
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight)
    if (route?.name === 'delete') {
      stats.deleteRequests++
      deleteInFlight++
      stats.maxDeleteInFlight = Math.max(stats.maxDeleteInFlight, deleteInFlight)
    } else if (route?.name === 'status') {
      stats.statusRequests++
    } else if (route?.name === 'ids') {
      stats.idsRequests++
    }

    // Ends every wait of this request when the client leaves or the server closes.
    const waits = new RequestWaits()
    inFlight.add(waits)
    res.on('close', () => {
      waits.end()
      inFlight.delete(waits)
      stats.inFlight--
      if (route?.name === 'delete') deleteInFlight--
      opts.onRequest?.(record)
    })

    const raw = await readBody(req)
    const wait =
      (opts.latencyMs ?? 0) + (route?.name === 'status' ? (opts.statusLatencyMs ?? 0) : 0)
    if (!(await waits.pause(wait))) return drop(res)
    if (!route) return send(res, record, json(404, { detail: 'Not Found' }))

    const fault = takeFault(route.name, record.path)
    const kind = fault?.kind
    if (kind === 'hang') {
      await waits.pause(Infinity)
      return drop(res)
    }
    if (kind === 'slow') {
      if (!(await waits.pause(fault?.delayMs ?? 1000))) return drop(res)
    } else if (kind) {
      return sendFault(res, record, kind, fault?.retryAfter, route)
    }

    const denied = authorize(req, record.query)
    if (denied) return send(res, record, denied)
    const answer =
      route.name === 'delete'
        ? acceptDelete(req, raw, record, route.recordType)
        : route.name === 'ids'
          ? listIds(route.recordType, record.query)
          : route.name === 'record'
            ? readRecord(route.id)
            : route.name === 'upload'
              ? acceptUpload(raw, record)
              : readStatus(route.recordType, route.taskId)
    send(res, record, answer)
  }

  function sendFault(
    res: http.ServerResponse,
    record: RecordedRequest,
    kind: Exclude<FaultKind, 'hang' | 'slow'>,
    retryAfter: string | undefined,
    route: RouteMatch
  ): void {
    const retry = retryAfter === undefined ? undefined : { 'retry-after': retryAfter }
    switch (kind) {
      case '429':
        return send(res, record, json(429, { message: 'Too many requests.' }, retry))
      case '500':
        return send(
          res,
          record,
          json(500, { message: 'Something went wrong. Please contact miso product team.' }, retry)
        )
      case '502':
        return send(res, record, {
          status: 502,
          body: '<html><head><title>502 Bad Gateway</title></head><body>Bad Gateway</body></html>',
          headers: { 'content-type': 'text/html', ...retry }
        })
      case '503':
        return send(res, record, json(503, { message: 'Service temporarily unavailable.' }, retry))
      case 'reset':
        res.socket?.resetAndDestroy()
        return
      case 'truncated': {
        const body =
          route.name === 'ids'
            ? listIds(route.recordType, record.query).body
            : JSON.stringify({ message: 'deleted', data: { task_id: randomUUID() } })
        record.status = 200
        res.writeHead(200, {
          'content-type': 'application/json',
          'content-length': String(body.length)
        })
        // Half the promised body, then the end of the connection.
        res.write(body.slice(0, body.length >> 1))
        res.socket?.end()
        return
      }
      case 'non-json':
        return send(res, record, {
          status: 200,
          body: 'OK',
          headers: { 'content-type': 'text/plain' }
        })
      case 'no-task-id':
        return send(res, record, json(200, { message: 'deleted', data: {} }))
      case 'html':
        return send(res, record, {
          status: 200,
          body: HTML_PAGE,
          headers: { 'content-type': 'text/html' }
        })
      case 'no-ids':
        return send(res, record, json(200, { data: {} }))
      case 'non-string-ids':
        return send(res, record, json(200, { data: { ids: ['ok-1', 42, null] } }))
    }
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch(error => {
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ message: String(error) }))
      } else {
        res.destroy()
      }
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const port = (server.address() as AddressInfo).port
  let closed: Promise<void> | undefined

  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    port,
    get apiKey() {
      return apiKey()
    },
    get deleted() {
      settle()
      return deletedSets.products
    },
    get deletedUsers() {
      settle()
      return deletedSets.users
    },
    get deletedCount() {
      settle()
      return deletedCount
    },
    tasks,
    records,
    requests,
    inject(fault) {
      faults.push({ fault, left: fault.times ?? 1 })
    },
    stats: () => ({ ...stats }),
    reset() {
      requests.length = 0
      faults.length = 0
      stats.deleteRequests = 0
      stats.statusRequests = 0
      stats.idsRequests = 0
      stats.maxInFlight = stats.inFlight
      stats.maxDeleteInFlight = deleteInFlight
    },
    clearDeleted() {
      deletedSets.products.clear()
      deletedSets.users.clear()
      deletedCount = 0
      answersGiven = 0
      tasks.clear()
      counts.clear()
      pending = []
      queueEndsAt = 0
    },
    setOptions(changes) {
      opts = { ...opts, ...changes }
      if (changes.failRate) random = seededRandom(changes.failRate.seed ?? 1)
    },
    close() {
      closed ??= new Promise<void>(resolve => {
        for (const waits of inFlight) waits.end()
        server.close(() => resolve())
        server.closeAllConnections()
      })
      return closed
    }
  }
}

type ParsedDelete =
  { ok: true; ids: string[] } | { ok: false; issues: ValidationIssue[]; count?: number }

const COMPACT_HEAD = Buffer.from('{"data":{"product_ids":[')
const COMPACT_TAIL = Buffer.from(']}}')
const QUOTE_BYTE = 0x22
const BACKSLASH_BYTE = 0x5c
const COMMA_BYTE = 0x2c

/**
 * The number of IDs in a JSON delete body written without spaces, as JSON.stringify writes
 * it: `{"data":{"product_ids":["a","b"]}}` with non-empty strings. Undefined for any other
 * body, which then gets the full check.
 */
export function countCompactIds(contentType: string | undefined, raw: Buffer): number | undefined {
  const head = COMPACT_HEAD.length
  const end = raw.length - COMPACT_TAIL.length
  if (
    contentType?.toLowerCase() !== 'application/json' ||
    end <= head ||
    !raw.subarray(0, head).equals(COMPACT_HEAD) ||
    !raw.subarray(end).equals(COMPACT_TAIL)
  ) {
    return undefined
  }
  let count = 0
  for (let i = head; ;) {
    if (raw[i] !== QUOTE_BYTE || raw[i + 1] === QUOTE_BYTE) return undefined
    let close = i + 1
    for (;;) {
      close = raw.indexOf(QUOTE_BYTE, close)
      if (close < 0 || close >= end) return undefined
      let backslashes = 0
      while (raw[close - 1 - backslashes] === BACKSLASH_BYTE) backslashes++
      if (backslashes % 2 === 0) break
      close++
    }
    count++
    i = close + 1
    if (i === end) return count
    if (raw[i] !== COMMA_BYTE) return undefined
    i++
  }
}

/** What a delete body holds: the IDs, or FastAPI-style validation issues. */
function parseDeleteBody(
  contentType: string | undefined,
  raw: Buffer,
  recordType: RecordType
): ParsedDelete {
  // FastAPI reads a model body as JSON only under a JSON media type; otherwise it is bytes.
  const isJson = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(contentType ?? '')
  if (raw.length === 0) {
    return {
      ok: false,
      issues: [{ loc: ['body'], msg: 'field required', type: 'value_error.missing' }]
    }
  }
  if (!isJson) return { ok: false, issues: [notDict(['body'])] }
  let body: unknown
  try {
    body = JSON.parse(raw.toString('utf8'))
  } catch (error) {
    return {
      ok: false,
      issues: [{ loc: ['body'], msg: (error as Error).message, type: 'value_error.jsondecode' }]
    }
  }
  if (!isObject(body)) return { ok: false, issues: [notDict(['body'])] }
  if (!('data' in body)) return { ok: false, issues: [missing(['body', 'data'])] }
  const data = body.data
  if (!isObject(data)) return { ok: false, issues: [notDict(['body', 'data'])] }
  const key = idsKeyOf(recordType)
  const loc = ['body', 'data', key]
  if (!(key in data)) return { ok: false, issues: [missing(loc)] }
  const ids = data[key]
  if (!Array.isArray(ids)) {
    return {
      ok: false,
      issues: [{ loc, msg: 'value is not a valid list', type: 'type_error.list' }]
    }
  }
  const issues: ValidationIssue[] = []
  ids.forEach((id, index) => {
    if (id === null) {
      issues.push({
        loc: [...loc, index],
        msg: 'none is not an allowed value',
        type: 'type_error.none.not_allowed'
      })
    } else if (typeof id !== 'string') {
      issues.push({ loc: [...loc, index], msg: 'str type expected', type: 'type_error.str' })
    }
  })
  return issues.length > 0 ? { ok: false, issues, count: ids.length } : { ok: true, ids }
}

type RouteMatch =
  | { name: 'delete'; recordType: RecordType }
  | { name: 'status'; recordType: RecordType; taskId: string }
  | { name: 'ids'; recordType: RecordType }
  | { name: 'record'; recordType: RecordType; id: string }
  | { name: 'upload'; recordType: RecordType }

function routeOf(method: string | undefined, path: string, prefix: string): RouteMatch | undefined {
  if (!path.startsWith(prefix)) return undefined
  const match = /^\/v1\/(products|users)(?:\/(.*))?$/s.exec(path.slice(prefix.length))
  if (!match) return undefined
  const recordType = match[1] as RecordType
  const rest = match[2] ?? ''
  if (recordType === 'products' && method === 'POST' && rest === '') {
    return { name: 'upload', recordType }
  }
  if (recordType === 'products' && method === 'GET' && /^[^_/][^/]*$/.test(rest)) {
    try {
      return { name: 'record', recordType, id: decodeURIComponent(rest) }
    } catch {
      return undefined
    }
  }
  if (method === 'POST' && rest === '_delete') return { name: 'delete', recordType }
  if (method === 'GET' && rest === '_ids') return { name: 'ids', recordType }
  if (method === 'GET' && rest.startsWith('_status/')) {
    const taskId = rest.slice('_status/'.length)
    if (taskId !== '' && !taskId.includes('/')) {
      try {
        return { name: 'status', recordType, taskId: decodeURIComponent(taskId) }
      } catch {
        return undefined // malformed %-escape: no such task path
      }
    }
  }
  return undefined
}

function idsKeyOf(recordType: RecordType): string {
  return recordType === 'users' ? 'user_ids' : 'product_ids'
}

/** The form of the `n`th accepted delete answer (0-based). */
function answerFormFor(form: AnswerForm, n: number): Exclude<AnswerForm, 'mixed'> {
  if (form !== 'mixed') return form
  return (['task', 'task+counts', 'counts'] as const)[n % 3]
}

function countsBody(counts: { deleted: number; notFound: number }) {
  return { deleted: { count: counts.deleted }, not_found: { count: counts.notFound } }
}

function send(res: http.ServerResponse, record: RecordedRequest, answer: Answer): void {
  record.status = answer.status
  res.writeHead(answer.status, {
    'content-length': String(Buffer.byteLength(answer.body)),
    ...answer.headers
  })
  res.end(answer.body)
}

function drop(res: http.ServerResponse): void {
  res.socket?.destroy()
}

/**
 * The waits of one request (latency, a slow or hung answer), ended early when its client
 * leaves or the server closes. Plain timers: this runs for every request of a benchmark, on
 * the cores the client under test uses too.
 */
class RequestWaits {
  private ended = false
  private wake: (() => void) | undefined

  end(): void {
    this.ended = true
    this.wake?.()
  }

  /** Waits `ms` (Infinity: until ended); false when the request ended first. */
  pause(ms: number): Promise<boolean> {
    if (this.ended) return Promise.resolve(false)
    if (ms <= 0) return Promise.resolve(true)
    return new Promise(resolve => {
      const timer =
        ms === Infinity
          ? undefined
          : setTimeout(() => {
              this.wake = undefined
              resolve(true)
            }, ms)
      this.wake = () => {
        clearTimeout(timer)
        this.wake = undefined
        resolve(false)
      }
    })
  }
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise(resolve => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    // The client went away mid-body: what arrived is all there is, and the response's close
    // handler ends the request.
    req.on('error', () => resolve(Buffer.concat(chunks)))
    req.on('close', () => resolve(Buffer.concat(chunks)))
  })
}

function normalizePrefix(prefix: string): string {
  const trimmed = prefix.replace(/\/+$/, '')
  return trimmed === '' || trimmed.startsWith('/') ? trimmed : `/${trimmed}`
}

function flattenHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value
  }
  return flat
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const missing = (loc: string[]): ValidationIssue => ({
  loc,
  msg: 'field required',
  type: 'value_error.missing'
})

const notDict = (loc: string[]): ValidationIssue => ({
  loc,
  msg: 'value is not a valid dict',
  type: 'type_error.dict'
})

/** mulberry32: a small seeded PRNG, so random faults repeat run to run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
