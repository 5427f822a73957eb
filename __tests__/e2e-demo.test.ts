// `npm run demo` is a newcomer's first look: it must show the log and the job summary as the
// run's page shows them, and say where the summary file is.
import { describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import * as path from 'node:path'
import { promisify } from 'node:util'
import { ROOT } from '../test/support/run-action.js'

describe('npm run demo', () => {
  it('prints where the job summary is and a readable view of it', async () => {
    const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx')
    const { stdout, stderr } = await promisify(execFile)(tsx, ['scripts/demo.ts'], {
      cwd: ROOT,
      env: { ...process.env, NODE_OPTIONS: '' }
    })
    expect(stderr).toBe('')
    const files = [...stdout.matchAll(/^Written to (\S+summary\.md) /gm)].map(m => m[1])
    expect(files.length).toBeGreaterThanOrEqual(2)
    for (const file of files) expect(readFileSync(file, 'utf8')).toMatch(/^## /)
    expect(existsSync(files[0])).toBe(true)
    expect(stdout).toMatch(/^WHERE THE IDS CAME FROM$/m)
    expect(stdout).toMatch(/^Status +IDs +Batches/m)
    expect(stdout).toMatch(/^▸ Deletion$/m)
    // The undo: a deletion backed up, then restored.
    expect(stdout).toContain('Miso now has 0 of the 2 records.')
    expect(stdout).toMatch(/^status: restored$/m)
    expect(stdout).toContain('Miso has 2 of the 2 records again.')
    // Nothing of the raw formats: no table rules, workflow commands or HTML.
    expect(stdout).not.toMatch(/^\| ?-|^::|<\/?(details|summary)>/m)
  }, 120_000)
})
