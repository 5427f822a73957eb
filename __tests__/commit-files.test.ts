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
