// Front matter in the forms static site generators write, read by `id-from: frontmatter:`.
import { afterEach, describe, expect, it, jest } from '@jest/globals'
import { UnreadableFileError } from '../src/diff/commit-files.js'
import { missingField, productIds } from '../src/diff/product-id.js'

import type { IdFrom } from '../src/input-helper.js'

/** The one ID of a file whose path has no `*`. */
const productId = (...args: Parameters<typeof productIds>) => productIds(...args)?.[0]

const at = 'c0ffee'.padEnd(40, '0')
const fm: IdFrom = { kind: 'frontmatter', key: 'product_id' }
const idOf = (text: string, idFrom: IdFrom = fm) => productId(idFrom, 'c/x.md', at, text)

afterEach(() => {
  jest.restoreAllMocks()
})

describe('front matter forms', () => {
  it.each([
    ['YAML', '---\nproduct_id: 00123\n---\nBody\n', '00123'],
    ['YAML closed by ...', '---\nproduct_id: Y-1\n...\n', 'Y-1'],
    ['TOML', '+++\ntitle = "Lamp"\nproduct_id = "00123"\n+++\nBody\n', '00123'],
    ['a TOML integer, in decimal form', '+++\nproduct_id = 0x1F\n+++\n', '31'],
    ['TOML with a BOM and CRLF', "\ufeff+++\r\nproduct_id = 'T-1'\r\n+++\r\nBody\r\n", 'T-1'],
    ['JSON', '{\n  "title": "a } b {",\n  "product_id": "J-1"\n}\nBody {not json\n', 'J-1'],
    ['a JSON number', '{"product_id": 42}\n', '42'],
    ['JSON with a BOM and CRLF', '\ufeff{\r\n"product_id": "J-2"\r\n}\r\n', 'J-2'],
    ['YAML with a BOM and CRLF', '\ufeff---\r\nproduct_id: Y-2\r\n---\r\n', 'Y-2'],
    ['a quoted "null" in YAML', '---\nproduct_id: "null"\n---\n', 'null'],
    ['a YAML merge key', '---\nbase: &b\n  product_id: M-1\n<<: *b\ntitle: x\n---\n', 'M-1'],
    [
      'YAML merge keys from a list',
      '---\n<<: [{product_id: M-2}, {product_id: M-3}]\n---\n',
      'M-2'
    ],
    [
      'a key of its own over a merged one',
      '---\n<<: {product_id: M-4}\nproduct_id: OWN\n---\n',
      'OWN'
    ]
  ])('%s', (_, text, id) => {
    expect(idOf(text)).toBe(id)
  })

  // Hugo's page parser skips white space and HTML comments before the front matter.
  it.each([
    ['a blank line', '\n---\nproduct_id: A\n---\nText\n'],
    ['blank lines, spaces and tabs', ' \t\r\n\n  ---\nproduct_id: A\n---\n'],
    ['an HTML comment line', '<!-- draft note -->\n---\nproduct_id: A\n---\nText\n'],
    ['two comments', '<!-- a -->\n\n<!-- b -->\n+++\nproduct_id = "A"\n+++\n'],
    ['a comment over lines', '<!--\n  note\n-->\n---\nproduct_id: A\n---\n'],
    ['front matter commented out', '<!--\n---\nproduct_id: A\n---\n-->\nText\n'],
    ['the rest of the first line skipped', '<!-- a --> b\n---\nproduct_id: A\n---\n'],
    ['CR line ends', '---\rproduct_id: A\r---\rText\r'],
    ['CR line ends after a blank line', '\r---\rproduct_id: A\r---\r'],
    ['JSON after a blank line', '\n{"product_id":"A"}\n'],
    ['JSON after a comment', '<!-- x -->\n{"product_id":"A"}\n'],
    ['a BOM and a blank line', '\ufeff\r\n---\r\nproduct_id: A\r\n---\r\n'],
    ['two BOMs', '\ufeff\ufeff---\nproduct_id: A\n---\nText\n'],
    ['a blank line, then a BOM', '\n\ufeff---\nproduct_id: A\n---\n'],
    ['a comment, then a BOM', '<!-- generated -->\n\ufeff---\nproduct_id: A\n---\n'],
    ['a blank line, then a BOM and JSON', '\n\ufeff{"product_id":"A"}\n']
  ])('reads front matter after %s', (_, text) => {
    expect(idOf(text)).toBe('A')
  })

  it('counts the skipped lines in the parser line numbers', () => {
    expect(() => idOf('\n<!-- x -->\n---\nproduct_id: a\nproduct_id: b\n---\n')).toThrow(
      /at line 5/
    )
  })

  it('applies merge keys inside a nested key path', () => {
    const text = '---\nx: &x {id: N-1}\nproduct:\n  <<: *x\n---\n'
    expect(idOf(text, { kind: 'frontmatter', key: 'product.id' })).toBe('N-1')
  })

  it.each([
    ['---\nproduct_id: ~\n---\n'],
    ['---\nproduct_id: null\n---\n'],
    ['---\nproduct_id: NULL\n---\n'],
    ['---\nproduct_id:\ntitle: x\n---\n'],
    ['{"product_id": null}\n'],
    ['---\n---\nBody\n'],
    ['---\n# only a comment\n---\n'],
    ['+++\n+++\n'],
    ['+++\ntitle = "Products"\n+++\n'],
    ['# Heading\n\n---\nproduct_id: LATE\n---\n'],
    ['<!-- x -->\nText\n---\nproduct_id: LATE\n---\n'],
    ['\u00a0---\nproduct_id: A\n---\n'],
    ['-- \nproduct_id: A\n'],
    ['\n\n# Title\n']
  ])('%j names no product', text => {
    expect(idOf(text)).toBeUndefined()
  })

  it.each([
    ['+++\nproduct_id = "a"\n', /front matter has no closing `\+\+\+` line/],
    [
      '+++\nproduct_id = 00123\n+++\n',
      /not valid TOML \(Invalid TOML document: illegal leading zero at line 2\)/
    ],
    ['+++\nproduct_id = "a"\nproduct_id = "b"\n+++\n', /not valid TOML .*at line 3/],
    [
      '+++\nproduct_id = 9007199254740993\n+++\n',
      /the number 9007199254740993 .*may not be read exactly/
    ],
    ['+++\nproduct_id = 1.5\n+++\n', /the number 1\.5 is not a whole number/],
    ['+++\nproduct_id = 1979-05-27\n+++\n', /an object is not an ID/],
    ['+++\nproduct_id = true\n+++\n', /true is not an ID/],
    ['{"product_id": "a",\n', /JSON front matter has no closing `\}`/],
    ['{"product_id": "a",}\nBody\n', /JSON front matter is not valid JSON/],
    ['{{< shortcode >}}\n', /JSON front matter is not valid JSON/],
    [
      '---\nproduct_id: a\nproduct_id: b\n---\n',
      /not valid YAML \(Map keys must be unique at line 3/
    ],
    ['---\nproduct_id: !sku A-1\n---\n', /not valid YAML \(Unresolved tag: !sku at line 2/],
    ['---\nproduct_id: !!int 5\n---\n', /not valid YAML \(Unresolved tag/],
    ['---\n<<: *nowhere\n---\n', /not valid YAML/],
    ['---\nlist: &l [a]\n<<: *l\n---\n', /not valid YAML \(Merge sources must be maps/],
    ['---\n- a\n---\n', /not a mapping/],
    [
      '---\nproduct_id: A\n--- !x\nproduct_id: B\n---\n',
      /not valid YAML \(Source contains multiple documents/
    ],
    ['---\nproduct_id: [a\n---\n', /not valid YAML/],
    ['\n---\nproduct_id: A\n', /front matter has no closing `---` line/],
    ['----\nproduct_id: A\n---\n', /it starts with `----`, which is not a front matter fence/],
    ['\n---yaml\nproduct_id: A\n---\n', /it starts with `---yaml`, which is not/],
    ['<!-- x -->\n+++ toml\n', /it starts with `\+\+\+ toml`, which is not/],
    ['<!-- never closed\nproduct_id: A\n', /an HTML comment before the front matter never closes/]
  ])('%j fails naming the file and commit', (text, problem) => {
    expect(() => idOf(text)).toThrow(UnreadableFileError)
    expect(() => idOf(text)).toThrow(/^c\/x\.md at c0ffee000000: /)
    expect(() => idOf(text)).toThrow(problem)
  })

  it('never prints the YAML parser warnings: a tag line may carry workflow commands', () => {
    const warn = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined)
    const log = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
    const text = '---\n::stop-commands::tok:\n  !custom x\nproduct_id: A\n---\n'
    expect(() => idOf(text)).toThrow(/Unresolved tag: !custom at line 3/)
    // A collection as a key is read (as text); the parser would warn about it on stderr.
    expect(idOf('---\n? [::stop-commands::tok]\n: x\nproduct_id: A\n---\n')).toBe('A')
    expect(warn).not.toHaveBeenCalled()
    expect(log).not.toHaveBeenCalled()
  })
})

describe('a JSON key twice in one object fails, as in YAML and TOML', () => {
  const json: IdFrom = { kind: 'json', field: 'product_id' }

  it.each([
    [
      'front matter',
      '{"product_id": "A", "title": "x", "product_id": "A2"}\nText\n',
      fm,
      'product_id'
    ],
    ['a content file', '{"product_id": "A", "product_id": "A2"}', json, 'product_id'],
    ['spelled with an escape', '{"product_id": "A", "product\\u005fid": "A2"}', json, 'product_id'],
    ['in a nested object', '{"p": {"a": 1, "b": {"c": [1, {"d": 2}]}, "a": 3}}', json, 'a']
  ])('%s', (_, text, idFrom, key) => {
    expect(() => idOf(text, idFrom)).toThrow(UnreadableFileError)
    expect(() => idOf(text, idFrom)).toThrow(
      `c/x.md at c0ffee000000: ${idFrom === fm ? 'JSON front matter is not valid JSON' : 'not valid JSON'} (the key "${key}" appears twice in one object)`
    )
  })

  it('accepts the same key in different objects, and strings that look like keys', () => {
    const text =
      '{"a": {"product_id": "x"}, "b": [{"product_id": 1}, {"product_id": 2}], ' +
      '"c": ["product_id", "k\\",\\"product_id"], "product_id": "P-1", "d": "{\\"product_id\\": 0}"}'
    expect(idOf(text, { kind: 'json', field: 'product_id' })).toBe('P-1')
    expect(idOf('{"product_id": "P-2", "e": {}, "f": [], "g": [{}, {}]}', fm)).toBe('P-2')
  })
})

describe('missingField', () => {
  const sku: IdFrom = { kind: 'json', field: 'sku' }
  it.each([
    [sku, '{"product_id": "A", "title": "t"}', 'its keys are: product_id, title'],
    [sku, '[1]', 'it is not a JSON object'],
    [sku, '{"sku": null}', undefined],
    [fm, '+++\nsku = "A"\n[params]\nx = 1\n+++\n', 'its keys are: sku, params'],
    [fm, '---\nproduct_id: ~\n---\n', undefined],
    [fm, '---\n---\n', 'it has no front matter'],
    [fm, '{}\n', 'it has no keys'],
    [fm, '# Title\n', 'it has no front matter'],
    [{ kind: 'filename' } as IdFrom, '', undefined]
  ])('%j %j', (idFrom, text, said) => {
    expect(missingField(idFrom, 'c/x.md', at, text)).toBe(said)
  })
})
