// When to poll which task. Miso works through one account's tasks in a queue, so tasks
// accepted earlier usually end earlier, and often many end at about the same time. Polling
// every task on its own back-off costs several requests per task and learns of the end late;
// instead the run watches the oldest unfinished task (the head) and, when it has ended,
// sweeps on to the next ones at once. A task is never polled before `pollIntervalMs` after it
// was accepted, and a slow backstop poll keeps reaching the other tasks, so endings out of
// order are still seen.
//
// Timing of the head's polls:
// - no task has ended yet: every LAG_SHARE of the head's age (at least `minGapMs`), so the end
//   of a run whose tasks end together is learnt within about that share of its length;
// - once tasks have ended, the schedule predicts when the last one will, from two models it
//   checks against every answer: tasks that take the same time each from their acceptance
//   (they end together when accepted together), or tasks that run one after another at the
//   pace seen so far. The next poll comes after PACE_SHARE of the predicted remaining time, so
//   polls get closer as the end nears, never closer than the age rule allows for.
// - never more than `maxGapMs` apart.
// A sweep polls the next tasks one at a time, or several at once when a model says they have
// ended, and stops at the first task that has not.
//
// Pure bookkeeping: times are passed in, nothing is sent from here (deletion.ts does that).

/** The head's polls are at least this far apart (or half the poll interval, if shorter)... */
export const MIN_GAP_MS = 1000
/** ...and at least this share of its age... */
export const LAG_SHARE = 0.06
/** ...or after this share of the predicted remaining time, when there is a prediction. */
export const PACE_SHARE = 0.6

/** The backstop starts this many `maxGapMs` after the first acceptance, then polls every one. */
export const BACKSTOP_AFTER = 2

export interface ScheduleSettings {
  /** No task is polled earlier than this after its acceptance. */
  pollIntervalMs: number
  /** The longest gap between the head's polls, and the backstop's period. */
  maxGapMs: number
}

/** What an answer said about its task, as far as the schedule cares. */
export type Heard =
  /** The task ended (done, failed, or given up on): it is not polled again. */
  | 'ended'
  /** It was still running (or not registered yet, or an unknown answer). */
  | 'running'
  /** No news (no answer, 429, 5xx): it will be asked again. */
  | 'no-news'

interface Task<K> {
  key: K
  /** When its delete request was sent: Miso queues tasks in the order requests reach it. */
  sentAt: number
  acceptedAt: number
  ended: boolean
  /** Asked about now, by a sweep (the head's poll is the first of one) or the backstop. */
  inFlight: 'sweep' | 'backstop' | undefined
  /** When it was last asked about; -Infinity when never. */
  polledAt: number
}

/** The schedule of a run's polls; `K` is the caller's handle of a task. */
export class PollSchedule<K> {
  /** In the order their delete requests were sent. */
  private readonly tasks: Task<K>[] = []
  private readonly byKey = new Map<K, Task<K>>()
  /** Every task before this index has ended. */
  private firstOpen = 0
  /** The next task a sweep looks at; undefined when no sweep is on. */
  private sweep: number | undefined
  /** Sweep polls in flight. */
  private sweepInFlight = 0
  /**
   * Endings the sweep on has seen: it may have up to 2^(this - 1) polls in flight (one at first),
   * so a model that guessed wrong costs few requests.
   */
  private sweepEnds = 0
  /** When the head is polled next (outside a sweep). */
  private headAt = 0
  private backstopAt: number | undefined
  // Model 1, every task takes about D from its acceptance: D > durationLow, D <= durationHigh.
  private durationLow = 0
  private durationHigh = Infinity
  // Model 2, tasks end one after another: `ended` tasks by `paceAt`.
  private pace: { ended: number; at: number } | undefined

  private readonly minGapMs: number

  constructor(private readonly settings: ScheduleSettings) {
    this.minGapMs = Math.min(MIN_GAP_MS, settings.pollIntervalMs / 2)
  }

