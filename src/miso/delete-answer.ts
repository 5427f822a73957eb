// Reads a 2xx answer of `POST /v1/{products|users}/_delete`. Miso answers in one of three
// forms, and the batch's fate depends on which:
//
//   - `data.task_id`, with or without counts: accepted; the task is polled.
//   - no task ID, but deletion counts (`deleted.count` / `not_found.count`, under `data` or
//     not, which Miso's own SDK reads from this answer): done at once, nothing to poll.
//   - neither (or not JSON, or a task ID that is no usable path segment): not an answer;
//     retried like a 5xx, as deleting is idempotent.
//
// Counts are read by the one counts rule of task-status.ts, so a batch's counts mean the same
// whichever answer carried them.

import { isObject, parseJsonOrUndefined } from '../json.js'
import { countsOf } from './task-status.js'

export type DeleteAnswer =
  | { kind: 'task'; taskId: string; counts: Record<string, number> }
  | { kind: 'done'; counts: Record<string, number> }
  | { kind: 'invalid'; reason: string }

export function readDeleteAnswer(body: string, contentType: string | null): DeleteAnswer {
  const parsed = parseJsonOrUndefined(body)
  const invalid = (reason: string): DeleteAnswer => ({
    kind: 'invalid',
    reason: `answer ${reason}`
  })
  const type = contentType ? ` (${contentType.split(';')[0]})` : ''
  if (parsed === undefined) return invalid(`is not JSON${type}`)
  if (!isObject(parsed)) return invalid('is not a JSON object')
  const counts = countsOf(parsed)
  const taskId = isObject(parsed.data) ? parsed.data.task_id : undefined
  if (taskId !== undefined && taskId !== null) {
    // Every character is percent-encoded into one path segment, but `.` and `..` stay dot
    // segments, which a URL resolves away (`..` would poll `/v1/products/` itself, with the key).
    const trimmed = typeof taskId === 'string' ? taskId.trim() : undefined
    if (trimmed === undefined || trimmed === '' || trimmed === '.' || trimmed === '..') {
      const what = trimmed === undefined ? `a ${typeof taskId}` : trimmed ? `"${trimmed}"` : 'empty'
      return invalid(`has an unusable data.task_id (${what})`)
    }
    return { kind: 'task', taskId: taskId as string, counts }
  }
  // The counts that say what a delete did: any one of them makes an answer without a task final.
  if (counts.deleted !== undefined || counts.not_found !== undefined)
    return { kind: 'done', counts }
  return invalid('has no data.task_id and no deletion counts')
}
