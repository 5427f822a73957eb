// The release notes of one version: its section of CHANGELOG.md, which the release workflow
// publishes. A version without a section (or with an empty one) stops the release.
//
//   tsx scripts/changelog.ts 1.2.3 > notes.md
import { readFileSync } from 'node:fs'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The body of the `## [version]` section, without its heading; throws when missing or empty. */
export function releaseNotes(changelog: string, version: string): string {
  const lines = changelog.split(/\r?\n/)
  const heading = new RegExp(`^## \\[${version.replace(/[.+]/g, '\\$&')}\\](?:\\s|$)`)
  const start = lines.findIndex(line => heading.test(line))
  if (start === -1) {
    throw new Error(
      `CHANGELOG.md has no "## [${version}]" section: rename "## [Unreleased]" to it before tagging.`
    )
  }
  const end = lines.findIndex((line, i) => i > start && /^## /.test(line))
  const body = lines
    .slice(start + 1, end === -1 ? undefined : end)
    .join('\n')
    .trim()
  if (body === '') throw new Error(`CHANGELOG.md's "## [${version}]" section is empty.`)
  return `${body}\n`
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const version = process.argv[2] ?? ''
  if (!/^\d+\.\d+\.\d+$/.test(version)) {
    console.error('usage: tsx scripts/changelog.ts X.Y.Z')
    process.exit(2)
  }
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
  try {
    process.stdout.write(
      releaseNotes(readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8'), version)
    )
  } catch (error) {
    console.error((error as Error).message)
    process.exit(1)
  }
}
