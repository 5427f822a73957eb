// Parsers for the ID list formats of `ids-file` (and of ID list files that the diff source
// reads from git). Pure: text in, IDs out, no file system. Files can hold a million IDs, so
// lines are scanned with index loops and slices, never split character by character.
import { TextDecoder } from 'node:util'
import { duplicateKey, isObject } from '../json.js'
import type { Log } from '../log.js'
import { describe, idOfValue, parseFieldPath, valueAt } from './id-value.js'

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
  readonly file: string
  /** `line 4`, `item 3`, `item 3 field product_id`...; empty for the file as a whole. */
  readonly position: string

  constructor(file: string, position: string, problem: string) {
    super(position ? `${file}: ${position}: ${problem}` : `${file}: ${problem}`)
    this.name = 'IdFileError'
    this.file = file
    this.position = position
  }
}

type IdFormat = 'lines' | 'csv' | 'tsv' | 'json' | 'jsonl'

const FORMAT_BY_EXTENSION = new Map<string, IdFormat>([
  ['.csv', 'csv'],
  ['.tsv', 'tsv'],
  ['.json', 'json'],
  ['.jsonl', 'jsonl'],
  ['.ndjson', 'jsonl']
])

/**
 * The IDs of a part of a text file of one ID per line (the whole file, or whole lines of it,
 * see files.ts) whose first line is line `firstLine` (line 1 may begin with a BOM), and the
 * number of the line after it. Throws IdFileError for a line longer than `maxLineChars`.
 */
export function parseIdLines(
  text: string,
  fileName: string,
  firstLine: number,
  maxLineChars = MAX_LINE_CHARS
): { ids: string[]; nextLine: number } {
  const body = firstLine === 1 && text.charCodeAt(0) === BOM ? text.slice(1) : text
  return idsOfLines(body, fileName, firstLine, maxLineChars)
}

/**
 * A text list's first ID that is the `id-field` name (`product_id`) is a header line, as a
 * person reads it: dropped from `ids` (the file's IDs), with a notice.
 */
export function dropHeaderLine(
  ids: string[],
  fileName: string,
  idField: string,
  notes?: IdFileNotes
): string[] {
  const name = columnName(idField)
  if (ids[0] !== name) return ids
  ids.shift()
  notes?.notice(
    `${fileName}: its first line "${name}" is the \`id-field\` name, so it was read as a header line, not as an ID.`
  )
  return ids
}

/** The format of an ID file, by its extension (case-insensitive); anything else is 'lines'. */
export function formatOf(fileName: string): IdFormat {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1)
  const dot = base.lastIndexOf('.')
  if (dot === -1) return 'lines'
  return FORMAT_BY_EXTENSION.get(base.slice(dot).toLowerCase()) ?? 'lines'
}

/**
 * The IDs of one file, in file order, duplicates kept. `fileName` picks the format and
 * names the file in errors; `idField` is the CSV/TSV column or the JSON field path (see
 * parseFieldPath).
 * Throws IdFileError for anything that is not a valid ID list.
 */
export function parseIds(
  text: string,
  fileName: string,
  idField: string,
  notes?: IdFileNotes
): string[] {
  const body = text.charCodeAt(0) === BOM ? text.slice(1) : text
  switch (formatOf(fileName)) {
    case 'lines': {
      const { ids } = idsOfLines(body, fileName, 1, MAX_LINE_CHARS)
      return dropHeaderLine(ids, fileName, idField, notes)
    }
    case 'csv':
    case 'tsv':
      return idsOfTable(body, fileName, idField, notes)
    case 'json':
      return idsOfJson(body, fileName, idField)
    case 'jsonl':
      return idsOfJsonLines(body, fileName, idField)
  }
}

const BOM = 0xfeff
const LF = 10
const CR = 13
const QUOTE = 34
const HASH = 35
const COMMA = 44
const SEMICOLON = 59
const TAB = 9

