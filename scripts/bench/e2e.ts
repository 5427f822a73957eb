// `--only e2e`: whole runs of the action against the local server, beside the floor loops
// (floor-loop.ts) and a naive client written by the docs' rule of thumb.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import fetch from 'node-fetch'
import { startFakeMiso, type FakeMiso } from '../../test-server/fake-miso.js'
import { idFileText, makeIds } from './data.js'
import { count, kibToMB, medianBy } from './figures.js'
import { expectSucceeded, progress, runMeasured, runScript } from './measure.js'
import { API_KEY, BATCH_SIZE, NAIVE_BATCH, POLL_INTERVAL_MS, type Options } from './options.js'

export const FLOOR_TRANSPORTS = ['node-fetch', 'http'] as const
type FloorTransport = (typeof FLOOR_TRANSPORTS)[number]

export interface EndToEndRun {
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
  /** Action only: the submitting phase of loops that only send (see floor-loop.ts). */
  floorSubmitMs?: Record<FloorTransport, number>
  /** Action only: the child's own figures. */
  peakRssMB?: number
  cpuMs?: number
  /** CPU time of this process (the server, and the naive client when it runs) during the run. */
  serverCpuMs: number
}

/** Consecutive spans of an action run; they add up to its wall time. */
export interface Phases {
  /** Spawn to the first delete request: Node, the bundle, reading and planning the IDs. */
  startMs: number
  /** First delete request to the last delete answer (ideal: rounds x latency). */
  submitMs: number
  /** Last delete answer to the last status answer (ideal: poll-interval + latency). */
  lastPollMs: number
  /** Last status answer to exit: outputs, the ID file, the summary. */
  finishMs: number
}

export async function benchEndToEnd(opts: Options, scratch: string): Promise<EndToEndRun[]> {
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
        const at = { miso, origin, workspace, size, concurrency }
        runs.push(await actionAndFloors(at, opts, scratch))
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

/** One size and concurrency: where the action runs, against which server. */
interface Setup {
  miso: FakeMiso
  /** When the server's clock started, on this process's clock. */
  origin: number
  workspace: string
  size: number
  concurrency: number
}

/** The median of the action's repeated runs, with each floor loop's submitting phase. */
async function actionAndFloors(at: Setup, opts: Options, scratch: string): Promise<EndToEndRun> {
  const { size, concurrency } = at
  const repeated: EndToEndRun[] = []
  for (let i = 1; i <= opts.plan.repeats; i++) {
    progress(
      `end to end: ${count(size)} IDs, action, concurrency ${concurrency}, ` +
        `run ${i} of ${opts.plan.repeats}`
    )
    repeated.push(await actionEndToEnd(at, opts, scratch))
  }
  const median = medianBy(repeated, run => run.wallMs)
  const floorSubmitMs = {} as Record<FloorTransport, number>
  for (const transport of FLOOR_TRANSPORTS) {
    progress(`end to end: ${count(size)} IDs, ${transport} loop, concurrency ${concurrency}`)
    floorSubmitMs[transport] = await floorSubmit(at.miso, transport, size, concurrency, opts)
  }
  return { ...median, wallsMs: repeated.map(run => run.wallMs), floorSubmitMs }
}

async function actionEndToEnd(at: Setup, opts: Options, scratch: string): Promise<EndToEndRun> {
  const { miso, origin, workspace, size, concurrency } = at
  miso.clearDeleted()
  miso.reset()
  const cpu = process.cpuUsage()
  const { run, usage } = await runMeasured(
    {
      workspace,
      inputs: {
        'api-key': API_KEY,
        'api-url': miso.url,
        backup: 'false', // measured on its own: `--only backup`
        'ids-file': 'ids.txt',
        'batch-size': String(BATCH_SIZE),
        concurrency: String(concurrency),
        'max-deletions': '0',
        'poll-interval': String(POLL_INTERVAL_MS / 1000),
        'wait-timeout': '0'
      },
      timeoutMs: 600_000
    },
    scratch
  )
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
 * The submitting phase of a loop that only sends (floor-loop.ts) for the same batches,
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
  await runScript('floor-loop.ts', args.map(String))
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
  return rounds(size, concurrency) * latencyMs + POLL_INTERVAL_MS + latencyMs
}

/** Rounds of `concurrency` delete requests that `size` IDs take. */
export function rounds(size: number, concurrency: number): number {
  return Math.ceil(Math.ceil(size / BATCH_SIZE) / concurrency)
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
