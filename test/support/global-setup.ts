// Every test's temp folders (workspaces, git repositories, RUNNER_TEMP, the servers' files)
// are made through os.tmpdir(): one root per test run, removed by global-teardown.ts when the
// run ends, so a test that fails half way leaves nothing behind either.
import { mkdtempSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'

export default function setup(): void {
  const root = mkdtempSync(path.join(os.tmpdir(), 'miso-bulk-delete-tests-'))
  process.env.MISO_BULK_DELETE_TEST_ROOT = root
  // Workers and the processes they start inherit it; os.tmpdir() reads TMPDIR.
  process.env.TMPDIR = root
}
