// A deterministic clock for code that takes `now` and `sleep` (runDeletion's options): time
// stands still until run() moves it, and run() moves it only to the next timer, once nothing
// else can happen. A test then asserts exact times, and its outcome does not depend on the
// machine's load.
import { setImmediate as immediate } from 'node:timers/promises'

interface Timer {
  at: number
  seq: number
  fire: () => void
}

/** The longest wait setTimeout takes; a longer one would fire at once there, so it is a bug. */
const MAX_TIMER_MS = 2 ** 31 - 1
/**
 * Event-loop turns let run before each timer: every promise job runs within the first, and each
 * turn also runs the immediates queued in the one before (code under test may queue a few deep).
 */
const SETTLE_TURNS = 4

export class VirtualClock {
  private time = 0
  private seq = 0
  /** The soonest first; timers due at the same time in the order they were set. */
  private readonly timers: Timer[] = []
  private running = false

  /** Virtual milliseconds; the clock starts at 0. */
  readonly now = (): number => this.time

  /**
   * Resolves after `ms`, or early (without throwing) as soon as `signal` aborts, its timer then
   * gone: the sleep runDeletion takes (its default, abortableSleep, rejects on abort and the
   * rejection is dropped).
   */
  readonly sleep = async (ms: number, signal: AbortSignal): Promise<void> => {
    await this.delay(ms, signal)
  }

  /** Timers neither fired nor cancelled. */
  get pending(): number {
    return this.timers.length
  }

  /**
   * Calls `fire` `ms` from now, and at least 1 ms from now as setTimeout does (a loop of 0 ms
   * waits spins there too, but time moves on); returns its cancel.
   */
  setTimeout(fire: () => void, ms: number): () => void {
    if (!(ms <= MAX_TIMER_MS)) throw new RangeError(`no timer can wait ${ms} ms`)
    const timer: Timer = { at: this.time + Math.max(1, ms), seq: this.seq++, fire }
    const index = this.timers.findIndex(t => t.at > timer.at)
    this.timers.splice(index < 0 ? this.timers.length : index, 0, timer)
    return () => {
      const at = this.timers.indexOf(timer)
      if (at >= 0) this.timers.splice(at, 1)
    }
  }

  /** True after `ms`; false as soon as `signal` aborts (at once if it has), its timer then gone. */
  delay(ms: number, signal?: AbortSignal): Promise<boolean> {
    return new Promise(resolve => {
      if (signal?.aborted) return resolve(false)
      const onAbort = (): void => {
        cancel()
        resolve(false)
      }
      const cancel = this.setTimeout(() => {
        signal?.removeEventListener('abort', onAbort)
        resolve(true)
      }, ms)
      signal?.addEventListener('abort', onAbort, { once: true })
    })
  }

  /**
   * Settles `promise`, moving time on: while it is pending, lets every promise job and queued
   * immediate run (SETTLE_TURNS), then fires the next timer (the clock jumps to its time), one
   * at a time.
   * Rejects when nothing is left to happen and the promise is still pending (it never would
   * settle), and after `maxTimers` timers (a loop that keeps setting them).
   */
  async run<T>(promise: Promise<T>, maxTimers = 100_000): Promise<T> {
    if (this.running) throw new Error('the clock is already running')
    this.running = true
    let settled = false
    const watched = promise.finally(() => {
      settled = true
    })
    watched.catch(() => undefined) // rejected: returned below, not left unhandled meanwhile
    try {
      for (let fired = 0; ; fired++) {
        for (let turn = 0; turn < SETTLE_TURNS; turn++) await immediate()
        if (settled) return await watched
        if (fired >= maxTimers) throw new Error(`still pending after ${maxTimers} timers`)
        const next = this.timers.shift()
        if (!next) throw new Error(`pending at ${this.time} ms with no timer left to fire`)
        this.time = next.at
        next.fire()
      }
    } finally {
      this.running = false
    }
  }
}