/**
 * Bytes as UTF-8 text, a BOM kept (the readers drop it); undefined for bytes that are not
 * UTF-8. Another encoding (Windows-1252, Latin-1) must not turn an ID into one with U+FFFD,
 * which names no product and protects nothing.
 */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8Decoder().decode(bytes)
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

/** Calls `visit` with each line and its 1-based number; LF, CRLF and a lone CR end a line. */
function forEachLine(text: string, visit: (line: string, lineNo: number) => void): void {
  let start = 0
  let lineNo = 1
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c !== LF && c !== CR) continue
    visit(text.slice(start, i), lineNo++)
    if (c === CR && text.charCodeAt(i + 1) === LF) i++
    start = i + 1
  }
  if (start < text.length) visit(text.slice(start), lineNo)
}

// --- lines ---

function idsOfLines(
  text: string,
  fileName: string,
  firstLine: number,
  maxLineChars: number
): { ids: string[]; nextLine: number } {
  // split() is the fastest way to lines by far; a lone CR ends a line too, but is rare.
  const lines = text.includes('\r') ? text.split(/\r\n?|\n/) : text.split('\n')
  const nextLine = firstLine + lines.length - 1
  // Kept IDs are written back into the array of lines: no second million-entry array.
  let kept = 0
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    if (line.length > maxLineChars) throw lineTooLong(fileName, firstLine + i, maxLineChars)
    const id = line.trim()
    // `#` only starts a comment at the start of a line: IDs themselves may contain `#`.
    if (id !== '' && id.charCodeAt(0) !== HASH) lines[kept++] = id
  }
  lines.length = kept
  return { ids: lines, nextLine }
}

function lineTooLong(fileName: string, lineNo: number, maxLineChars: number): IdFileError {
  return new IdFileError(
    fileName,
    `line ${lineNo}`,
    `longer than ${maxLineChars.toLocaleString('en-US')} characters, far beyond any ID: this is not a list of one ID per line`
  )
}

// --- CSV / TSV ---

type RecordVisitor = (cells: string[], lineNo: number) => void
type RecordReader = (text: string, fileName: string, visit: RecordVisitor) => void

/** TSV has no quoting: every tab separates cells, every line break ends a record. */
function forEachTsvRecord(text: string, _fileName: string, visit: RecordVisitor): void {
  forEachLine(text, (line, lineNo) => visit(line.split('\t'), lineNo))
}

const SEPARATOR_NAMES = new Map([
  [COMMA, '","'],
  [SEMICOLON, '";"'],
  [TAB, 'a tab']
])

/**
 * The header row decides the separator, as a person reading the file would: the extension's
 * own (`,` for .csv, a tab for .tsv) when the header has it, else the one other of `,` `;`
 * tab that it has (a list re-exported with another separator often keeps its name), else
 * none (one column). A header with two others is ambiguous: it fails.
 */
function tableSeparator(text: string, fileName: string, own: number): number {
  const end = text.search(/[\r\n]/)
  const header = end === -1 ? text : text.slice(0, end)
  if (header.includes(String.fromCharCode(own))) return own
  const found = [COMMA, SEMICOLON, TAB].filter(
    s => s !== own && header.includes(String.fromCharCode(s))
  )
  if (found.length > 1) {
    throw new IdFileError(
      fileName,
      'line 1',
      `the header row holds both ${nameOf(found[0])} and ${nameOf(found[1])}, and not ${nameOf(own)}: which one separates the columns is unclear. Save the file with one separator`
    )
  }
  return found[0] ?? own
}

function nameOf(separator: number): string {
  return SEPARATOR_NAMES.get(separator) as string
}

/**
 * RFC 4180 records, cells separated by `separator`: a field that starts with `"` is quoted
 * (separators, line breaks and doubled quotes inside it are data). A quote anywhere else is
 * refused rather than guessed at, as `a, "b,c"` would otherwise split into unintended IDs.
 */
