// The `product-ids` input: IDs separated by newlines, commas or spaces (GitHub's dispatch form
// has one line; people type spaces). Unlike ID files there are no comments here, so an inline
// ID may start with `#`; it may contain no comma nor white space (those come from a file).
// A value starting with `[` is a JSON array (often another step's output), read by the one
// rule for JSON values (id-value.ts).
import { idOfValue } from './id-value.js'

/**
 * Inline IDs in the order given; empty entries dropped, duplicates kept.
 * Throws, naming the input, for a JSON array that is not valid or holds a non-ID.
 */
export function parseInlineIds(text: string): string[] {
  if (!text.trimStart().startsWith('[')) return text.split(/[\s,]/).filter(id => id !== '')
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw new Error(
      `Input \`product-ids\` starts with \`[\`, so it is read as a JSON array, but it is not valid JSON (${(error as Error).message}). Give a JSON array of strings or numbers, or IDs separated by commas, spaces or newlines.`,
      { cause: error }
    )
  }
  if (!Array.isArray(value))
    throw new Error(`Input \`product-ids\` starts with \`[\` but is not one JSON array.`)
  return value.map((item: unknown, i) => {
    const id = idOfValue(item)
    if (typeof id === 'string') return id
    throw new Error(
      `Input \`product-ids\` is a JSON array, but item ${i + 1}: ${id.problem}. Give strings or numbers.`
    )
  })
}
