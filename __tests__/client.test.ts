import { describe, it, expect, afterEach } from '@jest/globals'
import http from 'node:http'
import net from 'node:net'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import type { AddressInfo } from 'node:net'
import { closedPortUrl, listenOnLoopback } from '../test/support/loopback.js'
import { MisoClient, type MisoClientOptions } from '../src/miso/client.js'
import { parseRetryAfter } from '../src/http-policy.js'
import { abortableSleep } from '../src/miso/throttle.js'
import type { DeleteOutcome } from '../src/miso/types.js'
import { startFakeMiso, type FakeMiso, type FakeMisoOptions } from '../test-server/fake-miso.js'
import { startProxy } from '../test-server/proxy.js'
import { recordingLog } from '../test/support/log.js'

const closers: (() => Promise<void>)[] = []
afterEach(async () => {
  while (closers.length > 0) await closers.pop()?.()
})

async function fake(options: FakeMisoOptions = {}): Promise<FakeMiso> {
  const server = await startFakeMiso(options)
  closers.push(() => server.close())
  return server
}

/** A client whose back-off sleeps are recorded and cut to a few milliseconds. */
function clientFor(server: { url: string }, options: Partial<MisoClientOptions> = {}) {
  const sleeps: number[] = []
  const log = recordingLog()
  const client = new MisoClient({
    apiUrl: server.url,
    apiKey: 'test-key',
    authMode: 'header',
    retries: 3,
    requestTimeoutMs: 2000,
    concurrency: 4,
    env: {},
    random: () => 0.5,
    sleep: (ms, signal) => {
      sleeps.push(ms)
      return abortableSleep(Math.min(ms, 5), signal)
    },
    log,
    ...options
  })
  // Every line the client gives is an info line: `lines` are its messages.
  return { client, sleeps, logs: log.lines }
}

