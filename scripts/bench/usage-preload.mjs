// Preloaded by the benchmarks (`node --import`) into a child they start: at exit it writes the
// child's own peak RSS and CPU time to the file named by BENCH_USAGE_FILE. The parent cannot
// read these figures itself once the child is gone.
import { writeFileSync } from 'node:fs'

const file = process.env.BENCH_USAGE_FILE
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage()
    writeFileSync(
      file,
      JSON.stringify({
        maxRssKiB: usage.maxRSS,
        userCpuMs: usage.userCPUTime / 1000,
        systemCpuMs: usage.systemCPUTime / 1000
      })
    )
  })
}
