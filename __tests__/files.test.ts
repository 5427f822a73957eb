import { execFileSync } from 'node:child_process'
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals'
import { readIdFiles } from '../src/ids/formats.js'
import { IdFileError } from '../src/ids/formats.js'
import { recordingLog } from '../test/support/log.js'

const FIELD = 'product_id'
let base: string
let ws: string
let outside: string

function write(relative: string, content: string | Uint8Array): void {
  const full = path.join(ws, relative)
  mkdirSync(path.dirname(full), { recursive: true })
  writeFileSync(full, content)
}

function read(patterns: string[], workspace = ws) {
  return readIdFiles(patterns, workspace, FIELD)
}

beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'id-files-'))
  ws = path.join(base, 'workspace')
  outside = path.join(base, 'outside')
  mkdirSync(ws)
  mkdirSync(outside)
  writeFileSync(path.join(outside, 'secret.txt'), 'OUTSIDE-1\n')

  write('ids.txt', '# retired\nA-1\nA-2\n')
  write('lists/b.txt', 'B-1\n')
  write('lists/a.csv', 'name,product_id\nx,C-1\n')
  write('lists/nested/d.json', '["D-1", 2]')
  write('lists/nested/e.jsonl', '{"product_id":"E-1"}\n')
  write('lists/.hidden.txt', 'H-1\n')
  write('.dot/f.txt', 'F-1\n')
  write('.git/info/exclude.txt', 'GIT-1\n')
  write('bad/broken.json', '[null]')
  write('bin/ids.bin', new Uint8Array([0x41, 0x0a, 0x00, 0x42]))
  write('odd/latin1.txt', new Uint8Array([0x41, 0xe9, 0x0a, 0xef, 0xbb, 0xbf]))
  write('odd/bom.txt', '\uFEFFBOM-1\r\nBOM-2')

  symlinkSync('../ids.txt', path.join(ws, 'lists/link-in.txt'))
  mkdirSync(path.join(ws, 'links'))
  symlinkSync(path.join(outside, 'secret.txt'), path.join(ws, 'links/out.txt'))
  symlinkSync(outside, path.join(ws, 'outdir'))
  symlinkSync(ws, path.join(base, 'ws-link'))
})

afterAll(() => {
  rmSync(base, { recursive: true, force: true })
})

