// `--only startup`: how long the bundle takes to start, against bare Node.
import { spawn } from 'node:child_process'
import { rmSync } from 'node:fs'
import { startFakeMiso } from '../../test-server/fake-miso.js'
import { prepareRun } from '../../test/support/run-action.js'
import { round, spread } from './figures.js'
import { ACTION, DIST, filesUnder, progress, waitForExit } from './measure.js'
import { API_KEY, type Options } from './options.js'

export interface Startup {
  runs: number
  bareNodeMs: { median: number; min: number }
  firstRequestMs: { median: number; min: number }
  overheadMs: number
  distBytes: number
  distFiles: Record<string, number>
}

/**
 * From spawning `node dist/index.js` to its first request reaching the server, against the
 * whole life of `node -e ''`. Both are spawned the same way, alternately, after a warm-up.
 */
export async function benchStartup(opts: Options): Promise<Startup> {
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
          backup: 'false', // measured on its own: `--only backup`
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
