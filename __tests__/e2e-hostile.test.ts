// End-to-end: what hostile data can do to the runner's channels. The bundled dist/index.js
// runs as the runner runs it, against servers, files and repositories an attacker controls:
// no workflow command smuggled into the log, every channel within its size limit, no call to
// Miso when the report could not be written, and a report even for a run cancelled at once.
import { afterAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import * as os from 'node:os'
import * as path from 'node:path'
import { pathToFileURL } from 'node:url'
import { runAgainst, workspaceWith } from '../test/support/e2e.js'
import { listenOnLoopback } from '../test/support/loopback.js'
import { type ActionRun, type RunActionOptions, runAction } from '../test/support/run-action.js'
import { type FakeMiso, startFakeMiso } from '../test-server/fake-miso.js'
import { TestRepo } from '../test-server/git-repo.js'

const KEY = 'sk-hostile-5ecret-key'
const OUTPUT_LIMIT = 256 * 1024
const SUMMARY_LIMIT = 1024 * 1024

const closers: (() => Promise<void>)[] = []
afterAll(async () => {
  while (closers.length > 0) await closers.pop()?.()
})

const run = (url: string, inputs: Record<string, string>, extra: RunActionOptions = {}) =>
  runAgainst(url, KEY, inputs, extra)

async function fake(): Promise<FakeMiso> {
  const miso = await startFakeMiso({ apiKey: KEY })
  closers.push(() => miso.close())
  return miso
}

interface Scripted {
  /** The delete answer for the n-th delete request (0-based). */
  remove(n: number): { status: number; body: unknown }
  /** The status answer for the n-th poll of a task. */
  status?(n: number): unknown
}

/** A server answering deletes and polls as scripted; URLs of any length are read. */
async function startScripted(script: Scripted): Promise<string> {
  let deletes = 0
  const polls = new Map<string, number>()
  const server = http.createServer({ maxHeaderSize: 4 * 1024 * 1024 }, (req, res) => {
    req.resume()
    req.on('end', () => {
      const send = (status: number, body: unknown): void => {
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
      }
      if (req.method === 'POST') {
        const { status, body } = script.remove(deletes++)
        return send(status, body)
      }
      const url = req.url ?? ''
      const n = polls.get(url) ?? 0
      polls.set(url, n + 1)
      send(200, script.status?.(n) ?? { data: { status: 'done' } })
    })
  })
  const { url, close } = await listenOnLoopback(server)
  closers.push(close)
  return url
}

interface RunnerCommand {
  name: string
  properties: string
  data: string
}

/**
 * Every line of `stdout` the runner would act on, parsed as it parses them: `::name
 * props::data` after leading white space, and the older `##[name props]data` anywhere in a
 * line; lines between `::stop-commands::TOKEN` and `::TOKEN::` are skipped.
 */
function runnerCommands(stdout: string): RunnerCommand[] {
  const commands: RunnerCommand[] = []
  let stopToken: string | undefined
  for (const line of stdout.split(/\r\n|\r|\n/)) {
    const trimmed = line.trimStart()
    const v2 = /^::([^\s:]+)( [^:]*)?::(.*)$/.exec(trimmed)
    if (stopToken !== undefined) {
      if (v2 && v2[1] === stopToken) stopToken = undefined
      continue
    }
    if (v2) {
      commands.push({ name: v2[1], properties: (v2[2] ?? '').trim(), data: v2[3] })
      if (v2[1] === 'stop-commands') stopToken = v2[3]
      continue
    }
    const v1 = /##\[([^\s\]]+)([^\]]*)\](.*)$/.exec(line)
    if (v1) commands.push({ name: v1[1], properties: v1[2].trim(), data: v1[3] })
  }
  return commands
}

/** Only the commands the action itself gives: masks, messages without properties, groups. */
function expectOnlyOwnCommands(result: ActionRun): void {
  const commands = runnerCommands(result.stdout)
  const own = new Set(['add-mask', 'debug', 'notice', 'warning', 'error', 'group', 'endgroup'])
  for (const command of commands) {
    expect(own).toContain(command.name)
    expect(command.properties).toBe('')
    if (command.name === 'add-mask') expect(command.data).toBe(KEY)
  }
  // The step's own failure, and nothing that claims to be another one.
  expect(commands.filter(c => c.name === 'error').length).toBeLessThanOrEqual(1)
}

const HOSTILE_IDS = [
  '::error title=pwn::an ID',
  '::set-output name=status::succeeded',
  '::stop-commands::hostile',
  '::add-mask::visible',
  '::warning file=x::w',
  'x ##[set-output name=status;]succeeded',
  'plain-id'
]

describe('no workflow command smuggled through data', () => {
  it('IDs, task IDs, status words, count keys and messages stay text in the log', async () => {
    const url = await startScripted({
      remove: n =>
        n === 3
          ? { status: 422, body: { message: 'bad id\n::error title=msg::from Miso' } }
          : { status: 200, body: { data: { task_id: `t-${n}\n::error title=task::x` } } },
      status: n =>
        n === 0
          ? { data: { status: 'weird\n::error title=word::x' } }
          : { data: { status: 'done', deleted: { count: 2 }, 'gone\n::error title=count::x': 1 } }
    })
    const workspace = workspaceWith({ 'ids.json': JSON.stringify(HOSTILE_IDS) })
    const result = await run(
      url,
      { 'ids-file': 'ids.json', 'batch-size': '2', concurrency: '1', backup: 'false' },
      { workspace, env: { RUNNER_DEBUG: '1' } }
    )
    expect(result.code).toBe(1)
    expect(JSON.parse(result.outputs.ids)).toEqual(HOSTILE_IDS)
    // Each value is still there to read, on one line with its line breaks escaped.
    expect(result.stdout).toContain('\\::error title=pwn::an ID')
    expect(result.stdout).toContain('accepted as task t-0\\n::error title=task::x')
    expect(result.stdout).toContain('##\\[set-output')
    // The plan's listing: one line per ID, each escaped on its own.
    expect(result.stdout).toMatch(/^\\::set-output name=status::succeeded$/m)
    expect(result.stdout).toMatch(/^\\::add-mask::visible$/m)
    expectOnlyOwnCommands(result)
  })

  it("a file name with a line break in the diff's `Kept` line stays on one line", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'e2e-hostile-repo-'))
    const repo = TestRepo.create(dir)
    const product = (id: string) => JSON.stringify({ product_id: id })
    repo.write({ 'catalog/a.json': product('SKU-A'), 'catalog/b.json': product('SKU-B') })
    const base = repo.commit('catalog')
    repo.remove('catalog/a.json', 'catalog/b.json')
    repo.write({ 'catalog/x\n::error title=kept::pwn.json': product('SKU-A') })
    const head = repo.commit('move a to a hostile name')
    const result = await runAction({
      workspace: repo.dir,
      inputs: {
        'dry-run': 'true',
        'deleted-paths': 'catalog/**',
        'id-from': 'json:product_id',
        base,
        head
      },
      env: { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' }
    })
    expect(result.code).toBe(0)
    expect(JSON.parse(result.outputs.ids)).toEqual(['SKU-B'])
    expect(result.stdout).toContain('SKU-A (catalog/x\\n::error title=kept::pwn.json)')
    expectOnlyOwnCommands(result)
  })

  it('one rule for control characters: a tab and a C1 NEL escaped in the log, spaces in the summary', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'e2e-hostile-repo-'))
    closers.push(async () => rmSync(dir, { recursive: true, force: true }))
    const repo = TestRepo.create(dir)
    const product = (id: string) => JSON.stringify({ product_id: id })
    repo.write({ 'catalog/a.json': product('SKU-A'), 'catalog/b.json': product('SKU-B') })
    const base = repo.commit('catalog')
    repo.remove('catalog/a.json', 'catalog/b.json')
    repo.write({ 'catalog/x\ty\u0085z.json': product('SKU-A') })
    const head = repo.commit('move a to a name with control characters')
    const result = await runAction({
      workspace: repo.dir,
      inputs: {
        'dry-run': 'true',
        'deleted-paths': 'catalog/**',
        'id-from': 'json:product_id',
        base,
        head
      },
      env: { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' }
    })
    expect(result.code).toBe(0)
    expect(JSON.parse(result.outputs.ids)).toEqual(['SKU-B'])
    expect(result.stdout).toContain('SKU-A (catalog/x\\ty\\u0085z.json)')
    expect(result.stdout).not.toMatch(/[\t\u0085]/)
    expect(result.summary).toContain('| SKU-A | catalog/x y z.json |')
    expect(result.summary).not.toMatch(/[\t\u0085]/)
    expectOnlyOwnCommands(result)
  })
})

