// End-to-end security and load: dist/index.js as the runner runs it. The key never shows
// anywhere the action writes, even when servers echo it back; plain http leaves only for
// loopback; ID files stay inside the workspace; hostile IDs stay text in the summary; a
// million IDs keep the summary and outputs within GitHub's limits; proxies are honoured.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import * as os from 'node:os'
import * as path from 'node:path'
import tls from 'node:tls'
import { closedPortUrl, listenOnLoopback } from '../test/support/loopback.js'
import {
  everythingWritten,
  expectNoSecret,
  runAgainst,
  unescapeHtml,
  unescapeSummary,
  workspaceWith
} from '../test/support/e2e.js'
import { type ActionRun, type RunActionOptions, runAction } from '../test/support/run-action.js'
import { type FakeMiso, type FakeMisoOptions, startFakeMiso } from '../test-server/fake-miso.js'
import { startProxy } from '../test-server/proxy.js'

// Characters that URLs, forms and workflow commands each encode differently.
const KEY = 'sk-sec/5ecret+key=&%val ue'
const WRONG_KEY = 'sk-wrong/k3y+that=&must%not leak'
const OUTPUT_LIMIT = 256 * 1024
const SUMMARY_LIMIT = 1024 * 1024

const closers: (() => Promise<void>)[] = []
afterAll(async () => {
  while (closers.length > 0) await closers.pop()?.()
})

const run = (url: string, inputs: Record<string, string>, extra: RunActionOptions = {}) =>
  runAgainst(url, KEY, inputs, extra)

async function fake(options: FakeMisoOptions = {}): Promise<FakeMiso> {
  const miso = await startFakeMiso({ apiKey: KEY, ...options })
  closers.push(() => miso.close())
  return miso
}

/**
 * A server that turns every request down with `status` and a FastAPI-style body echoing
 * what it was sent: the URL (with the key, in query mode), the key header and the first ID.
 */
async function startEchoServer(status: number): Promise<string> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      let first = ''
      try {
        first = String(JSON.parse(Buffer.concat(chunks).toString()).data.product_ids[0])
      } catch {
        // not a delete body: nothing to echo
      }
      const msg = `invalid product id ${first}; request ${req.url} key ${req.headers['x-api-key']}`
      const body = JSON.stringify({
        detail: [{ loc: ['body', 'data', 'product_ids', 0], msg, type: 'value_error' }],
        request: { url: req.url, headers: req.headers }
      })
      res.writeHead(status, { 'content-type': 'application/json' }).end(body)
    })
  })
  const { url, close } = await listenOnLoopback(server)
  closers.push(close)
  return url
}

/** A server that turns every request down, echoing its URL cut short at `cut` (end or start). */
async function startCutEchoServer(cut: 'end' | 'start'): Promise<string> {
  const server = http.createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      const text = `bad request ${req.url}`
      const message = cut === 'end' ? `${text.slice(0, -4)}…` : `bad request …${text.slice(50)}`
      res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ message }))
    })
  })
  const { url, close } = await listenOnLoopback(server)
  closers.push(close)
  return url
}

describe('a piece of the key cut short by the server is never written either', () => {
  it.concurrent.each(['end', 'start'] as const)('cut at its %s', async cut => {
    const long = 'sk-live-0123456789abcdefghijklmnopqrstuv'
    const url = await startCutEchoServer(cut)
    const result = await run(url, {
      'api-key': long,
      'auth-mode': 'query',
      'product-ids': 'k-1',
      retries: '0'
    })
    expect(result.code).toBe(1)
    const written = everythingWritten(result)
    expect(written).toContain('bad request')
    for (let at = 0; at + 12 <= long.length; at++)
      expect(written).not.toContain(long.slice(at, at + 12))
  })
})

