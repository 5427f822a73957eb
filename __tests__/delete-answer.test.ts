import { describe, expect, it } from '@jest/globals'
import { readDeleteAnswer } from '../src/miso/answers.js'

const read = (body: unknown) =>
  readDeleteAnswer(typeof body === 'string' ? body : JSON.stringify(body), 'application/json')

describe('readDeleteAnswer', () => {
  it('takes a task, with or without counts', () => {
    expect(read({ message: 'deleted', data: { task_id: 't-1' } })).toEqual({
      taskId: 't-1',
      counts: {}
    })
    expect(
      read({ data: { task_id: 't', deleted: { count: 2 }, not_found: { count: 1 } } })
    ).toEqual({ taskId: 't', counts: { deleted: 2, not_found: 1 } })
  })

  it('takes counts without a task as done, under data or at the top level', () => {
    expect(read({ data: { deleted: { count: 3 }, not_found: { count: 0 } } })).toEqual({
      counts: { deleted: 3, not_found: 0 }
    })
    expect(read({ deleted: { count: 1 } })).toEqual({ counts: { deleted: 1 } })
    expect(read({ not_found: { count: 4 } })).toEqual({ counts: { not_found: 4 } })
  })

  it('refuses an answer with neither, or with other numbers only', () => {
    expect(read({ message: 'deleted', data: {} })).toEqual(expect.any(String))
    expect(read({ data: { count: 3 } })).toEqual(expect.any(String))
    expect(read({ data: { deleted: { count: -1 } } })).toEqual(expect.any(String))
    expect(read('OK')).toBe('answer is not JSON (application/json)')
    expect(read([1])).toBe('answer is not a JSON object')
  })

  it.each(['', '  ', '.', '..', ' .. ', 7, null, {}])('refuses the task ID %j', taskId => {
    const answer = read({ data: { task_id: taskId, deleted: { count: 1 } } })
    expect(answer).toEqual(taskId === null ? { counts: { deleted: 1 } } : expect.any(String))
  })

  it('keeps any other task ID as sent', () => {
    for (const taskId of ['...', '../x', 'a/b', ' t ', '%2e%2e']) {
      expect(read({ data: { task_id: taskId } })).toMatchObject({ taskId })
    }
  })
})
