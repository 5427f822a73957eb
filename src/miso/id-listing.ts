// Reads an answer of `GET /v1/{products|users}/_ids`: `{"data":{"ids":[...]}}`, as Miso's own
// SDK reads it. Reconcile deletes what this list holds and the repository does not, so the
// reading is strict: anything but an array of strings under `data.ids` is refused, naming the
// first problem, and no ID is guessed.
import { idOfValue } from '../ids/id-value.js'
import { isObject, parseJsonOrUndefined } from '../json.js'

export type IdListing = { ok: true; ids: string[] } | { ok: false; problem: string }

export function readIdListing(body: string): IdListing {
  const parsed = parseJsonOrUndefined(body)
  const fail = (problem: string): IdListing => ({ ok: false, problem })
  if (parsed === undefined) return fail('the answer is not JSON')
  if (!isObject(parsed)) return fail('the answer is not a JSON object')
  if (!isObject(parsed.data)) return fail('the answer has no `data` object')
  const list = parsed.data.ids
  if (list === undefined) return fail('`data.ids` is missing')
  if (!Array.isArray(list)) return fail(`\`data.ids\` is ${kindOf(list)}, not an array`)
  const ids = new Array<string>(list.length)
  for (let i = 0; i < list.length; i++) {
    const value: unknown = list[i]
    if (typeof value !== 'string')
      return fail(`\`data.ids\` item ${i} is ${kindOf(value)}, not a string`)
    const id = idOfValue(value)
    if (typeof id !== 'string') return fail(`\`data.ids\` item ${i}: ${id.problem}`)
    // Taken exactly as Miso lists it: a trimmed ID would name another record than the listed one.
    ids[i] = id
  }
  return { ok: true, ids }
}

function kindOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`
}
