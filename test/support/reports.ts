// Run reports for the tests of what reads them (summary, outputs, the pull request comment).
import { makePlan } from '../../src/plan.js'
import type { RunReport } from '../../src/report/run-report.js'

/** A dry-run report of `ids` from the `product-ids` input, with `extra` on top. */
export function reportWith(ids: string[], extra: Partial<RunReport> = {}): RunReport {
  return {
    status: 'dry-run',
    plan: makePlan([{ kind: 'inline', name: 'product-ids', ids }], 1000),
    notes: [],
    elapsedMs: 1234,
    ...extra
  }
}
