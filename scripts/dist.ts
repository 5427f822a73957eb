// dist/ is what the runner executes and what the end-to-end tests run, so it must be built from
// the sources beside it. The build stamps a hash of those sources into dist/; the tests refuse
// (or `npm test` rebuilds) a dist/ whose stamp differs, and CI refuses a dist/ that differs from
// a fresh build of the committed sources.
//
//   tsx scripts/dist.ts stamp       write the stamp (the last step of `npm run build`)
//   tsx scripts/dist.ts fresh       rebuild when dist/ is stale (before `npm test`)
//   tsx scripts/dist.ts committed   after a build: fail when dist/ differs from what git has
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** What the bundle is built from: the sources, the exact dependencies, the compiler options. */
const INPUTS = ['src', 'package-lock.json', 'tsconfig.json']
export const STAMP = path.join('dist', 'source.sha256')

/** A hash of every file the bundle is built from, by path and content. */
export function sourceHash(root: string): string {
  const hash = createHash('sha256')
  for (const file of INPUTS.flatMap(input => filesUnder(root, input)).sort()) {
    hash
      .update(`${file}\0`)
      .update(readFileSync(path.join(root, file)))
      .update('\0')
  }
  return hash.digest('hex')
}

/** Files under `relative` (a file or a directory), as `/`-separated paths from `root`. */
function filesUnder(root: string, relative: string): string[] {
  const full = path.join(root, relative)
  if (!existsSync(full)) return []
  if (!statSync(full).isDirectory()) return [relative.split(path.sep).join('/')]
  return readdirSync(full).flatMap(name => filesUnder(root, path.join(relative, name)))
}

/** Why dist/ under `root` was not built from the sources there, or '' when it was. */
export function staleness(root: string): string {
  const stampFile = path.join(root, STAMP)
  if (!existsSync(path.join(root, 'dist', 'index.js'))) return 'dist/index.js does not exist'
  if (!existsSync(stampFile)) return `${STAMP} does not exist`
  const stamped = readFileSync(stampFile, 'utf8').trim()
  return stamped === sourceHash(root)
    ? ''
    : `dist/ was built from other sources than ${INPUTS.join(', ')}`
}

/** Throws when dist/ under `root` is stale: end-to-end tests must never run old code. */
export function assertFreshDist(root: string = ROOT): void {
  const why = staleness(root)
  if (why) throw new Error(`${why}: run \`npm run build\` (\`npm test\` does it for you).`)
}

/** Rebuilds dist/ with `build` when it is stale; says so. */
export function ensureFreshDist(root: string, build: () => void): boolean {
  const why = staleness(root)
  if (!why) return false
  console.log(`${why}: rebuilding.`)
  build()
  assertFreshDist(root)
  return true
}

function main(command: string | undefined): void {
  switch (command) {
    case 'clean':
      // ncc adds chunks but never removes them: a chunk no import needs any more would stay.
      rmSync(path.join(ROOT, 'dist'), { recursive: true, force: true })
      return
    case 'stamp':
      writeFileSync(path.join(ROOT, STAMP), `${sourceHash(ROOT)}\n`)
      return
    case 'fresh':
      ensureFreshDist(ROOT, () =>
        execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] })
      )
      return
    case 'committed': {
      const changed = execFileSync('git', ['status', '--porcelain', '--', 'dist'], {
        cwd: ROOT,
        encoding: 'utf8'
      })
      if (changed) {
        process.stdout.write(changed)
        console.error("dist/ is out of date: run 'npm run build' and commit dist/.")
        process.exit(1)
      }
      return
    }
    default:
      console.error('usage: tsx scripts/dist.ts clean | stamp | fresh | committed')
      process.exit(2)
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv[2])
}
