// `npm run bench`: how fast and how lean the action is, measured against the local
// Miso-compatible server with a fixed latency per request. A script, not a test: it prints
// Markdown tables (readable in a terminal, ready for docs/performance.md) and writes every figure as JSON.
//
//   npm run bench                          the full run
//   npm run bench -- --quick               smaller sizes, for a quick look
//   npm run bench -- --out FILE            where the JSON goes (default bench-results/bench.json)
//   npm run bench -- --only e2e,parse      some sections only: e2e, parse, startup, polling,
//                                          reconcile, queue, scale
//   npm run bench -- --skip-naive          leave out the naive client (minutes at a million IDs)
//   npm run bench -- --latency-ms 20 --task-ms 500
//
// The action runs as the runner starts it (node dist/index.js, see test/support/run-action.ts),
// so run `npm run build` first. It runs on the Node that runs this script; action.yml names node24, so
// for the runner's figures run it on Node 24:
//   npx -y -p node@24 -c 'npm run bench'
// The server runs inside this process; its CPU time is reported next to
// the child's, to show how much of the machine it took. The exit code is 1 when a goal is missed.

import { spawn, type ChildProcess } from 'node:child_process'
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync
} from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import fetch from 'node-fetch'
import { DEFAULT_MAX_POLL_INTERVAL_MS as MAX_POLL_INTERVAL_MS } from '../src/deletion.js'
import { LAG_SHARE, PACE_SHARE } from '../src/poll-schedule.js'
import { benchQueue, QUEUE_GOALS, queueName, type QueueRun } from './bench-queue.js'
import { startFakeMiso, type FakeMiso } from '../test-server/fake-miso.js'
import {
  prepareRun,
  ROOT,
  runAction,
  type ActionRun,
  type RunActionOptions
} from '../test/support/run-action.js'

// --- settings ---

const SECTIONS = ['e2e', 'parse', 'startup', 'polling', 'reconcile', 'queue', 'scale'] as const
type Section = (typeof SECTIONS)[number]

const API_KEY = 'bench-key'
const BATCH_SIZE = 1000
const POLL_INTERVAL_MS = 1000
/** The docs' rule of thumb for a simple client: 100 IDs per request, one request at a time. */
const NAIVE_BATCH = 100
const POLLING_TASKS = 100
const FORMATS = ['txt', 'csv', 'tsv', 'json', 'jsonl'] as const
type Format = (typeof FORMATS)[number]

const GOALS = {
  /** End to end, at these sizes (a run of a few thousand IDs is mostly process start-up). */
  idealSizes: [100_000, 1_000_000],
  idealRatio: 1.3,
  parseMs: 1000,
  parseRssMB: 300,
  /** Reconcile: a listing of a million IDs against a repository of as many. */
  reconcileIds: 1_000_000,
  reconcileMs: 20_000,
  reconcileRssMB: 1024,
  startupOverheadMs: 150
}

const DIST = path.join(ROOT, 'dist')
const ACTION = path.join(DIST, 'index.js')
const USAGE_PRELOAD = pathToFileURL(path.join(ROOT, 'scripts', 'bench-usage.mjs')).href
const PARSE_SCRIPT = path.join(ROOT, 'scripts', 'bench-parse.ts')
const FLOOR_SCRIPT = path.join(ROOT, 'scripts', 'bench-floor.ts')
const FLOOR_TRANSPORTS = ['node-fetch', 'http'] as const
type FloorTransport = (typeof FLOOR_TRANSPORTS)[number]

interface Plan {
  sizes: number[]
  concurrencies: number[]
  naiveSizes: number[]
  /** Runs of each action and parse measurement; the median is reported. */
  repeats: number
  parseIds: number
  startupRuns: number
  taskTimesMs: number[]
  /** IDs of the dry runs whose peak memory is measured. */
  scaleIds: number[]
}

const FULL: Plan = {
  sizes: [100_000, 1_000_000],
  concurrencies: [4, 8],
  naiveSizes: [100_000, 1_000_000],
  repeats: 3,
  parseIds: 1_000_000,
  startupRuns: 15,
  taskTimesMs: [500, 3000, 10_000],
  scaleIds: [1_000_000, 10_000_000, 20_000_000]
}

const QUICK: Plan = {
  sizes: [10_000, 100_000],
  concurrencies: [4, 8],
  naiveSizes: [10_000],
  repeats: 1,
  parseIds: 100_000,
  startupRuns: 5,
  taskTimesMs: [500, 3000],
  scaleIds: [1_000_000]
}

interface Options {
  plan: Plan
  quick: boolean
  out: string
  sections: Set<Section>
  latencyMs: number
  taskMs: number
}

function readOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      quick: { type: 'boolean', default: false },
      // The naive client takes minutes at a million IDs: skip it when only the action matters.
      'skip-naive': { type: 'boolean', default: false },
      out: { type: 'string', default: path.join('bench-results', 'bench.json') },
      only: { type: 'string', default: SECTIONS.join(',') },
      'latency-ms': { type: 'string', default: '20' },
      'task-ms': { type: 'string', default: '500' }
    }
  })
  const sections = new Set<Section>()
  for (const name of values.only.split(',').map(s => s.trim())) {
    if (!(SECTIONS as readonly string[]).includes(name)) {
      throw new Error(`--only: unknown section "${name}"; sections: ${SECTIONS.join(', ')}`)
    }
    sections.add(name as Section)
  }
  const latencyMs = wholeNumber('--latency-ms', values['latency-ms'])
  const taskMs = wholeNumber('--task-ms', values['task-ms'])
  // The ideal time counts one status round per task, which holds only when a task is done
  // by its first poll.
  if (taskMs > POLL_INTERVAL_MS) {
    throw new Error(`--task-ms: at most ${POLL_INTERVAL_MS} (the poll interval the runs use)`)
  }
  return {
    plan: { ...(values.quick ? QUICK : FULL), ...(values['skip-naive'] ? { naiveSizes: [] } : {}) },
    quick: values.quick,
    out: path.resolve(ROOT, values.out),
    sections,
    latencyMs,
    taskMs
  }
}

