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

/** The counts that say what a delete did; any one of them makes an answer without a task final. */
const DELETION_COUNTS = ['deleted', 'not_found'] as const

export function readDeleteAnswer(body: string, contentType: string | null): DeleteAnswer {
  const parsed = parseJsonOrUndefined(body)
  if (!isObject(parsed)) {
    if (parsed === undefined) {
      return {
        kind: 'invalid',
        reason: `answer is not JSON${contentType ? ` (${contentType.split(';')[0]})` : ''}`
      }
    }
    return { kind: 'invalid', reason: 'answer is not a JSON object' }
  }
  const counts = countsOf(parsed)
  const data = isObject(parsed.data) ? parsed.data : undefined
  const taskId = data?.task_id
  if (taskId !== undefined && taskId !== null) {
    const problem = taskIdProblem(taskId)
    if (problem === undefined) return { kind: 'task', taskId: taskId as string, counts }
    return { kind: 'invalid', reason: `answer has an unusable data.task_id (${problem})` }
  }
  if (DELETION_COUNTS.some(name => counts[name] !== undefined)) return { kind: 'done', counts }
  return { kind: 'invalid', reason: 'answer has no data.task_id and no deletion counts' }
}

/**
 * Why a task ID cannot name a status URL, if it cannot. Every character is percent-encoded
 * into one path segment, but `.` and `..` stay dot segments, which a URL resolves away (`..`
 * would poll `/v1/products/` itself, with the key).
 */
export function taskIdProblem(taskId: unknown): string | undefined {
  if (typeof taskId !== 'string') return `a ${taskId === null ? 'null' : typeof taskId}`
  const trimmed = taskId.trim()
  if (trimmed === '') return 'empty'
  if (trimmed === '.' || trimmed === '..') return `"${trimmed}"`
  return undefined
}