/** A plain local server for answers the fake Miso does not give. */
async function scripted(handler: http.RequestListener): Promise<{ url: string; hits: string[] }> {
  const hits: string[] = []
  const server = http.createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`)
    handler(req, res)
  })
  const { url, close } = await listenOnLoopback(server)
  closers.push(close)
  return { url, hits }
}

const closedPort = closedPortUrl

const never = new AbortController().signal

function failed(outcome: DeleteOutcome) {
  if (outcome.ok) throw new Error(`expected a failure, got task ${outcome.taskId}`)
  return outcome
}

/** An outcome accepted as a task. */
function accepted(outcome: DeleteOutcome) {
  if (!outcome.ok) throw new Error(`expected success, got ${outcome.failure.message}`)
  if (outcome.taskId === undefined) throw new Error('expected a task, got an answer done at once')
  return { ...outcome, taskId: outcome.taskId }
}

const sorted = (ids: Iterable<string>) => [...ids].sort()

/** The client's log lines about a 429: one per rate-limited answer. */
const rateLimitLines = (logs: string[]) => logs.filter(line => line.includes('(HTTP 429)'))

describe('authentication and request shape', () => {
  it('reads the task_id before redacting, so a key that looks like body text hides nothing', async () => {
    const server = await scripted((_req, res) => {
      res.setHeader('content-type', 'application/json')
      res.end('{"message":"deleted","data":{"task_id":"t-1"}}')
    })
    const { client } = clientFor(server, { apiKey: 'task' })
    const outcome = accepted(await client.deleteProducts(['a'], never))
    expect(outcome.taskId).toBe('t-1')
    expect(outcome.body).not.toContain('task')
    expect(server.hits).toHaveLength(1)
  })

  it('sends the key in the X-API-KEY header', async () => {
    const server = await fake()
    const { client } = clientFor(server)
    const outcome = accepted(await client.deleteProducts(['a', 'b'], never))
    expect(server.tasks.has(outcome.taskId)).toBe(true)
    expect(JSON.parse(outcome.body)).toEqual({
      message: 'deleted',
      data: { task_id: outcome.taskId }
    })
    expect(sorted(server.deleted)).toEqual(['a', 'b'])
    const [request] = server.requests
    expect(request.method).toBe('POST')
    expect(request.path).toBe('/v1/products/_delete')
    expect(request.headers['x-api-key']).toBe('test-key')
    expect(request.query.api_key).toBeUndefined()
    expect(request.headers['content-type']).toBe('application/json')
    expect(request.headers.accept).toBe('application/json')
    expect(request.headers['user-agent']).toMatch(/^miso-bulk-delete\/\d+\.\d+\.\d+/)
    expect(server.requests).toHaveLength(1)
  })

  it('sends the key as the api_key query parameter in query mode', async () => {
    const key = 'k&y/+=?x'
    const server = await fake({ apiKey: key })
    const { client } = clientFor(server, { apiKey: key, authMode: 'query' })
    accepted(await client.deleteProducts(['a'], never))
    const [request] = server.requests
    expect(request.query.api_key).toBe(key)
    expect(request.headers['x-api-key']).toBeUndefined()
    expect(sorted(server.deleted)).toEqual(['a'])
  })

  it('keeps a path prefix of api-url, with or without a trailing slash', async () => {
    const server = await fake({ pathPrefix: '/miso/api' })
    expect(server.url).toMatch(/\/miso\/api$/)
    for (const apiUrl of [server.url, `${server.url}/`]) {
      const { client } = clientFor(server, { apiUrl })
      const outcome = accepted(await client.deleteProducts(['p'], never))
      const status = await client.getStatus(outcome.taskId, never)
      expect(status.httpStatus).toBe(200)
    }
    expect(server.requests.map(r => r.path)).toEqual([
      '/miso/api/v1/products/_delete',
      expect.stringMatching(/^\/miso\/api\/v1\/products\/_status\/.+/),
      '/miso/api/v1/products/_delete',
      expect.stringMatching(/^\/miso\/api\/v1\/products\/_status\/.+/)
    ])
  })
})

describe('answers that end a batch at once', () => {
  it.each(['header', 'query'] as const)(
    'a 401 is fatal and its echoed request never shows the key (%s mode)',
    async authMode => {
      const key = 'sEcr3t/key+with=chars'
      const server = await fake({ apiKey: 'the-right-key', echoRequestOn401: true })
      const { client, logs } = clientFor(server, { apiKey: key, authMode })
      const outcome = failed(await client.deleteProducts(['a'], never))
      expect(outcome.failure).toEqual({ httpStatus: 401, message: 'invalid api key.', fatal: true })
      expect(server.requests).toHaveLength(1)
      // The server did echo the key; the client masked it.
      expect(outcome.body).toContain('***')
      const everything = [outcome.body ?? '', outcome.failure.message, ...logs].join('\n')
      for (const form of [key, encodeURIComponent(key), Buffer.from(key).toString('base64')]) {
        expect(everything).not.toContain(form)
      }
      const status = await client.getStatus('any-task', never)
      expect(status.httpStatus).toBe(401)
      expect(status.body).toContain('***')
      expect(status.body).not.toContain(key)
      expect(status.body).not.toContain(encodeURIComponent(key))
    }
  )

  it('a 403 is fatal too, with Miso message', async () => {
    const server = await scripted((_req, res) => {
      res.writeHead(403, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ message: 'Request is denied due to bot blocking.' }))
    })
    const { client } = clientFor(server)
    const outcome = failed(await client.deleteProducts(['a'], never))
    expect(outcome.failure).toEqual({
      httpStatus: 403,
      message: 'Request is denied due to bot blocking.',
      fatal: true
    })
    expect(server.hits).toHaveLength(1)
  })

  it("cuts a long message by the channel's one rule: both ends kept, the cut counted", async () => {
    const long = `start ${'x'.repeat(5000)} the end`
    const server = await scripted((_req, res) => {
      res.writeHead(400, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ message: long }))
    })
    const { client } = clientFor(server)
    const { message } = failed(await client.deleteProducts(['a'], never)).failure
    expect(message.length).toBeLessThanOrEqual(2000)
    expect(message).toMatch(/^start x+…\[\d+ more characters\]…x+ the end$/)
  })

  it('a 422 reads the validation detail', async () => {
    const server = await fake()
    const { client } = clientFor(server)
    const ids = ['good', 7, null] as unknown as string[]
    const outcome = failed(await client.deleteProducts(ids, never))
    expect(outcome.failure).toEqual({
      httpStatus: 422,
      message:
        'body.data.product_ids.1: str type expected; ' +
        'body.data.product_ids.2: none is not an allowed value',
      fatal: false
    })
    expect(server.requests).toHaveLength(1)
    expect(server.deleted.size).toBe(0)
  })

  it("a 400 gives Miso's message and is not retried", async () => {
    const server = await fake({ maxIdsPerRequest: 1 })
    const { client } = clientFor(server)
    const outcome = failed(await client.deleteProducts(['a', 'b'], never))
    expect(outcome.failure).toEqual({
      httpStatus: 400,
      message: 'Too many product_ids: 2 (at most 1).',
      fatal: false
    })
    expect(server.requests).toHaveLength(1)
  })

  it('a 4xx without a message falls back to the status text', async () => {
    const server = await scripted((_req, res) => {
      res.writeHead(405, { 'content-type': 'text/plain' })
      res.end('nope')
    })
    const { client } = clientFor(server)
    const outcome = failed(await client.deleteProducts(['a'], never))
    expect(outcome.failure).toEqual({
      httpStatus: 405,
      message: 'Method Not Allowed',
      fatal: false
    })
    expect(outcome.body).toBe('nope')
  })

  it('does not follow a redirect (the key would go with it)', async () => {
    const target = await scripted((_req, res) => res.end('{}'))
    const server = await scripted((_req, res) => {
      res.writeHead(307, { location: `${target.url}/elsewhere?api_key=test-key` })
      res.end()
    })
    const { client } = clientFor(server, { authMode: 'query' })
    const outcome = failed(await client.deleteProducts(['a'], never))
    expect(outcome.failure.httpStatus).toBe(307)
    expect(outcome.failure.message).toContain(`redirected to ${target.url}/elsewhere`)
    expect(outcome.failure.message).not.toContain('test-key')
    expect(server.hits).toHaveLength(1)
    expect(target.hits).toHaveLength(0)
  })
})

describe('retries', () => {
  it.each([
    '429',
    '500',
    '502',
    '503',
    'reset',
    'truncated',
    'non-json',
    'no-task-id',
    'html'
  ] as const)('recovers from %s', async kind => {
    const server = await fake()
    const { client, sleeps } = clientFor(server)
    server.inject({ route: 'delete', kind, times: 2 })
    const outcome = accepted(await client.deleteProducts(['x1', 'x2', 'x3'], never))
    expect(server.stats().deleteRequests).toBe(3)
    expect(sorted(server.deleted)).toEqual(['x1', 'x2', 'x3'])
    expect([...server.tasks.keys()]).toEqual([outcome.taskId])
    // Full jitter under 500 ms, then 1000 ms (random() is 0.5), unless a 429 paused longer.
    if (kind !== '429') expect(sleeps).toEqual([250, 500])
  })

  it('recovers from a request that hangs past the time-out', async () => {
    const server = await fake()
    const { client, logs } = clientFor(server, { requestTimeoutMs: 150 })
    server.inject({ route: 'delete', kind: 'hang' })
    accepted(await client.deleteProducts(['h'], never))
    expect(server.stats().deleteRequests).toBe(2)
    expect(sorted(server.deleted)).toEqual(['h'])
    expect(logs.join('\n')).toContain('no complete answer within 0.15 s')
  })

  it('gives up after retries + 1 attempts with the last reason', async () => {
    const server = await fake()
    const { client, logs } = clientFor(server, { retries: 2 })
    server.inject({ route: 'delete', kind: '500' })
    server.inject({ route: 'delete', kind: '503' })
    server.inject({ route: 'delete', kind: 'non-json' })
    const outcome = failed(await client.deleteProducts(['a'], never))
    expect(outcome.failure).toEqual({
      httpStatus: 200,
      message: 'answer is not JSON (text/plain)',
      fatal: false
    })
    expect(outcome.body).toBe('OK')
    expect(server.stats().deleteRequests).toBe(3)
    expect(server.deleted.size).toBe(0)
    expect(logs.at(-1)).toContain('giving up after 3 attempts')
  })

  it('gives up with a 5xx message and status', async () => {
    const server = await fake()
    const { client } = clientFor(server, { retries: 1 })
    server.inject({ route: 'delete', kind: '503', times: 5 })
    const outcome = failed(await client.deleteProducts(['a'], never))
    expect(server.stats().deleteRequests).toBe(2)
    expect(outcome.failure).toEqual({
      httpStatus: 503,
      message: 'Service temporarily unavailable.',
      fatal: false
    })
  })

  it('makes one attempt when retries is 0', async () => {
    const server = await fake()
    const { client, sleeps } = clientFor(server, { retries: 0 })
    server.inject({ route: 'delete', kind: '500' })
    failed(await client.deleteProducts(['a'], never))
    expect(server.stats().deleteRequests).toBe(1)
    expect(sleeps).toEqual([])
  })

  it('reports network errors by path, without the key, in query mode', async () => {
    const key = 'qu3ry/key'
    const { client, logs } = clientFor(
      { url: await closedPort() },
      { apiKey: key, authMode: 'query', retries: 1 }
    )
    const outcome = failed(await client.deleteProducts(['a'], never))
    expect(logs.at(-1)).toContain('giving up after 2 attempts')
    expect(outcome.failure.httpStatus).toBeUndefined()
    expect(outcome.failure.message).toBe(
      'POST /v1/products/_delete: connection refused (ECONNREFUSED)'
    )
  })

  it('keeps the URL out of other network errors', async () => {
    const key = 'qu3ry/key'
    const sockets = new Set<net.Socket>()
    const garbage = net.createServer(socket => {
      sockets.add(socket)
      socket.end('this is not HTTP\r\n\r\n')
    })
    await new Promise<void>(resolve => garbage.listen(0, '127.0.0.1', resolve))
    closers.push(() => {
      for (const socket of sockets) socket.destroy()
      return new Promise(resolve => garbage.close(() => resolve()))
    })
    const url = `http://127.0.0.1:${(garbage.address() as AddressInfo).port}`
    const { client } = clientFor({ url }, { apiKey: key, authMode: 'query', retries: 0 })
    const { failure } = failed(await client.deleteProducts(['a'], never))
    expect(failure.message).toMatch(/^POST \/v1\/products\/_delete: Parse Error/)
    expect(failure.message).not.toContain('127.0.0.1')
    expect(failure.message).not.toContain(encodeURIComponent(key))
  })

  it('retries an answer larger than the body cap', async () => {
    const server = await scripted((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(`{"data":{"task_id":"t"},"pad":"${'x'.repeat(2 * 1024 * 1024)}"}`)
    })
    const { client } = clientFor(server, { retries: 1 })
    const outcome = failed(await client.deleteProducts(['a'], never))
    expect(server.hits).toHaveLength(2)
    expect(outcome.failure.message).toBe('answer larger than 1048576 bytes')
    expect(outcome.body?.length).toBe(1024 * 1024)
  })
})

