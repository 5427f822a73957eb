// Reading the data in __fixtures__/: webhook event payloads and ID files.
import { readFileSync } from 'node:fs'

const FIXTURES = new URL('../../__fixtures__/', import.meta.url)

/** The payload of `__fixtures__/events/<name>.json`. */
export function eventFixture(name: string): Record<string, unknown> {
  const text = readFileSync(new URL(`events/${name}.json`, FIXTURES), 'utf8')
  return JSON.parse(text) as Record<string, unknown>
}

/** The text of `__fixtures__/ids/<name>`. */
export function idFileFixture(name: string): string {
  return readFileSync(new URL(`ids/${name}`, FIXTURES), 'utf8')
}

/** The push event of `__fixtures__/events/<fixture>.json`, moved to `before`..`after`. */
export function pushEvent(
  before: string,
  after: string,
  fixture = 'push'
): { name: 'push'; payload: Record<string, unknown> } {
  return { name: 'push', payload: { ...eventFixture(fixture), before, after } }
}
