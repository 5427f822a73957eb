import { describe, it, expect } from '@jest/globals'
import { BACKSTOP_AFTER, LAG_SHARE, PollSchedule } from '../src/poll-schedule.js'

// The schedule's decisions with times passed in: no timers, no requests.

/** A schedule with tasks accepted at the given times; a task's key is its place. */
function scheduleOf(...acceptedAt: number[]): PollSchedule<number> {
  const schedule = new PollSchedule<number>(2000, 30_000)
  acceptedAt.forEach((at, index) => schedule.add(index, at))
  return schedule
}

describe('PollSchedule', () => {
  it('polls no task earlier than pollIntervalMs after its acceptance', () => {
    const schedule = scheduleOf(0, 10, 20)
    expect(schedule.due(1999, 4)).toEqual({ poll: [], wakeAt: 2000 })
    expect(schedule.due(2000, 4).poll).toEqual([0])
  })

  it('watches only the oldest task while none has ended, every share of its age', () => {
    const schedule = scheduleOf(0, 10, 20)
    const polls: number[] = []
    let now = 2000
    while (now < 60_000) {
      const { poll, wakeAt } = schedule.due(now, 4)
      expect(poll.every(index => index === 0 || now >= BACKSTOP_AFTER * 30_000)).toBe(true)
      for (const index of poll) {
        if (index === 0) polls.push(now)
        schedule.heard(index, 'running', now, now + 20)
      }
      now = poll.length > 0 ? now + 20 : Math.max(now + 1, wakeAt)
    }
    const gaps = polls.slice(1).map((at, i) => at - polls[i])
    // at least a second apart, then LAG_SHARE of the age, never more than maxGapMs
    for (const [i, gap] of gaps.entries()) {
      const age = polls[i] + 20
      expect(gap).toBeGreaterThanOrEqual(Math.max(1000, LAG_SHARE * age))
      expect(gap).toBeLessThanOrEqual(Math.max(1000, LAG_SHARE * age) + 40)
    }
    expect(polls.length).toBeLessThan(40)
  })

  it('polls the oldest task at most maxGapMs apart, however old it gets', () => {
    const schedule = scheduleOf(0)
    let now = 2000
    let last = 0
    let longest = 0
    while (now < 1_000_000) {
      const { poll, wakeAt } = schedule.due(now, 4)
      for (const index of poll) {
        longest = Math.max(longest, now - last)
        last = now
        schedule.heard(index, 'running', now, now + 20)
      }
      now = poll.length > 0 ? now + 20 : Math.max(now + 1, wakeAt)
    }
    expect(longest).toBeGreaterThan(29_000)
    expect(longest).toBeLessThanOrEqual(30_020)
  })

  it('sweeps on to the next tasks as soon as the oldest has ended, widening as they end', () => {
    const schedule = scheduleOf(0, 1, 2, 3, 4, 5, 6, 7, 8, 9)
    // running at 5 s: every task takes more than 5 s
    expect(schedule.due(5000, 4).poll).toEqual([0])
    schedule.heard(0, 'running', 5000, 5020)
    const { wakeAt } = schedule.due(5020, 4)
    expect(wakeAt).toBe(6020)
    expect(schedule.due(6020, 4).poll).toEqual([0])
    schedule.heard(0, 'ended', 6020, 6040)
    // one ending: up to two at once, when a model says they have ended
    expect(schedule.due(6040, 4).poll).toEqual([1])
    schedule.heard(1, 'ended', 6040, 6060)
    // two endings: two at once
    expect(schedule.due(6060, 4).poll).toEqual([2, 3])
    schedule.heard(2, 'ended', 6060, 6080)
    schedule.heard(3, 'ended', 6060, 6080)
    // four endings: eight at once, as far as the free slots go
    expect(schedule.due(6080, 4).poll).toEqual([4, 5, 6, 7])
    expect(schedule.due(6080, 0).poll).toEqual([])
  })

  it('stops a sweep at a task that has not ended, and polls the new head after a gap', () => {
    const schedule = scheduleOf(0, 1, 2)
    expect(schedule.due(2000, 4).poll).toEqual([0])
    schedule.heard(0, 'ended', 2000, 2020)
    expect(schedule.due(2020, 4).poll).toEqual([1])
    schedule.heard(1, 'running', 2020, 2040)
    const { poll, wakeAt } = schedule.due(2040, 4)
    expect(poll).toEqual([])
    expect(wakeAt).toBeGreaterThanOrEqual(3040)
    expect(schedule.open).toBe(2)
  })

  it('asks again after no news (429, 5xx, no answer) without counting it as running', () => {
    const schedule = scheduleOf(0)
    expect(schedule.due(2000, 1).poll).toEqual([0])
    schedule.heard(0, 'no-news', 2000, 2020)
    const { wakeAt } = schedule.due(2020, 1)
    expect(wakeAt).toBe(3020)
    expect(schedule.due(3020, 1).poll).toEqual([0])
  })

  it('never hands out more polls than there are free slots', () => {
    const schedule = scheduleOf(...Array.from({ length: 20 }, (_, i) => i))
    schedule.due(2000, 1)
    schedule.heard(0, 'ended', 2000, 2020)
    schedule.due(2020, 1)
    schedule.heard(1, 'ended', 2020, 2040)
    schedule.due(2040, 1)
    schedule.heard(2, 'ended', 2040, 2060)
    expect(schedule.due(2060, 2).poll).toHaveLength(2)
    expect(schedule.due(2060, 0).poll).toEqual([])
  })

  it('learns the pace of tasks that end one after another and waits for more to end', () => {
    // 12 tasks of 3 s in a queue, all accepted at once
    const schedule = scheduleOf(...Array.from({ length: 12 }, () => 0))
    const endOf = (index: number): number => 3000 * (index + 1)
    let now = 0
    let requests = 0
    const heads: number[] = []
    while (schedule.open > 0 && now < 100_000) {
      const { poll, wakeAt } = schedule.due(now, 4)
      for (const index of poll) {
        requests++
        heads.push(now)
        schedule.heard(index, endOf(index) <= now + 20 ? 'ended' : 'running', now, now + 20)
      }
      now = poll.length > 0 ? now + 20 : Math.max(now + 1, wakeAt)
    }
    expect(schedule.open).toBe(0)
    expect(requests).toBeLessThanOrEqual(18)
    // the last task (ends at 36 s) is learnt within 10 % of the run
    expect(now - endOf(11)).toBeLessThanOrEqual(3600)
  })

  it('does not take tasks that end together, accepted over a while, for a queue', () => {
    // 100 tasks of 10 s, four accepted every 77 ms: a sweep meets a running task, but the
    // pace of the ones before it says nothing of the later ones. Answers take 33 ms.
    const acceptedAt = Array.from({ length: 100 }, (_, i) => 77 * (Math.floor(i / 4) + 1))
    const endOf = (index: number): number => acceptedAt[index] + 10_000
    const schedule = new PollSchedule<number>(2000, 30_000)
    let added = 0
    let inFlight: { index: number; sentAt: number }[] = []
    let now = 0
    let requests = 0
    while (added < 100 || schedule.open > 0) {
      while (added < 100 && acceptedAt[added] <= now) schedule.add(added, acceptedAt[added++])
      for (const { index, sentAt } of inFlight) {
        schedule.heard(index, endOf(index) <= sentAt ? 'ended' : 'running', sentAt, now)
      }
      if (added === 100 && schedule.open === 0) break
      const { poll, wakeAt } = schedule.due(now, 4)
      requests += poll.length
      inFlight = poll.map(index => ({ index, sentAt: now }))
      now = poll.length > 0 ? now + 33 : Math.min(wakeAt, acceptedAt[added] ?? Infinity)
    }
    expect(requests).toBeLessThanOrEqual(150)
    // the last end is learnt within the lag allowed, not at the backstop a minute in
    expect(now - endOf(99)).toBeLessThanOrEqual(1500)
  })

  it('sees an ending out of order through the backstop, and sweeps on after it', () => {
    const schedule = scheduleOf(0, 1, 2)
    let now = 2000
    // the head never ends; tasks 1 and 2 have ended by the backstop's first poll
    while (now < BACKSTOP_AFTER * 30_000 + 5000 && schedule.open > 1) {
      const { poll, wakeAt } = schedule.due(now, 4)
      for (const index of poll) schedule.heard(index, index === 0 ? 'running' : 'ended', now, now)
      now = Math.max(now + 1, Math.min(wakeAt, now + 1000))
    }
    expect(schedule.open).toBe(1)
    expect(now).toBeGreaterThanOrEqual(BACKSTOP_AFTER * 30_000)
  })

  it('orders tasks by when their delete requests were sent, as Miso queues them', () => {
    const schedule = new PollSchedule<string>(2000, 30_000)
    // the answer to the request sent first arrived second
    schedule.add('second', 30, 10)
    schedule.add('first', 31, 5)
    expect(schedule.due(2030, 4)).toEqual({ poll: [], wakeAt: 2031 })
    expect(schedule.due(2031, 4).poll).toEqual(['first'])
    schedule.heard('first', 'ended', 2031, 2051)
    expect(schedule.due(2051, 4).poll).toEqual(['second'])
  })

  it('starts again from the eligibility of tasks accepted after all others ended', () => {
    const schedule = scheduleOf(0)
    schedule.due(2000, 4)
    schedule.heard(0, 'ended', 2000, 2020)
    expect(schedule.open).toBe(0)
    expect(schedule.due(2020, 4).poll).toEqual([])
    schedule.add(1, 5000)
    expect(schedule.due(5000, 4)).toEqual({ poll: [], wakeAt: 7000 })
    expect(schedule.due(7000, 4).poll).toEqual([1])
  })
})