describe('Retry-After', () => {
  it('waits the seconds given', async () => {
    const server = await fake()
    const { client, sleeps } = clientFor(server)
    server.inject({ route: 'delete', kind: '503', retryAfter: '7' })
    accepted(await client.deleteProducts(['a'], never))
    expect(sleeps).toEqual([7000])
  })

  it('waits until an HTTP date', async () => {
    const server = await fake()
    // A fixed clock: the wait is exact, however long the request took.
    const now = Date.UTC(2030, 0, 1, 12)
    const { client, sleeps } = clientFor(server, { now: () => now })
    const at = new Date(now + 20_000).toUTCString()
    server.inject({ route: 'delete', kind: '500', retryAfter: at })
    accepted(await client.deleteProducts(['a'], never))
    expect(sleeps).toEqual([20_000])
  })

  it('caps the wait at 60 s', async () => {
    const server = await fake()
    const { client, sleeps } = clientFor(server)
    server.inject({ route: 'delete', kind: '503', retryAfter: '86400' })
    accepted(await client.deleteProducts(['a'], never))
    expect(sleeps).toEqual([60_000])
  })

  it('on a 429 pauses every worker as well', async () => {
    const server = await fake()
    const { client, sleeps, logs } = clientFor(server)
    server.inject({ route: 'delete', kind: '429', retryAfter: '9' })
    accepted(await client.deleteProducts(['a'], never))
    // The worker's own back-off; the shared pause then has nothing left to wait.
    expect(sleeps[0]).toBe(9000)
    expect(rateLimitLines(logs)).toHaveLength(1)
    expect(client.throttle.limit).toBe(2)
  })

  it.each([
    ['3', 3000],
    ['0', 0],
    [' 1.5 ', 1500],
    ['120', 60_000],
    ['Thu, 01 Jan 1970 00:00:10 GMT', 5000],
    ['Thu, 01 Jan 1970 00:00:01 GMT', 0],
    ['soon', undefined],
    ['-3', undefined],
    ['', undefined]
  ])('parseRetryAfter(%j)', (value, expected) => {
    expect(parseRetryAfter(value, 5000)).toBe(expected)
  })
})

