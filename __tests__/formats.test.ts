import { describe, it, expect } from '@jest/globals'
import { formatOf, IdFileError, idsOfLines, parseIds, splitLines } from '../src/ids/formats.js'
import { idFileFixture } from '../test/support/fixtures.js'
import { recordingLog } from '../test/support/log.js'

const FIELD = 'product_id'

/** The IdFileError that parsing throws (failing the test when it does not throw one). */
function errorOf(text: string, fileName: string, idField = FIELD): IdFileError {
  try {
    parseIds(text, fileName, idField)
  } catch (error) {
    expect(error).toBeInstanceOf(IdFileError)
    return error as IdFileError
  }
  throw new Error(`parsing ${fileName} did not fail`)
}

describe('formatOf', () => {
  it.each([
    ['ids.csv', 'csv'],
    ['ids.tsv', 'tsv'],
    ['ids.json', 'json'],
    ['ids.jsonl', 'jsonl'],
    ['ids.ndjson', 'jsonl'],
    ['lists/IDS.CSV', 'csv'],
    ['lists/Ids.NdJson', 'jsonl'],
    ['ids.txt', 'lines'],
    ['ids', 'lines'],
    ['ids.json.txt', 'lines'],
    ['data.json/ids', 'lines'],
    ['C:\\lists\\ids.tsv', 'tsv'],
    ['.csv', 'csv']
  ])('%s is %s', (name, format) => {
    expect(formatOf(name)).toBe(format)
  })
})

describe('IdFileError', () => {
  it('is an Error that names the file and the position', () => {
    const error = new IdFileError('ids.json', 'item 3', 'null is not an ID')
    expect(error).toBeInstanceOf(Error)
    expect(error.name).toBe('IdFileError')
    expect(error.message).toBe('ids.json: item 3: null is not an ID')
    expect(error.file).toBe('ids.json')
    expect(error.position).toBe('item 3')
    expect(new IdFileError('ids.json', '', 'not valid JSON').message).toBe(
      'ids.json: not valid JSON'
    )
  })
})

describe('lines', () => {
  it('reads one trimmed ID per line, skipping blank and comment lines', () => {
    expect(parseIds(idFileFixture('ids.txt'), 'ids.txt', FIELD)).toEqual([
      'SKU-1001',
      'SKU-1002',
      'SKU #3',
      'SKU 1004 large',
      'SKU-1001'
    ])
  })

  it('accepts CRLF and CR-only line endings and strips a BOM', () => {
    const expected = ['a', 'b c', 'd#1']
    expect(parseIds('\uFEFFa\r\nb c\r\n\r\n# no\r\nd#1\r\n', 'ids.txt', FIELD)).toEqual(expected)
    expect(parseIds('a\rb c\r\r# no\rd#1', 'ids.txt', FIELD)).toEqual(expected)
    expect(parseIds('a\nb c\r\n# no\rd#1\n', 'ids.txt', FIELD)).toEqual(expected)
  })

  it('strips one leading BOM and keeps U+FEFF inside an ID', () => {
    expect(parseIds('\uFEFF\uFEFFa\nx\uFEFFy', 'ids', FIELD)).toEqual(['a', 'x\uFEFFy'])
  })

  it('returns nothing for an empty or comment-only file', () => {
    expect(parseIds('', 'ids.txt', FIELD)).toEqual([])
    expect(parseIds('\uFEFF', 'ids.txt', FIELD)).toEqual([])
    expect(parseIds('\n  \n\t\n# only a comment\n', 'ids.txt', FIELD)).toEqual([])
  })

  it('reads a last line without a line break', () => {
    expect(parseIds('a\nb', 'ids.txt', FIELD)).toEqual(['a', 'b'])
  })

  it('keeps unicode, quotes and commas inside IDs', () => {
    expect(parseIds('café-1\n"quoted"\na,b\n😀\n', 'ids', FIELD)).toEqual([
      'café-1',
      '"quoted"',
      'a,b',
      '😀'
    ])
  })
})

