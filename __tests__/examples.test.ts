import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { parse } from 'yaml'

// The workflows users copy: every `with:` key and every `steps.<id>.outputs.<name>` they use
// must exist in action.yml, and the README shows them as they are in examples/workflows/.
const root = new URL('../', import.meta.url)
const action = parse(readFileSync(new URL('action.yml', root), 'utf8')) as {
  inputs: Record<string, unknown>
  outputs: Record<string, unknown>
}
const dir = new URL('examples/workflows/', root)
const examples = readdirSync(dir)
  .filter(name => name.endsWith('.yml'))
  .map(name => ({ name, text: readFileSync(new URL(name, dir), 'utf8') }))

interface Step {
  id?: string
  uses?: string
  with?: Record<string, unknown>
}

/** The problems of one workflow file against the action's inputs and outputs. */
function problems(text: string): string[] {
  const workflow = parse(text) as { jobs: Record<string, { steps?: Step[] }> }
  const found: string[] = []
  const ours = new Set<string>()
  for (const job of Object.values(workflow.jobs)) {
    for (const step of job.steps ?? []) {
      if (!/(^|\/)miso-bulk-delete@/.test(step.uses ?? '')) continue
      if (step.id) ours.add(step.id)
      for (const key of Object.keys(step.with ?? {})) {
        if (!(key in action.inputs)) found.push(`input ${key}`)
      }
    }
  }
  for (const [, id, output] of text.matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
    if (!ours.has(id)) found.push(`step ${id}`)
    else if (!(output in action.outputs)) found.push(`output ${output}`)
  }
  return found
}

describe('examples/workflows', () => {
  it('holds the workflows of the README and of a two-store repository', () => {
    expect(examples.map(e => e.name)).toEqual(
      expect.arrayContaining(['delete-on-push.yml', 'two-stores.yml'])
    )
  })

  it.each(examples)('$name uses only inputs and outputs the action has', ({ text }) => {
    expect(problems(text)).toEqual([])
  })

  it('finds a mistyped input, output or step id', () => {
    const text = [
      'jobs:',
      '  a:',
      '    steps:',
      '      - uses: OWNER/miso-bulk-delete@v1',
      '        id: d',
      '        with: { product-id: x, dry-run: true }',
      '      - run: echo ${{ steps.d.outputs.deleted }} ${{ steps.e.outputs.status }}'
    ].join('\n')
    expect(problems(text)).toEqual(['input product-id', 'output deleted', 'step e'])
  })

  it('is what the README shows: each of its workflows is in a file here', () => {
    const readme = readFileSync(new URL('README.md', root), 'utf8')
    const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map(m => m[1])
    expect(blocks.length).toBeGreaterThan(3)
    expect(blocks.filter(block => !examples.some(e => e.text.includes(block)))).toEqual([])
  })

  it("is answered by the README's output table, which lists every output", () => {
    const readme = readFileSync(new URL('README.md', root), 'utf8')
    const section = readme.split('## Outputs')[1].split('\n## ')[0]
    const firstCells = [...section.matchAll(/^\|([^|]*)\|/gm)].map(m => m[1])
    const listed = firstCells.flatMap(cell => [...cell.matchAll(/`([\w-]+)`/g)].map(m => m[1]))
    expect(listed.sort()).toEqual(Object.keys(action.outputs).sort())
  })
})
