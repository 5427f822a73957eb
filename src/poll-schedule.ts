// When to poll which task. Miso works through an account's tasks in a queue, so tasks
// accepted earlier end earlier, and often many at about the same time. So the run watches the
// oldest unfinished task (the head) and, once it has ended, sweeps on to the next ones at once;
// a slow backstop poll of the others sees endings out of turn. No task is polled before
// `pollIntervalMs` after its acceptance.
//
// The head is polled every LAG_SHARE of its age (at least MIN_GAP_MS, at most `maxGapMs`), so
// the end of tasks that end together is learnt within that share of the run. Tasks that end one
// after another would cost a poll per task or more that way; so when a sweep stops at a running
// task, the pace seen so far predicts the rest: the head waits PACE_SHARE of the predicted
// remaining time, and a sweep stops before a task whose turn has not come by that pace. A sweep
// widens as it finds ended tasks: up to 2^(endings - 1) polls in flight.
//
// Pure bookkeeping: times are passed in, nothing is sent from here (deletion.ts does that).

/** The longest gap between polls of the oldest unfinished task, unless set. */
export const DEFAULT_MAX_POLL_INTERVAL_MS = 30_000
export const MIN_GAP_MS = 1000
export const LAG_SHARE = 0.06
export const PACE_SHARE = 0.6
/** The backstop starts this many `maxGapMs` after the first acceptance, then polls every one. */
export const BACKSTOP_AFTER = 2

/** 'ended': not polled again; 'running' (or not registered, or unknown); 'no-news' (429, 5xx). */
export type Heard = 'ended' | 'running' | 'no-news'

interface Task<K> {
  key: K
  /** When its delete request was sent: Miso queues tasks in that order. */
  sentAt: number
  acceptedAt: number
  /** `pollIntervalMs` after its acceptance: no poll before. */
  dueAt: number
  ended: boolean
  inFlight?: 'sweep' | 'backstop'
  /** When it was last asked about. */
  polledAt: number
}

/**
 * The schedule of a run's polls; `K` is the caller's handle of a task. No task is polled
 * before `pollIntervalMs` after its acceptance; `maxGapMs`: the longest gap between the head's
 * polls, and the backstop's period.
 */
export class PollSchedule<K> {
  /** In the order their delete requests were sent. */
  private readonly tasks: Task<K>[] = []
  /** Every task before this index has ended. */
  private firstOpen = 0
  /** Tasks accepted and not ended (read-only outside). */
  open = 0
  /** The next task a sweep looks at; undefined when no sweep is on. */
  private sweep: number | undefined
  private sweepInFlight = 0
  private sweepEnds = 0
  /** When the head is polled next (outside a sweep), and the backstop (from the first task). */
  private headAt = 0
  private backstopAt = Infinity
  /** `ended` tasks had ended by `at`, and the next had not. */
  private pace: { ended: number; at: number } | undefined
  /** Longest seen running and shortest seen ended, from acceptance: tasks that end together. */
  private runningFor = 0
  private endedWithin = Infinity

  constructor(
    private readonly pollIntervalMs: number,
    private readonly maxGapMs = DEFAULT_MAX_POLL_INTERVAL_MS
  ) {}

  /** A task was accepted; it takes its place by `sentAt`, as answers may arrive out of order. */
  add(key: K, acceptedAt: number, sentAt = acceptedAt): void {
    const dueAt = acceptedAt + this.pollIntervalMs
    const task: Task<K> = { key, sentAt, acceptedAt, dueAt, ended: false, polledAt: -Infinity }
    let place = this.tasks.length
    while (place > 0 && this.tasks[place - 1].sentAt > sentAt) place--
    this.tasks.splice(place, 0, task)
    this.open++
    this.firstOpen = Math.min(this.firstOpen, place)
    if (this.sweep !== undefined && place < this.sweep) this.sweep = place
    if (this.backstopAt === Infinity) this.backstopAt = acceptedAt + BACKSTOP_AFTER * this.maxGapMs
  }