function wholeNumber(name: string, value: string): number {
  const n = Number(value)
  if (value.trim() === '' || !Number.isSafeInteger(n) || n < 0) {
    throw new Error(`${name}: "${value}" is not a whole number >= 0`)
  }
  return n
}

// --- what the sections measure ---

interface Usage {
  maxRssKiB: number
  userCpuMs: number
  systemCpuMs: number
}

interface EndToEndRun {
  ids: number
  client: 'action' | 'naive'
  concurrency: number
  /** The median run's; the figures below are that run's too. */
  wallMs: number
  /** Every run's wall time. */
  wallsMs: number[]
  /** Action only: the time the latency alone allows (see idealMs()). */
  idealMs?: number
  deleteRequests: number
  statusRequests: number
  maxDeleteInFlight: number
  /** Action only: where the wall time went, from the server's request log. */
  phases?: Phases
  /** Action only: the submitting phase of loops that only send (see bench-floor.ts). */
  floorSubmitMs?: Record<FloorTransport, number>
  /** Action only: the child's own figures. */
  peakRssMB?: number
  cpuMs?: number
  /** CPU time of this process (the server, and the naive client when it runs) during the run. */
  serverCpuMs: number
}

/** Consecutive spans of an action run; they add up to its wall time. */
interface Phases {
  /** Spawn to the first delete request: Node, the bundle, reading and planning the IDs. */
  startMs: number
  /** First delete request to the last delete answer (ideal: rounds x latency). */
  submitMs: number
  /** Last delete answer to the last status answer (ideal: poll-interval + latency). */
  lastPollMs: number
  /** Last status answer to exit: outputs, the ID file, the summary. */
  finishMs: number
}

interface ParseRun {
  format: Format
  ids: number
  fileMB: number
  /** The median run's; the RSS figures are that run's too. */
  ms: number
  msAll: number[]
  peakRssMB: number
  baselineRssMB: number
}

interface Startup {
  runs: number
  bareNodeMs: { median: number; min: number }
  firstRequestMs: { median: number; min: number }
  overheadMs: number
  distBytes: number
  distFiles: Record<string, number>
}

interface PollingRun {
  taskMs: number
  tasks: number
  statusRequests: number
  maxPerTask: number
  /** Status requests allowed: QUEUE_GOALS.perTask per task. */
  bound: number
  wallMs: number
}

interface ReconcileRun {
  /** IDs Miso lists; the repository names all but `deleted` of them. */
  misoIds: number
  repositoryIds: number
  deleted: number
  listingMB: number
  wallMs: number
  peakRssMB: number
  cpuMs: number
}

interface ScaleRun {
  ids: number
  fileMB: number
  peakRssMB: number
  wallMs: number
}

interface Results {
  /** The 1-minute load average as each section began: other work on the machine skews it. */
  loadAverage: Partial<Record<Section, number>>
  endToEnd: EndToEndRun[]
  parse: ParseRun[]
  startup?: Startup
  polling: PollingRun[]
  reconcile?: ReconcileRun
  queue: QueueRun[]
  scale: ScaleRun[]
}

interface Goal {
  goal: string
  measured: string
  limit: string
  result: 'met' | 'MISSED' | 'not measured'
}

// --- end to end ---

async function benchEndToEnd(opts: Options): Promise<EndToEndRun[]> {
  // The server's request times count from its start, which is this instant (to within the
  // microseconds startFakeMiso takes before reading its clock).
  const origin = performance.now()
  // countOnly: keeping a million IDs costs the server CPU on the same cores, which would
  // measure the stand-in rather than the action.
  const miso = await startFakeMiso({
    apiKey: API_KEY,
    latencyMs: opts.latencyMs,
    taskDurationMs: opts.taskMs,
    countOnly: true
  })
  const runs: EndToEndRun[] = []
  try {
    for (const size of opts.plan.sizes) {
      const ids = makeIds(size)
      const workspace = mkdtempSync(path.join(scratch, 'e2e-'))
      writeFileSync(path.join(workspace, 'ids.txt'), idFileText('txt', ids))
      for (const concurrency of opts.plan.concurrencies) {
        const repeated: EndToEndRun[] = []
        for (let i = 1; i <= opts.plan.repeats; i++) {
          progress(
            `end to end: ${count(size)} IDs, action, concurrency ${concurrency}, ` +
              `run ${i} of ${opts.plan.repeats}`
          )
          const run = await actionEndToEnd(miso, origin, workspace, size, concurrency, opts)
          repeated.push(run)
        }
        const median = medianBy(repeated, run => run.wallMs)
        const floorSubmitMs = {} as Record<FloorTransport, number>
        for (const transport of FLOOR_TRANSPORTS) {
          progress(`end to end: ${count(size)} IDs, ${transport} loop, concurrency ${concurrency}`)
          floorSubmitMs[transport] = await floorSubmit(miso, transport, size, concurrency, opts)
        }
        runs.push({ ...median, wallsMs: repeated.map(run => run.wallMs), floorSubmitMs })
      }
      if (opts.plan.naiveSizes.includes(size)) {
        progress(`end to end: ${count(size)} IDs, naive client`)
        runs.push(await naiveEndToEnd(miso, ids))
      }
      rmSync(workspace, { recursive: true, force: true })
    }
  } finally {
    await miso.close()
  }
  return runs
}

