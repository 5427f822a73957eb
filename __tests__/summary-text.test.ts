import { describe, expect, it } from '@jest/globals'
import { logText, summaryText } from '../scripts/summary-text.js'

describe("the demo's plain-text view of the job summary and the log", () => {
  it('aligns a table, undoes the escapes and keeps an escaped pipe inside its cell', () => {
    const markdown = [
      '## ✅ Miso bulk delete: succeeded',
      '',
      '| Source | IDs | First IDs |',
      '| --- | ---: | --- |',
      '| ID file `a\\|b.csv` | 2 | sku&#45;1, x&lt;y |',
      '| Input **product-ids** | 10 | p |',
      '',
      '<details><summary>Kept (1)</summary>',
      '',
      'sku-3',
      '</details>'
    ].join('\n')
    expect(summaryText(markdown)).toBe(
      [
        '✅ MISO BULK DELETE: SUCCEEDED',
        '',
        'Source             IDs  First IDs',
        '─────────────────  ───  ──────────',
        'ID file a|b.csv    2    sku-1, x<y',
        'Input product-ids  10   p',
        '',
        'Kept (1):',
        '',
        'sku-3'
      ].join('\n')
    )
  })

  it('shows groups as headings and hides masks, debug lines and group ends', () => {
    const stdout =
      '::add-mask::k\n::group::Plan\nsku-1\n::endgroup::\n::debug::x\n::notice title=T::Kept 2\n'
    expect(logText(stdout)).toBe('▸ Plan\nsku-1\nnotice: Kept 2')
  })
})