describe('adaptive slow-down', () => {
  it('a 429 lowers the throttle limit and the deletes in flight', async () => {
    const server = await fake({ latencyMs: 40 })
    const { client, logs } = clientFor(server, { concurrency: 4 })
    const batches = (prefix: string, n: number) =>
      Array.from({ length: n }, (_, i) => client.deleteProducts([`${prefix}${i}`], never))

    for (const outcome of await Promise.all(batches('a', 8))) accepted(outcome)
    expect(server.stats().maxDeleteInFlight).toBe(4)
    expect(client.throttle.limit).toBe(4)

    server.inject({ route: 'delete', kind: '429' })
    accepted(await client.deleteProducts(['b'], never))
    expect(client.throttle.limit).toBe(2)
    expect(rateLimitLines(logs)).toHaveLength(1)

    server.reset()
    for (const outcome of await Promise.all(batches('c', 4))) accepted(outcome)
    expect(server.stats().maxDeleteInFlight).toBe(2)
    expect(server.deleted.size).toBe(13)
  })

  it('a 429 on a status poll slows the deletes too', async () => {
    const server = await fake()
    const { client, sleeps, logs } = clientFor(server, { concurrency: 4 })
    server.inject({ route: 'status', kind: '429', retryAfter: '4' })
    const status = await client.getStatus('t', never)
    expect(status.httpStatus).toBe(429)
    expect(client.throttle.limit).toBe(2)
    expect(rateLimitLines(logs)).toEqual([
      'GET /v1/products/_status/t: rate limited (HTTP 429); 2 request(s) in flight at most'
    ])
    expect(sleeps).toEqual([])
    // The next poll waits out the shared pause, as a delete would.
    expect((await client.getStatus('t', never)).httpStatus).toBe(404)
    expect(sleeps).toHaveLength(1)
    expect(sleeps[0]).toBeGreaterThan(3000)
    expect(sleeps[0]).toBeLessThanOrEqual(4000)
  })
})

