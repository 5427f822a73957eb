// The `product-ids` input: IDs separated by newlines or commas. Unlike ID files there are
// no comments here, so an inline ID may start with `#`; it may not contain a comma.
// A value starting with `[` is a JSON array (often another step's output), read by the one
// rule for JSON values (id-value.ts).
import { plural } from '../plural.js'
import { idOfValue } from './id-value.js'

const INPUT = 'product-ids'

/**
 * Inline IDs in the order given, each trimmed; empty entries dropped, duplicates kept.
 * Throws, naming the input, for a JSON array that is not valid or holds a non-ID.
 */
export function parseInlineIds(text: string): string[] {
  if (text.trimStart().startsWith('[')) return idsOfJsonArray(text)
  return text
    .split(/[\r\n,]/)
    .map(part => part.trim())
    .filter(id => id !== '')
}

function idsOfJsonArray(text: string): string[] {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw new Error(
      `Input \`${INPUT}\` starts with \`[\`, so it is read as a JSON array, but it is not valid JSON (${(error as Error).message}). Give a JSON array of strings or numbers, or IDs separated by commas or newlines.`,
      { cause: error }
    )
  }
  if (!Array.isArray(value)) {
    throw new Error(`Input \`${INPUT}\` starts with \`[\` but is not one JSON array.`)
  }
  return value.map((item: unknown, i) => {
    const id = idOfValue(item)
    if (typeof id === 'string') return id
    throw new Error(
      `Input \`${INPUT}\` is a JSON array, but item ${i + 1}: ${id.problem}. Give strings or numbers.`
    )
  })
}

/**
 * One warning for the IDs that contain white space, naming the first: IDs are never split on
 * spaces, but `SKU-1 SKU-2` is almost always two IDs.
 */
export function whiteSpaceWarning(ids: readonly string[]): string | undefined {
  const spaced = ids.filter(id => /\s/.test(id))
  if (spaced.length === 0) return undefined
  const others = spaced.length - 1
  const which = others === 0 ? 'contains' : `and ${plural(others, 'more ID')} contain`
  return `Input \`${INPUT}\`: the ID ${JSON.stringify(spaced[0])} ${which} white space. IDs are kept whole (they may contain spaces); if this is meant as several IDs, separate them with commas or newlines.`
}
