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
  decodeUtf8,
  dropHeaderLine,
  formatOf,
  type IdFileNotes,
  idsOfLines,
  parseIds,
  SAVE_AS_UTF8,
  sourceOf,
  splitLines,
  utf8Decoder
} from './formats.js'
import type { IdGroup } from './id-group.js'
import type { Condition } from './removed-when.js'

const INPUT = 'ids-file'
const MiB = 1024 * 1024

/**
 * How files are read: text files of one ID per line `chunkBytes` at a time (tests make it
 * small); `notes` is where the readers say how they read an ambiguous file (see formats.ts);
 * an object row that meets a `removedWhen` condition names no ID (IDs to keep).
 */
export type ReadOptions = {
  chunkBytes?: number
  notes?: IdFileNotes
  removedWhen?: readonly Condition[]
  items?: unknown[]
}

/** A directory files may be read from; names under it are shown with `prefix`. */
type Root = { given: string; real: string; prefix: string }

/**
 * One group per matched file, sorted by name (workspace-relative with forward slashes; a
 * file under `runnerTemp` by its absolute path), each file once. Throws for a pattern that
 * matches nothing, a path outside the workspace and `runnerTemp`, a directory, an unreadable
 * or binary file, and (IdFileError) a malformed ID list.
 */
export async function readIdFiles(
  patterns: string[],
  workspaceDir: string,
  idField: string,
  runnerTemp?: string,
  options: ReadOptions = {}
): Promise<IdGroup[]> {
  const rootOf = async (dir: string, prefix: string): Promise<Root> => {
    return { given: path.resolve(dir), real: await realpath(dir), prefix }
  }
  const roots = [await rootOf(workspaceDir, '')]
  // No RUNNER_TEMP directory (a local run): absolute paths are then workspace paths only.
  const temp =
    runnerTemp &&
    (await rootOf(runnerTemp, `${toSlashes(path.resolve(runnerTemp))}/`).catch(() => undefined))
  if (temp) roots.push(temp)
  const rule = pathPatterns(patterns, INPUT)
  // The `!` patterns, placed like the others (a RUNNER_TEMP one by its absolute name).
  const excluded = rule.excluded.map(pattern => {
    const { root, relative } = place(pattern, roots)
    return root.prefix + relative
  })
  const exclusions = pathPatterns(excluded, INPUT)

  const files = new Map<string, { root: Root; relative: string }>()
  for (const pattern of rule.plain) {
    const { root, relative } = place(pattern, roots)
    // The walk finds the candidates; the shared rule decides, as for the diff sources.
    const globbed = isDynamicPattern(relative) ? pathPatterns([relative], INPUT) : undefined
    let found = 0
    for (const match of await matchFiles(pattern, relative, root)) {
      const name = root.prefix + match
      if (exclusions.chooses(name) || (globbed && !globbed.chooses(match))) continue
      files.set(name, { root, relative: match })
      found++
    }
    if (found === 0) throw new Error(noMatch(pattern, root))
  }

  const groups: IdGroup[] = []
  // Code-unit order, so the order never depends on the runner's locale.
  for (const [name, { root, relative }] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    groups.push({ kind: 'file', name, ids: await readIds(name, relative, root, idField, options) })
  }
  return groups
}

/** Where a pattern that matches nothing looked, and why a file is usually not there. */
function noMatch(pattern: string, root: Root): string {
  const where = root.prefix ? `RUNNER_TEMP (${root.given})` : `the workspace (${root.given})`
  return `${INPUT}: "${pattern}" matches no file in ${where}. Likely causes: no \`actions/checkout\` step before this one, a path relative to the wrong folder (relative paths start at the workspace), or a file an earlier step did not write.`
}

/**
 * The root a pattern is read under, and the pattern relative to it: a relative pattern is
 * under the workspace (`roots[0]`); an absolute one must lie inside one of the roots.
 */
function place(pattern: string, roots: Root[]): { root: Root; relative: string } {
  // A glob's `..` could climb out before any file is checked; plain paths may use it.
  if (isDynamicPattern(pattern) && pattern.split('/').includes('..')) {
    throw new Error(`${INPUT}: "${pattern}": ".." is not allowed in a glob pattern`)
  }
  if (!path.isAbsolute(pattern)) return { root: roots[0], relative: pattern }
  const full = path.resolve(pattern)
  for (const root of roots) {
    for (const dir of [root.given, root.real]) {
      if (full !== dir && isInside(dir, full)) {
        return { root, relative: toSlashes(path.relative(dir, full)) }
      }
    }
  }
  const where = roots.length > 1 ? ' and RUNNER_TEMP' : ''
  throw new Error(
    `${INPUT}: "${pattern}" is outside the workspace${where}; give a path relative to the workspace`
  )
}

/** Names relative to `root` (forward slashes) of the files a pattern names. */
async function matchFiles(pattern: string, relative: string, root: Root): Promise<string[]> {
  if (isDynamicPattern(relative)) {
    // Symlinks are followed here; readIds refuses any whose target is outside.
    const options = { cwd: root.real, expandDirectories: false, dot: true }
    return glob(relative, { ...options, onlyFiles: true, ignore: ['**/.git/**'] })
  }
  const full = path.resolve(root.real, relative)
  if (!isInside(root.real, full)) throw new Error(`${INPUT}: "${pattern}" is outside the workspace`)
  const info = await stat(full).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined
    throw new Error(`${INPUT}: cannot read "${pattern}": ${error.message}`)
  })
  if (info?.isDirectory()) {
    const example = `${pattern.replace(/\/+$/, '')}/*.csv`
    throw new Error(`${INPUT}: "${pattern}" is a directory; name its files, e.g. "${example}"`)
  }
  return info ? [toSlashes(path.relative(root.real, full))] : []
}