async function actionEndToEnd(
  miso: FakeMiso,
  origin: number,
  workspace: string,
  size: number,
  concurrency: number,
  opts: Options
): Promise<EndToEndRun> {
  miso.clearDeleted()
  miso.reset()
  const cpu = process.cpuUsage()
  const { run, usage } = await runMeasured({
    workspace,
    inputs: {
      'api-key': API_KEY,
      'api-url': miso.url,
      'ids-file': 'ids.txt',
      'batch-size': String(BATCH_SIZE),
      concurrency: String(concurrency),
      'max-deletions': '0',
      'poll-interval': String(POLL_INTERVAL_MS / 1000),
      'wait-timeout': '0'
    },
    timeoutMs: 600_000
  })
  const serverCpu = process.cpuUsage(cpu)
  // runAction timed the child from spawn to exit; what followed the exit took microseconds.
  const spawnedAt = performance.now() - origin - run.elapsedMs
  expectSucceeded(run, size, miso)
  const stats = miso.stats()
  return {
    ids: size,
    client: 'action',
    concurrency,
    wallMs: run.elapsedMs,
    wallsMs: [run.elapsedMs],
    idealMs: idealMs(size, concurrency, opts.latencyMs),
    phases: phasesOf(miso, spawnedAt, run.elapsedMs, opts.latencyMs),
    deleteRequests: stats.deleteRequests,
    statusRequests: stats.statusRequests,
    maxDeleteInFlight: stats.maxDeleteInFlight,
    peakRssMB: kibToMB(usage.maxRssKiB),
    cpuMs: Math.round(usage.userCpuMs + usage.systemCpuMs),
    serverCpuMs: Math.round((serverCpu.user + serverCpu.system) / 1000)
  }
}

/**
 * The submitting phase of a loop that only sends (bench-floor.ts) for the same batches,
 * measured like the action's: first delete arrival to last delete answer, by the server.
 */
async function floorSubmit(
  miso: FakeMiso,
  transport: FloorTransport,
  size: number,
  concurrency: number,
  opts: Options
): Promise<number> {
  miso.clearDeleted()
  miso.reset()
  const batches = Math.ceil(size / BATCH_SIZE)
  const args = [transport, miso.url, API_KEY, batches, BATCH_SIZE, concurrency, POLL_INTERVAL_MS]
  await runChild(process.execPath, ['--import', 'tsx', FLOOR_SCRIPT, ...args.map(String)], ROOT)
  const deletes = miso.requests.filter(r => r.method === 'POST').map(r => r.at)
  if (deletes.length !== batches || miso.deletedCount !== batches * BATCH_SIZE) {
    throw new Error(`${transport} loop: ${deletes.length} of ${batches} batches deleted`)
  }
  return Math.round(Math.max(...deletes) + opts.latencyMs - Math.min(...deletes))
}

/** Splits a run at its first delete, last delete answer and last status answer. */
function phasesOf(miso: FakeMiso, spawnedAt: number, wallMs: number, latencyMs: number): Phases {
  const deletes = miso.requests.filter(r => r.method === 'POST').map(r => r.at)
  const polls = miso.requests.filter(r => r.method === 'GET').map(r => r.at)
  const firstDelete = Math.min(...deletes) - spawnedAt
  // Answers leave `latencyMs` after arrival (the server's own work is far shorter).
  const lastDeleteAnswer = Math.max(...deletes) + latencyMs - spawnedAt
  const lastPollAnswer = Math.max(...polls) + latencyMs - spawnedAt
  return {
    startMs: Math.round(firstDelete),
    submitMs: Math.round(lastDeleteAnswer - firstDelete),
    lastPollMs: Math.round(lastPollAnswer - lastDeleteAnswer),
    finishMs: Math.round(wallMs - lastPollAnswer)
  }
}

/**
 * The time the latency alone allows: every batch in rounds of `concurrency` requests, then one
 * status round (the first poll, `poll-interval` after the last acceptance, and its answer).
 */
function idealMs(size: number, concurrency: number, latencyMs: number): number {
  const rounds = Math.ceil(Math.ceil(size / BATCH_SIZE) / concurrency)
  return rounds * latencyMs + POLL_INTERVAL_MS + latencyMs
}

/**
 * A client written by the docs' rule of thumb: 100 IDs per request, one request at a time,
 * then each task's status, one at a time, until it is done. It runs in this process with the
 * IDs already in memory, so it pays neither a process start nor a file read.
 */
async function naiveEndToEnd(miso: FakeMiso, ids: readonly string[]): Promise<EndToEndRun> {
  miso.clearDeleted()
  miso.reset()
  const headers = { 'content-type': 'application/json', 'x-api-key': API_KEY }
  const cpu = process.cpuUsage()
  const started = performance.now()
  const taskIds: string[] = []
  for (let i = 0; i < ids.length; i += NAIVE_BATCH) {
    const response = await fetch(`${miso.url}/v1/products/_delete`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ data: { product_ids: ids.slice(i, i + NAIVE_BATCH) } })
    })
    if (!response.ok) throw new Error(`naive client: delete answered ${response.status}`)
    const body = (await response.json()) as { data?: { task_id?: string } }
    if (!body.data?.task_id) throw new Error('naive client: a delete answer without task_id')
    taskIds.push(body.data.task_id)
  }
  for (const taskId of taskIds) {
    for (;;) {
      const response = await fetch(`${miso.url}/v1/products/_status/${taskId}`, { headers })
      if (!response.ok) throw new Error(`naive client: status answered ${response.status}`)
      const body = (await response.json()) as { data?: { status?: string } }
      if (body.data?.status === 'done') break
    }
  }
  const wallMs = Math.round(performance.now() - started)
  const serverCpu = process.cpuUsage(cpu)
  if (miso.deletedCount !== ids.length) {
    throw new Error(`naive client: ${miso.deletedCount} of ${ids.length} IDs deleted`)
  }
  const stats = miso.stats()
  return {
    ids: ids.length,
    client: 'naive',
    concurrency: 1,
    wallMs,
    wallsMs: [wallMs],
    deleteRequests: stats.deleteRequests,
    statusRequests: stats.statusRequests,
    maxDeleteInFlight: stats.maxDeleteInFlight,
    serverCpuMs: Math.round((serverCpu.user + serverCpu.system) / 1000)
  }
}

// --- parsing ---

