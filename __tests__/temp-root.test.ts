import { describe, expect, it } from '@jest/globals'
import * as os from 'node:os'

describe('the test run', () => {
  it('makes every temp folder under its own root, which it removes at the end', () => {
    const root = process.env.MISO_BULK_DELETE_TEST_ROOT
    expect(root).toBeTruthy()
    expect(os.tmpdir()).toBe(root)
  })
})
