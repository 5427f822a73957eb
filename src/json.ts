// Reading JSON of unknown shape (Miso's answers, event payloads, GitHub's API, ID files):
// one test for "a plain object", so every reader agrees on what one is.

export type JsonObject = Record<string, unknown>

/** An object that is not null and not an array. */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** `value` when it is an object, else an empty one: for reading optional fields. */
export function objectOrEmpty(value: unknown): JsonObject {
  return isObject(value) ? value : {}
}

/** The value `text` holds, or undefined when it is not JSON. */
export function parseJsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
