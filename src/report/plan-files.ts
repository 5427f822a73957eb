// The files that hold the whole plan: every unique ID (`ids-path`) and which source gave
// which IDs (`sources-path`). They depend on nothing the deletion does, so they are written
// while it runs: for a million IDs they are tens of megabytes, and written in chunks they
// neither hold up the end of the run nor need the whole text in memory at once.
import { mkdtempSync } from 'node:fs'
import { open } from 'node:fs/promises'
import * as path from 'node:path'
import type { Plan, SourceSummary } from '../plan.js'

export interface PlanFiles {
  /** The run's own directory under RUNNER_TEMP; the result file goes there too. */
  dir: string
  idsPath: string
  sourcesPath: string
}

/** One source in the `sources` output and file. */
export interface SourceEntry {
  kind: string
  name: string
  detail: string | null
  count: number
  ids: readonly string[]
}

export function sourceEntry(source: SourceSummary): SourceEntry {
  return {
    kind: source.kind,
    name: source.name,
    detail: source.detail ?? null,
    count: source.ids.length,
    ids: source.ids
  }
}

/** IDs per chunk: each takes well under a millisecond to build, so requests are not held up. */
const CHUNK_IDS = 10_000

/**
 * Writes both files into a new directory under `runnerTemp` (empty lists without a plan),
 * every ID and name passed through `redact` first, as every channel's text is.
 */
export async function writePlanFiles(
  plan: Plan | undefined,
  runnerTemp: string,
  redact: (text: string) => string
): Promise<PlanFiles> {
  const dir = mkdtempSync(path.join(runnerTemp, 'miso-bulk-delete-'))
  const files = {
    dir,
    idsPath: path.join(dir, 'ids.txt'),
    sourcesPath: path.join(dir, 'sources.json')
  }
  const clean = (ids: readonly string[], at: number) => ids.slice(at, at + CHUNK_IDS).map(redact)
  const all = plan?.ids ?? []
  await writeChunks(files.idsPath, function* () {
    for (let at = 0; at < all.length; at += CHUNK_IDS) yield `${clean(all, at).join('\n')}\n`
  })
  // The same JSON as JSON.stringify() of the entries, each source's IDs in chunks.
  await writeChunks(files.sourcesPath, function* () {
    yield '['
    for (const [n, source] of (plan?.sources ?? []).entries()) {
      const { ids, ...entry } = sourceEntry(source)
      const rest = JSON.stringify(entry, (_, v: unknown) => (typeof v === 'string' ? redact(v) : v))
      yield `${n > 0 ? ',' : ''}${rest.slice(0, -1)},"ids":[`
      for (let at = 0; at < ids.length; at += CHUNK_IDS) {
        yield (at > 0 ? ',' : '') + JSON.stringify(clean(ids, at)).slice(1, -1)
      }
      yield ']}'
    }
    yield ']'
  })
  return files
}

/**
 * Each chunk is built only when the file has taken the one before: one chunk in memory at a
 * time (a stream would read ahead, and chunks held that long outlive the young generation).
 */
async function writeChunks(file: string, chunks: () => Iterable<string>): Promise<void> {
  const handle = await open(file, 'w')
  try {
    for (const chunk of chunks()) await handle.write(chunk)
  } finally {
    await handle.close()
  }
}
