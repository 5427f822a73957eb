import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import {
  annotation,
  appendSummary,
  command,
  getInput,
  isDebug,
  setOutput
} from '../src/workflow-commands.js'
import { parseOutputFile } from '../test/support/run-action.js'

let printed: string[]
beforeEach(() => {
  printed = []
  jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
    printed.push(String(chunk))
    return true
  })
})
afterEach(() => {
  jest.restoreAllMocks()
})

const temp = () => mkdtempSync(path.join(os.tmpdir(), 'workflow-commands-'))

describe('workflow commands, in the runner’s own format', () => {
  it('escapes the data and every property value', () => {
    command('warning', 'a%b\r\nc', { title: 'x:y,z', file: undefined, line: 0 })
    expect(printed).toEqual(['::warning title=x%3Ay%2Cz::a%25b%0D%0Ac\n'])
  })

  it('names an annotation’s place as line and col', () => {
    annotation('error', 'bad', { title: 'T', file: 'ids.csv', startLine: 3, startColumn: 2 })
    annotation('notice', 'plain')
    expect(printed).toEqual([
      '::error title=T,file=ids.csv,line=3,col=2::bad\n',
      '::notice::plain\n'
    ])
  })

  it('reads inputs as the runner passes them, trimmed', () => {
    const env = { 'INPUT_API-KEY': '  k \n', 'INPUT_WITH SPACE': 'x', INPUT_WITH_SPACE: 'y' }
    expect(getInput('api-key', env)).toBe('k')
    expect(getInput('with space', env)).toBe('y')
    expect(getInput('missing', env)).toBe('')
    expect(isDebug({ RUNNER_DEBUG: '1' })).toBe(true)
    expect(isDebug({})).toBe(false)
  })
})

describe('setOutput', () => {
  it('appends a delimited block that the runner reads back whole, line breaks and all', () => {
    const file = path.join(temp(), 'output')
    writeFileSync(file, '')
    setOutput('ids', '["a"]', { GITHUB_OUTPUT: file })
    setOutput('status', 'x\n::error::y\nz', { GITHUB_OUTPUT: file })
    const text = readFileSync(file, 'utf8')
    expect(text).toMatch(/^ids<<ghadelimiter_[0-9a-f-]{36}\n\["a"\]\nghadelimiter_/)
    expect(parseOutputFile(text)).toEqual({ ids: '["a"]', status: 'x\n::error::y\nz' })
  })

  it('refuses a missing output file, naming it', () => {
    const file = path.join(temp(), 'gone')
    expect(() => setOutput('a', 'b', { GITHUB_OUTPUT: file })).toThrow(
      `Missing file at path: ${file}`
    )
  })
})

describe('appendSummary', () => {
  it('appends, and says what is wrong when there is no summary file', async () => {
    const file = path.join(temp(), 'summary.md')
    writeFileSync(file, '# a\n')
    await appendSummary('b\n', { GITHUB_STEP_SUMMARY: file })
    expect(readFileSync(file, 'utf8')).toBe('# a\nb\n')
    await expect(appendSummary('x', {})).rejects.toThrow('$GITHUB_STEP_SUMMARY')
    await expect(
      appendSummary('x', { GITHUB_STEP_SUMMARY: path.join(temp(), 'none.md') })
    ).rejects.toThrow('Unable to access summary file')
  })
})
