// The report: Markdown tables, readable in a terminal and ready for docs/performance.md.
import {
  DEFAULT_MAX_POLL_INTERVAL_MS as MAX_POLL_INTERVAL_MS,
  LAG_SHARE,
  PACE_SHARE
} from '../../src/poll-schedule.js'
import { FLOOR_TRANSPORTS, rounds, type Phases } from './e2e.js'
import { count, kilobytes, ms, round, seconds } from './figures.js'
import type { Goal } from './goals.js'
import { BATCH_SIZE, NAIVE_BATCH, POLL_INTERVAL_MS, type Options } from './options.js'
import { POLLING_TASKS } from './polling.js'
import { QUEUE_GOALS, queueName } from './queue.js'
import type { Results } from './results.js'

export interface Machine {
  cpus: number
  cpuModel: string
  memoryGB: number
  node: string
  platform: string
}

/** The whole report: the setting, a section per measured section, then the goals. */
export function render(
  command: string,
  machine: Machine,
  opts: Options,
  r: Results,
  goals: Goal[]
): string {
  return [
    ...header(command, machine, opts, r),
    ...endToEnd(opts, r),
    ...phases(opts, r),
    ...parsing(opts, r),
    ...startup(r),
    ...polling(r),
    ...reconcile(r),
    ...backup(r),
    ...queue(r),
    ...scale(r),
    ...goalTable(goals)
  ].join('\n')
}

function header(command: string, machine: Machine, opts: Options, r: Results): string[] {
  const load = Object.entries(r.loadAverage).map(([section, value]) => `${section} ${value}`)
  return [
    `# Benchmarks: \`${command}\``,
    '',
    `${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGB} GB, Node ${machine.node}, ` +
      `${machine.platform}. Local Miso-compatible server: ${opts.latencyMs} ms per request, ` +
      `tasks take ${opts.taskMs} ms; batch-size ${BATCH_SIZE}, poll-interval ` +
      `${POLL_INTERVAL_MS / 1000} s.`,
    '',
    `1-minute load average as each section began: ${load.join(', ')}.`
  ]
}

function endToEnd(opts: Options, r: Results): string[] {
  if (r.endToEnd.length === 0) return []
  const median = opts.plan.repeats > 1 ? `, action: median of ${opts.plan.repeats} runs` : ''
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
  const head = [
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
  ]
  return [
    '',
    `## End to end (IDs from a text file${median})`,
    '',
    `Ideal: ceil(ceil(IDs / ${BATCH_SIZE}) / concurrency) x ${opts.latencyMs} ms, plus one status ` +
      `round (${POLL_INTERVAL_MS / 1000} s + ${opts.latencyMs} ms). Naive: ${NAIVE_BATCH} IDs ` +
      "per request, one at a time, then each task's status, one at a time, in the server " +
      'process (no process start, no file read).',
    '',
    table(head, rows)
  ]
}

function phases(opts: Options, r: Results): string[] {
  const phased = r.endToEnd.filter(run => run.phases)
  if (phased.length === 0) return []
  const rows = phased.map(run => {
    const p = run.phases as Phases
    const n = rounds(run.ids, run.concurrency)
    return [
      count(run.ids),
      String(run.concurrency),
      seconds(p.startMs),
      seconds(p.submitMs),
      seconds(n * opts.latencyMs),
      `${(p.submitMs / n).toFixed(1)} ms`,
      ...FLOOR_TRANSPORTS.map(transport => {
        const floor = run.floorSubmitMs?.[transport]
        return floor !== undefined ? `${(floor / n).toFixed(1)} ms` : ''
      }),
      seconds(p.lastPollMs),
      seconds(POLL_INTERVAL_MS + opts.latencyMs),
      seconds(p.finishMs)
    ]
  })
  const head = [
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
  ]
  return [
    '',
    '### Where the time goes (action runs above)',
    '',
    'The loops send the same batches with the same concurrency and polling from a process ' +
      'that does nothing else (floor-loop.ts), through node-fetch as the action does or ' +
      'through bare node:http: their rounds are the floor that the HTTP stack and the two ' +
      'processes sharing the cores leave.',
    '',
    table(head, rows)
  ]
}

function parsing(opts: Options, r: Results): string[] {
  if (r.parse.length === 0) return []
  const median = opts.plan.repeats > 1 ? `, median of ${opts.plan.repeats} runs` : ''
  const rows = r.parse.map(run => [
    run.format,
    count(run.ids),
    `${run.fileMB} MB`,
    `${run.ms} ms`,
    `${run.peakRssMB} MB`,
    `${run.baselineRssMB} MB`,
    `${round(run.peakRssMB - run.baselineRssMB, 1)} MB`
  ])
  return [
    '',
    `## Parsing alone (readIdFiles, a fresh process per run${median})`,
    '',
    'Peak RSS is the whole process; the baseline is what it held before reading ' +
      '(Node, the TypeScript loader and the modules).',
    '',
    table(['format', 'IDs', 'file', 'time', 'peak RSS', 'baseline RSS', 'peak - baseline'], rows)
  ]
}

