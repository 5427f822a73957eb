import { describe, expect, it } from '@jest/globals'
import { readDeleteAnswer } from '../src/miso/answers.js'

const read = (body: unknown) =>
  readDeleteAnswer(typeof body === 'string' ? body : JSON.stringify(body), 'application/json')

describe('readDeleteAnswer', () => {
  it('takes a task, with or without counts', () => {
    expect(read({ message: 'deleted', data: { task_id: 't-1' } })).toEqual({
      kind: 'task',
      taskId: 't-1',
      counts: {}
    })
    expect(
      read({ data: { task_id: 't', deleted: { count: 2 }, not_found: { count: 1 } } })
    ).toEqual({ kind: 'task', taskId: 't', counts: { deleted: 2, not_found: 1 } })
  })

  it('takes counts without a task as done, under data or at the top level', () => {
    expect(read({ data: { deleted: { count: 3 }, not_found: { count: 0 } } })).toEqual({
      kind: 'done',
      counts: { deleted: 3, not_found: 0 }
    })
    expect(read({ deleted: { count: 1 } })).toEqual({ kind: 'done', counts: { deleted: 1 } })
    expect(read({ not_found: { count: 4 } })).toEqual({ kind: 'done', counts: { not_found: 4 } })
  })

  it('refuses an answer with neither, or with other numbers only', () => {
    expect(read({ message: 'deleted', data: {} })).toMatchObject({ kind: 'invalid' })
    expect(read({ data: { count: 3 } })).toMatchObject({ kind: 'invalid' })
    expect(read({ data: { deleted: { count: -1 } } })).toMatchObject({ kind: 'invalid' })
    expect(read('OK')).toEqual({ kind: 'invalid', reason: 'answer is not JSON (application/json)' })
    expect(read([1])).toEqual({ kind: 'invalid', reason: 'answer is not a JSON object' })
  })

  it.each(['', '  ', '.', '..', ' .. ', 7, null, {}])('refuses the task ID %j', taskId => {
    const answer = read({ data: { task_id: taskId, deleted: { count: 1 } } })
    expect(answer.kind).toBe(taskId === null ? 'done' : 'invalid')
  })

  it('keeps any other task ID as sent', () => {
    for (const taskId of ['...', '../x', 'a/b', ' t ', '%2e%2e']) {
      expect(read({ data: { task_id: taskId } })).toMatchObject({ kind: 'task', taskId })
    }
  })
})
