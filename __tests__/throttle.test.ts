import { describe, it, expect } from '@jest/globals'
import { abortableSleep, BASE_PAUSE_MS, MAX_PAUSE_MS, Throttle } from '../src/miso/throttle.js'

/** A throttle on a fake clock: sleeping moves the clock and is recorded. */
function fakeThrottle(limit: number) {
  const clock = { now: 1_000_000 }
  const sleeps: number[] = []
  const throttle = new Throttle(limit, {
    now: () => clock.now,
    sleep: async (ms, signal) => {
      signal.throwIfAborted()
      sleeps.push(ms)
      clock.now += ms
    }
  })
  return { throttle, clock, sleeps }
}

const never = new AbortController().signal

/** Lets queued promise callbacks run. */
const settle = () => new Promise(resolve => setImmediate(resolve))

describe('Throttle slots', () => {
  it('admits up to the limit, then queues first come first served', async () => {
    const { throttle } = fakeThrottle(2)
    const a = await throttle.acquire(never)
    const b = await throttle.acquire(never)
    const order: string[] = []
    const c = throttle.acquire(never).then(release => (order.push('c'), release))
    const d = throttle.acquire(never).then(release => (order.push('d'), release))
    await settle()
    expect(order).toEqual([])
    a()
    await settle()
    expect(order).toEqual(['c'])
    a() // a second call of the same release changes nothing
    await settle()
    expect(order).toEqual(['c'])
    b()
    await settle()
    expect(order).toEqual(['c', 'd'])
    ;(await c)()
    ;(await d)()
  })

  it('rejects a queued acquire on abort and passes the slot on', async () => {
    const { throttle } = fakeThrottle(1)
    const first = await throttle.acquire(never)
    const controller = new AbortController()
    const aborted = throttle.acquire(controller.signal)
    let third = false
    const next = throttle.acquire(never).then(release => ((third = true), release))
    controller.abort(new Error('stop'))
    await expect(aborted).rejects.toThrow('stop')
    first()
    await settle()
    expect(third).toBe(true)
    ;(await next)()
  })

  it('rejects at once when the signal is already aborted', async () => {
    const { throttle } = fakeThrottle(1)
    await expect(throttle.acquire(AbortSignal.abort(new Error('gone')))).rejects.toThrow('gone')
  })
})

