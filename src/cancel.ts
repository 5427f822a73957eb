// A cancelled workflow sends SIGINT, then SIGTERM a few seconds later, then kills.
// Both abort the run's signal so it stops at once and still reports what it did.

export type Cancellation = ReturnType<typeof cancelOnSignals>

export function cancelOnSignals(signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM']) {
  const controller = new AbortController()
  const onSignal = (name: NodeJS.Signals): void => {
    if (!controller.signal.aborted) controller.abort(new Error(`cancelled (${name})`))
  }
  for (const s of signals) process.on(s, onSignal)
  return {
    signal: controller.signal,
    dispose: () => signals.forEach(s => process.off(s, onSignal))
  }
}