describe('cancellation', () => {
  it('stops a back-off sleep at once', async () => {
    const server = await fake()
    const controller = new AbortController()
    const { client } = clientFor(server, {
      sleep: abortableSleep,
      log: recordingLog((_level, message) => {
        if (message.includes('retry 1 of')) controller.abort()
      })
    })
    server.inject({ route: 'delete', kind: '503', retryAfter: '60' })
    const outcome = failed(await client.deleteProducts(['a'], controller.signal))
    expect(outcome.failure.message).toMatch(/^cancelled while waiting to retry/)
    expect(outcome.failure.message).toContain('HTTP 503')
    expect(server.stats().deleteRequests).toBe(1)
  }, 10_000)

  it('stops a request in flight, told apart from a time-out', async () => {
    const server = await fake()
    const controller = new AbortController()
    const { client } = clientFor(server, { requestTimeoutMs: 60_000 })
    server.inject({ route: 'delete', kind: 'hang' })
    const pending = client.deleteProducts(['a'], controller.signal)
    while (server.stats().inFlight === 0) await new Promise(resolve => setTimeout(resolve, 5))
    controller.abort()
    const outcome = failed(await pending)
    expect(server.stats().deleteRequests).toBe(1)
    expect(outcome.failure).toEqual({ message: 'cancelled before Miso answered', fatal: false })
    expect(server.deleted.size).toBe(0)
  }, 10_000)

  it('a time-out is a failure of its own, not a cancellation', async () => {
    const server = await fake()
    const { client } = clientFor(server, { requestTimeoutMs: 100, retries: 0 })
    server.inject({ route: 'delete', kind: 'hang' })
    const outcome = failed(await client.deleteProducts(['a'], never))
    expect(outcome.failure.message).toBe(
      'POST /v1/products/_delete: no complete answer within 0.1 s (request-timeout)'
    )
  })

  it('times out also when memory is collected while it waits', async () => {
    // A time-out signal held only weakly (AbortSignal.timeout() on Node 20) can be collected
    // before it fires: the request would then wait for ever.
    setFlagsFromString('--expose-gc')
    const gc = runInNewContext('gc') as () => void
    const server = await scripted(() => undefined) // never answers
    const { client } = clientFor(server, { requestTimeoutMs: 300, retries: 0 })
    const collecting = setInterval(gc, 20)
    try {
      const outcome = await client.getRecord('P-1', never)
      expect(outcome).toMatchObject({
        ok: false,
        failure: {
          message: 'GET /v1/products/P-1: no complete answer within 0.3 s (request-timeout)'
        }
      })
    } finally {
      clearInterval(collecting)
    }
  }, 10_000)

  it('sends nothing once cancelled', async () => {
    const server = await fake()
    const { client } = clientFor(server)
    const signal = AbortSignal.abort()
    const outcome = failed(await client.deleteProducts(['a'], signal))
    expect(outcome.failure.message).toMatch(/cancelled/)
    expect((await client.getStatus('t', signal)).httpStatus).toBe(0)
    expect(server.requests).toHaveLength(0)
  })
})