describe('csv', () => {
  it('reads the id-field column with RFC 4180 quoting', () => {
    expect(parseIds(idFileFixture('ids.csv'), 'ids.csv', FIELD)).toEqual([
      'SKU-1001',
      'SKU-1002',
      'SKU,1003',
      'SKU "4"'
    ])
  })

  it('reads the only column whatever its name', () => {
    expect(parseIds(idFileFixture('single-column.csv'), 'single-column.csv', FIELD)).toEqual([
      'SKU-1001',
      'SKU-1002'
    ])
  })

  it('matches the header after trimming, also with a BOM and CRLF', () => {
    const text = '\uFEFF name , product_id \r\nShirt,A-1\r\nHat,"B\r\n2"\r\n'
    expect(parseIds(text, 'ids.csv', FIELD)).toEqual(['A-1', 'B\r\n2'])
  })

  it('accepts CR-only line endings', () => {
    expect(parseIds('product_id\ra\rb\r', 'ids.csv', FIELD)).toEqual(['a', 'b'])
  })

  it('uses a custom id-field', () => {
    expect(parseIds('sku,name\nA,x\nB,y\n', 'ids.csv', 'sku')).toEqual(['A', 'B'])
  })

  it('returns nothing for a header without rows', () => {
    expect(parseIds('product_id,name\n', 'ids.csv', FIELD)).toEqual([])
    expect(parseIds('product_id', 'ids.csv', FIELD)).toEqual([])
  })

  it('ignores trailing blank lines and keeps extra cells', () => {
    expect(parseIds('product_id,name\na,x,extra\n\n  \n\n', 'ids.csv', FIELD)).toEqual(['a'])
  })

  it('names the file, the field and the columns found when the column is missing', () => {
    const error = errorOf('sku,name\nA,x\n', 'lists/ids.csv')
    expect(error.message).toBe(
      'lists/ids.csv: line 1: no column "product_id" in the header row; columns found: "sku", "name"'
    )
  })

  it('refuses a header that names the ID column twice', () => {
    expect(errorOf('product_id,product_id\na,b\n', 'ids.csv').message).toBe(
      'ids.csv: line 1: the header row names column "product_id" twice'
    )
  })

  it('refuses a file without a header row', () => {
    expect(errorOf('', 'ids.csv').message).toBe(
      'ids.csv: no header row; the first line must name the columns'
    )
    expect(errorOf('\uFEFF', 'ids.csv').message).toMatch(/no header row/)
    expect(errorOf('\nproduct_id\na\n', 'ids.csv').message).toBe(
      'ids.csv: line 1: the header row is empty; it must name the columns'
    )
  })

  it('refuses an empty ID cell with its line number', () => {
    expect(errorOf('name,product_id\nx,a\ny,  \n', 'ids.csv').message).toBe(
      'ids.csv: line 3: empty ID in column "product_id"'
    )
    expect(errorOf('name,product_id\nx,""\n', 'ids.csv').message).toMatch(/^ids.csv: line 2: empty/)
  })

  it('refuses a row with too few cells with its line number', () => {
    expect(errorOf('name,price,product_id\nx,1,a\ny,2\n', 'ids.csv').message).toBe(
      'ids.csv: line 3: 2 cells, but the ID column "product_id" is column 3'
    )
  })

  it('refuses a blank line followed by more rows', () => {
    expect(errorOf('product_id\na\n\nb\n', 'ids.csv').message).toBe(
      'ids.csv: line 3: empty ID in column "product_id"'
    )
    expect(errorOf('name,product_id\nx,a\n\ny,b\n', 'ids.csv').message).toBe(
      'ids.csv: line 3: 1 cell, but the ID column "product_id" is column 2'
    )
  })

  it('counts the lines inside quoted fields', () => {
    const text = 'name,product_id\n"a\nb\r\nc\rd",x\ne,\n'
    expect(errorOf(text, 'ids.csv').message).toBe(
      'ids.csv: line 6: empty ID in column "product_id"'
    )
  })

  it('refuses a quoted field that is never closed, naming the line it opens on', () => {
    expect(errorOf('product_id\na\n"b\nc\n', 'ids.csv').message).toBe(
      'ids.csv: line 3: a quoted field is never closed'
    )
  })

  it('refuses text after a closing quote', () => {
    expect(errorOf('product_id\n"a"b\n', 'ids.csv').message).toBe(
      'ids.csv: line 2: text after the closing quote of a field'
    )
  })

  it('refuses a quote inside an unquoted field rather than guessing', () => {
    expect(errorOf('name,product_id\nx, "a,b"\n', 'ids.csv').message).toMatch(
      /^ids.csv: line 2: a quote inside an unquoted field/
    )
  })

  it('reads a last row without a line break, and an empty last cell', () => {
    expect(parseIds('product_id,name\na,\nb,x', 'ids.csv', FIELD)).toEqual(['a', 'b'])
  })

  it('cuts a very wide header short in the error', () => {
    const header = Array.from({ length: 50 }, (_, i) => `c${i}`).join(',')
    const { message } = errorOf(`${header}\n`, 'ids.csv')
    expect(message).toMatch(/"c19", and 30 more$/)
  })
})

