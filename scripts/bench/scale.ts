// `--only scale`: peak memory of dry runs of many IDs.
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import * as path from 'node:path'
import { writeIdLines } from './data.js'
import { count, kibToMB, round } from './figures.js'
import { progress, runMeasured, tail } from './measure.js'
import type { Options } from './options.js'

export interface ScaleRun {
  ids: number
  fileMB: number
  peakRssMB: number
  wallMs: number
}

/** Peak memory of a dry run (read, check, plan and report) of many IDs from a text file. */
export async function benchScale(opts: Options, scratch: string): Promise<ScaleRun[]> {
  const runs: ScaleRun[] = []
  for (const size of opts.plan.scaleIds) {
    progress(`scale: a dry run of ${count(size)} IDs`)
    const workspace = mkdtempSync(path.join(scratch, 'scale-'))
    const file = path.join(workspace, 'ids.txt')
    writeIdLines(file, size)
    const { run, usage } = await runMeasured(
      {
        workspace,
        inputs: { 'ids-file': 'ids.txt', 'dry-run': 'true', 'max-deletions': '0' },
        timeoutMs: 900_000
      },
      scratch
    )
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
