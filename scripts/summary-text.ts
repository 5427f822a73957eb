// The job summary (Markdown with a little HTML) and the log (workflow commands) as a person
// sees them on GitHub, for a terminal: tables in aligned columns, groups as headings, the
// escapes undone. Used by `npm run demo`.

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' }

function unescape(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&(lt|gt|amp|quot);/g, (_, name: string) => ENTITIES[name])
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/<br\s*\/?>/g, ' ')
}

function cells(row: string): string[] {
  return row
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map(cell => unescape(cell.trim().replace(/\*\*|`/g, '')))
}

/** A Markdown table as columns padded to their widest cell, the head underlined. */
function table(rows: string[]): string[] {
  const body = rows.filter(row => !/^\|(\s*:?-+:?\s*\|)+$/.test(row.trim())).map(cells)
  const widths = body[0].map((_, i) => Math.max(...body.map(row => [...(row[i] ?? '')].length)))
  const line = (row: string[]) =>
    row
      .map((cell, i) => cell + ' '.repeat(widths[i] - [...cell].length))
      .join('  ')
      .trimEnd()
  const rule = widths.map(width => '─'.repeat(width)).join('  ')
  return [line(body[0]), rule, ...body.slice(1).map(line)]
}

/** The job summary as plain text. */
export function summaryText(markdown: string): string {
  const out: string[] = []
  const lines = markdown.replace(/\r\n/g, '\n').split('\n')
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim().startsWith('|')) {
      const start = i
      while (i + 1 < lines.length && lines[i + 1].trim().startsWith('|')) i++
      out.push(...table(lines.slice(start, i + 1)))
      continue
    }
    const line = lines[i]
      .replace(/<summary>(.*?)<\/summary>/g, '$1:')
      .replace(/<\/?(details|pre|code|p|div)[^>]*>/g, '')
      .replace(/^#{1,6} (.*)$/, (_, title: string) => title.toUpperCase())
      .replace(/\*\*(.*?)\*\*/g, '$1')
      .replace(/`([^`]*)`/g, '$1')
    out.push(unescape(line))
  }
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

/** The log as the runner shows it: groups as headings, masks and debug lines hidden. */
export function logText(stdout: string): string {
  return stdout
    .split('\n')
    .filter(line => !/^::(add-mask|debug|endgroup)::/.test(line))
    .map(line => line.replace(/^::group::(.*)$/, '▸ $1').replace(/^::(\w+)[^:]*::/, '$1: '))
    .join('\n')
    .trim()
}