  /**
   * A task was accepted. Answers to requests sent together can arrive in any order, so the
   * task takes its place by `sentAt`, which is Miso's order too.
   */
  add(key: K, acceptedAt: number, sentAt = acceptedAt): void {
    const task: Task<K> = {
      key,
      sentAt,
      acceptedAt,
      ended: false,
      inFlight: undefined,
      polledAt: -Infinity
    }
    let place = this.tasks.length
    while (place > 0 && this.tasks[place - 1].sentAt > sentAt) place--
    this.tasks.splice(place, 0, task)
    this.byKey.set(key, task)
    if (place < this.firstOpen) this.firstOpen = place
    if (this.sweep !== undefined && place < this.sweep) this.sweep = place
    this.backstopAt ??= acceptedAt + BACKSTOP_AFTER * this.settings.maxGapMs
  }

  /** Tasks accepted and not ended. */
  get open(): number {
    let open = 0
    for (let i = this.firstOpen; i < this.tasks.length; i++) if (!this.tasks[i].ended) open++
    return open
  }

  /**
   * The tasks to poll now, at most `free` of them (they count as in flight until `heard`),
   * and when to ask again if nothing else happens first (Infinity: when a task is added).
   */
  due(now: number, free: number): { poll: K[]; wakeAt: number } {
    const poll: K[] = []
    const take = (index: number, by: 'sweep' | 'backstop'): void => {
      const task = this.tasks[index]
      task.inFlight = by
      task.polledAt = now
      poll.push(task.key)
    }
    this.skipEnded()
    let wakeAt = Infinity

    if (this.sweep === undefined && this.firstOpen < this.tasks.length) {
      const head = this.tasks[this.firstOpen]
      if (!head.inFlight) {
        const at = Math.max(this.headAt, this.eligibleAt(head))
        if (at <= now) this.startSweep(this.firstOpen)
        else wakeAt = Math.min(wakeAt, at)
      }
    }
    if (this.sweep !== undefined) {
      while (poll.length < free) {
        const index = this.nextInSweep()
        if (index === undefined) break
        const task = this.tasks[index]
        const eligible = this.eligibleAt(task)
        if (eligible > now) {
          wakeAt = Math.min(wakeAt, eligible)
          break
        }
        // The first of a sweep always goes; more at once only when predicted to have ended.
        if (this.sweepEnds > 0 && this.surelyRunning(index, now)) {
          // Asking would only hear "running": the sweep ends here, and the head waits.
          if (this.sweepInFlight === 0) this.endSweep(now)
          break
        }
        if (this.sweepInFlight > 0) {
          if (this.sweepInFlight >= 2 ** (this.sweepEnds - 1)) break
          if (!this.predictedEnded(index, now)) break
        }
        this.sweep = index + 1
        this.sweepInFlight++
        take(index, 'sweep')
      }
    }

    const head = this.tasks[this.firstOpen]
    if (this.sweep === undefined && head && !head.inFlight) {
      // Also when the sweep above has just ended.
      wakeAt = Math.min(wakeAt, Math.max(this.headAt, this.eligibleAt(head)))
    }
    if (this.backstopAt !== undefined) {
      if (this.backstopAt <= now && poll.length < free) {
        const index = this.backstopTask(now)
        if (index !== undefined) take(index, 'backstop')
        this.backstopAt = now + this.settings.maxGapMs
      }
      wakeAt = Math.min(wakeAt, this.backstopAt)
    }
    return { poll, wakeAt }
  }

  /** The answer for task `key`, sent at `sentAt`, arrived at `now`. */
  heard(key: K, heard: Heard, sentAt: number, now: number): void {
    const task = this.byKey.get(key)
    if (!task) return
    const index = this.tasks.indexOf(task)
    const by = task.inFlight
    task.inFlight = undefined
    if (by === 'sweep') this.sweepInFlight--
    if (heard === 'ended') {
      task.ended = true
      this.durationHigh = Math.min(this.durationHigh, now - task.acceptedAt)
      // An ending the backstop saw out of turn: the ones after it may have ended too.
      if (by === 'backstop' && this.sweep === undefined) this.startSweep(index + 1)
      if (by === 'sweep') this.sweepEnds++
      this.skipEnded()
      return
    }
    if (heard === 'running') {
      this.durationLow = Math.max(this.durationLow, sentAt - task.acceptedAt)
    }
    this.skipEnded()
    if (by === 'sweep' && this.sweep !== undefined) {
      // The sweep stops here; the head is asked again after a gap.
      this.learnPace(index, sentAt)
      this.endSweep(now)
    }
  }

  private endSweep(now: number): void {
    this.sweep = undefined
    this.headAt = now + this.gap(now)
  }

