// Preloaded with `node -r` by the benchmarks: reports the process's peak resident memory (all its threads) and its CPU
// time (user + system, all threads) on exit. Only the main thread reports: a worker thread shares the process.
if (require('node:worker_threads').isMainThread) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    process.stderr.write(`\n@@maxrss_kb=${usage.maxRSS} cpu_us=${usage.userCPUTime + usage.systemCPUTime}\n`);
  });
}