function forEachCsvRecord(
  text: string,
  fileName: string,
  visit: RecordVisitor,
  separator: number
): void {
  const end = text.length
  let i = 0
  let lineNo = 1
  while (i < end) {
    const recordLine = lineNo
    const cells: string[] = []
    for (;;) {
      if (text.charCodeAt(i) === QUOTE) {
        const openLine = lineNo
        let cell = ''
        let from = i + 1
        for (;;) {
          const q = text.indexOf('"', from)
          if (q === -1) {
            throw new IdFileError(fileName, `line ${openLine}`, 'a quoted field is never closed')
          }
          lineNo += countLineBreaks(text, from, q)
          if (text.charCodeAt(q + 1) === QUOTE) {
            cell += text.slice(from, q + 1)
            from = q + 2
            continue
          }
          cell += text.slice(from, q)
          i = q + 1
          break
        }
        const next = text.charCodeAt(i)
        if (i < end && next !== separator && next !== LF && next !== CR) {
          throw new IdFileError(
            fileName,
            `line ${lineNo}`,
            'text after the closing quote of a field'
          )
        }
        cells.push(cell)
      } else {
        let j = i
        for (; j < end; j++) {
          const c = text.charCodeAt(j)
          if (c === separator || c === LF || c === CR) break
          if (c === QUOTE) {
            throw new IdFileError(
              fileName,
              `line ${lineNo}`,
              'a quote inside an unquoted field (quote the whole field and double inner quotes)'
            )
          }
        }
        cells.push(text.slice(i, j))
        i = j
      }
      if (i < end && text.charCodeAt(i) === separator) {
        i++
        continue
      }
      break
    }
    if (i < end) {
      i += text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF ? 2 : 1
      lineNo++
    }
    visit(cells, recordLine)
  }
}

function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i)
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) count++
  }
  return count
}

function idsOfTable(
  text: string,
  fileName: string,
  idField: string,
  notes: IdFileNotes | undefined
): string[] {
  const own = formatOf(fileName) === 'tsv' ? TAB : COMMA
  const separator = tableSeparator(text, fileName, own)
  const forEachRecord: RecordReader =
    separator === TAB && own === TAB
      ? forEachTsvRecord
      : (csv, file, visit) => forEachCsvRecord(csv, file, visit, separator)
  const ids: string[] = []
  let column = -1
  let columnName = ''
  // Blank lines are fine at the end only; one before more data is an empty ID.
  let pendingBlankLine = 0

  const idOf = (cells: string[], lineNo: number): string => {
    if (cells.length <= column) {
      const found = cells.length === 1 ? '1 cell' : `${cells.length} cells`
      throw new IdFileError(
        fileName,
        `line ${lineNo}`,
        `${found}, but the ID column "${columnName}" is column ${column + 1}`
      )
    }
    const id = cells[column].trim()
    if (id === '') {
      throw new IdFileError(fileName, `line ${lineNo}`, `empty ID in column "${columnName}"`)
    }
    return id
  }

  forEachRecord(text, fileName, (cells, lineNo) => {
    if (column === -1) {
      column = idColumn(cells, fileName, idField, notes)
      columnName = cells[column].trim()
      return
    }
    if (cells.length === 1 && cells[0].trim() === '') {
      if (pendingBlankLine === 0) pendingBlankLine = lineNo
      return
    }
    // Throws: the blank row before this one has no ID.
    if (pendingBlankLine !== 0) idOf([''], pendingBlankLine)
    ids.push(idOf(cells, lineNo))
  })
  if (column === -1) {
    throw new IdFileError(fileName, '', `no header row; the first line must name the columns`)
  }
  return ids
}

/** The name of the `id-field` column (or text header line): the whole `id-field`, `\.` a dot. */
function columnName(idField: string): string {
  const keys = parseFieldPath(idField)
  return keys.length === 1 ? keys[0] : idField
}

