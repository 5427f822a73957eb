// The `ids-file` input: paths or glob patterns relative to the workspace, each file parsed
// by its extension (formats.ts). Patterns may come from a pull request's workflow, so every
// file must stay inside the workspace, also through symlinks. An absolute path is taken when
// it lies inside the workspace (`${{ github.workspace }}/...`) or inside `RUNNER_TEMP`, where
// an earlier step of the job may have written the list; the same rules then hold there.
//
// Pattern rules: those of every pattern input (src/patterns.ts): a `!` pattern leaves out
// what it matches, dot files match like any other. A pattern without glob characters is a
// plain path. Every plain pattern must match at least one file that is not left out. The
// walk never enters `.git` folders: git's own files are no ID lists.

import { open, readFile, realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import type { TextDecoder } from 'node:util'
import { glob, isDynamicPattern } from 'tinyglobby'
import { pathPatterns } from '../patterns.js'
import {
  dropHeaderLine,
  formatOf,
  type IdFileNotes,
  MAX_LINE_CHARS,
  parseIdLines,
  parseIds,
  SAVE_AS_UTF8,
  utf8Decoder
} from './formats.js'
import type { IdGroup } from './id-group.js'

const INPUT = 'ids-file'
const MiB = 1024 * 1024

/** How files are read; the defaults suit the runner, tests make them small. */
export interface ReadOptions {
  /** Text files of one ID per line larger than this are read in chunks. */
  streamAboveBytes?: number
  /** The chunk size of that reading. */
  chunkBytes?: number
  /** Files of other formats larger than this are refused: they are parsed as one string. */
  maxTextBytes?: number
  /** The longest line of a text file read in chunks. */
  maxLineChars?: number
  /** Where the readers say how they read an ambiguous file (see formats.ts). */
  notes?: IdFileNotes
}

const STREAM_ABOVE_BYTES = 256 * MiB
const CHUNK_BYTES = 64 * MiB
/** V8's longest string, in UTF-16 units; a file of at most this many bytes decodes to fewer. */
const MAX_TEXT_BYTES = 0x1fffffe8

/** A directory files may be read from; names under it are shown with `prefix`. */
interface Root {
  given: string
  real: string
  prefix: string
}

/**
 * One group per matched file, sorted by name (workspace-relative with forward slashes; a
 * file under `runnerTemp` by its absolute path), each file once. Throws for a pattern that
 * matches nothing, a path outside the workspace and `runnerTemp`, a directory, an unreadable or binary file, and
 * (IdFileError) a malformed ID list.
 */
export async function readIdFiles(
  patterns: string[],
  workspaceDir: string,
  idField: string,
  runnerTemp?: string,
  options: ReadOptions = {}
): Promise<IdGroup[]> {
  const workspace = await rootOf(workspaceDir, '')
  // No RUNNER_TEMP directory (a local run): absolute paths are then workspace paths only.
  const temp = runnerTemp
    ? await rootOf(runnerTemp, `${toSlashes(path.resolve(runnerTemp))}/`).catch(() => undefined)
    : undefined
  const rule = pathPatterns(patterns, INPUT)
  // The `!` patterns, placed like the others (a RUNNER_TEMP one by its absolute name).
  const exclusions = pathPatterns(
    rule.excluded.map(excluded => {
      const { root, relative } = place(excluded, workspace, temp)
      return root.prefix + relative
    }),
    INPUT
  )

  const files = new Map<string, { root: Root; relative: string }>()
  for (const pattern of rule.plain) {
    const { root, relative } = place(pattern, workspace, temp)
    // The walk finds the candidates; the shared rule decides, as for the diff sources.
    const globbed = isDynamicPattern(relative) ? pathPatterns([relative], INPUT) : undefined
    let found = 0
    for (const match of await matchFiles(pattern, relative, root)) {
      const name = root.prefix + match
      if (exclusions.chooses(name) || (globbed && !globbed.chooses(match))) continue
      files.set(name, { root, relative: match })
      found++
    }
    if (found === 0) throw new Error(`${INPUT}: "${pattern}" matches no file`)
  }

  const groups: IdGroup[] = []
  // Code-unit order, so the order never depends on the runner's locale.
  for (const name of [...files.keys()].sort()) {
    const { root, relative } = files.get(name) as { root: Root; relative: string }
    groups.push({ kind: 'file', name, ids: await readIds(name, relative, root, idField, options) })
  }
  return groups
}

async function rootOf(dir: string, prefix: string): Promise<Root> {
  return { given: path.resolve(dir), real: await realpath(dir), prefix }
}

/**
 * The root a pattern is read under, and the pattern relative to it: a relative pattern is
 * under the workspace; an absolute one must lie inside the workspace or `RUNNER_TEMP`.
 */
function place(
  pattern: string,
  workspace: Root,
  temp: Root | undefined
): { root: Root; relative: string } {
  if (!path.isAbsolute(pattern)) return { root: workspace, relative: pattern }
  // A glob's `..` could climb out before any file is checked.
  if (isDynamicPattern(pattern) && pattern.split('/').includes('..')) {
    throw new Error(`${INPUT}: "${pattern}": ".." is not allowed in a glob pattern`)
  }
  for (const root of temp ? [workspace, temp] : [workspace]) {
    for (const dir of new Set([root.given, root.real])) {
      const full = path.resolve(pattern)
      if (full !== dir && isInside(dir, full)) {
        return { root, relative: toSlashes(path.relative(dir, full)) }
      }
    }
  }
  throw new Error(
    `${INPUT}: "${pattern}" is outside the workspace${temp ? ' and RUNNER_TEMP' : ''}; give a path relative to the workspace`
  )
}

/** Names relative to `root` (forward slashes) of the files a pattern names. */
async function matchFiles(pattern: string, relative: string, root: Root): Promise<string[]> {
  if (isDynamicPattern(relative)) {
    // A glob's `..` could climb out before any file is checked; plain paths may use it.
    if (relative.split('/').includes('..')) {
      throw new Error(`${INPUT}: "${pattern}": ".." is not allowed in a glob pattern`)
    }
    // Symlinks are followed here; readText refuses any whose target is outside.
    return glob(relative, {
      cwd: root.real,
      onlyFiles: true,
      expandDirectories: false,
      dot: true,
      ignore: ['**/.git/**']
    })
  }

  const full = path.resolve(root.real, relative)
  if (!isInside(root.real, full)) {
    throw new Error(`${INPUT}: "${pattern}" is outside the workspace`)
  }
  const info = await stat(full).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined
    throw new Error(`${INPUT}: cannot read "${pattern}": ${error.message}`)
  })
  if (info === undefined) return []
  if (info.isDirectory()) {
    throw new Error(
      `${INPUT}: "${pattern}" is a directory; name its files, e.g. "${pattern.replace(/\/+$/, '')}/*.csv"`
    )
  }
  return [toSlashes(path.relative(root.real, full))]
}

