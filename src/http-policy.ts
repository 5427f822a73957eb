// One HTTP policy for the calls the action makes to Miso (deletes, status polls, listings):
// which answers are worth asking again, which stop the whole run, how long to wait between
// attempts, and each attempt's time limit (GitHub's calls use that too). What each caller does
// with a final refusal is its own business.

/** What an HTTP status (0: no answer at all) means for the request that got it. */
export function classifyStatus(status: number): 'ok' | 'retry' | 'stops-run' | 'refused' {
  if (status >= 200 && status <= 299) return 'ok'
  // No answer, rate limited or a server error: worth retrying, not a verdict.
  if (status === 0 || status === 429 || (status >= 500 && status <= 599)) return 'retry'
  // Every other request would get them too: 401 and 403 (the key), 407 (the proxy's credentials).
  return status === 401 || status === 403 || status === 407 ? 'stops-run' : 'refused'
}

const RETRY_AFTER_CAP_MS = 60_000

/**
 * `Retry-After` in milliseconds, from seconds or an HTTP date, capped at 60 s;
 * undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  const text = value?.trim() ?? ''
  if (/^\d+(\.\d+)?$/.test(text)) return Math.min(RETRY_AFTER_CAP_MS, Number(text) * 1000)
  // An HTTP date names the day and month; Date.parse alone would also take '-3' as a year.
  const date = /[a-z]/i.test(text) ? Date.parse(text) : NaN
  if (Number.isNaN(date)) return undefined
  return Math.min(RETRY_AFTER_CAP_MS, Math.max(0, date - now))
}

/**
 * Full jitter: a random wait below the exponential ceiling (500 ms doubling, at most 30 s), but
 * never before Retry-After.
 */
export function retryDelay(index: number, afterMs: number | undefined, random: () => number) {
  const ceiling = Math.min(30_000, 500 * 2 ** index)
  return Math.max(Math.floor(random() * ceiling), afterMs ?? 0)
}

/**
 * A signal that aborts with `signal` or after `ms`, and `done()` to clear it. A plain timer
 * holds it: an `AbortSignal.timeout()` can be collected before it fires on Node 20
 * (nodejs/node#57736), and a request to a server that never answers would then wait forever.
 */
export function timeLimit(ms: number, signal?: AbortSignal) {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), ms)
  const onAbort = () => controller.abort(signal?.reason)
  signal?.addEventListener('abort', onAbort, { once: true })
  const done = () => (clearTimeout(timer), signal?.removeEventListener('abort', onAbort))
  return { signal: controller.signal, done }
}
