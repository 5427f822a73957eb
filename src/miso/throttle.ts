// One adaptive limiter shared by every worker of a run. Miso documents no rate limit, so
// the run starts at the configured concurrency and backs off together when told to slow
// down: a 429 halves the requests in flight and pauses everyone, and the limit climbs back
// one slot at a time after a run of successes.

import { setTimeout as wait } from 'node:timers/promises'

export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>
/** A clock and a sleep to use instead of Date.now and abortableSleep (tests pass them). */
export type Clock = { now?: () => number; sleep?: Sleep }

/** First shared pause after a 429 without Retry-After; doubles while 429s keep coming. */
export const BASE_PAUSE_MS = 1000
export const MAX_PAUSE_MS = 60_000

/** Waits `ms`, or rejects as soon as the signal aborts. */
export const abortableSleep: Sleep = (ms, signal) => wait(ms, undefined, { signal })

export class Throttle {
  private readonly startLimit: number
  /** Requests allowed in flight now. */
  limit: number
  private inFlight = 0
  /** Wakes the workers waiting for a slot, first come first served. */
  private readonly waiters: (() => void)[] = []
  private pausedUntil = 0
  private pauseMs = BASE_PAUSE_MS
  private successes = 0
  private readonly now: () => number
  private readonly sleep: Sleep

  constructor(limit: number, options: Clock = {}) {
    this.limit = this.startLimit = Math.max(1, Math.floor(limit))
    this.now = options.now ?? Date.now
    this.sleep = options.sleep ?? abortableSleep
  }

  /**
   * Waits out any shared pause and then for a free slot (first come, first served).
   * Returns the function that gives the slot back; calling it twice is harmless. Without
   * `slot`, only waits out the pause (for requests limited elsewhere). Rejects with the
   * signal's reason when the signal aborts first.
   */
  async acquire(signal: AbortSignal, slot = true): Promise<() => void> {
    // Each pause is slept once per caller, so a sleep that wakes a little early, or an injected
    // one that does not move the clock, cannot spin.
    let served = 0
    let head = false
    try {
      for (;;) {
        // From the pause check to taking the slot nothing awaits, so a 429 reported in
        // between cannot be missed.
        signal.throwIfAborted()
        const until = this.pausedUntil
        const pause = until - this.now()
        if (pause > 0 && served < until) {
          served = until
          await this.sleep(pause, signal)
        } else if (!slot) return () => {}
        else if (this.inFlight < this.limit && (head || this.waiters.length === 0)) {
          this.inFlight++
          let held = 1
          return () => {
            this.inFlight -= held
            held = 0
            this.wakeNext()
          }
        } else {
          await new Promise<void>((resolve, reject) => {
            const wake = () => {
              signal.removeEventListener('abort', onAbort)
              resolve()
            }
            // Still queued when it fires: a woken waiter no longer listens.
            const onAbort = () => {
              this.waiters.splice(this.waiters.indexOf(wake), 1)
              reject(signal.reason)
            }
            this.waiters[head ? 'unshift' : 'push'](wake)
            signal.addEventListener('abort', onAbort, { once: true })
          })
          head = true
        }
      }
    } catch (error) {
      // A woken waiter that gives up must pass its turn on.
      if (head) this.wakeNext()
      throw error
    }
  }

  /**
   * Slows everyone down: halves the limit (at least 1) and pauses all new requests until
   * now + max(retryAfterMs, the current pause), and the next pause will be twice as long.
   * 429s that arrive during a pause answer requests sent before it: they neither halve again
   * nor add the back-off again, only their own Retry-After can lengthen the pause.
   */
  onRateLimited(retryAfterMs?: number): void {
    const now = this.now()
    const paused = now < this.pausedUntil
    const backOff = paused ? 0 : this.pauseMs
    const pause = Math.min(MAX_PAUSE_MS, Math.max(retryAfterMs ?? 0, backOff))
    this.pausedUntil = Math.max(this.pausedUntil, now + pause)
    if (!paused) {
      this.limit = Math.max(1, Math.floor(this.limit / 2))
      this.pauseMs = Math.min(MAX_PAUSE_MS, this.pauseMs * 2)
    }
    this.successes = 0
  }

  /** Recovers slowly: one more slot after 2x the current limit successes in a row. */
  onSuccess(): void {
    if (this.limit >= this.startLimit) this.pauseMs = BASE_PAUSE_MS
    else if (++this.successes >= 2 * this.limit) {
      this.limit++
      this.successes = 0
      this.pauseMs = Math.max(BASE_PAUSE_MS, this.pauseMs / 2)
      this.wakeNext()
    }
  }

  private wakeNext(): void {
    if (this.inFlight < this.limit) this.waiters.shift()?.()
  }
}
