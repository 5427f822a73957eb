// Miso's own words in an error answer, for messages: the client, the status reader and the
// deletion's report all quote it the same way.
import http from 'node:http'
import { isObject, parseJsonOrUndefined } from '../json.js'
import type { MisoFailure } from './types.js'

/** `HTTP 400: message`, or the message alone when there was no answer. */
export function failureText(failure: MisoFailure): string {
  return (failure.httpStatus !== undefined ? `HTTP ${failure.httpStatus}: ` : '') + failure.message
}

/**
 * Miso's message in an error answer: `message`, else FastAPI's `detail`, else the HTTP
 * status text. Also used for status polls refused by a wrong key.
 */
export function misoMessage(status: number, text: string, statusText = ''): string {
  const body = parseJsonOrUndefined(text)
  if (isObject(body)) {
    // The spec's own 400 example spells the field `message:`.
    for (const key of ['message', 'message:', 'error', 'detail']) {
      const value = body[key]
      if (typeof value === 'string' && value.trim() !== '') return value.trim()
    }
    if (Array.isArray(body.detail) && body.detail.length > 0) return validationMessage(body.detail)
  }
  return statusText || http.STATUS_CODES[status] || `HTTP ${status}`
}

/** FastAPI validation detail as `body.data.product_ids.3: str type expected; …`. */
function validationMessage(detail: unknown[]): string {
  const shown = 5
  const parts = detail.slice(0, shown).map(item => {
    const entry = isObject(item) ? item : {}
    const loc = Array.isArray(entry.loc) ? entry.loc.map(String).join('.') : ''
    const msg = typeof entry.msg === 'string' ? entry.msg : JSON.stringify(item)
    return loc ? `${loc}: ${msg}` : msg
  })
  const more = detail.length > shown ? ` (and ${detail.length - shown} more)` : ''
  return `${parts.join('; ')}${more}`
}
