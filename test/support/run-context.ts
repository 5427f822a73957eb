// A run's context for in-process tests of main: inputs and environment given, every sink
// recorded.
import type { RunContext } from '../../src/runner.js'
import { type RecordingSink, recordingSink } from './log.js'

export interface RecordedRun {
  context: RunContext
  /** The lines printed, groups and error annotations included, and the secrets masked. */
  log: RecordingSink
  /** The step outputs set (a later value replaces an earlier one, as on the runner). */
  outputs: Record<string, string>
  /** The Markdown appended to the job summary, in order. */
  summary: string[]
}

/** The context of a run given `inputs` (by name, as in `with:`), `env` and the event. */
export function recordedRun(
  inputs: Record<string, string>,
  env: NodeJS.ProcessEnv,
  signal: AbortSignal = new AbortController().signal,
  event: RunContext['event'] = { name: 'workflow_dispatch', payload: {} }
): RecordedRun {
  const log = recordingSink()
  const outputs: Record<string, string> = {}
  const summary: string[] = []
  const context: RunContext = {
    input: name => inputs[name] ?? '',
    env,
    event,
    cancellation: { signal, dispose: () => undefined },
    log,
    output: (name, value) => {
      outputs[name] = value
    },
    summary: async markdown => {
      summary.push(markdown)
    }
  }
  return { context, log, outputs, summary }
}