describe('getStatus', () => {
  it('returns the raw answer of a known task, and 404 for an unknown one', async () => {
    const server = await fake()
    const { client } = clientFor(server)
    const { taskId } = accepted(await client.deleteProducts(['s1'], never))
    const status = await client.getStatus(taskId, never)
    expect(status.httpStatus).toBe(200)
    expect(JSON.parse(status.body).data).toMatchObject({ task_id: taskId, status: 'done' })
    expect((await client.getStatus('no such/task', never)).httpStatus).toBe(404)
    expect(server.requests.at(-1)?.path).toBe('/v1/products/_status/no%20such%2Ftask')
  })

  it('makes a single attempt and reports a network error as status 0', async () => {
    const server = await fake()
    const { client } = clientFor(server)
    server.inject({ route: 'status', kind: 'reset' })
    const status = await client.getStatus('t', never)
    expect(status.httpStatus).toBe(0)
    expect(status.body).toMatch(/^GET \/v1\/products\/_status\/t: /)
    expect(server.stats().statusRequests).toBe(1)
  })

  it('reports a time-out as status 0', async () => {
    const server = await fake()
    const { client } = clientFor(server, { requestTimeoutMs: 100 })
    server.inject({ route: 'status', kind: 'hang' })
    const status = await client.getStatus('t', never)
    expect(status).toEqual({
      httpStatus: 0,
      body: 'GET /v1/products/_status/t: no complete answer within 0.1 s (request-timeout)'
    })
  })
})

