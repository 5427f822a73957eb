import { rmSync } from 'node:fs'

export default function teardown(): void {
  const root = process.env.MISO_BULK_DELETE_TEST_ROOT
  if (root) rmSync(root, { recursive: true, force: true })
}
