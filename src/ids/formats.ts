// The one reader per ID list format, for `ids-file`, `id-list-files`, reconcile's repository
// files and `restore-file` alike: parseIds reads a text (a git blob), readIdFiles the files of
// the `ids-file` input. Files can hold a million IDs, so lines are split natively and kept IDs
// written back into the array of lines.
//
// `ids-file`: paths or glob patterns relative to the workspace, each file parsed by its
// extension. Patterns may come from a pull request's workflow, so every file must stay inside
// the workspace, also through symlinks. An absolute path is taken when it lies inside the
// workspace (`${{ github.workspace }}/...`) or inside `RUNNER_TEMP`, where an earlier step of
// the job may have written the list; the same rules then hold there.
//
// Pattern rules: those of every pattern input (src/patterns.ts): a `!` pattern leaves out
// what it matches, dot files match like any other. A pattern without glob characters is a
// plain path. Every plain pattern must match at least one file that is not left out. The
// walk never enters `.git` folders: git's own files are no ID lists.
import { open, readFile, realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import { TextDecoder } from 'node:util'
import { glob, isDynamicPattern } from 'tinyglobby'
import { duplicateKey, isObject } from '../json.js'
import type { Log } from '../log.js'
import { pathPatterns } from '../patterns.js'
import type { IdGroup } from './id-group.js'
import { describe, idOfValue, parseFieldPath, valuesAt } from './id-value.js'
import { type Condition, meetsAny } from './removed-when.js'

/** Where a reader says how it read an ambiguous file (the run's log). */
export interface IdFileNotes extends Pick<Log, 'notice' | 'warning'> {
  /**
   * A value read as a header that may be an ID (the first row of a one-column list that is
   * not `id-field`): never deleted, but where a file's IDs protect products (a live set, the
   * IDs to keep) it protects too. Fail closed: an ambiguous row never turns into a deletion.
   */
  maybeId?(value: string, file: string): void
}

/**
 * The longest line a text ID file may hold, in UTF-16 units: far beyond any ID, far below
 * V8's longest string, so a file that is no list (one 600 MB line) fails naming the line.
 */
const MAX_LINE_CHARS = 1024 * 1024

/**
 * A file's content is not a valid ID list; the message names the file and the position
 * (`line 4`, `item 3`, `item 3 field product_id`...; empty for the file as a whole).
 */
export class IdFileError extends Error {
  override name = 'IdFileError'

  constructor(
    readonly file: string,
    readonly position: string,
    problem: string
  ) {
    super(position ? `${file}: ${position}: ${problem}` : `${file}: ${problem}`)
  }
}

/** The format of an ID file, by its extension (case-insensitive); anything else is 'lines'. */
export function formatOf(fileName: string) {
  const extension = /\.(csv|tsv|json|jsonl|ndjson)$/i.exec(fileName)?.[1].toLowerCase()
  return extension === 'ndjson' ? 'jsonl' : (extension ?? 'lines')
}

const INPUT = 'ids-file'
const NO_MATCH =
  'Likely causes: no `actions/checkout` step before this one, a path relative to the wrong folder (relative paths start at the workspace), or a file an earlier step did not write.'
const MiB = 1024 * 1024

/**
 * How files are read: text files of one ID per line `chunkBytes` at a time (tests make it
 * small); `notes` is where the readers say how they read an ambiguous file (see IdFileNotes);
 * an object row that meets a `removedWhen` condition names no ID (IDs to keep); `items` keeps
 * each JSON item read (a backup's records).
 */
export type ReadOptions = {
  chunkBytes?: number
  notes?: IdFileNotes
  removedWhen?: readonly Condition[]
  items?: unknown[]
}

/** A directory files may be read from; names under it are shown with `prefix`. */
type Root = { given: string; real: string; prefix: string; label: string }

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
  const rootOf = async (dir: string, label: string): Promise<Root> => {
    const given = path.resolve(dir)
    const prefix = label === 'RUNNER_TEMP' ? `${toSlashes(given)}/` : ''
    return { given, real: await realpath(dir), prefix, label }
  }
  const roots = [await rootOf(workspaceDir, 'the workspace')]
  // No RUNNER_TEMP directory (a local run): absolute paths are then workspace paths only.
  const temp = runnerTemp && (await rootOf(runnerTemp, 'RUNNER_TEMP').catch(() => undefined))
  if (temp) roots.push(temp)
  const rule = pathPatterns(patterns, INPUT)
  // The `!` patterns, placed like the others (a RUNNER_TEMP one by its absolute name).
  const excluded = rule.excluded.map(pattern => place(pattern, roots).name)
  const exclusions = pathPatterns(excluded, INPUT)

  const files = new Map<string, { root: Root; relative: string }>()
  for (const pattern of rule.plain) {
    const { root, relative } = place(pattern, roots)
    // The walk finds the candidates; the shared rule decides, as for the diff sources.
    const globbed = isDynamicPattern(relative) ? pathPatterns([relative], INPUT) : undefined
    const found = (await matchFiles(pattern, relative, root)).filter(
      match => !exclusions.chooses(root.prefix + match) && (!globbed || globbed.chooses(match))
    )
    // A pattern that matches nothing: where it looked, and why a file is usually not there.
    const where = `${root.label} (${root.given})`
    if (found.length === 0) refuse(`"${pattern}" matches no file in ${where}. ${NO_MATCH}`)
    for (const match of found) files.set(root.prefix + match, { root, relative: match })
  }

  const groups: IdGroup[] = []
  // Code-unit order, so the order never depends on the runner's locale.
  for (const [name, { root, relative }] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const file = sourceOf(name, idField, options)
    groups.push({ kind: 'file', name, ids: await readIds(file, root, relative) })
  }
  return groups
}

