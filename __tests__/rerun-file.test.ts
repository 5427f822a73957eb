// The rerun file (`failed-ids-path`) read back by the real `ids-file` reader gives exactly the IDs
// that were sent: white space at the ends, a leading `#`, byte-order marks and all.
import { afterAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { readIdFiles } from '../src/ids/formats.js'
import { parseIds } from '../src/ids/formats.js'
import { namedForm } from '../src/ids/named-form.js'
import { makePlan } from '../src/plan.js'
import { buildOutputs, rerunFileText, writePlanFiles } from '../src/report/outputs.js'
import { failedCount } from '../src/report/run-report.js'
import { reportWith } from '../test/support/reports.js'

const temp = mkdtempSync(path.join(os.tmpdir(), 'rerun-file-'))
afterAll(() => rmSync(temp, { recursive: true, force: true }))

const ODD = [' P5', 'P7 ', '#P9', '\ufeffP-BOM', 'P-NBSP\u00a0', '\u3000P', 'a "quoted" \\ id']

// IDs a run can send: what the plan takes (no controls) and the readers give (not blank).
const sendable = fc
  .oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }), fc.constantFrom(...ODD))
  // eslint-disable-next-line no-control-regex
  .filter(id => !/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(id) && namedForm(id) !== '')

describe('the rerun file', () => {
  it('reads back exactly through the .json reader', () => {
    fc.assert(
      fc.property(fc.array(sendable, { maxLength: 30 }), ids => {
        expect(parseIds(rerunFileText(ids), 'failed-ids.json', 'product_id')).toEqual(ids)
      })
    )
  })

  it('is the file failed-ids-path names, and ids-file reads it back exactly', async () => {
    const report = reportWith([], {
      status: 'failed',
      // The first batch failed, the second went through.
      plan: makePlan([{ kind: 'inline', name: 'product-ids', ids: [...ODD, 'ok-1'] }], ODD.length),
      deletion: {
        status: 'failed',
        batches: [
          { index: 0, count: ODD.length, status: 'failed', counts: {} },
          { index: 1, count: 1, status: 'succeeded', counts: {} }
        ],
        taskIds: [],
        failedCount: ODD.length,
        elapsedMs: 1
      }
    })
    const dir = mkdtempSync(path.join(temp, 'run-'))
    const outputs = buildOutputs(report, await writePlanFiles(report.plan, dir, id => id))
    const file = outputs['failed-ids-path']
    expect(path.basename(file)).toBe('failed-ids.json')
    const [group] = await readIdFiles([file], mkdtempSync(path.join(temp, 'ws-')), 'id', dir)
    expect(group.ids).toEqual(ODD)
  })

  it('holds every planned ID when the run was cancelled before it sent any', async () => {
    const report = reportWith(['a', ' b'], { status: 'cancelled', error: 'cancelled (SIGINT)' })
    const outputs = buildOutputs(report, await writePlanFiles(report.plan, temp, id => id))
    expect(outputs['failed-count']).toBe('2')
    expect(JSON.parse(readFileSync(outputs['failed-ids-path'], 'utf8'))).toEqual(['a', ' b'])
  })

  it('is not written, and nothing counts as failed, when a guard refused the run', async () => {
    const report = reportWith(['a', 'b'], { status: 'failed', error: 'Refused: …', refused: true })
    const outputs = buildOutputs(report, await writePlanFiles(report.plan, temp, id => id))
    expect(outputs['failed-ids-path']).toBe('')
    expect(outputs['failed-count']).toBe('0')
    expect(failedCount(report)).toBe(0)
  })
})