async function benchParse(opts: Options): Promise<ParseRun[]> {
  const ids = makeIds(opts.plan.parseIds)
  const runs: ParseRun[] = []
  for (const format of FORMATS) {
    const file = path.join(scratch, `ids.${format}`)
    writeFileSync(file, idFileText(format, ids))
    const repeated: ParseRun[] = []
    for (let i = 1; i <= opts.plan.repeats; i++) {
      progress(`parsing: ${count(ids.length)} IDs, ${format}, run ${i} of ${opts.plan.repeats}`)
      repeated.push(await parseOnce(format, file, ids.length))
    }
    runs.push({ ...medianBy(repeated, run => run.ms), msAll: repeated.map(run => run.ms) })
    rmSync(file)
  }
  return runs
}

async function parseOnce(format: Format, file: string, written: number): Promise<ParseRun> {
  const output = await runChild(process.execPath, ['--import', 'tsx', PARSE_SCRIPT, file], ROOT)
  const parsed = JSON.parse(output) as {
    ids: number
    ms: number
    baselineRssKiB: number
    maxRssKiB: number
  }
  if (parsed.ids !== written) {
    throw new Error(`parsing ${format}: ${parsed.ids} IDs read, ${written} written`)
  }
  const ms = Math.round(parsed.ms)
  return {
    format,
    ids: parsed.ids,
    fileMB: round(statSync(file).size / 1e6, 1),
    ms,
    msAll: [ms],
    peakRssMB: kibToMB(parsed.maxRssKiB),
    baselineRssMB: kibToMB(parsed.baselineRssKiB)
  }
}

// --- start-up ---

/**
 * From spawning `node dist/index.js` to its first request reaching the server, against the
 * whole life of `node -e ''`. Both are spawned the same way, alternately, after a warm-up.
 */
async function benchStartup(opts: Options): Promise<Startup> {
  // The server's request times count from its start, which is this instant (to within the
  // microseconds startFakeMiso takes before reading its clock).
  const origin = performance.now()
  const miso = await startFakeMiso({ apiKey: API_KEY })
  const bare: number[] = []
  const first: number[] = []
  try {
    for (let i = 0; i <= opts.plan.startupRuns; i++) {
      progress(`start-up: run ${i} of ${opts.plan.startupRuns}${i === 0 ? ' (warm-up)' : ''}`)
      const bareStarted = performance.now()
      await waitForExit(spawn(process.execPath, ['-e', ''], { stdio: 'ignore' }), 'node -e')
      const bareMs = performance.now() - bareStarted

      miso.reset()
      const { home, workspace, env } = prepareRun({
        inputs: {
          'api-key': API_KEY,
          'api-url': miso.url,
          'product-ids': 'bench-start-up-1',
          wait: 'false'
        }
      })
      const spawnedAt = performance.now() - origin
      const child = spawn(process.execPath, [ACTION], { cwd: workspace, env, stdio: 'pipe' })
      await waitForExit(child, 'node dist/index.js')
      const request = miso.requests[0]
      if (!request) throw new Error('start-up: the action made no request')
      if (i > 0) {
        bare.push(bareMs)
        first.push(request.at - spawnedAt)
      }
      rmSync(home, { recursive: true, force: true })
    }
  } finally {
    await miso.close()
  }
  const distFiles = filesUnder(DIST)
  const bareNodeMs = spread(bare)
  const firstRequestMs = spread(first)
  return {
    runs: opts.plan.startupRuns,
    bareNodeMs,
    firstRequestMs,
    overheadMs: round(firstRequestMs.median - bareNodeMs.median, 1),
    distBytes: Object.values(distFiles).reduce((sum, size) => sum + size, 0),
    distFiles
  }
}

// --- status polling ---

async function benchPolling(opts: Options): Promise<PollingRun[]> {
  const miso = await startFakeMiso({ apiKey: API_KEY, latencyMs: opts.latencyMs })
  const runs: PollingRun[] = []
  try {
    for (const taskMs of opts.plan.taskTimesMs) {
      progress(`status polling: ${POLLING_TASKS} tasks of ${taskMs / 1000} s`)
      miso.setOptions({ taskDurationMs: taskMs })
      miso.clearDeleted()
      miso.reset()
      const ids = makeIds(POLLING_TASKS)
      const { run } = await runMeasured({
        inputs: {
          'api-key': API_KEY,
          'api-url': miso.url,
          'product-ids': ids.join('\n'),
          'batch-size': '1',
          'poll-interval': String(POLL_INTERVAL_MS / 1000),
          'wait-timeout': '0'
        },
        timeoutMs: taskMs + 120_000
      })
      expectSucceeded(run, ids.length, miso)
      const perTask = new Map<string, number>()
      for (const request of miso.requests) {
        if (request.method === 'GET') {
          perTask.set(request.path, (perTask.get(request.path) ?? 0) + 1)
        }
      }
      runs.push({
        taskMs,
        tasks: POLLING_TASKS,
        statusRequests: miso.stats().statusRequests,
        maxPerTask: Math.max(...perTask.values()),
        bound: Math.floor(POLLING_TASKS * QUEUE_GOALS.perTask),
        wallMs: run.elapsedMs
      })
    }
  } finally {
    await miso.close()
  }
  return runs
}

// --- scale ---

/** Peak memory of a dry run (read, check, plan and report) of many IDs from a text file. */
async function benchScale(opts: Options): Promise<ScaleRun[]> {
  const runs: ScaleRun[] = []
  for (const size of opts.plan.scaleIds) {
    progress(`scale: a dry run of ${count(size)} IDs`)
    const workspace = mkdtempSync(path.join(scratch, 'scale-'))
    const file = path.join(workspace, 'ids.txt')
    writeIdLines(file, size)
    const { run, usage } = await runMeasured({
      workspace,
      inputs: { 'ids-file': 'ids.txt', 'dry-run': 'true', 'max-deletions': '0' },
      timeoutMs: 900_000
    })
    if (run.code !== 0 || run.outputs.status !== 'dry-run' || run.outputs.count !== String(size)) {
      throw new Error(`scale: the dry run of ${count(size)} IDs failed\n${tail(run)}`)
    }
    runs.push({
      ids: size,
      fileMB: round(statSync(file).size / 1e6, 1),
      peakRssMB: kibToMB(usage.maxRssKiB),
      wallMs: run.elapsedMs
    })
    rmSync(workspace, { recursive: true, force: true })
  }
  return runs
}