/**
 * The root a pattern is read under, the pattern relative to it and its name: a relative
 * pattern is under the workspace (`roots[0]`); an absolute one must lie inside one of the roots.
 */
function place(pattern: string, roots: Root[]) {
  // A glob's `..` could climb out before any file is checked; plain paths may use it.
  if (isDynamicPattern(pattern) && pattern.split('/').includes('..'))
    refuse(`"${pattern}": ".." is not allowed in a glob pattern`)
  if (!path.isAbsolute(pattern)) return { root: roots[0], relative: pattern, name: pattern }
  const full = path.resolve(pattern)
  for (const root of roots) {
    const dir = [root.given, root.real].find(dir => full !== dir && isInside(dir, full))
    const relative = dir && toSlashes(path.relative(dir, full))
    if (relative) return { root, relative, name: root.prefix + relative }
  }
  return refuse(
    `"${pattern}" is outside the workspace${roots.length > 1 ? ' and RUNNER_TEMP' : ''}; give a path relative to the workspace`
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
  if (!isInside(root.real, full)) refuse(`"${pattern}" is outside the workspace`)
  const info = await stat(full).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined
    refuse(`cannot read "${pattern}": ${error.message}`)
  })
  if (info?.isDirectory()) {
    const example = `${pattern.replace(/\/+$/, '')}/*.csv`
    refuse(`"${pattern}" is a directory; name its files, e.g. "${example}"`)
  }
  return info ? [toSlashes(path.relative(root.real, full))] : []
}

/** The IDs of a matched file, read through its real path once that is known to be inside. */
async function readIds(file: Source, root: Root, relative: string): Promise<string[]> {
  const { name } = file
  const cannotRead = failToRead(name)
  const real = await realpath(path.join(root.real, relative)).catch(cannotRead)
  if (!isInside(root.real, real)) refuse(`${name} is a link to ${real}, outside ${root.label}`)
  // Reading a FIFO or a device could block for ever.
  const info = await stat(real).catch(cannotRead)
  if (!info.isFile()) refuse(`${name} is not a regular file`)
  const format = formatOf(name)
  if (format === 'lines') {
    // Up to 256 MiB in one chunk, the fastest; larger files 64 MiB at a time.
    const chunkBytes = file.chunkBytes ?? (info.size <= 256 * MiB ? info.size + 1 : 64 * MiB)
    return dropHeaderLine(await readLines(name, real, chunkBytes), file)
  }
  // Other formats are parsed as one string: at most V8's longest string, in UTF-16 units (a file
  // of at most this many bytes decodes to fewer).
  if (info.size > 0x1fffffe8) {
    const what = `${(info.size / MiB).toFixed(1)} MiB, too large to read as ${format.toUpperCase()}`
    refuse(`${name} is ${what}; give IDs this many as a text file, one per line`)
  }
  return idsOf(textOf(name, await readFile(real).catch(cannotRead)), file)
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
      line += lines.length
      const kept = idsOfLines(lines, name, line - lines.length)
      // A file of one chunk keeps its array of lines: no second million-entry array.
      if (ids.length === 0) ids = kept
      else for (const id of kept) ids.push(id)
      // Throws when the unfinished line alone is already too long.
      idsOfLines([carry], name, line)
      if (bytesRead === 0) return ids
    }
  } finally {
    await handle.close()
  }
}

