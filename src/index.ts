// The action's entry point: the runner runs dist/index.js, built from this file.
//
// The signal handlers come first, before the rest of the action is loaded (which takes a
// while): a run cancelled at once still writes its outputs and summary, status `cancelled`.
import { cancelOnSignals } from './cancel.js'

const cancellation = cancelOnSignals()
const [{ run }, { runnerContext }, { runChannel }] = await Promise.all([
  import('./main.js'),
  import('./runner.js'),
  import('./channel.js')
])
const context = runnerContext(process.env, cancellation)
try {
  const { failed } = await run(context)
  if (failed) process.exitCode = 1
} catch (error) {
  // run() reports its own failures; this only catches what escaped it, so the step still
  // fails with a message instead of a stack trace.
  const message = error instanceof Error ? error.message : String(error)
  const channel = runChannel(context.input('api-key'), process.env)
  process.exitCode = 1
  context.log.error(channel.logLine(`Unexpected error: ${message}`))
}
