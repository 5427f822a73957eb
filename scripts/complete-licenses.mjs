// ncc writes the licence file once per chunk, each run overwriting the last, so
// dist/licenses.txt would list only some bundled packages. Rebuild it from every
// production package in the lock file (a superset of what the bundle contains).
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs'
import path from 'node:path'

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'))
const entries = []
for (const [where, info] of Object.entries(lock.packages)) {
  if (!where.startsWith('node_modules/') || info.dev || info.devOptional) continue
  const dir = where
  if (!existsSync(dir)) continue
  const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'))
  const file = readdirSync(dir).find(f => /^(licen[cs]e|copying)(\.|$)/i.test(f))
  const text = file ? readFileSync(path.join(dir, file), 'utf8').trim() : ''
  entries.push({ name: pkg.name, version: pkg.version, license: pkg.license ?? '', text })
}
entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
const seen = new Set()
const out = []
for (const e of entries) {
  const key = `${e.name}@${e.version}`
  if (seen.has(key)) continue
  seen.add(key)
  out.push(
    `${e.name}@${e.version}\n${e.license}\n${e.text || '(no licence file in the package)'}\n`
  )
}
writeFileSync('dist/licenses.txt', out.join('\n'))
console.log(`dist/licenses.txt: ${out.length} packages`)
