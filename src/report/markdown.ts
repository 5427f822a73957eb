// Untrusted text (IDs, paths, Miso's messages, our messages that quote them) placed in
// Markdown: the job summary and the pull request comment. Only what could change the
// structure is escaped, so the raw text stays readable; the rest is kept as it is.
// Runs after the redactor (channel.ts): it never sees a secret it could split.
//
// - `<`, `>` and an `&` that would start an entity become entities: no HTML, no entity read.
// - `|` becomes `&#124;`, which never splits a table cell (a backslash before it could).
// - Line breaks and other control characters become spaces: one text, one line.
// - `\`, `*`, `[`, `]`, `~~`, and `_` at a word's edge are backslash-escaped: no emphasis,
//   link or image made of data.
// - A leading `#`, `-`, `+`, `=`, `1.` / `1)` or white space is escaped: a text that starts
//   a line or list item never becomes a heading, list, rule or code block.
// - Backticks: in a value (an ID, a path) each becomes `&#96;`. In a message, a pair around
//   plain text (`dry-run`) is kept as code; any other backtick becomes `&#96;`.

import { CONTROL } from '../channel.js'

/** A value (an ID, a file name, a task ID): shown exactly as it is. */
export const mdValue = (text: string) => leading(inline(text))

/** A message: like a value, but `code` spans around plain text are kept. */
export function mdMessage(text: string): string {
  // split() with a capture group: odd indexes are the code spans' contents.
  const parts = oneLine(text).split(CODE_SPAN)
  return leading(parts.map((part, i) => (i % 2 === 1 ? `\`${part}\`` : inline(part))).join(''))
}

/**
 * Every character Markdown or HTML could read as structure as an entity, line breaks as a
 * space: for text the pull request comment puts inside HTML elements (`<code>`), where a
 * backslash escape would show as it is.
 */
export const allEntities = (text: string) =>
  oneLine(text).replace(/[&<>"'`|\\*_[\]#~!()-]/g, c => `&#${c.charCodeAt(0)};`)

/**
 * A word joiner (U+2060, invisible) after each `www` before a dot, each `:` before `//` and
 * each `@`: GitHub makes autolinks of `www.x.y`, `https://x.y` and `a@b.c` even inside
 * `<code>` (and mentions of `@name` outside it), so untrusted text in a comment links to
 * nowhere and no one.
 */
export const unlinked = (text: string) => text.replace(/www(?=\.)|:(?=\/\/)|@/gi, '$&\u2060')

/** Text inside `<pre>`: Markdown is not read there, only HTML. */
export const htmlText = (text: string) =>
  text.replace(/[&<>]/g, c => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'))

/**
 * A code span whose content needs no escaping (code spans show their content raw): no
 * backtick, no character escaped below, not starting or ending with a space.
 */
const CODE_SPAN = /`([^`\s&<>|\\](?:[^`&<>|\\]*[^`\s&<>|\\])?)`/

const inline = (text: string) =>
  oneLine(text)
    .replace(/[\\*[\]]/g, c => `\\${c}`)
    .replace(/~~/g, '\\~\\~')
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
    .replace(/&(?=#?[a-z0-9]+;)/gi, '&amp;')
    .replace(/[<>]/g, c => (c === '<' ? '&lt;' : '&gt;'))
    .replace(/[|`]/g, c => `&#${c.charCodeAt(0)};`)

const CONTROL_RUN = new RegExp(`${CONTROL.source}+`, 'g')

/** Line breaks and other control characters as spaces. */
const oneLine = (text: string) => text.replace(CONTROL_RUN, ' ')

/** Escapes what would make a text that starts a line into a block of its own. */
const leading = (text: string) =>
  text
    .replace(/^\s+/, spaces => '&#32;'.repeat(spaces.length))
    .replace(/^([#+=-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2')

/** A section of a report: its heading, lines under it (a table's head), and its rows. */
export interface Section {
  heading: string
  head?: readonly string[]
  rows: readonly string[]
  /** Rows in all, when `rows` holds only the first of them. */
  count?: number
}

/**
 * The section with as many rows as fit in `room` characters, then the line `more` gives for
 * the rows left out; '' without rows or when not even its head fits. The job summary and the
 * comment cut their lists this way.
 */
export function mdSection(section: Section, more: (left: number) => string, room = Infinity) {
  const head = [section.heading, '', ...(section.head ?? [])].join('\n') + '\n'
  const count = section.count ?? section.rows.length
  const budget = room - head.length - more(count).length - 1
  if (budget < 0 || count === 0) return ''
  const n = fitting(section.rows, budget, row => row.length + 1)
  return head + section.rows.slice(0, n).join('\n') + '\n' + (n < count ? more(count - n) : '')
}

/** How many leading items fit in `room`, each taking `size(item)`: only those are measured. */
export function fitting<T>(items: readonly T[], room: number, size: (item: T) => number): number {
  let n = 0
  while (n < items.length && (room -= size(items[n])) >= 0) n++
  return n
}

/** The first IDs of a list, so a reader can see which source gave what. */
export function firstIds(ids: readonly string[], show: (id: string) => string): string {
  const shown = ids.slice(0, 5).map(show).join(', ')
  return ids.length > 5 ? `${shown}, … (${ids.length - 5} more)` : shown
}

/** A Markdown table's head: the titles, then their alignment (a title ending in `:` is right-aligned). */
export const tableHead = (...titles: readonly string[]) => [
  tableRow(...titles.map(title => title.replace(/:$/, ''))),
  tableRow(...titles.map(title => (title.endsWith(':') ? '---:' : '---')))
]

/** Parts joined as paragraphs; those not a string, or empty, left out. */
export const paragraphs = (parts: readonly unknown[]) =>
  parts.filter(part => typeof part === 'string' && part !== '').join('\n\n')

/** A Markdown table's row of cells already escaped. */
export const tableRow = (...cells: readonly (string | number)[]) => `| ${cells.join(' | ')} |`