/** A text file of `size` IDs, written in pieces: millions of IDs never sit in one string. */
function writeIdLines(file: string, size: number): void {
  const fd = openSync(file, 'w')
  try {
    const piece = 100_000
    for (let start = 0; start < size; start += piece) {
      const end = Math.min(size, start + piece)
      const lines = Array.from({ length: end - start }, (_, i) => `sku-${start + i + 1}`)
      writeSync(fd, `${lines.join('\n')}\n`)
    }
  } finally {
    closeSync(fd)
  }
}

// --- reconcile ---

/**
 * A reconcile of a million IDs each side: Miso lists the repository's IDs plus 0.1 % stale
 * ones, the repository names its IDs in one text file (`ids-file`); the stale ones are deleted.
 */
async function benchReconcile(opts: Options): Promise<ReconcileRun> {
  const size = opts.quick ? 100_000 : GOALS.reconcileIds
  const repository = makeIds(size)
  const stale = Array.from({ length: size / 1000 }, (_, i) => `stale-${i}`)
  const miso = await startFakeMiso({
    apiKey: API_KEY,
    latencyMs: opts.latencyMs,
    taskDurationMs: opts.taskMs,
    catalog: new Set([...stale, ...repository])
  })
  try {
    const workspace = mkdtempSync(path.join(scratch, 'reconcile-'))
    writeFileSync(path.join(workspace, 'ids.txt'), idFileText('txt', repository))
    progress(`reconcile: ${count(size + stale.length)} listed, ${count(size)} in the repository`)
    const { run, usage } = await runMeasured({
      workspace,
      inputs: {
        'api-key': API_KEY,
        'api-url': miso.url,
        reconcile: 'true',
        'ids-file': 'ids.txt',
        'batch-size': String(BATCH_SIZE),
        'poll-interval': String(POLL_INTERVAL_MS / 1000)
      },
      timeoutMs: 300_000
    })
    expectSucceeded(run, stale.length, miso)
    const listing = miso.requests.find(r => r.path.endsWith('/_ids'))
    if (!listing) throw new Error('the reconcile made no listing request')
    return {
      misoIds: size + stale.length,
      repositoryIds: size,
      deleted: miso.deletedCount,
      listingMB: round(
        Buffer.byteLength(JSON.stringify({ data: { ids: [...stale, ...repository] } })) / 1e6,
        1
      ),
      wallMs: run.elapsedMs,
      peakRssMB: kibToMB(usage.maxRssKiB),
      cpuMs: Math.round(usage.userCpuMs + usage.systemCpuMs)
    }
  } finally {
    await miso.close()
  }
}

// --- goals ---

function judge(r: Results): Goal[] {
  const goals: Goal[] = []
  const check = (goal: string, measured: string, limit: string, ok: boolean) =>
    goals.push({ goal, measured, limit, result: ok ? 'met' : 'MISSED' })
  const notMeasured = (goal: string, limit: string, why: string) =>
    goals.push({ goal, measured: why, limit, result: 'not measured' })

  const actionRuns = r.endToEnd.filter(
    run => run.client === 'action' && GOALS.idealSizes.includes(run.ids)
  )
  if (actionRuns.length === 0) notMeasured('end to end: wall / ideal', `≤ ${GOALS.idealRatio}`, '-')
  for (const run of actionRuns) {
    const ratio = run.wallMs / (run.idealMs ?? run.wallMs)
    check(
      `end to end, ${count(run.ids)} IDs, concurrency ${run.concurrency}: wall / ideal`,
      ratio.toFixed(2),
      `≤ ${GOALS.idealRatio}`,
      ratio <= GOALS.idealRatio
    )
  }

  const parseTime = 'parse 1,000,000 IDs from a text file: time'
  const parseRss = 'parse 1,000,000 IDs from a text file: peak RSS'
  const text = r.parse.find(run => run.format === 'txt')
  if (text && text.ids >= 1_000_000) {
    check(parseTime, `${text.ms} ms`, `< ${GOALS.parseMs} ms`, text.ms < GOALS.parseMs)
    check(
      parseRss,
      `${text.peakRssMB} MB`,
      `< ${GOALS.parseRssMB} MB`,
      text.peakRssMB < GOALS.parseRssMB
    )
  } else {
    const why = text ? `${count(text.ids)} IDs only` : '-'
    notMeasured(parseTime, `< ${GOALS.parseMs} ms`, why)
    notMeasured(parseRss, `< ${GOALS.parseRssMB} MB`, why)
  }

  const startup = 'start-up overhead over bare node'
  if (r.startup) {
    const overhead = r.startup.overheadMs
    check(
      startup,
      `${overhead} ms`,
      `< ${GOALS.startupOverheadMs} ms`,
      overhead < GOALS.startupOverheadMs
    )
  } else {
    notMeasured(startup, `< ${GOALS.startupOverheadMs} ms`, '-')
  }

  const reconcileTime = `reconcile ${count(GOALS.reconcileIds)} listed against as many: time`
  const reconcileRss = `reconcile ${count(GOALS.reconcileIds)} listed against as many: peak RSS`
  if (r.reconcile && r.reconcile.repositoryIds >= GOALS.reconcileIds) {
    const run = r.reconcile
    const time = `< ${seconds(GOALS.reconcileMs)}`
    check(reconcileTime, seconds(run.wallMs), time, run.wallMs < GOALS.reconcileMs)
    const rss = `< ${GOALS.reconcileRssMB} MB`
    check(reconcileRss, `${run.peakRssMB} MB`, rss, run.peakRssMB < GOALS.reconcileRssMB)
  } else {
    const why = r.reconcile ? `${count(r.reconcile.repositoryIds)} IDs only` : '-'
    notMeasured(reconcileTime, `< ${seconds(GOALS.reconcileMs)}`, why)
    notMeasured(reconcileRss, `< ${GOALS.reconcileRssMB} MB`, why)
  }

  if (r.polling.length === 0) notMeasured('status requests', 'the back-off bound', '-')
  for (const run of r.polling) {
    check(
      `status requests, ${run.tasks} tasks of ${run.taskMs / 1000} s`,
      count(run.statusRequests),
      `≤ ${count(run.bound)}`,
      run.statusRequests <= run.bound
    )
  }

  if (r.queue.length === 0) notMeasured('tasks that end by time', '-', '-')
  for (const run of r.queue) {
    const name = `${queueName(run)}, concurrency ${run.concurrency}`
    check(
      `${name}: status requests per task`,
      run.perTask.toFixed(2),
      `≤ ${QUEUE_GOALS.perTask}`,
      run.perTask <= QUEUE_GOALS.perTask
    )
    check(
      `${name}: lag from the last end to exit`,
      seconds(run.lagMs),
      `≤ ${seconds(run.lagLimitMs)}`,
      run.lagMs <= run.lagLimitMs
    )
  }
  return goals
}

