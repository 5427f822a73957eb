// `--only backup`: the undo's backup (one GET per record) before a deletion of 1,000 IDs, the
// most `backup: auto` backs up, at the run's default concurrency; beside the same run without it.
import { mkdtempSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { startFakeMiso } from '../../test-server/fake-miso.js'
import { idFileText, makeIds } from './data.js'
import { expectSucceeded, progress, runMeasured } from './measure.js'
import { API_KEY, POLL_INTERVAL_MS, type Options } from './options.js'

export interface BackupRun {
  records: number
  latencyMs: number
  /** The action's default `concurrency`. */
  concurrency: number
  /** First record request's arrival to the last one's answer, by the server's clock. */
  backupMs: number
  wallMs: number
  /** The same deletion with `backup: false`. */
  withoutMs: number
}

const RECORDS = 1000
const LATENCY_MS = 50
const DEFAULT_CONCURRENCY = 4

export async function benchBackup(opts: Options, scratch: string): Promise<BackupRun> {
  const ids = makeIds(RECORDS)
  const records = () =>
    new Map(ids.map(id => [id, { product_id: id, title: `Product ${id}`, price: 10 }]))
  const workspace = mkdtempSync(path.join(scratch, 'backup-'))
  writeFileSync(path.join(workspace, 'ids.txt'), idFileText('txt', ids))
  const once = async (backup: 'auto' | 'false') => {
    const miso = await startFakeMiso({
      apiKey: API_KEY,
      latencyMs: LATENCY_MS,
      taskDurationMs: opts.taskMs,
      records: records()
    })
    try {
      progress(`backup: ${RECORDS} records, backup ${backup}`)
      const { run } = await runMeasured(
        {
          workspace,
          inputs: {
            'api-key': API_KEY,
            'api-url': miso.url,
            'ids-file': 'ids.txt',
            'poll-interval': String(POLL_INTERVAL_MS / 1000),
            backup
          },
          timeoutMs: 300_000
        },
        scratch
      )
      expectSucceeded(run, RECORDS, miso)
      const gets = miso.requests.filter(r => r.method === 'GET' && !r.path.includes('/_'))
      const at = gets.map(r => r.at)
      const backupMs = gets.length > 0 ? Math.max(...at) + LATENCY_MS - Math.min(...at) : 0
      if (backup === 'auto' && run.outputs['backup-count'] !== String(RECORDS)) {
        throw new Error(`backup: ${run.outputs['backup-count']} of ${RECORDS} records backed up`)
      }
      return { wallMs: run.elapsedMs, backupMs: Math.round(backupMs) }
    } finally {
      await miso.close()
    }
  }
  const withBackup = await once('auto')
  const without = await once('false')
  return {
    records: RECORDS,
    latencyMs: LATENCY_MS,
    concurrency: DEFAULT_CONCURRENCY,
    backupMs: withBackup.backupMs,
    wallMs: withBackup.wallMs,
    withoutMs: without.wallMs
  }
}
