// The end-to-end tests run dist/index.js: a dist/ built from other sources must be refused
// (by the harness) or rebuilt (by `npm test`), never run.
import { afterAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { assertFreshDist, ensureFreshDist, sourceHash, STAMP, staleness } from '../scripts/dist.js'
import { ROOT } from '../test/support/run-action.js'

const temp = mkdtempSync(path.join(os.tmpdir(), 'dist-'))
afterAll(() => rmSync(temp, { recursive: true, force: true }))
let counter = 0

/** A project with sources, a lock file and a dist/ stamped from them. */
function project(): string {
  const root = path.join(temp, `p${++counter}`)
  mkdirSync(path.join(root, 'src', 'ids'), { recursive: true })
  mkdirSync(path.join(root, 'dist'))
  writeFileSync(path.join(root, 'src', 'main.ts'), 'export const a = 1\n')
  writeFileSync(path.join(root, 'src', 'ids', 'x.ts'), 'export const x = 1\n')
  writeFileSync(path.join(root, 'package-lock.json'), '{}\n')
  writeFileSync(path.join(root, 'tsconfig.json'), '{}\n')
  writeFileSync(path.join(root, 'dist', 'index.js'), '// bundle\n')
  stamp(root)
  return root
}

const stamp = (root: string) => writeFileSync(path.join(root, STAMP), `${sourceHash(root)}\n`)

describe('a dist/ built from other sources', () => {
  it('is fresh when stamped from the sources beside it', () => {
    const root = project()
    expect(staleness(root)).toBe('')
    expect(() => assertFreshDist(root)).not.toThrow()
  })

  it.each([
    ['a source changed', 'src/main.ts', 'export const a = 2\n'],
    ['a source added deep down', 'src/ids/y.ts', ''],
    ['the lock file changed', 'package-lock.json', '{"lockfileVersion": 3}\n'],
    ['the compiler options changed', 'tsconfig.json', '{"strict": true}\n']
  ])('is stale when %s', (_what, file, text) => {
    const root = project()
    writeFileSync(path.join(root, file), text)
    expect(staleness(root)).toMatch(/^dist\/ was built from other sources/)
    expect(() => assertFreshDist(root)).toThrow(/run `npm run build`/)
  })

  it('is stale when a source moves, though no content changed', () => {
    const root = project()
    rmSync(path.join(root, 'src', 'ids', 'x.ts'))
    writeFileSync(path.join(root, 'src', 'x.ts'), 'export const x = 1\n')
    expect(staleness(root)).not.toBe('')
  })

  it('is stale without a stamp or without a bundle', () => {
    const root = project()
    rmSync(path.join(root, STAMP))
    expect(staleness(root)).toBe('dist/source.sha256 does not exist')
    rmSync(path.join(root, 'dist', 'index.js'))
    expect(staleness(root)).toBe('dist/index.js does not exist')
  })

  it('is rebuilt by `npm test` (the pretest step), and only when stale', () => {
    const root = project()
    let builds = 0
    const build = () => {
      builds++
      stamp(root)
    }
    expect(ensureFreshDist(root, build)).toBe(false)
    writeFileSync(path.join(root, 'src', 'main.ts'), 'export const a = 3\n')
    expect(ensureFreshDist(root, build)).toBe(true)
    expect(builds).toBe(1)
    // A build that leaves dist/ stale fails rather than letting the tests run old code.
    writeFileSync(path.join(root, 'src', 'main.ts'), 'export const a = 4\n')
    expect(() => ensureFreshDist(root, () => undefined)).toThrow(/other sources/)
  })

  it('is not what this run tests: the repository dist/ is fresh', () => {
    expect(staleness(ROOT)).toBe('')
  })
})