// --- report ---

function render(
  command: string,
  machine: { cpus: number; cpuModel: string; memoryGB: number; node: string; platform: string },
  opts: Options,
  r: Results,
  goals: Goal[]
): string {
  const out: string[] = []
  out.push(`# Benchmarks: \`${command}\``, '')
  out.push(
    `${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGB} GB, Node ${machine.node}, ` +
      `${machine.platform}. Local Miso-compatible server: ${opts.latencyMs} ms per request, ` +
      `tasks take ${opts.taskMs} ms; batch-size ${BATCH_SIZE}, poll-interval ` +
      `${POLL_INTERVAL_MS / 1000} s.`
  )
  const load = Object.entries(r.loadAverage).map(([section, value]) => `${section} ${value}`)
  out.push('', `1-minute load average as each section began: ${load.join(', ')}.`)

  if (r.endToEnd.length > 0) {
    const median = opts.plan.repeats > 1 ? `, action: median of ${opts.plan.repeats} runs` : ''
    out.push('', `## End to end (IDs from a text file${median})`, '')
    out.push(
      `Ideal: ceil(ceil(IDs / ${BATCH_SIZE}) / concurrency) x ${opts.latencyMs} ms, plus one status ` +
        `round (${POLL_INTERVAL_MS / 1000} s + ${opts.latencyMs} ms). Naive: ${NAIVE_BATCH} IDs ` +
        "per request, one at a time, then each task's status, one at a time, in the server " +
        'process (no process start, no file read).',
      ''
    )
    const rows = r.endToEnd.map(run => {
      const naive = r.endToEnd.find(n => n.client === 'naive' && n.ids === run.ids)
      return [
        count(run.ids),
        run.client === 'action' ? `action, concurrency ${run.concurrency}` : 'naive client',
        seconds(run.wallMs),
        run.idealMs !== undefined ? seconds(run.idealMs) : '',
        run.idealMs !== undefined ? (run.wallMs / run.idealMs).toFixed(2) : '',
        run.client === 'action' && naive ? `${(naive.wallMs / run.wallMs).toFixed(1)}x` : '',
        `${count(run.deleteRequests)} + ${count(run.statusRequests)}`,
        String(run.maxDeleteInFlight),
        run.peakRssMB !== undefined ? `${run.peakRssMB} MB` : '',
        run.cpuMs !== undefined ? seconds(run.cpuMs) : '',
        seconds(run.serverCpuMs)
      ]
    })
    out.push(
      table(
        [
          'IDs',
          'client',
          'wall',
          'ideal',
          'wall / ideal',
          'naive / wall',
          'requests (delete + status)',
          'in flight',
          'peak RSS',
          'client CPU',
          'server CPU'
        ],
        rows
      )
    )
  }

  const phased = r.endToEnd.filter(run => run.phases)
  if (phased.length > 0) {
    out.push('', '### Where the time goes (action runs above)', '')
    out.push(
      'The loops send the same batches with the same concurrency and polling from a process ' +
        'that does nothing else (bench-floor.ts), through node-fetch as the action does or ' +
        'through bare node:http: their rounds are the floor that the HTTP stack and the two ' +
        'processes sharing the cores leave.',
      ''
    )
    const rows = phased.map(run => {
      const p = run.phases as Phases
      const rounds = Math.ceil(Math.ceil(run.ids / BATCH_SIZE) / run.concurrency)
      return [
        count(run.ids),
        String(run.concurrency),
        seconds(p.startMs),
        seconds(p.submitMs),
        seconds(rounds * opts.latencyMs),
        `${(p.submitMs / rounds).toFixed(1)} ms`,
        ...FLOOR_TRANSPORTS.map(transport => {
          const floor = run.floorSubmitMs?.[transport]
          return floor !== undefined ? `${(floor / rounds).toFixed(1)} ms` : ''
        }),
        seconds(p.lastPollMs),
        seconds(POLL_INTERVAL_MS + opts.latencyMs),
        seconds(p.finishMs)
      ]
    })
    out.push(
      table(
        [
          'IDs',
          'concurrency',
          'spawn to first request',
          'submitting',
          'ideal',
          'per round',
          ...FLOOR_TRANSPORTS.map(transport => `per round, ${transport} loop`),
          'last status round',
          'ideal',
          'last answer to exit'
        ],
        rows
      )
    )
  }

  if (r.parse.length > 0) {
    const median = opts.plan.repeats > 1 ? `, median of ${opts.plan.repeats} runs` : ''
    out.push('', `## Parsing alone (readIdFiles, a fresh process per run${median})`, '')
    out.push(
      'Peak RSS is the whole process; the baseline is what it held before reading ' +
        '(Node, the TypeScript loader and the modules).',
      ''
    )
    const rows = r.parse.map(run => [
      run.format,
      count(run.ids),
      `${run.fileMB} MB`,
      `${run.ms} ms`,
      `${run.peakRssMB} MB`,
      `${run.baselineRssMB} MB`,
      `${round(run.peakRssMB - run.baselineRssMB, 1)} MB`
    ])
    out.push(
      table(['format', 'IDs', 'file', 'time', 'peak RSS', 'baseline RSS', 'peak - baseline'], rows)
    )
  }

  if (r.startup) {
    const s = r.startup
    out.push('', `## Start-up (median of ${s.runs} runs)`, '')
    out.push(
      table(
        ['', 'median', 'min'],
        [
          ["`node -e ''`, spawn to exit", ms(s.bareNodeMs.median), ms(s.bareNodeMs.min)],
          [
            '`node dist/index.js`, spawn to first request',
            ms(s.firstRequestMs.median),
            ms(s.firstRequestMs.min)
          ],
          ['overhead', ms(s.overheadMs), '']
        ]
      )
    )
    const files = Object.entries(s.distFiles)
      .map(([name, size]) => `${name} ${kilobytes(size)}`)
      .join(', ')
    out.push('', `dist/: ${kilobytes(s.distBytes)} (${files}).`)
  }

  if (r.polling.length > 0) {
    out.push('', `## Status polling (${POLLING_TASKS} tasks of one ID each, concurrency 4)`, '')
    out.push(
      `Bound: ${QUEUE_GOALS.perTask} status requests per task; poll-interval ` +
        `${POLL_INTERVAL_MS / 1000} s.`,
      ''
    )
    const rows = r.polling.map(run => [
      `${run.taskMs / 1000} s`,
      count(run.statusRequests),
      String(run.maxPerTask),
      count(run.bound),
      seconds(run.wallMs)
    ])
    out.push(table(['task time', 'status requests', 'most per task', 'bound', 'wall'], rows))
  }

  if (r.reconcile) {
    const run = r.reconcile
    out.push('', '## Reconcile (the listing against an ID file, the stale IDs deleted)', '')
    out.push(
      table(
        ['Miso lists', 'listing', 'repository', 'deleted', 'wall', 'peak RSS', 'CPU'],
        [
          [
            count(run.misoIds),
            `${run.listingMB} MB`,
            count(run.repositoryIds),
            count(run.deleted),
            seconds(run.wallMs),
            `${run.peakRssMB} MB`,
            seconds(run.cpuMs)
          ]
        ]
      )
    )
  }

  if (r.queue.length > 0) {
    out.push('', '## Tasks that end by time (batch-size 10, default poll-interval)', '')
    out.push(
      'Together: each task ends its time after its own acceptance. One after another: each ' +
        'starts when the one before ended. Lag: from the end of the last task to the exit; ' +
        `limit max(${QUEUE_GOALS.lagFloorMs / 1000} s, ${QUEUE_GOALS.lagShare * 100} % of ` +
        'the time from the first acceptance to the last end). The oldest unfinished task is ' +
        `polled every ${LAG_SHARE * 100} % of its age, or after ${PACE_SHARE * 100} % of the ` +
        `predicted remaining time, at most ${MAX_POLL_INTERVAL_MS / 1000} s apart.`,
      ''
    )
    const rows = r.queue.map(run => [
      queueName(run),
      String(run.concurrency),
      count(run.statusRequests),
      run.perTask.toFixed(2),
      seconds(run.lagMs),
      seconds(run.lagLimitMs),
      seconds(run.wallMs)
    ])
    out.push(
      table(
        ['tasks', 'concurrency', 'status requests', 'per task', 'lag', 'lag limit', 'wall'],
        rows
      )
    )
  }

  if (r.scale.length > 0) {
    out.push('', '## Scale (dry run of IDs from a text file, one per line)', '')
    const rows = r.scale.map(run => [
      count(run.ids),
      `${run.fileMB} MB`,
      `${run.peakRssMB} MB`,
      `${Math.round((run.peakRssMB * 1e6) / run.ids)} B`,
      seconds(run.wallMs)
    ])
    out.push(table(['IDs', 'file', 'peak RSS', 'per ID', 'wall'], rows))
  }

  out.push('', '## Goals', '')
  out.push(
    table(
      ['goal', 'measured', 'limit', 'result'],
      goals.map(g => [g.goal, g.measured, g.limit, g.result])
    )
  )
  return out.join('\n')
}