function startup(r: Results): string[] {
  if (!r.startup) return []
  const s = r.startup
  const files = Object.entries(s.distFiles)
    .map(([name, size]) => `${name} ${kilobytes(size)}`)
    .join(', ')
  return [
    '',
    `## Start-up (median of ${s.runs} runs)`,
    '',
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
    ),
    '',
    `dist/: ${kilobytes(s.distBytes)} (${files}).`
  ]
}

function polling(r: Results): string[] {
  if (r.polling.length === 0) return []
  const rows = r.polling.map(run => [
    `${run.taskMs / 1000} s`,
    count(run.statusRequests),
    String(run.maxPerTask),
    count(run.bound),
    seconds(run.wallMs)
  ])
  return [
    '',
    `## Status polling (${POLLING_TASKS} tasks of one ID each, concurrency 4)`,
    '',
    `Bound: ${QUEUE_GOALS.perTask} status requests per task; poll-interval ` +
      `${POLL_INTERVAL_MS / 1000} s.`,
    '',
    table(['task time', 'status requests', 'most per task', 'bound', 'wall'], rows)
  ]
}

function reconcile(r: Results): string[] {
  if (!r.reconcile) return []
  const run = r.reconcile
  const row = [
    count(run.misoIds),
    `${run.listingMB} MB`,
    count(run.repositoryIds),
    count(run.deleted),
    seconds(run.wallMs),
    `${run.peakRssMB} MB`,
    seconds(run.cpuMs)
  ]
  return [
    '',
    '## Reconcile (the listing against an ID file, the stale IDs deleted)',
    '',
    table(['Miso lists', 'listing', 'repository', 'deleted', 'wall', 'peak RSS', 'CPU'], [row])
  ]
}

function backup(r: Results): string[] {
  if (!r.backup) return []
  const run = r.backup
  const share = `${Math.round((run.backupMs / run.wallMs) * 100)} %`
  const row = [
    count(run.records),
    `${run.latencyMs} ms`,
    String(run.concurrency),
    seconds(run.backupMs),
    seconds(run.wallMs),
    share,
    seconds(run.withoutMs)
  ]
  const head = ['records', 'latency', 'concurrency', 'backup', 'wall', 'share', '`backup: false`']
  return ['', '## Backup before deleting (`backup: auto`, its largest run)', '', table(head, [row])]
}

function queue(r: Results): string[] {
  if (r.queue.length === 0) return []
  const rows = r.queue.map(run => [
    queueName(run),
    String(run.concurrency),
    count(run.statusRequests),
    run.perTask.toFixed(2),
    seconds(run.lagMs),
    seconds(run.lagLimitMs),
    seconds(run.wallMs)
  ])
  const head = ['tasks', 'concurrency', 'status requests', 'per task', 'lag', 'lag limit', 'wall']
  return [
    '',
    '## Tasks that end by time (batch-size 10, default poll-interval)',
    '',
    'Together: each task ends its time after its own acceptance. One after another: each ' +
      'starts when the one before ended. Lag: from the end of the last task to the exit; ' +
      `limit max(${QUEUE_GOALS.lagFloorMs / 1000} s, ${QUEUE_GOALS.lagShare * 100} % of ` +
      'the time from the first acceptance to the last end). The oldest unfinished task is ' +
      `polled every ${LAG_SHARE * 100} % of its age, or after ${PACE_SHARE * 100} % of the ` +
      `predicted remaining time, at most ${MAX_POLL_INTERVAL_MS / 1000} s apart.`,
    '',
    table(head, rows)
  ]
}

function scale(r: Results): string[] {
  if (r.scale.length === 0) return []
  const rows = r.scale.map(run => [
    count(run.ids),
    `${run.fileMB} MB`,
    `${run.peakRssMB} MB`,
    `${Math.round((run.peakRssMB * 1e6) / run.ids)} B`,
    seconds(run.wallMs)
  ])
  return [
    '',
    '## Scale (dry run of IDs from a text file, one per line)',
    '',
    table(['IDs', 'file', 'peak RSS', 'per ID', 'wall'], rows)
  ]
}

function goalTable(goals: Goal[]): string[] {
  const rows = goals.map(g => [g.goal, g.measured, g.limit, g.result])
  return ['', '## Goals', '', table(['goal', 'measured', 'limit', 'result'], rows)]
}

/** A figure: a number, maybe with a unit (`1.2 MB`, `3.4x`) or a sum (`100 + 100`). */
const NUMBER = /^\d[\d.,+ ]*(?:x| ?[a-zA-Z]+)?$/

/** A Markdown table with padded columns; columns of figures aligned right. */
export function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map(row => row[i].length)))
  const numeric = head.map((_, i) => rows.every(row => row[i] === '' || NUMBER.test(row[i])))
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (numeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |`
  const rule = `|${widths.map((w, i) => (numeric[i] ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`
  return [line(head), rule, ...rows.map(line)].join('\n')
}