describe('proxies', () => {
  it('goes through HTTP_PROXY', async () => {
    const server = await fake()
    const proxy = await startProxy()
    closers.push(() => proxy.close())
    const proxyUrl = proxy.url.replace('http://', 'http://user:pr0xy-pass@')
    const { client, logs } = clientFor(server, { env: { HTTP_PROXY: proxyUrl } })
    const { taskId } = accepted(await client.deleteProducts(['p1'], never))
    expect((await client.getStatus(taskId, never)).httpStatus).toBe(200)
    const auth = `Basic ${Buffer.from('user:pr0xy-pass').toString('base64')}`
    expect(proxy.requests).toEqual([
      { method: 'POST', target: `${server.url}/v1/products/_delete`, auth },
      { method: 'GET', target: `${server.url}/v1/products/_status/${taskId}`, auth }
    ])
    expect(sorted(server.deleted)).toEqual(['p1'])
    expect(logs.join('\n')).toContain(`through proxy ${proxy.url}`)
    expect(logs.join('\n')).not.toContain('pr0xy-pass')
  })

  it('skips the proxy for hosts in NO_PROXY', async () => {
    const server = await fake()
    const proxy = await startProxy()
    closers.push(() => proxy.close())
    const { client } = clientFor(server, { env: { HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' } })
    accepted(await client.deleteProducts(['n1'], never))
    expect(proxy.requests).toEqual([])
    expect(server.requests).toHaveLength(1)
  })

  it('refuses an unusable proxy setting before any request', () => {
    expect(() =>
      clientFor({ url: 'http://127.0.0.1:1' }, { env: { HTTP_PROXY: 'socks5://p:1' } })
    ).toThrow(/HTTP_PROXY/)
  })
})

describe('record types and answer forms', () => {
  it('deletes users through the users routes with a user_ids body', async () => {
    const server = await fake({ userCatalog: new Set(['u1', 'u2']) })
    const { client } = clientFor(server, { recordType: 'users' })
    const outcome = accepted(await client.deleteProducts(['u1', 'u9'], never))
    expect((await client.getStatus(outcome.taskId, never)).httpStatus).toBe(200)
    expect(server.requests.map(r => `${r.method} ${r.path}`)).toEqual([
      'POST /v1/users/_delete',
      `GET /v1/users/_status/${outcome.taskId}`
    ])
    expect(sorted(server.deletedUsers)).toEqual(['u1'])
    expect(server.deleted.size).toBe(0)
  })

  it('reads counts from an answer with a task', async () => {
    const server = await fake({ answerForm: 'task+counts', catalog: new Set(['a']) })
    const { client } = clientFor(server)
    const outcome = accepted(await client.deleteProducts(['a', 'b'], never))
    expect(outcome.counts).toEqual({ deleted: 1, not_found: 1 })
  })

  it('takes counts without a task as done at once, with one request', async () => {
    const server = await fake({ answerForm: 'counts', catalog: new Set(['a', 'b']) })
    const { client } = clientFor(server)
    const outcome = await client.deleteProducts(['a', 'b', 'c'], never)
    expect(outcome).toMatchObject({ ok: true, counts: { deleted: 2, not_found: 1 } })
    expect(server.requests).toHaveLength(1)
    expect(outcome.ok && outcome.taskId).toBeUndefined()
    expect(server.tasks.size).toBe(0)
    expect(sorted(server.deleted)).toEqual(['a', 'b'])
  })

  it('retries a 2xx with neither a task nor counts, then takes the counts', async () => {
    const server = await fake({ answerForm: 'counts' })
    const { client } = clientFor(server)
    server.inject({ route: 'delete', kind: 'no-task-id' })
    server.inject({ route: 'delete', kind: '503' })
    const outcome = await client.deleteProducts(['a'], never)
    expect(outcome).toMatchObject({ ok: true, counts: { deleted: 1, not_found: 0 } })
    expect(server.stats().deleteRequests).toBe(3)
  })

  it.each([['..'], ['.'], [' '], [''], [' .. ']])(
    'refuses the task ID %j like an answer without one, and never polls it',
    async taskId => {
      const server = await scripted((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ data: { task_id: taskId } }))
      })
      const { client } = clientFor(server, { retries: 1 })
      const outcome = failed(await client.deleteProducts(['a'], never))
      expect(outcome.failure.message).toMatch(/unusable data\.task_id/)
      expect(server.hits).toEqual(['POST /v1/products/_delete', 'POST /v1/products/_delete'])
    }
  )

  it('keeps a task ID with a slash inside one path segment', async () => {
    const server = await scripted((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ data: { task_id: '../../x' } }))
    })
    const { client } = clientFor(server)
    const { taskId } = accepted(await client.deleteProducts(['a'], never))
    await client.getStatus(taskId, never)
    expect(server.hits[1]).toBe('GET /v1/products/_status/..%2F..%2Fx')
  })
})

