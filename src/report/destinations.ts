// Where the report goes, checked before the first call to Miso: a run that deletes and then
// cannot say what it deleted (no outputs, no ID files) is worse than one that refuses to start.
import { accessSync, constants, statSync } from 'node:fs'

/**
 * Throws, naming the variable, unless `runnerTemp` is a writable directory and
 * GITHUB_OUTPUT / GITHUB_STEP_SUMMARY, when set, are writable files.
 */
export function checkReportDestinations(env: NodeJS.ProcessEnv, runnerTemp: string): void {
  const problems = [
    problemWith(env.RUNNER_TEMP ? 'RUNNER_TEMP' : 'the temp directory', runnerTemp, 'directory'),
    ...(['GITHUB_OUTPUT', 'GITHUB_STEP_SUMMARY'] as const).map(name => {
      const file = env[name]
      return file ? problemWith(name, file, 'file') : undefined
    })
  ].filter(problem => problem !== undefined)
  if (problems.length > 0) {
    throw new Error(
      `The run's report could not be written, so nothing was sent to Miso: ${problems.join('; ')}.`
    )
  }
}

function problemWith(name: string, target: string, kind: 'directory' | 'file'): string | undefined {
  let isKind: boolean
  try {
    const stat = statSync(target)
    isKind = kind === 'directory' ? stat.isDirectory() : stat.isFile()
  } catch {
    return `${name} (${target}) does not exist`
  }
  if (!isKind) return `${name} (${target}) is not a ${kind}`
  try {
    accessSync(target, constants.W_OK)
  } catch {
    return `${name} (${target}) is not writable`
  }
  return undefined
}
