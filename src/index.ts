// The action's entry point: the runner runs dist/index.js, built from this file.
//
// The process guard comes first: from here on no warning or uncaught error reaches stdout or
// stderr but through the channel. Then the signal handlers, before the rest of the action is
// loaded (which takes a while): a run cancelled at once still writes its outputs and summary,
// status `cancelled`.
import { cancelOnSignals } from './cancel.js'
import { guardProcess } from './process-guard.js'

const guard = guardProcess()
const cancellation = cancelOnSignals()
const [{ run }, { runnerContext }, { runChannel }, { runLog }] = await Promise.all([
  import('./main.js'),
  import('./runner.js'),
  import('./channel.js'),
  import('./log.js')
])
const context = await runnerContext(cancellation)
guard.use(() => runLog(runChannel(context.input('api-key'), process.env), [], context.log))
try {
  const { failed } = await run(context)
  if (failed) process.exitCode = 1
} catch (error) {
  // run() reports its own failures; this only catches what escaped it, so the step still
  // fails with a message instead of a stack trace.
  guard.fail(error)
}