describe('every channel stays within its limits, whatever the values', () => {
  const big = (c: string, n: number) => `${c}${'x'.repeat(n)}`

  /** Summary and log small, every output within GitHub's limit. */
  function expectBounded(result: ActionRun, logLimit: number): void {
    expect(Buffer.byteLength(result.summary)).toBeLessThan(SUMMARY_LIMIT)
    expect(Buffer.byteLength(result.stdout)).toBeLessThan(logLimit)
    for (const value of Object.values(result.outputs)) {
      expect(Buffer.byteLength(value)).toBeLessThanOrEqual(OUTPUT_LIMIT)
    }
  }

  it('five IDs of 100 KB: cut in the summary and log, whole in the ID file', async () => {
    const ids = ['a', 'b', 'c', 'd', 'e'].map(c => big(c, 100_000))
    const workspace = workspaceWith({ 'ids.txt': ids.join('\n') + '\n' })
    const result = await runAction({
      workspace,
      inputs: { 'ids-file': 'ids.txt', 'dry-run': 'true' }
    })
    expect(result.code).toBe(0)
    expectBounded(result, 100_000)
    expect(Buffer.byteLength(result.summary)).toBeLessThan(50_000)
    expect(result.summary).toMatch(/^ax+…\[\d+ more characters\]…x+$/m)
    expect(result.outputs['ids-truncated']).toBe('true')
    expect(readFileSync(result.outputs['ids-path'], 'utf8')).toBe(ids.join('\n') + '\n')
  })

  it('a refused 10 MB ID: the error names it, cut, in the summary and the annotation', async () => {
    const workspace = workspaceWith({ 'ids.json': JSON.stringify(['ok-1', big('\u0001', 10e6)]) })
    const miso = await fake()
    const result = await run(miso.url, { 'ids-file': 'ids.json' }, { workspace })
    expect(result.code).toBe(1)
    expect(miso.requests).toHaveLength(0)
    expectBounded(result, 50_000)
    expect(Buffer.byteLength(result.summary)).toBeLessThan(50_000)
    const error = result.stdout.split('\n').find(line => line.startsWith('::error::'))
    expect(error).toMatch(
      /^::error::ID file ids\.json gave the ID .*more characters.*control characters\.$/
    )
  })

  it('20 task IDs of 900 KB: task-ids cut to 256 KiB, the result file whole', async () => {
    const url = await startScripted({
      remove: n => ({ status: 200, body: { data: { task_id: big(String(n % 10), 900_000) } } })
    })
    const result = await run(url, {
      'product-ids': Array.from({ length: 20 }, (_, i) => `t-${i}`).join(','),
      'batch-size': '1',
      wait: 'false',
      backup: 'false'
    })
    expect(result.code).toBe(0)
    expect(result.outputs.status).toBe('submitted')
    expectBounded(result, 500_000)
    expect(result.outputs['task-ids-truncated']).toBe('true')
    expect(result.outputs['result-truncated']).toBe('true')
    const entries = JSON.parse(readFileSync(result.outputs['result-path'], 'utf8')) as {
      task_id: string
    }[]
    expect(entries.map(e => e.task_id.length)).toEqual(Array(20).fill(900_001))
  })

  it('a new 900 KB status word on every poll: each warning cut', async () => {
    const url = await startScripted({
      remove: () => ({ status: 200, body: { data: { task_id: 'task-1' } } }),
      status: n => ({ data: { status: n < 5 ? big(String(n), 900_000) : 'done' } })
    })
    const result = await run(url, { 'product-ids': 'w-1', backup: 'false' })
    expect(result.code).toBe(0)
    expect(result.outputs.status).toBe('succeeded')
    expectBounded(result, 100_000)
  })
})

