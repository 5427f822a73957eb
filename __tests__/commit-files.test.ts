import { describe, expect, it } from '@jest/globals'
import { commitFiles, type ObjectReader, type TreeEntry } from '../src/diff/commit-files.js'

/** A commit's tree in memory: path → file text, `-> target` for a link, `@` for a submodule. */
function readerOf(tree: Record<string, string>): ObjectReader {
  const entries = new Map<string, TreeEntry>()
  const blobs = new Map<string, Buffer>()
  for (const [p, text] of Object.entries(tree)) {
    const object = `obj-${p}`
    if (text === '@') entries.set(p, { mode: '160000', object })
    else if (text.startsWith('-> ')) {
      entries.set(p, { mode: '120000', object })
      blobs.set(object, Buffer.from(text.slice(3)))
    } else {
      entries.set(p, { mode: '100644', object })
      blobs.set(object, Buffer.from(text))
    }
  }
  return {
    tree: async () => new Map(entries),
    blobs: async objects => new Map(objects.map(o => [o, blobs.get(o) as Buffer]))
  }
}

describe('commitFiles: links to folders past the bound', () => {
  // 3 files in the folder; links to it add 3 paths each.
  const tree: Record<string, string> = {
    'shop/a.md': 'A',
    'shop/b.md': 'B',
    'shop/deep/c.md': 'C',
    'other/x.md': 'X'
  }
  const withLinks = (count: number) => {
    const linked: Record<string, string> = { ...tree, 'small/link': '-> ../other' }
    for (let i = 1; i <= count; i++) linked[`pages/v${i}`] = '-> ../shop'
    return readerOf(linked)
  }

  it('lists them up to the bound', async () => {
    // 3 links x 3 files + 1 = 10 paths added
    const paths = await commitFiles(withLinks(3), 10).paths('c0ffee0123')
    expect(paths).toHaveLength(4 + 10)
    expect(paths).toContain('pages/v3/deep/c.md')
  })

  it('fails past it, naming the largest links and the way out, rather than leave any out', async () => {
    const listing = commitFiles(withLinks(7), 10).paths('c0ffee0'.padEnd(40, '1'))
    await expect(listing).rejects.toThrow(
      'At c0ffee011111, 8 symbolic links to folders would add 22 paths (more than 10, far beyond any catalog): ' +
        'pages/v1 -> shop (3 files), pages/v2 -> shop (3 files), pages/v3 -> shop (3 files), ' +
        'pages/v4 -> shop (3 files), pages/v5 -> shop (3 files), and 3 more. ' +
        "A product named under such a link is live at the link's path, so none of them can be left out. " +
        'Replace the links to large folders by fewer links (or links to the files that are needed), ' +
        'or give the IDs through `product-ids` or `ids-file` instead of the diff source. Nothing was deleted.'
    )
  })
})

describe('commitFiles: links to folders', () => {
  const tree = {
    'products/a.md': 'A',
    'products/shared': '-> ../common/products',
    'common/products/b.md': 'B',
    'common/products/deep/c.md': 'C',
    'common/products/vendor': '@',
    'ids/current': '-> v2',
    'ids/v2/list.txt': 'SKU-1',
    'ids/v2/again': '-> ../v2',
    'ids/file-link.txt': '-> v2/list.txt',
    'loop/up': '-> ..',
    'loop/root': '-> ../',
    'gone/nowhere': '-> ../missing',
    'out/side': '-> ../../etc'
  }

  it('lists the files under a link to a folder under the link too, as a checkout shows them', async () => {
    const paths = await commitFiles(readerOf(tree)).paths('c')
    expect(paths).toEqual(
      expect.arrayContaining([
        'products/shared/b.md',
        'products/shared/deep/c.md',
        'ids/current/list.txt',
        'ids/file-link.txt',
        'gone/nowhere'
      ])
    )
    // the links to folders are folders, not files; a submodule is no file either
    expect(paths).not.toContain('products/shared')
    expect(paths).not.toContain('ids/current')
    expect(paths).not.toContain('products/shared/vendor')
    // links to the root or to their own folder are not expanded, nor links outside
    expect(paths.filter(p => p.startsWith('loop/up/') || p.startsWith('loop/root/'))).toEqual([])
    expect(paths.filter(p => p.startsWith('out/side/'))).toEqual([])
    expect(paths.filter(p => p.startsWith('ids/v2/again/'))).toEqual([])
  })

  it('reads a file through a link to a folder, as its target', async () => {
    const files = commitFiles(readerOf(tree))
    const texts = await files.read('c', ['products/shared/deep/c.md', 'ids/current/list.txt'])
    expect(Object.fromEntries(texts)).toEqual({
      'products/shared/deep/c.md': 'C',
      'ids/current/list.txt': 'SKU-1'
    })
  })

  it('still refuses a path that is no file, and a link to a folder read as a file', async () => {
    const files = commitFiles(readerOf(tree))
    await expect(files.read('c', ['products/none.md'])).rejects.toThrow(
      'products/none.md at c is not a file'
    )
    await expect(files.read('c', ['ids/current'])).rejects.toThrow(
      'is a symbolic link to the folder ids/v2, not to a file'
    )
  })
})

describe('commitFiles: text that is not UTF-8', () => {
  it('fails naming the file and the commit, and the way out; a BOM is fine', async () => {
    const reader = readerOf({ 'ids/ok.txt': '\uFEFFCAFÉ-1\n', 'ids/latin1.txt': '' })
    const bytes = Buffer.from('CAF\xc9-1\nC-3\n', 'latin1')
    const blobs = reader.blobs
    reader.blobs = async objects =>
      new Map(
        [...(await blobs(objects))].map(([o, b]) => [o, o.endsWith('latin1.txt') ? bytes : b])
      )
    const files = commitFiles(reader)
    const commit = 'c0ffee'.padEnd(40, '0')
    expect(await files.read(commit, ['ids/ok.txt'])).toEqual(
      new Map([['ids/ok.txt', '\uFEFFCAFÉ-1\n']])
    )
    await expect(files.read(commit, ['ids/latin1.txt'])).rejects.toThrow(
      'ids/latin1.txt at c0ffee000000 is not valid UTF-8 text (saved in another encoding, such as Windows-1252 or Latin-1?), so its IDs cannot be read: save it as UTF-8'
    )
  })
})