/** A figure: a number, maybe with a unit (`1.2 MB`, `3.4x`) or a sum (`100 + 100`). */
const NUMBER = /^\d[\d.,+ ]*(?:x| ?[a-zA-Z]+)?$/

/** A Markdown table with padded columns; columns of figures aligned right. */
function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map(row => row[i].length)))
  const numeric = head.map((_, i) => rows.every(row => row[i] === '' || NUMBER.test(row[i])))
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (numeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |`
  const rule = `|${widths.map((w, i) => (numeric[i] ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`
  return [line(head), rule, ...rows.map(line)].join('\n')
}

// --- data ---

function makeIds(size: number): string[] {
  return Array.from({ length: size }, (_, i) => `sku-${String(i + 1).padStart(7, '0')}`)
}

/** An ID file as an export would hold it: a second column or field beside the ID. */
function idFileText(format: Format, ids: readonly string[]): string {
  const title = (i: number) => `Product ${i + 1}`
  switch (format) {
    case 'txt':
      return `# product IDs to delete\n${ids.join('\n')}\n`
    case 'csv':
      return `product_id,title\n${ids.map((id, i) => `${id},${title(i)}`).join('\n')}\n`
    case 'tsv':
      return `product_id\ttitle\n${ids.map((id, i) => `${id}\t${title(i)}`).join('\n')}\n`
    case 'json':
      return `[${ids.map((id, i) => JSON.stringify({ product_id: id, title: title(i) })).join(',\n')}]\n`
    case 'jsonl':
      return `${ids.map((id, i) => JSON.stringify({ product_id: id, title: title(i) })).join('\n')}\n`
  }
}

// --- processes ---

/** runAction, with the child's peak RSS and CPU time reported by the usage preload. */
async function runMeasured(options: RunActionOptions): Promise<{ run: ActionRun; usage: Usage }> {
  const usageFile = path.join(mkdtempSync(path.join(scratch, 'usage-')), 'usage.json')
  const run = await runAction({
    ...options,
    env: { ...options.env, NODE_OPTIONS: `--import=${USAGE_PRELOAD}`, BENCH_USAGE_FILE: usageFile }
  })
  // runAction makes a temp home for each run (runner temp, output and summary files).
  rmSync(path.dirname(run.runnerTemp), { recursive: true, force: true })
  let usage: Usage
  try {
    usage = JSON.parse(readFileSync(usageFile, 'utf8')) as Usage
  } catch {
    throw new Error(`the action left no usage figures (exit ${run.code})\n${tail(run)}`)
  }
  return { run, usage }
}

function expectSucceeded(run: ActionRun, size: number, miso: FakeMiso): void {
  const deleted = miso.deletedCount
  if (run.code !== 0 || run.outputs.status !== 'succeeded' || deleted !== size) {
    throw new Error(
      `the action did not delete all ${size} IDs (exit ${run.code}, status ` +
        `${run.outputs.status ?? 'none'}, ${deleted} deleted)\n${tail(run)}`
    )
  }
}

function tail(run: ActionRun): string {
  return `${run.stdout}\n${run.stderr}`.trim().split('\n').slice(-20).join('\n')
}

async function runChild(command: string, args: string[], cwd: string): Promise<string> {
  const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  await waitForExit(child, args.join(' '))
  return stdout
}

/** Resolves when the child exits with 0; rejects with its stderr otherwise. */
function waitForExit(child: ChildProcess, name: string): Promise<void> {
  let stderr = ''
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code, signal) => {
      if (code === 0) resolve()
      else reject(new Error(`${name} ended with ${signal ?? `exit ${code}`}\n${stderr.trim()}`))
    })
  })
}

