// `--only reconcile`: Miso's listing against the repository's IDs, the stale ones deleted.
import { mkdtempSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { startFakeMiso } from '../../test-server/fake-miso.js'
import { idFileText, makeIds } from './data.js'
import { count, kibToMB, round } from './figures.js'
import { GOALS } from './goals.js'
import { expectSucceeded, progress, runMeasured } from './measure.js'
import { API_KEY, BATCH_SIZE, POLL_INTERVAL_MS, type Options } from './options.js'
import type { ReconcileRun } from './results.js'

/**
 * A reconcile of a million IDs each side: Miso lists the repository's IDs plus 0.1 % stale
 * ones, the repository names its IDs in one text file (`ids-file`); the stale ones are deleted.
 */
export async function benchReconcile(opts: Options, scratch: string): Promise<ReconcileRun> {
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
    const { run, usage } = await runMeasured(
      {
        workspace,
        inputs: {
          'api-key': API_KEY,
          'api-url': miso.url,
          backup: 'false', // measured on its own: `--only backup`
          reconcile: 'true',
          'ids-file': 'ids.txt',
          'batch-size': String(BATCH_SIZE),
          'poll-interval': String(POLL_INTERVAL_MS / 1000)
        },
        timeoutMs: 300_000
      },
      scratch
    )
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