describe('tsv', () => {
  it('splits on tabs only, with no quoting', () => {
    expect(parseIds(idFileFixture('ids.tsv'), 'ids.tsv', FIELD)).toEqual([
      'SKU-1001',
      '"SKU-1002"',
      'SKU,1003'
    ])
  })

  it('follows the same header and row rules as CSV', () => {
    expect(parseIds('sku\nA\r\nB\r\n\r\n', 'ids.tsv', FIELD)).toEqual(['A', 'B'])
    expect(errorOf('sku\tname\nA\tx\n', 'ids.tsv').message).toBe(
      'ids.tsv: line 1: no column "product_id" in the header row; columns found: "sku", "name"'
    )
    expect(errorOf('name\tproduct_id\nx\n', 'ids.tsv').message).toBe(
      'ids.tsv: line 2: 1 cell, but the ID column "product_id" is column 2'
    )
    expect(errorOf('name\tproduct_id\nx\t \n', 'ids.tsv').message).toBe(
      'ids.tsv: line 2: empty ID in column "product_id"'
    )
    expect(errorOf('', 'ids.tsv').message).toMatch(/no header row/)
  })
})

describe('json', () => {
  it('reads an array of strings (as they are) and numbers', () => {
    expect(parseIds(idFileFixture('strings.json'), 'strings.json', FIELD)).toEqual([
      'SKU-1001',
      ' SKU-1002 ',
      'SKU #3',
      '1004'
    ])
  })

  it('reads an array of objects by a dotted field path', () => {
    expect(parseIds(idFileFixture('objects.json'), 'objects.json', 'product.id')).toEqual([
      'SKU-1001',
      '1002',
      'SKU 1003'
    ])
  })

  it('reads the API request body', () => {
    expect(parseIds(idFileFixture('body.json'), 'body.json', FIELD)).toEqual([
      'SKU-1001',
      'SKU-1002'
    ])
  })

  it('strips a BOM and accepts an empty array', () => {
    expect(parseIds('\uFEFF["a"]', 'ids.json', FIELD)).toEqual(['a'])
    expect(parseIds('[]', 'ids.json', FIELD)).toEqual([])
  })

  it('takes whole numbers in their decimal form', () => {
    expect(parseIds('[0, 42, -7, 1e3, 9007199254740991]', 'ids.json', FIELD)).toEqual([
      '0',
      '42',
      '-7',
      '1000',
      '9007199254740991'
    ])
  })

  it('refuses numbers that may not be read exactly', () => {
    expect(errorOf('["a", 12345678901234567890]', 'ids.json').message).toMatch(
      /^ids.json: item 2: the number .* write the ID as a string$/
    )
    expect(errorOf('[1.5]', 'ids.json').message).toMatch(/^ids.json: item 1: the number 1.5 /)
  })

  it.each([
    ['["a", "b", null]', 'item 3: null is not an ID'],
    ['[true]', 'item 1: true is not an ID'],
    ['["a", ["b"]]', 'item 2: an array is not an ID'],
    ['[""]', 'item 1: an empty string is not an ID'],
    ['["a", "  "]', 'item 2: an empty string is not an ID'],
    ['[{"name": "x"}]', 'item 1: the object has no field "product_id"'],
    ['[{"product_id": null}]', 'item 1 field product_id: null is not an ID'],
    ['[{"product_id": false}]', 'item 1 field product_id: false is not an ID'],
    ['[{"product_id": {"id": "a"}}]', 'item 1 field product_id: an object is not an ID'],
    ['[{"product_id": " "}]', 'item 1 field product_id: an empty string is not an ID'],
    ['{"data": {"product_ids": ["a", null]}}', 'data.product_ids item 2: null is not an ID'],
    ['{"data": {"product_ids": [{"product_id": "a"}]}}', 'data.product_ids item 1: an object']
  ])('%s: %s', (text, problem) => {
    expect(errorOf(text, 'ids.json').message).toMatch(`ids.json: ${problem}`)
  })

  it('reads a dotted path through objects and array indexes', () => {
    expect(parseIds('[{"a": ["x"]}]', 'ids.json', 'a.0')).toEqual(['x'])
    expect(errorOf('[{"a": ["x"]}]', 'ids.json', 'a.1').message).toBe(
      'ids.json: item 1: the object has no field "a.1"'
    )
    expect(errorOf('[{"a": {"b": null}}]', 'ids.json', 'a.b.c').message).toBe(
      'ids.json: item 1: the object has no field "a.b.c"'
    )
    expect(errorOf('[{}]', 'ids.json', 'constructor').message).toMatch(/no field "constructor"/)
  })

  it.each([
    ['{"product_ids": ["a"]}', 'an object without data.product_ids'],
    ['{"data": {"product_ids": "a"}}', 'an object without data.product_ids'],
    ['"a"', 'a string'],
    ['42', 'a number'],
    ['null', 'null']
  ])('says which shapes are accepted for %s', (text, found) => {
    expect(errorOf(text, 'ids.json').message).toBe(
      'ids.json: expected an array of IDs, an array of objects with "product_id", or ' +
        `{"data":{"product_ids":[...]}}, but found ${found}`
    )
  })

  it('refuses text that is not JSON', () => {
    expect(errorOf('', 'ids.json').message).toMatch(/^ids.json: not valid JSON: /)
    expect(errorOf('["a",', 'ids.json').message).toMatch(/^ids.json: not valid JSON: /)
    expect(errorOf('a\nb\n', 'ids.json').message).toMatch(/^ids.json: not valid JSON: /)
  })
})

