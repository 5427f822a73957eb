// Running the action and the benchmark's child processes, and what they used.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FakeMiso } from '../../test-server/fake-miso.js'
import {
  ROOT,
  runAction,
  type ActionRun,
  type RunActionOptions
} from '../../test/support/run-action.js'

export const DIST = path.join(ROOT, 'dist')
export const ACTION = path.join(DIST, 'index.js')
const USAGE_PRELOAD = new URL('./usage-preload.mjs', import.meta.url).href

/** A child's own figures, written at its exit by usage-preload.mjs. */
export interface Usage {
  maxRssKiB: number
  userCpuMs: number
  systemCpuMs: number
}

/**
 * runAction, with the child's peak RSS and CPU time reported by the usage preload (its file
 * goes under `scratch`).
 */
export async function runMeasured(
  options: RunActionOptions,
  scratch: string
): Promise<{ run: ActionRun; usage: Usage }> {
  const usageFile = path.join(mkdtempSync(path.join(scratch, 'usage-')), 'usage.json')
  const run = await runAction({
    ...options,
    env: { ...options.env, NODE_OPTIONS: `--import=${USAGE_PRELOAD}`, BENCH_USAGE_FILE: usageFile }
  })
  // runAction makes a temp home for each run (runner temp, output and summary files).
  rmSync(path.dirname(run.runnerTemp), { recursive: true, force: true })
  let usage: Usage
  try {
    usage = JSON.parse(readFileSync(usageFile, 'utf8')) as Usage
  } catch {
    throw new Error(`the action left no usage figures (exit ${run.code})\n${tail(run)}`)
  }
  return { run, usage }
}

export function expectSucceeded(run: ActionRun, size: number, miso: FakeMiso): void {
  const deleted = miso.deletedCount
  if (run.code !== 0 || run.outputs.status !== 'succeeded' || deleted !== size) {
    throw new Error(
      `the action did not delete all ${size} IDs (exit ${run.code}, status ` +
        `${run.outputs.status ?? 'none'}, ${deleted} deleted)\n${tail(run)}`
    )
  }
}

export function tail(run: ActionRun): string {
  return `${run.stdout}\n${run.stderr}`.trim().split('\n').slice(-20).join('\n')
}

/** Runs a TypeScript file of this folder in a Node child; resolves with its stdout. */
export async function runScript(script: string, args: string[]): Promise<string> {
  const file = fileURLToPath(new URL(script, import.meta.url))
  const nodeArgs = ['--import', 'tsx', file, ...args]
  const child = spawn(process.execPath, nodeArgs, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  await waitForExit(child, nodeArgs.join(' '))
  return stdout
}

/** Resolves when the child exits with 0; rejects with its stderr otherwise. */
export function waitForExit(child: ChildProcess, name: string): Promise<void> {
  let stderr = ''
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code, signal) => {
      if (code === 0) resolve()
      else reject(new Error(`${name} ended with ${signal ?? `exit ${code}`}\n${stderr.trim()}`))
    })
  })
}

/** The size of each file under `dir`, by its path from there. */
export function filesUnder(dir: string): Record<string, number> {
  const sizes: Record<string, number> = {}
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const full = path.join(entry.parentPath, entry.name)
    sizes[path.relative(dir, full)] = statSync(full).size
  }
  return sizes
}

export function progress(message: string): void {
  process.stderr.write(`… ${message}\n`)
}
