// `--only parse`: reading ID files of each format alone (parse-file.ts), a fresh process per run.
import { rmSync, statSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { FORMATS, idFileText, makeIds, type Format } from './data.js'
import { count, kibToMB, medianBy, round } from './figures.js'
import { progress, runScript } from './measure.js'
import type { Options } from './options.js'

export interface ParseRun {
  format: Format
  ids: number
  fileMB: number
  /** The median run's; the RSS figures are that run's too. */
  ms: number
  msAll: number[]
  peakRssMB: number
  baselineRssMB: number
}

export async function benchParse(opts: Options, scratch: string): Promise<ParseRun[]> {
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
  const output = await runScript('parse-file.ts', [file])
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