describe('the key is never written', () => {
  it.concurrent.each(['header', 'query'])(
    '%s auth: a 401 that echoes the request, wrong key included',
    async mode => {
      const miso = await fake({ echoRequestOn401: true })
      const result = await run(miso.url, {
        'api-key': WRONG_KEY,
        'auth-mode': mode,
        'product-ids': 'k-1,k-2',
        // The delete's answer is the subject (a refused backup is e2e-undo's).
        backup: 'false'
      })
      expect(result.code).toBe(1)
      expect(result.outputs.status).toBe('failed')
      expect(result.summary).toContain('invalid api key')
      // The echo came back and was cut out.
      expect(readFileSync(result.outputs['result-path'], 'utf8')).toContain('***')
      expectNoSecret(result, WRONG_KEY, KEY)
    }
  )

  it.concurrent('a 401 whose message embeds the key inside a base64 token', async () => {
    // A request ID that is base64 of JSON holding the key it was sent: the key's base64 starts
    // part-way through a byte group, so its whole base64 form never appears.
    const server = http.createServer((req, res) => {
      req.resume()
      req.on('end', () => {
        const token = Buffer.from(JSON.stringify({ key: req.headers['x-api-key'] }))
        const message = `invalid credentials, request id ${token.toString('base64')}`
        res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ message }))
      })
    })
    const { url, close } = await listenOnLoopback(server)
    closers.push(close)
    const result = await run(url, { 'product-ids': 'p-1', retries: '0' })
    expect(result.code).toBe(1)
    expect(result.summary).toContain('invalid credentials, request id')
    expectNoSecret(result, KEY)
    // No base64 run anywhere decodes to the key, whatever its alignment.
    for (const run of everythingWritten(result).match(/[A-Za-z0-9+/_-]{16,}/g) ?? []) {
      for (const skip of [0, 1, 2, 3]) {
        expect(Buffer.from(run.slice(skip), 'base64').toString('utf8')).not.toContain(KEY)
      }
    }
  })

  it.concurrent.each(['header', 'query'])(
    '%s auth: a 422 whose message and body echo the request',
    async mode => {
      const url = await startEchoServer(422)
      const inputs = { 'auth-mode': mode, 'product-ids': 'e-1,e-2', backup: 'false' }
      const result = await run(url, inputs)
      expect(result.code).toBe(1)
      const [entry] = JSON.parse(result.outputs.result) as {
        error: { http_status: number; message: string }
      }[]
      expect(entry.error.http_status).toBe(422)
      expect(entry.error.message).toMatch(/^body\.data\.product_ids\.0: invalid product id e-1;/)
      // Query mode has the key in the URL only, header mode in the header only.
      expect(entry.error.message).toContain(
        mode === 'query' ? '_delete?api_key=*** key undefined' : '_delete key ***'
      )
      expectNoSecret(result, KEY)
    }
  )

  it.concurrent.each(['header', 'query'])(
    '%s auth: status bodies that echo the key are kept redacted',
    async mode => {
      const echo = JSON.stringify({
        data: {
          status: 'done',
          request: `/v1/products/_status/t?api_key=${encodeURIComponent(KEY)}`
        },
        headers: { 'x-api-key': KEY }
      })
      const miso = await fake({ statusBody: () => ({ status: 200, body: echo }) })
      const result = await run(miso.url, { 'auth-mode': mode, 'product-ids': 's-1' })
      expect(result.code).toBe(0)
      const [entry] = JSON.parse(result.outputs.result) as { response: string }[]
      expect(entry.response).toContain('api_key=***')
      expectNoSecret(result, KEY)
    }
  )

  it.concurrent(
    'query auth: network errors name the path, never the URL with the key',
    async () => {
      const miso = await fake()
      miso.inject({ route: 'delete', kind: 'reset' })
      miso.inject({ route: 'delete', kind: 'hang' })
      miso.inject({ route: 'delete', kind: 'truncated' })
      const result = await run(miso.url, {
        'auth-mode': 'query',
        'product-ids': 'n-1,n-2,n-3',
        'batch-size': '1',
        concurrency: '1',
        retries: '0',
        'request-timeout': '1'
      })
      expect(result.code).toBe(1)
      const messages = (JSON.parse(result.outputs.result) as { error: { message: string } }[]).map(
        e => e.error.message
      )
      expect(messages).toEqual([
        expect.stringMatching(/^POST \/v1\/products\/_delete: (connection reset|socket hang up)/),
        'POST /v1/products/_delete: no complete answer within 1 s (request-timeout)',
        expect.stringMatching(/^POST \/v1\/products\/_delete: answer cut off after HTTP 200/)
      ])
      expectNoSecret(result, KEY)

      const refused = await run(await closedPortUrl(), {
        'auth-mode': 'query',
        'product-ids': 'n-4',
        retries: '0'
      })
      expect(refused.code).toBe(1)
      expect(refused.outputs.result).toContain('connection refused (ECONNREFUSED)')
      expectNoSecret(refused, KEY)
    }
  )

  it.concurrent('a proxy password is not written either', async () => {
    const miso = await fake()
    const proxy = await startProxy()
    closers.push(() => proxy.close())
    const password = 'pr0xy/pa55+word'
    const proxyUrl = proxy.url.replace('http://', `http://user:${encodeURIComponent(password)}@`)
    const result = await run(miso.url, { 'product-ids': 'p-1' }, { env: { HTTP_PROXY: proxyUrl } })
    expect(result.code).toBe(0)
    expect(proxy.requests.length).toBeGreaterThan(0)
    expect(result.stdout).toContain(`through proxy ${proxy.url}`)
    expectNoSecret(result, KEY, password)
  })
})