describe('the report must be writable before anything is sent', () => {
  const home = mkdtempSync(path.join(os.tmpdir(), 'e2e-hostile-dest-'))
  const aFile = path.join(home, 'a-file')
  const aDir = path.join(home, 'a-dir')
  writeFileSync(aFile, '')
  mkdirSync(aDir)

  it.each([
    ['RUNNER_TEMP', path.join(home, 'missing'), 'does not exist'],
    ['RUNNER_TEMP', aFile, 'is not a directory'],
    ['GITHUB_OUTPUT', aDir, 'is not a file'],
    ['GITHUB_STEP_SUMMARY', path.join(home, 'missing', 'summary.md'), 'does not exist']
  ])('%s at %s: refused, naming it, with no call to Miso', async (name, value, problem) => {
    const miso = await fake()
    const result = await run(miso.url, { 'product-ids': 'r-1' }, { env: { [name]: value } })
    expect(result.code).toBe(1)
    expect(miso.requests).toHaveLength(0)
    expect(result.stdout).toContain(
      `::error::The run's report could not be written, so nothing was sent to Miso: ${name} (${value}) ${problem}.`
    )
    expect(result.stderr).not.toMatch(/at .*index\.js/)
  })
})

describe('cancelled at once', () => {
  it('a SIGINT while the action is still loading gives outputs and a summary, cancelled', async () => {
    // A module hook sends SIGINT as the first chunk of the bundle after its entry loads,
    // and holds that load back a little: the moment of a workflow cancelled at once.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'e2e-hostile-hook-'))
    const hooks = path.join(dir, 'hooks.mjs')
    const register = path.join(dir, 'register.mjs')
    writeFileSync(
      hooks,
      `let sent = false
export async function load(url, context, next) {
  if (!sent && /\\/dist\\/\\d+\\.index\\.js$/.test(url)) {
    sent = true
    process.kill(process.pid, 'SIGINT')
    await new Promise(resolve => setTimeout(resolve, 200))
  }
  return next(url, context)
}
`
    )
    writeFileSync(
      register,
      `import { register } from 'node:module'\nregister(${JSON.stringify(pathToFileURL(hooks).href)})\n`
    )
    const miso = await fake()
    const result = await run(
      miso.url,
      { 'product-ids': 'c-1' },
      { env: { NODE_OPTIONS: `--import=${pathToFileURL(register).href}` } }
    )
    expect(result.signal).toBeNull()
    expect(result.code).toBe(1)
    expect(result.outputs.status).toBe('cancelled')
    expect(result.outputs['failed-count']).toBe('1')
    expect(result.summary).toContain('Miso bulk delete: cancelled')
    expect(miso.requests).toHaveLength(0)
  })
})

