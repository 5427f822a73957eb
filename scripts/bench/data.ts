// The IDs the sections delete and parse, and the ID files that hold them.
import { closeSync, openSync, writeSync } from 'node:fs'

export const FORMATS = ['txt', 'csv', 'tsv', 'json', 'jsonl'] as const
export type Format = (typeof FORMATS)[number]

export function makeIds(size: number): string[] {
  return Array.from({ length: size }, (_, i) => `sku-${String(i + 1).padStart(7, '0')}`)
}

/** An ID file as an export would hold it: a second column or field beside the ID. */
export function idFileText(format: Format, ids: readonly string[]): string {
  const title = (i: number) => `Product ${i + 1}`
  switch (format) {
    case 'txt':
      return `# product IDs to delete\n${ids.join('\n')}\n`
    case 'csv':
      return `product_id,title\n${ids.map((id, i) => `${id},${title(i)}`).join('\n')}\n`
    case 'tsv':
      return `product_id\ttitle\n${ids.map((id, i) => `${id}\t${title(i)}`).join('\n')}\n`
    case 'json':
      return `[${ids.map((id, i) => JSON.stringify({ product_id: id, title: title(i) })).join(',\n')}]\n`
    case 'jsonl':
      return `${ids.map((id, i) => JSON.stringify({ product_id: id, title: title(i) })).join('\n')}\n`
  }
}

/** A text file of `size` IDs, written in pieces: millions of IDs never sit in one string. */
export function writeIdLines(file: string, size: number): void {
  const fd = openSync(file, 'w')
  try {
    const piece = 100_000
    for (let start = 0; start < size; start += piece) {
      const end = Math.min(size, start + piece)
      const lines = Array.from({ length: end - start }, (_, i) => `sku-${start + i + 1}`)
      writeSync(fd, `${lines.join('\n')}\n`)
    }
  } finally {
    closeSync(fd)
  }
}
