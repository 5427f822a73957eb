// Everything one benchmark run measured, section by section (also the JSON it writes).
import type { BackupRun } from './backup.js'
import type { EndToEndRun } from './e2e.js'
import type { Section } from './options.js'
import type { ParseRun } from './parse.js'
import type { PollingRun } from './polling.js'
import type { QueueRun } from './queue.js'
import type { ScaleRun } from './scale.js'
import type { Startup } from './startup.js'

export interface Results {
  /** The 1-minute load average as each section began: other work on the machine skews it. */
  loadAverage: Partial<Record<Section, number>>
  endToEnd: EndToEndRun[]
  parse: ParseRun[]
  startup?: Startup
  polling: PollingRun[]
  reconcile?: ReconcileRun
  backup?: BackupRun
  queue: QueueRun[]
  scale: ScaleRun[]
}

export interface ReconcileRun {
  /** IDs Miso lists; the repository names all but `deleted` of them. */
  misoIds: number
  repositoryIds: number
  deleted: number
  listingMB: number
  wallMs: number
  peakRssMB: number
  cpuMs: number
}
