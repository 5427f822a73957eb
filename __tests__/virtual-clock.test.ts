import { describe, it, expect } from '@jest/globals'
import { VirtualClock } from '../test/support/virtual-clock.js'

// The clock the timing tests stand on: if it never moved, or moved before the code had done
// all it could, their exact times would hold for the wrong reason or not at all.

const never = new AbortController().signal

describe('VirtualClock', () => {
  it('stands still until run() moves it, then to each timer in turn', async () => {
    const clock = new VirtualClock()
    const fired: string[] = []
    clock.setTimeout(() => fired.push(`b at ${clock.now()}`), 30)
    clock.setTimeout(() => fired.push(`a at ${clock.now()}`), 10)
    clock.setTimeout(() => fired.push(`c at ${clock.now()}`), 30)
    await new Promise(resolve => setTimeout(resolve, 20))
    expect(clock.now()).toBe(0)
    expect(fired).toEqual([])
    expect(clock.pending).toBe(3)

    await clock.run(clock.delay(30))
    expect(fired).toEqual(['a at 10', 'b at 30', 'c at 30'])
    expect(clock.now()).toBe(30)
    expect(clock.pending).toBe(0)
  })

  it('lets every promise job run before it moves time on', async () => {
    const clock = new VirtualClock()
    const events: string[] = []
    clock.setTimeout(() => events.push(`timer at ${clock.now()}`), 10)
    const work = async (): Promise<void> => {
      // a long chain of jobs and immediates, then a timer due before the one already set
      for (let i = 0; i < 100; i++) await Promise.resolve()
      await new Promise(resolve => setImmediate(() => setImmediate(resolve)))
      for (let i = 0; i < 100; i++) await Promise.resolve()
      await new Promise(resolve => setImmediate(resolve))
      await clock.sleep(5, never)
      events.push(`slept until ${clock.now()}`)
      await clock.sleep(10, never)
      events.push(`slept until ${clock.now()}`)
    }
    await clock.run(work())
    expect(events).toEqual(['slept until 5', 'timer at 10', 'slept until 15'])
  })

  it('ends a sleep early, without throwing, when its signal aborts, and drops its timer', async () => {
    const clock = new VirtualClock()
    const abort = new AbortController()
    clock.setTimeout(() => abort.abort(), 7)
    const slept = clock.sleep(1000, abort.signal).then(() => clock.now())
    await expect(clock.run(slept)).resolves.toBe(7)
    expect(clock.pending).toBe(0)

    const before = clock.now()
    await expect(clock.run(clock.sleep(50, abort.signal))).resolves.toBeUndefined()
    expect(clock.now()).toBe(before)
    await expect(clock.run(clock.delay(50, abort.signal))).resolves.toBe(false)
    expect(clock.pending).toBe(0)
  })

  it('cancels a timer', async () => {
    const clock = new VirtualClock()
    const fired: number[] = []
    const cancel = clock.setTimeout(() => fired.push(clock.now()), 5)
    clock.setTimeout(() => fired.push(clock.now()), 8)
    cancel()
    await clock.run(clock.delay(10))
    expect(fired).toEqual([8])
  })

  it('returns what the promise gives, or its rejection', async () => {
    const clock = new VirtualClock()
    await expect(clock.run(clock.delay(3).then(() => 'done'))).resolves.toBe('done')
    const failing = clock.delay(3).then(() => {
      throw new Error('boom')
    })
    await expect(clock.run(failing)).rejects.toThrow('boom')
    expect(clock.now()).toBe(6)
  })

  it('rejects a promise that cannot settle instead of hanging', async () => {
    const clock = new VirtualClock()
    clock.setTimeout(() => undefined, 40)
    await expect(clock.run(new Promise(() => undefined))).rejects.toThrow(
      'pending at 40 ms with no timer left to fire'
    )
    const spin = (): void => void clock.setTimeout(spin, 0)
    spin()
    await expect(clock.run(new Promise(() => undefined), 100)).rejects.toThrow(
      'still pending after 100 timers'
    )
  })

  it('waits at least 1 ms, as setTimeout does, so a loop of 0 ms waits does not stop time', async () => {
    const clock = new VirtualClock()
    const at: number[] = []
    const spin = async (): Promise<void> => {
      for (let i = 0; i < 3; i++) at.push(await clock.sleep(0, never).then(clock.now))
      at.push(await clock.sleep(-5, never).then(clock.now))
      at.push(await clock.sleep(0.25, never).then(clock.now))
      at.push(await clock.sleep(2.5, never).then(clock.now))
    }
    await clock.run(spin())
    expect(at).toEqual([1, 2, 3, 4, 5, 7.5])
  })

  it('refuses a wait no real timer could take', () => {
    const clock = new VirtualClock()
    expect(() => clock.setTimeout(() => undefined, 2 ** 31)).toThrow(RangeError)
    expect(() => clock.setTimeout(() => undefined, NaN)).toThrow(RangeError)
    expect(() => clock.setTimeout(() => undefined, 2 ** 31 - 1)).not.toThrow()
  })
})
