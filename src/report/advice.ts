// What a failed run says about itself: its cause, and what to do next. The failing annotation
// says both; the job summary gives the cause at the top and what to do next at the end.
// Pure: a report in, sentences out.
import type { BatchResult } from '../miso/types.js'
import { plural } from '../plural.js'
import type { RunReport } from './run-report.js'

export interface Advice {
  /** What went wrong, e.g. `Miso refused the API key (HTTP 401)`. */
  cause: string
  /** What to do about it. */
  next: string
}

const RERUN = 'Running the same input again is safe: deleting is idempotent.'

/** The cause and the next step of a run that failed, or undefined when it did not fail. */
export function adviceFor(report: RunReport): Advice | undefined {
  const batches = report.deletion?.batches ?? []
  if (report.refused) {
    return {
      cause: report.error ?? 'Refused',
      next: 'Nothing was sent to Miso, and there is nothing to retry: no rerun file was written. Check the sources; if the deletion is intended, raise the limit named above.'
    }
  }
  if (report.error !== undefined && !report.deletion) {
    return {
      cause: report.error,
      next:
        report.errorNext ??
        'Nothing was sent to Miso. Fix what the error above names, then run again.'
    }
  }
  if (report.status === 'cancelled') {
    return {
      cause: 'The workflow was cancelled',
      next: `Batches Miso accepted before that may still be deleted (see Tasks). ${RERUN}`
    }
  }
  const keyRefused = batches.find(b => b.error?.httpStatus === 401 || b.error?.httpStatus === 403)
  if (keyRefused) {
    return {
      cause: `Miso refused the API key (HTTP ${keyRefused.error?.httpStatus})`,
      next: 'Check the secret passed as `api-key`, and that `api-url` is the Miso environment it belongs to. No further batch was sent.'
    }
  }
  // A status poll's 404 only means "not registered yet", so a batch failed with 404 got it
  // from the delete request.
  if (batches.some(b => b.status === 'failed' && b.error?.httpStatus === 404)) {
    return {
      cause: 'No Miso API at `api-url` (HTTP 404 on the delete request)',
      next: 'Check `api-url`: it is the base URL, such as `https://api.askmiso.com`, without `/v1`.'
    }
  }
  const failed = batches.filter(b => b.status === 'failed')
  if (failed.length > 0) {
    return {
      cause: `${plural(failed.length, 'batch', 'batches')} of ${batches.length} failed, first: ${failureText(failed[0])}`,
      next: `See Errors for each batch's answer from Miso. ${RERUN}`
    }
  }
  if (report.status === 'timed-out') {
    const unsent = batches.filter(b => b.status === 'not-sent').length
    const open = batches.filter(b => b.status === 'timed-out').length
    const waited = report.deletion?.stoppedBy ?? '`wait-timeout`'
    return {
      cause: `Miso did not confirm ${plural(open, 'batch', 'batches')} within the ${waited}${unsent > 0 ? `, and ${plural(unsent, 'batch was', 'batches were')} never sent` : ''}`,
      next: `Miso probably accepted the batches it was sent and is still deleting them. Raise \`wait-timeout\` (0 means no limit) for runs this large. ${RERUN}`
    }
  }
  if (report.error !== undefined) {
    return { cause: report.error, next: RERUN }
  }
  return undefined
}

/** The one line the failing annotation says. */
export function failureLine(advice: Advice): string {
  return `${advice.cause.replace(/\.$/, '')}. ${advice.next}`
}

function failureText(batch: BatchResult): string {
  const status = batch.error?.httpStatus !== undefined ? `HTTP ${batch.error.httpStatus}: ` : ''
  return `${status}${batch.error?.message ?? 'no answer'}`
}
