// Reading JSON of unknown shape (Miso's answers, event payloads, GitHub's API, ID files):
// one test for "a plain object", so every reader agrees on what one is.

export type JsonObject = Record<string, unknown>

/** An object that is not null and not an array. */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** `value` when it is an object, else an empty one: for reading optional fields. */
export const objectOrEmpty = (value: unknown): JsonObject => (isObject(value) ? value : {})

/** The value `text` holds, or undefined when it is not JSON. */
export function parseJsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/**
 * The first key that appears twice in one object of `text`, which must be valid JSON
 * (JSON.parse silently keeps the last value); undefined when none does. Keys are compared
 * as JSON reads them, escapes decoded.
 */
export function duplicateKey(text: string): string | undefined {
  // The keys of each open object; undefined for an open array.
  const open: (Set<string> | undefined)[] = []
  let atKey = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '"') {
      const start = i
      for (i++; text[i] !== '"'; i++) if (text[i] === '\\') i++
      if (!atKey) continue
      const raw = text.slice(start + 1, i)
      const key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw
      const keys = open[open.length - 1] as Set<string>
      if (keys.has(key)) return key
      keys.add(key)
      atKey = false
    } else if (c === '{' || c === '[') {
      open.push(c === '{' ? new Set() : undefined)
      atKey = c === '{'
    } else if (c === '}' || c === ']') {
      open.pop()
    } else if (c === ',') {
      atKey = open[open.length - 1] !== undefined
    }
  }
  return undefined
}
