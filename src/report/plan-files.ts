// The files that hold the whole plan: every unique ID (`ids-path`) and which source gave
// which IDs (`sources-path`). They depend on nothing the deletion does, so they are written
// while it runs: for a million IDs they are tens of megabytes, and written in chunks they
// neither hold up the end of the run nor need the whole text in memory at once.
import { mkdtempSync } from 'node:fs'
import { open } from 'node:fs/promises'
import * as path from 'node:path'
import type { Plan, SourceSummary } from '../plan.js'
import { mapStrings } from '../redact.js'

export interface PlanFiles {
  /** The run's own directory under RUNNER_TEMP; the result file goes there too. */
  dir: string
  idsPath: string
  sourcesPath: string
  /**
   * What writing found out about every ID of the plan and of its sources, so that the report
   * need not pass over a million IDs again: whether redacting changed none, and the longest.
   */
  ids: { unchanged: boolean; longest: number }
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
  const files: PlanFiles = {
    dir,
    idsPath: path.join(dir, 'ids.txt'),
    sourcesPath: path.join(dir, 'sources.json'),
    ids: { unchanged: true, longest: 0 }
  }
  const clean = cleaner(redact, files.ids)
  await writeChunks(files.idsPath, idLines(plan?.ids ?? [], clean))
  await writeChunks(files.sourcesPath, sourcesJson(plan?.sources ?? [], clean, redact))
  return files
}

type Clean = (ids: readonly string[]) => string[]

/** Redacts a chunk of IDs, keeping count in `seen` of any change and of the longest ID. */
function cleaner(redact: (text: string) => string, seen: PlanFiles['ids']): Clean {
  return ids =>
    ids.map(id => {
      const safe = redact(id)
      if (safe !== id) seen.unchanged = false
      if (id.length > seen.longest) seen.longest = id.length
      return safe
    })
}

/** One ID per line, each line ended by a newline. */
function* idLines(ids: readonly string[], clean: Clean): Generator<string> {
  for (let i = 0; i < ids.length; i += CHUNK_IDS) {
    yield `${clean(ids.slice(i, i + CHUNK_IDS)).join('\n')}\n`
  }
}

/** `[{"kind":…,"name":…,"detail":…,"count":…,"ids":[…]}, …]`, the IDs in chunks. */
function* sourcesJson(
  sources: readonly SourceSummary[],
  clean: Clean,
  redact: (text: string) => string
): Generator<string> {
  yield '['
  for (const [n, source] of sources.entries()) {
    const { ids, ...entry } = sourceEntry(source)
    const rest = mapStrings(entry, text => redact(text))
    // The entry without `ids` and its closing brace, then the IDs: the same JSON, in chunks.
    yield `${n > 0 ? ',' : ''}${JSON.stringify(rest).slice(0, -1)},"ids":[`
    for (let i = 0; i < ids.length; i += CHUNK_IDS) {
      const items = JSON.stringify(clean(ids.slice(i, i + CHUNK_IDS))).slice(1, -1)
      yield i > 0 ? `,${items}` : items
    }
    yield ']}'
  }
  yield ']'
}

/**
 * Each chunk is built only when the file has taken the one before: one chunk in memory at a
 * time (a stream would read ahead, and chunks held that long outlive the young generation).
 */
async function writeChunks(file: string, chunks: Iterable<string>): Promise<void> {
  const handle = await open(file, 'w')
  try {
    for (const chunk of chunks) await handle.write(chunk)
  } finally {
    await handle.close()
  }
}