describe('jsonl', () => {
  it('reads a string, number or object per line, skipping blank lines', () => {
    const expected = ['SKU-1001', 'SKU-1002', '1003', ' SKU 1004 ']
    expect(parseIds(idFileFixture('ids.jsonl'), 'ids.jsonl', FIELD)).toEqual(expected)
    expect(parseIds(idFileFixture('ids.ndjson'), 'ids.ndjson', FIELD)).toEqual(expected)
  })

  it('accepts CRLF and CR-only line endings, a BOM and dotted fields', () => {
    const text = '\uFEFF{"p":{"id":"a"}}\r\n\r\n{"p":{"id":2}}\r{"p":{"id":"c"}}'
    expect(parseIds(text, 'ids.jsonl', 'p.id')).toEqual(['a', '2', 'c'])
  })

  it.each([
    ['"a"\n\nnope\n', 'line 3: not valid JSON: '],
    ['"a"\n{"product_id": "b"\n', 'line 2: not valid JSON: '],
    ['"a"\nnull\n', 'line 2: null is not an ID'],
    ['["a", "b"]\n', 'line 1: an array is not an ID'],
    ['"a"\n""\n', 'line 2: an empty string is not an ID'],
    ['{"name": "x"}\n', 'line 1: the object has no field "product_id"'],
    ['"a"\r\n{"product_id": true}\r\n', 'line 2 field product_id: true is not an ID'],
    ['1.25\n', 'line 1: the number 1.25']
  ])('%j: %s', (text, problem) => {
    expect(errorOf(text, 'ids.jsonl').message).toMatch(`ids.jsonl: ${problem}`)
  })

  it('returns nothing for an empty file', () => {
    expect(parseIds('', 'ids.jsonl', FIELD)).toEqual([])
    expect(parseIds('\n \r\n', 'ids.ndjson', FIELD)).toEqual([])
  })
})

