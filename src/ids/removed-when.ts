// `removed-when`: `field: value` conditions under which a product file (or a row of an ID list)
// names no live product (`draft: true`, `published: false`, `active: false`). Fields follow the
// one field-path grammar; values are read as YAML scalars of the core schema.
import { parseFieldPath, valuesAt } from './id-value.js'

/** One condition: the field path, its value as YAML reads it, and the value as written. */
export type Condition = { keys: string[]; value: unknown; text: string }

/**
 * The conditions of the input, one a line (blank and `#` lines dropped by the caller). Throws
 * an Error whose message names the line and what is wrong.
 */
export function parseConditions(lines: readonly string[]): Condition[] {
  return lines.map(line => {
    const [, field, text] = /^([^:]*):\s*(.*)$/.exec(line) ?? []
    const problem = (what: string) =>
      new Error(`line ${JSON.stringify(line)} ${what}; write one \`field: value\` a line`)
    if (!field?.trim()) throw problem('names no field')
    if (!text) throw problem('has no value')
    try {
      return { keys: parseFieldPath(field.trim()), value: scalarOf(text), text }
    } catch (error) {
      throw problem(`is not valid (${(error as Error).message})`)
    }
  })
}

/**
 * A value as YAML's core schema reads a plain or quoted scalar: null, booleans, numbers and
 * strings. Collections, anchors, tags and block scalars are refused, not guessed at.
 */
function scalarOf(text: string): unknown {
  if (/^"(?:[^"\\]|\\.)*"$/.test(text)) return JSON.parse(text) as unknown
  if (/^'(?:[^']|'')*'$/.test(text)) return text.slice(1, -1).replaceAll("''", "'")
  if (/^(?:null|Null|NULL|~)$/.test(text)) return null
  if (/^(?:true|True|TRUE|false|False|FALSE)$/.test(text)) return /^t/i.test(text)
  if (/^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/.test(text)) return Number(text)
  if (/^[[\]{}&*!|>'"%@`,]|\s#/.test(text)) throw new Error('not one plain or quoted value')
  return text
}

/**
 * Whether `doc` (a file's JSON or front matter, or a row of an ID list) meets any condition. A
 * field's value meets it when it is the same value, or a string that reads as it (YAML front
 * matter and CSV cells keep every value as text: `true`, `false`, `0` as written).
 */
export function meetsAny(doc: unknown, conditions: readonly Condition[]): boolean {
  return conditions.some(({ keys, value, text }) =>
    valuesAt(doc, keys).some(
      ([, found]) =>
        found === value ||
        (typeof found === 'string' && (found === text || found === String(value)))
    )
  )
}