  /**
   * The tasks to poll now, at most `free` of them (in flight until `heard`), and when to ask
   * again if nothing else happens first (Infinity: when a task is added).
   */
  due(now: number, free: number): { poll: K[]; wakeAt: number } {
    const poll: K[] = []
    const take = (task: Task<K>, by: 'sweep' | 'backstop') =>
      poll.push(Object.assign(task, { inFlight: by, polledAt: now }).key)
    let wakeAt = Infinity
    while (this.tasks[this.firstOpen]?.ended) this.firstOpen++
    const head = this.firstOpen
    if (this.sweep === undefined && head < this.tasks.length && !this.tasks[head].inFlight) {
      const at = Math.max(this.headAt, this.tasks[head].dueAt)
      if (at <= now) [this.sweep, this.sweepEnds] = [head, 0]
      else wakeAt = at
    }
    while (this.sweep !== undefined && poll.length < free) {
      const index = this.nextInSweep()
      if (index === undefined) break
      const task = this.tasks[index]
      if (task.dueAt > now) {
        wakeAt = Math.min(wakeAt, task.dueAt)
        break
      }
      // By the pace of tasks that end one after another, this one's turn has not come.
      const rate = this.sweepEnds > 0 && this.rate()
      if (rate && this.tasks[0].acceptedAt + (index + 1) / rate > now) {
        if (this.sweepInFlight === 0) wakeAt = Math.min(wakeAt, this.endSweep(now))
        break
      }
      if (this.sweepInFlight > 0 && this.sweepInFlight >= 2 ** (this.sweepEnds - 1)) break
      this.sweep = index + 1
      this.sweepInFlight++
      take(task, 'sweep')
    }
    if (this.backstopAt <= now && poll.length < free) {
      // The open task, other than the head, asked about least recently.
      const [other] = this.tasks
        .slice(head + 1)
        .filter(t => !t.ended && !t.inFlight && t.dueAt <= now)
        .sort((a, b) => a.polledAt - b.polledAt)
      if (other) take(other, 'backstop')
      this.backstopAt = now + this.maxGapMs
    }
    return { poll, wakeAt: Math.min(wakeAt, this.backstopAt) }
  }

  /** The answer for task `key`, sent at `sentAt`, arrived at `now`. */
  heard(key: K, heard: Heard, sentAt: number, now: number): void {
    const index = this.tasks.findIndex(t => t.key === key)
    const task = this.tasks[index]
    if (!task) return
    const by = task.inFlight
    task.inFlight = undefined
    if (by === 'sweep') this.sweepInFlight--
    if (heard === 'ended') {
      task.ended = true
      this.open--
      this.endedWithin = Math.min(this.endedWithin, now - task.acceptedAt)
      if (by === 'sweep') this.sweepEnds++
      // An ending the backstop saw out of turn: the ones after it may have ended too.
      else if (this.sweep === undefined) [this.sweep, this.sweepEnds] = [index + 1, 0]
    } else {
      if (heard === 'running') this.runningFor = Math.max(this.runningFor, sentAt - task.acceptedAt)
      if (by !== 'sweep' || this.sweep === undefined) return
      const ended = this.tasks.slice(0, index).filter(t => t.ended).length
      if (ended > 0) this.pace = { ended, at: sentAt }
      this.endSweep(now)
    }
  }

  /** Ends the sweep; returns when the head is polled next. */
  private endSweep(now: number): number {
    this.sweep = undefined
    const head = this.tasks.slice(this.firstOpen).find(task => !task.ended)
    const minGap = Math.min(MIN_GAP_MS, this.pollIntervalMs / 2)
    const byAge = head ? Math.max(minGap, LAG_SHARE * (now - head.acceptedAt)) : 0
    const rate = this.rate()
    const left = rate ? this.tasks[0].acceptedAt + this.tasks.length / rate - now : 0
    this.headAt = now + Math.min(this.maxGapMs, Math.max(byAge, PACE_SHARE * left))
    return this.headAt
  }

  /** The next open task of the sweep not in flight; ends a sweep with nothing left. */
  private nextInSweep(): number | undefined {
    for (let i = Math.max(this.sweep ?? Infinity, this.firstOpen); i < this.tasks.length; i++) {
      if (!this.tasks[i].ended && !this.tasks[i].inFlight) return i
    }
    if (this.sweepInFlight === 0) [this.sweep, this.headAt] = [undefined, 0]
    return undefined
  }

  /**
   * Tasks ended per ms since the first acceptance, counting half of the one running; only
   * once they do not all take the same time (one ran longer than another took to end), as the
   * pace of tasks that end together says nothing of the ones accepted later.
   */
  private rate(): number | undefined {
    const elapsed = this.pace ? this.pace.at - this.tasks[0].acceptedAt : 0
    if (!this.pace || elapsed <= 0 || this.runningFor <= this.endedWithin) return undefined
    return (this.pace.ended + 0.5) / elapsed
  }
}
