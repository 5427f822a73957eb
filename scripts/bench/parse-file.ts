// Reads one ID file the way the action does (readIdFiles: read, decode, parse) in a process of
// its own, so the peak RSS it prints is the parse's and not the benchmark's. Run by parse.ts:
//   node --import tsx scripts/bench/parse-file.ts FILE [ID_FIELD]
// Prints one JSON line: { ids, ms, baselineRssKiB, maxRssKiB }.
import * as path from 'node:path'
import { readIdFiles } from '../../src/ids/formats.js'

const [file, idField = 'product_id'] = process.argv.slice(2)
if (!file) throw new Error('usage: parse-file.ts FILE [ID_FIELD]')

// What the process holds before the file is read (Node, the TypeScript loader, the modules).
const baselineRssKiB = process.resourceUsage().maxRSS
const started = performance.now()
const groups = await readIdFiles([path.basename(file)], path.dirname(file), idField)
const ms = performance.now() - started
const maxRssKiB = process.resourceUsage().maxRSS
const ids = groups.reduce((sum, group) => sum + group.ids.length, 0)
process.stdout.write(JSON.stringify({ ids, ms, baselineRssKiB, maxRssKiB }) + '\n')