/** The key escaped as JSON encoders do: every character as `\u00XX`, and `/` as `\/`. */
function jsonEscapedForms(secret: string): string[] {
  const unicode = [...secret]
    .map(c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .join('')
  return [unicode, unicode.toUpperCase().replace(/\\U/g, '\\u'), secret.replace(/\//g, '\\/')]
}

/**
 * A server that echoes the key it was sent everywhere it can: in the task ID it hands out
 * (so the key comes back in status URLs, the task table and the result), in Miso-style
 * messages, and JSON-escaped (`\u00XX`, `\/`), HTML-escaped and percent-encoded in bodies.
 * The first batch is accepted; the second is refused 422 with the key in the message.
 */
async function startKeyEchoServer(): Promise<string> {
  let deletes = 0
  const server = http.createServer((req, res) => {
    const key = String(req.headers['x-api-key'] ?? '')
    const [unicode, upper, slashes] = jsonEscapedForms(key)
    const html = [...key].map(c => `&#${c.charCodeAt(0)};`).join('')
    req.resume()
    req.on('end', () => {
      let status = 200
      let body: string
      if (req.method === 'POST' && deletes++ === 0) {
        body = JSON.stringify({ message: `accepted for ${key}`, data: { task_id: `t-${key}` } })
      } else if (req.method === 'POST') {
        status = 422
        body = `{"message":"key \\"${unicode}\\" refused","detail":"${slashes}"}`
      } else {
        body =
          `{"data":{"status":"done","deleted":{"count":1},"echo":"${upper}",` +
          `"html":"${html}","url":"${encodeURIComponent(key)}"},"message":"${key}"}`
      }
      res.writeHead(status, { 'content-type': 'application/json' }).end(body)
    })
  })
  const { url, close } = await listenOnLoopback(server)
  closers.push(close)
  return url
}

describe('hostile servers and proxies cannot get a secret written', () => {
  it.concurrent(
    'a key echoed in a task ID and in messages, plain and escaped, reaches no channel',
    async () => {
      const url = await startKeyEchoServer()
      const result = await run(url, {
        'product-ids': 'h-1,h-2',
        'batch-size': '1',
        backup: 'false'
      })
      expect(result.code).toBe(1)
      expect(result.outputs.status).toBe('failed')
      // The task was polled with its (hostile) ID and reported, masked.
      expect(JSON.parse(result.outputs['task-ids'])).toEqual(['t-***'])
      expect(unescapeSummary(result.summary)).toContain('t-***')
      const entries = JSON.parse(readFileSync(result.outputs['result-path'], 'utf8')) as {
        task_id: string | null
        response: string
        error?: { message: string }
      }[]
      expect(entries[0].task_id).toBe('t-***')
      expect(entries[0].response).toContain('"echo":"***"')
      expect(entries[1].error?.message).toBe('key "***" refused')
      expectNoSecret(result, KEY)
    }
  )

  it.concurrent.each([
    ['http', 'HTTP_PROXY', 'http://127.0.0.1:1'],
    ['CONNECT', 'HTTPS_PROXY', 'https://localhost:1']
  ])(
    '%s: a proxy answering 407 with the request echoed stops the run, credentials masked',
    async (_, variable, apiUrl) => {
      const proxy = await startProxy({ refuse407: true })
      closers.push(() => proxy.close())
      const user = 'proxy-user'
      const password = 'pr0xy/pa55+word'
      const proxyUrl = proxy.url.replace(
        'http://',
        `http://${user}:${encodeURIComponent(password)}@`
      )
      const basic = Buffer.from(`${user}:${password}`).toString('base64')
      const result = await run(
        apiUrl,
        { 'product-ids': 'p-1,p-2,p-3', 'batch-size': '1', concurrency: '1' },
        { env: { [variable]: proxyUrl } }
      )
      // The proxy saw the credentials, and one request: the first 407 stopped the run.
      expect(proxy.requests).toHaveLength(1)
      expect(proxy.requests[0].auth).toBe(`Basic ${basic}`)
      expect(result.code).toBe(1)
      expect(result.outputs.status).toBe('failed')
      expect(result.outputs['failed-count']).toBe('3')
      const entries = JSON.parse(result.outputs.result) as {
        status: string
        error?: { http_status: number; message: string }
      }[]
      expect(entries.map(e => e.status)).toEqual(['failed', 'not-sent', 'not-sent'])
      expect(entries[0].error?.http_status).toBe(407)
      expect(entries[0].error?.message).toContain(`check the proxy credentials in ${variable}`)
      expect(result.summary).toContain('HTTP 407')
      expectNoSecret(result, KEY, password, `${user}:${password}`)
    }
  )

  it.concurrent('a proxy password with a malformed percent-escape names the variable', async () => {
    const result = await run(
      'https://localhost:1',
      { 'product-ids': 'p-1' },
      { env: { HTTPS_PROXY: 'http://user:pa%ZZss@127.0.0.1:1' } }
    )
    expect(result.code).toBe(1)
    expect(result.outputs.status).toBe('failed')
    expect(result.stdout).toMatch(
      /::error::HTTPS_PROXY has a malformed percent-escape in its password/
    )
    expect(result.stdout).not.toContain('URI malformed')
    expect(everythingWritten(result)).not.toContain('ZZss')
  })
})

describe('plain http only to loopback hosts', () => {
  it.concurrent.each([
    'http://api.askmiso.com',
    'HTTP://API.ASKMISO.COM/v1',
    'http://127.0.0.1.nip.io',
    'http://localhost.example.com:8080',
    'http://0.0.0.0:8080',
    'http://10.0.0.1',
    'http://[::ffff:7f00:1]',
    'http://[fe80::1]'
  ])('refuses %s before any call', async url => {
    // Step debug logging on, so that any request would show in the log.
    const result = await run(url, { 'product-ids': 'h-1' }, { env: { RUNNER_DEBUG: '1' } })
    expect(result.code).toBe(1)
    expect(result.outputs.status).toBe('failed')
    expect(result.stdout).toMatch(
      /::error::Input `api-url` must use https \(http:\/\/[^)]*\); plain http is allowed only for loopback hosts\./
    )
    expect(result.stdout).not.toMatch(/POST \/v1|accepted as task/)
    expectNoSecret(result, KEY)
  })
})

describe('ID files stay inside the workspace', () => {
  it('refuses every way out (links, .., absolute paths), but follows links that stay inside', async () => {
    const miso = await fake()
    const outside = mkdtempSync(path.join(os.tmpdir(), 'e2e-sec-outside-'))
    writeFileSync(path.join(outside, 'ids.txt'), 'secret-1\n')
    const workspace = workspaceWith({ 'real/ids.txt': 'inside-1\n' })
    symlinkSync(path.join(outside, 'ids.txt'), path.join(workspace, 'link.txt'))
    symlinkSync(outside, path.join(workspace, 'linked'))
    symlinkSync(path.join(workspace, 'real', 'ids.txt'), path.join(workspace, 'alias.txt'))
    const up = `../${path.basename(outside)}`

    const refused: [string, RegExp][] = [
      ['link.txt', /link\.txt is a link to .*, outside the workspace/],
      ['*.txt', /link\.txt is a link to .*, outside the workspace/],
      ['linked/ids.txt', /linked\/ids\.txt is a link to .*, outside the workspace/],
      ['linked/*.txt', /linked\/ids\.txt is a link to .*, outside the workspace/],
      [`${up}/ids.txt`, /is outside the workspace/],
      ['real/../../x/ids.txt', /is outside the workspace/],
      ['../*/ids.txt', /"\.\." is not allowed in a glob pattern/],
      [path.join(outside, 'ids.txt'), /is outside the workspace and RUNNER_TEMP/]
    ]
    for (const [pattern, message] of refused) {
      const result = await run(miso.url, { 'ids-file': pattern }, { workspace })
      expect(result.code).toBe(1)
      expect(result.outputs.status).toBe('failed')
      expect(result.stdout).toMatch(new RegExp(`::error::ids-file: .*${message.source}`))
      expect(everythingWritten(result)).not.toContain('secret-1')
    }
    expect(miso.requests).toHaveLength(0)

    // The control: a link inside the workspace to a file inside it is read.
    const allowed = await run(miso.url, { 'ids-file': 'alias.txt' }, { workspace })
    expect(allowed.code).toBe(0)
    expect(miso.deleted).toEqual(new Set(['inside-1']))
  })
})

describe('hostile IDs', () => {
  const HOSTILE = [
    '<script>alert(1)</script>',
    'a|b|c',
    '`code` and ``more``',
    '</pre></details><h1>owned</h1>',
    '**bold** [x](javascript:alert(1)) ![i](http://x/i.png)',
    '&lt;entity&gt; &amp;',
    '<!-- open comment',
    '| --- | --- |',
    '\\| escaped pipe',
    '# heading',
    '<details><summary>x</summary>',
    '\'quotes\' "double" ~~strike~~ _em_'
  ]
  const ALLOWED_TAGS = ['<details>', '<summary>', '</summary>', '<pre>', '</pre>', '</details>']

  /**
   * The summary's skeleton, whatever the IDs: headings, raw HTML tags and table shapes.
   * Inside `<pre>` Markdown is not read (only HTML, which is escaped there), so headings,
   * pipes and backticks are checked outside it.
   */
  function expectStructure(summary: string, headings: string[]): void {
    expect((summary.match(/<\/?[a-z][^>]*>/gi) ?? []).sort()).toEqual([...ALLOWED_TAGS].sort())
    const outside = summary.replace(/<pre>\n[^<]*<\/pre>/, '<pre></pre>')
    expect(outside).not.toContain('<pre>\n')
    const lines = outside.split('\n')
    expect(lines.filter(line => line.startsWith('#'))).toEqual(headings)
    expect(outside).not.toContain('`')
    // Every row of a table has as many cells as the table's header.
    let cells: number | undefined
    for (const line of lines) {
      if (!line.startsWith('|')) {
        cells = undefined
        continue
      }
      const count = line.split('|').length
      cells ??= count
      expect(count).toBe(cells)
    }
  }

  it('cannot change the structure of the summary, and every ID is shown as it is', async () => {
    // Miso's message echoes the first ID, so hostile text reaches the Errors table too.
    const url = await startEchoServer(422)
    const name = 'a|b`c`<i>x&amp;.json'
    const workspace = workspaceWith({ [name]: JSON.stringify(HOSTILE) })
    const inputs = { 'ids-file': '*.json', 'batch-size': '4', backup: 'false' }
    const result = await run(url, inputs, { workspace })
    expect(result.code).toBe(1)
    expect(JSON.parse(result.outputs.ids)).toEqual(HOSTILE)
    const { summary } = result
    expectStructure(summary, [
      '## ❌ Miso bulk delete: failed',
      '### Notes',
      '### Where the IDs came from',
      '### Tasks',
      '### Errors',
      '### What to do next'
    ])
    const pre = /<pre>\n([\s\S]*)<\/pre>/.exec(summary)?.[1] ?? ''
    expect(unescapeHtml(pre)).toBe(HOSTILE.join('\n') + '\n')
    expect(unescapeSummary(summary)).toContain(`| ID file ${name} | 12 | 12 |`)
    expect(result.outputs['failed-count']).toBe('12')
    expect(unescapeSummary(summary)).toContain(`invalid product id ${HOSTILE[0]};`)
    expect(unescapeSummary(summary)).toContain(`invalid product id ${HOSTILE[8]};`)
  })

  it.each([
    ['ids.json', JSON.stringify(['ok-1', 'bad\nid']), /ID file ids\.json gave the ID "bad\\nid"/],
    ['ids.jsonl', '"ok-1"\n"bad\\nid"\n', /ID file ids\.jsonl gave the ID "bad\\nid"/],
    ['ids.csv', 'product_id\nok-1\n"bad\nid"\n', /ID file ids\.csv gave the ID "bad\\nid"/]
  ])('an ID with a line break (%s) is refused before any call', async (file, text, message) => {
    const miso = await fake()
    const workspace = workspaceWith({ [file]: text })
    const result = await run(miso.url, { 'ids-file': file }, { workspace })
    expect(result.code).toBe(1)
    expect(result.outputs.status).toBe('failed')
    expect(result.stdout).toMatch(
      new RegExp(`::error::${message.source}, which is empty or holds control characters\\.`)
    )
    expect(result.summary).not.toContain('bad\nid')
    expect(miso.requests).toHaveLength(0)
  })
})

describe('a million IDs', () => {
  const MILLION = 1_000_000
  // The action's own limit below is 60 s; jest's must be longer, or a loaded machine fails
  // the test before the action has had its time.
  const LIMIT_MS = 120_000
  let workspace: string
  beforeAll(() => {
    workspace = workspaceWith({
      'ids.txt': Array.from({ length: MILLION }, (_, i) => `sku-${i}`).join('\n') + '\n'
    })
  })

  /** Outputs within their limits, cut at an ID boundary, and files holding everything. */
  function expectWithinLimits(result: ActionRun): void {
    expect(Buffer.byteLength(result.summary)).toBeLessThanOrEqual(SUMMARY_LIMIT)
    expect(Buffer.byteLength(result.outputs.ids)).toBeLessThanOrEqual(OUTPUT_LIMIT)
    expect(result.outputs['ids-truncated']).toBe('true')
    const shown = JSON.parse(result.outputs.ids) as string[]
    expect(shown.length).toBeGreaterThan(10_000)
    expect(shown.slice(-1)[0]).toBe(`sku-${shown.length - 1}`)
    expect(result.outputs.count).toBe(String(MILLION))
    const lines = readFileSync(result.outputs['ids-path'], 'utf8').split('\n')
    expect(lines).toHaveLength(MILLION + 1)
    expect(lines[MILLION - 1]).toBe(`sku-${MILLION - 1}`)
    expect(result.summary).toMatch(/… \d+ more IDs not shown: the `ids-path` output names a file/)
    expect(Buffer.byteLength(result.outputs.result)).toBeLessThanOrEqual(OUTPUT_LIMIT)
  }

  it(
    'dry run: succeeds, with the summary under 1 MiB and the outputs under 256 KiB',
    async () => {
      const result = await runAction({
        workspace,
        inputs: { 'ids-file': 'ids.txt', 'dry-run': 'true' },
        timeoutMs: 60_000
      })
      expect(result.code).toBe(0)
      expect(result.outputs.status).toBe('dry-run')
      expectWithinLimits(result)
      expect(result.stdout).toContain('more than `max-deletions` (1000)')
    },
    LIMIT_MS
  )

  it(
    'deleted in 1000 batches: all confirmed, result cut to 256 KiB, the file whole',
    async () => {
      const miso = await fake()
      const result = await run(
        miso.url,
        { 'ids-file': 'ids.txt', 'max-deletions': '0' },
        { workspace, timeoutMs: 60_000 }
      )
      expect(result.code).toBe(0)
      expect(result.outputs.status).toBe('succeeded')
      expect(result.stderr).toBe('')
      expectWithinLimits(result)
      expect(result.outputs['result-truncated']).toBe('true')
      const entries = JSON.parse(readFileSync(result.outputs['result-path'], 'utf8')) as {
        status: string
        count: number
      }[]
      expect(entries).toHaveLength(1000)
      expect(entries.every(e => e.status === 'succeeded' && e.count === 1000)).toBe(true)
      expect(result.outputs['failed-count']).toBe('0')
      expect(miso.deleted.size).toBe(MILLION)
      expect(miso.stats().deleteRequests).toBe(1000)
      expect(result.summary).toContain('more batches not shown')
    },
    LIMIT_MS
  )
})

describe('proxies', () => {
  it.concurrent.each(['HTTP_PROXY', 'http_proxy'])('%s carries every request', async name => {
    const miso = await fake()
    const proxy = await startProxy()
    closers.push(() => proxy.close())
    const result = await run(miso.url, { 'product-ids': 'x-1' }, { env: { [name]: proxy.url } })
    expect(result.code).toBe(0)
    const [taskId] = JSON.parse(result.outputs['task-ids']) as string[]
    expect(proxy.requests).toContainEqual({
      method: 'POST',
      target: `${miso.url}/v1/products/_delete`
    })
    expect(proxy.requests).toContainEqual({
      method: 'GET',
      target: `${miso.url}/v1/products/_status/${taskId}`
    })
    expect(proxy.requests).toHaveLength(miso.requests.length)
    expect(miso.deleted).toEqual(new Set(['x-1']))
  })

  it.concurrent.each(['NO_PROXY', 'no_proxy'])('%s=127.0.0.1 skips the proxy', async name => {
    const miso = await fake()
    const proxy = await startProxy()
    closers.push(() => proxy.close())
    const result = await run(
      miso.url,
      { 'product-ids': 'y-1' },
      { env: { HTTP_PROXY: proxy.url, [name]: '127.0.0.1' } }
    )
    expect(result.code).toBe(0)
    expect(proxy.requests).toEqual([])
    expect(miso.deleted).toEqual(new Set(['y-1']))
  })

  const openssl = spawnSync('openssl', ['version']).status === 0
  const tlsTest = openssl ? it.concurrent.each : it.skip.each
  tlsTest(['HTTPS_PROXY', 'https_proxy'])(
    `%s tunnels an https api-url with CONNECT${openssl ? '' : ' (skipped: openssl not found)'}`,
    async name => {
      const miso = await fake()
      const proxy = await startProxy()
      closers.push(() => proxy.close())
      const front = await startTlsFront(miso.port)
      const result = await run(
        `https://localhost:${front.port}`,
        { 'product-ids': 'z-1' },
        { env: { [name]: proxy.url, NODE_EXTRA_CA_CERTS: front.certFile } }
      )
      expect(result.code).toBe(0)
      expect(proxy.requests.length).toBeGreaterThan(0)
      expect(proxy.requests.every(r => r.method === 'CONNECT')).toBe(true)
      expect(proxy.requests[0].target).toBe(`localhost:${front.port}`)
      expect(miso.deleted).toEqual(new Set(['z-1']))
    }
  )
})

/**
 * TLS in front of the (plain http) local Miso server, with a certificate for `localhost`
 * made now; the child trusts it through NODE_EXTRA_CA_CERTS. The test proxy takes
 * `localhost` to 127.0.0.1.
 */
async function startTlsFront(targetPort: number): Promise<{ port: number; certFile: string }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'e2e-sec-tls-'))
  const keyFile = path.join(dir, 'key.pem')
  const certFile = path.join(dir, 'cert.pem')
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost'
    ],
    { stdio: 'ignore' }
  )
  const server = tls.createServer(
    { key: readFileSync(keyFile), cert: readFileSync(certFile) },
    socket => {
      const upstream = net.connect(targetPort, '127.0.0.1')
      socket.pipe(upstream).pipe(socket)
      socket.on('error', () => upstream.destroy())
      upstream.on('error', () => socket.destroy())
    }
  )
  const { port, close } = await listenOnLoopback(server)
  closers.push(close)
  return { port, certFile }
}
