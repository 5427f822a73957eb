// One rule for turning a JSON value into an ID, and one grammar for the field paths that find
// it: ID files (`id-field`), content files (`id-from: json:` / `frontmatter:`) and Miso's ID
// listings all read IDs through here, so the same value never gives two answers.
import { isObject } from '../json.js'
import { namedForm } from './named-form.js'

/**
 * A field path as written in `id-field` or `id-from`: keys separated by `.`; on an array a key
 * of digits is a 0-based index (`items.0.sku`); a key `*` is every element of an array or every
 * value of an object (`items.*.sku`); `\.` is a dot inside a key and `\\` a backslash
 * (`meta\.sku` names the key `meta.sku`). No other use of `\` and no empty key is allowed.
 */
export function parseFieldPath(text: string): string[] {
  // Escapes are read left to right, so a `\` left once they are gone escapes nothing allowed.
  if (text.replace(/\\[.\\]/g, '').includes('\\'))
    throw new FieldPathError('`\\` may only escape `.` or `\\`')
  const keys = Array.from(text.matchAll(/(?:^|\.)((?:[^.\\]|\\[.\\])*)/g), ([, key]) =>
    key.replace(/\\(.)/g, '$1')
  )
  if (keys.includes('')) throw new FieldPathError('a key in the path is empty')
  return keys
}

/** A field path that does not follow the grammar; the message says what is wrong. */
export class FieldPathError extends Error {
  override name = 'FieldPathError'
}

const INDEX = /^(?:0|[1-9]\d*)$/

/**
 * The values at `keys` inside `value`, each with its own path (`items.2.sku`): at most one
 * without `*`, none when a step before the first `*` is missing (the file names nothing).
 * Past a `*` every element must hold the rest of the path (fail closed: an element without it
 * may name a product we cannot see): a missing step gives its path with `undefined`; a `null`
 * part way gives `null`, as at the end (names no product).
 */
export function valuesAt(doc: unknown, keys: readonly string[]): [string, unknown][] {
  const walk = (value: unknown, i: number, at: string, past: boolean): [string, unknown][] => {
    if (i === keys.length || (value === null && past)) return [[at, value]]
    const key = keys[i]
    const path = (step: string) => (at ? `${at}.${step}` : step)
    if (key === '*' && (Array.isArray(value) || isObject(value)))
      return Object.entries(value).flatMap(([k, v]) => walk(v, i + 1, path(k), true))
    const has = Array.isArray(value)
      ? INDEX.test(key) && Number(key) < value.length
      : key !== '*' && isObject(value) && Object.hasOwn(value, key)
    if (has) return walk((value as Record<string, unknown>)[key], i + 1, path(key), past)
    return past ? [[path(key), undefined]] : []
  }
  return walk(doc, 0, '', false)
}

/**
 * The ID a JSON value names, or why it names none (the caller adds the file and the position): a string as it is (never trimmed nor split: it is sent exactly so),
 * a whole number up to 2^53 - 1 in decimal form; anything else (strings empty or of white space,
 * fractions, numbers too large to be read exactly (TOML's bigints included), null, booleans, objects, arrays) is not an ID.
 */
export function idOfValue(value: unknown): string | { problem: string } {
  if (typeof value === 'string') {
    // White space alone names nothing, however it is written.
    return namedForm(value) !== '' ? value : { problem: 'an empty string is not an ID' }
  }
  if (typeof value === 'number' || typeof value === 'bigint') {
    // Past 2^53 (or with a fraction) the parsed number may differ from the digits written,
    // which would name another product: such an ID must be written as a string.
    const problem = `the number ${value} is not a whole number up to ${Number.MAX_SAFE_INTEGER}, so it may not be read exactly; write the ID as a string`
    return Number.isSafeInteger(value) ? String(value) : { problem }
  }
  return { problem: `${describe(value)} is not an ID` }
}

/** `null`, `true`, `an array`, `an object`... for messages about a JSON value. */
export function describe(value: unknown): string {
  if (value === null || typeof value === 'boolean') return String(value)
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object') return 'an object'
  return value === undefined ? 'nothing' : `a ${typeof value}`
}
