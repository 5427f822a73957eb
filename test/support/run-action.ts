// Runs the bundled action (dist/index.js) as a child process the way the GitHub
// runner does: INPUT_* variables from action.yml with its defaults, and the
// GITHUB_OUTPUT / GITHUB_STEP_SUMMARY / GITHUB_EVENT_PATH / RUNNER_TEMP files.
// Used by the end-to-end tests, the demo and the benchmarks.
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { assertFreshDist } from '../../scripts/dist.js'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

export interface RunActionOptions {
  inputs?: Record<string, string>
  /**
   * `with:` keys that action.yml does not declare (a misspelled `dry_run`): passed as
   * INPUT_* variables the way the runner passes any key, which `inputs` refuses to do.
   */
  undeclaredInputs?: Record<string, string>
  /** Event name and payload; written to GITHUB_EVENT_PATH. */
  event?: { name: string; payload: unknown }
  /** GITHUB_WORKSPACE and the working directory; a new temp dir by default. */
  workspace?: string
  /** Extra environment (e.g. HTTP_PROXY); the parent's PATH and HOME are kept. */
  env?: Record<string, string>
  /** Send this signal once stdout contains `afterOutput` (or after `afterMs`). */
  kill?: { signal: NodeJS.Signals; afterOutput?: string; afterMs?: number }
  /** Give up after this long (kills the child). */
  timeoutMs?: number
}

export interface ActionRun {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  /** The GITHUB_STEP_SUMMARY file the action wrote. */
  summaryFile: string
  workspace: string
  runnerTemp: string
  elapsedMs: number
}

interface ActionYml {
  inputs: Record<string, { default?: string }>
}

/** The INPUT_* variables the runner would set: every input, given or default. */
export function inputEnv(inputs: Record<string, string> = {}): Record<string, string> {
  const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as ActionYml
  const env: Record<string, string> = {}
  for (const [name, spec] of Object.entries(action.inputs)) {
    let value = inputs[name] ?? spec.default ?? ''
    // The runner evaluates expressions; the only one in our defaults is the token.
    if (value.includes('${{')) value = ''
    env[inputVariable(name)] = value
  }
  for (const name of Object.keys(inputs)) {
    if (!(name in action.inputs)) throw new Error(`action.yml has no input named ${name}`)
  }
  return env
}

/** The runner's variable for a `with:` key: spaces become `_`, letters upper case. */
function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

/** Parses the runner's GITHUB_OUTPUT file format (name<<delimiter … delimiter). */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i])
    if (heredoc) {
      const [, name, delimiter] = heredoc
      const value: string[] = []
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i])
      outputs[name] = value.join('\n')
    } else if (lines[i].includes('=')) {
      const at = lines[i].indexOf('=')
      outputs[lines[i].slice(0, at)] = lines[i].slice(at + 1)
    }
  }
  return outputs
}

/** The files and environment the runner gives a step, in a new temp home. */
export interface PreparedRun {
  home: string
  workspace: string
  runnerTemp: string
  outputFile: string
  summaryFile: string
  env: Record<string, string>
}

let distChecked = false

/** Writes the event, output and summary files and builds the step's environment. */
export function prepareRun(options: RunActionOptions = {}): PreparedRun {
  // A run of an old bundle would test code that is no longer there.
  if (!distChecked) assertFreshDist(ROOT)
  distChecked = true
  const home = mkdtempSync(path.join(os.tmpdir(), 'action-run-'))
  const workspace = options.workspace ?? mkdtempSync(path.join(home, 'workspace-'))
  const runnerTemp = mkdtempSync(path.join(home, 'runner-temp-'))
  const outputFile = path.join(home, 'output')
  const summaryFile = path.join(home, 'summary.md')
  const eventFile = path.join(home, 'event.json')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  writeFileSync(eventFile, JSON.stringify(options.event?.payload ?? {}))

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? home,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: options.event?.name ?? 'workflow_dispatch',
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_WORKSPACE: workspace,
    GITHUB_REPOSITORY: 'octo-org/catalog',
    RUNNER_TEMP: runnerTemp,
    ...inputEnv(options.inputs),
    ...Object.fromEntries(
      Object.entries(options.undeclaredInputs ?? {}).map(([name, value]) => [
        inputVariable(name),
        value
      ])
    ),
    ...options.env
  }
  return { home, workspace, runnerTemp, outputFile, summaryFile, env }
}

export async function runAction(options: RunActionOptions = {}): Promise<ActionRun> {
  const { workspace, runnerTemp, outputFile, summaryFile, env } = prepareRun(options)
  const started = Date.now()
  const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'index.js')], {
    cwd: workspace,
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  let killed = false
  const sendKill = (): void => {
    if (!killed && options.kill) {
      killed = true
      child.kill(options.kill.signal)
    }
  }
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk
    if (options.kill?.afterOutput && stdout.includes(options.kill.afterOutput)) sendKill()
  })
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const killTimer =
    options.kill?.afterMs !== undefined ? setTimeout(sendKill, options.kill.afterMs) : undefined
  const guard = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000)
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>(resolve =>
    child.on('close', (c, s) => resolve([c, s]))
  )
  clearTimeout(guard)
  if (killTimer) clearTimeout(killTimer)
  return {
    code,
    signal,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
    summaryFile,
    workspace,
    runnerTemp,
    elapsedMs: Date.now() - started
  }
}
