// Shapes shared by the Miso client (client.ts), status reading (answers.ts)
// and the deletion run (../deletion.ts).

/** Which Miso records the IDs name (`record-type`); also the path segment of every route. */
export type RecordType = 'products' | 'users'

/**
 * Why a request to Miso failed for good (after any retries): the HTTP status, when there was
 * an answer; Miso's own message (or 422 validation detail), or the network error, key
 * redacted; `fatal` for 401/403/407, wrong for every batch, so the whole run stops.
 */
export type MisoFailure = { httpStatus?: number; message: string; fatal: boolean }

/** A request that failed for good, after how many attempts; `body` is the last answer's. */
export type MisoRefusal = { ok: false; failure: MisoFailure; attempts?: number; body?: string }

/**
 * A delete (or upload) accepted: `taskId` is undefined when Miso answered with counts and no
 * task (the batch was done at once); `counts` are those of the answer (see answers.ts),
 * e.g. { deleted: 3, not_found: 1 }.
 */
export type DeleteOutcome =
  { ok: true; taskId?: string; counts: Counts; httpStatus: number; body: string } | MisoRefusal

/** Miso's ID listing (`GET /v1/{type}/_ids`), read, or why it could not be. */
export type ListOutcome = { ok: true; ids: string[] } | (MisoRefusal & { attempts: number })

/** One answer of the status endpoint, before it is read. */
export type StatusAnswer = { httpStatus: number; body: string }

export type TaskState = 'running' | 'succeeded' | 'failed' | 'unknown' | 'not-registered'

/**
 * What one status answer means (see answers.ts for the rules): the status word found, if any
 * (lower case), counts found in the body, e.g. { deleted: 3, not_found: 1 }, and a short
 * reason for a failure or an unknown answer, for the log.
 */
export type TaskReading = { state: TaskState; word?: string; counts: Counts; note?: string }
export type Counts = Record<string, number>

/** The final state of one batch. */
export type BatchStatus =
  'succeeded' | 'failed' | 'timed-out' | 'cancelled' | 'submitted' | 'not-sent'

export interface BatchResult {
  /** 0-based index into the plan's batches. */
  index: number
  count: number
  taskId?: string
  status: BatchStatus
  /** Why it failed (HTTP status and Miso's message), if it did. */
  error?: MisoFailure
  /** The last raw status body (or the delete answer when never polled). */
  response?: string
  counts: Counts
  /** Milliseconds from submission to the end state, when known. */
  durationMs?: number
}

/**
 * What the deletion run needs from Miso. client.ts implements it over HTTP;
 * keeping it an interface lets the run be read (and tested) on its own.
 */
export interface MisoApi {
  /**
   * Sends one batch (products or users, as the client was made for), retrying 429, 5xx,
   * time-outs and network errors up to `retries`.
   */
  deleteProducts(ids: readonly string[], signal: AbortSignal): Promise<DeleteOutcome>
  /**
   * One status request, not retried (the poller decides). `httpStatus` 0 means no
   * answer (network error or time-out) and `body` then holds the reason.
   */
  getStatus(taskId: string, signal: AbortSignal): Promise<StatusAnswer>
}