/** The IDs of a matched file, read through its real path once that is known to be inside. */
async function readIds(
  name: string,
  relative: string,
  root: Root,
  idField: string,
  options: ReadOptions
): Promise<string[]> {
  const cannotRead = (error: Error): never => {
    throw new Error(`${INPUT}: cannot read ${name}: ${error.message}`)
  }
  const real = await realpath(path.join(root.real, relative)).catch(cannotRead)
  if (!isInside(root.real, real)) {
    const where = root.prefix ? 'RUNNER_TEMP' : 'the workspace'
    throw new Error(`${INPUT}: ${name} is a link to ${real}, outside ${where}`)
  }
  // Reading a FIFO or a device could block for ever.
  const info = await stat(real).catch(cannotRead)
  if (!info.isFile()) throw new Error(`${INPUT}: ${name} is not a regular file`)
  const format = formatOf(name)
  if (format === 'lines' && info.size > (options.streamAboveBytes ?? STREAM_ABOVE_BYTES)) {
    const ids = await readLinesInChunks(name, real, options, cannotRead)
    return dropHeaderLine(ids, name, idField, options.notes)
  }
  if (format !== 'lines' && info.size > (options.maxTextBytes ?? MAX_TEXT_BYTES)) {
    throw new Error(
      `${INPUT}: ${name} is ${sizeText(info.size)}, too large to read as ` +
        `${format.toUpperCase()}; give IDs this many as a text file, one per line`
    )
  }
  const bytes = await readFile(real).catch(cannotRead)
  refuseBinary(name, bytes)
  return parseIds(decode(name, utf8Decoder(), bytes), name, idField, options.notes)
}

/**
 * A text file of one ID per line, read a chunk at a time, so its size is bounded by memory
 * rather than by V8's longest string. Lines never span chunks: each chunk's last partial line
 * waits for the next (and fails once longer than any line may be, before it grows into a
 * giant string); UTF-8 characters split by a chunk are joined by the decoder.
 */
async function readLinesInChunks(
  name: string,
  file: string,
  options: ReadOptions,
  cannotRead: (error: Error) => never
): Promise<string[]> {
  const chunkBytes = options.chunkBytes ?? CHUNK_BYTES
  const maxLineChars = options.maxLineChars ?? MAX_LINE_CHARS
  const handle = await open(file, 'r').catch(cannotRead)
  try {
    const decoder = utf8Decoder()
    const buffer = Buffer.alloc(chunkBytes)
    const ids: string[] = []
    let carry = ''
    let line = 1
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, chunkBytes, null).catch(cannotRead)
      if (bytesRead === 0) break
      const bytes = buffer.subarray(0, bytesRead)
      refuseBinary(name, bytes)
      const text = carry + decode(name, decoder, bytes, true)
      // A CR at the end may be half of a CRLF: it waits too, so lines are counted right.
      const end = text.endsWith('\r') ? text.length - 1 : text.length
      const cut =
        end === 0
          ? 0
          : Math.max(text.lastIndexOf('\n', end - 1), text.lastIndexOf('\r', end - 1)) + 1
      const part = parseIdLines(text.slice(0, cut), name, line, maxLineChars)
      for (const id of part.ids) ids.push(id)
      line = part.nextLine
      carry = text.slice(cut)
      // Throws: the unfinished line alone is already too long.
      if (carry.length > maxLineChars) parseIdLines(carry, name, line, maxLineChars)
    }
    const rest = carry + decode(name, decoder, new Uint8Array(0))
    for (const id of parseIdLines(rest, name, line, maxLineChars).ids) ids.push(id)
    return ids
  } finally {
    await handle.close()
  }
}

function refuseBinary(name: string, bytes: Buffer): void {
  if (bytes.includes(0)) {
    throw new Error(`${INPUT}: ${name} is binary (it contains NUL bytes), not a list of IDs`)
  }
}

/** Fails closed for bytes that are not UTF-8: their IDs would protect nothing. */
function decode(name: string, decoder: TextDecoder, bytes: Uint8Array, stream = false): string {
  try {
    return decoder.decode(bytes, { stream })
  } catch {
    throw new Error(`${INPUT}: ${name} is not valid UTF-8 text ${SAVE_AS_UTF8}`)
  }
}

function sizeText(bytes: number): string {
  return bytes >= MiB ? `${(bytes / MiB).toFixed(1)} MiB` : `${bytes} bytes`
}

/** Whether `target` is the workspace or under it. */
function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target)
  return relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative)
}

function toSlashes(relative: string): string {
  return relative.split(path.sep).join('/')
}