describe('listIds', () => {
  it('lists a type with ?type=, retrying 5xx and network errors like a status poll', async () => {
    const server = await fake({
      catalog: new Set(['a', 'b']),
      productTypes: new Map([['a', 'shoe & sock']])
    })
    const { client, logs } = clientFor(server, { retries: 2 })
    server.inject({ route: 'ids', kind: '503' })
    server.inject({ route: 'ids', kind: 'reset' })
    expect(await client.listIds('shoe & sock', never)).toEqual({ ok: true, ids: ['a'] })
    expect(server.requests.map(r => r.query)).toEqual([
      { type: 'shoe & sock' },
      { type: 'shoe & sock' },
      { type: 'shoe & sock' }
    ])
    expect(logs.join('\n')).toContain('GET /v1/products/_ids: HTTP 503')
  })

  it('fails at once on a 404 or an unreadable list, and after the retries on 5xx', async () => {
    const server = await scripted((req, res) => {
      res.writeHead(req.url === '/v1/users/_ids' ? 200 : 404, {
        'content-type': 'application/json'
      })
      res.end(JSON.stringify({ data: { ids: ['u', 1] } }))
    })
    const { client } = clientFor(server)
    expect(await client.listIds('', never)).toMatchObject({
      ok: false,
      failure: { httpStatus: 404 },
      attempts: 1
    })
    const users = clientFor(server, { recordType: 'users' }).client
    expect(await users.listIds('', never)).toEqual({
      ok: false,
      failure: {
        httpStatus: 200,
        message: '`data.ids` item 1 is a number, not a string',
        fatal: false
      },
      attempts: 1
    })
    const flaky = await fake()
    flaky.inject({ route: 'ids', kind: '500', times: 5 })
    const outcome = await clientFor(flaky, { retries: 1 }).client.listIds('', never)
    expect(outcome).toMatchObject({ ok: false, failure: { httpStatus: 500 }, attempts: 2 })
  })
})

describe('one HTTP policy for deletes and listings', () => {
  it.each([401, 403, 407])(
    'an HTTP %i stops the run from a listing as from a delete, at the first answer',
    async status => {
      const server = await scripted((_req, res) => {
        res.writeHead(status, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ message: 'no' }))
      })
      const { client } = clientFor(server, { retries: 3 })
      const listed = await client.listIds('', never)
      const deleted = await client.deleteProducts(['a'], never)
      expect(listed).toMatchObject({ ok: false, failure: { httpStatus: status, fatal: true } })
      expect(deleted).toMatchObject({ ok: false, failure: { httpStatus: status, fatal: true } })
      if (!listed.ok && !deleted.ok) expect(listed.failure.message).toBe(deleted.failure.message)
      expect(server.hits).toHaveLength(2)
    }
  )
})