/** The IDs of a matched file, read through its real path once that is known to be inside. */
async function readIds(
  name: string,
  relative: string,
  root: Root,
  idField: string,
  options: ReadOptions
): Promise<string[]> {
  const cannotRead = failToRead(name)
  const real = await realpath(path.join(root.real, relative)).catch(cannotRead)
  if (!isInside(root.real, real)) {
    const where = root.prefix ? 'RUNNER_TEMP' : 'the workspace'
    throw new Error(`${INPUT}: ${name} is a link to ${real}, outside ${where}`)
  }
  // Reading a FIFO or a device could block for ever.
  const info = await stat(real).catch(cannotRead)
  if (!info.isFile()) throw new Error(`${INPUT}: ${name} is not a regular file`)
  const format = formatOf(name)
  if (format === 'lines') {
    // Up to 256 MiB in one chunk, the fastest; larger files 64 MiB at a time.
    const chunkBytes = options.chunkBytes ?? (info.size <= 256 * MiB ? info.size + 1 : 64 * MiB)
    const ids = await readLines(name, real, chunkBytes)
    return dropHeaderLine(ids, sourceOf(name, idField, options.notes))
  }
  // Other formats are parsed as one string: at most V8's longest string, in UTF-16 units (a file
  // of at most this many bytes decodes to fewer).
  if (info.size > 0x1fffffe8) {
    const size = info.size >= MiB ? `${(info.size / MiB).toFixed(1)} MiB` : `${info.size} bytes`
    throw new Error(
      `${INPUT}: ${name} is ${size}, too large to read as ` +
        `${format.toUpperCase()}; give IDs this many as a text file, one per line`
    )
  }
  const bytes = await readFile(real).catch(cannotRead)
  return parseIds(
    textOf(name, bytes),
    name,
    idField,
    options.notes,
    options.removedWhen,
    options.items
  )
}

/**
 * A text file of one ID per line, read a chunk at a time, so its size is bounded by memory
 * rather than by V8's longest string. Lines never span chunks: each chunk's last partial line
 * waits for the next (and fails once longer than any line may be, before it grows into a
 * giant string); UTF-8 characters split by a chunk are joined by the decoder.
 */
async function readLines(name: string, file: string, chunkBytes: number): Promise<string[]> {
  const cannotRead = failToRead(name)
  const handle = await open(file, 'r').catch(cannotRead)
  try {
    const decoder = utf8Decoder()
    let ids: string[] = []
    let carry = ''
    let line = 1
    for (;;) {
      // A buffer per chunk, so each can go once decoded, as a whole file read's would.
      const buffer = Buffer.allocUnsafe(chunkBytes)
      const { bytesRead } = await handle.read(buffer, 0, chunkBytes, null).catch(cannotRead)
      // A short read is the end of the file: decoded as a whole, as one-byte text where it can be
      // (streaming decodes to two-byte strings, twice the memory). Were it not the end, a
      // character cut there fails as not UTF-8: closed, never a wrong ID.
      const bytes = buffer.subarray(0, bytesRead)
      const text = carry + textOf(name, bytes, decoder, bytesRead === chunkBytes)
      // A CR at the end may be half of a CRLF: it waits with the last line.
      const held = bytesRead > 0 && text.endsWith('\r') ? 1 : 0
      const lines = splitLines(text.slice(0, text.length - held))
      carry = bytesRead > 0 ? (lines.pop() as string) + text.slice(text.length - held) : ''
      const count = lines.length
      const kept = idsOfLines(lines, name, line)
      // A file of one chunk keeps its array of lines: no second million-entry array.
      if (ids.length === 0) ids = kept
      else for (const id of kept) ids.push(id)
      line += count
      // Throws when the unfinished line alone is already too long.
      idsOfLines([carry], name, line)
      if (bytesRead === 0) return ids
    }
  } finally {
    await handle.close()
  }
}

function failToRead(name: string): (error: Error) => never {
  return error => {
    throw new Error(`${INPUT}: cannot read ${name}: ${error.message}`)
  }
}

/** The text of a file's bytes; fails closed for binary and for bytes that are not UTF-8. */
function textOf(name: string, bytes: Buffer, decoder?: TextDecoder, stream?: boolean): string {
  if (bytes.includes(0)) {
    throw new Error(`${INPUT}: ${name} is binary (it contains NUL bytes), not a list of IDs`)
  }
  const text = decodeUtf8(bytes, decoder, stream)
  if (text === undefined)
    throw new Error(`${INPUT}: ${name} is not valid UTF-8 text ${SAVE_AS_UTF8}`)
  return text
}

/** Whether `target` is `root` or under it. */
function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target)
  return relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative)
}

function toSlashes(relative: string): string {
  return relative.split(path.sep).join('/')
}
