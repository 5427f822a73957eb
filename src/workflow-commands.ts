// The runner's side of a step, as GitHub documents it: inputs from `INPUT_*` variables,
// workflow commands on stdout (`::name key=value::data`), and the files named by
// GITHUB_OUTPUT and GITHUB_STEP_SUMMARY. Written here rather than loaded from @actions/core,
// whose import also loads an HTTP client the action never calls: a third of its start-up.
// The formats are the toolkit's own, so the runner reads them alike.
import { randomUUID } from 'node:crypto'
import { accessSync, appendFileSync, constants, existsSync } from 'node:fs'
import { appendFile } from 'node:fs/promises'
import { EOL } from 'node:os'

/** Where an annotation points: a file and the lines and columns in it, and a title. */
export interface AnnotationProperties {
  title?: string
  file?: string
  startLine?: number
  endLine?: number
  startColumn?: number
  endColumn?: number
}

/** The `with:` value of an input, trimmed (`''` when not given). */
export function getInput(name: string, env: NodeJS.ProcessEnv = process.env): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim()
}

/** Whether step debug logging is on. */
export function isDebug(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.RUNNER_DEBUG === '1'
}

/** A line of the log as it is: the caller has made it safe (channel.ts). */
export function info(message: string): void {
  process.stdout.write(message + EOL)
}

/** `::name key=value,…::data`, the data and each value escaped as the runner expects. */
export function command(
  name: string,
  message: string,
  properties: Record<string, string | number | undefined> = {}
): void {
  const props = Object.entries(properties)
    .filter(([, value]) => value !== undefined && value !== '' && value !== 0)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',')
  process.stdout.write(`::${name}${props ? ` ${props}` : ''}::${escapeData(message)}${EOL}`)
}

/** An annotation (`error`, `warning`, `notice`), at a file and line when given. */
export function annotation(
  level: 'error' | 'warning' | 'notice',
  message: string,
  where: AnnotationProperties = {}
): void {
  command(level, message, {
    title: where.title,
    file: where.file,
    line: where.startLine,
    endLine: where.endLine,
    col: where.startColumn,
    endColumn: where.endColumn
  })
}

/** Sets a step output: a block in the GITHUB_OUTPUT file, ended by a delimiter of its own. */
export function setOutput(name: string, value: string, env: NodeJS.ProcessEnv = process.env): void {
  const file = env.GITHUB_OUTPUT ?? ''
  if (file === '') {
    // Outside the runner (a local run): the old command, so the value is still seen.
    process.stdout.write(EOL)
    command('set-output', value, { name })
    return
  }
  const delimiter = `ghadelimiter_${randomUUID()}`
  if (name.includes(delimiter) || value.includes(delimiter)) {
    throw new Error(`Unexpected input: the output ${name} holds its own delimiter`)
  }
  if (!existsSync(file)) throw new Error(`Missing file at path: ${file}`)
  appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, 'utf8')
}

/** Appends Markdown to the job summary; throws when there is none to write to. */
export async function appendSummary(
  markdown: string,
  env: NodeJS.ProcessEnv = process.env
): Promise<void> {
  const file = env.GITHUB_STEP_SUMMARY ?? ''
  if (file === '') {
    throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY.')
  }
  try {
    accessSync(file, constants.R_OK | constants.W_OK)
  } catch {
    throw new Error(`Unable to access summary file: '${file}'.`)
  }
  await appendFile(file, markdown, 'utf8')
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}