describe('readIdFiles', () => {
  it('reads a plain path into a file group', async () => {
    expect(await read(['ids.txt'])).toEqual([
      { kind: 'file', name: 'ids.txt', ids: ['A-1', 'A-2'] }
    ])
  })

  it('normalises a plain path that stays inside the workspace', async () => {
    const groups = await read(['./lists/../ids.txt'])
    expect(groups.map(group => group.name)).toEqual(['ids.txt'])
  })

  it('reads every file a glob matches, each by its own format, sorted by path', async () => {
    const groups = await read(['lists/**/*.{csv,json,jsonl}'])
    expect(groups).toEqual([
      { kind: 'file', name: 'lists/a.csv', ids: ['C-1'] },
      { kind: 'file', name: 'lists/nested/d.json', ids: ['D-1', '2'] },
      { kind: 'file', name: 'lists/nested/e.jsonl', ids: ['E-1'] }
    ])
  })

  it('reads each file once when several patterns match it', async () => {
    const groups = await read(['lists/*.txt', 'ids.txt', 'lists/b.txt', '  ', 'lists/b.txt'])
    expect(groups.map(group => group.name)).toEqual([
      'ids.txt',
      'lists/.hidden.txt',
      'lists/b.txt',
      'lists/link-in.txt'
    ])
  })

  it('reads a symlink that stays inside the workspace under its own name', async () => {
    const groups = await read(['lists/link-in.txt'])
    expect(groups).toEqual([{ kind: 'file', name: 'lists/link-in.txt', ids: ['A-1', 'A-2'] }])
  })

  it('works when the workspace path itself goes through a symlink', async () => {
    const groups = await read(['ids.txt'], path.join(base, 'ws-link'))
    expect(groups).toEqual([{ kind: 'file', name: 'ids.txt', ids: ['A-1', 'A-2'] }])
  })

  it('matches dot files like any other, as the diff sources do, but never inside .git', async () => {
    const all = await read(['**/*.txt', '!{links,outdir,odd}/**'])
    expect(all.map(group => group.name)).toEqual([
      '.dot/f.txt',
      'ids.txt',
      'lists/.hidden.txt',
      'lists/b.txt',
      'lists/link-in.txt'
    ])
    const dotted = await read(['.dot/*.txt', 'lists/.*.txt'])
    expect(dotted.map(group => group.name)).toEqual(['.dot/f.txt', 'lists/.hidden.txt'])
  })

  it('chooses only what a plain pattern matches and no "!" pattern does', async () => {
    // Only "!" patterns choose nothing; they never widen the choice.
    expect(await read(['!lists/b.txt'])).toEqual([])
    const narrowed = await read(['lists/*.txt', '!lists/.hidden.txt', '!**/link-*'])
    expect(narrowed.map(group => group.name)).toEqual(['lists/b.txt'])
  })

  it('leaves out files matched by a "!" pattern', async () => {
    const groups = await read(['lists/*.txt', '!lists/link-*'])
    expect(groups.map(group => group.name)).toEqual(['lists/.hidden.txt', 'lists/b.txt'])
    const dotSlash = await read(['lists/*.txt', '!./lists/link-*'])
    expect(dotSlash.map(group => group.name)).toEqual(['lists/.hidden.txt', 'lists/b.txt'])
    await expect(read(['ids.txt', '!'])).rejects.toThrow('ids-file: "!" names nothing to leave out')
    await expect(read(['lists/b.txt', '!**/b.txt'])).rejects.toThrow(
      'ids-file: "lists/b.txt" matches no file'
    )
  })

  it('refuses a glob that matches nothing', async () => {
    await expect(read(['ids.txt', 'lists/*.xml'])).rejects.toThrow(
      'ids-file: "lists/*.xml" matches no file'
    )
  })

  it('refuses a plain path that does not exist', async () => {
    await expect(read(['missing.txt'])).rejects.toThrow('ids-file: "missing.txt" matches no file')
    await expect(read(['ids.txt/more'])).rejects.toThrow('ids-file: "ids.txt/more" matches no file')
  })

  it('refuses a plain path that climbs out of the workspace', async () => {
    await expect(read(['../outside/secret.txt'])).rejects.toThrow(
      'ids-file: "../outside/secret.txt" is outside the workspace'
    )
    await expect(read(['lists/../../outside/secret.txt'])).rejects.toThrow(/outside the workspace/)
  })

  it('refuses ".." in a glob', async () => {
    await expect(read(['../outside/*.txt'])).rejects.toThrow(
      'ids-file: "../outside/*.txt": ".." is not allowed in a glob pattern'
    )
  })

  it('takes an absolute path or glob inside the workspace, named as if relative', async () => {
    expect(await read([path.join(ws, 'ids.txt')])).toEqual([
      { kind: 'file', name: 'ids.txt', ids: ['A-1', 'A-2'] }
    ])
    expect(
      (await read([`${ws}/lists/*.txt`, `!${ws}/lists/link-in.txt`])).map(g => g.name)
    ).toEqual(['lists/.hidden.txt', 'lists/b.txt'])
  })

  it('takes an absolute path or glob inside RUNNER_TEMP, named by its absolute path', async () => {
    const temp = path.join(base, 'runner-temp')
    mkdirSync(path.join(temp, 'exports'), { recursive: true })
    writeFileSync(path.join(temp, 'exports', 'gone.txt'), 'T-1\nT-2\n')
    symlinkSync(path.join(outside, 'secret.txt'), path.join(temp, 'exports', 'out.txt'))
    const inTemp = (patterns: string[]) => readIdFiles(patterns, ws, FIELD, temp)
    expect(await inTemp([path.join(temp, 'exports', 'gone.txt'), 'ids.txt'])).toEqual([
      { kind: 'file', name: `${temp}/exports/gone.txt`, ids: ['T-1', 'T-2'] },
      { kind: 'file', name: 'ids.txt', ids: ['A-1', 'A-2'] }
    ])
    expect((await inTemp([`${temp}/exports/g*.txt`])).map(g => g.name)).toEqual([
      `${temp}/exports/gone.txt`
    ])
    // The same rules as in the workspace: no link out, no `..` out.
    await expect(inTemp([path.join(temp, 'exports', 'out.txt')])).rejects.toThrow(
      /out\.txt is a link to .*secret\.txt, outside RUNNER_TEMP/
    )
    await expect(inTemp([`${temp}/../outside/secret.txt`])).rejects.toThrow(
      /is outside the workspace and RUNNER_TEMP/
    )
    await expect(inTemp([`${temp}/../outside/*.txt`])).rejects.toThrow(
      /".." is not allowed in a glob pattern/
    )
    // Without RUNNER_TEMP (a local run) the same path is outside.
    await expect(read([path.join(temp, 'exports', 'gone.txt')])).rejects.toThrow(
      /is outside the workspace; give a path relative to the workspace/
    )
  })

  it('refuses an absolute path outside the workspace and RUNNER_TEMP', async () => {
    const absolute = path.join(outside, 'secret.txt')
    await expect(read([absolute])).rejects.toThrow(
      `ids-file: "${absolute}" is outside the workspace; give a path relative to the workspace`
    )
    await expect(read([`${ws}/../outside/secret.txt`])).rejects.toThrow(/is outside the workspace/)
    await expect(read(['/etc/*'])).rejects.toThrow(/is outside the workspace/)
  })

  it('refuses a symlink to a file outside the workspace, by path or by glob', async () => {
    await expect(read(['links/out.txt'])).rejects.toThrow(
      `ids-file: links/out.txt is a link to ${path.join(outside, 'secret.txt')}, outside the workspace`
    )
    await expect(read(['links/*'])).rejects.toThrow(/links\/out.txt is a link to .* outside/)
  })

  it('refuses files reached through a symlinked directory outside the workspace', async () => {
    await expect(read(['outdir/secret.txt'])).rejects.toThrow(/outdir\/secret.txt is a link to/)
    await expect(read(['outdir/*.txt'])).rejects.toThrow(/outside the workspace/)
  })

  it('refuses a directory given as a plain path', async () => {
    await expect(read(['lists'])).rejects.toThrow(
      'ids-file: "lists" is a directory; name its files, e.g. "lists/*.csv"'
    )
    await expect(read(['lists/'])).rejects.toThrow('e.g. "lists/*.csv"')
    await expect(read(['.'])).rejects.toThrow('ids-file: "." is a directory')
  })

  it('refuses a binary file', async () => {
    await expect(read(['bin/ids.bin'])).rejects.toThrow(
      'ids-file: bin/ids.bin is binary (it contains NUL bytes), not a list of IDs'
    )
  })

  it('refuses a file that is not a regular file instead of blocking on it', async () => {
    execFileSync('mkfifo', [path.join(ws, 'odd/pipe.txt')])
    try {
      await expect(read(['odd/pipe.txt'])).rejects.toThrow(
        'ids-file: odd/pipe.txt is not a regular file'
      )
    } finally {
      rmSync(path.join(ws, 'odd/pipe.txt'))
    }
  })

  // Permission bits do not stop root, so this case only runs as another user.
  const itUnlessRoot = process.getuid?.() === 0 ? it.skip : it
  itUnlessRoot('refuses an unreadable file', async () => {
    write('odd/locked.txt', 'L-1\n')
    chmodSync(path.join(ws, 'odd/locked.txt'), 0o000)
    try {
      await expect(read(['odd/locked.txt'])).rejects.toThrow(/^ids-file: cannot read odd\/locked/)
    } finally {
      rmSync(path.join(ws, 'odd/locked.txt'))
    }
  })

  it('strips a BOM', async () => {
    expect(await read(['odd/bom.txt'])).toEqual([
      { kind: 'file', name: 'odd/bom.txt', ids: ['BOM-1', 'BOM-2'] }
    ])
  })

  it('fails for a file that is not UTF-8, naming it and the way out: its IDs would protect nothing', async () => {
    await expect(read(['odd/latin1.txt'])).rejects.toThrow(
      'ids-file: odd/latin1.txt is not valid UTF-8 text (saved in another encoding, such as Windows-1252 or Latin-1?), so its IDs cannot be read: save it as UTF-8'
    )
  })

  it('passes a malformed list on as an IdFileError naming the workspace-relative path', async () => {
    const failure = read(['bad/broken.json'])
    await expect(failure).rejects.toBeInstanceOf(IdFileError)
    await expect(failure).rejects.toThrow('bad/broken.json: item 1: null is not an ID')
  })

  it('reads nothing for no patterns', async () => {
    expect(await read([])).toEqual([])
  })
})