  /** When the head is polled next, for tests and the bench. */
  get nextHeadPoll(): number {
    return this.headAt
  }

  private startSweep(from: number): void {
    this.sweep = from
    this.sweepEnds = 0
  }

  private nextInSweep(): number | undefined {
    if (this.sweep === undefined) return undefined
    for (let i = Math.max(this.sweep, this.firstOpen); i < this.tasks.length; i++) {
      const task = this.tasks[i]
      if (!task.ended && !task.inFlight) return i
      this.sweep = i + 1
    }
    // Nothing left to sweep: the sweep is over once its answers are in.
    if (this.sweepInFlight === 0) {
      this.sweep = undefined
      this.headAt = 0
    }
    return undefined
  }

  private skipEnded(): void {
    while (this.firstOpen < this.tasks.length && this.tasks[this.firstOpen].ended) this.firstOpen++
  }

  private eligibleAt(task: Task<K>): number {
    return task.acceptedAt + this.settings.pollIntervalMs
  }

  /** Tasks before `index` have all ended but for those still open: the pace so far. */
  private learnPace(running: number, at: number): void {
    const ended = this.tasks.slice(0, running).filter(t => t.ended).length
    if (ended > 0) this.pace = { ended, at }
  }

  /**
   * Whether a model that still fits every answer says task `index` has ended by `now`; each
   * model takes its cautious side here (the longest duration, the slowest pace), since a
   * wrong guess costs a request.
   */
  private predictedEnded(index: number, now: number): boolean {
    const task = this.tasks[index]
    if (this.sameDurationFits() && task.acceptedAt + this.durationHigh <= now) return true
    if (!this.pace) return false
    const elapsed = this.pace.at - this.tasks[0].acceptedAt
    return (
      elapsed > 0 && index + 1 <= (this.pace.ended / elapsed) * (now - this.tasks[0].acceptedAt)
    )
  }

  /**
   * Whether task `index` is still running by the pace of tasks that end one after another
   * (when they do not end together): its turn has not come yet. A wrong guess only delays
   * learning of its end to the head's next poll.
   */
  private surelyRunning(index: number, now: number): boolean {
    const rate = this.sameDurationFits() ? undefined : this.rate()
    return rate !== undefined && this.tasks[0].acceptedAt + (index + 1) / rate > now
  }

  private sameDurationFits(): boolean {
    return this.durationLow <= this.durationHigh
  }

  /** Tasks ended per ms, one after another, since the first acceptance. */
  private rate(): number | undefined {
    if (!this.pace) return undefined
    const elapsed = this.pace.at - this.tasks[0].acceptedAt
    // `ended` had ended by `at` and the next had not: count half of that one.
    return elapsed > 0 ? (this.pace.ended + 0.5) / elapsed : undefined
  }

  /** The gap before the head's next poll. */
  private gap(now: number): number {
    const head = this.tasks[this.firstOpen]
    if (!head) return 0
    const byAge = Math.max(this.minGapMs, LAG_SHARE * (now - head.acceptedAt))
    const remaining = this.predictedRemaining(now)
    const gap = remaining === undefined ? byAge : Math.max(byAge, PACE_SHARE * remaining)
    return Math.min(this.settings.maxGapMs, gap)
  }

  /** How long until the last task known ends, by the models that still fit; undefined: no idea. */
  private predictedRemaining(now: number): number | undefined {
    const last = this.tasks[this.tasks.length - 1]
    const guesses: number[] = []
    if (this.durationHigh < Infinity && this.sameDurationFits()) {
      guesses.push(last.acceptedAt + this.durationLow - now)
    }
    const rate = this.rate()
    if (rate !== undefined) {
      guesses.push(this.tasks[0].acceptedAt + this.tasks.length / rate - now)
    }
    if (guesses.length === 0) return undefined
    return Math.max(0, Math.min(...guesses))
  }

  /** The open task, other than the head, asked about least recently (oldest first). */
  private backstopTask(now: number): number | undefined {
    let best: number | undefined
    for (let i = this.firstOpen + 1; i < this.tasks.length; i++) {
      const task = this.tasks[i]
      if (task.ended || task.inFlight || this.eligibleAt(task) > now) continue
      if (best === undefined || task.polledAt < this.tasks[best].polledAt) best = i
    }
    return best
  }
}
