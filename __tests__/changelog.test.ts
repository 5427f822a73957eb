import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { releaseNotes } from '../scripts/changelog.js'

const CHANGELOG = `# Changelog

Intro.

## [Unreleased]

- next

## [1.10.0] - 2027-02-01

### Added

- ten

## [1.1.0] - 2027-01-01

- one
`

describe('release notes from CHANGELOG.md', () => {
  it("is the version's section, without its heading", () => {
    expect(releaseNotes(CHANGELOG, '1.10.0')).toBe('### Added\n\n- ten\n')
    expect(releaseNotes(CHANGELOG, '1.1.0')).toBe('- one\n')
  })

  it('stops a release whose version has no section, or an empty one', () => {
    expect(() => releaseNotes(CHANGELOG, '1.0.0')).toThrow(/no "## \[1\.0\.0\]" section/)
    // `.` is not a wildcard: 1.1.0 never matches a heading of 1x1x0.
    expect(() => releaseNotes('## [1x1x0]\n- a\n', '1.1.0')).toThrow(/no "## \[1\.1\.0\]"/)
    expect(() => releaseNotes('## [2.0.0]\n\n## [1.0.0]\n- a\n', '2.0.0')).toThrow(/is empty/)
  })

  it('keeps an Unreleased section for the next entries', () => {
    const text = readFileSync(new URL('../CHANGELOG.md', import.meta.url), 'utf8')
    expect(releaseNotes(text, 'Unreleased')).toMatch(/^### Added/m)
  })
})