describe('readIdFiles: files read in chunks', () => {
  // Text files are read in chunks of 64 MiB, so their size is not bound by the V8 string limit
  // (about 512 MiB); small chunks here take the same path.
  const chunked = (patterns: string[], chunkBytes: number) =>
    readIdFiles(patterns, ws, FIELD, undefined, { chunkBytes })

  it('reads the same IDs as a whole read, whatever the chunk size', async () => {
    const text =
      '\uFEFF# header\r\nA-1\r\n  é-2  \n\n#c\nSKU #3\rsnow☃-4\r\n' +
      Array.from({ length: 200 }, (_, i) => `ID-${i}`).join('\n') +
      '\nlast'
    write('big/mixed.txt', text)
    const whole = await read(['big/mixed.txt'])
    expect(whole[0].ids.slice(0, 5)).toEqual(['A-1', 'é-2', 'SKU #3', 'snow☃-4', 'ID-0'])
    expect(whole[0].ids.at(-1)).toBe('last')
    // sizes that split CRLF pairs, multi-byte characters and the BOM
    for (const chunkBytes of [1, 2, 3, 5, 7, 64, 1000]) {
      expect(await chunked(['big/mixed.txt'], chunkBytes)).toEqual(whole)
    }
  })

  it('fails for bytes that are not UTF-8 in any chunk, never for a character split by one', async () => {
    write('big/split.txt', '\uFEFFCAFÉ-1\n☃-2\n€-3\n')
    for (const chunkBytes of [1, 2, 3, 4]) {
      expect(await chunked(['big/split.txt'], chunkBytes)).toEqual([
        { kind: 'file', name: 'big/split.txt', ids: ['CAFÉ-1', '☃-2', '€-3'] }
      ])
    }
    // A cut-off character at the very end is no UTF-8 either.
    write('big/latin1.txt', Buffer.from('B-2\nC-3\nCAF\xc9-1\n', 'latin1'))
    write('big/cut.txt', Buffer.from('B-2\nC-3\nCAF\xc3', 'latin1'))
    for (const file of ['big/latin1.txt', 'big/cut.txt']) {
      await expect(chunked([file], 4)).rejects.toThrow(`ids-file: ${file} is not valid UTF-8 text`)
    }
  })

  it('refuses a line longer than the bound, naming the line, before the line is whole', async () => {
    const long = 'y'.repeat(1024 * 1024)
    write('big/long-line.txt', `AB\r\nCD\r\n${long}y\nP-4\n`)
    await expect(chunked(['big/long-line.txt'], 4096)).rejects.toThrow(
      'big/long-line.txt: line 3: longer than 1,048,576 characters, far beyond any ID'
    )
    write('big/long-line.txt', `AB\r\nCD\r\n${long}\nP-4\n`)
    const [group] = await chunked(['big/long-line.txt'], 4096)
    expect(group.ids).toEqual(['AB', 'CD', long, 'P-4'])
  })

  it('takes a first line that is the `id-field` name as a header, with a notice', async () => {
    write('big/headed.txt', 'product_id\nP-1\nP-2\n')
    const notes = recordingLog()
    const options = { chunkBytes: 4, notes }
    const [group] = await readIdFiles(['big/headed.txt'], ws, FIELD, undefined, options)
    expect(group.ids).toEqual(['P-1', 'P-2'])
    expect(notes.of('notice')).toEqual([
      'big/headed.txt: its first line "product_id" is the `id-field` name, so it was read as a header line, not as an ID.'
    ])
  })

  it('still refuses a binary file', async () => {
    await expect(chunked(['bin/ids.bin'], 3)).rejects.toThrow(
      /^ids-file: bin\/ids\.bin is binary \(it contains NUL bytes\)/
    )
  })

  it('refuses other formats over the longest string, naming the file and its size', async () => {
    // A sparse file: its size is what counts, it is never read.
    write('big/huge.json', '')
    truncateSync(path.join(ws, 'big/huge.json'), 0x1fffffe8 + 1)
    await expect(read(['big/huge.json'])).rejects.toThrow(
      'ids-file: big/huge.json is 512.0 MiB, too large to read as JSON; ' +
        'give IDs this many as a text file, one per line'
    )
  })
})