function filesUnder(dir: string): Record<string, number> {
  const sizes: Record<string, number> = {}
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const full = path.join(entry.parentPath, entry.name)
    sizes[path.relative(dir, full)] = statSync(full).size
  }
  return sizes
}

// --- small helpers ---

function progress(message: string): void {
  process.stderr.write(`… ${message}\n`)
}

/** The middle item by `key` (the lower middle of an even count). */
function medianBy<T>(items: T[], key: (item: T) => number): T {
  const sorted = [...items].sort((a, b) => key(a) - key(b))
  return sorted[(sorted.length - 1) >> 1]
}

function spread(values: number[]): { median: number; min: number } {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
  return { median: round(median, 1), min: round(sorted[0], 1) }
}

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits))
}

function kibToMB(kib: number): number {
  return round((kib * 1024) / 1e6, 1)
}

function count(n: number): string {
  return n.toLocaleString('en-US')
}

function seconds(msValue: number): string {
  return `${(msValue / 1000).toFixed(2)} s`
}

function ms(value: number): string {
  return `${value.toFixed(1)} ms`
}

function kilobytes(bytes: number): string {
  return `${(bytes / 1000).toFixed(0)} kB`
}

// --- entry point (last, so every constant above is set) ---

const options = readOptions(process.argv.slice(2))
const scratch = mkdtempSync(path.join(os.tmpdir(), 'miso-bench-'))
const needsAction = ['e2e', 'startup', 'polling', 'reconcile', 'queue', 'scale'].some(s =>
  options.sections.has(s as Section)
)
if (needsAction && !existsSync(ACTION)) {
  throw new Error(`${path.relative(ROOT, ACTION)} is missing: run \`npm run build\` first`)
}

const results: Results = {
  loadAverage: {},
  endToEnd: [],
  parse: [],
  polling: [],
  queue: [],
  scale: []
}
const begin = (section: Section): boolean => {
  if (!options.sections.has(section)) return false
  results.loadAverage[section] = round(os.loadavg()[0], 2)
  return true
}

try {
  if (begin('e2e')) results.endToEnd = await benchEndToEnd(options)
  if (begin('parse')) results.parse = await benchParse(options)
  if (begin('startup')) results.startup = await benchStartup(options)
  if (begin('polling')) results.polling = await benchPolling(options)
  if (begin('reconcile')) results.reconcile = await benchReconcile(options)
  if (begin('queue')) {
    const { latencyMs, plan } = options
    results.queue = await benchQueue(API_KEY, latencyMs, plan.concurrencies, progress)
  }
  if (begin('scale')) results.scale = await benchScale(options)
} finally {
  rmSync(scratch, { recursive: true, force: true })
}

const goals = judge(results)
const machine = {
  cpus: os.availableParallelism(),
  cpuModel: os.cpus()[0]?.model ?? 'unknown',
  memoryGB: round(os.totalmem() / 1e9, 1),
  node: process.version,
  platform: `${os.platform()} ${os.release()}`
}
const command = ['npm run bench', ...(process.argv.length > 2 ? ['--'] : [])]
  .concat(process.argv.slice(2))
  .join(' ')

console.log(render(command, machine, options, results, goals))
mkdirSync(path.dirname(options.out), { recursive: true })
writeFileSync(
  options.out,
  JSON.stringify(
    {
      command,
      date: new Date().toISOString(),
      machine,
      settings: {
        latencyMs: options.latencyMs,
        taskMs: options.taskMs,
        batchSize: BATCH_SIZE,
        pollIntervalMs: POLL_INTERVAL_MS,
        naiveBatch: NAIVE_BATCH,
        server: 'in the benchmark process; the action in a child process',
        quick: options.quick
      },
      ...results,
      goals
    },
    null,
    2
  ) + '\n'
)
const shown = path.relative(ROOT, options.out)
console.log(`\nJSON written to ${shown.startsWith('..') ? options.out : shown}`)
if (goals.some(g => g.result === 'MISSED')) process.exitCode = 1