describe('what the process itself prints goes through the channel too', () => {
  const HOSTILE = 'from a library\n::stop-commands::pwned\n::add-mask::visible\n::warning file=x::w'

  /**
   * Runs the action with a module loaded before it (as NODE_OPTIONS can), standing in for a
   * library of the action's: once the action has written its first line, `act` runs.
   */
  async function runWithLibrary(act: string): Promise<ActionRun> {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'e2e-hostile-library-'))
    const library = path.join(dir, 'library.mjs')
    writeFileSync(
      library,
      `const hostile = ${JSON.stringify(HOSTILE)}
const write = process.stdout.write
let armed = true
process.stdout.write = function (...args) {
  if (armed) {
    armed = false
    setImmediate(() => { ${act} })
  }
  return write.apply(this, args)
}
`
    )
    const miso = await fake()
    try {
      return await run(
        miso.url,
        { 'product-ids': 'p-1', 'dry-run': 'true' },
        { env: { NODE_OPTIONS: `--import=${pathToFileURL(library).href}` } }
      )
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }

  /** Nothing on stderr, and on stdout only the action's own commands. */
  function expectOnlyTheChannel(result: ActionRun): void {
    expect(result.stderr).toBe('')
    expectOnlyOwnCommands(result)
    expect(result.stdout).not.toMatch(/^\s*at /m)
    expect(result.stdout).not.toMatch(/^\s*::(stop-commands|warning file)/m)
  }

  it('a warning a library emits is one line of the log, its commands text', async () => {
    const result = await runWithLibrary(`process.emitWarning(hostile, 'LibraryWarning')`)
    expectOnlyTheChannel(result)
    expect(result.code).toBe(0)
    expect(result.outputs.status).toBe('dry-run')
    expect(result.stdout).toContain(
      '(node) LibraryWarning: from a library\\n::stop-commands::pwned\\n::add-mask::visible\\n::warning file=x::w\n'
    )
  })

  it.each([
    ['an uncaught error', 'throw new Error(hostile)'],
    ['an unhandled rejection', 'Promise.reject(new Error(hostile))'],
    ['a rejection with a string', 'Promise.reject(hostile)']
  ])('%s fails the step with its message made safe, and no stack', async (_, act) => {
    const result = await runWithLibrary(act)
    expectOnlyTheChannel(result)
    expect(result.code).toBe(1)
    expect(result.stdout).toContain(
      '::error::Unexpected error: from a library\\n::stop-commands::pwned\\n::add-mask::visible\\n::warning file=x::w\n'
    )
  })

  it('a page whose front matter makes the YAML parser warn: nothing on stderr', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'e2e-hostile-page-'))
    try {
      const repo = TestRepo.create(dir)
      const page = `---\n? [::stop-commands::pwned]\n: x\nproduct_id: PAGE-H\n---\n`
      repo.write({ 'catalog/h.md': page, 'catalog/keep.md': '---\nproduct_id: KEEP\n---\n' })
      const base = repo.commit('catalog')
      repo.remove('catalog/h.md')
      const head = repo.commit('retire h')
      const result = await runAction({
        workspace: repo.dir,
        inputs: {
          'dry-run': 'true',
          'deleted-paths': 'catalog/*.md',
          'id-from': 'frontmatter:product_id',
          base,
          head
        },
        env: { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' }
      })
      // Read (its ID listed) or refused (naming it): either way the page was parsed.
      expect(result.stdout).toMatch(/PAGE-H|catalog\/h\.md/)
      expect(result.stderr).toBe('')
      expectOnlyOwnCommands(result)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