function idColumn(
  header: string[],
  fileName: string,
  idField: string,
  notes: IdFileNotes | undefined
): number {
  const names = header.map(name => name.trim())
  const wanted = columnName(idField)
  if (names.length === 1) {
    if (names[0] === '') {
      throw new IdFileError(fileName, 'line 1', 'the header row is empty; it must name the columns')
    }
    // A list without a header loses its first ID to the header: say so, naming it.
    if (names[0] !== wanted) {
      notes?.maybeId?.(names[0], fileName)
      notes?.warning(
        `${fileName}: line 1, ${JSON.stringify(names[0].slice(0, 100))}, was read as the header of its one column, not as an ID. If it is an ID, add a first line "${wanted}".`
      )
    }
    return 0
  }
  const column = names.indexOf(wanted)
  if (column === -1) {
    throw new IdFileError(
      fileName,
      'line 1',
      `no column "${wanted}" in the header row; columns found: ${listNames(names)}`
    )
  }
  if (names.indexOf(wanted, column + 1) !== -1) {
    throw new IdFileError(fileName, 'line 1', `the header row names column "${wanted}" twice`)
  }
  return column
}

/** Quoted column names for an error message, cut short for very wide headers. */
function listNames(names: string[]): string {
  const shown = names.slice(0, 20).map(name => JSON.stringify(name.slice(0, 100)))
  const more = names.length > shown.length ? `, and ${names.length - shown.length} more` : ''
  return shown.join(', ') + more
}

// --- JSON / JSON lines ---

function idsOfJson(text: string, fileName: string, idField: string): string[] {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw new IdFileError(fileName, '', `not valid JSON: ${messageOf(error)}`)
  }
  refuseDuplicateKey(text, fileName, '')
  const path = parseFieldPath(idField)
  if (Array.isArray(value)) {
    return value.map((item, i) => idOfItem(item, fileName, `item ${i + 1}`, idField, path))
  }
  // The API's own request body, so a saved request can be replayed.
  const productIds = valueAt(value, ['data', 'product_ids'])
  if (Array.isArray(productIds)) {
    return productIds.map((item, i) => idOf(item, fileName, `data.product_ids item ${i + 1}`))
  }
  throw new IdFileError(
    fileName,
    '',
    `expected an array of IDs, an array of objects with "${idField}", or ` +
      `{"data":{"product_ids":[...]}}, but found ${describe(value)}` +
      (isObject(value) ? ' without data.product_ids' : '')
  )
}

function idsOfJsonLines(text: string, fileName: string, idField: string): string[] {
  const ids: string[] = []
  const path = parseFieldPath(idField)
  forEachLine(text, (line, lineNo) => {
    if (line.trim() === '') return
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch (error) {
      throw new IdFileError(fileName, `line ${lineNo}`, `not valid JSON: ${messageOf(error)}`)
    }
    refuseDuplicateKey(line, fileName, `line ${lineNo}`)
    ids.push(idOfItem(value, fileName, `line ${lineNo}`, idField, path))
  })
  return ids
}

/** JSON.parse keeps a key's last value: which of two names the product is not clear. */
function refuseDuplicateKey(text: string, fileName: string, position: string): void {
  const key = duplicateKey(text)
  if (key !== undefined) {
    const problem = `the key ${JSON.stringify(key)} appears twice in one object`
    throw new IdFileError(fileName, position, problem)
  }
}

/** An item of an ID list: the ID itself, or an object holding it at `path`. */
function idOfItem(
  item: unknown,
  fileName: string,
  position: string,
  idField: string,
  path: string[]
): string {
  if (!isObject(item)) return idOf(item, fileName, position)
  const field = valueAt(item, path)
  if (field === undefined) {
    throw new IdFileError(fileName, position, `the object has no field "${idField}"`)
  }
  return idOf(field, fileName, `${position} field ${idField}`)
}

function idOf(value: unknown, fileName: string, position: string): string {
  const id = idOfValue(value)
  if (typeof id === 'string') return id
  throw new IdFileError(fileName, position, id.problem)
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
