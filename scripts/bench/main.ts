// `npm run bench`: how fast and how lean the action is, measured against the local
// Miso-compatible server with a fixed latency per request. A script, not a test: it prints
// Markdown tables (readable in a terminal, ready for docs/performance.md) and writes every figure as JSON.
//
//   npm run bench                          the full run
//   npm run bench -- --help                these options
//   npm run bench -- --quick               smaller sizes, for a quick look
//   npm run bench -- --out FILE            where the JSON goes (default bench-results/bench.json)
//   npm run bench -- --only e2e,parse      some sections only: e2e, parse, startup, polling,
//                                          reconcile, backup, queue, scale
//   npm run bench -- --skip-naive          leave out the naive client (minutes at a million IDs)
//   npm run bench -- --latency-ms 20 --task-ms 500
//
// The action runs as the runner starts it (node dist/index.js, see test/support/run-action.ts),
// so run `npm run build` first. It runs on the Node that runs this script; action.yml names
// node24, so for the runner's figures run it on Node 24:
//   npx -y -p node@24 -c 'npm run bench'
// The server runs inside this process; its CPU time is reported next to
// the child's, to show how much of the machine it took. The exit code is 1 when a goal is missed.
//
// One module per section (e2e, parse, startup, polling, reconcile, queue, scale); goals.ts
// judges the figures and render.ts prints them.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { ROOT } from '../../test/support/run-action.js'
import { benchBackup } from './backup.js'
import { benchEndToEnd } from './e2e.js'
import { round } from './figures.js'
import { judge } from './goals.js'
import { ACTION } from './measure.js'
import {
  BATCH_SIZE,
  NAIVE_BATCH,
  POLL_INTERVAL_MS,
  readOptions,
  type Options,
  type Section
} from './options.js'
import { benchParse } from './parse.js'
import { benchPolling } from './polling.js'
import { benchQueue } from './queue.js'
import { benchReconcile } from './reconcile.js'
import { render, type Machine } from './render.js'
import type { Results } from './results.js'
import { benchScale } from './scale.js'
import { benchStartup } from './startup.js'

/** The sections that run the bundle, so need dist/ built. */
const RUN_THE_ACTION: Section[] = [
  'e2e',
  'startup',
  'polling',
  'reconcile',
  'backup',
  'queue',
  'scale'
]

/** Runs the chosen sections in a scratch folder removed at the end, noting the load of each. */
async function measure(options: Options): Promise<Results> {
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
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'miso-bench-'))
  try {
    if (begin('e2e')) results.endToEnd = await benchEndToEnd(options, scratch)
    if (begin('parse')) results.parse = await benchParse(options, scratch)
    if (begin('startup')) results.startup = await benchStartup(options)
    if (begin('polling')) results.polling = await benchPolling(options, scratch)
    if (begin('reconcile')) results.reconcile = await benchReconcile(options, scratch)
    if (begin('backup')) results.backup = await benchBackup(options, scratch)
    if (begin('queue')) results.queue = await benchQueue(options)
    if (begin('scale')) results.scale = await benchScale(options, scratch)
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
  return results
}

function thisMachine(): Machine {
  return {
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGB: round(os.totalmem() / 1e9, 1),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`
  }
}

const options = readOptions(process.argv.slice(2))
if (RUN_THE_ACTION.some(s => options.sections.has(s)) && !existsSync(ACTION)) {
  throw new Error(`${path.relative(ROOT, ACTION)} is missing: run \`npm run build\` first`)
}
const results = await measure(options)
const goals = judge(results)
const machine = thisMachine()
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