const failToRead = (name: string) => (e: Error) => refuse(`cannot read ${name}: ${e.message}`)

function refuse(problem: string): never {
  throw new Error(`${INPUT}: ${problem}`)
}

/** The text of a file's bytes; fails closed for binary and for bytes that are not UTF-8. */
function textOf(name: string, bytes: Buffer, decoder?: TextDecoder, stream?: boolean): string {
  if (bytes.includes(0)) refuse(`${name} is binary (it contains NUL bytes), not a list of IDs`)
  const text = decodeUtf8(bytes, decoder, stream)
  return text ?? refuse(`${name} is not valid UTF-8 text ${SAVE_AS_UTF8}`)
}

/** Whether `target` is `root` or under it. */
function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target)
  return relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative)
}

const toSlashes = (relative: string) => relative.split(path.sep).join('/')

/**
 * The IDs of one file, in file order, duplicates kept. `name` picks the format and names
 * the file in errors; `idField` is the CSV/TSV column or the JSON field path (parseFieldPath).
 * Throws IdFileError for anything that is not a valid ID list.
 */
export function parseIds(text: string, name: string, idField: string, options: ReadOptions = {}) {
  return idsOf(text, sourceOf(name, idField, options))
}

function idsOf(text: string, file: Source): string[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const format = formatOf(file.name)
  if (format === 'json') return idsOfJson(body, file)
  if (format === 'jsonl') return idsOfJsonLines(body, file)
  if (format === 'lines') return dropHeaderLine(idsOfLines(splitLines(body), file.name, 1), file)
  return idsOfTable(body, file, format === 'tsv')
}

/**
 * The file being read, and how its IDs are found: `path` is `id-field` as a JSON field path,
 * `column` the `id-field` column (or text header line), the whole `id-field` with `\.` a dot.
 */
type Source = ReadOptions & { name: string; idField: string; path: string[]; column: string }

function sourceOf(name: string, idField: string, options: ReadOptions): Source {
  const path = parseFieldPath(idField)
  return { ...options, name, idField, path, column: path.length === 1 ? path[0] : idField }
}

function fail(file: Source | string, position: string, problem: string): never {
  throw new IdFileError(typeof file === 'string' ? file : file.name, position, problem)
}

/**
 * Bytes as UTF-8 text, a BOM kept (the readers drop it); undefined for bytes that are not
 * UTF-8. Another encoding (Windows-1252, Latin-1) must not turn an ID into one with U+FFFD,
 * which names no product and protects nothing. `decoder` and `stream` read a file in chunks.
 */
export function decodeUtf8(bytes: Uint8Array, decoder = utf8Decoder(), stream = false) {
  try {
    return decoder.decode(bytes, { stream })
  } catch {
    return undefined
  }
}

/** A decoder that throws for bytes that are not UTF-8 and keeps the BOM. */
const utf8Decoder = () => new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/** Why such a file fails, and the way out, after "FILE is not valid UTF-8 text". */
export const SAVE_AS_UTF8 =
  '(saved in another encoding, such as Windows-1252 or Latin-1?), so its IDs cannot be read: save it as UTF-8'

// --- lines ---

/** The lines of a text; LF, CRLF and a lone CR end a line (split() is by far the fastest). */
export function splitLines(text: string): string[] {
  return text.includes('\r') ? text.split(/\r\n?|\n/) : text.split('\n')
}

/**
 * The IDs of whole lines of a text list, the first being line `firstLine`: trimmed (a BOM
 * with them), blank lines and `#` comment lines dropped. The IDs are written back into `lines`
 * (no second million-entry array). Throws IdFileError for a line longer than `maxLineChars`.
 */
export function idsOfLines(lines: string[], name: string, first: number, max = MAX_LINE_CHARS) {
  let kept = 0
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].length > max) {
      const problem = `longer than ${max.toLocaleString('en-US')} characters, far beyond any ID: this is not a list of one ID per line`
      fail(name, `line ${first + i}`, problem)
    }
    const id = lines[i].trim()
    // `#` only starts a comment at the start of a line: IDs themselves may contain `#`.
    if (id !== '' && id[0] !== '#') lines[kept++] = id
  }
  lines.length = kept
  return lines
}