describe('Throttle on 429', () => {
  it('halves the limit down to 1, once per pause', () => {
    const { throttle, clock } = fakeThrottle(8)
    throttle.onRateLimited()
    expect(throttle.limit).toBe(4)
    throttle.onRateLimited() // same burst: answers to requests sent before the pause
    expect(throttle.limit).toBe(4)
    clock.now += MAX_PAUSE_MS
    throttle.onRateLimited()
    expect(throttle.limit).toBe(2)
    clock.now += MAX_PAUSE_MS
    throttle.onRateLimited()
    clock.now += MAX_PAUSE_MS
    throttle.onRateLimited()
    expect(throttle.limit).toBe(1)
  })

  it('pauses new requests for max(Retry-After, back-off), growing while 429s continue', async () => {
    const { throttle, sleeps, clock } = fakeThrottle(4)
    throttle.onRateLimited()
    ;(await throttle.acquire(never))()
    expect(sleeps).toEqual([BASE_PAUSE_MS])

    throttle.onRateLimited()
    ;(await throttle.acquire(never))()
    expect(sleeps[1]).toBe(2 * BASE_PAUSE_MS)

    throttle.onRateLimited(10_000)
    ;(await throttle.acquire(never))()
    expect(sleeps[2]).toBe(10_000)

    throttle.onRateLimited(10 * MAX_PAUSE_MS)
    await throttle.acquire(never, false)
    expect(sleeps[3]).toBe(MAX_PAUSE_MS)

    clock.now += 1
    await throttle.acquire(never, false)
    expect(sleeps).toHaveLength(4)
  })

  it('a burst of 429s pauses once for the back-off; only a Retry-After lengthens it', async () => {
    const { throttle, sleeps, clock } = fakeThrottle(8)
    throttle.onRateLimited()
    clock.now += 100 // the rest of the burst: answers to requests sent before the pause
    throttle.onRateLimited()
    throttle.onRateLimited()
    ;(await throttle.acquire(never))()
    expect(sleeps).toEqual([BASE_PAUSE_MS - 100])
    expect(throttle.limit).toBe(4)

    throttle.onRateLimited() // a new burst after the pause: twice as long
    clock.now += 100
    throttle.onRateLimited(5_000)
    ;(await throttle.acquire(never))()
    expect(sleeps[1]).toBe(5_000)
  })

  it('makes workers already queued wait out the pause too', async () => {
    const { throttle, sleeps } = fakeThrottle(1)
    const held = await throttle.acquire(never)
    const queued = throttle.acquire(never)
    throttle.onRateLimited(5000)
    held()
    ;(await queued)()
    expect(sleeps).toEqual([5000])
  })

  it('keeps fewer requests in flight after the limit drops', async () => {
    const { throttle, clock } = fakeThrottle(4)
    const held = await Promise.all([1, 2, 3, 4].map(() => throttle.acquire(never)))
    throttle.onRateLimited()
    clock.now += MAX_PAUSE_MS
    let admitted = 0
    const waiting = [1, 2].map(() => throttle.acquire(never).then(r => (admitted++, r)))
    held[0]()
    held[1]()
    await settle()
    expect(admitted).toBe(0) // two in flight: the new limit
    held[2]()
    await settle()
    expect(admitted).toBe(1)
    held[3]()
    await settle()
    expect(admitted).toBe(2)
    for (const release of await Promise.all(waiting)) release()
  })

  it('does not spin when the injected sleep leaves the clock alone', async () => {
    let sleeps = 0
    const throttle = new Throttle(2, {
      now: () => 0,
      sleep: async () => {
        sleeps++
      }
    })
    throttle.onRateLimited(1000)
    ;(await throttle.acquire(never))()
    expect(sleeps).toBe(1)
  })

  it('waiting out the pause without a slot ignores the slot limit', async () => {
    const { throttle } = fakeThrottle(1)
    const held = await throttle.acquire(never)
    await expect(throttle.acquire(never, false)).resolves.toBeInstanceOf(Function)
    held()
  })
})

describe('Throttle recovery', () => {
  it('adds one slot after 2x the current limit successes, never above the start', async () => {
    const { throttle, clock } = fakeThrottle(4)
    throttle.onRateLimited()
    clock.now += MAX_PAUSE_MS
    throttle.onRateLimited()
    expect(throttle.limit).toBe(1)
    throttle.onSuccess()
    expect(throttle.limit).toBe(1)
    throttle.onSuccess()
    expect(throttle.limit).toBe(2)
    for (let i = 0; i < 3; i++) throttle.onSuccess()
    expect(throttle.limit).toBe(2)
    throttle.onSuccess()
    expect(throttle.limit).toBe(3)
    for (let i = 0; i < 6; i++) throttle.onSuccess()
    expect(throttle.limit).toBe(4)
    for (let i = 0; i < 100; i++) throttle.onSuccess()
    expect(throttle.limit).toBe(4)
  })

  it('a 429 restarts the count of successes', () => {
    const { throttle, clock } = fakeThrottle(2)
    throttle.onRateLimited()
    throttle.onSuccess()
    clock.now += MAX_PAUSE_MS
    throttle.onRateLimited()
    throttle.onSuccess()
    expect(throttle.limit).toBe(1)
    throttle.onSuccess()
    expect(throttle.limit).toBe(2)
  })

  it('wakes a queued worker when a slot comes back', async () => {
    const { throttle, clock } = fakeThrottle(2)
    throttle.onRateLimited()
    clock.now += MAX_PAUSE_MS
    const held = await throttle.acquire(never)
    let admitted = false
    const waiting = throttle.acquire(never).then(r => ((admitted = true), r))
    await settle()
    expect(admitted).toBe(false)
    throttle.onSuccess()
    throttle.onSuccess()
    await settle()
    expect(admitted).toBe(true)
    held()
    ;(await waiting)()
  })
})

describe('abortableSleep', () => {
  it('waits, and stops at once on abort', async () => {
    await expect(abortableSleep(5, never)).resolves.toBeUndefined()
    const controller = new AbortController()
    const sleeping = abortableSleep(60_000, controller.signal)
    controller.abort(new Error('cancelled'))
    await expect(sleeping).rejects.toMatchObject({ name: 'AbortError' })
  })
})