describe('ID files are read as a person would read them', () => {
  /** The IDs, and the notices and warnings the reader gave. */
  function readWithNotes(text: string, fileName: string, idField = FIELD) {
    const log = recordingLog()
    const ids = parseIds(text, fileName, idField, { notes: log })
    return { ids, notices: log.of('notice'), warnings: log.of('warning') }
  }

  it('reads a CSV whose header row has `;` and no `,` as `;`-separated', () => {
    const text = 'title;product_id\r\nKettle, red;P-1\n"Mug; large";"P;2"\n'
    expect(readWithNotes(text, 'export.csv')).toEqual({
      ids: ['P-1', 'P;2'],
      notices: [],
      warnings: []
    })
  })

  it('lets the header row pick the separator of a .csv or .tsv among `,` `;` and tab', () => {
    // A comma list re-exported tab-separated keeps its .csv name; and the mirror.
    expect(parseIds('product_id\ttitle\nA\tAlpha\n"C"\t"Gam,ma"\n', 'ids.csv', FIELD)).toEqual([
      'A',
      'C'
    ])
    expect(parseIds('product_id,title\nA,x\n"B","y,z"\n', 'ids.tsv', FIELD)).toEqual(['A', 'B'])
    expect(parseIds('title;product_id\nx;A\n', 'ids.tsv', FIELD)).toEqual(['A'])
    // The extension's own separator first, when the header has it.
    expect(parseIds('product_id\tnote,x\nP-1\ta,b\n', 'ids.tsv', FIELD)).toEqual(['P-1'])
    expect(parseIds('product_id,note\tx\nP-1,a\tb\n', 'ids.csv', FIELD)).toEqual(['P-1'])
  })

  it('fails when the header row holds two separators and not the extension’s own', () => {
    expect(() => parseIds('product_id;title\tx\nA;B\tC\n', 'ids.csv', FIELD)).toThrow(
      'ids.csv: line 1: the header row holds both ";" and a tab, and not ",": which one separates the columns is unclear. Save the file with one separator'
    )
    expect(() => parseIds('product_id,title;x\nA,B;C\n', 'ids.tsv', FIELD)).toThrow(
      'ids.tsv: line 1: the header row holds both "," and ";", and not a tab'
    )
  })

  it('fails for a JSON or JSON lines ID list with a key twice in one object, naming it', () => {
    expect(() => parseIds('[{"product_id": "A", "product_id": "B"}]', 'ids.json', FIELD)).toThrow(
      'ids.json: the key "product_id" appears twice in one object'
    )
    expect(() =>
      parseIds(
        '{"product_id": "A"}\n{"product_id": "B", "x": {"product_id": 1}, "product_id": "C"}\n',
        'ids.jsonl',
        FIELD
      )
    ).toThrow('ids.jsonl: line 2: the key "product_id" appears twice in one object')
    expect(
      parseIds('[{"product_id": "A", "x": {"product_id": 1}}, "product_id"]', 'ids.json', FIELD)
    ).toEqual(['A', 'product_id'])
  })

  it('keeps `,` as the separator when the header row has one, even beside a `;`', () => {
    expect(parseIds('product_id,note;x\nP-1,a;b\n', 'ids.csv', FIELD)).toEqual(['P-1'])
    // `;` in data rows only: a one-column CSV of IDs that hold `;`
    expect(parseIds('product_id\nP;1\n', 'ids.csv', FIELD)).toEqual(['P;1'])
  })

  it('warns, naming the row, when a one-column CSV or TSV does not start with `id-field`', () => {
    for (const file of ['ids.csv', 'ids.tsv']) {
      const read = readWithNotes('P-1\nP-2\n', file)
      expect(read.ids).toEqual(['P-2'])
      expect(read.notices).toEqual([])
      expect(read.warnings).toEqual([
        `${file}: line 1, "P-1", was read as the header of its one column, not as an ID. If it is an ID, add a first line "product_id".`
      ])
    }
    expect(readWithNotes('product_id\nP-2\n', 'ids.csv').warnings).toEqual([])
    expect(readWithNotes('sku\nP-2\n', 'ids.csv', 'sku').warnings).toEqual([])
    // several columns: the header must name `id-field`, so nothing is ambiguous
    expect(readWithNotes('product_id,title\nP-2,x\n', 'ids.csv').warnings).toEqual([])
  })

  it("takes a text list's first line that is the `id-field` name as a header, with a notice", () => {
    const notice =
      'ids.txt: its first line "product_id" is the `id-field` name, so it was read as a header line, not as an ID.'
    expect(readWithNotes('\uFEFFproduct_id\r\nP-1\nP-2\n', 'ids.txt')).toEqual({
      ids: ['P-1', 'P-2'],
      notices: [notice],
      warnings: []
    })
    // after comments and blank lines, it is still the first line of the list
    expect(readWithNotes('# retired\n\n  product_id  \nP-1\n', 'ids.txt').ids).toEqual(['P-1'])
    // anywhere else it is an ID like any other
    expect(readWithNotes('P-1\nproduct_id\n', 'ids.txt')).toEqual({
      ids: ['P-1', 'product_id'],
      notices: [],
      warnings: []
    })
    expect(readWithNotes('product_id\nP-1\n', 'ids.txt', 'sku').ids).toEqual(['product_id', 'P-1'])
    expect(readWithNotes('sku\nP-1\n', 'ids.txt', 'sku').ids).toEqual(['P-1'])
  })

  it('refuses a text line longer than the bound, naming the file and the line', () => {
    const lines = (text: string) => splitLines(text)
    expect(() => idsOfLines(lines(`P-1\r\n\n${'x'.repeat(11)}\nP-2\n`), 'ids.txt', 1, 10)).toThrow(
      'ids.txt: line 3: longer than 10 characters, far beyond any ID: this is not a list of one ID per line'
    )
    // a part of a file counts its lines from where it starts
    expect(() => idsOfLines(lines(`P-1\n${'x'.repeat(11)}`), 'ids.txt', 41, 10)).toThrow(
      'ids.txt: line 42: longer than 10 characters'
    )
    expect(idsOfLines(lines(`${'x'.repeat(10)}\nP-2\n`), 'ids.txt', 1, 10)).toEqual([
      'x'.repeat(10),
      'P-2'
    ])
    expect(() => parseIds(`P-1\n${'x'.repeat(1024 * 1024 + 1)}\n`, 'ids.txt', FIELD)).toThrow(
      'ids.txt: line 2: longer than 1,048,576 characters'
    )
  })
})