/**
 * A text list's first ID that is the `id-field` name (`product_id`) is a header line, as a
 * person reads it: dropped from `ids` (the file's IDs), with a notice.
 */
function dropHeaderLine(ids: string[], { name, column, notes }: Source): string[] {
  if (ids[0] !== column) return ids
  ids.shift()
  notes?.notice(
    `${name}: its first line "${column}" is the \`id-field\` name, so it was read as a header line, not as an ID.`
  )
  return ids
}

// --- CSV / TSV ---

const SEPARATOR_NAMES: Record<string, string> = { ',': '","', ';': '";"', '\t': 'a tab' }

/**
 * The header row decides the separator, as a person reading the file would: the extension's
 * own (`,` for .csv, a tab for .tsv) when the header has it, else the one other of `,` `;`
 * tab that it has (a list re-exported with another separator often keeps its name), else
 * none (one column). A header with two others is ambiguous: it fails.
 */
function tableSeparator(text: string, file: Source, own: string): string {
  const header = /^[^\r\n]*/.exec(text)?.[0] ?? ''
  if (header.includes(own)) return own
  const [first, second] = [',', ';', '\t'].filter(s => s !== own && header.includes(s))
  if (second === undefined) return first ?? own
  const [a, b, c] = [first, second, own].map(s => SEPARATOR_NAMES[s])
  const problem = `the header row holds both ${a} and ${b}, and not ${c}: which one separates the columns is unclear. Save the file with one separator`
  return fail(file, 'line 1', problem)
}

/**
 * The cells of each record and its first line. With `quoting` (RFC 4180), a field that starts
 * with `"` is quoted (separators, line breaks and doubled quotes inside it are data); a quote
 * anywhere else is refused rather than guessed at, as `a, "b,c"` would otherwise split into
 * unintended IDs. TSV has no quoting: a `.tsv`'s tab always separates.
 */
function* records(text: string, file: Source, separator: string, quoting: boolean) {
  // A field (quoted, else bare) and what ends it; without quoting, `(?!)()` is a quoted field
  // that never matches, and a field always does.
  const quoted = quoting ? `"(${QUOTED})"` : '(?!)()'
  const bare = `([^${quoting ? '"' : ''}${separator}\\r\\n]*)`
  const field = new RegExp(`(?:${quoted}|${bare})(${separator}|\\r\\n?|\\n|$)`, 'y')
  let [cells, line, first] = [[] as string[], 1, 1]
  for (let i = 0; i < text.length;) {
    field.lastIndex = i
    const [, inQuotes, plain, end] = field.exec(text) ?? badQuote(text, i, file, line)
    i = field.lastIndex
    cells.push(inQuotes?.replaceAll('""', '"') ?? plain)
    if (inQuotes) line += lineBreaks(inQuotes)
    if (end === separator && i < text.length) continue
    // A separator at the very end leaves one more, empty, field.
    if (end === separator) cells.push('')
    yield [cells, first] as const
    cells = []
    first = ++line
  }
}

const QUOTED = '[^"]*(?:""[^"]*)*'
const QUOTE_INSIDE =
  'a quote inside an unquoted field (quote the whole field and double inner quotes)'
const lineBreaks = (text: string) => text.match(/\r\n?|\n/g)?.length ?? 0

/** Why no field could be read at `i`: a quote where none may be. */
function badQuote(text: string, i: number, file: Source, line: number): never {
  if (text[i] !== '"') fail(file, `line ${line}`, QUOTE_INSIDE)
  const closed = new RegExp(`"${QUOTED}"`, 'y')
  closed.lastIndex = i
  const whole = closed.exec(text)?.[0]
  if (whole === undefined) fail(file, `line ${line}`, 'a quoted field is never closed')
  return fail(file, `line ${line + lineBreaks(whole)}`, 'text after the closing quote of a field')
}

