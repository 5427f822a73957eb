// The one reader per ID list format, for `ids-file`, `id-list-files` and reconcile's repository
// files alike. Pure: text in, IDs out, no file system. Files can hold a million IDs, so lines
// are split natively and kept IDs written back into the array of lines.
import { TextDecoder } from 'node:util'
import { duplicateKey, isObject } from '../json.js'
import type { Log } from '../log.js'
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
export const MAX_LINE_CHARS = 1024 * 1024

/** A file's content is not a valid ID list; the message names the file and the position. */
export class IdFileError extends Error {
  override name = 'IdFileError'

  constructor(
    readonly file: string,
    /** `line 4`, `item 3`, `item 3 field product_id`...; empty for the file as a whole. */
    readonly position: string,
    problem: string
  ) {
    super(position ? `${file}: ${position}: ${problem}` : `${file}: ${problem}`)
  }
}

/** The format of an ID file, by its extension (case-insensitive); anything else is 'lines'. */
export function formatOf(fileName: string) {
  const extension = /\.(csv|tsv|json|jsonl|ndjson)$/i.exec(fileName)?.[1].toLowerCase()
  return extension ? FORMATS[extension as keyof typeof FORMATS] : 'lines'
}

const FORMATS = { csv: 'csv', tsv: 'tsv', json: 'json', jsonl: 'jsonl', ndjson: 'jsonl' } as const

/**
 * The IDs of one file, in file order, duplicates kept. `name` picks the format and names
 * the file in errors; `idField` is the CSV/TSV column or the JSON field path (parseFieldPath).
 * Throws IdFileError for anything that is not a valid ID list.
 */
export function parseIds(
  text: string,
  name: string,
  idField: string,
  notes?: IdFileNotes,
  removedWhen: readonly Condition[] = [],
  items?: unknown[]
) {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const file = { ...sourceOf(name, idField, notes), removedWhen, items }
  const format = formatOf(name)
  if (format === 'json') return idsOfJson(body, file)
  if (format === 'jsonl') return idsOfJsonLines(body, file)
  if (format === 'lines') return dropHeaderLine(idsOfLines(splitLines(body), name, 1), file)
  return idsOfTable(body, file, format === 'tsv')
}

/**
 * The file being read, and how its IDs are found: `path` is `id-field` as a JSON field path,
 * `column` the `id-field` column (or text header line), the whole `id-field` with `\.` a dot.
 */
type Source = {
  name: string
  idField: string
  notes?: IdFileNotes
  path: string[]
  column: string
  /** An object row (JSON, JSON lines, CSV/TSV) that meets one names no ID. */
  removedWhen?: readonly Condition[]
  /** Where each item of a JSON or JSON lines list is kept, when given (a backup's records). */
  items?: unknown[]
}

export function sourceOf(name: string, idField: string, notes?: IdFileNotes): Source {
  const path = parseFieldPath(idField)
  return { name, idField, notes, path, column: path.length === 1 ? path[0] : idField }
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

/** A decoder that throws for bytes that are not UTF-8 (`stream: true` joins split characters). */
export function utf8Decoder(): TextDecoder {
  return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
}

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
export function dropHeaderLine(ids: string[], { name, column, notes }: Source): string[] {
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
  const plain = `[^${quoting ? '"' : ''}${separator}\\r\\n]*`
  // The plain alternative always matches, so exec() never gives null.
  const cell = new RegExp(quoting ? `"([^"]*(?:""[^"]*)*)"|${plain}` : plain, 'y')
  let line = 1
  for (let i = 0; i < text.length;) {
    const first = line
    const cells: string[] = []
    for (;;) {
      cell.lastIndex = i
      const [whole, quoted] = cell.exec(text) as RegExpExecArray
      i = cell.lastIndex
      if (quoted !== undefined) {
        line += whole.match(/\r\n?|\n/g)?.length ?? 0
        if (i < text.length && !'\r\n'.includes(text[i]) && text[i] !== separator) {
          fail(file, `line ${line}`, 'text after the closing quote of a field')
        }
        cells.push(quoted.replaceAll('""', '"'))
      } else if (quoting && text[i] === '"') {
        const problem =
          whole === ''
            ? 'a quoted field is never closed'
            : 'a quote inside an unquoted field (quote the whole field and double inner quotes)'
        fail(file, `line ${line}`, problem)
      } else {
        cells.push(whole)
      }
      if (text[i] !== separator) break
      i++
    }
    if (i < text.length) {
      i += text.startsWith('\r\n', i) ? 2 : 1
      line++
    }
    yield [cells, first] as const
  }
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
  if (names.includes(wanted, column + 1)) {
    fail(file, 'line 1', `the header row names column "${wanted}" twice`)
  }
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
  if (Array.isArray(productIds)) {
    return productIds.map((item, i) => idOf(item, file, `data.product_ids item ${i + 1}`))
  }
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
  if (key === undefined) return value
  return fail(file, position, `the key ${JSON.stringify(key)} appears twice in one object`)
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