function idsOfTable(text: string, file: Source, tsv: boolean): string[] {
  const separator = tableSeparator(text, file, tsv ? '\t' : ',')
  const rows = records(text, file, separator, !(tsv && separator === '\t'))
  const header = rows.next()
  if (header.done) fail(file, '', `no header row; the first line must name the columns`)
  const names = header.value[0].map(cell => cell.trim())
  const column = idColumn(names, file)
  const name = names[column]
  const removed = (cells: string[]) =>
    file.removedWhen?.length &&
    meetsAny(Object.fromEntries(names.map((n, i) => [n, cells[i]?.trim()])), file.removedWhen)
  const ids: string[] = []
  // Blank lines are fine at the end only; one before more data is an empty ID.
  let blankLine = 0
  for (const [cells, line] of rows) {
    if (cells.length === 1 && cells[0].trim() === '') {
      blankLine ||= line
      continue
    }
    const [row, at] = blankLine ? [[''], `line ${blankLine}`] : [cells, `line ${line}`]
    if (row.length <= column) {
      const found = row.length === 1 ? '1 cell' : `${row.length} cells`
      fail(file, at, `${found}, but the ID column "${name}" is column ${column + 1}`)
    }
    const id = row[column].trim()
    if (removed(row)) continue
    ids.push(id !== '' ? id : fail(file, at, `empty ID in column "${name}"`))
  }
  return ids
}

function idColumn(names: string[], file: Source): number {
  const wanted = file.column
  if (names.length === 1) {
    if (names[0] === '') fail(file, 'line 1', 'the header row is empty; it must name the columns')
    // A list without a header loses its first ID to the header: say so, naming it.
    if (names[0] !== wanted) {
      file.notes?.maybeId?.(names[0], file.name)
      file.notes?.warning(
        `${file.name}: line 1, ${JSON.stringify(names[0].slice(0, 100))}, was read as the header of its one column, not as an ID. If it is an ID, add a first line "${wanted}".`
      )
    }
    return 0
  }
  const column = names.indexOf(wanted)
  if (column === -1) {
    // Cut short for very wide headers.
    const shown = names.slice(0, 20).map(n => JSON.stringify(n.slice(0, 100)))
    const more = names.length > 20 ? `, and ${names.length - 20} more` : ''
    const problem = `no column "${wanted}" in the header row; columns found: ${shown.join(', ')}${more}`
    fail(file, 'line 1', problem)
  }
  if (names.includes(wanted, column + 1))
    fail(file, 'line 1', `the header row names column "${wanted}" twice`)
  return column
}

// --- JSON / JSON lines ---

function idsOfJson(text: string, file: Source): string[] {
  const value = parseJson(text, file, '')
  if (Array.isArray(value))
    return value.flatMap((item, i) => idsOfItem(item, file, `item ${i + 1}`))
  // One object (a feed's `{"items":[...]}`) when `id-field` has a `*`: `items.*.sku`.
  if (isObject(value) && file.path.includes('*')) return idsOfItem(value, file, '')
  // The API's own request body, so a saved request can be replayed.
  const [[, productIds] = []] = valuesAt(value, ['data', 'product_ids'])
  if (Array.isArray(productIds))
    return productIds.map((item, i) => idOf(item, file, `data.product_ids item ${i + 1}`))
  const found = describe(value) + (isObject(value) ? ' without data.product_ids' : '')
  const shapes = `an array of IDs, an array of objects with "${file.idField}", or {"data":{"product_ids":[...]}}`
  return fail(file, '', `expected ${shapes}, but found ${found}`)
}

function idsOfJsonLines(text: string, file: Source): string[] {
  return splitLines(text).flatMap((line, i) =>
    line.trim() === ''
      ? []
      : idsOfItem(parseJson(line, file, `line ${i + 1}`), file, `line ${i + 1}`)
  )
}

/** JSON.parse keeps a key's last value: which of two names the product is not clear. */
function parseJson(text: string, file: Source, position: string): unknown {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    fail(file, position, `not valid JSON: ${(error as Error).message}`)
  }
  const key = duplicateKey(text)
  const twice = `the key ${JSON.stringify(key)} appears twice in one object`
  return key === undefined ? value : fail(file, position, twice)
}

/** An item of an ID list: the ID itself, or an object holding it (or several) at `id-field`. */
function idsOfItem(item: unknown, file: Source, position: string): string[] {
  file.items?.push(item)
  if (!isObject(item)) return [idOf(item, file, position)]
  if (file.removedWhen?.length && meetsAny(item, file.removedWhen)) return []
  const found = valuesAt(item, file.path)
  if (found.length === 0) fail(file, position, `the object has no field "${file.idField}"`)
  const where = (at: string) => `${position ? `${position} ` : ''}field ${at}`
  return found.map(([at, value]) =>
    value === undefined ? fail(file, where(at), 'missing') : idOf(value, file, where(at))
  )
}

function idOf(value: unknown, file: Source, position: string): string {
  const id = idOfValue(value)
  return typeof id === 'string' ? id : fail(file, position, id.problem)
}
